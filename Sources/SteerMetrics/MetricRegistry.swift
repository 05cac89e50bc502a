import SteerModel

/// The three families of docs/metrics.md, in the order `steer metrics` shows them.
public enum MetricGroup: String, CaseIterable, Hashable, Sendable {
  case alignment, progress, learning

  /// The family's name: the heading of its section in `steer metrics` (upper-cased there).
  public var title: Localized {
    switch self {
    case .alignment: Localized(en: "Alignment", fr: "Alignement")
    case .progress: Localized(en: "Progress", fr: "Avancement")
    case .learning: Localized(en: "Learning", fr: "Apprentissage")
    }
  }
}

/// How a metric's value is written for people.
public enum MetricStyle: Hashable, Sendable {
  /// A share from 0 to 1, written as a percentage.
  case share
  /// A number with `digits` decimals where it is read at a glance (a summary, members side by
  /// side), and three in the detailed tables (`steer metrics`, `history`, `diff`).
  case decimal(digits: Int)
  /// A whole number: a count, a position.
  case count
}

/// Where a summary shows a metric among its key figures.
public struct KeyFigure: Hashable, Sendable {
  /// Key figures are shown by rank, lowest first.
  public var rank: Int
  /// Whether the public edition shows it too; the committee's editions show every key figure.
  public var isPublic: Bool

  public init(rank: Int, isPublic: Bool) {
    self.rank = rank
    self.isPublic = isPublic
  }
}

/// Everything Steer knows about one single-number metric, in one place: what `steer metrics`
/// (text, JSON, CSV), the summary, history, diff, the configuration's gates, the JSON Schema,
/// the editor and docs/metrics.md all read. The built-in ones are in StandardMetrics.swift.
public struct MetricDefinition: Sendable {
  /// Where the value comes from.
  enum Reading: Sendable {
    /// From the totals each group of metrics adds up: what a history replay keeps from one
    /// snapshot to the next, so history follows the metric.
    case totals(@Sendable (MetricNumbers) -> Double?)
    /// From the metrics computed whole: history, which keeps only totals, does not follow it.
    case metrics(@Sendable (LedgerMetrics) -> Double?)
  }

  /// The metric's key in `steer metrics --format json`, and the name a gate gives it.
  public let id: String
  public let group: MetricGroup
  /// What people read in place of the id: a summary never shows `portfolio_fit`.
  public let label: Localized
  public let style: MetricStyle
  /// Whether the value is a ratio from 0 to 1 (every share, and Kendall's W): a gate above 1
  /// on it could never be met.
  public let isRatio: Bool
  /// Whether `.steer.yaml` may set a minimum on it. The metrics a gate may name are also those
  /// the members of a federation, two revisions and the snapshots of history are compared on.
  public let isGateable: Bool
  /// Where a summary shows it among its key figures; nil when it is not one.
  public let keyFigure: KeyFigure?
  let reading: Reading
  /// The line `steer metrics` writes beside the value.
  let describing: @Sendable (LedgerMetrics, Wording) -> String
  /// What `steer metrics --format json` writes under the id: the value and what made it.
  let details: @Sendable (LedgerMetrics) -> JSONValue

  /// A metric computed from the others: its JSON is `{"value": …}`, and history does not follow it.
  public init(
    id: String, group: MetricGroup, label: Localized, description: Localized, style: MetricStyle, isRatio: Bool,
    isGateable: Bool = false, keyFigure: KeyFigure? = nil, value: @escaping @Sendable (LedgerMetrics) -> Double?
  ) {
    self.init(
      id: id, group: group, label: label, style: style, isRatio: isRatio, isGateable: isGateable, keyFigure: keyFigure,
      reading: .metrics(value), describing: { _, say in description(say) },
      details: { .object([("value", .number(orNull: value($0)))]) })
  }

  init(
    id: String, group: MetricGroup, label: Localized, style: MetricStyle, isRatio: Bool, isGateable: Bool,
    keyFigure: KeyFigure?, reading: Reading, describing: @escaping @Sendable (LedgerMetrics, Wording) -> String,
    details: @escaping @Sendable (LedgerMetrics) -> JSONValue
  ) {
    self.id = id
    self.group = group
    self.label = label
    self.style = style
    self.isRatio = isRatio
    self.isGateable = isGateable
    self.keyFigure = keyFigure
    self.reading = reading
    self.describing = describing
    self.details = details
  }

  /// The single number, nil when docs/metrics.md says it is undefined.
  public func value(in metrics: LedgerMetrics) -> Double? {
    switch reading {
    case .totals(let read): read(metrics.numbers)
    case .metrics(let read): read(metrics)
    }
  }

  /// The number from totals alone; nil for a metric history does not follow.
  func value(in numbers: MetricNumbers) -> Double? {
    guard case .totals(let read) = reading else { return nil }
    return read(numbers)
  }

  /// The line `steer metrics` writes beside the value.
  public func description(of metrics: LedgerMetrics, _ say: Wording) -> String { describing(metrics, say) }

  /// What `steer metrics --format json` writes under the id.
  public func json(_ metrics: LedgerMetrics) -> JSONValue { details(metrics) }

  /// A value as people read it, "—" when undefined: a share as a percentage, else a number.
  /// - Parameter detailed: as the detailed tables write it (a tenth of a percent, three
  ///   decimals) rather than at a glance.
  public func display(_ value: Double?, _ say: Wording, detailed: Bool = false) -> String {
    guard let value else { return "—" }
    switch style {
    case .share: return say.percent(value, digits: detailed ? 1 : 0)
    case .decimal(let digits): return say.number(value, digits: detailed ? 3 : digits)
    case .count: return say.number(value, digits: 0)
    }
  }

  /// A change of value, signed, as the detailed tables write it: percentage points for a share.
  public func displayChange(from before: Double, to after: Double, _ say: Wording) -> String {
    let change = after - before
    let sign = change > 0 ? "+" : ""
    switch style {
    case .share:
      let points = (change * 1000).rounded() / 10
      return sign + say.number(points, digits: 1) + say.points(points)
    case .decimal: return sign + say.number(change, digits: 3)
    case .count: return sign + say.number(change, digits: 0)
    }
  }
}

extension MetricDefinition: Hashable {
  /// A registry holds one definition per id: the id tells them apart.
  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.id == rhs.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// Every single-number metric, as rules have their catalogue: renderers take a registry (the
/// standard one unless told otherwise), so that a metric added here shows everywhere.
public struct MetricRegistry: Sendable {
  /// Group by group (alignment, progress, learning), each in the order given.
  public let definitions: [MetricDefinition]
  private let positions: [String: Int]

  public init(_ definitions: [MetricDefinition]) {
    let ordered = MetricGroup.allCases.flatMap { group in definitions.filter { $0.group == group } }
    self.definitions = ordered
    positions = Dictionary(
      ordered.enumerated().map { ($1.id, $0) },
      uniquingKeysWith: { _, _ in preconditionFailure("two metric definitions share an id") })
  }

  public subscript(id: String) -> MetricDefinition? { positions[id].map { definitions[$0] } }

  public func definitions(in group: MetricGroup) -> [MetricDefinition] { definitions.filter { $0.group == group } }

  /// The metrics a gate may name, in the registry's order.
  public var gateable: [MetricDefinition] { definitions.filter(\.isGateable) }

  /// The summary's key figures by rank: every one for the committee, the public ones for the public.
  public func keyFigures(forThePublic: Bool) -> [MetricDefinition] {
    definitions.compactMap { metric in metric.keyFigure.map { (metric, $0) } }
      .filter { !forThePublic || $0.1.isPublic }
      .sorted { $0.1.rank < $1.1.rank }.map(\.0)
  }
}

extension JSONValue {
  /// A number, or null when it is undefined.
  public static func number(orNull value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

  public static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

  /// An object of numbers, by key.
  public static func numbers(_ values: [String: Double]) -> JSONValue {
    .object(values.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })
  }

  /// docs/metrics.md's RATIO: the share with the ids on each side, and what they are.
  public static func ratio(_ ratio: Ratio, of what: String) -> JSONValue {
    .object([
      ("value", .number(orNull: ratio.value)), ("numerator", .number(ratio.numerator)),
      ("denominator", .number(ratio.denominator)), ("counted", .strings(ratio.counted)),
      ("not_counted", .strings(ratio.notCounted)), ("of", .string(what)),
    ])
  }

  /// docs/metrics.md's PROGRESS.
  public static func progress(_ progress: Progress) -> JSONValue {
    .object([
      ("value", .number(orNull: progress.value)), ("usecases", .strings(progress.useCases)),
      ("effort", .number(progress.effort)),
    ])
  }
}

extension Wording {
  /// The unit of a change of percentage, after its number: ` points` / ` points` (French takes
  /// the singular below 2, behind a no-break space).
  fileprivate func points(_ points: Double) -> String {
    self(en: abs(points) == 1 ? " point" : " points", fr: abs(points) < 2 ? "\u{A0}point" : "\u{A0}points")
  }
}
