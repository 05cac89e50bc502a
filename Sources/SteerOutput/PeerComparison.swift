import SteerChecks
import SteerMetrics
import SteerModel

/// A federation member's figures, as `steer metrics --rev REV` computes them in its repository.
public struct MemberMetrics: Sendable {
  public var name: String
  /// The revision `.steer.yaml` pins (nil: the member's HEAD) and the commit it names.
  public var revision: String?
  public var commit: String
  public var metrics: LedgerMetrics
  public var gates: [GateStatus]

  public init(name: String, revision: String?, commit: String, metrics: LedgerMetrics, gates: [GateStatus]) {
    self.name = name
    self.revision = revision
    self.commit = commit
    self.metrics = metrics
    self.gates = gates
  }
}

/// The members side by side with the federating ledger on every single-number metric (docs/metrics.md,
/// Federation: `peer_comparison`), in text, JSON and CSV.
public enum PeerComparison {
  /// The federation's part of `steer metrics --format json`: each member's own document, and
  /// the comparison on every metric a gate may name.
  public static func json(region: LedgerMetrics, members: [MemberMetrics], registry: MetricRegistry = .standard)
    -> JSONValue
  {
    .object([
      (
        "members",
        .array(
          members.map { member in
            .object([
              ("name", .string(member.name)), ("revision", member.revision.map(JSONValue.string) ?? .null),
              ("commit", .string(member.commit)),
              ("metrics", MetricsJSON.document(member.metrics, gates: member.gates, registry: registry)),
            ])
          })
      ),
      (
        "peer_comparison",
        .array(
          registry.gateable.map { metric in
            .object([
              ("metric", .string(metric.id)), ("ledger", .number(orNull: region.value(of: metric))),
              ("members", .object(members.map { ($0.name, .number(orNull: $0.metrics.value(of: metric))) })),
            ])
          })
      ),
    ])
  }

  /// A table for people: a row per metric, a column for this ledger and one per member.
  public static func text(
    region: LedgerMetrics, members: [MemberMetrics], language: Language, registry: MetricRegistry = .standard
  ) -> String {
    let say = Wording(language)
    var rows = [[say(en: "metric", fr: "indicateur"), say(en: "this ledger", fr: "ce registre")] + members.map(\.name)]
    for metric in registry.gateable {
      rows.append(
        [metric.label(say), metric.display(region.value(of: metric), say)]
          + members.map { metric.display($0.metrics.value(of: metric), say) })
    }
    let title = say(en: "FEDERATION: THE MEMBERS SIDE BY SIDE", fr: "FÉDÉRATION : LES MEMBRES CÔTE À CÔTE")
    return ([title, ""] + MetricsText.table(rows)).joined(separator: "\n") + "\n"
  }

  /// The same as CSV: `metric,ledger,<member>…`, values as plain numbers (empty: undefined).
  public static func csv(region: LedgerMetrics, members: [MemberMetrics], registry: MetricRegistry = .standard)
    -> String
  {
    var lines = [(["metric", "ledger"] + members.map(\.name)).map(Escaping.csv).joined(separator: ",")]
    for metric in registry.gateable {
      let values = [region.value(of: metric)] + members.map { $0.metrics.value(of: metric) }
      lines.append(([metric.id] + values.map { $0.map { $0.plainText(digits: 6) } ?? "" }).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
