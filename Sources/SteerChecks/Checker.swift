import SteerConcurrency
import SteerMetrics
import SteerModel

/// Runs the rules over a loaded ledger, applies the suppressions written in the documents,
/// and gives each finding its severity: the rule's default, re-graded by the configuration
/// (`off` drops it). `--strict` is applied to the exit status, not here.
public struct Checker: Sendable {
  public var configuration: Configuration
  public var rules: [any Rule]

  public init(configuration: Configuration = Configuration(), rules: [any Rule] = RuleCatalogue.rules) {
    self.configuration = configuration
    self.rules = rules
  }

  /// - Parameter readingFindings: what loading the ledger and the configuration reported.
  /// - Parameter index: the ledger's index, when the caller built one already.
  /// - Parameter scope: when given, only the findings that involve one of these files
  ///   (`Finding.involves`) are kept.
  /// - Parameter members: a federating ledger's members, for its gates.
  /// - Parameter memberReadingFindings: the reading errors that reading the members found in
  ///   their files (`Session.readingErrors`): they stop the gates as the ledger's own do, and
  ///   are kept whatever the scope (the members are read when what pins them changed).
  /// - Parameter circumstances: the day, and the iterations git recorded.
  public func check(
    _ ledger: Ledger, index: LedgerIndex? = nil, readingFindings: [Finding], scope: Set<String>? = nil,
    members: [FederatedMember] = [], memberReadingFindings: [Finding] = [],
    circumstances: CheckCircumstances = CheckCircumstances()
  ) -> [Diagnostic] {
    let context = RuleContext(
      ledger: ledger, index: index, configuration: configuration, scope: scope,
      unreadable: Set((readingFindings + memberReadingFindings).map(\.file)), members: members,
      circumstances: circumstances)
    // Rules are independent of each other: they run over the cores.
    let found = Self.gatesAfterReading(activeRules.concurrentMap { $0.check(context) }, rules: activeRules, context)
    return
      (diagnostics(readingFindings + found.joined(), suppressions: ledger.suppressions, scope: scope)
      + diagnostics(memberReadingFindings, suppressions: [])).sorted(by: Diagnostic.sortOrder)
  }

  /// The reading errors of `ledger`: `reading` (what loading found) and what the reading rules
  /// find (`duplicate-id`, `dangling-reference`). While any stands no gate is evaluated: what
  /// `steer metrics` reads, as `check` does (`gatesAfterReading`).
  public func readingErrors(_ ledger: Ledger, index: LedgerIndex? = nil, reading: [Finding]) -> [Finding] {
    let context = RuleContext(ledger: ledger, index: index, configuration: configuration)
    let rules = activeRules.filter { type(of: $0).description.category == .reading }
    return reading + rules.concurrentMap { $0.check(context) }.joined()
  }

  /// The rules run together, so `gate` saw only the reading errors it was given: when the
  /// reading rules found more, it is asked again with them, and says no gate is evaluated.
  static func gatesAfterReading(_ found: [[Finding]], rules: [any Rule], _ context: RuleContext) -> [[Finding]] {
    let files = Set(found.joined().filter(\.isReadingError).map(\.file))
    guard !files.isSubset(of: context.unreadable) else { return found }
    var context = context
    context.unreadable.formUnion(files)
    return zip(rules, found).map { rule, findings in rule is GateRule ? rule.check(context) : findings }
  }

  /// The rules that run: those the configuration does not turn off.
  var activeRules: [any Rule] { rules.filter { severity(of: type(of: $0).description.id) != nil } }

  /// What reading and the rules found, with the suppressions applied, graded and in order.
  func diagnostics(_ findings: [Finding], suppressions: [Suppression], scope: Set<String>? = nil) -> [Diagnostic] {
    // Suppressions cover findings in their own file: those a rule left out (`wants`) stand in
    // files out of the scope, and so do any suppressions that they would have used.
    var findings = applySuppressions(suppressions, to: findings)
    if let scope { findings = findings.filter { $0.involves(scope) } }
    // Each rule's severity looked up once, not once per finding.
    var severities: [String: Severity?] = [:]
    return findings.compactMap { finding in
      if severities[finding.rule] == nil { severities[finding.rule] = .some(severity(of: finding.rule)) }
      return severities[finding.rule]!.map { Diagnostic(finding, severity: $0) }
    }.sorted(by: Diagnostic.sortOrder)
  }

  /// Drops the findings a suppression covers, and reports the suppressions that covered
  /// nothing or name a rule that cannot be suppressed.
  private func applySuppressions(_ suppressions: [Suppression], to findings: [Finding]) -> [Finding] {
    guard !suppressions.isEmpty else { return findings }
    let say = Wording(configuration.language)
    let byFile = Dictionary(grouping: suppressions.indices, by: { suppressions[$0].file })
    var used: Set<[Int]> = []  // [suppression index, rule index]
    let kept = findings.filter { finding in
      guard RuleCatalogue.knownRules[finding.rule] == false else { return true }
      for index in byFile[finding.file] ?? [] where suppressions[index].covers(finding) {
        used.insert([index, suppressions[index].rules.firstIndex(of: finding.rule)!])
        return false
      }
      return true
    }
    var unused: [Finding] = []
    for (index, suppression) in suppressions.enumerated() {
      for (ruleIndex, rule) in suppression.rules.enumerated() where !used.contains([index, ruleIndex]) {
        let message: String
        switch RuleCatalogue.knownRules[rule] {
        case nil: message = say.unusedSuppressionUnknown(rule)
        case true?: message = say.unusedSuppressionReading(rule)
        case false?:
          guard severity(of: rule) != nil else { continue }  // a rule turned off silences its suppressions too
          message = say.unusedSuppression(rule)
        }
        unused.append(
          Finding(
            rule: UnusedSuppressionRule.description.id, file: suppression.file, location: suppression.location,
            message: message, hint: say.unusedSuppressionHint()))
      }
    }
    return kept + unused
  }

  /// The severity a rule's findings get, or nil when the rule is off.
  public func severity(of rule: String) -> Severity? {
    guard let description = RuleCatalogue.description(of: rule) else {
      return .error  // findings of rules outside the catalogue (none today) are errors
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

/// How a run ends (README, "Exit status"): 0 no error, 1 an error (or, strict, a warning), 2 could not run.
public enum CheckOutcome {
  public static func exitStatus(_ diagnostics: [Diagnostic], strict: Bool) -> Int32 {
    diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) } ? 1 : 0
  }
}

extension Wording {
  func unusedSuppressionUnknown(_ rule: String) -> String {
    self(
      en: "the suppression names '\(rule)', which is not a rule",
      fr: "la désactivation nomme « \(rule) », qui n'est pas une règle")
  }

  func unusedSuppressionReading(_ rule: String) -> String {
    self(
      en: "the reading rule '\(rule)' cannot be suppressed: fix the problem instead",
      fr: "la règle de lecture « \(rule) » ne peut pas être désactivée : corrigez plutôt le problème")
  }

  func unusedSuppression(_ rule: String) -> String {
    self(
      en: "the suppression of '\(rule)' matches no finding",
      fr: "la désactivation de « \(rule) » ne correspond à aucun constat")
  }

  func unusedSuppressionHint() -> String {
    self(
      en: "remove it, or name the rule of the finding it is meant for (`steer rules`)",
      fr: "retirez-la, ou nommez la règle du constat visé (`steer rules`)")
  }
}
