import SteerChecks
import SteerHistory
import SteerMarkdown
import SteerMetrics
import SteerModel
import SteerOutput

extension SummaryModel {
  /// The typed values the templates render; every name they answer is documented in
  /// docs/templates.md.
  var view: SummaryView {
    let l = localizer
    let status = self.status
    let forThePublic = audience == .public
    return SummaryView(
      lang: l.language.rawValue, labels: TemplateLabels(localizer: l), audience: .init(audience: audience),
      generatedOn: l.date(input.today), pageTitle: l[forThePublic ? .summaryPublic : .summary],
      status: .init(
        level: status.level, label: status.level.word(l.say), reasons: status.reasons,
        // Internal findings are not the public's business; the committee's, yes.
        dataQuality: forThePublic ? nil : status.dataQuality),
      decisions: forThePublic ? [] : status.decisions, register: register, risks: forThePublic ? [] : status.risks,
      keyFigures: keyFigures, figureNotes: figureNotes, next: whatComesNext,
      gates: input.gates.map {
        SummaryView.Gate(
          metric: $0.metric.id, label: $0.metric.label(l.say),
          minimum: $0.metric.display($0.minimum, l.say, detailed: true),
          value: $0.metric.display($0.value, l.say, detailed: true), met: $0.met, metLabel: l[$0.met ? .met : .notMet])
      },
      vision: vision, alignment: alignment, objectives: objectives, useCases: useCases, roadmap: roadmap,
      lastRetro: lastRetro,
      recurringLessons: metrics.recurringLessons.map {
        SummaryView.RecurringLesson(
          tag: $0.tag, retros: $0.retros.map { l.say.titled(iterationTitle($0)) }.joined(separator: ", "))
      },
      findings: findings, trends: trends, since: since, federation: federation)
  }

  /// A metric's value as a summary writes it.
  func figure(_ metric: MetricDefinition) -> String { metric.display(metrics.value(of: metric), localizer.say) }

  /// The registry's key figures this audience sees, in their order.
  var keyFigures: [SummaryView.KeyFigure] {
    let say = localizer.say
    return input.registry.keyFigures(forThePublic: audience == .public).map { metric in
      SummaryView.KeyFigure(name: metric.id, label: metric.label(say), value: figure(metric))
    }
  }

  var vision: SummaryView.Vision? {
    let l = localizer
    guard let vision = ledger.vision else { return nil }
    // Every stance is shown; for the public, those who may not be named stand as their group.
    let endorsements = vision.endorsements.map { endorsement in
      let id = endorsement.stakeholder.value
      return SummaryView.Endorsement(
        stakeholder: nameable(id) ? stakeholderName(id) : l.say.memberOfGroup(l.group(groupOf(id))),
        named: nameable(id), group: l.group(groupOf(id)), stance: endorsement.stance.rawValue,
        stanceLabel: endorsement.stance.verb(l.say), date: l.date(endorsement.date),
        note: audience == .public ? nil : endorsement.note)
    }
    return SummaryView.Vision(
      title: vision.title, territory: vision.territory, horizon: l.date(vision.horizon),
      carriedBy: stakeholderName(vision.carriedBy.value), axes: vision.axes.map(\.title).joined(separator: " · "),
      body: vision.body.trimmingBlanks, bodyHTML: Markdown.html(vision.body, headingsFrom: 3),
      endorsements: endorsements)
  }

  var alignment: SummaryView.Alignment {
    let l = localizer
    let groups = metrics.stakeholderAgreement.byGroup.sorted {
      ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue)
    }
    var model = SummaryView.Alignment(
      concordance: figure(.concordance), portfolioFit: figure(.portfolioFit), traceability: figure(.traceability),
      endorsement: figure(.endorsement),
      groups: groups.map { SummaryView.GroupAgreement(group: l.group($0.key), value: l.number($0.value, digits: 2)) })
    guard audience == .technical else { return model }
    let active = metrics.concordance.objectives
    let titles = Dictionary(ledger.objectives.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    model.leastAligned = metrics.stakeholderAgreement.leastAligned.map { id in
      let value = metrics.stakeholderAgreement.entries.first { $0.stakeholder == id }?.value
      return SummaryView.LeastAligned(
        name: stakeholderName(id), group: l.group(groupOf(id)), value: value.map { l.number($0, digits: 2) } ?? "—")
    }
    model.heatmap = heatmap(active, titles: titles)
    model.objectives = active.map {
      SummaryView.ObjectiveWeight(
        id: $0, title: titles[$0] ?? $0, priority: l.percent(metrics.portfolioFit.sharedPriorities[$0]),
        effort: l.percent(metrics.portfolioFit.effortShares[$0]))
    }
    return model
  }

  /// The stakeholders' priorities on the active objectives, and what each numbered column stands
  /// for; nil while no stakeholder states any.
  func heatmap(_ active: [String], titles: [String: String]) -> (svg: String, columns: [SummaryView.HeatmapColumn])? {
    let l = localizer
    let raterIDs = Set(metrics.concordance.raters)
    let raters = ledger.stakeholders.filter { raterIDs.contains($0.id) }.sorted { $0.id < $1.id }
    // Past a few dozen columns a heat map is no longer read: it keeps the objectives of
    // highest shared priority, and says so (the table below lists them all).
    var columns = active
    var title = l[.heatmap]
    if active.count > Charts.heatMapColumns {
      let priority = metrics.portfolioFit.sharedPriorities
      columns = active.sorted { ((priority[$0] ?? 0), $1) > ((priority[$1] ?? 0), $0) }
        .prefix(Charts.heatMapColumns).sorted()
      title += " — \(columns.count) / \(active.count), \(l[.heatmapTop])"
    }
    // No chart of nobody's priorities: a new ledger's stakeholders have stated none yet.
    guard !raters.isEmpty && !columns.isEmpty else { return nil }
    let svg = Charts.heatMap(
      id: "heatmap", title: title, stakeholders: raters, objectives: columns.map { ($0, titles[$0] ?? $0) },
      localizer: l)
    return (
      svg,
      columns.enumerated().map {
        SummaryView.HeatmapColumn(number: $0.offset + 1, id: $0.element, title: titles[$0.element] ?? $0.element)
      }
    )
  }

  var objectives: [SummaryView.Objective] {
    let l = localizer
    let indicatorsByObjective = Dictionary(grouping: metrics.indicators, by: \.objective)
    return ledger.objectives.filter { $0.status == .active }.sorted { $0.id < $1.id }.map { objective in
      SummaryView.Objective(
        id: objective.id, title: objective.title, progress: l.percent(metrics.objectiveProgress[objective.id]?.value),
        hasProgress: metrics.objectiveProgress[objective.id]?.value != nil,
        bodyHTML: audience == .public ? "" : Markdown.html(objective.body, headingsFrom: 4),
        indicators: (indicatorsByObjective[objective.id] ?? []).map(indicatorRow),
        memberUseCases: membersUseCases(serving: objective.id).map { regionUseCaseRow($0, reason: false) })
    }
  }

  /// An indicator as the summary shows it: its figures, its bar, its forecast.
  func indicatorRow(_ indicator: IndicatorProgress) -> SummaryView.Indicator {
    let l = localizer
    let d = indicator.definition
    let progressText = indicator.notMeasurable(l.say) ?? indicator.value.map { l.percent($0) } ?? l[.notMeasured]
    var forecastText = "—"
    if let forecast = indicator.forecast {
      if forecast.onTrack == true {
        forecastText = l[.onTrack]
      } else if let date = forecast.reachesTargetOn, date > d.baselineDate {
        forecastText = "\(l[.offTrack]) — \(l[.reachedOn]) \(l.date(date))"
      } else {
        forecastText = l[.offTrack]
      }
    }
    // A value combined from part of a region's members says so beside it and its forecast.
    let members = indicator.membersMeasured(l.say).map { ", " + $0 } ?? ""
    if indicator.coversPartOfTheMembers, forecastText != "—" {
      forecastText += " — " + (indicator.membersMeasured(l.say) ?? "")
    }
    return SummaryView.Indicator(
      id: d.id.value, title: d.title, unit: d.unit,
      baseline: l.say.quantity(d.baseline, d.unit), target: l.say.quantity(d.target, d.unit),
      targetDate: l.date(d.targetDate),
      latest: indicator.latest.map { "\(l.say.quantity($0.value, d.unit)) (\(l.date($0.date))\(members))" } ?? "—",
      progress: progressText, progressValue: indicator.value ?? 0,
      barSVG: Charts.progressBar(
        id: "indicator-\(d.id.value)", title: d.title, progress: indicator.value, label: progressText),
      forecast: forecastText, onTrack: indicator.forecast?.onTrack)
  }

  var useCases: SummaryView.UseCases {
    let l = localizer
    // A region's funnel counts its members' use cases too, and says how many are theirs.
    let theirs = membersUseCases
    let phases = Phase.ordered.map { phase in
      SummaryView.PhaseCount(
        phase: l.phase(phase), own: metrics.phaseCounts[phase] ?? 0, members: theirs.count { $0.useCase.phase == phase }
      )
    }
    let included = membersIncluded(theirs.filter { $0.useCase.phase != .abandoned })
    let abandoned = theirs.filter { $0.useCase.phase == .abandoned }
    return SummaryView.UseCases(
      funnelSVG: Charts.funnel(
        id: "funnel", title: l[.funnel], counts: phases.map { ($0.phase, $0.own + $0.members) }, note: included,
        say: l.say),
      phases: phases, membersIncluded: included, abandoned: (metrics.phaseCounts[.abandoned] ?? 0) + abandoned.count,
      // Abandoning a use case is a decision: it is listed, with the reason its file gives.
      abandonedUseCases: ledger.useCases.filter { $0.phase == .abandoned }.map {
        SummaryView.UseCase(id: $0.id, title: $0.title, reason: Self.firstParagraph($0.body))
      } + abandoned.map { regionUseCaseRow($0, reason: true) },
      byStep: byStep, byMember: byMember(theirs.filter { $0.useCase.phase != .abandoned }))
  }

  /// The ledger's live use cases by rollout step, the furthest along first.
  var byStep: [SummaryView.UseCaseGroup] {
    let l = localizer
    let steps = (ledger.vision?.rollout ?? []).map { ($0.id.value, $0.title) } + [("", l[.noStep])]
    // Positions in the ledger's use cases are grouped and sorted, not the use cases: large values to move.
    let all = ledger.useCases
    let live = Dictionary(grouping: all.indices.filter { all[$0].phase != .abandoned }) {
      all[$0].rolloutStep?.value ?? ""
    }
    let phaseLabels = Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0, l.phase($0)) })
    return steps.compactMap { step, title in
      let cases = (live[step] ?? []).sorted {
        (all[$0].phase.rank ?? 0, all[$0].id) > (all[$1].phase.rank ?? 0, all[$1].id)
      }
      guard !cases.isEmpty else { return nil }
      return SummaryView.UseCaseGroup(
        title: title,
        useCases: cases.map {
          SummaryView.UseCase(id: all[$0].id, title: all[$0].title, phase: phaseLabels[all[$0].phase]!)
        })
    }
  }

  /// `Including 12 of the members' use cases (Aiglun: 5, Barles: 7).`; nil without any.
  package func membersIncluded(_ theirs: [RegionUseCase]) -> String? {
    guard !theirs.isEmpty else { return nil }
    let each = Dictionary(theirs.map { ($0.member, 1) }, uniquingKeysWith: +)
    let counts = input.members.map { memberName($0.name) }.map { (member: $0, count: each[$0, default: 0]) }
    return localizer.say.membersIncluded(counts.filter { $0.count > 0 })
  }

  /// Each member's live use cases, as `by_step` lists the ledger's own.
  func byMember(_ theirs: [RegionUseCase]) -> [SummaryView.UseCaseGroup] {
    let byName = Dictionary(grouping: theirs, by: \.member)
    return input.members.map { memberName($0.name) }.compactMap { name in
      byName[name].map { cases in
        SummaryView.UseCaseGroup(title: name, useCases: cases.map { regionUseCaseRow($0, reason: false) })
      }
    }
  }

  /// A member's use case for templates: its `member:usecase` id only for the technical edition.
  func regionUseCaseRow(_ useCase: RegionUseCase, reason: Bool) -> SummaryView.UseCase {
    SummaryView.UseCase(
      id: audience == .technical ? useCase.id : nil, title: useCase.useCase.title,
      phase: localizer.phase(useCase.useCase.phase), member: useCase.member, text: localizer.say.memberUseCase(useCase),
      reason: reason ? useCase.useCase.reason : nil)
  }

  /// The first paragraph of a Markdown body, on one line.
  package static func firstParagraph(_ body: String) -> String {
    let paragraph = body.trimmingBlanks.components(separatedBy: "\n\n").first ?? ""
    return paragraph.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingBlanks
  }

  /// Nil while no iteration is planned: the templates say so instead of an empty table.
  var roadmap: SummaryView.Roadmap? {
    let l = localizer
    let roadmap = index.roadmap
    guard !roadmap.isEmpty else { return nil }
    let current = roadmap.first { $0.status == .active }?.id
    return SummaryView.Roadmap(
      timelineSVG: Charts.timeline(
        id: "timeline", title: l[.roadmap], iterations: roadmap, current: current, today: input.today,
        localizer: l),
      iterations: roadmap.map { iteration in
        SummaryView.RoadmapIteration(
          id: iteration.id, title: iteration.title, start: l.date(iteration.start), end: l.date(iteration.end),
          status: iteration.status.rawValue, statusLabel: iteration.status.word(l.say),
          current: iteration.id == current,
          goal: iteration.goal ?? "", items: iteration.items.count)
      })
  }

  var lastRetro: SummaryView.Retro? {
    let l = localizer
    let closed = index.roadmap.filter { $0.status == .closed }
    guard let iteration = closed.last(where: { index.retrosByIteration[$0.id] != nil }),
      let retro = index.retrosByIteration[iteration.id]
    else { return nil }
    var model = SummaryView.Retro(
      iteration: iteration.id, title: iteration.title, date: l.date(retro.date),
      lessons: retro.lessons.map { SummaryView.Lesson(text: $0.text, tags: $0.tags.joined(separator: ", ")) })
    guard audience != .public else { return model }
    let overdue = Set(metrics.overdueActions.map { "\($0.retro)\u{0}\($0.text)" })
    model.actions = retro.actions.map { action in
      SummaryView.Action(
        text: action.text, owner: stakeholderName(action.owner.value),
        due: l.say.titled(iterationTitle(action.due.value)), dueID: action.due.value,
        status: action.status.word(l.say), overdue: overdue.contains("\(retro.iteration)\u{0}\(action.text)"))
    }
    model.overdue = metrics.overdueActions.map {
      SummaryView.OverdueAction(
        text: $0.text, owner: stakeholderName($0.owner), due: l.say.titled(iterationTitle($0.due)), dueID: $0.due,
        retro: l.say.titled(iterationTitle($0.retro)), retroID: $0.retro)
    }
    model.bodyHTML = Markdown.html(retro.body, headingsFrom: 3)
    return model
  }

  var findings: SummaryView.Findings {
    let l = localizer
    let shown = audience == .technical ? input.diagnostics : []
    let errors = input.diagnostics.count { $0.severity == .error }
    let warnings = input.diagnostics.count { $0.severity == .warning }
    return SummaryView.Findings(
      count: input.diagnostics.count, errors: errors, warnings: warnings,
      counts: l.say.count(errors, en: ("error", "errors"), fr: ("erreur", "erreurs")) + ", "
        + l.say.count(warnings, en: ("warning", "warnings"), fr: ("avertissement", "avertissements")),
      items: shown.map {
        SummaryView.Finding(
          severity: $0.severity.rawValue, severityLabel: $0.severity.word(l.say), rule: $0.rule, file: $0.file,
          line: $0.location.map { String($0.line) } ?? "", message: $0.message)
      })
  }

  var trends: SummaryView.Trends? {
    let l = localizer
    guard input.history.count >= 2, audience == .technical else { return nil }
    let shown: [MetricDefinition] = [.progress, .sayDo, .coverage, .coConstruction, .traceability]
    // A snapshot read at an iteration's tag is labelled with the tag; people know the iteration by its title.
    let history = input.history.map { snapshot in
      var titled = snapshot
      titled.label = iterationTitle(snapshot.label)
      return titled
    }
    return SummaryView.Trends(
      svg: Charts.trends(id: "trends", title: l[.trends], snapshots: history, metrics: shown, localizer: l),
      rows: history.map { snapshot in
        SummaryView.TrendRow(
          label: snapshot.label, date: l.date(snapshot.date),
          progress: MetricDefinition.progress.display(snapshot.value(of: .progress), l.say, detailed: true),
          sayDo: MetricDefinition.sayDo.display(snapshot.value(of: .sayDo), l.say, detailed: true),
          coverage: MetricDefinition.coverage.display(snapshot.value(of: .coverage), l.say, detailed: true))
      })
  }

  var since: SummaryView.Since? {
    let l = localizer
    guard let diff = input.since, audience != .public else { return nil }
    let titles = Dictionary(ledger.useCases.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    return SummaryView.Since(
      from: diff.from, to: diff.toLabel(l.say), nothing: diff.isEmpty,
      phaseMoves: diff.phaseMoves.map {
        SummaryView.PhaseMove(
          useCase: titles[$0.useCase] ?? $0.useCase, from: l.phase($0.from), to: l.phase($0.to), backwards: $0.backwards
        )
      },
      metrics: diff.metrics.filter { $0.before != $0.after }.map { delta in
        SummaryView.MetricChange(
          metric: delta.metric.id, label: delta.metric.label(l.say),
          before: delta.before.map { delta.metric.display($0, l.say) } ?? l.say.notMeasurable,
          after: delta.after.map { delta.metric.display($0, l.say) } ?? l.say.notMeasurable)
      },
      renamed: diff.renamedUseCases.map {
        SummaryView.Renamed(useCase: titles[$0.to] ?? $0.to, from: $0.from, to: $0.to)
      },
      indicators: diff.indicators.map {
        SummaryView.IndicatorChange(
          indicator: $0.indicator, title: diff.names(.indicator, $0.indicator), before: $0.describe($0.before, l.say),
          after: $0.describe($0.after, l.say))
      },
      objectiveProgress: diff.objectiveProgress.map {
        SummaryView.ProgressChange(
          title: diff.names(.objective, $0.objective), before: $0.before.map { l.percent($0) } ?? l.say.notMeasurable,
          after: $0.after.map { l.percent($0) } ?? l.say.notMeasurable)
      },
      members: diff.members.map { member in
        SummaryView.MemberChange(
          name: member.title, change: member.pinMoved ? member.pinChange(l.say) : "",
          phaseMoves: member.phaseMoves.map {
            SummaryView.PhaseMove(
              useCase: member.useCaseTitles[$0.useCase] ?? $0.useCase, from: l.phase($0.from), to: l.phase($0.to))
          })
      },
      decisions: diff.decisions.map {
        SummaryView.DecisionChange(title: diff.names(.decision, $0.decision), change: $0.change(l.say))
      },
      supersessions: diff.supersessions.map { supersession in
        SummaryView.Supersession(
          title: diff.names(.decision, supersession.decision),
          supersedes: supersession.supersedes.map { l.say.titled(diff.names(.decision, $0)) }.joined(separator: ", "))
      },
      actions: diff.actions.map {
        SummaryView.ActionChange(text: $0.text, owner: diff.names(.stakeholder, $0.owner), change: $0.change(l.say))
      },
      lessons: diff.lessons.map {
        SummaryView.NewLesson(iteration: iterationTitle($0.iteration), iterationID: $0.iteration, text: $0.text)
      },
      newFindings: diff.newFindings.map {
        SummaryView.FindingChange(rule: $0.rule, file: $0.file, message: $0.message)
      },
      resolvedFindings: diff.resolvedFindings.map {
        SummaryView.FindingChange(rule: $0.rule, file: $0.file, message: $0.message)
      })
  }
}

extension Wording {
  /// Who stands for a stakeholder the public edition may not name.
  package func memberOfGroup(_ group: String) -> String {
    self(en: "A member of the group '\(group)'", fr: "Un membre du groupe « \(group) »")
  }
}

extension String {
  var trimmingBlanks: String {
    var copy = Substring(self)
    while let first = copy.first, first.isWhitespace { copy.removeFirst() }
    while let last = copy.last, last.isWhitespace { copy.removeLast() }
    return String(copy)
  }
}
