import SteerModel
import SteerOutput

// The summary as its templates receive it (docs/templates.md, "The view model"): typed values,
// built once from `SummaryModel` by ViewModel.swift, each answering its documented names through
// its table of fields. Texts are already worded for the reader; numbers stay numbers.

/// The whole summary: the root of the view model.
struct SummaryView: TemplateValue {
  var lang: String
  var labels: TemplateLabels
  var audience: AudienceFlags
  var generatedOn: String
  var pageTitle: String
  var status: Status
  /// The decisions needed: empty for the public.
  var decisions: [String]
  var register: Register
  /// The risks to watch: empty for the public.
  var risks: [String]
  var keyFigures: [KeyFigure]
  var figureNotes: [String]
  var next: [NextIteration]
  var gates: [Gate]
  var vision: Vision?
  var alignment: Alignment
  var objectives: [Objective]
  var useCases: UseCases
  var roadmap: Roadmap?
  var lastRetro: Retro?
  var recurringLessons: [RecurringLesson]
  var findings: Findings
  var trends: Trends?
  var since: Since?
  var federation: Federation?

  static let fields: TemplateFields<Self> = [
    "lang": { $0.lang },
    "labels": { $0.labels },
    "audience": { $0.audience },
    "generated_on": { $0.generatedOn },
    "page_title": { $0.pageTitle },
    "status": { $0.status },
    "decisions": { $0.decisions },
    "has_decisions": { !$0.decisions.isEmpty },
    "register": { $0.register },
    "risks": { $0.risks },
    "has_risks": { !$0.risks.isEmpty },
    "key_figures": { $0.keyFigures },
    "figure_notes": { $0.figureNotes },
    "next": { $0.next },
    "has_next": { !$0.next.isEmpty },
    "gates": { $0.gates },
    "has_gates": { !$0.gates.isEmpty },
    "vision": { $0.vision.map { $0 as any TemplateValue } ?? NoFields() },
    "alignment": { $0.alignment },
    "objectives": { $0.objectives },
    "usecases": { $0.useCases },
    "roadmap": { $0.roadmap },
    "last_retro": { $0.lastRetro },
    "recurring_lessons": { $0.recurringLessons },
    "has_recurring_lessons": { !$0.recurringLessons.isEmpty },
    "findings": { $0.findings },
    "trends": { $0.trends },
    "since": { $0.since },
    "federation": { $0.federation },
  ]
}

extension SummaryView {
  /// Who reads: its name, and a flag for each audience (`{{#audience.elected}}`).
  struct AudienceFlags: TemplateValue {
    var audience: Audience

    static let fields: TemplateFields<Self> = [
      "name": { $0.audience.rawValue },
      "elected": { $0.audience == .elected },
      "technical": { $0.audience == .technical },
      "public": { $0.audience == .public },
    ]
  }

  struct Status: TemplateValue {
    var level: SummaryStatus.Level
    var label: String
    var reasons: [String]
    /// Nil for the public: the ledger's own errors are the committee's business.
    var dataQuality: String?

    static let fields: TemplateFields<Self> = [
      "level": { $0.level.rawValue },
      "label": { $0.label },
      "reasons": { $0.reasons },
      "green": { $0.level == .green },
      "amber": { $0.level == .amber },
      "red": { $0.level == .red },
      "data_quality": { $0.dataQuality },
    ]
  }

  /// The decisions taken since the last committee.
  struct Register: TemplateValue {
    var heading: String
    var decisions: [RegisteredDecision]

    static let fields: TemplateFields<Self> = [
      "heading": { $0.heading },
      "none": { $0.decisions.isEmpty },
      "decisions": { $0.decisions },
    ]
  }

  struct RegisteredDecision: TemplateValue {
    var title: String
    var date: String
    var status: String
    var statusLabel: String
    /// Empty except for the technical edition.
    var id: String
    /// Empty without a council's vote.
    var deliberation: String

    static let fields: TemplateFields<Self> = [
      "title": { TemplateText($0.title) },
      "date": { TemplateText($0.date) },
      "status": { TemplateText($0.status) },
      "status_label": { TemplateText($0.statusLabel) },
      "id": { TemplateText($0.id) },
      "deliberation": { TemplateText($0.deliberation) },
    ]
  }

  struct KeyFigure: TemplateValue {
    var name: String
    var label: String
    var value: String

    static let fields: TemplateFields<Self> = [
      "name": { TemplateText($0.name) },
      "label": { TemplateText($0.label) },
      "value": { TemplateText($0.value) },
    ]
  }

  /// The active iteration or the next planned one.
  struct NextIteration: TemplateValue {
    var id: String
    var title: String
    var start: String
    var end: String
    var statusLabel: String
    var goal: String
    var items: [PlannedItem]

    static let fields: TemplateFields<Self> = [
      "id": { TemplateText($0.id) },
      "title": { TemplateText($0.title) },
      "start": { TemplateText($0.start) },
      "end": { TemplateText($0.end) },
      "status_label": { TemplateText($0.statusLabel) },
      "goal": { TemplateText($0.goal) },
      "items": { $0.items },
    ]
  }

  /// A use case an iteration plans, and the phase it is to reach.
  struct PlannedItem: TemplateValue {
    var id: String
    var title: String
    var target: String

    static let fields: TemplateFields<Self> = [
      "id": { TemplateText($0.id) },
      "title": { TemplateText($0.title) },
      "target": { TemplateText($0.target) },
    ]
  }

  struct Gate: TemplateValue {
    var metric: String
    var label: String
    var minimum: String
    var value: String
    var met: Bool
    var metLabel: String

    static let fields: TemplateFields<Self> = [
      "metric": { TemplateText($0.metric) },
      "label": { TemplateText($0.label) },
      "minimum": { TemplateText($0.minimum) },
      "value": { TemplateText($0.value) },
      "met": { $0.met },
      "met_label": { TemplateText($0.metLabel) },
    ]
  }

  struct Vision: TemplateValue {
    var title: String
    var territory: String
    var horizon: String
    var carriedBy: String
    var axes: String
    var body: String
    var bodyHTML: String
    var endorsements: [Endorsement]

    static let fields: TemplateFields<Self> = [
      "title": { $0.title },
      "territory": { $0.territory },
      "horizon": { $0.horizon },
      "carried_by": { $0.carriedBy },
      "axes": { $0.axes },
      "body": { $0.body },
      "body_html": { $0.bodyHTML },
      "endorsements": { $0.endorsements },
      "has_endorsements": { !$0.endorsements.isEmpty },
    ]
  }

  struct Endorsement: TemplateValue {
    /// For the public, the group of one who may not be named.
    var stakeholder: String
    var named: Bool
    var group: String
    var stance: String
    var stanceLabel: String
    var date: String
    /// Nil for the public.
    var note: String?

    static let fields: TemplateFields<Self> = [
      "stakeholder": { TemplateText($0.stakeholder) },
      "named": { $0.named },
      "group": { TemplateText($0.group) },
      "stance": { TemplateText($0.stance) },
      "stance_label": { TemplateText($0.stanceLabel) },
      "date": { TemplateText($0.date) },
      "note": { $0.note.map(TemplateText.init) },
    ]
  }

  struct Alignment: TemplateValue {
    var concordance: String
    var portfolioFit: String
    var traceability: String
    var endorsement: String
    var groups: [GroupAgreement]
    /// The technical edition's own: nil for the others.
    var leastAligned: [LeastAligned]?
    /// Nil until a stakeholder states priorities on an active objective.
    var heatmap: (svg: String, columns: [HeatmapColumn])?
    var objectives: [ObjectiveWeight]?

    static let fields: TemplateFields<Self> = [
      "concordance": { $0.concordance },
      "portfolio_fit": { $0.portfolioFit },
      "traceability": { $0.traceability },
      "endorsement": { $0.endorsement },
      "groups": { $0.groups },
      "least_aligned": { $0.leastAligned },
      "heatmap_svg": { $0.heatmap?.svg },
      "heatmap_columns": { $0.heatmap?.columns },
      "objectives": { $0.objectives },
    ]
  }

  struct GroupAgreement: TemplateValue {
    var group: String
    var value: String

    static let fields: TemplateFields<Self> = [
      "group": { TemplateText($0.group) },
      "value": { TemplateText($0.value) },
    ]
  }

  struct LeastAligned: TemplateValue {
    var name: String
    var group: String
    var value: String

    static let fields: TemplateFields<Self> = [
      "name": { TemplateText($0.name) },
      "group": { TemplateText($0.group) },
      "value": { TemplateText($0.value) },
    ]
  }

  /// What a numbered column of the heat map stands for.
  struct HeatmapColumn: TemplateValue {
    var number: Int
    var id: String
    var title: String

    static let fields: TemplateFields<Self> = [
      "number": { $0.number },
      "id": { TemplateText($0.id) },
      "title": { TemplateText($0.title) },
    ]
  }

  /// An active objective's shared priority and the share of effort serving it.
  struct ObjectiveWeight: TemplateValue {
    var id: String
    var title: String
    var priority: String
    var effort: String

    static let fields: TemplateFields<Self> = [
      "id": { TemplateText($0.id) },
      "title": { TemplateText($0.title) },
      "priority": { TemplateText($0.priority) },
      "effort": { TemplateText($0.effort) },
    ]
  }

  struct Objective: TemplateValue {
    var id: String
    var title: String
    var progress: String
    /// Whether the progress is defined (no live use case serves it otherwise): a heading shows
    /// it only then, not a dash after a dash.
    var hasProgress: Bool
    /// Empty for the public.
    var bodyHTML: String
    var indicators: [Indicator]
    /// In a region, its members' use cases serving the objective.
    var memberUseCases: [UseCase]

    static let fields: TemplateFields<Self> = [
      "id": { TemplateText($0.id) },
      "title": { TemplateText($0.title) },
      "progress": { TemplateText($0.progress) },
      "has_progress": { $0.hasProgress },
      "body_html": { TemplateText($0.bodyHTML) },
      "indicators": { $0.indicators },
      "has_indicators": { !$0.indicators.isEmpty },
      "member_usecases": { $0.memberUseCases },
    ]
  }

  struct Indicator: TemplateValue {
    var id: String
    var title: String
    var unit: String
    var baseline: String
    var target: String
    var targetDate: String
    var latest: String
    var progress: String
    /// The progress as a number, 0 when not measured.
    var progressValue: Double
    var barSVG: String
    var forecast: String
    /// Nil without a forecast: neither on track nor off.
    var onTrack: Bool?

    static let fields: TemplateFields<Self> = [
      "id": { TemplateText($0.id) },
      "title": { TemplateText($0.title) },
      "unit": { TemplateText($0.unit) },
      "baseline": { TemplateText($0.baseline) },
      "target": { TemplateText($0.target) },
      "target_date": { TemplateText($0.targetDate) },
      "latest": { TemplateText($0.latest) },
      "progress": { TemplateText($0.progress) },
      "progress_value": { $0.progressValue },
      "bar_svg": { TemplateText($0.barSVG) },
      "forecast": { TemplateText($0.forecast) },
      "on_track": { $0.onTrack == true },
      "off_track": { $0.onTrack == false },
    ]
  }
}
