import SteerModel

extension LedgerMetrics {
  /// Computes every metric of metrics.md from a ledger. Pure: the ledger in, numbers out.
  public init(_ ledger: Ledger, index: LedgerIndex? = nil) {
    let index = index ?? LedgerIndex(ledger)
    let live = ledger.useCases.filter { $0.phase != .abandoned }.sorted { $0.id < $1.id }
    let active = ledger.objectives.filter { $0.status == .active }.sorted { $0.id < $1.id }
    let activeIDs = Set(active.map(\.id))
    let stakeholders = ledger.stakeholders.sorted { $0.id < $1.id }

    // Alignment
    let (aligned, unaligned) = live.partitioned(by: index.servesActiveObjective)
    traceability = Ratio(counted: aligned.map { ($0.id, $0.effort) }, notCounted: unaligned.map { ($0.id, $0.effort) })
    let served = Set(live.flatMap { $0.objectives.map(\.value) })
    coverage = Ratio(
      counted: active.filter { served.contains($0.id) }.map { ($0.id, 1) },
      notCounted: active.filter { !served.contains($0.id) }.map { ($0.id, 1) })

    // A rater states at least one priority on an active objective; unstated objectives weigh 0.
    let raters = stakeholders.filter { $0.priorities.contains { activeIDs.contains($0.objective.value) } }
    let weights = raters.map { rater -> [Double] in
      var byObjective: [String: Double] = [:]
      for priority in rater.priorities { byObjective[priority.objective.value] = Double(priority.weight) }
      return active.map { byObjective[$0.id] ?? 0 }
    }
    let kendall = Statistics.kendallW(weights)
    concordance = Concordance(
      value: kendall.value, uncorrected: kendall.uncorrected, raters: raters.map(\.id), objectives: active.map(\.id),
      rankSums: Dictionary(uniqueKeysWithValues: zip(active.map(\.id), kendall.rankSums)), s: kendall.s,
      ties: kendall.ties)
    stakeholderAgreement = Self.agreement(stakeholders: stakeholders, raters: raters, weights: weights)
    portfolioFit = Self.portfolioFit(weights: weights, objectives: active, live: live, index: index)

    let endorsing = Set(stakeholders.filter { index.latestEndorsements[$0.id]?.stance == .endorse }.map(\.id))
    endorsement = Ratio(
      counted: stakeholders.filter { endorsing.contains($0.id) }.map { ($0.id, 1) },
      notCounted: stakeholders.filter { !endorsing.contains($0.id) }.map { ($0.id, 1) })
    let groups = Set(stakeholders.map(\.group))
    let endorsingGroups = Set(stakeholders.filter { endorsing.contains($0.id) }.map(\.group))
    groupEndorsement = Ratio(
      counted: groups.filter(endorsingGroups.contains).map { ($0.rawValue, 1) },
      notCounted: groups.subtracting(endorsingGroups).map { ($0.rawValue, 1) })
    let prototyped = live.filter { ($0.phase.rank ?? 0) >= Phase.prototype.rank! }
    let (coConstructed, notCoConstructed) = prototyped.partitioned { index.coConstructionShortfall(of: $0) == nil }
    coConstruction = Ratio(counted: coConstructed.map { ($0.id, 1) }, notCounted: notCoConstructed.map { ($0.id, 1) })
    var groupsByUseCase: [String: Int] = [:]
    for (useCase, workshops) in index.workshopsByUseCase where index.useCases[useCase] != nil {
      let participants = workshops.flatMap(\.participants).compactMap { index.stakeholders[$0.value]?.group }
      groupsByUseCase[useCase] = Set(participants).count
    }
    transversality = Transversality(
      value: groupsByUseCase.isEmpty
        ? nil : Double(groupsByUseCase.values.reduce(0, +)) / Double(groupsByUseCase.count),
      groupsByUseCase: groupsByUseCase)

    // Progress
    phaseProgress = ledger.useCases.sorted { $0.id < $1.id }.map {
      UseCaseProgress(useCase: $0.id, value: $0.phase.progress)
    }
    progress = Self.progress(of: live)
    // Live use cases grouped by objective once: no pass over all use cases per objective.
    var servingByObjective: [String: [UseCase]] = [:]
    for useCase in live {
      for objective in Set(useCase.objectives.map(\.value)) {
        servingByObjective[objective, default: []].append(useCase)
      }
    }
    var objectiveProgress: [String: Progress] = [:]
    for objective in ledger.objectives {
      objectiveProgress[objective.id] = Self.progress(of: servingByObjective[objective.id] ?? [])
    }
    self.objectiveProgress = objectiveProgress
    indicators = Self.indicators(ledger)
    (sayDoByIteration, sayDo) = Self.sayDo(index)
    rolloutReach = Self.rolloutReach(ledger)
    var counts: [Phase: Int] = Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0, 0) })
    for useCase in ledger.useCases { counts[useCase.phase, default: 0] += 1 }
    phaseCounts = counts

    // Learning
    let closed = index.roadmap.filter { $0.status == .closed }
    retroCoverage = Ratio(
      counted: closed.filter { index.retrosByIteration[$0.id] != nil }.map { ($0.id, 1) },
      notCounted: closed.filter { index.retrosByIteration[$0.id] == nil }.map { ($0.id, 1) })
    var done: [(String, Double)] = []
    var notDone: [(String, Double)] = []
    var overdue: [OverdueAction] = []
    for retro in ledger.retros.sorted(by: { $0.file < $1.file }) {
      for (position, action) in retro.actions.enumerated() {
        guard action.status != .dropped, index.iterations[action.due.value]?.status == .closed else { continue }
        let id = "\(retro.iteration)#\(position + 1)"
        if action.status == .done {
          done.append((id, 1))
        } else {
          notDone.append((id, 1))
          overdue.append(
            OverdueAction(text: action.text, owner: action.owner.value, due: action.due.value, retro: retro.iteration))
        }
      }
    }
    actionClosure = Ratio(counted: done, notCounted: notDone)
    overdueActions = overdue
    var retrosByTag: [String: Set<String>] = [:]
    for retro in ledger.retros {
      for lesson in retro.lessons {
        for tag in lesson.tags { retrosByTag[tag, default: []].insert(retro.iteration) }
      }
    }
    recurringLessons = retrosByTag.filter { $0.value.count >= 3 }
      .map { RecurringLesson(tag: $0.key, retros: $0.value.sorted()) }
      .sorted { ($0.retros.count, $1.tag) > ($1.retros.count, $0.tag) }
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

  static func portfolioFit(weights: [[Double]], objectives: [Objective], live: [UseCase], index: LedgerIndex)
    -> PortfolioFit
  {
    // p: each rater's weights normalised to sum 1 (raters whose weights are all 0 cannot be), averaged.
    let normalised = weights.compactMap { row -> [Double]? in
      let total = row.reduce(0, +)
      return total > 0 ? row.map { $0 / total } : nil
    }
    var p = [Double](repeating: 0, count: objectives.count)
    for row in normalised { for i in row.indices { p[i] += row[i] / Double(normalised.count) } }
    // q: the effort of live, not-yet-scaled use cases, split equally across their active objectives.
    let position = Dictionary(uniqueKeysWithValues: objectives.enumerated().map { ($1.id, $0) })
    var q = [Double](repeating: 0, count: objectives.count)
    for useCase in live where useCase.phase != .scaled {
      let targets = Set(useCase.objectives.compactMap { position[$0.value] })
      for target in targets { q[target] += useCase.effort / Double(targets.count) }
    }
    let totalQ = q.reduce(0, +)
    if totalQ > 0 { q = q.map { $0 / totalQ } }
    let ids = objectives.map(\.id)
    let defined = !normalised.isEmpty && totalQ > 0
    return PortfolioFit(
      value: defined ? zip(p, q).reduce(0) { $0 + min($1.0, $1.1) } : nil,
      sharedPriorities: Dictionary(uniqueKeysWithValues: zip(ids, p)),
      effortShares: Dictionary(uniqueKeysWithValues: zip(ids, q)))
  }

  static func progress(of useCases: [UseCase]) -> Progress {
    let effort = useCases.reduce(0) { $0 + $1.effort }
    let weighted = useCases.reduce(0) { $0 + $1.effort * ($1.phase.progress ?? 0) }
    return Progress(value: effort > 0 ? weighted / effort : nil, useCases: useCases.map(\.id).sorted(), effort: effort)
  }

  static func indicators(_ ledger: Ledger) -> [IndicatorProgress] {
    // Indicator id → its measurements, in the order that decides "latest": date, then file, then position.
    var readings: [String: [IndicatorProgress.Reading]] = [:]
    for retro in ledger.retros.sorted(by: { $0.file < $1.file }) {
      for measurement in retro.measurements {
        readings[measurement.indicator.value, default: []].append(
          IndicatorProgress.Reading(value: measurement.value, date: measurement.date, file: retro.file))
      }
    }
    return ledger.objectives.sorted { $0.id < $1.id }.flatMap { objective in
      objective.indicators.map { indicator in
        let measured = readings[indicator.id.value] ?? []
        // A stable sort by date keeps file order among equal dates, so `last` is the later file.
        let latest = measured.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
          .last?.element
        let span = indicator.target - indicator.baseline
        let value = latest.flatMap { span != 0 ? ($0.value - indicator.baseline) / span : nil }
        var points = [(x: Double(indicator.baselineDate.daysSinceEpoch), y: indicator.baseline)]
        points += measured.map { (x: Double($0.date.daysSinceEpoch), y: $0.value) }
        let forecast = Statistics.leastSquares(points).map { line -> IndicatorProgress.Forecast in
          let atTarget = line.intercept + line.slope * Double(indicator.targetDate.daysSinceEpoch)
          let progress = span != 0 ? (atTarget - indicator.baseline) / span : nil
          var reaches: CalendarDate?
          if line.slope != 0 {
            let day = ((indicator.target - line.intercept) / line.slope).rounded(.up)
            if day.isFinite, abs(day) < 3_000_000 { reaches = CalendarDate(daysSinceEpoch: Int(day)) }
          }
          return IndicatorProgress.Forecast(
            value: atTarget, progress: progress, onTrack: progress.map { $0 >= 1 },
            reachesTargetOn: reaches, points: points.count)
        }
        return IndicatorProgress(
          definition: indicator, objective: objective.id, latest: latest, value: value, forecast: forecast,
          measurements: measured.count)
      }
    }
  }

  static func sayDo(_ index: LedgerIndex) -> ([SayDo], SayDo) {
    var perIteration: [SayDo] = []
    var delivered: [String] = []
    var missed: [String] = []
    for iteration in index.roadmap where iteration.status == .closed {
      guard let retro = index.retrosByIteration[iteration.id] else {
        perIteration.append(
          SayDo(iteration: iteration.id, value: nil, items: iteration.items.count, delivered: [], missed: []))
        continue
      }
      var reached: [String: Int] = [:]
      for delivery in retro.delivered {
        if let rank = delivery.phase.rank {
          reached[delivery.useCase.value] = max(reached[delivery.useCase.value] ?? -1, rank)
        }
      }
      var hits: [String] = []
      var misses: [String] = []
      for item in iteration.items {
        let id = item.useCase.value
        if let rank = reached[id], let target = item.target.rank, rank >= target {
          hits.append(id)
        } else {
          misses.append(id)
        }
      }
      let count = iteration.items.count
      perIteration.append(
        SayDo(
          iteration: iteration.id, value: count > 0 ? Double(hits.count) / Double(count) : nil, items: count,
          delivered: hits, missed: misses))
      delivered += hits.map { "\(iteration.id)/\($0)" }
      missed += misses.map { "\(iteration.id)/\($0)" }
    }
    let items = delivered.count + missed.count
    return (
      perIteration,
      SayDo(
        iteration: nil, value: items > 0 ? Double(delivered.count) / Double(items) : nil, items: items,
        delivered: delivered, missed: missed)
    )
  }

  static func rolloutReach(_ ledger: Ledger) -> RolloutReach {
    guard let rollout = ledger.vision?.rollout, !rollout.isEmpty else { return RolloutReach(value: nil, step: nil) }
    let deployedSteps = Set(ledger.useCases.filter(\.phase.isDeployed).compactMap { $0.rolloutStep?.value })
    guard let last = rollout.lastIndex(where: { deployedSteps.contains($0.id.value) }) else {
      return RolloutReach(value: 0, step: nil)
    }
    return RolloutReach(value: last + 1, step: rollout[last].id.value)
  }
}

extension Array {
  /// The elements that satisfy the predicate, and the others, each in order; one pass.
  func partitioned(by predicate: (Element) -> Bool) -> ([Element], [Element]) {
    var yes: [Element] = []
    var no: [Element] = []
    for element in self { if predicate(element) { yes.append(element) } else { no.append(element) } }
    return (yes, no)
  }
}
