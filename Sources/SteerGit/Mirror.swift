import CLibgit2

/// A bare copy of a remote repository's branches and tags: `steer federation fetch` brings a
/// member given by URL into one, and every other command reads the member from it, offline.
extension Repository {
  /// Opens the bare mirror at `path`, creating it (and its parent directories) when absent.
  public static func mirror(at path: String) throws(GitError) -> Repository {
    if let existing = try? open(at: path) { return existing }
    var handle: OpaquePointer?
    try check("creating a mirror at \(path)", git_repository_init(&handle, path, 1))
    return Repository(pointer: handle!)
  }

  /// Makes this mirror's branches and tags those of `url` (branches and tags gone there go
  /// here too), and its HEAD the remote's default branch. Returns that branch's name, nil
  /// when the remote has none (an empty repository).
  @discardableResult
  public func fetchMirror(from url: String) throws(GitError) -> String? {
    var remote: OpaquePointer?
    try check("reading the URL \(url)", git_remote_create_anonymous(&remote, pointer, url))
    defer { git_remote_free(remote) }
    var callbacks = git_remote_callbacks()
    try check("preparing a fetch", git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION)))
    try check("connecting to \(url)", git_remote_connect(remote, GIT_DIRECTION_FETCH, &callbacks, nil, nil))
    var head = git_buf()
    defer { git_buf_dispose(&head) }
    let defaultBranch: String?
    switch git_remote_default_branch(&head, remote) {
    case 0: defaultBranch = head.ptr.map { String(cString: $0) }
    case GIT_ENOTFOUND.rawValue: defaultBranch = nil
    case let result: throw GitError(code: result, operation: "reading the default branch of \(url)")
    }
    var options = git_fetch_options()
    try check("preparing a fetch", git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)))
    options.prune = GIT_FETCH_PRUNE
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL
    let specifications = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"]
    let result = withCStrings(specifications) { strings in
      var array = git_strarray(strings: strings, count: specifications.count)
      return git_remote_fetch(remote, &array, &options, "steer federation fetch")
    }
    try check("fetching \(url)", result)
    if let defaultBranch {
      try check("pointing HEAD at \(defaultBranch)", git_repository_set_head(pointer, defaultBranch))
    }
    return defaultBranch
  }
}

/// Calls `body` with C copies of `strings`, freed when it returns.
private func withCStrings<Result>(
  _ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Result
) -> Result {
  let copies = strings.map { string -> UnsafeMutablePointer<CChar>? in
    let bytes = string.utf8CString
    let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
    bytes.withUnsafeBufferPointer { copy.initialize(from: $0.baseAddress!, count: bytes.count) }
    return copy
  }
  defer { copies.forEach { $0?.deallocate() } }
  var pointers = copies
  return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}
