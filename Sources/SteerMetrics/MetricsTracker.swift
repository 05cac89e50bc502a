import SteerModel

/// The metrics of a ledger that changes a few documents at a time, as a history replay sees
/// it. A change recomputes the facts of the use cases it touches and the groups of metrics
/// that read what changed; everything else is kept. The numbers are those `LedgerMetrics`
/// gives for the same documents: the same code computes them, in the same order.
public struct MetricsTracker: Sendable {
  private var vision: Vision?
  private var stakeholders: [String: Stakeholder] = [:]
  /// Each stakeholder's group: what use cases' facts read of them, without copying a stakeholder.
  private var groups: [String: StakeholderGroup] = [:]
  private var objectives: [String: Objective] = [:]
  private var useCases: [String: UseCase] = [:]
  private var workshops: [String: Workshop] = [:]
  private var iterations: [String: Iteration] = [:]
  private var retros: [String: Retro] = [:]
  private var decisions: [String: Decision] = [:]
  /// Use case id → the ids of the workshops that name it.
  private var workshopsByUseCase: [String: Set<String>] = [:]
  private var active = ActiveObjectives([])
  private var rollout: [String: Int] = [:]

  /// The facts of every use case, sorted by id, and where each id stands.
  private var facts: [UseCaseFacts] = []
  private var factPosition: [String: Int] = [:]
  private var touchedUseCases: Set<String> = []
  /// What the facts of every use case read, changed since they were last brought up to date:
  /// the vision (for its rollout), the objectives (for which are active), and the stakeholders
  /// with their group as it was then. The facts are rebuilt only when one of those did change.
  private var visionChanged = false
  private var objectivesChanged = false
  private var groupsBefore: [String: StakeholderGroup?] = [:]

  // Groups of metrics; nil when something they read changed.
  private var useCaseTotals: UseCaseTotals?
  private var stakeholderMetrics: StakeholderMetrics?
  private var learningTotals: LearningTotals?
  /// Each iteration's part of the learning totals, and the iterations whose part is out of date.
  private var reviews: [String: LearningTotals] = [:]
  private var touchedIterations: Set<String> = []

  public init() {}

  /// The date of what a snapshot records (docs/metrics.md, `trend`): for an iteration's tag, its
  /// retrospective's `date`, else the iteration's `end`; for a commit that changed `retros/`, the
  /// latest retrospective's date. Nil when the ledger has none of those.
  public func recordedDate(iteration label: String?) -> CalendarDate? {
    if let label, let date = retros[label]?.date ?? iterations[label]?.end { return date }
    return label == nil ? retros.values.map(\.date).max() : nil
  }

  /// Each iteration's title and each use case's, by id: how people know what a history names.
  public var titles: (iterations: [String: String], useCases: [String: String]) {
    (iterations.mapValues(\.title), useCases.mapValues(\.title))
  }

  /// Replaces a document by its new version: nil for `old` when it is new, for `new` when it
  /// is gone (or can no longer be read).
  public mutating func replace(_ old: LedgerDocument?, with new: LedgerDocument?) {
    if let old { apply(old, present: false) }
    if let new { apply(new, present: true) }
  }

  private mutating func apply(_ document: LedgerDocument, present: Bool) {
    switch document {
    case .vision(let vision):
      self.vision = present ? vision : nil
      stakeholderMetrics = nil  // endorsements
      visionChanged = true
    case .stakeholder(let stakeholder):
      if !groupsBefore.keys.contains(stakeholder.id) {
        groupsBefore.updateValue(groups[stakeholder.id], forKey: stakeholder.id)
      }
      stakeholders[stakeholder.id] = present ? stakeholder : nil
      groups[stakeholder.id] = present ? stakeholder.group : nil
      stakeholderMetrics = nil
    case .objective(let objective):
      objectives[objective.id] = present ? objective : nil
      stakeholderMetrics = nil
      objectivesChanged = true
    case .useCase(let useCase):
      useCases[useCase.id] = present ? useCase : nil
      touchedUseCases.insert(useCase.id)
    case .workshop(let workshop):
      workshops[workshop.id] = present ? workshop : nil
      for useCase in workshop.useCases {
        if present {
          workshopsByUseCase[useCase.value, default: []].insert(workshop.id)
        } else {
          workshopsByUseCase[useCase.value]?.remove(workshop.id)
        }
        touchedUseCases.insert(useCase.value)
      }
    case .iteration(let iteration):
      iterations[iteration.id] = present ? iteration : nil
      touchedIterations.insert(iteration.id)
      learningTotals = nil
    case .retro(let retro):
      retros[retro.iteration] = present ? retro : nil
      touchedIterations.insert(retro.iteration)
      learningTotals = nil
    case .decision(let decision):
      decisions[decision.id] = present ? decision : nil
    case .series:
      break  // No metric a snapshot records reads measurements.
    }
  }

  /// Every metric a gate may name (`LedgerMetrics.value(of:)`) of the documents as they stand,
  /// by id; `contributed`: the objectives a federating ledger's members serve (docs/metrics.md, Federation).
  public mutating func values(contributed: Set<String> = []) -> [String: Double] {
    updateFacts()
    if useCaseTotals == nil { useCaseTotals = UseCaseTotals(facts, active: active) }
    if stakeholderMetrics == nil {
      stakeholderMetrics = StakeholderMetrics(Array(stakeholders.values), active: active, vision: vision)
    }
    if learningTotals == nil {
      for id in touchedIterations {
        reviews[id] = iterations[id].map { LearningTotals(review: $0, retros[id]) }
      }
      touchedIterations = []
      // Integer counts: added up in any order, they are those of `LearningTotals(iterations:retros:)`.
      var totals = LearningTotals(actionsOf: retros.values, iterations: iterations)
      for review in reviews.values { totals.add(review) }
      learningTotals = totals
    }
    var useCases = useCaseTotals!
    useCases.serve(contributed, active: active)
    let numbers = MetricNumbers(
      useCases: useCases, stakeholders: stakeholderMetrics!, learning: learningTotals!, rollout: vision?.rollout,
      decisions: LedgerMetrics.decisionCoconstruction(decisions.values).weights)
    var values: [String: Double] = [:]
    for metric in MetricRegistry.standard.gateable { values[metric.id] = metric.value(in: numbers) }
    return values
  }

  private mutating func updateFacts() {
    var everyUseCaseTouched = false
    if visionChanged, case let positions = UseCaseFacts.rolloutPositions(vision), positions != rollout {
      rollout = positions
      everyUseCaseTouched = true
    }
    if objectivesChanged, case let nowActive = ActiveObjectives(Array(objectives.values)), nowActive != active {
      active = nowActive
      everyUseCaseTouched = true
    }
    if groupsBefore.contains(where: { id, before in groups[id] != before }) {
      everyUseCaseTouched = true  // the groups their workshops gathered
    }
    (visionChanged, objectivesChanged, groupsBefore) = (false, false, [:])
    if everyUseCaseTouched {
      facts = useCases.values.map(makeFacts).sorted { $0.id < $1.id }
      factPosition = Dictionary(uniqueKeysWithValues: facts.enumerated().map { ($1.id, $0) })
      useCaseTotals = nil
    } else if !touchedUseCases.isEmpty {
      var removed: Set<String> = []
      var added: [UseCaseFacts] = []
      for id in touchedUseCases {
        switch (factPosition[id], useCases[id]) {
        case (let position?, let useCase?): facts[position] = makeFacts(useCase)
        case (.some, nil): removed.insert(id)
        case (nil, let useCase?): added.append(makeFacts(useCase))
        case (nil, nil): continue
        }
      }
      if !removed.isEmpty || !added.isEmpty {
        facts.removeAll { removed.contains($0.id) }
        for fact in added { facts.insert(fact, at: facts.partitioningIndex { $0.id >= fact.id }) }
        factPosition = Dictionary(uniqueKeysWithValues: facts.enumerated().map { ($1.id, $0) })
      }
      useCaseTotals = nil
    }
    touchedUseCases = []
  }

  private func makeFacts(_ useCase: UseCase) -> UseCaseFacts {
    // The facts do not depend on the workshops' order: they are taken as the set holds them.
    let workshops = (workshopsByUseCase[useCase.id] ?? []).compactMap { self.workshops[$0] }
    return UseCaseFacts(
      useCase, workshops: workshops, active: active, rollout: rollout, group: { groups[$0] })
  }
}
