import SteerChecks
import SteerLoading
import SteerMetrics
import SteerModel
import SteerOutput

/// `steer metrics`: the ledger's metrics, and its gates as met or not.
public struct MetricsResult: Sendable {
  public var metrics: LedgerMetrics
  public var gates: [GateStatus]
  public var configuration: Configuration
  /// Reading errors: the metrics leave out the documents they concern.
  public var readingErrors: Int
}

public enum MetricsRunner {
  public static func run(currentDirectory: String? = nil, ledger: String? = nil, revision: String? = nil) throws
    -> MetricsResult
  {
    let workspace = try Workspace(currentDirectory: currentDirectory, ledgerArgument: ledger, revision: revision)
    let (configuration, _, _) = try workspace.configuration(knownRules: RuleCatalogue.knownRules)
    let directory = try workspace.ledgerDirectory(argument: ledger, configuration: configuration)
    let loaded = try workspace.loadLedger(at: directory)
    let metrics = LedgerMetrics(loaded.ledger)
    let readingErrors = loaded.findings.count
    discard(loaded)
    return MetricsResult(
      metrics: metrics, gates: GateStatus.evaluate(configuration, metrics), configuration: configuration,
      readingErrors: readingErrors)
  }
}
