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

  /// A tag the remote moved: the mirror keeps the commit it had, which a region may have pinned.
  public struct MovedTag: Sendable, Hashable {
    public var name: String
    public var kept: ObjectID
    public var upstream: ObjectID
  }

  /// What a fetch brought: the remote's default branch (nil for an empty repository) and the
  /// tags it moved.
  public struct MirrorFetch: Sendable {
    public var defaultBranch: String?
    public var movedTags: [MovedTag]
  }

  /// The namespace the remote's tags are fetched into, to compare with the mirror's own.
  static let upstreamTags = "refs/steer/upstream-tags/"

  /// Makes this mirror's branches those of `url` (branches gone there go here too) and its HEAD
  /// the remote's default branch; adds the remote's new tags. A tag is never moved nor
  /// removed: what a region pinned stays readable, and a tag the remote moved is returned.
  /// Every connection gives up after `timeout` seconds without progress (SocketStream.swift).
  public func fetchMirror(from url: String, timeout: Int) throws(GitError) -> MirrorFetch {
    try Self.watchingConnections(timeout: timeout) { () throws(GitError) in try fetchMirrorNow(from: url) }
  }

  private func fetchMirrorNow(from url: String) throws(GitError) -> MirrorFetch {
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
    options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
    let specifications = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:\(Self.upstreamTags)*"]
    let result = withCStrings(specifications) { strings in
      var array = git_strarray(strings: strings, count: specifications.count)
      return git_remote_fetch(remote, &array, &options, "steer federation fetch")
    }
    try check("fetching \(url)", result)
    if let defaultBranch {
      try check("pointing HEAD at \(defaultBranch)", git_repository_set_head(pointer, defaultBranch))
    }
    return MirrorFetch(defaultBranch: defaultBranch, movedTags: try adoptUpstreamTags())
  }

  /// Creates the upstream tags the mirror lacks; returns those it has at another commit.
  private func adoptUpstreamTags() throws(GitError) -> [MovedTag] {
    var moved: [MovedTag] = []
    for (reference, target) in try references(under: Self.upstreamTags) {
      let name = String(reference.dropFirst(Self.upstreamTags.count))
      var local = git_oid()
      guard git_reference_name_to_id(&local, pointer, "refs/tags/" + name) == 0 else {
        var created: OpaquePointer?
        var oid = target.raw
        try check(
          "creating the tag \(name)",
          git_reference_create(&created, pointer, "refs/tags/" + name, &oid, 0, "steer federation fetch"))
        git_reference_free(created)
        continue
      }
      guard ObjectID(local) != target else { continue }
      let kept = try commit(for: "refs/tags/" + name).id
      let upstream = try commit(for: reference).id
      if kept != upstream { moved.append(MovedTag(name: name, kept: kept, upstream: upstream)) }
    }
    return moved
  }

  /// The direct references whose names start with `prefix`, with their targets.
  private func references(under prefix: String) throws(GitError) -> [(name: String, target: ObjectID)] {
    var iterator: OpaquePointer?
    try check("listing \(prefix)", git_reference_iterator_glob_new(&iterator, pointer, prefix + "*"))
    defer { git_reference_iterator_free(iterator) }
    var found: [(String, ObjectID)] = []
    var reference: OpaquePointer?
    while git_reference_next(&reference, iterator) == 0 {
      defer { git_reference_free(reference) }
      if let name = git_reference_name(reference), let target = git_reference_target(reference) {
        found.append((String(cString: name), ObjectID(target.pointee)))
      }
    }
    return found
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
