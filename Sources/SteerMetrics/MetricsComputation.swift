import SteerModel

extension LedgerMetrics {
  /// Computes every metric of docs/metrics.md from a ledger, and with `members` those of a
  /// federating ledger (docs/metrics.md, Federation). Pure: the ledgers in, numbers out.
  public init(_ ledger: Ledger, members: [FederatedMember] = []) {
    let active = ActiveObjectives(ledger.objectives)
    let rollout = UseCaseFacts.rolloutPositions(ledger.vision)
    let workshops = ledger.workshopsByUseCase
    let groups = Ledger.byID(ledger.stakeholders, \.id).mapValues(\.group)
    let facts = ledger.useCases.map { useCase in
      UseCaseFacts(
        useCase, workshops: workshops[useCase.id] ?? [], active: active, rollout: rollout, group: { groups[$0] })
    }
    useCases = UseCaseMetrics(
      facts.sorted { $0.id < $1.id }, active: active, objectives: ledger.objectives.map(\.id),
      rollout: ledger.vision?.rollout)
    stakeholders = StakeholderMetrics(ledger.stakeholders, active: active, vision: ledger.vision)
    learning = LearningMetrics(iterations: ledger.iterations, retros: ledger.retros)
    self.rollout = ledger.vision?.rollout
    indicators = Self.indicators(
      objectives: ledger.objectives, measurements: ledger.measurementsByIndicator, members: members)
    decisionCoconstruction = Self.decisionCoconstruction(ledger.decisions)
    if !members.isEmpty { countContributions(of: members, to: ledger, active: active) }
  }

  /// `accepted` decisions that name a workshop, over `accepted` decisions (docs/metrics.md).
  static func decisionCoconstruction(_ decisions: some Sequence<Decision>) -> Ratio {
    let accepted = decisions.filter { $0.status == .accepted }
    return Ratio(
      counted: accepted.filter { !$0.workshops.isEmpty }.map { ($0.id, 1) },
      notCounted: accepted.filter { $0.workshops.isEmpty }.map { ($0.id, 1) })
  }

  /// - Parameter measurements: indicator id → its measurements (`Ledger.measurements(retros:series:)`),
  ///   in the order that decides "latest" among equal dates: retrospectives by file, then series files.
  static func indicators(
    objectives: [Objective], measurements: [String: [MeasuredValue]], members: [FederatedMember] = []
  ) -> [IndicatorProgress] {
    let readings = measurements.mapValues { values in
      values.map { IndicatorProgress.Reading(value: $0.value, date: $0.date, file: $0.file) }
    }
    // The members' latest readings count only when an indicator is computed from them.
    let combining = objectives.contains { $0.indicators.contains { $0.fromMembers != nil } }
    let memberReadings = combining ? members : []
    return objectives.sorted { $0.id < $1.id }.flatMap { objective in
      objective.indicators.map { indicator in
        var measured = readings[indicator.id.value] ?? []
        let fromMembers = indicator.fromMembers.map { MemberValues(indicator.id.value, $0, members: memberReadings) }
        // The members' combination is one more measurement, which wins a tie with the ledger's
        // own; a sum over part of them is none, only shown when nothing else was measured.
        let partialSum = fromMembers?.isPartialSum == true ? fromMembers?.combined : nil
        if partialSum == nil, let combined = fromMembers?.combined { measured.append(combined) }
        // A stable sort by date keeps file order among equal dates, so `last` is the later file.
        let measuredLatest = measured.enumerated()
          .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.last?.element
        let latest = measuredLatest ?? partialSum
        let span = indicator.target - indicator.baseline
        let value = measuredLatest.flatMap { span != 0 ? ($0.value - indicator.baseline) / span : nil }
        var points = [(x: Double(indicator.baselineDate.daysSinceEpoch), y: indicator.baseline)]
        points += measured.map { (x: Double($0.date.daysSinceEpoch), y: $0.value) }
        let forecast = Statistics.leastSquares(points).map { line -> IndicatorProgress.Forecast in
          // The line stops at the bounds the unit implies: a waiting time does not go below zero.
          let atTarget = (line.intercept + line.slope * Double(indicator.targetDate.daysSinceEpoch))
            .clamped(to: indicator.bounds)
          let progress = span != 0 ? (atTarget - indicator.baseline) / span : nil
          var reaches: CalendarDate?
          // A line moving away from the target was past it only before: it reaches it on no day.
          if line.slope != 0 && line.slope * span >= 0 {
            let day = ((indicator.target - line.intercept) / line.slope).rounded(.up)
            if day.isFinite, abs(day) < 3_000_000 { reaches = CalendarDate(daysSinceEpoch: Int(day)) }
          }
          return IndicatorProgress.Forecast(
            value: atTarget, progress: progress, onTrack: progress.map { $0 >= 1 },
            reachesTargetOn: reaches, points: points.count)
        }
        return IndicatorProgress(
          definition: indicator, objective: objective.id, latest: latest, value: value, forecast: forecast,
          measurements: measured.count, fromMembers: fromMembers)
      }
    }
  }
}

/// The totals of each group that the single-number metrics are read from (`MetricDefinition`):
/// what `LedgerMetrics` and a history snapshot both hold.
struct MetricNumbers: Hashable, Sendable {
  var useCases: UseCaseTotals
  let stakeholders: StakeholderMetrics
  let learning: LearningTotals
  let rollout: [RolloutStep]?
  /// Accepted decisions that name a workshop (counted), and those that name none.
  var decisions = RatioWeights()

  /// Σ min(p, q) over the active objectives; nil without shared priorities or effort to share.
  var portfolioFit: Double? {
    guard stakeholders.hasSharedPriorities, let q = useCases.effortShares else { return nil }
    return zip(stakeholders.sharedPriorities, q).reduce(0) { $0 + min($1.0, $1.1) }
  }
}

/// The active objectives, sorted by id: the columns of the priority matrix and of the effort shares.
struct ActiveObjectives: Hashable, Sendable {
  let ids: [String]
  let position: [String: Int]

  init(_ objectives: [Objective]) {
    ids = objectives.filter { $0.status == .active }.map(\.id).sorted()
    position = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
  }
}

/// What the use-case metrics need from one use case and its neighbours: which active
/// objectives it serves, whether it was co-constructed, how many stakeholder groups its
/// workshops gathered. History keeps one per use case and recomputes only those a change touches.
struct UseCaseFacts: Sendable {
  let id: String
  let phase: Phase
  let effort: Double
  /// The objectives it names, each once, as written.
  let objectives: [String]
  /// Where its rollout step stands in the vision's rollout (the last place, if named twice).
  let rolloutPosition: Int?
  /// Positions of the active objectives it serves, each once.
  let activeObjectives: ObjectivePositions
  let isCoConstructed: Bool
  /// Distinct stakeholder groups among its workshops' participants; nil without workshops.
  let participantGroups: Int?

  init(
    _ useCase: UseCase, workshops: [Workshop], active: ActiveObjectives, rollout: [String: Int],
    group: (String) -> StakeholderGroup?
  ) {
    id = useCase.id
    phase = useCase.phase
    effort = useCase.effort
    var objectives: [String] = []
    for objective in useCase.objectives where !objectives.contains(objective.value) {
      objectives.append(objective.value)
    }
    self.objectives = objectives
    rolloutPosition = useCase.rolloutStep.flatMap { rollout[$0.value] }
    activeObjectives = ObjectivePositions(objectives.compactMap { active.position[$0] })
    isCoConstructed = CoConstructionGaps(useCase, workshops: workshops).isEmpty
    var groupsMet: UInt = 0  // one bit per group: no set to build for each use case
    for workshop in workshops {
      for participant in workshop.participants {
        if let group = group(participant.value) { groupsMet |= 1 << StakeholderGroup.allCases.firstIndex(of: group)! }
      }
    }
    participantGroups = workshops.isEmpty ? nil : groupsMet.nonzeroBitCount
  }

  /// Rollout step id → its last position in the vision's rollout.
  static func rolloutPositions(_ vision: Vision?) -> [String: Int] {
    Dictionary((vision?.rollout ?? []).enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { _, last in last })
  }

  var isLive: Bool { phase != .abandoned }

}

extension Phase {
  /// At the prototype or later (and not abandoned): co-construction is due.
  var isPrototyped: Bool { (rank ?? 0) >= Phase.prototype.rank! }
}

/// Positions of the active objectives a use case serves. Most use cases serve one to three:
/// those are kept inline, so that adding up ten thousand use cases follows no pointer.
struct ObjectivePositions: Sendable {
  private var first: Int32 = 0
  private var second: Int32 = 0
  private var third: Int32 = 0
  private var more: [Int32] = []
  let count: Int

  init(_ positions: [Int]) {
    count = positions.count
    if count > 0 { first = Int32(positions[0]) }
    if count > 1 { second = Int32(positions[1]) }
    if count > 2 { third = Int32(positions[2]) }
    if count > 3 { more = positions.dropFirst(3).map(Int32.init) }
  }

  var isEmpty: Bool { count == 0 }

  func forEach(_ body: (Int) -> Void) {
    if count > 0 { body(Int(first)) }
    if count > 1 { body(Int(second)) }
    if count > 2 { body(Int(third)) }
    if count > 3 { for position in more { body(Int(position)) } }
  }
}

/// The numbers the use-case metrics are made of: sums and counts over the facts of every use
/// case, in id order, so that whoever adds them up gets the same floating-point result. A
/// history snapshot needs only these; `UseCaseMetrics` adds which use cases made them.
struct UseCaseTotals: Hashable, Sendable {
  /// Traceability: the effort of live use cases that serve an active objective, and of the others.
  var traceability = RatioWeights()
  /// Coverage: whether a live use case serves each active objective.
  var served: [Bool]
  /// Portfolio fit's q before normalisation: the effort of live, not-yet-scaled use cases,
  /// split equally across their active objectives.
  var effort: [Double]
  var coConstruction = RatioWeights()
  /// Transversality: the groups of all use cases that have workshops, and how many they are.
  var groups = 0
  var useCasesWithWorkshops = 0
  /// Progress: effort-weighted phase progress of live use cases, and their effort.
  var weightedProgress = 0.0
  var liveEffort = 0.0
  /// Rollout reach: one past the furthest rollout position of a deployed use case (0 when none).
  var reach = 0

  init(_ facts: [UseCaseFacts], active: ActiveObjectives) {
    served = [Bool](repeating: false, count: active.ids.count)
    effort = [Double](repeating: 0, count: active.ids.count)
    for fact in facts {
      if let groups = fact.participantGroups {
        self.groups += groups
        useCasesWithWorkshops += 1
      }
      let phase = fact.phase
      if phase.isDeployed, let position = fact.rolloutPosition { reach = max(reach, position + 1) }
      guard phase != .abandoned else { continue }
      let effort = fact.effort
      let objectives = fact.activeObjectives.count
      if objectives == 0 { traceability.notCounted += effort } else { traceability.counted += effort }
      fact.activeObjectives.forEach { position in
        served[position] = true
        if phase != .scaled { self.effort[position] += effort / Double(objectives) }
      }
      if phase.isPrototyped {
        if fact.isCoConstructed { coConstruction.counted += 1 } else { coConstruction.notCounted += 1 }
      }
      liveEffort += effort
      weightedProgress += effort * (phase.progress ?? 0)
    }
  }

  /// Marks the active objectives among `objectives` as served: a federating ledger's members serve them.
  mutating func serve(_ objectives: Set<String>, active: ActiveObjectives) {
    for (position, objective) in active.ids.enumerated() where objectives.contains(objective) {
      served[position] = true
    }
  }

  /// Coverage with the objectives on each side.
  func coverage(of active: ActiveObjectives) -> Ratio {
    Ratio(
      counted: active.ids.indices.filter { served[$0] }.map { active.ids[$0] },
      notCounted: active.ids.indices.filter { !served[$0] }.map { active.ids[$0] }, weights: coverage)
  }

  var coverage: RatioWeights {
    let count = served.filter { $0 }.count
    return RatioWeights(counted: Double(count), notCounted: Double(served.count - count))
  }

  var transversality: Double? {
    useCasesWithWorkshops > 0 ? Double(groups) / Double(useCasesWithWorkshops) : nil
  }

  var progress: Double? { liveEffort > 0 ? weightedProgress / liveEffort : nil }

  /// q: each active objective's share of the effort; nil when there is no such effort.
  var effortShares: [Double]? {
    let total = effort.reduce(0, +)
    return total > 0 ? effort.map { $0 / total } : nil
  }

  func rolloutReach(_ rollout: [RolloutStep]?) -> RolloutReach {
    guard let rollout, !rollout.isEmpty else { return RolloutReach(value: nil, step: nil) }
    return RolloutReach(value: reach, step: reach > 0 ? rollout[reach - 1].id.value : nil)
  }
}

/// The use-case metrics with the use cases that make each number: traceability, coverage,
/// effort shares, co-construction, transversality, progress, rollout reach, phase counts.
struct UseCaseMetrics: Hashable, Sendable {
  var totals: UseCaseTotals
  var activeObjectives: [String]
  var traceability: Ratio
  var coverage: Ratio
  var coConstruction: Ratio
  var transversality: Transversality
  var phaseProgress: [UseCaseProgress]
  var objectiveProgress: [String: Progress]
  var progress: Progress
  var rolloutReach: RolloutReach
  var phaseCounts: [Phase: Int]

  /// - Parameter facts: every use case's, sorted by id.
  init(_ facts: [UseCaseFacts], active: ActiveObjectives, objectives: [String], rollout: [RolloutStep]?) {
    let totals = UseCaseTotals(facts, active: active)
    self.totals = totals
    activeObjectives = active.ids
    var aligned: [String] = []
    var unaligned: [String] = []
    var coConstructed: [String] = []
    var notCoConstructed: [String] = []
    var live: [String] = []
    var groupsByUseCase: [String: Int] = [:]
    var counts: [Phase: Int] = Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0, 0) })
    // Live use cases grouped by objective once: no pass over all use cases per objective.
    var servingByObjective: [String: [Int]] = [:]
    for (position, fact) in facts.enumerated() {
      counts[fact.phase, default: 0] += 1
      if let groups = fact.participantGroups { groupsByUseCase[fact.id] = groups }
      guard fact.isLive else { continue }
      live.append(fact.id)
      if fact.activeObjectives.isEmpty { unaligned.append(fact.id) } else { aligned.append(fact.id) }
      if fact.phase.isPrototyped {
        if fact.isCoConstructed { coConstructed.append(fact.id) } else { notCoConstructed.append(fact.id) }
      }
      for objective in fact.objectives { servingByObjective[objective, default: []].append(position) }
    }
    traceability = Ratio(counted: aligned, notCounted: unaligned, weights: totals.traceability)
    coverage = totals.coverage(of: active)
    coConstruction = Ratio(counted: coConstructed, notCounted: notCoConstructed, weights: totals.coConstruction)
    transversality = Transversality(value: totals.transversality, groupsByUseCase: groupsByUseCase)
    phaseProgress = facts.map { UseCaseProgress(useCase: $0.id, value: $0.phase.progress) }
    progress = Progress(value: totals.progress, useCases: live, effort: totals.liveEffort)
    var objectiveProgress: [String: Progress] = [:]
    for objective in objectives {
      let serving = servingByObjective[objective] ?? []
      let effort = serving.reduce(0) { $0 + facts[$1].effort }
      let weighted = serving.reduce(0) { $0 + facts[$1].effort * (facts[$1].phase.progress ?? 0) }
      objectiveProgress[objective] = Progress(
        value: effort > 0 ? weighted / effort : nil, useCases: serving.map { facts[$0].id }, effort: effort)
    }
    self.objectiveProgress = objectiveProgress
    rolloutReach = totals.rolloutReach(rollout)
    phaseCounts = counts
  }
}

/// The metrics of the stakeholders' priorities and endorsements: concordance, agreement,
/// shared priorities (p of portfolio fit), endorsement.
struct StakeholderMetrics: Hashable, Sendable {
  var concordance: Concordance
  var agreement: StakeholderAgreement
  /// p, by active objective: each rater's weights normalised to sum 1, averaged.
  var activeObjectives: [String]
  var sharedPriorities: [Double]
  var hasSharedPriorities: Bool
  var endorsement: Ratio
  var groupEndorsement: Ratio

  init(_ stakeholders: [Stakeholder], active: ActiveObjectives, vision: Vision?) {
    let stakeholders = stakeholders.sorted { $0.id < $1.id }
    // A rater states at least one priority on an active objective; unstated objectives weigh 0.
    let raters = stakeholders.filter { $0.priorities.contains { active.position[$0.objective.value] != nil } }
    let weights = raters.map { rater -> [Double] in
      var row = [Double](repeating: 0, count: active.ids.count)
      for priority in rater.priorities {
        if let position = active.position[priority.objective.value] { row[position] = Double(priority.weight) }
      }
      return row
    }
    let kendall = Statistics.kendallW(weights)
    concordance = Concordance(
      value: kendall.value, uncorrected: kendall.uncorrected, raters: raters.map(\.id), objectives: active.ids,
      rankSums: Dictionary(uniqueKeysWithValues: zip(active.ids, kendall.rankSums)), s: kendall.s,
      ties: kendall.ties)
    agreement = Self.agreement(stakeholders: stakeholders, raters: raters, weights: weights)

    // Raters whose weights are all 0 cannot be normalised.
    let normalised = weights.compactMap { row -> [Double]? in
      let total = row.reduce(0, +)
      return total > 0 ? row.map { $0 / total } : nil
    }
    var p = [Double](repeating: 0, count: active.ids.count)
    for row in normalised { for i in row.indices { p[i] += row[i] / Double(normalised.count) } }
    activeObjectives = active.ids
    sharedPriorities = p
    hasSharedPriorities = !normalised.isEmpty

    let latest = vision?.latestEndorsements ?? [:]
    let endorsing = Set(stakeholders.filter { latest[$0.id]?.stance == .endorse }.map(\.id))
    endorsement = Ratio(
      counted: stakeholders.filter { endorsing.contains($0.id) }.map { ($0.id, 1) },
      notCounted: stakeholders.filter { !endorsing.contains($0.id) }.map { ($0.id, 1) })
    let groups = Set(stakeholders.map(\.group))
    let endorsingGroups = Set(stakeholders.filter { endorsing.contains($0.id) }.map(\.group))
    groupEndorsement = Ratio(
      counted: groups.filter(endorsingGroups.contains).map { ($0.rawValue, 1) },
      notCounted: groups.subtracting(endorsingGroups).map { ($0.rawValue, 1) })
  }

  static func agreement(stakeholders: [Stakeholder], raters: [Stakeholder], weights: [[Double]]) -> StakeholderAgreement
  {
    let ranks = weights.map { Statistics.ranks($0, descending: true) }
    var values: [String: Double] = [:]
    if raters.count >= 2 {
      // The others' mean ranking, as sums: ranks are multiples of ½, so the sums are exact and
      // tied means stay tied (Spearman ranks its input, so dividing by m − 1 changes nothing).
      var total = [Double](repeating: 0, count: ranks.first?.count ?? 0)
      for rater in ranks { for i in rater.indices { total[i] += rater[i] } }
      for (j, rater) in raters.enumerated() {
        let others = zip(total, ranks[j]).map { $0 - $1 }
        values[rater.id] = Statistics.spearman(ranks[j], others)
      }
    }
    let entries = stakeholders.map {
      StakeholderAgreement.Entry(stakeholder: $0.id, group: $0.group, value: values[$0.id])
    }
    let least = entries.compactMap { entry in entry.value.map { (entry.stakeholder, $0) } }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
    var byGroup: [StakeholderGroup: [Double]] = [:]
    for entry in entries { if let value = entry.value { byGroup[entry.group, default: []].append(value) } }
    return StakeholderAgreement(
      entries: entries, leastAligned: Array(least),
      byGroup: byGroup.mapValues { $0.reduce(0, +) / Double($0.count) })
  }
}

/// The numbers of the delivery and learning metrics, from the iterations and the
/// retrospectives alone. A history snapshot needs only these; `LearningMetrics` adds which
/// iterations, items and actions made them.
struct LearningTotals: Hashable, Sendable {
  /// Say/do over every closed iteration with a retrospective: items delivered, and planned.
  var delivered = 0
  var planned = 0
  var retroCoverage = RatioWeights()
  var actionClosure = RatioWeights()

  /// - Parameters:
  ///   - iterations: by id.
  ///   - retros: by the iteration they review.
  init(iterations: [String: Iteration], retros: [String: Retro]) {
    // Counts only: the order in which they are added up does not matter, which lets history
    // keep each iteration's review and add them up again.
    for iteration in iterations.values { add(Self(review: iteration, retros[iteration.id])) }
    add(Self(actionsOf: retros.values, iterations: iterations))
  }

  init() {}

  /// What one iteration adds: nothing unless it is closed; then whether a retrospective
  /// reviewed it, and what that retrospective says it delivered.
  init(review iteration: Iteration, _ retro: Retro?) {
    guard iteration.status == .closed else { return }
    guard let retro else {
      retroCoverage.notCounted = 1
      return
    }
    retroCoverage.counted = 1
    delivered = Self.delivered(iteration, retro).count
    planned = iteration.items.count
  }

  /// What the retrospectives' actions add to action closure.
  init(actionsOf retros: some Sequence<Retro>, iterations: [String: Iteration]) {
    for (_, _, action) in Ledger.currentActions(retros, iterations: iterations) where Self.counts(action, iterations) {
      if action.status == .done { actionClosure.counted += 1 } else { actionClosure.notCounted += 1 }
    }
  }

  mutating func add(_ other: Self) {
    delivered += other.delivered
    planned += other.planned
    retroCoverage.counted += other.retroCoverage.counted
    retroCoverage.notCounted += other.retroCoverage.notCounted
    actionClosure.counted += other.actionClosure.counted
    actionClosure.notCounted += other.actionClosure.notCounted
  }

  var sayDo: Double? { planned > 0 ? Double(delivered) / Double(planned) : nil }

  /// Whether an action counts for action closure: not dropped, and due by a closed iteration.
  static func counts(_ action: Action, _ iterations: [String: Iteration]) -> Bool {
    action.status != .dropped && iterations[action.due.value]?.status == .closed
  }

  /// The positions of the iteration's items that its retrospective delivered at or beyond their target.
  static func delivered(_ iteration: Iteration, _ retro: Retro) -> [Int] {
    iteration.items.indices.filter { position in
      let item = iteration.items[position]
      guard let target = item.target.rank else { return false }
      return retro.delivered.contains { $0.useCase.value == item.useCase.value && ($0.phase.rank ?? -1) >= target }
    }
  }
}

/// The metrics of delivery and learning with what makes them: say/do per iteration,
/// retrospective coverage, action closure, overdue actions, recurring lessons.
struct LearningMetrics: Hashable, Sendable {
  var totals: LearningTotals
  var sayDoByIteration: [SayDo]
  var sayDo: SayDo
  var retroCoverage: Ratio
  var actionClosure: Ratio
  var overdueActions: [OverdueAction]
  var recurringLessons: [RecurringLesson]

  init(iterations: [Iteration], retros: [Retro]) {
    let iterationsByID = Ledger.byID(iterations, \.id)
    let retrosByIteration = Ledger.byID(retros, \.iteration)
    let totals = LearningTotals(iterations: iterationsByID, retros: retrosByIteration)
    self.totals = totals
    var perIteration: [SayDo] = []
    var delivered: [String] = []
    var missed: [String] = []
    var covered: [String] = []
    var uncovered: [String] = []
    for iteration in Ledger.roadmap(iterations) where iteration.status == .closed {
      guard let retro = retrosByIteration[iteration.id] else {
        uncovered.append(iteration.id)
        perIteration.append(
          SayDo(iteration: iteration.id, value: nil, items: iteration.items.count, delivered: [], missed: []))
        continue
      }
      covered.append(iteration.id)
      let reached = Set(LearningTotals.delivered(iteration, retro))
      let hits = iteration.items.indices.filter { reached.contains($0) }.map { iteration.items[$0].useCase.value }
      let misses = iteration.items.indices.filter { !reached.contains($0) }.map { iteration.items[$0].useCase.value }
      let count = iteration.items.count
      perIteration.append(
        SayDo(
          iteration: iteration.id, value: count > 0 ? Double(hits.count) / Double(count) : nil, items: count,
          delivered: hits, missed: misses))
      delivered += hits.map { "\(iteration.id)/\($0)" }
      missed += misses.map { "\(iteration.id)/\($0)" }
    }
    sayDoByIteration = perIteration
    sayDo = SayDo(
      iteration: nil, value: totals.sayDo, items: totals.planned, delivered: delivered, missed: missed)
    retroCoverage = Ratio(counted: covered, notCounted: uncovered, weights: totals.retroCoverage)

    var done: [String] = []
    var notDone: [String] = []
    var overdue: [OverdueAction] = []
    // Each action counts once, as its latest statement says (carry-over, docs/metrics.md).
    let current = Ledger.currentActions(retros, iterations: iterationsByID).sorted {
      ($0.retro.file, $0.position) < ($1.retro.file, $1.position)
    }
    for (retro, position, action) in current where LearningTotals.counts(action, iterationsByID) {
      let id = "\(retro.iteration)#\(position + 1)"
      if action.status == .done {
        done.append(id)
      } else {
        notDone.append(id)
        overdue.append(
          OverdueAction(text: action.text, owner: action.owner.value, due: action.due.value, retro: retro.iteration))
      }
    }
    actionClosure = Ratio(counted: done, notCounted: notDone, weights: totals.actionClosure)
    overdueActions = overdue
    var retrosByTag: [String: Set<String>] = [:]
    for retro in retros {
      for lesson in retro.lessons {
        for tag in lesson.tags { retrosByTag[tag, default: []].insert(retro.iteration) }
      }
    }
    recurringLessons = retrosByTag.filter { $0.value.count >= 3 }
      .map { RecurringLesson(tag: $0.key, retros: $0.value.sorted()) }
      .sorted { ($0.retros.count, $1.tag) > ($1.retros.count, $0.tag) }
  }
}

extension Double {
  fileprivate func clamped(to range: ClosedRange<Double>) -> Double {
    Swift.min(Swift.max(self, range.lowerBound), range.upperBound)
  }
}
