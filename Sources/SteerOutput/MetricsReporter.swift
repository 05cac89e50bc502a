import SteerChecks
import SteerMetrics
import SteerModel

/// `steer metrics --format json`: the shape documented in docs/metrics.md. Every metric of the
/// registry is a key of its group, its value what the definition writes (the number, or an
/// object with `value` and what made it); the entries that are not a single number stand
/// among them where the documented shape places them.
public enum MetricsJSON {
  public static let version = 1

  public static func render(_ metrics: LedgerMetrics, gates: [GateStatus], registry: MetricRegistry = .standard)
    -> String
  {
    document(metrics, gates: gates, registry: registry).serialized() + "\n"
  }

  /// - Parameter readingErrors: the files with reading errors, said as `reading_errors` when
  ///   there are any: `gates` is then empty, none evaluated, which must not read as "none set".
  public static func document(
    _ m: LedgerMetrics, gates: [GateStatus], readingErrors: [String] = [], registry: MetricRegistry = .standard
  ) -> JSONValue {
    .object(
      [("version", .integer(version))] + MetricGroup.allCases.map { ($0.rawValue, section($0, m, registry)) }
        + [("gates", gatesSection(gates))]
        + (readingErrors.isEmpty ? [] : [("reading_errors", .strings(readingErrors))]))
  }

  /// An entry that is not a single number, and the metric it follows (nil: first in its group).
  private typealias Table = (after: MetricDefinition?, key: String, value: JSONValue)

  private static func section(_ group: MetricGroup, _ m: LedgerMetrics, _ registry: MetricRegistry) -> JSONValue {
    let metrics = registry.definitions(in: group)
    let tables = self.tables(group, m)
    var entries = tables.filter { $0.after == nil }.map { ($0.key, $0.value) }
    for metric in metrics {
      entries.append((metric.id, metric.json(m)))
      entries += tables.filter { $0.after == metric }.map { ($0.key, $0.value) }
    }
    // One whose metric a registry leaves out is kept, last.
    entries += tables.filter { $0.after.map { !metrics.contains($0) } ?? false }.map { ($0.key, $0.value) }
    return .object(entries)
  }

  private static func tables(_ group: MetricGroup, _ m: LedgerMetrics) -> [Table] {
    switch group {
    case .alignment: [(.concordance, "stakeholder_agreement", agreement(m.stakeholderAgreement))]
    case .progress:
      [
        (nil, "phase_progress", .object(m.phaseProgress.map { ($0.useCase, .number(orNull: $0.value)) })),
        (
          nil, "objective_progress",
          .object(m.objectiveProgress.sorted { $0.key < $1.key }.map { ($0.key, .progress($0.value)) })
        ),
        (.progress, "indicator_progress", .object(m.indicators.map { ($0.indicator, indicator($0)) })),
        (
          .progress, "indicator_forecast",
          .object(m.indicators.map { ($0.indicator, $0.forecast.map(forecast) ?? .null) })
        ),
        (
          .rolloutReach, "phase_counts",
          .object(Phase.allCases.map { ($0.rawValue, .integer(m.phaseCounts[$0] ?? 0)) })
        ),
      ]
    case .learning: []
    }
  }

  private static func agreement(_ a: StakeholderAgreement) -> JSONValue {
    .object([
      (
        "by_stakeholder",
        .object(
          a.entries.map {
            ($0.stakeholder, .object([("value", .number(orNull: $0.value)), ("group", .string($0.group.rawValue))]))
          })
      ),
      ("least_aligned", .strings(a.leastAligned)),
      (
        "by_group",
        .object(a.byGroup.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key.rawValue, .number($0.value)) })
      ),
    ])
  }

  private static func gatesSection(_ gates: [GateStatus]) -> JSONValue {
    .array(
      gates.map {
        .object([
          ("metric", .string($0.metric.id)), ("minimum", .number($0.minimum)), ("value", .number(orNull: $0.value)),
          ("met", .bool($0.met)),
        ])
      })
  }

  private static func indicator(_ i: IndicatorProgress) -> JSONValue {
    .object(
      [
        ("value", .number(orNull: i.value)), ("objective", .string(i.objective)),
        ("title", .string(i.definition.title)),
        ("unit", .string(i.definition.unit)), ("direction", .string(i.definition.direction.rawValue)),
        ("baseline", .number(i.definition.baseline)),
        ("baseline_date", .string(i.definition.baselineDate.description)), ("target", .number(i.definition.target)),
        ("target_date", .string(i.definition.targetDate.description)),
        (
          "latest",
          i.latest.map {
            .object([("value", .number($0.value)), ("date", .string($0.date.description)), ("file", .string($0.file))])
          } ?? .null
        ),
        ("measurements", .integer(i.measurements)),
      ] + (i.fromMembers.map { [("from_members", memberValues($0))] } ?? []))
  }

  private static func memberValues(_ m: MemberValues) -> JSONValue {
    .object([
      ("combination", .string(m.combination.rawValue)),
      (
        "values",
        .array(
          m.values.map {
            .object([
              ("member", .string($0.member)), ("value", .number($0.value)), ("date", .string($0.date.description)),
            ])
          })
      ),
      ("not_measured", .strings(m.notMeasured)), ("unavailable", .strings(m.unavailable)),
    ])
  }

  private static func forecast(_ f: IndicatorProgress.Forecast) -> JSONValue {
    .object([
      ("value", .number(f.value)), ("progress", .number(orNull: f.progress)),
      ("on_track", f.onTrack.map(JSONValue.bool) ?? .null),
      ("reaches_target_on", f.reachesTargetOn.map { .string($0.description) } ?? .null), ("points", .integer(f.points)),
    ])
  }
}
