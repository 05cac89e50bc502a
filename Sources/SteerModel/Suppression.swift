/// A comment that silences rules where it stands:
/// `# steer-disable-next-line RULE[, RULE]` in front matter (the next line that is not blank
/// or a comment), or `<!-- steer-disable RULE[, RULE] -->` in the body (the whole file).
public struct Suppression: Hashable, Sendable {
  public enum Scope: Hashable, Sendable {
    case line(Int)
    case file
  }

  public static let nextLineDirective = "steer-disable-next-line"
  public static let fileDirective = "steer-disable"

  public var file: String
  /// Where the comment is.
  public var location: SourceLocation
  public var scope: Scope
  public var rules: [String]

  public init(file: String, location: SourceLocation, scope: Scope, rules: [String]) {
    self.file = file
    self.location = location
    self.scope = scope
    self.rules = rules
  }

  public func covers(_ finding: Finding) -> Bool {
    guard finding.file == file, rules.contains(finding.rule) else { return false }
    switch scope {
    case .file: return true
    case .line(let line): return finding.location?.line == line
    }
  }
}
