import SteerLoading
import SteerMetrics
import SteerModel

/// `steer metrics`: the ledger's metrics, and its gates as met or not — none while reading
/// errors stand, as `steer check` says (checks.md: one cause, one finding).
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
    let unreadable = Set(loaded.findings.map(\.file)).count
    return MetricsResult(
      metrics: metrics, gates: unreadable > 0 ? [] : GateStatus.evaluate(configuration, metrics),
      readingErrors: unreadable)
  }
}
