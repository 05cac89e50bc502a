import SteerMetrics
import SteerModel
import SteerSummary

/// A page per document: its fields written for people (titles, not ids, each linked), its
/// Markdown body and what it holds.
extension Site {
  func visionPage(_ vision: Vision, _ links: Links) -> PageView {
    var page = PageView(title: vision.title, kind: say.vision)
    page.facts = [
      Fact(say.territory, [.text(vision.territory)]), Fact(say.horizon, [.text(l.date(vision.horizon))]),
      Fact(say.carriedBy, [links.linked(.stakeholder, vision.carriedBy.value)]),
      Fact(say.axes, vision.axes.map { .text($0.title) }), Fact(say.rollout, vision.rollout.map { .text($0.title) }),
    ]
    page.body = .from(vision.body, 2)
    let endorsements = vision.endorsements.map { endorsement -> Line in
      let id = endorsement.stakeholder.value
      let who: Part =
        model.nameable(id) ? links.linked(.stakeholder, id) : .text(say.memberOfGroup(model.groupOf(id).word(say)))
      var parts = [who, .text(" \(endorsement.stance.verb(say)) — \(l.date(endorsement.date))")]
      if audience != .public, let note = endorsement.note { parts += [.text(" · "), .note(note)] }
      return Line(parts)
    }
    page.section(say.endorsements, Block.list(ifAny: endorsements))
    return page
  }

  func stakeholderPage(_ stakeholder: Stakeholder, _ links: Links) -> PageView {
    var page = PageView(title: stakeholder.name, kind: EntityKind.stakeholder.noun(say).capitalizedFirst)
    page.facts = [Fact(say.group, [.text(stakeholder.group.word(say))])]
    page.body = .from(stakeholder.body, 2)
    let priorities = stakeholder.priorities.sorted { $0.weight > $1.weight }.map {
      Line([links.linked(.objective, $0.objective.value), .text(" — \($0.weight)/5")])
    }
    page.section(say.priorities, Block.list(ifAny: priorities))
    let endorsements = (ledger.vision?.endorsements ?? []).filter { $0.stakeholder.value == stakeholder.id }.map {
      Line("\($0.stance.verb(say).capitalizedFirst) — \(l.date($0.date))")
    }
    if !endorsements.isEmpty { page.section(say.endorsements, [.list(endorsements)]) }
    return page
  }

  func objectivePage(_ objective: Objective, _ links: Links) -> PageView {
    var page = PageView(title: objective.title, kind: EntityKind.objective.noun(say).capitalizedFirst)
    let axis = ledger.vision?.axes.first { $0.id.value == objective.axis.value }?.title ?? objective.axis.value
    page.facts = [
      Fact(say.axis, [.text(axis)]), Fact(say.owner, [links.linked(.stakeholder, objective.owner.value)]),
      Fact(say.statusField, [.text(objective.status.word(say))]),
      Fact(say.progress, progress(model.metrics.objectiveProgress[objective.id]?.value, of: objective.title)),
    ]
    if audience != .public { page.body = .from(objective.body, 2) }
    // Its own use cases and, in a region, its members' that serve it: those its progress counts.
    let own = (model.metrics.objectiveProgress[objective.id]?.useCases ?? []).filter { !$0.contains(":") }.map {
      Line(
        [links.linked(.usecase, $0)] + (model.index.useCases[$0].map { [.text(" "), .tag($0.phase.word(say))] } ?? []))
    }
    page.section(
      say.useCasesServing, Block.list(ifAny: own + model.membersUseCases(serving: objective.id).map(memberLine)))
    let indicators = links.indicators[objective.id] ?? []
    if !indicators.isEmpty {
      let headers = [say.indicator, say.baseline, say.latest, say.target, say.progress, say.forecast]
      page.section(say.indicators, [.table(Table(headers: headers, rows: indicators.map(indicatorRow)))])
    }
    // A chart of each indicator over time: its plan, its measurements, its forecast.
    for indicator in indicators {
      let definition = indicator.definition
      page.section(definition.title) { id in
        Section.Content(
          [],
          chartSVG: Charts.indicator(
            id: id, title: definition.title, definition: definition,
            // A region's value combined from its members is one more measurement, as metrics count it.
            measurements: (links.measurements[definition.id.value] ?? [])
              + (indicator.fromMembers?.combined.map { [($0.date, $0.value)] } ?? []),
            forecast: indicator.forecast?.value,
            members: (indicator.fromMembers?.values ?? []).map { (model.memberName($0.member), $0.date, $0.value) },
            localizer: l))
      }
    }
    addDecisions(to: &page, at: Links.path(.objective, objective.id), heading: say.decisionsConcerning, links)
    return page
  }

  /// `Leak detection — Valbonne (deployed)`, and its `member:usecase` id for the technical edition.
  func memberLine(_ useCase: RegionUseCase) -> Line {
    Line([.text(say.memberUseCase(useCase))] + (audience == .technical ? [.text(" "), .code(useCase.id)] : []))
  }

  /// An indicator's figures: baseline, latest measurement, target, progress and forecast.
  func indicatorRow(_ indicator: IndicatorProgress) -> [Line] {
    let d = indicator.definition
    var forecast = Part.text("—")
    if let onTrack = indicator.forecast?.onTrack {
      if onTrack {
        forecast = .flag(say.onTrack, tone: .onTrack)
      } else if let date = indicator.forecast?.reachesTargetOn, date > d.baselineDate {
        forecast = .flag(say.offTrackReaching(on: l.date(date)), tone: .offTrack)
      } else {
        forecast = .flag(say.offTrack, tone: .offTrack)
      }
    }
    // A value combined from part of a region's members says so beside it and its forecast.
    let members = indicator.membersMeasured(say).map { ", " + $0 } ?? ""
    let caveat =
      indicator.coversPartOfTheMembers && indicator.forecast != nil
      ? [Part.text(" — " + (indicator.membersMeasured(say) ?? ""))] : []
    return [
      Line(d.title), Line(quantity(d.baseline, d.unit)),
      Line(indicator.latest.map { "\(quantity($0.value, d.unit)) (\(l.date($0.date))\(members))" } ?? "—"),
      Line(say.targetBy(quantity(d.target, d.unit), l.date(d.targetDate))),
      Line(
        indicator.value == nil
          ? [.text(indicator.notMeasurable(say) ?? say.notMeasured)] : progress(indicator.value, of: d.title)),
      Line([forecast] + caveat),
    ]
  }

  func quantity(_ value: Double, _ unit: String) -> String { say.quantity(value, unit) }

  func useCasePage(_ useCase: UseCase, _ links: Links) -> PageView {
    var page = PageView(title: useCase.title, kind: EntityKind.usecase.noun(say).capitalizedFirst)
    page.facts = [
      Fact(say.phase, [.text(useCase.phase.word(say))]),
      Fact(say.owner, [links.linked(.stakeholder, useCase.owner.value)]),
      Fact(say.users, useCase.users.map { links.linked(.stakeholder, $0.value) }),
      Fact(say.objectives, useCase.objectives.map { links.linked(.objective, $0.value) }),
    ]
    if let step = useCase.rolloutStep {
      let title = ledger.vision?.rollout.first { $0.id.value == step.value }?.title ?? step.value
      page.facts.append(Fact(say.rolloutStep, [.text(title)]))
    }
    if !useCase.dependsOn.isEmpty {
      page.facts.append(Fact(say.dependsOn, useCase.dependsOn.map { links.linked(.usecase, $0.value) }))
    }
    page.facts.append(Fact(say.effort, [.text(l.number(useCase.effort))]))
    page.body = .from(useCase.body, 2)
    // The journey: the workshops that worked on it, and each phase a retrospective recorded.
    var steps: [(CalendarDate, Line)] = []
    for workshop in model.index.workshopsByUseCase[useCase.id] ?? [] {
      let decisions = workshop.decisions.map { Line($0) }
      steps.append(
        (
          workshop.date,
          Line([.text(l.date(workshop.date) + " — "), links.linked(.workshop, workshop.id)], sublist: decisions)
        )
      )
    }
    for (retro, delivery) in links.deliveries[useCase.id] ?? [] {
      var parts: [Part] = [
        .text("\(l.date(retro.date)) — \(say.reachedPhase(delivery.phase.word(say))) ("),
        links.linked(.iteration, retro.iteration), .text(")"),
      ]
      if let commit = recordedCommits[retro.iteration] { parts += [.text(" · "), .code(String(commit.prefix(10)))] }
      steps.append((retro.date, Line(parts)))
    }
    if !steps.isEmpty { page.section(say.journey, [.list(steps.sorted { $0.0 < $1.0 }.map(\.1))]) }
    addDecisions(to: &page, at: Links.path(.usecase, useCase.id), heading: say.decisionsConcerning, links)
    return page
  }

  func workshopPage(_ workshop: Workshop, _ links: Links) -> PageView {
    var page = PageView(title: workshop.name(say), kind: EntityKind.workshop.noun(say).capitalizedFirst)
    page.facts = [
      Fact(say.date, [.text(l.date(workshop.date))]), Fact(say.workshopPhase, [.text(workshop.phase.word(say))]),
      Fact(say.useCases, workshop.useCases.map { links.linked(.usecase, $0.value) }),
      Fact(say.participants, links.people(workshop.participants.map(\.value))),
    ]
    if let facilitator = workshop.facilitator {
      page.facts.append(Fact(say.facilitator, links.people([facilitator.value])))
    }
    page.body = .from(workshop.body, 2)
    page.section(say.notedInTheRoom, Block.list(ifAny: workshop.decisions.map { Line($0) }))
    addDecisions(to: &page, at: Links.path(.workshop, workshop.id), heading: say.decisionsPrepared, links)
    return page
  }

  func iterationPage(_ iteration: Iteration, _ links: Links) -> PageView {
    var page = PageView(title: iteration.title, kind: EntityKind.iteration.noun(say).capitalizedFirst)
    page.facts = [
      Fact(say.dates, [.text(say.period(l.date(iteration.start), l.date(iteration.end)))]),
      Fact(say.statusField, [.text(iteration.status.word(say))]),
    ]
    if let goal = iteration.goal { page.facts.append(Fact(say.goal, [.text(goal)])) }
    if let retro = model.index.retrosByIteration[iteration.id] {
      page.facts.append(
        Fact(say.retrospective, [.link(l.date(retro.date), href: links.href(Links.retroPath(retro.iteration)))]))
    }
    page.body = .from(iteration.body, 2)
    let items = iteration.items.map { item -> [Line] in
      // An item without its own effort takes its use case's (docs/format.md).
      let inherited = model.index.useCases[item.useCase.value]?.effort
      let effort =
        item.effort.map { l.number($0) } ?? inherited.map { say.inheritedEffort(l.number($0)) } ?? "—"
      return [Line([links.linked(.usecase, item.useCase.value)]), Line(item.target.word(say)), Line(effort)]
    }
    page.section(
      say.plannedUseCases,
      items.isEmpty ? [] : [.table(Table(headers: [say.useCases, say.targetPhase, say.effort], rows: items))])
    addDecisions(to: &page, at: Links.path(.iteration, iteration.id), heading: say.decisionsConcerning, links)
    return page
  }
}
