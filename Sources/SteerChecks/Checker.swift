import SteerModel

/// Runs the rules over a loaded ledger and gives each finding its severity: the rule's
/// default, re-graded by the configuration (`off` drops it), promoted by `--strict`.
public struct Checker: Sendable {
  public var configuration: Configuration
  public var rules: [any Rule]

  public init(configuration: Configuration = Configuration(), rules: [any Rule] = RuleCatalogue.rules) {
    self.configuration = configuration
    self.rules = rules
  }

  /// - Parameter readingFindings: what loading the ledger and the configuration reported.
  public func check(_ ledger: Ledger, readingFindings: [Finding]) -> [Diagnostic] {
    let index = LedgerIndex(ledger)
    var findings = readingFindings
    for rule in rules where severity(of: type(of: rule).description.id) != nil {
      findings += rule.check(ledger, index: index)
    }
    return findings.compactMap { finding in
      severity(of: finding.rule).map { Diagnostic(finding, severity: $0) }
    }.sorted(by: Diagnostic.sortOrder)
  }

  /// The severity a rule's findings get, or nil when the rule is off.
  public func severity(of rule: String) -> Severity? {
    guard let description = rules.lazy.map({ type(of: $0).description }).first(where: { $0.id == rule }) else {
      return .error  // Findings of unlisted rules (the configuration's own) are errors.
    }
    guard description.canBeRegraded, let setting = configuration.rules[rule]?.value else {
      return description.defaultSeverity
    }
    switch setting {
    case .error: return .error
    case .warning: return .warning
    case .off: return nil
    }
  }
}

/// How a run ends (checks.md): 0 no error, 1 an error (or, strict, a warning), 2 could not run.
public enum CheckOutcome {
  public static func exitStatus(_ diagnostics: [Diagnostic], strict: Bool) -> Int32 {
    diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) } ? 1 : 0
  }
}
