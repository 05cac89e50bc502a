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
  /// Its files with reading errors, which stop its gates.
  public var readingErrors: [String]
  /// How people read its name: its `title` in `.steer.yaml`, else its territory, else its name.
  public var title: String

  public init(
    name: String, title: String? = nil, revision: String?, commit: String, metrics: LedgerMetrics,
    gates: [GateStatus], readingErrors: [String] = []
  ) {
    self.name = name
    self.title = title ?? name
    self.revision = revision
    self.commit = commit
    self.metrics = metrics
    self.gates = gates
    self.readingErrors = readingErrors
  }
}

/// A federation member that could not be read: it counts nowhere, and the comparison shows
/// it as unavailable, with the reason (worded in the reader's language).
public struct UnavailablePeer: Sendable {
  public var name: String
  /// How people read its name: its `title` in `.steer.yaml`, else its name.
  public var title: String
  public var revision: String?
  public var reason: String

  public init(name: String, title: String? = nil, revision: String?, reason: String) {
    self.name = name
    self.title = title ?? name
    self.revision = revision
    self.reason = reason
  }
}

/// The members side by side with the federating ledger on every single-number metric (docs/metrics.md,
/// Federation: `peer_comparison`), in text, JSON and CSV.
public enum PeerComparison {
  /// The federation's part of `steer metrics --format json`: each member's own document, and
  /// the comparison on every metric a gate may name.
  public static func json(
    region: LedgerMetrics, members: [MemberMetrics], unavailable: [UnavailablePeer] = [],
    registry: MetricRegistry = .standard
  ) -> JSONValue {
    .object([
      (
        "members",
        .array(
          members.map { member in
            .object([
              ("name", .string(member.name)), ("revision", member.revision.map(JSONValue.string) ?? .null),
              ("commit", .string(member.commit)),
              (
                "metrics",
                MetricsJSON.document(
                  member.metrics, gates: member.gates, readingErrors: member.readingErrors, registry: registry)
              ),
            ])
          })
      ),
      (
        "unavailable",
        .array(
          unavailable.map { peer in
            .object([
              ("name", .string(peer.name)), ("revision", peer.revision.map(JSONValue.string) ?? .null),
              ("reason", .string(peer.reason)),
            ])
          })
      ),
      (
        "peer_comparison",
        .array(
          registry.gateable.map { metric in
            .object([
              ("metric", .string(metric.id)), ("ledger", .number(orNull: region.value(of: metric))),
              (
                "members",
                .object(
                  members.map { ($0.name, .number(orNull: $0.metrics.value(of: metric))) }
                    + unavailable.map { ($0.name, .null) })
              ),
            ])
          })
      ),
    ])
  }

  /// A table for people: a row per metric, a column for this ledger and one per member.
  /// An unavailable member's column says so, and a line under the table says why.
  public static func text(
    region: LedgerMetrics, members: [MemberMetrics], unavailable: [UnavailablePeer] = [], language: Language,
    registry: MetricRegistry = .standard
  ) -> String {
    let say = Wording(language)
    var rows = [
      [say(en: "metric", fr: "indicateur"), say(en: "this ledger", fr: "ce registre")] + members.map(\.title)
        + unavailable.map(\.title)
    ]
    let word = say.unavailable()
    for metric in registry.gateable {
      rows.append(
        [metric.label(say), metric.display(region.value(of: metric), say)]
          + members.map { metric.display($0.metrics.value(of: metric), say) } + unavailable.map { _ in word })
    }
    let title = say(en: "FEDERATION: THE MEMBERS SIDE BY SIDE", fr: "FÉDÉRATION : LES MEMBRES CÔTE À CÔTE")
    let reasons = unavailable.map {
      say(en: "\($0.title): \(word): \($0.reason)", fr: "\($0.title) : \(word) : \($0.reason)")
    }
    return ([title, ""] + MetricsText.table(rows) + (reasons.isEmpty ? [] : [""] + reasons)).joined(separator: "\n")
      + "\n"
  }

  /// The same as CSV: `metric,ledger,<member>…`, values as plain numbers (empty: undefined); an
  /// unavailable member's column is empty, and a last row, `unavailable`, gives its reason.
  public static func csv(
    region: LedgerMetrics, members: [MemberMetrics], unavailable: [UnavailablePeer] = [],
    registry: MetricRegistry = .standard
  ) -> String {
    let names = members.map(\.name) + unavailable.map(\.name)
    var lines = [(["metric", "ledger"] + names).map(Escaping.csv).joined(separator: ",")]
    for metric in registry.gateable {
      let values = [region.value(of: metric)] + members.map { $0.metrics.value(of: metric) }
      let cells = values.map { $0.map { $0.plainText(digits: 6) } ?? "" } + unavailable.map { _ in "" }
      lines.append(([metric.id] + cells).joined(separator: ","))
    }
    if !unavailable.isEmpty {
      let reasons = ["unavailable", ""] + members.map { _ in "" } + unavailable.map(\.reason)
      lines.append(reasons.map(Escaping.csv).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension Wording {
  /// What an unavailable federation member shows instead of a figure.
  package func unavailable() -> String { self(en: "unavailable", fr: "indisponible") }
}

extension IndicatorProgress {
  /// For an indicator combined `from_members`: how many of the federation's members its value
  /// covers, those that could not be read counted, `2 membres sur 3`; nil for any other indicator.
  public func membersMeasured(_ say: Wording) -> String? {
    guard let combined = fromMembers else { return nil }
    return say(
      en:
        "\(say.number(combined.values.count)) of \(say.count(combined.members, en: ("member", "members"), fr: ("", "")))",
      fr:
        "\(say.count(combined.values.count, en: ("", ""), fr: ("membre", "membres"))) sur \(say.number(combined.members))"
    )
  }

  /// Whether the combined value leaves out members: its forecast then holds for part of them.
  public var coversPartOfTheMembers: Bool {
    guard let combined = fromMembers else { return false }
    return combined.values.count < combined.members
  }

  /// What stands for the progress of a sum over part of the members, which has none:
  /// `non mesurable : 1 membre sur 3`; nil otherwise.
  public func notMeasurable(_ say: Wording) -> String? {
    guard value == nil, fromMembers?.isPartialSum == true, let members = membersMeasured(say) else { return nil }
    return say(en: "not measurable: \(members)", fr: "non mesurable : \(members)")
  }
}
