import SteerModel
import SteerSummary

/// The retrospectives' pages, and the pages that gather what the documents say: the roadmap,
/// the lessons and the findings (the decision register is in DecisionPages.swift).
extension Site {
  func retroPage(_ retro: Retro, _ links: Links) -> PageView {
    let title = model.index.iterations[retro.iteration]?.title ?? retro.iteration
    var page = PageView(title: say.retroOf(title), kind: say.retrospective)
    page.facts = [
      Fact(say.date, [.text(l.date(retro.date))]),
      Fact(EntityKind.iteration.noun(say).capitalizedFirst, [links.linked(.iteration, retro.iteration)]),
      Fact(say.participants, links.people(retro.participants.map(\.value))),
    ]
    let delivered = retro.delivered.map {
      Line([links.linked(.usecase, $0.useCase.value), .text(" — " + $0.phase.word(say))])
    }
    if !delivered.isEmpty { page.section(say.delivered, [.list(delivered)]) }
    if !retro.measurements.isEmpty {
      let rows = retro.measurements.map { measurement -> [Line] in
        let id = measurement.indicator.value
        let indicator = model.index.indicators[id]
        let named = Part(
          indicator?.title ?? id, href: links.objectiveOfIndicator[id].map { links.href(Links.path(.objective, $0)) })
        return [
          Line([named]), Line(quantity(measurement.value, indicator?.unit ?? "")), Line(l.date(measurement.date)),
        ]
      }
      page.section(say.measurements, [.table(Table(headers: [say.indicator, say.value, say.date], rows: rows))])
    }
    let lessons = retro.lessons.map { lesson in
      Line([.text(lesson.text)] + lesson.tags.flatMap { [Part.text(" "), .tag($0)] })
    }
    if !lessons.isEmpty { page.section(say.lessons, [.list(lessons)]) }
    if audience != .public {
      let actions = retro.actions.map { actionLine($0, of: retro, links) }
      if !actions.isEmpty { page.section(say.actions, [.list(actions)]) }
      page.body = .from(retro.body, 2)
    }
    return page
  }

  /// An action: what, who, the iteration it is due by, its status, and whether it is overdue.
  func actionLine(_ action: Action, of retro: Retro, _ links: Links) -> Line {
    let overdue = model.metrics.overdueActions.contains {
      $0.retro == retro.iteration && $0.text == action.text && $0.owner == action.owner.value
    }
    var parts: [Part] = [
      .text(action.text + " — "), links.linked(.stakeholder, action.owner.value), .text(" · \(say.dueBy) "),
      links.linked(.iteration, action.due.value), .text(" · " + action.status.word(say)),
    ]
    if overdue { parts += [.text(" · "), .flag(say.overdue, tone: .overdue)] }
    return Line(parts)
  }

  func roadmapPage(_ links: Links) -> PageView {
    let roadmap = model.index.roadmap
    var page = PageView(title: say.roadmap)
    guard !roadmap.isEmpty else {
      page.section(say.iterations, [.paragraph(Line(say.noIterations))])
      return page
    }
    let rows = roadmap.map { iteration in
      [
        Line([links.linked(.iteration, iteration.id)]),
        Line(say.period(l.date(iteration.start), l.date(iteration.end))), Line(iteration.status.word(say)),
      ]
    }
    let headers = [EntityKind.iteration.noun(say).capitalizedFirst, say.dates, say.statusField]
    page.section(say.iterations) { id in
      Section.Content(
        [.table(Table(headers: headers, rows: rows))],
        chartSVG: Charts.timeline(
          id: id, title: say.roadmap, iterations: roadmap, current: roadmap.first { $0.status == .active }?.id,
          today: model.input.today, localizer: l))
    }
    return page
  }

  /// The lessons by tag, the recurring ones (in more retrospectives) first.
  func lessonsPage(_ links: Links) -> PageView {
    var page = PageView(title: say.lessons)
    var byTag: [String: [(Retro, Lesson)]] = [:]
    for retro in ledger.retros {
      for lesson in retro.lessons {
        for tag in lesson.tags.isEmpty ? [""] : lesson.tags { byTag[tag, default: []].append((retro, lesson)) }
      }
    }
    let retros = byTag.mapValues { Set($0.map(\.0.iteration)).count }
    for tag in byTag.keys.sorted(by: { (retros[$0]!, $1) > (retros[$1]!, $0) }) {
      let entries = byTag[tag]!.map { retro, lesson in
        Line([.text(lesson.text + " — "), links.linked(.iteration, retro.iteration)])
      }
      page.section(tag.isEmpty ? say.untagged : tag, [.list(entries)])
    }
    return page
  }

  func findingsPage(_ links: Links) -> PageView {
    var page = PageView(title: say.openFindings)
    let items = model.input.diagnostics.map { diagnostic -> Line in
      let place = diagnostic.file + (diagnostic.location.map { ":\($0.line)" } ?? "")
      return Line([
        .text("\(diagnostic.severity.word(say)) [\(diagnostic.rule)] "),
        Part(place, href: links.page(ofFile: diagnostic.file).map(links.href)), .text(" — " + diagnostic.message),
      ])
    }
    page.section(say.findings, items.isEmpty ? [.paragraph(Line(say.noFindings))] : [.list(items)])
    return page
  }
}
