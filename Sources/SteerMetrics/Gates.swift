import SteerModel

/// A gate of `.steer.yaml` (docs/rules.md, `gate`) held against the ledger's metrics: the one
/// evaluation that `steer check` (rule `gate`), `steer metrics` and the summary all read.
public struct GateStatus: Hashable, Sendable {
  public var metric: MetricDefinition
  public var minimum: Double
  /// Where the minimum is written in `.steer.yaml`.
  public var location: SourceLocation
  /// Nil when the metric is undefined for the ledger: the gate is then not met.
  public var value: Double?
  public var met: Bool { value.map { $0 >= minimum } ?? false }

  public init(metric: MetricDefinition, minimum: Double, location: SourceLocation, value: Double?) {
    self.metric = metric
    self.minimum = minimum
    self.location = location
    self.value = value
  }

  /// The gates as every output shows them: none while `unreadable` holds a reading error,
  /// since the metrics would count what could not be read as missing (docs/metrics.md, Gates).
  public static func evaluate(
    _ configuration: Configuration, _ metrics: LedgerMetrics, unreadable: [Finding]
  ) -> [GateStatus] {
    unreadable.isEmpty ? evaluate(configuration, metrics) : []
  }

  /// Every gate of the configuration, by metric id.
  public static func evaluate(
    _ configuration: Configuration, _ metrics: LedgerMetrics, registry: MetricRegistry = .standard
  ) -> [GateStatus] {
    configuration.gates.sorted { $0.key < $1.key }.compactMap { id, minimum in
      registry[id].map { metric in
        GateStatus(metric: metric, minimum: minimum.value, location: minimum.location, value: metrics.value(of: metric))
      }
    }
  }
}
