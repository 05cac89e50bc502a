import SteerChecks
import SteerHistory
import SteerMarkdown
import SteerMetrics
import SteerModel
import SteerOutput

/// Who reads the summary.
public enum Audience: String, CaseIterable, Sendable {
  /// One page: the headline, the decisions needed, the risks.
  case elected
  /// Everything.
  case technical
  /// A digest for citizens: only elected officials and management are named; no internal notes.
  case `public`
}

/// What a summary is made from.
public struct SummaryInput: Sendable {
  public var ledger: Ledger
  public var configuration: Configuration
  public var diagnostics: [Diagnostic]
  public var metrics: LedgerMetrics
  public var gates: [GateStatus]
  /// Metrics at each iteration, when the repository has a history.
  public var history: [Snapshot]
  /// What changed since the last committee (`--since`).
  public var since: LedgerDiff?
  public var today: CalendarDate

  public init(
    ledger: Ledger, configuration: Configuration, diagnostics: [Diagnostic], metrics: LedgerMetrics,
    gates: [GateStatus], history: [Snapshot] = [], since: LedgerDiff? = nil, today: CalendarDate
  ) {
    self.ledger = ledger
    self.configuration = configuration
    self.diagnostics = diagnostics
    self.metrics = metrics
    self.gates = gates
    self.history = history
    self.since = since
    self.today = today
  }
}

/// The red/amber/green status and the reasons that set it.
public struct SummaryStatus: Hashable, Sendable {
  public enum Level: String, Sendable { case green, amber, red }
  public var level: Level
  /// The reasons of the level shown (red reasons for red, amber ones for amber).
  public var reasons: [String]
  public var decisions: [String]
  public var risks: [String]
}

/// Builds the view model handed to the templates: a dictionary whose every key is documented
/// in docs/templates.md. Text from the ledger is left as text (templates escape it); Markdown
/// bodies are rendered by cmark-gfm in safe mode; charts are SVG drawn here.
public struct SummaryModel: Sendable {
  public let input: SummaryInput
  public let audience: Audience
  public let localizer: Localizer
  let index: LedgerIndex

  /// - Parameter index: the ledger's index, when the caller built one already.
  public init(_ input: SummaryInput, audience: Audience, language: Language, index: LedgerIndex? = nil) {
    self.input = input
    self.audience = audience
    self.localizer = Localizer(language)
    self.index = index ?? LedgerIndex(input.ledger)
  }

  var ledger: Ledger { input.ledger }
  var metrics: LedgerMetrics { input.metrics }

  /// Whether a stakeholder may be named for this audience.
  func nameable(_ id: String) -> Bool {
    guard audience == .public else { return true }
    guard let group = ledger.stakeholders.first(where: { $0.id == id })?.group else { return false }
    return group == .elected || group == .management
  }

  func stakeholderName(_ id: String) -> String {
    ledger.stakeholders.first { $0.id == id }?.name ?? id
  }

  // MARK: status

  public var status: SummaryStatus {
    let l = localizer
    var red: [String] = []
    var amber: [String] = []
    var decisions: [String] = []
    var risks: [String] = []
    let errors = input.diagnostics.count { $0.severity == .error }
    if errors > 0 { red.append(l.format("reason.errors", errors)) }
    for gate in input.gates where !gate.met {
      if let value = gate.value {
        red.append(
          l.format("reason.gate", gate.metric.rawValue, l.number(value, digits: 2), l.number(gate.minimum, digits: 2)))
      } else {
        red.append(l.format("reason.gate_undefined", gate.metric.rawValue))
      }
      decisions.append(
        l.format(
          "decision.gate", gate.metric.rawValue, gate.value.map { l.number($0, digits: 2) } ?? "—",
          l.number(gate.minimum, digits: 2)))
    }
    for indicator in metrics.indicators {
      guard let forecast = indicator.forecast, forecast.onTrack == false else { continue }
      if let date = forecast.reachesTargetOn, date > indicator.definition.targetDate {
        amber.append(
          l.format(
            "reason.indicator", indicator.definition.title, l.date(date), l.date(indicator.definition.targetDate)))
      } else {
        amber.append(l.format("reason.indicator_never", indicator.definition.title))
      }
      decisions.append(l.format("decision.indicator", indicator.definition.title))
    }
    for action in metrics.overdueActions {
      let owner = nameable(action.owner) ? stakeholderName(action.owner) : l.group(groupOf(action.owner))
      amber.append(l.format("reason.overdue", action.text, owner, action.due))
      decisions.append(l.format("decision.overdue", action.text, owner))
    }
    for group in input.configuration.requiredEndorsements {
      let members = ledger.stakeholders.filter { $0.group == group }
      if !members.contains(where: { index.latestEndorsements[$0.id]?.stance == .endorse }) {
        amber.append(l.format("reason.endorsement", l.group(group)))
        decisions.append(l.format("decision.endorsement", l.group(group)))
      }
    }
    // Risks: what a committee should watch even when nothing is red.
    let byGroup = metrics.stakeholderAgreement.byGroup
    if let (group, value) = byGroup.min(by: { $0.value < $1.value }), value < 0, byGroup.count > 1 {
      risks.append(
        l.format("risk.least_aligned_group", l.group(group), l.number(value, digits: 2), firstPriority(of: group)))
    }
    if let w = metrics.concordance.value, w < 0.3 {
      risks.append(l.format("risk.low_concordance", l.number(w, digits: 2)))
    }
    for lesson in metrics.recurringLessons {
      risks.append(l.format("risk.recurring", lesson.tag, lesson.retros.count))
    }
    if let sayDo = metrics.sayDo.value, sayDo < 0.8 {
      risks.append(l.format("risk.say_do", l.percent(sayDo)))
    }
    let level: SummaryStatus.Level = !red.isEmpty ? .red : !amber.isEmpty ? .amber : .green
    let reasons = level == .red ? red : level == .amber ? amber : [l.label("reason.all_clear")]
    return SummaryStatus(level: level, reasons: reasons, decisions: decisions, risks: risks)
  }

  func groupOf(_ stakeholder: String) -> StakeholderGroup {
    ledger.stakeholders.first { $0.id == stakeholder }?.group ?? .partner
  }

  /// The objective a group weighs most (summed over its members).
  func firstPriority(of group: StakeholderGroup) -> String {
    var totals: [String: Int] = [:]
    for stakeholder in ledger.stakeholders where stakeholder.group == group {
      for priority in stakeholder.priorities { totals[priority.objective.value, default: 0] += priority.weight }
    }
    guard let top = totals.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return "—" }
    return ledger.objectives.first { $0.id == top }?.title ?? top
  }
}
