/// The documents of a ledger, as plain values. Each keeps the path of its file and where
/// its fields were written, so that rules can point at them.

public struct Vision: Hashable, Sendable {
  public var file: String
  public var title: String
  public var territory: String
  public var horizon: CalendarDate
  public var carriedBy: Located<String>
  public var axes: [Axis]
  public var rollout: [RolloutStep]
  public var endorsements: [Endorsement]
  public var locations: FieldLocations
  /// The Markdown after the front matter.
  public var body: String = ""

  public init(
    file: String, title: String, territory: String, horizon: CalendarDate, carriedBy: Located<String>,
    axes: [Axis], rollout: [RolloutStep], endorsements: [Endorsement], locations: FieldLocations, body: String = ""
  ) {
    self.file = file
    self.title = title
    self.territory = territory
    self.horizon = horizon
    self.carriedBy = carriedBy
    self.axes = axes
    self.rollout = rollout
    self.endorsements = endorsements
    self.locations = locations
    self.body = body
  }
}

public struct Axis: Hashable, Sendable {
  public var id: Located<String>
  public var title: String
  public init(id: Located<String>, title: String) {
    self.id = id
    self.title = title
  }
}

public struct RolloutStep: Hashable, Sendable {
  public var id: Located<String>
  public var title: String
  public init(id: Located<String>, title: String) {
    self.id = id
    self.title = title
  }
}

public struct Endorsement: Hashable, Sendable {
  public var stakeholder: Located<String>
  public var date: CalendarDate
  public var stance: Stance
  public var note: String?
  public var locations: FieldLocations
  public init(
    stakeholder: Located<String>, date: CalendarDate, stance: Stance, note: String?, locations: FieldLocations
  ) {
    self.stakeholder = stakeholder
    self.date = date
    self.stance = stance
    self.note = note
    self.locations = locations
  }
}

public struct Stakeholder: Hashable, Sendable {
  public var id: String
  public var file: String
  public var name: String
  public var group: StakeholderGroup
  /// Objective id → weight 0...5, in the order written.
  public var priorities: [Priority]
  public var locations: FieldLocations
  /// The Markdown after the front matter.
  public var body: String = ""
  public init(
    id: String, file: String, name: String, group: StakeholderGroup, priorities: [Priority], locations: FieldLocations,
    body: String = ""
  ) {
    self.id = id
    self.file = file
    self.name = name
    self.group = group
    self.priorities = priorities
    self.locations = locations
    self.body = body
  }
}

public struct Priority: Hashable, Sendable {
  public var objective: Located<String>
  public var weight: Int
  public init(objective: Located<String>, weight: Int) {
    self.objective = objective
    self.weight = weight
  }
}

public struct Objective: Hashable, Sendable {
  public var id: String
  public var file: String
  public var title: String
  public var axis: Located<String>
  public var owner: Located<String>
  public var status: ObjectiveStatus
  public var indicators: [Indicator]
  /// Objectives of the ledger that federates this one, which this one serves.
  public var contributesTo: [Located<String>] = []
  public var locations: FieldLocations
  /// The Markdown after the front matter.
  public var body: String = ""
  public init(
    id: String, file: String, title: String, axis: Located<String>, owner: Located<String>, status: ObjectiveStatus,
    indicators: [Indicator], contributesTo: [Located<String>] = [], locations: FieldLocations, body: String = ""
  ) {
    self.contributesTo = contributesTo
    self.id = id
    self.file = file
    self.title = title
    self.axis = axis
    self.owner = owner
    self.status = status
    self.indicators = indicators
    self.locations = locations
    self.body = body
  }
}

public struct Indicator: Hashable, Sendable {
  public var id: Located<String>
  public var title: String
  public var unit: String
  public var direction: Direction
  public var baseline: Double
  public var baselineDate: CalendarDate
  public var target: Double
  public var targetDate: CalendarDate
  /// In a federating ledger: the indicator's value also comes from the members' indicators of
  /// the same id, their latest values summed or averaged.
  public var fromMembers: MemberCombination?
  public var locations: FieldLocations
  public init(
    id: Located<String>, title: String, unit: String, direction: Direction, baseline: Double,
    baselineDate: CalendarDate,
    target: Double, targetDate: CalendarDate, fromMembers: MemberCombination? = nil, locations: FieldLocations
  ) {
    self.id = id
    self.title = title
    self.unit = unit
    self.direction = direction
    self.baseline = baseline
    self.baselineDate = baselineDate
    self.target = target
    self.targetDate = targetDate
    self.fromMembers = fromMembers
    self.locations = locations
  }
}

public struct UseCase: Hashable, Sendable {
  public static let defaultEffort = 1.0
  public var id: String
  public var file: String
  public var title: String
  public var objectives: [Located<String>]
  public var phase: Phase
  public var owner: Located<String>
  public var users: [Located<String>]
  public var rolloutStep: Located<String>?
  public var dependsOn: [Located<String>]
  public var effort: Double
  public var locations: FieldLocations
  /// The Markdown after the front matter.
  public var body: String = ""
  public init(
    id: String, file: String, title: String, objectives: [Located<String>], phase: Phase, owner: Located<String>,
    users: [Located<String>], rolloutStep: Located<String>?, dependsOn: [Located<String>], effort: Double,
    locations: FieldLocations, body: String = ""
  ) {
    self.id = id
    self.file = file
    self.title = title
    self.objectives = objectives
    self.phase = phase
    self.owner = owner
    self.users = users
    self.rolloutStep = rolloutStep
    self.dependsOn = dependsOn
    self.effort = effort
    self.locations = locations
    self.body = body
  }
}

public struct Workshop: Hashable, Sendable {
  public var id: String
  public var file: String
  /// What the workshop was about, when its file says (see `name(_:)`).
  public var title: String?
  public var date: CalendarDate
  public var phase: WorkshopPhase
  public var useCases: [Located<String>]
  public var participants: [Located<String>]
  public var facilitator: Located<String>?
  public var decisions: [String]
  public var locations: FieldLocations
  /// The Markdown after the front matter.
  public var body: String = ""
  public init(
    id: String, file: String, title: String? = nil, date: CalendarDate, phase: WorkshopPhase,
    useCases: [Located<String>], participants: [Located<String>], facilitator: Located<String>?, decisions: [String],
    locations: FieldLocations, body: String = ""
  ) {
    self.id = id
    self.file = file
    self.title = title
    self.date = date
    self.phase = phase
    self.useCases = useCases
    self.participants = participants
    self.facilitator = facilitator
    self.decisions = decisions
    self.locations = locations
    self.body = body
  }
}

extension Workshop {
  /// The workshop as people read it named: its own name, else `Workshop of 1 October 2026` /
  /// `Atelier du 1er octobre 2026`.
  public func name(_ say: Wording) -> String {
    ownName ?? say(en: "Workshop of \(say.date(date))", fr: "Atelier du \(say.date(date))")
  }

  /// Its `title`, else its body's first heading, if either says what the workshop was about.
  public var ownName: String? { title ?? Self.firstHeading(body) }

  /// The text of the first ATX heading (`# Text`, up to `######`) outside fenced code, if any.
  static func firstHeading(_ markdown: String) -> String? {
    var fence: Substring?
    for line in markdown.split(whereSeparator: \.isNewline) {
      let trimmed = line.drop { $0 == " " }
      guard line.count - trimmed.count < 4 else { continue }
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = trimmed.prefix(3)
        continue
      }
      let hashes = trimmed.prefix { $0 == "#" }.count
      let rest = trimmed.dropFirst(hashes)
      guard (1...6).contains(hashes), rest.isEmpty || rest.first == " " || rest.first == "\t" else { continue }
      // A closing sequence of `#` (after a blank) is not part of the heading.
      var text = rest.drop { $0 == " " || $0 == "\t" }
      while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
      let closing = text.reversed().prefix { $0 == "#" }.count
      if closing == text.count {
        text = ""
      } else if closing > 0, let blank = text.dropLast(closing).last, blank == " " || blank == "\t" {
        text = text.dropLast(closing)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
      }
      if !text.isEmpty { return String(text) }
    }
    return nil
  }
}

public struct Iteration: Hashable, Sendable {
  public var id: String
  public var file: String
  public var title: String
  public var start: CalendarDate
  public var end: CalendarDate
  public var status: IterationStatus
  public var goal: String?
  public var capacity: Double?
  public var items: [Item]
  public var locations: FieldLocations
  /// The Markdown after the front matter.
  public var body: String = ""
  public init(
    id: String, file: String, title: String, start: CalendarDate, end: CalendarDate, status: IterationStatus,
    goal: String?, capacity: Double?, items: [Item], locations: FieldLocations, body: String = ""
  ) {
    self.id = id
    self.file = file
    self.title = title
    self.start = start
    self.end = end
    self.status = status
    self.goal = goal
    self.capacity = capacity
    self.items = items
    self.locations = locations
    self.body = body
  }
}

extension Indicator {
  /// The values the indicator can take, as its unit implies (docs/metrics.md, forecasts): a
  /// share stays within 0–100 %; a temperature (a unit with °) is unbounded; anything else —
  /// a count, a duration, a volume — never goes below 0, unless its baseline or target does.
  public var bounds: ClosedRange<Double> {
    let lowest = unit.contains("°") || min(baseline, target) < 0 ? -Double.infinity : 0
    let highest = unit.filter { !$0.isWhitespace } == "%" && max(baseline, target) <= 100 ? 100 : Double.infinity
    return lowest...highest
  }
}

public struct Item: Hashable, Sendable {
  public var useCase: Located<String>
  public var target: Phase
  /// Nil when the item takes the use case's effort.
  public var effort: Double?
  public var locations: FieldLocations
  public init(useCase: Located<String>, target: Phase, effort: Double?, locations: FieldLocations) {
    self.useCase = useCase
    self.target = target
    self.effort = effort
    self.locations = locations
  }
}

public struct Retro: Hashable, Sendable {
  /// The iteration reviewed: the file's stem.
  public var iteration: String
  public var file: String
  public var date: CalendarDate
  public var participants: [Located<String>]
  public var delivered: [Delivery]
  public var lessons: [Lesson]
  public var actions: [Action]
  public var measurements: [Measurement]
  public var locations: FieldLocations
  /// The Markdown after the front matter.
  public var body: String = ""
  public init(
    iteration: String, file: String, date: CalendarDate, participants: [Located<String>], delivered: [Delivery],
    lessons: [Lesson], actions: [Action], measurements: [Measurement], locations: FieldLocations, body: String = ""
  ) {
    self.iteration = iteration
    self.file = file
    self.date = date
    self.participants = participants
    self.delivered = delivered
    self.lessons = lessons
    self.actions = actions
    self.measurements = measurements
    self.locations = locations
    self.body = body
  }
}

public struct Delivery: Hashable, Sendable {
  public var useCase: Located<String>
  public var phase: Phase
  public var locations: FieldLocations
  public init(useCase: Located<String>, phase: Phase, locations: FieldLocations) {
    self.useCase = useCase
    self.phase = phase
    self.locations = locations
  }
}

public struct Lesson: Hashable, Sendable {
  public var text: String
  public var tags: [String]
  public var locations: FieldLocations
  public init(text: String, tags: [String], locations: FieldLocations) {
    self.text = text
    self.tags = tags
    self.locations = locations
  }
}

public struct Action: Hashable, Sendable {
  public var text: String
  public var owner: Located<String>
  public var due: Located<String>
  public var status: ActionStatus
  /// Names the action across retrospectives (else its text and owner do): docs/format.md.
  public var id: String?
  public var locations: FieldLocations
  public init(
    text: String, owner: Located<String>, due: Located<String>, status: ActionStatus, id: String? = nil,
    locations: FieldLocations
  ) {
    self.text = text
    self.owner = owner
    self.due = due
    self.status = status
    self.id = id
    self.locations = locations
  }

  /// What makes two statements in different retrospectives the same action.
  public var key: String { id.map { "id:" + $0 } ?? "text:\(owner.value):\(text)" }
}

public struct Measurement: Hashable, Sendable {
  public var indicator: Located<String>
  public var value: Double
  public var date: CalendarDate
  public var locations: FieldLocations
  public init(indicator: Located<String>, value: Double, date: CalendarDate, locations: FieldLocations) {
    self.indicator = indicator
    self.value = value
    self.date = date
    self.locations = locations
  }
}

/// An entry of the decision register: what was decided, by whom, after which co-construction.
public struct Decision: Hashable, Sendable {
  public var id: String
  public var file: String
  public var title: String
  public var date: CalendarDate
  public var status: DecisionStatus
  public var decidedBy: [Located<String>]
  public var consulted: [Located<String>]
  public var informed: [Located<String>]
  public var workshops: [Located<String>]
  /// The use cases, objectives, iterations or rollout steps it decides about.
  public var concerns: [Located<String>]
  public var supersedes: [Located<String>]
  public var options: [String]
  public var deliberation: Deliberation?
  public var locations: FieldLocations
  /// The Markdown after the front matter: context, options weighed, consequences.
  public var body: String = ""
  public init(
    id: String, file: String, title: String, date: CalendarDate, status: DecisionStatus,
    decidedBy: [Located<String>], consulted: [Located<String>] = [], informed: [Located<String>] = [],
    workshops: [Located<String>] = [], concerns: [Located<String>] = [], supersedes: [Located<String>] = [],
    options: [String] = [], deliberation: Deliberation? = nil, locations: FieldLocations, body: String = ""
  ) {
    self.id = id
    self.file = file
    self.title = title
    self.date = date
    self.status = status
    self.decidedBy = decidedBy
    self.consulted = consulted
    self.informed = informed
    self.workshops = workshops
    self.concerns = concerns
    self.supersedes = supersedes
    self.options = options
    self.deliberation = deliberation
    self.locations = locations
    self.body = body
  }
}

/// A council's vote on a decision, as French councils publish their deliberations.
public struct Deliberation: Hashable, Sendable {
  /// The body that voted: « Conseil municipal », « Conseil communautaire ».
  public var body: String
  /// The deliberation's number.
  public var reference: String
  public var date: CalendarDate
  public var members: Int?
  public var present: Int?
  public var votesFor: Int?
  public var against: Int?
  public var abstention: Int?
  public var url: String?
  public var locations: FieldLocations
  public init(
    body: String, reference: String, date: CalendarDate, members: Int? = nil, present: Int? = nil,
    votesFor: Int? = nil, against: Int? = nil, abstention: Int? = nil, url: String? = nil, locations: FieldLocations
  ) {
    self.body = body
    self.reference = reference
    self.date = date
    self.members = members
    self.present = present
    self.votesFor = votesFor
    self.against = against
    self.abstention = abstention
    self.url = url
    self.locations = locations
  }

  /// The votes cast, when the deliberation gives all three counts.
  public var votesCast: Int? {
    guard let votesFor, let against, let abstention else { return nil }
    return votesFor + against + abstention
  }
}
