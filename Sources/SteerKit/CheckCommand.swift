import SteerChecks
import SteerGit
import SteerLoading
import SteerModel

/// The result of `steer check`: the report, and how the run exits.
public struct CheckResult: Sendable {
  public var report: Report
  public var exitStatus: Int32
}

extension Session {
  /// `steer check`: reads the ledger and the configuration, runs the rules.
  /// - Parameters:
  ///   - since: only the findings in files changed since this revision, or that involve one.
  ///   - baseline: leave out the findings this baseline file accepts.
  public func check(strict: Bool = false, since: String? = nil, baseline: String? = nil) throws -> CheckResult {
    var report = try checked(strict: strict, since: since).report
    if let baseline {
      report = try Baseline.read(absolute(baseline)).filter(report)
    }
    return CheckResult(report: report, exitStatus: CheckOutcome.exitStatus(report.diagnostics, strict: strict))
  }

  /// The ledger read, and the report of its check.
  func checked(strict: Bool = false, since: String? = nil) throws -> (ledger: Ledger, report: Report) {
    var loaded: LoadedLedger
    var changed: Set<String>?
    if let since {
      let base = try commit(named: since, for: "--since")
      (loaded, changed) = try workspace.loadLedger(at: ledgerDirectory, language: language, changedSince: base)
    } else {
      loaded = try loadLedger()
    }
    let diagnostics = Checker(configuration: configuration)
      .check(loaded.ledger, readingFindings: loaded.findings + configurationFindings, scope: changed)
    // The lines quoted stand in documents the document cache spared reading.
    for file in Set(diagnostics.map(\.file))
    where loaded.sources[file] == nil && loaded.ledger.documentPaths.sortedContains(file) {
      loaded.sources[file] = workspace.contents(of: file)
    }
    loaded.sources[Configuration.fileName] = configurationBytes
    let report = Report(
      diagnostics: diagnostics, documentPaths: loaded.ledger.documentPaths, sources: loaded.sources, strict: strict,
      language: language)
    return (loaded.ledger, report)
  }
}
