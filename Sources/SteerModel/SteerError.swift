/// Why a command could not run at all (exit status 2): no ledger, an unknown revision, a file
/// that already exists… The message says what happened, the hint what to do.
public struct SteerError: Error, CustomStringConvertible, Sendable {
  public var message: String
  public var hint: String?

  public init(_ message: String, hint: String? = nil) {
    self.message = message
    self.hint = hint
  }

  public var description: String { hint.map { "\(message)\n  hint: \($0)" } ?? message }
}
