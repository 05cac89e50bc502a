extension SummaryView {
  /// What changed since the last committee (`--since`).
  struct Since: TemplateValue {
    var from: String
    var to: String
    var nothing: Bool
    var phaseMoves: [PhaseMove]
    var metrics: [MetricChange]
    var renamed: [Renamed]
    var indicators: [IndicatorChange]
    var objectiveProgress: [ProgressChange]
    var members: [MemberChange]
    var decisions: [DecisionChange]
    var supersessions: [Supersession]
    var actions: [ActionChange]
    var lessons: [NewLesson]
    var newFindings: [FindingChange]
    var resolvedFindings: [FindingChange]

    static let fields: TemplateFields<Self> = [
      "from": { $0.from },
      "to": { $0.to },
      "nothing": { $0.nothing },
      "phase_moves": { $0.phaseMoves },
      "metrics": { $0.metrics },
      "renamed": { $0.renamed },
      "indicators": { $0.indicators },
      "objective_progress": { $0.objectiveProgress },
      "members": { $0.members },
      "has_decision_changes": { !$0.decisions.isEmpty || !$0.supersessions.isEmpty },
      "decisions": { $0.decisions },
      "supersessions": { $0.supersessions },
      "actions": { $0.actions },
      "lessons": { $0.lessons },
      "new_findings": { $0.newFindings },
      "resolved_findings": { $0.resolvedFindings },
    ]
  }

  /// A use case that changed phase; `backwards` is said of the ledger's own, nil for a member's.
  struct PhaseMove: TemplateValue {
    var useCase: String
    var from: String
    var to: String
    var backwards: Bool?

    static let fields: TemplateFields<Self> = [
      "usecase": { TemplateText($0.useCase) },
      "from": { TemplateText($0.from) },
      "to": { TemplateText($0.to) },
      "backwards": { $0.backwards },
    ]
  }

  struct MetricChange: TemplateValue {
    var metric: String
    var label: String
    var before: String
    var after: String

    static let fields: TemplateFields<Self> = [
      "metric": { TemplateText($0.metric) },
      "label": { TemplateText($0.label) },
      "before": { TemplateText($0.before) },
      "after": { TemplateText($0.after) },
    ]
  }

  struct Renamed: TemplateValue {
    var useCase: String
    var from: String
    var to: String

    static let fields: TemplateFields<Self> = [
      "usecase": { TemplateText($0.useCase) },
      "from": { TemplateText($0.from) },
      "to": { TemplateText($0.to) },
    ]
  }

  struct IndicatorChange: TemplateValue {
    var indicator: String
    var title: String
    var before: String
    var after: String

    static let fields: TemplateFields<Self> = [
      "indicator": { TemplateText($0.indicator) },
      "title": { TemplateText($0.title) },
      "before": { TemplateText($0.before) },
      "after": { TemplateText($0.after) },
    ]
  }

  struct ProgressChange: TemplateValue {
    var title: String
    var before: String
    var after: String

    static let fields: TemplateFields<Self> = [
      "title": { TemplateText($0.title) },
      "before": { TemplateText($0.before) },
      "after": { TemplateText($0.after) },
    ]
  }

  /// A region's member whose pin moved (`change`, empty otherwise) or whose use cases changed phase.
  struct MemberChange: TemplateValue {
    var name: String
    var change: String
    var phaseMoves: [PhaseMove]

    static let fields: TemplateFields<Self> = [
      "name": { TemplateText($0.name) },
      "change": { TemplateText($0.change) },
      "phase_moves": { $0.phaseMoves },
    ]
  }

  struct DecisionChange: TemplateValue {
    var title: String
    var change: String

    static let fields: TemplateFields<Self> = [
      "title": { TemplateText($0.title) },
      "change": { TemplateText($0.change) },
    ]
  }

  struct Supersession: TemplateValue {
    var title: String
    var supersedes: String

    static let fields: TemplateFields<Self> = [
      "title": { TemplateText($0.title) },
      "supersedes": { TemplateText($0.supersedes) },
    ]
  }

  struct ActionChange: TemplateValue {
    var text: String
    var owner: String
    var change: String

    static let fields: TemplateFields<Self> = [
      "text": { TemplateText($0.text) },
      "owner": { TemplateText($0.owner) },
      "change": { TemplateText($0.change) },
    ]
  }

  struct NewLesson: TemplateValue {
    var iteration: String
    var iterationID: String
    var text: String

    static let fields: TemplateFields<Self> = [
      "iteration": { TemplateText($0.iteration) },
      "iteration_id": { TemplateText($0.iterationID) },
      "text": { TemplateText($0.text) },
    ]
  }

  struct FindingChange: TemplateValue {
    var rule: String
    var file: String
    var message: String

    static let fields: TemplateFields<Self> = [
      "rule": { TemplateText($0.rule) },
      "file": { TemplateText($0.file) },
      "message": { TemplateText($0.message) },
    ]
  }
}
