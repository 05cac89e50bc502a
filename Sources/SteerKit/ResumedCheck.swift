import SteerChecks
import SteerGit
import SteerLoading
import SteerModel

extension Session {
  /// The rules of `check --since` in the work tree, resumed from what the last such check kept
  /// (`CheckState`): only what changed since that check runs again, the others' findings are
  /// kept; then what was found is kept for the next. The findings are those of a check of
  /// the whole ledger that involve one of `changed`, as `Checker.check(scope:)` gives them.
  /// - Parameters:
  ///   - readFromDisk: the files the reading took from the work tree rather than from `base`.
  func resumedCheck(
    _ loaded: LoadedLedger, readingFindings: [Finding], changed: Set<String>, readFromDisk: Set<String>,
    base: Commit, gitDirectory: String, circumstances: CheckCircumstances
  ) -> [Diagnostic] {
    let identity = CheckState.identity(
      language: language, ledgerDirectory: ledgerDirectory, base: (try? base.entryID(at: ledgerDirectory)) ?? nil,
      configuration: configurationBytes, today: circumstances.today,
      recordedIterations: circumstances.recordedIterations, unreadable: Set(readingFindings.map(\.file)))
    let path = CheckState.path(gitDirectory: gitDirectory, ledgerDirectory: ledgerDirectory, language: language)
    let state = CheckState.load(from: path, identity: identity)
    let workTree = CheckState.digests(of: readFromDisk, in: loaded)
    var checker = IncrementalChecker(
      Checker(configuration: configuration),
      resuming: state.map { KeptCheck(rules: $0.rules, declarations: $0.declarations, findings: $0.findings) },
      circumstances: circumstances)
    let changedSinceState = state?.changes(to: workTree)
    let diagnostics = checker.check(
      loaded.ledger, readingFindings: readingFindings, changed: changedSinceState, circumstances: circumstances)
    if let kept = checker.kept, changedSinceState != [] || kept.rules != state?.rules {
      CheckState(workTree: workTree, rules: kept.rules, declarations: kept.declarations, findings: kept.findings)
        .save(to: path, identity: identity)
    }
    return diagnostics.filter { $0.finding.involves(changed) }
  }
}
