import CLibgit2

/// A libgit2 failure, carrying libgit2's own message (read at once, on the failing thread:
/// libgit2 keeps it thread-local).
public struct GitError: Error, CustomStringConvertible, Sendable {
  public let code: Int32
  public let operation: String
  public let message: String

  init(code: Int32, operation: String) {
    self.code = code
    self.operation = operation
    let detail = git_error_last().flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "error \(code)"
    if code == GIT_EOWNER.rawValue || detail.contains("safe.directory") {
      // libgit2 1.5 words this as "config value 'safe.directory' was not found".
      message = """
        the repository is owned by another user, so git refuses to open it (safe.directory). \
        If you trust it, run: git config --global --add safe.directory '*'
        """
    } else {
      message = detail
    }
  }

  public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

  public var description: String { "\(operation): \(message)" }
}

/// Calls a libgit2 function and throws its error when it returns a negative code.
@discardableResult
func check(_ operation: @autoclosure () -> String, _ result: Int32) throws(GitError) -> Int32 {
  if result < 0 { throw GitError(code: result, operation: operation()) }
  return result
}
