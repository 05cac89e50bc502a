import SteerChecks
import SteerMetrics
import SteerModel

/// What changed in the ledger between two revisions, as a steering committee asks it.
public struct LedgerDiff: Sendable {
  public struct PhaseMove: Hashable, Sendable {
    public var useCase: String
    public var from: Phase
    public var to: Phase
    /// Moved back in the order, or abandoned.
    public var backwards: Bool { to == .abandoned || (to.rank ?? 0) < (from.rank ?? 0) }
  }

  public struct Retarget: Hashable, Sendable {
    public var objective: String
    public var indicator: String
    public var from: (target: Double, date: CalendarDate)
    public var to: (target: Double, date: CalendarDate)
    public static func == (lhs: Retarget, rhs: Retarget) -> Bool {
      lhs.indicator == rhs.indicator && lhs.from.target == rhs.from.target && lhs.to.target == rhs.to.target
        && lhs.from.date == rhs.from.date && lhs.to.date == rhs.to.date
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(indicator) }
  }

  public struct StanceChange: Hashable, Sendable {
    public var stakeholder: String
    public var from: Stance?
    public var to: Stance?
  }

  public struct MetricDelta: Hashable, Sendable {
    public var metric: MetricDefinition
    public var before: Double?
    public var after: Double?
  }

  public struct NewLesson: Hashable, Sendable {
    public var iteration: String
    public var text: String
    public var tags: [String]
  }

  /// An action as its latest statement says it (docs/format.md: restated in a later
  /// retrospective, by `id` or by text and owner, it carries over).
  public struct ActionChange: Hashable, Sendable {
    /// The iteration whose retrospective states it last.
    public var iteration: String
    public var text: String
    public var owner: String
    public var due: String
    /// Nil for a new action; equal to `to` for one carried over unchanged into a later retrospective.
    public var from: ActionStatus?
    public var to: ActionStatus
  }

  /// A document renamed between the two sides (`steer rename`): the same title under another id.
  public struct Rename: Hashable, Sendable {
    public var from: String
    public var to: String
  }

  /// An indicator whose latest measurement changed.
  public struct IndicatorChange: Hashable, Sendable {
    public var objective: String
    public var indicator: String
    public var unit: String
    public var before: IndicatorProgress.Reading?
    public var after: IndicatorProgress.Reading?
  }

  /// A decision entered in the register, or whose status changed (`proposed → accepted`).
  public struct DecisionChange: Hashable, Sendable {
    public var decision: String
    /// Nil for a decision new in the register.
    public var from: DecisionStatus?
    public var to: DecisionStatus
  }

  /// A decision that now supersedes others it did not before.
  public struct Supersession: Hashable, Sendable {
    public var decision: String
    public var supersedes: [String]
  }

  /// What people call each thing the diff names: titles, and stakeholders' names (the newer side's).
  public struct Names: Sendable {
    var byKind: [EntityKind: [String: String]] = [:]

    init(_ ledgers: Ledger...) {
      for ledger in ledgers {
        add(.usecase, ledger.useCases.map { ($0.id, $0.title) })
        add(.objective, ledger.objectives.map { ($0.id, $0.title) })
        add(.indicator, ledger.objectives.flatMap(\.indicators).map { ($0.id.value, $0.title) })
        add(.iteration, ledger.iterations.map { ($0.id, $0.title) })
        add(.stakeholder, ledger.stakeholders.map { ($0.id, $0.name) })
        add(.decision, ledger.decisions.map { ($0.id, $0.title) })
      }
    }

    private mutating func add(_ kind: EntityKind, _ pairs: [(String, String)]) {
      for (id, name) in pairs { byKind[kind, default: [:]][id] = name }
    }

    /// The name of `id`, else the id itself.
    public func callAsFunction(_ kind: EntityKind, _ id: String) -> String { byKind[kind]?[id] ?? id }
  }

  public var from: String
  /// The revision compared to, nil for the work tree (`toLabel` names it in a sentence).
  public var to: String?
  public var names: Names
  public var phaseMoves: [PhaseMove] = []
  public var addedUseCases: [String] = []
  public var removedUseCases: [String] = []
  public var renamedUseCases: [Rename] = []
  public var addedObjectives: [String] = []
  public var removedObjectives: [String] = []
  public var renamedObjectives: [Rename] = []
  /// Objective id → (old status, new status).
  public var objectiveStatusChanges: [(objective: String, from: ObjectiveStatus, to: ObjectiveStatus)] = []
  public var retargeted: [Retarget] = []
  /// Decisions entered in the register or whose status changed, in id order.
  public var decisions: [DecisionChange] = []
  public var removedDecisions: [String] = []
  public var supersessions: [Supersession] = []
  public var endorsements: [StanceChange] = []
  /// Every metric a gate may name, on each side.
  public var metrics: [MetricDelta] = []
  public var indicators: [IndicatorChange] = []
  /// The objectives whose progress changed, counting the members' use cases in a region.
  public var objectiveProgress: [ProgressChange] = []
  /// A federating ledger's members whose pin moved or whose use cases changed phase.
  public var members: [MemberChange] = []
  public var lessons: [NewLesson] = []
  public var actions: [ActionChange] = []
  public var newFindings: [Diagnostic] = []
  public var resolvedFindings: [Diagnostic] = []
  /// Findings of the same rule on the same document whose wording or line changed: the same
  /// finding, said again.
  public var changedFindings: [(before: Diagnostic, after: Diagnostic)] = []

  public var isEmpty: Bool {
    phaseMoves.isEmpty && addedUseCases.isEmpty && removedUseCases.isEmpty && renamedUseCases.isEmpty
      && addedObjectives.isEmpty && removedObjectives.isEmpty && renamedObjectives.isEmpty
      && objectiveStatusChanges.isEmpty && retargeted.isEmpty && endorsements.isEmpty
      && decisions.isEmpty && removedDecisions.isEmpty && supersessions.isEmpty
      && metrics.allSatisfy { $0.before == $0.after } && indicators.isEmpty && objectiveProgress.isEmpty
      && members.isEmpty && lessons.isEmpty && actions.isEmpty
      && newFindings.isEmpty && resolvedFindings.isEmpty && changedFindings.isEmpty
  }

  /// Compares two ledgers with their reports. Renamed documents are followed (the same title
  /// under another id); actions by their identity across retrospectives; findings by their
  /// identity (`FindingIdentity`), then by rule and document, so that neither a moved line,
  /// a rename nor another wording makes one look new.
  /// - Parameter members: a federating ledger's members, as each side pins them.
  public init(
    from before: Ledger, _ beforeReport: Report, to after: Ledger, _ afterReport: Report, labels: (String, String?),
    members: (before: [MemberPin], after: [MemberPin]) = ([], [])
  ) {
    from = labels.0
    to = labels.1
    names = Names(before, after)
    let useCases = Self.matched(before.useCases, after.useCases, id: \.id, title: \.title)
    (addedUseCases, removedUseCases, renamedUseCases) = (useCases.added, useCases.removed, useCases.renamed)
    for (old, useCase) in useCases.pairs where old.phase != useCase.phase {
      phaseMoves.append(PhaseMove(useCase: useCase.id, from: old.phase, to: useCase.phase))
    }
    let objectives = Self.matched(before.objectives, after.objectives, id: \.id, title: \.title)
    (addedObjectives, removedObjectives, renamedObjectives) = (objectives.added, objectives.removed, objectives.renamed)
    for (old, objective) in objectives.pairs {
      if old.status != objective.status { objectiveStatusChanges.append((objective.id, old.status, objective.status)) }
      retargeted += Self.retargets(old, objective)
    }
    endorsements = Self.stanceChanges(before.vision, after.vision)
    (decisions, removedDecisions, supersessions) = Self.decisionChanges(
      before.decisions, after.decisions)

    let oldMetrics = LedgerMetrics(before, members: members.before.compactMap(\.federated))
    let newMetrics = LedgerMetrics(after, members: members.after.compactMap(\.federated))
    metrics = MetricRegistry.standard.gateable.map {
      MetricDelta(metric: $0, before: oldMetrics.value(of: $0), after: newMetrics.value(of: $0))
    }
    indicators = Self.indicatorChanges(oldMetrics.indicators, newMetrics.indicators)
    objectiveProgress = Self.progressChanges(oldMetrics, newMetrics)
    self.members = Self.memberChanges(members.before, members.after)
    lessons = Self.newLessons(before.retros, after.retros)
    actions = Self.actionChanges(before, after)
    let moved = Dictionary(
      (useCases.pairs.map { ($0.0.file, $0.1.file) } + objectives.pairs.map { ($0.0.file, $0.1.file) })
        .filter { $0.0 != $0.1 }, uniquingKeysWith: { first, _ in first })
    (newFindings, resolvedFindings, changedFindings) = Self.findingChanges(
      beforeReport, afterReport, movedFiles: moved)
  }
}

extension LedgerDiff {
  /// Documents of one kind on both sides: those kept (by id, else by a title that names one
  /// document on each side: a rename), those added and those removed.
  static func matched<Document>(
    _ before: [Document], _ after: [Document], id: (Document) -> String, title: (Document) -> String
  ) -> (pairs: [(Document, Document)], added: [String], removed: [String], renamed: [Rename]) {
    let old = Ledger.byID(before, id)
    let new = Ledger.byID(after, id)
    var added = new.keys.filter { old[$0] == nil }.sorted()
    var removed = old.keys.filter { new[$0] == nil }.sorted()
    var pairs = new.keys.sorted().compactMap { key in old[key].map { ($0, new[key]!) } }
    let goneByTitle = Dictionary(grouping: removed, by: { title(old[$0]!) })
    let comeByTitle = Dictionary(grouping: added, by: { title(new[$0]!) })
    var renamed: [Rename] = []
    for (name, gone) in goneByTitle.sorted(by: { $0.key < $1.key }) {
      guard gone.count == 1, let come = comeByTitle[name], come.count == 1 else { continue }
      renamed.append(Rename(from: gone[0], to: come[0]))
      pairs.append((old[gone[0]]!, new[come[0]]!))
    }
    added.removeAll { id in renamed.contains { $0.to == id } }
    removed.removeAll { id in renamed.contains { $0.from == id } }
    return (pairs, added, removed, renamed)
  }

  /// Decisions added or whose status changed, those removed (by id: a decision given another
  /// id is a new entry of the register), and supersessions new on the newer side, in id order.
  static func decisionChanges(_ before: [Decision], _ after: [Decision]) -> (
    changed: [DecisionChange], removed: [String], supersessions: [Supersession]
  ) {
    let old = Ledger.byID(before, \.id)
    let new = Ledger.byID(after, \.id)
    let removed = old.keys.filter { new[$0] == nil }.sorted()
    var changed: [DecisionChange] = []
    var supersessions: [Supersession] = []
    for id in new.keys.sorted() {
      let decision = new[id]!
      if old[id]?.status != decision.status {
        changed.append(DecisionChange(decision: id, from: old[id]?.status, to: decision.status))
      }
      let known = Set(old[id]?.supersedes.map(\.value) ?? [])
      var replaced: [String] = []
      for target in decision.supersedes.map(\.value) where !known.contains(target) && !replaced.contains(target) {
        replaced.append(target)
      }
      if !replaced.isEmpty { supersessions.append(Supersession(decision: id, supersedes: replaced)) }
    }
    return (changed, removed, supersessions)
  }

  static func retargets(_ old: Objective, _ objective: Objective) -> [Retarget] {
    let oldIndicators = Ledger.byID(old.indicators, \.id.value)
    return objective.indicators.compactMap { indicator in
      guard let was = oldIndicators[indicator.id.value],
        was.target != indicator.target || was.targetDate != indicator.targetDate
      else { return nil }
      return Retarget(
        objective: objective.id, indicator: indicator.id.value, from: (was.target, was.targetDate),
        to: (indicator.target, indicator.targetDate))
    }
  }

  static func stanceChanges(_ before: Vision?, _ after: Vision?) -> [StanceChange] {
    let oldStances = (before?.latestEndorsements ?? [:]).mapValues(\.stance)
    let newStances = (after?.latestEndorsements ?? [:]).mapValues(\.stance)
    return Set(oldStances.keys).union(newStances.keys).sorted().compactMap { stakeholder in
      oldStances[stakeholder] == newStances[stakeholder]
        ? nil : StanceChange(stakeholder: stakeholder, from: oldStances[stakeholder], to: newStances[stakeholder])
    }
  }

  static func indicatorChanges(_ before: [IndicatorProgress], _ after: [IndicatorProgress]) -> [IndicatorChange] {
    let old = Ledger.byID(before, \.indicator)
    return after.compactMap { progress in
      let was = old[progress.indicator]?.latest
      guard was?.value != progress.latest?.value || was?.date != progress.latest?.date else { return nil }
      return IndicatorChange(
        objective: progress.objective, indicator: progress.indicator, unit: progress.definition.unit, before: was,
        after: progress.latest)
    }
  }

  static func newLessons(_ before: [Retro], _ after: [Retro]) -> [NewLesson] {
    let known = Set(before.flatMap { retro in retro.lessons.map { "\(retro.iteration)\u{0}\($0.text)" } })
    return after.sorted { $0.iteration < $1.iteration }.flatMap { retro in
      retro.lessons.filter { !known.contains("\(retro.iteration)\u{0}\($0.text)") }.map {
        NewLesson(iteration: retro.iteration, text: $0.text, tags: $0.tags)
      }
    }
  }

  /// Each action as both sides last state it: new, its status changed, or carried over into a
  /// later retrospective unchanged.
  static func actionChanges(_ before: Ledger, _ after: Ledger) -> [ActionChange] {
    let old = Ledger.byID(
      Ledger.currentActions(before.retros, iterations: Ledger.byID(before.iterations, \.id)), \.action.key)
    return Ledger.currentActions(after.retros, iterations: Ledger.byID(after.iterations, \.id)).compactMap {
      statement in
      let action = statement.action
      let was = old[action.key]
      if let was, was.action.status == action.status, was.retro.iteration == statement.retro.iteration { return nil }
      return ActionChange(
        iteration: statement.retro.iteration, text: action.text, owner: action.owner.value, due: action.due.value,
        from: was?.action.status, to: action.status)
    }
  }

  /// New, resolved and changed findings: matched by identity (a renamed document's findings
  /// under its new path), then what is left by rule and document when one stands on each side.
  static func findingChanges(_ before: Report, _ after: Report, movedFiles: [String: String]) -> (
    new: [Diagnostic], resolved: [Diagnostic], changed: [(before: Diagnostic, after: Diagnostic)]
  ) {
    func identity(before diagnostic: Diagnostic) -> FindingIdentity {
      var identity = before.identity(of: diagnostic)
      identity.file = movedFiles[identity.file] ?? identity.file
      return identity
    }
    let oldIdentities = Set(before.diagnostics.map(identity(before:)))
    let newIdentities = Set(after.diagnostics.map(after.identity))
    var new = after.diagnostics.filter { !oldIdentities.contains(after.identity(of: $0)) }
    var resolved = before.diagnostics.filter { !newIdentities.contains(identity(before: $0)) }
    func place(_ diagnostic: Diagnostic) -> String {
      "\(diagnostic.rule)\u{0}\(movedFiles[diagnostic.file] ?? diagnostic.file)"
    }
    let newByPlace = Dictionary(grouping: new, by: place)
    let resolvedByPlace = Dictionary(grouping: resolved, by: place)
    var changed: [(before: Diagnostic, after: Diagnostic)] = []
    for diagnostic in new {
      guard let same = newByPlace[place(diagnostic)], same.count == 1, let was = resolvedByPlace[place(diagnostic)],
        was.count == 1
      else { continue }
      changed.append((was[0], diagnostic))
    }
    new.removeAll { diagnostic in changed.contains { $0.after == diagnostic } }
    resolved.removeAll { diagnostic in changed.contains { $0.before == diagnostic } }
    return (new, resolved, changed)
  }
}

extension LedgerDiff {
  /// The revision compared to, or the work tree, as a reader is told it.
  public func toLabel(_ say: Wording) -> String { to ?? say(en: "work tree", fr: "copie de travail") }
}
