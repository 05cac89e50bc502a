import SteerConcurrency
import SteerMetrics
import SteerModel

/// A check that keeps what each rule found, and after a change runs again only what the
/// change can affect, as each rule's `RuleScope` says: a rule whose parts did not change keeps
/// its findings; a `.document` rule finds again in the changed documents alone; a `.linked`
/// rule finds again around them; the others run over the whole ledger. Its diagnostics are
/// those of `Checker.check` on the same ledger.
public struct IncrementalChecker: Sendable {
  public let checker: Checker
  private var previous: Previous?

  /// What the last check ran on, and what each rule found then.
  private struct Previous: Sendable {
    var circumstances: CheckCircumstances
    /// The version of the declarations of the index given, which the caller keeps up to date.
    var version: LedgerIndex.DeclarationsVersion
    /// The declarations, when no index was given: the changed files' are compared. Not kept
    /// otherwise: holding the ledger's list would make its next edit copy all of it.
    var declarations: [Declaration]?
    /// The findings of each of `checker.activeRules`, before suppressions.
    var findings: [[Finding]]

    func declarationsChanged(_ changed: Set<String>, _ ledger: Ledger, _ index: LedgerIndex) -> Bool {
      guard let declarations else { return version != index.declarationsVersion }
      // A declaration records its file and place: only the changed files' can differ.
      let files = changed.sorted()
      return declarations.count != ledger.declarations.count
        || declarations.within(files, [], path: \.file) != ledger.declarations.within(files, [], path: \.file)
    }
  }

  public init(_ checker: Checker) {
    self.checker = checker
  }

  /// Resumes from a check kept by an earlier run, made in `circumstances`; from nothing (the
  /// next check runs every rule) when `kept` is nil or was made with other rules.
  public init(_ checker: Checker, resuming kept: KeptCheck?, circumstances: CheckCircumstances) {
    self.checker = checker
    if let kept, kept.rules == checker.activeRules.map({ type(of: $0).description.id }) {
      // The declarations are compared, not an index's version: no index outlives a run.
      previous = Previous(
        circumstances: circumstances, version: LedgerIndex.DeclarationsVersion(), declarations: kept.declarations,
        findings: kept.findings)
    }
  }

  /// What the last check found, to resume from in another run; nil before the first check, and
  /// when it was given an index (its declarations are then not kept).
  public var kept: KeptCheck? {
    guard let previous, let declarations = previous.declarations else { return nil }
    return KeptCheck(
      rules: checker.activeRules.map { type(of: $0).description.id }, declarations: declarations,
      findings: previous.findings)
  }

  /// Checks `ledger`, whose files in `changed` were added, removed or edited since the last
  /// check; nil when anything else changed (the members, a reading of the whole ledger), or
  /// when there was no check before: every rule then runs over the whole ledger. The ledger's
  /// lists are sorted by path, as `LedgerLoader` and `LiveLedger` make them. An `index` given
  /// is the ledger's, kept up to date by `LedgerIndex.update` from the one given last.
  public mutating func check(
    _ ledger: Ledger, index: LedgerIndex? = nil, readingFindings: [Finding], changed: Set<String>?,
    members: [FederatedMember] = [], circumstances: CheckCircumstances = CheckCircumstances()
  ) -> [Diagnostic] {
    let context = RuleContext(
      ledger: ledger, index: index, configuration: checker.configuration,
      unreadable: Set(readingFindings.map(\.file)), members: members, circumstances: circumstances)
    let rules = checker.activeRules
    var findings: [[Finding]]
    if let previous, let changed, previous.circumstances == circumstances {
      let plan = Plan(
        changed, in: ledger, declarationsChanged: previous.declarationsChanged(changed, ledger, context.index))
      findings = Array(zip(rules, previous.findings)).concurrentMap { rule, found in
        plan.findings(of: rule, context, previously: found)
      }
    } else {
      findings = rules.concurrentMap { $0.check(context) }
    }
    findings = Checker.gatesAfterReading(findings, rules: rules, context)
    previous = Previous(
      circumstances: circumstances, version: context.index.declarationsVersion,
      declarations: index == nil ? ledger.declarations : nil, findings: findings)
    return checker.diagnostics(readingFindings + findings.joined(), suppressions: ledger.suppressions)
  }
}

/// What one change asks of each rule.
private struct Plan: Sendable {
  let changed: Set<String>
  /// The parts the changed files stand in; nil when one stands in none (everything runs again).
  let parts: Set<LedgerPart>?
  let declarationsChanged: Bool
  let directory: String

  init(_ changed: Set<String>, in ledger: Ledger, declarationsChanged: Bool) {
    self.changed = changed
    directory = ledger.directory
    let parts = changed.map { LedgerPart(path: $0, directory: ledger.directory) }
    self.parts = parts.contains(nil) ? nil : Set(parts.compactMap { $0 })
    self.declarationsChanged = declarationsChanged
  }

  func findings(of rule: any Rule, _ context: RuleContext, previously: [Finding]) -> [Finding] {
    guard let parts else { return rule.check(context) }
    switch type(of: rule).description.scope {
    case .ledger:
      return rule.check(context)
    case .linked(let reading, let naming):
      guard reading.isDisjoint(with: parts) else { return rule.check(context) }
      guard !naming.isDisjoint(with: parts) else { return previously }
      return rule.update(context, changed: changed, previously: previously)
    case .parts(let read):
      return read.isDisjoint(with: parts) ? previously : rule.check(context)
    case .document(let reading, let declarations):
      guard reading.isDisjoint(with: parts), !(declarations && declarationsChanged) else { return rule.check(context) }
      guard !changed.isEmpty else { return previously }
      // Found again: the findings in the changed documents and in those the rule reads whole.
      var again = context
      again.ledger = context.ledger.restricted(to: changed, keeping: reading)
      let prefixes = reading.map { $0.pathPrefix(in: directory) }
      let kept = previously.filter { finding in
        !changed.contains(finding.file) && !prefixes.contains { finding.file.hasPrefix($0) }
      }
      return kept + rule.check(again)
    }
  }
}
