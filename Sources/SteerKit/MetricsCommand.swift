import SteerLoading
import SteerMetrics
import SteerModel

/// `steer metrics`: the ledger's metrics, and its gates as met or not.
public struct MetricsResult: Sendable {
  public var metrics: LedgerMetrics
  public var gates: [GateStatus]
  /// Reading errors: the metrics leave out the documents they concern.
  public var readingErrors: Int
}

extension Session {
  public func metrics() throws -> MetricsResult {
    let loaded = try loadLedger()
    let metrics = LedgerMetrics(loaded.ledger)
    return MetricsResult(
      metrics: metrics, gates: GateStatus.evaluate(configuration, metrics), readingErrors: loaded.findings.count)
  }
}
