import CLibgit2

/// A commit, kept with its repository so that the handle outlives nothing it needs.
public final class Commit {
  let pointer: OpaquePointer
  public let repository: Repository

  init(pointer: OpaquePointer, repository: Repository) {
    self.pointer = pointer
    self.repository = repository
  }

  deinit { git_commit_free(pointer) }

  public var id: ObjectID { ObjectID(git_commit_id(pointer).pointee) }

  /// When the commit was made (its committer's time), in seconds since 1970.
  public var time: Int64 { Int64(git_commit_time(pointer)) }

  /// A file of the commit's tree, or nil when the path is absent or not a file.
  public func file(at path: String) throws(GitError) -> TreeFile? {
    try withTree { tree throws(GitError) in
      var entry: OpaquePointer?
      let result = git_tree_entry_bypath(&entry, tree, path)
      if result == GIT_ENOTFOUND.rawValue { return nil }
      try check("looking up '\(path)'", result)
      defer { git_tree_entry_free(entry) }
      guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
      return TreeFile(path: path, id: ObjectID(git_tree_entry_id(entry).pointee))
    }
  }

  /// Whether `path` names a directory of the commit's tree (`""` is the root).
  public func hasDirectory(at path: String) throws(GitError) -> Bool {
    if path.isEmpty { return true }
    return try withTree { tree throws(GitError) in
      var entry: OpaquePointer?
      let result = git_tree_entry_bypath(&entry, tree, path)
      if result == GIT_ENOTFOUND.rawValue { return false }
      try check("looking up '\(path)'", result)
      defer { git_tree_entry_free(entry) }
      return git_tree_entry_type(entry) == GIT_OBJECT_TREE
    }
  }

  /// Every file below `directory` (recursively), with paths relative to the repository root.
  /// Submodules are skipped; symbolic links are listed as such (a ledger never needs them, and
  /// one named like a document is reported, as in the work tree).
  public func files(under directory: String) throws(GitError) -> [TreeFile] {
    guard let root = try entryID(at: directory) else { return [] }
    var files: [TreeFile] = []
    try collect(root, prefix: directory.isEmpty ? "" : directory + "/", into: &files)
    return files
  }

  private func collect(_ treeID: ObjectID, prefix: String, into files: inout [TreeFile]) throws(GitError) {
    var tree: OpaquePointer?
    var oid = treeID.raw
    let result = git_tree_lookup(&tree, repository.pointer, &oid)
    if result == GIT_ENOTFOUND.rawValue { return }  // a blob, not a tree
    try check("reading tree \(treeID)", result)
    defer { git_tree_free(tree) }
    for index in 0..<git_tree_entrycount(tree) {
      guard let entry = git_tree_entry_byindex(tree, index) else { continue }
      let name = String(cString: git_tree_entry_name(entry))
      let id = ObjectID(git_tree_entry_id(entry).pointee)
      switch git_tree_entry_type(entry) {
      case GIT_OBJECT_BLOB:
        files.append(
          TreeFile(path: prefix + name, id: id, isSymbolicLink: git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK))
      case GIT_OBJECT_TREE: try collect(id, prefix: prefix + name + "/", into: &files)
      default: continue  // submodules
      }
    }
  }

  private func withTree<T>(_ body: (OpaquePointer) throws(GitError) -> T) throws(GitError) -> T {
    var tree: OpaquePointer?
    try check("reading the tree of commit \(id)", git_commit_tree(&tree, pointer))
    defer { git_tree_free(tree) }
    return try body(tree!)
  }
}

/// A file of a tree: its path from the repository root and its blob id.
public struct TreeFile: Hashable, Sendable {
  public let path: String
  public let id: ObjectID
  public var isSymbolicLink = false
}
