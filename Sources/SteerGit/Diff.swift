import CLibgit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension Repository {
  /// Whether this is a shallow clone (history cut at some depth).
  public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

  /// The paths that differ between `base` and `target` (a commit, or nil for the work tree
  /// with its index, untracked files included). A rename contributes both its old and its new
  /// path, so that whatever referred to either is seen as touched. `directory` limits the
  /// comparison to that folder; `includingIgnored` counts the files git ignores there too.
  public func changedPaths(
    from base: Commit, to target: Commit?, under directory: String? = nil, includingIgnored: Bool = false
  ) throws(GitError) -> Set<String> {
    var options = git_diff_options()
    try check("preparing a diff", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
    options.flags = GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
    if includingIgnored { options.flags |= GIT_DIFF_INCLUDE_IGNORED.rawValue | GIT_DIFF_RECURSE_IGNORED_DIRS.rawValue }
    let pathspec = directory.flatMap { $0.isEmpty ? nil : strdup($0) }
    defer { free(pathspec) }
    var strings = [pathspec]
    let result = strings.withUnsafeMutableBufferPointer { strings in
      if pathspec != nil { options.pathspec = git_strarray(strings: strings.baseAddress, count: 1) }
      return Result { () throws(GitError) in try changedPaths(from: base, to: target, options: &options) }
    }
    return try result.get()
  }

  private func changedPaths(from base: Commit, to target: Commit?, options: inout git_diff_options) throws(GitError)
    -> Set<String>
  {
    var baseTree: OpaquePointer?
    try check("reading the tree of \(base.id)", git_commit_tree(&baseTree, base.pointer))
    defer { git_tree_free(baseTree) }
    var diff: OpaquePointer?
    if let target {
      var targetTree: OpaquePointer?
      try check("reading the tree of \(target.id)", git_commit_tree(&targetTree, target.pointer))
      defer { git_tree_free(targetTree) }
      try check(
        "diffing \(base.id) and \(target.id)", git_diff_tree_to_tree(&diff, pointer, baseTree, targetTree, &options))
    } else {
      try check(
        "diffing \(base.id) and the work tree", git_diff_tree_to_workdir_with_index(&diff, pointer, baseTree, &options))
    }
    defer { git_diff_free(diff) }

    var find = git_diff_find_options()
    try check("preparing rename detection", git_diff_find_options_init(&find, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)))
    find.flags = GIT_DIFF_FIND_RENAMES.rawValue | GIT_DIFF_FIND_FOR_UNTRACKED.rawValue
    try check("following renames", git_diff_find_similar(diff, &find))

    var paths: Set<String> = []
    for index in 0..<git_diff_num_deltas(diff) {
      guard let delta = git_diff_get_delta(diff, index)?.pointee else { continue }
      if let path = delta.old_file.path { paths.insert(String(cString: path)) }
      if let path = delta.new_file.path { paths.insert(String(cString: path)) }
    }
    return paths
  }
}

/// How the work tree, with its index, stands against a commit: `git status` with that commit
/// in place of HEAD.
public struct WorkTreeStatus: Sendable {
  /// The paths whose content differs, staged or not: modified, added, deleted, untracked. A
  /// rename contributes both its paths; a directory git reports whole (a nested repository)
  /// ends with `/`.
  public var changed: Set<String>
  /// The paths git ignores that stand in the work tree; a directory ignored whole ends with `/`.
  public var ignored: [String]
}

extension Repository {
  /// The work tree's status against `base`, limited to `paths` (files, or directories and
  /// all they hold; every path when empty). Read-only: the index is not refreshed on disk.
  public func status(against base: Commit, limitedTo paths: [String] = []) throws(GitError) -> WorkTreeStatus {
    var baseTree: OpaquePointer?
    try check("reading the tree of \(base.id)", git_commit_tree(&baseTree, base.pointer))
    defer { git_tree_free(baseTree) }
    var options = git_status_options()
    try check("preparing a status", git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)))
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
    // No rename detection: a rename's two paths are there anyway, as a deletion and an addition.
    options.flags =
      GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
      | GIT_STATUS_OPT_INCLUDE_IGNORED.rawValue | GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH.rawValue
    options.baseline = baseTree
    let pathspec = paths.map { strdup($0) }
    defer { pathspec.forEach { free($0) } }
    var strings = pathspec
    let list = strings.withUnsafeMutableBufferPointer { strings in
      options.pathspec = git_strarray(strings: strings.baseAddress, count: strings.count)
      return Result { () throws(GitError) -> OpaquePointer in
        var list: OpaquePointer?
        try check("comparing the work tree with \(base.id)", git_status_list_new(&list, pointer, &options))
        return list!
      }
    }
    let statusList = try list.get()
    defer { git_status_list_free(statusList) }
    var status = WorkTreeStatus(changed: [], ignored: [])
    for index in 0..<git_status_list_entrycount(statusList) {
      guard let entry = git_status_byindex(statusList, index)?.pointee else { continue }
      if entry.status.rawValue & GIT_STATUS_IGNORED.rawValue != 0 {
        if let path = entry.index_to_workdir?.pointee.new_file.path { status.ignored.append(String(cString: path)) }
        continue
      }
      for delta in [entry.head_to_index, entry.index_to_workdir] {
        guard let delta = delta?.pointee else { continue }
        if let path = delta.old_file.path { status.changed.insert(String(cString: path)) }
        if let path = delta.new_file.path { status.changed.insert(String(cString: path)) }
      }
    }
    return status
  }
}

/// A file that differs between two trees: its path below them, and its new blob (nil when
/// it was deleted, or is no longer a regular file).
public struct TreeChange: Hashable, Sendable {
  public let path: String
  public let blob: ObjectID?
}

extension Repository {
  /// The files that differ between two trees (nil for none: every file is added or deleted),
  /// with paths relative to them. Subtrees whose ids are equal are skipped, so the cost
  /// follows the change, not the size of the trees. Links and submodules are not files here.
  public func changes(from old: ObjectID?, to new: ObjectID?) throws(GitError) -> [TreeChange] {
    var changes: [TreeChange] = []
    if old != new { try compare(old, new, prefix: "", into: &changes) }
    return changes
  }

  /// A merge of the two trees' entries, which git keeps sorted in one order (`git_tree_entry_cmp`).
  private func compare(_ old: ObjectID?, _ new: ObjectID?, prefix: String, into changes: inout [TreeChange])
    throws(GitError)
  {
    let oldTree = try old.map { id throws(GitError) in try tree(id) }
    defer { git_tree_free(oldTree) }
    let newTree = try new.map { id throws(GitError) in try tree(id) }
    defer { git_tree_free(newTree) }
    let oldCount = oldTree.map(git_tree_entrycount) ?? 0
    let newCount = newTree.map(git_tree_entrycount) ?? 0
    var i = 0
    var j = 0
    while i < oldCount || j < newCount {
      let before = i < oldCount ? git_tree_entry_byindex(oldTree, i) : nil
      let after = j < newCount ? git_tree_entry_byindex(newTree, j) : nil
      let order: Int32 =
        if let before, let after { git_tree_entry_cmp(before, after) } else { before == nil ? 1 : -1 }
      if order < 0 {
        try record(before!, prefix: prefix, present: false, into: &changes)
        i += 1
      } else if order > 0 {
        try record(after!, prefix: prefix, present: true, into: &changes)
        j += 1
      } else {
        i += 1
        j += 1
        guard
          git_oid_equal(git_tree_entry_id(before), git_tree_entry_id(after)) == 0
            || git_tree_entry_filemode(before) != git_tree_entry_filemode(after)
        else { continue }
        if Self.isTree(before!) && Self.isTree(after!) {
          try compare(
            ObjectID(git_tree_entry_id(before).pointee), ObjectID(git_tree_entry_id(after).pointee),
            prefix: prefix + Self.name(after!) + "/", into: &changes)
        } else if Self.isRegularFile(after!) {
          if Self.isTree(before!) { try record(before!, prefix: prefix, present: false, into: &changes) }
          changes.append(TreeChange(path: prefix + Self.name(after!), blob: ObjectID(git_tree_entry_id(after).pointee)))
        } else {
          try record(before!, prefix: prefix, present: false, into: &changes)
          try record(after!, prefix: prefix, present: true, into: &changes)
        }
      }
    }
  }

  /// An entry present on one side only: a file, or every file of a subtree.
  private func record(_ entry: OpaquePointer, prefix: String, present: Bool, into changes: inout [TreeChange])
    throws(GitError)
  {
    let id = ObjectID(git_tree_entry_id(entry).pointee)
    if Self.isTree(entry) {
      try compare(present ? nil : id, present ? id : nil, prefix: prefix + Self.name(entry) + "/", into: &changes)
    } else if Self.isRegularFile(entry) {
      changes.append(TreeChange(path: prefix + Self.name(entry), blob: present ? id : nil))
    }
  }

  private func tree(_ id: ObjectID) throws(GitError) -> OpaquePointer {
    var oid = id.raw
    var tree: OpaquePointer?
    try check("reading tree \(id)", git_tree_lookup(&tree, pointer, &oid))
    return tree!
  }

  private static func name(_ entry: OpaquePointer) -> String { String(cString: git_tree_entry_name(entry)) }

  private static func isTree(_ entry: OpaquePointer) -> Bool { git_tree_entry_type(entry) == GIT_OBJECT_TREE }

  private static func isRegularFile(_ entry: OpaquePointer) -> Bool {
    let mode = git_tree_entry_filemode(entry)
    return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE
  }
}
