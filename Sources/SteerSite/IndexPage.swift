import SteerModel
import SteerSummary

/// The index: the status and its figures, what is next, the federation, and every document
/// by axis, rollout step and kind.
extension Site {
  func index(_ links: Links) -> PageView {
    var page = PageView(title: ledger.vision?.title ?? say.home)
    let status = model.status
    let box = StatusBox(
      level: status.level.rawValue, label: status.level.word(say), reasons: status.reasons,
      dataQualityLabel: say.dataQuality, dataQuality: audience == .public ? nil : status.dataQuality)
    let figures = model.input.registry.keyFigures(forThePublic: audience == .public).map {
      Figure(value: $0.display(model.metrics.value(of: $0), say), label: $0.label(say))
    }
    page.section(say.status, [.status(box), .figures(figures)])
    page.section(say.whatIsNext, whatIsNext(links))
    if let federation = model.federationView { page.section(say.federation, federationBlocks(federation, links)) }
    page.section(say.objectivesByAxis, objectivesByAxis(links))
    page.section(say.useCasesByStep, useCasesByStep(links))
    page.section(say.stakeholders, stakeholdersByGroup(links))
    let workshops = ledger.workshops.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map { workshop in
      // A workshop named after its date is not dated twice.
      Line(
        [links.linked(.workshop, workshop.id), .text(" "), .tag(workshop.phase.word(say))]
          + (workshop.ownName == nil ? [] : [.text(" — " + l.date(workshop.date))]))
    }
    page.section(say.workshops, Block.list(ifAny: workshops))
    let iterations = model.index.roadmap.map {
      Line([links.linked(.iteration, $0.id), .text(" "), .tag($0.status.word(say))])
    }
    page.section(say.iterations, Block.list(ifAny: iterations))
    return page
  }

  /// The active iterations and the next planned one: each its goal and planned use cases.
  func whatIsNext(_ links: Links) -> [Block] {
    let roadmap = model.index.roadmap
    let ahead = roadmap.filter { $0.status == .active } + roadmap.filter { $0.status == .planned }.prefix(1)
    guard !ahead.isEmpty else { return [.paragraph(Line(say.noIterationAhead))] }
    return ahead.flatMap { iteration -> [Block] in
      var blocks: [Block] = [
        .subheading(
          Line([
            links.linked(.iteration, iteration.id), .text(" "), .tag(iteration.status.word(say)),
            .text(" " + say.period(l.date(iteration.start), l.date(iteration.end))),
          ]))
      ]
      if let goal = iteration.goal { blocks.append(.paragraph(Line(goal))) }
      let items = iteration.items.map { item in
        Line([links.linked(.usecase, item.useCase.value), .text(" — " + say.aimingAt(item.target.word(say)))])
      }
      return blocks + Block.list(ifAny: items)
    }
  }

  func federationBlocks(_ federation: FederationView, _ links: Links) -> [Block] {
    // Citizens read the members by name; revisions and commits are for those who check them.
    let showsRevisions = audience != .public
    let ledgerRow =
      [Line(federation.ledgerName)] + (showsRevisions ? [Line([])] : []) + [Line(model.status.level.word(say))]
    let memberRows = federation.members.map { member in
      [
        audience == .technical
          ? Line([.text(member.name)] + (member.id.map { [.text(" "), .tag($0)] } ?? [])) : Line(member.name)
      ]
        + (!showsRevisions
          ? []
          : [member.unavailable ? Line(member.revision) : Line([.text(member.revision + " "), .tag(member.commit)])])
        + [Line(member.statusLabel + (member.reason.map { " — " + $0 } ?? ""))] + member.figures.map(Line.init)
    }
    let table = Table(
      headers: [say.member] + (showsRevisions ? [say.revisionRead] : []) + [say.status] + federation.columns,
      rows: [ledgerRow + federation.ledgerFigures.map(Line.init)] + memberRows)
    let contributions = federation.contributions.map {
      Line([links.linked(.objective, $0.objective), .text(" — \($0.progress) — \($0.detail)")])
    }
    return [.paragraph(Line(federation.headline)), .table(table)]
      + (contributions.isEmpty ? [] : [.subheading(Line(say.membersContributions)), .list(contributions)])
  }

  /// Each axis, and its objectives with their progress and status.
  func objectivesByAxis(_ links: Links) -> [Block] {
    let byAxis = Dictionary(grouping: ledger.objectives, by: \.axis.value)
    return (ledger.vision?.axes ?? []).flatMap { axis -> [Block] in
      let objectives = (byAxis[axis.id.value] ?? []).map { objective in
        let progress = model.metrics.objectiveProgress[objective.id]?.value
        return Line(
          [links.linked(.objective, objective.id), .text(" "), .tag(objective.status.word(say))]
            + (progress == nil ? [] : [.text(" — ")] + self.progress(progress, of: objective.title)))
      }
      return [.subheading(Line(axis.title))]
        + (objectives.isEmpty
          ? [.paragraph(Line(say.nothingYet))]
          : [
            .list(objectives)
          ])
    }
  }

  /// A share as a bar and its percentage, or a dash when it cannot be computed.
  func progress(_ ratio: Double?, of title: String) -> [Part] {
    guard let ratio else { return [.text(l.percent(nil))] }
    let percent = Int((min(max(ratio, 0), 1) * 100).rounded())
    return [.progress(Part.Progress(percent: percent, text: l.percent(ratio), label: say.progress(of: title)))]
  }

  /// Each rollout step (and the use cases of none), its use cases with their phase.
  func useCasesByStep(_ links: Links) -> [Block] {
    let steps =
      (ledger.vision?.rollout ?? []).map { ($0.id.value as String?, $0.title) } + [(nil, say.acrossTheTerritory)]
    let byStep = Dictionary(grouping: ledger.useCases, by: \.rolloutStep?.value)
    let own = steps.flatMap { step, title -> [Block] in
      guard let cases = byStep[step], !cases.isEmpty else { return [] }
      return [
        .subheading(Line(title)),
        .list(cases.map { Line([links.linked(.usecase, $0.id), .text(" "), .tag($0.phase.word(say))]) }),
      ]
    }
    // A region's members' use cases follow, each with its commune: they count in its funnel.
    let theirs = model.membersUseCases.filter { $0.useCase.phase != .abandoned }
    guard !theirs.isEmpty else { return own }
    let included = model.membersIncluded(theirs).map { [Block.paragraph(Line($0))] } ?? []
    return own + [.subheading(Line(say.membersUseCases))] + included + [.list(theirs.map(memberLine))]
  }

  /// Each group, its members who may be named, and how many others.
  func stakeholdersByGroup(_ links: Links) -> [Block] {
    let byGroup = Dictionary(grouping: ledger.stakeholders, by: \.group)
    return StakeholderGroup.allCases.flatMap { group -> [Block] in
      guard let members = byGroup[group], !members.isEmpty else { return [] }
      let named = members.filter { model.nameable($0.id) }
      var items = named.map { Line([links.linked(.stakeholder, $0.id)]) }
      if members.count > named.count {
        items.append(Line(say.unnamedMembers(members.count - named.count, afterNames: !named.isEmpty)))
      }
      return [.subheading(Line(group.word(say).capitalizedFirst)), .list(items)]
    }
  }
}
