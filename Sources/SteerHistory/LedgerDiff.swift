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

  public struct ActionChange: Hashable, Sendable {
    public var iteration: String
    public var text: String
    public var owner: String
    public var due: String
    /// Nil for a new action.
    public var from: ActionStatus?
    public var to: ActionStatus
  }

  public var from: String
  public var to: String
  public var phaseMoves: [PhaseMove] = []
  public var addedUseCases: [String] = []
  public var removedUseCases: [String] = []
  public var addedObjectives: [String] = []
  public var removedObjectives: [String] = []
  /// Objective id → (old status, new status).
  public var objectiveStatusChanges: [(objective: String, from: ObjectiveStatus, to: ObjectiveStatus)] = []
  public var retargeted: [Retarget] = []
  public var endorsements: [StanceChange] = []
  /// Every metric a gate may name, on each side.
  public var metrics: [MetricDelta] = []
  public var lessons: [NewLesson] = []
  public var actions: [ActionChange] = []
  public var newFindings: [Diagnostic] = []
  public var resolvedFindings: [Diagnostic] = []

  public var isEmpty: Bool {
    phaseMoves.isEmpty && addedUseCases.isEmpty && removedUseCases.isEmpty && addedObjectives.isEmpty
      && removedObjectives.isEmpty && objectiveStatusChanges.isEmpty && retargeted.isEmpty && endorsements.isEmpty
      && metrics.allSatisfy { $0.before == $0.after } && lessons.isEmpty && actions.isEmpty && newFindings.isEmpty
      && resolvedFindings.isEmpty
  }

  /// Compares two ledgers with their reports; findings are matched by their identity
  /// (`FindingIdentity`), so that neither a moved line nor another wording makes one look new.
  /// - Parameter members: a federating ledger's members, as each side pins them.
  public init(
    from before: Ledger, _ beforeReport: Report, to after: Ledger, _ afterReport: Report, labels: (String, String),
    members: (before: [FederatedMember], after: [FederatedMember]) = ([], [])
  ) {
    from = labels.0
    to = labels.1
    let oldUseCases = Dictionary(before.useCases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newUseCases = Dictionary(after.useCases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for (id, useCase) in newUseCases.sorted(by: { $0.key < $1.key }) {
      guard let old = oldUseCases[id] else {
        addedUseCases.append(id)
        continue
      }
      if old.phase != useCase.phase { phaseMoves.append(PhaseMove(useCase: id, from: old.phase, to: useCase.phase)) }
    }
    removedUseCases = oldUseCases.keys.filter { newUseCases[$0] == nil }.sorted()

    let oldObjectives = Dictionary(before.objectives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let newObjectives = Dictionary(after.objectives.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    for (id, objective) in newObjectives.sorted(by: { $0.key < $1.key }) {
      guard let old = oldObjectives[id] else {
        addedObjectives.append(id)
        continue
      }
      if old.status != objective.status { objectiveStatusChanges.append((id, old.status, objective.status)) }
      let oldIndicators = Dictionary(old.indicators.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
      for indicator in objective.indicators {
        guard let was = oldIndicators[indicator.id.value],
          was.target != indicator.target || was.targetDate != indicator.targetDate
        else { continue }
        retargeted.append(
          Retarget(
            objective: id, indicator: indicator.id.value, from: (was.target, was.targetDate),
            to: (indicator.target, indicator.targetDate)))
      }
    }
    removedObjectives = oldObjectives.keys.filter { newObjectives[$0] == nil }.sorted()

    let oldStances = (before.vision?.latestEndorsements ?? [:]).mapValues(\.stance)
    let newStances = (after.vision?.latestEndorsements ?? [:]).mapValues(\.stance)
    for stakeholder in Set(oldStances.keys).union(newStances.keys).sorted()
    where oldStances[stakeholder] != newStances[stakeholder] {
      endorsements.append(
        StanceChange(stakeholder: stakeholder, from: oldStances[stakeholder], to: newStances[stakeholder]))
    }

    let oldMetrics = LedgerMetrics(before, members: members.before)
    let newMetrics = LedgerMetrics(after, members: members.after)
    metrics = MetricRegistry.standard.gateable.map {
      MetricDelta(metric: $0, before: oldMetrics.value(of: $0), after: newMetrics.value(of: $0))
    }

    let oldRetros = Dictionary(before.retros.map { ($0.iteration, $0) }, uniquingKeysWith: { first, _ in first })
    for retro in after.retros.sorted(by: { $0.iteration < $1.iteration }) {
      let old = oldRetros[retro.iteration]
      let known = Set(old?.lessons.map(\.text) ?? [])
      lessons += retro.lessons.filter { !known.contains($0.text) }.map {
        NewLesson(iteration: retro.iteration, text: $0.text, tags: $0.tags)
      }
      let oldActions = Dictionary(
        (old?.actions ?? []).map { ($0.text, $0.status) }, uniquingKeysWith: { first, _ in first })
      for action in retro.actions where oldActions[action.text] != action.status {
        actions.append(
          ActionChange(
            iteration: retro.iteration, text: action.text, owner: action.owner.value, due: action.due.value,
            from: oldActions[action.text], to: action.status))
      }
    }

    let oldIdentities = Set(beforeReport.diagnostics.map(beforeReport.identity))
    let newIdentities = Set(afterReport.diagnostics.map(afterReport.identity))
    newFindings = afterReport.diagnostics.filter { !oldIdentities.contains(afterReport.identity(of: $0)) }
    resolvedFindings = beforeReport.diagnostics.filter { !newIdentities.contains(beforeReport.identity(of: $0)) }
  }
}
