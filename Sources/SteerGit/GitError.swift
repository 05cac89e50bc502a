import CLibgit2

/// A libgit2 failure, carrying libgit2's own message (read at once, on the failing thread:
/// libgit2 keeps it thread-local).
public struct GitError: Error, CustomStringConvertible, Sendable {
  public let code: Int32
  public let operation: String
  public let message: String
  /// The repository's root, for an error about a repository that belongs to another user.
  public private(set) var ownedRepository: String?

  init(code: Int32, operation: String) {
    self.code = code
    self.operation = operation
    let detail = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "error \(code)"
    message = detail
  }

  /// A repository that git refuses to open because another user owns it: says which one, and
  /// how to trust that one only (never every repository, `'*'`).
  init(ownedByAnotherUser gitDirectory: String) {
    code = GIT_EOWNER.rawValue
    operation = "opening the repository"
    var root = gitDirectory
    while root.hasSuffix("/") { root.removeLast() }
    if root.hasSuffix("/.git") { root.removeLast(5) }
    ownedRepository = root
    message = """
      the repository at \(root) belongs to another user, so git refuses to open it (safe.directory); \
      if you trust it, run: git config --global --add safe.directory \(root)
      """
  }

  public var isOwnedByAnotherUser: Bool { ownedRepository != nil }

  public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

  public var description: String { "\(operation): \(message)" }
}

/// Calls a libgit2 function and throws its error when it returns a negative code.
@discardableResult
func check(_ operation: @autoclosure () -> String, _ result: Int32) throws(GitError) -> Int32 {
  if result < 0 { throw GitError(code: result, operation: operation()) }
  return result
}
