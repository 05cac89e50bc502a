import CLibgit2

/// libgit2 is initialised once for the life of the process: its global state is
/// reference-counted, and a `static let` runs exactly once, thread-safely.
private let libgit2Initialised: Int32 = {
  let count = git_libgit2_init()
  // Trees up to 1 MiB stay in the object cache (libgit2 keeps none above 4 KiB by default):
  // replaying a history compares each version of a large directory with the next, so every
  // tree is read twice in a row.
  _ = steer_git_set_cache_object_limit(GIT_OBJECT_TREE, 1 << 20)
  _ = steer_git_set_cache_max_size(64 << 20)
  // Objects read are not hashed again, as C git does not: pack data is checksummed already,
  // and hashing every blob and tree of a long history read back doubled libgit2's share.
  _ = steer_git_enable_strict_hash_verification(0)
  return count
}()

/// An open repository. Not thread-safe (libgit2's objects are not): keep one per task.
public final class Repository {
  let pointer: OpaquePointer

  init(pointer: OpaquePointer) {
    self.pointer = pointer
  }

  deinit { git_repository_free(pointer) }

  /// The repository that contains `path` (a work tree, a subdirectory of one, a linked
  /// worktree or a bare repository), or nil when there is none.
  public static func discover(containing path: String) throws(GitError) -> Repository? {
    _ = libgit2Initialised
    var handle: OpaquePointer?
    let result = git_repository_open_ext(&handle, path, 0, nil)
    // libgit2 1.5 refuses a repository owned by another user with "not found" and a word about
    // safe.directory: that is a repository, and the user must hear why it is not opened.
    let detail = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? ""
    if result == GIT_EOWNER.rawValue || (result == GIT_ENOTFOUND.rawValue && detail.contains("safe.directory")) {
      var found = git_buf()
      defer { git_buf_dispose(&found) }
      let gitDirectory =
        git_repository_discover(&found, path, 0, nil) == 0 && found.ptr != nil ? String(cString: found.ptr) : path
      throw GitError(ownedByAnotherUser: gitDirectory)
    }
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check("opening the repository at \(path)", result)
    return Repository(pointer: handle!)
  }

  /// Opens exactly the repository at `path`.
  public static func open(at path: String) throws(GitError) -> Repository {
    _ = libgit2Initialised
    var handle: OpaquePointer?
    try check("opening the repository at \(path)", git_repository_open(&handle, path))
    return Repository(pointer: handle!)
  }

  /// The root of the work tree, without a trailing `/`; nil for a bare repository.
  public var workingDirectory: String? {
    guard let path = git_repository_workdir(pointer) else { return nil }
    return String(cString: path).trimmingTrailingSlash
  }

  /// The `.git` directory (for a bare repository, the repository itself).
  public var gitDirectory: String { String(cString: git_repository_path(pointer)).trimmingTrailingSlash }

  /// The git directory that linked worktrees share (the main one's `.git`): where
  /// repository-wide data such as steer's document cache lives.
  public var commonDirectory: String { String(cString: git_repository_commondir(pointer)).trimmingTrailingSlash }

  public var isBare: Bool { git_repository_is_bare(pointer) == 1 }

  /// True while HEAD names a branch that has no commit yet (a new repository).
  public var isHeadUnborn: Bool { git_repository_head_unborn(pointer) == 1 }

  /// The commit a revision names (`HEAD`, `main~2`, a tag, an abbreviated id), peeling tags.
  public func commit(for revision: String) throws(GitError) -> Commit {
    var object: OpaquePointer?
    try check("resolving revision '\(revision)'", git_revparse_single(&object, pointer, revision))
    defer { git_object_free(object) }
    var commit: OpaquePointer?
    try check("resolving revision '\(revision)' to a commit", git_object_peel(&commit, object, GIT_OBJECT_COMMIT))
    return Commit(pointer: commit!, repository: self)
  }

  /// The bytes of a blob.
  public func blobContents(_ id: ObjectID) throws(GitError) -> [UInt8] {
    var oid = id.raw
    var blob: OpaquePointer?
    try check("reading blob \(id)", git_blob_lookup(&blob, pointer, &oid))
    defer { git_blob_free(blob) }
    let size = Int(git_blob_rawsize(blob))
    guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
    return Array(UnsafeRawBufferPointer(start: raw, count: size))
  }
}

/// A 20-byte git object id.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
  let raw: git_oid

  init(_ raw: git_oid) { self.raw = raw }

  /// How many bytes an id has.
  public static let byteCount = MemoryLayout<git_oid>.size

  /// An id from its raw bytes (`byteCount` of them), as `withUnsafeBytes` gives them.
  public init?(bytes: UnsafeRawBufferPointer) {
    guard bytes.count == Self.byteCount else { return nil }
    var raw = git_oid()
    withUnsafeMutableBytes(of: &raw) { $0.copyMemory(from: bytes) }
    self.raw = raw
  }

  public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    try Swift.withUnsafeBytes(of: raw, body)
  }

  public static func == (lhs: ObjectID, rhs: ObjectID) -> Bool {
    var left = lhs.raw
    var right = rhs.raw
    return git_oid_equal(&left, &right) == 1
  }

  /// An id is already a hash: its first eight bytes are enough, and cheaper than all twenty.
  public func hash(into hasher: inout Hasher) {
    withUnsafeBytes { hasher.combine($0.loadUnaligned(as: UInt64.self)) }
  }

  public var description: String {
    var oid = raw
    var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
    git_oid_tostr(&buffer, buffer.count, &oid)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

extension String {
  var trimmingTrailingSlash: String {
    count > 1 && hasSuffix("/") ? String(dropLast()) : self
  }
}
