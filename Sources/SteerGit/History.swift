import CLibgit2

/// What a commit says about itself.
public struct CommitInfo: Hashable, Sendable {
  public var id: ObjectID
  public var parents: [ObjectID]
  public var message: String
  public var author: Signature
  /// Author time, seconds since 1970.
  public var time: Int64
  /// The message's trailers (`Key: value` lines of its last paragraph), in order.
  public var trailers: [(key: String, value: String)]

  public static func == (lhs: CommitInfo, rhs: CommitInfo) -> Bool { lhs.id == rhs.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }

  public func trailer(_ key: String) -> String? { trailers.first { $0.key == key }?.value }
}

extension Commit {
  public var info: CommitInfo {
    let message = String(cString: git_commit_message(pointer))
    let author = git_commit_author(pointer)!.pointee
    var trailers: [(String, String)] = []
    var array = git_message_trailer_array()
    if git_message_trailers(&array, message) == 0 {
      for index in 0..<array.count {
        let trailer = array.trailers[index]
        trailers.append((String(cString: trailer.key), String(cString: trailer.value)))
      }
      git_message_trailer_array_free(&array)
    }
    return CommitInfo(
      id: id,
      parents: (0..<git_commit_parentcount(pointer)).map { ObjectID(git_commit_parent_id(pointer, $0).pointee) },
      message: message, author: Signature(name: String(cString: author.name), email: String(cString: author.email)),
      time: author.when.time, trailers: trailers)
  }

  /// The id of the tree or blob at `path` (nil when absent): comparing it with a parent's
  /// says whether a directory changed without listing it.
  public func entryID(at path: String) throws(GitError) -> ObjectID? {
    var tree: OpaquePointer?
    try check("reading the tree of commit \(id)", git_commit_tree(&tree, pointer))
    defer { git_tree_free(tree) }
    if path.isEmpty { return ObjectID(git_tree_id(tree).pointee) }
    var entry: OpaquePointer?
    let result = git_tree_entry_bypath(&entry, tree, path)
    if result == GIT_ENOTFOUND.rawValue { return nil }
    try check("looking up '\(path)'", result)
    defer { git_tree_entry_free(entry) }
    return ObjectID(git_tree_entry_id(entry).pointee)
  }
}

extension Repository {
  /// Commits reachable from `start` (default HEAD) and not from `hidden`, newest first.
  public func log(from start: ObjectID? = nil, hiding hidden: ObjectID? = nil, firstParent: Bool = false)
    throws(GitError) -> [Commit]
  {
    var walk: OpaquePointer?
    try check("starting a revision walk", git_revwalk_new(&walk, pointer))
    defer { git_revwalk_free(walk) }
    try check("sorting the walk", git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue))
    if firstParent { try check("walking first parents", git_revwalk_simplify_first_parent(walk)) }
    if var oid = start?.raw {
      try check("walking from \(start!)", git_revwalk_push(walk, &oid))
    } else {
      // No commit yet: no history (this libgit2 reports an unborn HEAD as a plain error).
      if isHeadUnborn { return [] }
      let result = git_revwalk_push_head(walk)
      if result == GIT_EUNBORNBRANCH.rawValue || result == GIT_ENOTFOUND.rawValue { return [] }
      try check("walking from HEAD", result)
    }
    if var oid = hidden?.raw { try check("hiding \(hidden!)", git_revwalk_hide(walk, &oid)) }
    var commits: [Commit] = []
    var oid = git_oid()
    while git_revwalk_next(&oid, walk) == 0 {
      var commit: OpaquePointer?
      try check("reading a commit", git_commit_lookup(&commit, pointer, &oid))
      commits.append(Commit(pointer: commit!, repository: self))
    }
    return commits
  }

  /// Tags matching a glob (`steer/iteration/*`), each with the commit it points at.
  public func tags(matching pattern: String) throws(GitError) -> [(name: String, commit: Commit)] {
    var tags: [(String, Commit)] = []
    for name in try tagNames(matching: pattern) { tags.append((name, try commit(for: "refs/tags/\(name)"))) }
    return tags
  }

  /// The names of the tags matching a glob, without reading what they point at.
  public func tagNames(matching pattern: String) throws(GitError) -> [String] {
    var names = git_strarray()
    try check("listing tags", git_tag_list_match(&names, pattern, pointer))
    defer { git_strarray_dispose(&names) }
    return (0..<names.count).map { String(cString: names.strings[$0]!) }
  }

  public func commit(_ id: ObjectID) throws(GitError) -> Commit {
    var commit: OpaquePointer?
    var oid = id.raw
    try check("reading commit \(id)", git_commit_lookup(&commit, pointer, &oid))
    return Commit(pointer: commit!, repository: self)
  }
}
