import SteerModel

/// What every rule states about itself: the catalogue, `steer rules`, `steer explain` and
/// the configuration's known rule ids all read it.
public struct RuleDescription: Hashable, Sendable {
  public enum Category: String, Hashable, Sendable, CaseIterable {
    case reading = "Reading"
    case roadmap = "Roadmap consistency"
    case governance = "Governance and learning"
  }

  public var id: String
  public var category: Category
  public var defaultSeverity: Severity
  /// One line: what the rule checks.
  public var summary: String
  /// Why it matters for a shared vision.
  public var rationale: String

  /// Reading rules are always errors: nothing else can be trusted when they fire.
  public var canBeRegraded: Bool { category != .reading }

  public init(id: String, category: Category, defaultSeverity: Severity, summary: String, rationale: String) {
    self.id = id
    self.category = category
    self.defaultSeverity = defaultSeverity
    self.summary = summary
    self.rationale = rationale
  }
}

/// A rule of the catalogue.
public protocol Rule: Sendable {
  static var description: RuleDescription { get }
  /// Reports what the rule finds in the ledger. Rules that the loader applies while
  /// reading (`front-matter`, `schema`) find nothing here.
  func check(_ ledger: Ledger, index: LedgerIndex) -> [Finding]
}

extension Rule {
  func finding(_ file: String, _ location: SourceLocation?, _ message: String, hint: String? = nil) -> Finding {
    Finding(rule: Self.description.id, file: file, location: location, message: message, hint: hint)
  }
}
