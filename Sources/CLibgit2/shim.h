#include <git2.h>

// git_libgit2_opts is variadic, which Swift cannot call: one wrapper per option used.

/// Objects of `type` larger than `size` bytes are not kept in the object cache.
static inline int steer_git_set_cache_object_limit(git_object_t type, size_t size) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, size);
}

/// The object cache holds at most `size` bytes.
static inline int steer_git_set_cache_max_size(ssize_t size) {
  return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, size);
}

/// Whether every object read is hashed again to check its id.
static inline int steer_git_enable_strict_hash_verification(int enabled) {
  return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

#include <git2/sys/stream.h>

/// Steer's socket stream (SteerGit/SocketStream.swift): libgit2's `git_stream` first, as
/// libgit2 requires of a registered stream, then what the Swift callbacks keep.
typedef struct {
  git_stream parent;
  int socket;
  /// How long a connection, a read or a write may wait, in milliseconds.
  int timeout_ms;
  char *host;
  char *port;
} steer_socket_stream;
