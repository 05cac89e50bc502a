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
