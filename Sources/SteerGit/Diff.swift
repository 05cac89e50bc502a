import CLibgit2

extension Repository {
  /// Whether this is a shallow clone (history cut at some depth).
  public var isShallow: Bool { git_repository_is_shallow(pointer) == 1 }

  /// The paths that differ between `base` and `target` (a commit, or nil for the work tree
  /// with its index, untracked files included). A rename contributes both its old and its new
  /// path, so that whatever referred to either is seen as touched.
  public func changedPaths(from base: Commit, to target: Commit?) throws(GitError) -> Set<String> {
    var options = git_diff_options()
    try check("preparing a diff", git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)))
    options.flags = GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue

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
