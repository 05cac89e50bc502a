import CLibgit2

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Who made a commit or a tag, and when (nil: now).
public struct Signature: Hashable, Sendable, CustomStringConvertible {
  public var name: String
  public var email: String
  /// Seconds since 1970 and the offset from UTC in minutes, as `GIT_AUTHOR_DATE` may give them.
  public var time: (seconds: Int64, offsetMinutes: Int32)?

  public init(name: String, email: String, time: (seconds: Int64, offsetMinutes: Int32)? = nil) {
    self.name = name
    self.email = email
    self.time = time
  }

  public static func == (lhs: Signature, rhs: Signature) -> Bool {
    lhs.name == rhs.name && lhs.email == rhs.email && lhs.time?.seconds == rhs.time?.seconds
      && lhs.time?.offsetMinutes == rhs.time?.offsetMinutes
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(email)
    hasher.combine(time?.seconds)
  }

  /// Parses `Name <mail>`.
  public init?(parsing text: String) {
    guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return nil }
    let name = text[..<open].trimmingCharacters(in: " ")
    let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
    guard !name.isEmpty, !email.isEmpty else { return nil }
    self.init(name: String(name), email: email)
  }

  public var description: String { "\(name) <\(email)>" }

  /// A libgit2 signature at its time, else stamped now; freed by the caller.
  func make() throws(GitError) -> UnsafeMutablePointer<git_signature> {
    var signature: UnsafeMutablePointer<git_signature>?
    if let time {
      try check(
        "making the signature of \(self)", git_signature_new(&signature, name, email, time.seconds, time.offsetMinutes))
    } else {
      try check("making the signature of \(self)", git_signature_now(&signature, name, email))
    }
    return signature!
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: Character) -> Substring {
    var copy = self
    while copy.first == set { copy.removeFirst() }
    while copy.last == set { copy.removeLast() }
    return copy
  }
}

/// Where HEAD points.
public enum Head: Hashable, Sendable {
  /// On a branch (full ref name), at a commit, or unborn (no commit yet).
  case branch(String, ObjectID?)
  case detached(ObjectID)

  public var commit: ObjectID? {
    switch self {
    case .branch(_, let id): id
    case .detached(let id): id
    }
  }
}

/// A file to put in a tree: its path from the root and its blob.
public struct TreeUpdate: Hashable, Sendable {
  public var path: String
  public var blob: ObjectID

  public init(path: String, blob: ObjectID) {
    self.path = path
    self.blob = blob
  }
}

extension Repository {
  public var head: Head {
    get throws(GitError) {
      var reference: OpaquePointer?
      let result = git_reference_lookup(&reference, pointer, "HEAD")
      try check("reading HEAD", result)
      defer { git_reference_free(reference) }
      if git_reference_type(reference) == GIT_REFERENCE_SYMBOLIC {
        let target = String(cString: git_reference_symbolic_target(reference))
        var oid = git_oid()
        let resolved = git_reference_name_to_id(&oid, pointer, target)
        if resolved == GIT_ENOTFOUND.rawValue { return .branch(target, nil) }
        try check("resolving \(target)", resolved)
        return .branch(target, ObjectID(oid))
      }
      return .detached(ObjectID(git_reference_target(reference).pointee))
    }
  }

  public func writeBlob(_ bytes: [UInt8]) throws(GitError) -> ObjectID {
    var oid = git_oid()
    let result = bytes.withUnsafeBytes { git_blob_create_from_buffer(&oid, pointer, $0.baseAddress, $0.count) }
    try check("writing a blob", result)
    return ObjectID(oid)
  }

  /// The tree of `base` (a commit; nil for an empty tree) with `updates` written over it.
  public func tree(from base: ObjectID?, updating updates: [TreeUpdate]) throws(GitError) -> ObjectID {
    var baseline: OpaquePointer?
    if let base {
      var commit: OpaquePointer?
      var oid = base.raw
      try check("reading commit \(base)", git_commit_lookup(&commit, pointer, &oid))
      defer { git_commit_free(commit) }
      try check("reading the tree of \(base)", git_commit_tree(&baseline, commit))
    } else {
      var builder: OpaquePointer?
      try check("starting an empty tree", git_treebuilder_new(&builder, pointer, nil))
      defer { git_treebuilder_free(builder) }
      var empty = git_oid()
      try check("writing an empty tree", git_treebuilder_write(&empty, builder))
      try check("reading the empty tree", git_tree_lookup(&baseline, pointer, &empty))
    }
    defer { git_tree_free(baseline) }
    var result = git_oid()
    let paths = updates.map { strdup($0.path)! }
    defer { paths.forEach { free($0) } }
    let changes = zip(updates, paths).map { update, path in
      git_tree_update(action: GIT_TREE_UPDATE_UPSERT, id: update.blob.raw, filemode: GIT_FILEMODE_BLOB, path: path)
    }
    try check("writing the new tree", git_tree_create_updated(&result, pointer, baseline, changes.count, changes))
    return ObjectID(result)
  }

  /// Creates a commit object (no reference moves).
  public func createCommit(
    tree: ObjectID, parents: [ObjectID], author: Signature, committer: Signature, message: String
  ) throws(GitError) -> ObjectID {
    let authorSignature = try author.make()
    defer { git_signature_free(authorSignature) }
    let committerSignature = try committer.make()
    defer { git_signature_free(committerSignature) }
    var treeID = tree.raw
    var treeObject: OpaquePointer?
    try check("reading tree \(tree)", git_tree_lookup(&treeObject, pointer, &treeID))
    defer { git_tree_free(treeObject) }
    var parentObjects: [OpaquePointer?] = []
    defer { parentObjects.forEach { git_commit_free($0) } }
    for parent in parents {
      var commit: OpaquePointer?
      var oid = parent.raw
      try check("reading parent \(parent)", git_commit_lookup(&commit, pointer, &oid))
      parentObjects.append(commit)
    }
    var oid = git_oid()
    let result = parentObjects.withUnsafeMutableBufferPointer { buffer in
      git_commit_create(
        &oid, pointer, nil, authorSignature, committerSignature, "UTF-8", message, treeObject, parents.count,
        buffer.baseAddress)
    }
    try check("creating the commit", result)
    return ObjectID(oid)
  }

  /// Moves (or creates) a reference only if it still points where the caller saw it
  /// (`expected` nil: only if it does not exist yet). Throws `GitError` with `isModified`
  /// when another writer got there first.
  public func updateReference(
    _ name: String, to target: ObjectID, expecting expected: ObjectID?, message: String
  ) throws(GitError) {
    var reference: OpaquePointer?
    var oid = target.raw
    var current = expected?.raw ?? git_oid()
    let result =
      expected == nil
      ? git_reference_create(&reference, pointer, name, &oid, 0, message)
      : git_reference_create_matching(&reference, pointer, name, &oid, 1, &current, message)
    if result == GIT_EEXISTS.rawValue {
      throw GitError(code: GIT_EMODIFIED.rawValue, operation: "updating \(name)")
    }
    try check("updating \(name)", result)
    git_reference_free(reference)
  }

  /// The object a tag name points at (the tag object for an annotated tag), if the tag exists.
  public func tagReference(_ name: String) -> ObjectID? {
    var oid = git_oid()
    guard git_reference_name_to_id(&oid, pointer, "refs/tags/\(name)") == 0 else { return nil }
    return ObjectID(oid)
  }

  /// Creates an annotated tag; with `force`, moves an existing one.
  @discardableResult
  public func createTag(_ name: String, target: ObjectID, tagger: Signature, message: String, force: Bool)
    throws(GitError) -> ObjectID
  {
    var object: OpaquePointer?
    var targetID = target.raw
    try check("reading \(target)", git_object_lookup(&object, pointer, &targetID, GIT_OBJECT_COMMIT))
    defer { git_object_free(object) }
    let signature = try tagger.make()
    defer { git_signature_free(signature) }
    var oid = git_oid()
    try check(
      "creating the tag \(name)", git_tag_create(&oid, pointer, name, object, signature, message, force ? 1 : 0))
    return ObjectID(oid)
  }

  /// Whether another git process holds the index (`index.lock` exists).
  public var isIndexLocked: Bool {
    access(gitDirectory + "/index.lock", F_OK) == 0
  }

  /// Points the index entries of `updates` at their blobs, leaving every other entry as it was.
  public func stage(_ updates: [TreeUpdate]) throws(GitError) {
    var index: OpaquePointer?
    try check("opening the index", git_repository_index(&index, pointer))
    defer { git_index_free(index) }
    try check("reading the index", git_index_read(index, 0))
    for update in updates {
      var entry = git_index_entry()
      entry.mode = UInt32(GIT_FILEMODE_BLOB.rawValue)
      entry.id = update.blob.raw
      let result = update.path.withCString { path in
        entry.path = path
        return git_index_add(index, &entry)
      }
      try check("staging \(update.path)", result)
    }
    try check("writing the index", git_index_write(index))
  }
}

extension GitError {
  /// Another writer moved the reference since it was read.
  public var isModified: Bool { code == GIT_EMODIFIED.rawValue }
  /// A lock file (`index.lock`, a ref's `.lock`) is held by another process.
  public var isLocked: Bool { code == GIT_ELOCKED.rawValue }
}

extension Repository {
  /// A value of git's configuration as this repository sees it (its own, then the global and
  /// system files), or nil when it is not set.
  public func configString(_ key: String) -> String? {
    var config: OpaquePointer?
    guard git_repository_config_snapshot(&config, pointer) == 0 else { return nil }
    defer { git_config_free(config) }
    var value: UnsafePointer<CChar>?
    guard git_config_get_string(&value, config, key) == 0, let value else { return nil }
    let text = String(cString: value)
    return text.isEmpty ? nil : text
  }
}
