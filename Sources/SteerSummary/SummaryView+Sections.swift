import SteerOutput

extension SummaryView {
  struct UseCases: TemplateValue {
    var funnelSVG: String
    var phases: [PhaseCount]
    /// In a region whose members have live use cases: what the counts include, in a sentence.
    var membersIncluded: String?
    var abandoned: Int
    var abandonedUseCases: [UseCase]
    var byStep: [UseCaseGroup]
    var byMember: [UseCaseGroup]

    static let fields: TemplateFields<Self> = [
      "funnel_svg": { $0.funnelSVG },
      "phases": { $0.phases },
      "members_included": { $0.membersIncluded },
      "abandoned": { $0.abandoned },
      "abandoned_usecases": { $0.abandonedUseCases },
      "by_step": { $0.byStep },
      "by_member": { $0.byMember },
    ]
  }

  /// A phase of the funnel: the ledger's own use cases there, and in a region its members'.
  struct PhaseCount: TemplateValue {
    var phase: String
    var own: Int
    var members: Int

    static let fields: TemplateFields<Self> = [
      "phase": { TemplateText($0.phase) },
      "count": { $0.own + $0.members },
      "own": { $0.own },
      "members": { $0.members },
    ]
  }

  /// The use cases of a rollout step, or of a region's member.
  struct UseCaseGroup: TemplateValue {
    var title: String
    var useCases: [UseCase]

    static let fields: TemplateFields<Self> = [
      "title": { TemplateText($0.title) },
      "count": { $0.useCases.count },
      "usecases": { $0.useCases },
    ]
  }

  /// A use case as a list names it. The ledger's own have an `id`; a member's has its `member`,
  /// its `text` (title, member and phase in a line) and an `id` for the technical edition only;
  /// an abandoned one has its `reason`.
  struct UseCase: TemplateValue {
    var id: String?
    var title: String
    var phase: String?
    var member: String?
    var text: String?
    var reason: String?

    static let fields: TemplateFields<Self> = [
      "id": { $0.id.map(TemplateText.init) },
      "title": { TemplateText($0.title) },
      "phase": { $0.phase.map(TemplateText.init) },
      "member": { $0.member.map(TemplateText.init) },
      "text": { $0.text.map(TemplateText.init) },
      "reason": { $0.reason.map(TemplateText.init) },
    ]
  }

  struct Roadmap: TemplateValue {
    var timelineSVG: String
    var iterations: [RoadmapIteration]

    static let fields: TemplateFields<Self> = [
      "timeline_svg": { $0.timelineSVG },
      "iterations": { $0.iterations },
    ]
  }

  struct RoadmapIteration: TemplateValue {
    var id: String
    var title: String
    var start: String
    var end: String
    var status: String
    var statusLabel: String
    var current: Bool
    var goal: String
    /// How many items it plans.
    var items: Int

    static let fields: TemplateFields<Self> = [
      "id": { TemplateText($0.id) },
      "title": { TemplateText($0.title) },
      "start": { TemplateText($0.start) },
      "end": { TemplateText($0.end) },
      "status": { TemplateText($0.status) },
      "status_label": { TemplateText($0.statusLabel) },
      "current": { $0.current },
      "goal": { TemplateText($0.goal) },
      "items": { $0.items },
    ]
  }

  /// The last retrospective; its actions, the overdue ones and its body are nil for the public.
  struct Retro: TemplateValue {
    var iteration: String
    var title: String
    var date: String
    var lessons: [Lesson]
    var actions: [Action]?
    var overdue: [OverdueAction]?
    var bodyHTML: String?

    static let fields: TemplateFields<Self> = [
      "iteration": { $0.iteration },
      "title": { $0.title },
      "date": { $0.date },
      "lessons": { $0.lessons },
      "actions": { $0.actions },
      "overdue": { $0.overdue },
      "body_html": { $0.bodyHTML },
    ]
  }

  struct Lesson: TemplateValue {
    var text: String
    var tags: String

    static let fields: TemplateFields<Self> = [
      "text": { TemplateText($0.text) },
      "tags": { TemplateText($0.tags) },
    ]
  }

  struct Action: TemplateValue {
    var text: String
    var owner: String
    var due: String
    var dueID: String
    var status: String
    var overdue: Bool

    static let fields: TemplateFields<Self> = [
      "text": { TemplateText($0.text) },
      "owner": { TemplateText($0.owner) },
      "due": { TemplateText($0.due) },
      "due_id": { TemplateText($0.dueID) },
      "status": { TemplateText($0.status) },
      "overdue": { $0.overdue },
    ]
  }

  struct OverdueAction: TemplateValue {
    var text: String
    var owner: String
    var due: String
    var dueID: String
    var retro: String
    var retroID: String

    static let fields: TemplateFields<Self> = [
      "text": { TemplateText($0.text) },
      "owner": { TemplateText($0.owner) },
      "due": { TemplateText($0.due) },
      "due_id": { TemplateText($0.dueID) },
      "retro": { TemplateText($0.retro) },
      "retro_id": { TemplateText($0.retroID) },
    ]
  }

  struct RecurringLesson: TemplateValue {
    var tag: String
    var retros: String

    static let fields: TemplateFields<Self> = [
      "tag": { TemplateText($0.tag) },
      "retros": { TemplateText($0.retros) },
    ]
  }

  struct Findings: TemplateValue {
    var count: Int
    var errors: Int
    var warnings: Int
    /// Both counts, each noun agreeing with its number: `1 erreur, 0 avertissement`.
    var counts: String
    /// Listed for the technical edition only.
    var items: [Finding]

    static let fields: TemplateFields<Self> = [
      "count": { $0.count },
      "errors": { $0.errors },
      "warnings": { $0.warnings },
      "counts": { TemplateText($0.counts) },
      "none": { $0.count == 0 },
      "items": { $0.items },
    ]
  }

  struct Finding: TemplateValue {
    var severity: String
    var severityLabel: String
    var rule: String
    var file: String
    var line: String
    var message: String

    static let fields: TemplateFields<Self> = [
      "severity": { TemplateText($0.severity) },
      "severity_label": { TemplateText($0.severityLabel) },
      "rule": { TemplateText($0.rule) },
      "file": { TemplateText($0.file) },
      "line": { TemplateText($0.line) },
      "message": { TemplateText($0.message) },
    ]
  }

  struct Trends: TemplateValue {
    var svg: String
    var rows: [TrendRow]

    static let fields: TemplateFields<Self> = [
      "svg": { $0.svg },
      "rows": { $0.rows },
    ]
  }

  struct TrendRow: TemplateValue {
    var label: String
    var date: String
    var progress: String
    var sayDo: String
    var coverage: String

    static let fields: TemplateFields<Self> = [
      "label": { TemplateText($0.label) },
      "date": { TemplateText($0.date) },
      "progress": { TemplateText($0.progress) },
      "say_do": { TemplateText($0.sayDo) },
      "coverage": { TemplateText($0.coverage) },
    ]
  }
}
