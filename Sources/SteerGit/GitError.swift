import CLibgit2

/// A libgit2 failure, carrying libgit2's own message (read at once, on the failing thread:
/// libgit2 keeps it thread-local).
public struct GitError: Error, CustomStringConvertible, Sendable {
  public let code: Int32
  public let operation: String
  public let message: String
  /// libgit2's error class (`GIT_ERROR_NET`, `GIT_ERROR_HTTP`…), 0 when it set none.
  public let errorClass: Int32
  /// Why a fetch failed, when Steer can tell: what its socket ran into, else what libgit2's
  /// error says (`recognisedFailure`).
  public internal(set) var failure: FetchFailure?
  /// The repository's root, for an error about a repository that belongs to another user.
  public private(set) var ownedRepository: String?

  init(code: Int32, operation: String) {
    self.code = code
    self.operation = operation
    let last = git_error_last()
    message = last.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "error \(code)"
    errorClass = last?.pointee.klass ?? 0
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
    errorClass = 0
    message = """
      the repository at \(root) belongs to another user, so git refuses to open it (safe.directory); \
      if you trust it, run: git config --global --add safe.directory \(root)
      """
  }

  public var isOwnedByAnotherUser: Bool { ownedRepository != nil }

  public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

  public var description: String { "\(operation): \(message)" }

  /// The failure libgit2's error names, by its code, class or the text its HTTP and git
  /// transports write (libgit2 1.5: `unexpected http status code: 404`, a git daemon's
  /// `repository not exported`).
  var recognisedFailure: FetchFailure? {
    if code == GIT_EAUTH.rawValue { return .authenticationRequired }
    if errorClass == Int32(GIT_ERROR_SSL.rawValue) { return .secureConnection }
    let text = message.lowercased()
    if text.contains("status code: 401") || text.contains("status code: 403") { return .authenticationRequired }
    if text.contains("status code: 404") || text.contains("not exported") || text.contains("repository not found")
      || text.contains("could not find repository") || text.contains("failed to resolve path")
    {
      return .notFound
    }
    return nil
  }
}

/// Calls a libgit2 function and throws its error when it returns a negative code.
@discardableResult
func check(_ operation: @autoclosure () -> String, _ result: Int32) throws(GitError) -> Int32 {
  if result < 0 { throw GitError(code: result, operation: operation()) }
  return result
}
