import SteerChecks
import SteerConcurrency
import SteerMarkdown
import SteerMetrics
import SteerModel
import SteerOutput
import SteerSummary
import SteerTemplates

/// `steer site`: the ledger as a static site of many pages — an index, a page per document
/// with its fields written for people, its body and the documents that name it, the roadmap,
/// the lessons, the decisions and (technical) the findings. Relative links only: it works from
/// `file://` and under any sub-path of a web server. No script; one stylesheet.
public struct Site: Sendable {
  let model: SummaryModel
  /// The commit each recorded iteration's tag points at (`steer/iteration/ID`), for journeys.
  let recordedCommits: [String: String]

  public init(_ model: SummaryModel, recordedCommits: [String: String] = [:]) {
    self.model = model
    self.recordedCommits = recordedCommits
  }

  /// A page: its path in the site, and its HTML.
  public struct Page: Sendable {
    public var path: String
    public var html: String
  }

  var l: Localizer { model.localizer }
  var say: Wording { l.say }
  var ledger: Ledger { model.ledger }
  var audience: Audience { model.audience }

  /// Every page of the site, and its stylesheet. Pages are independent: they are made over
  /// the cores.
  public func pages() -> [Page] {
    let site = Links(self)
    var specs: [(path: String, content: @Sendable (Links) -> PageContent)] = [("index.html", { index($0) })]
    if let vision = ledger.vision { specs.append(("vision.html", { visionPage(vision, $0) })) }
    for stakeholder in ledger.stakeholders where model.nameable(stakeholder.id) {
      specs.append((Links.path(.stakeholder, stakeholder.id), { stakeholderPage(stakeholder, $0) }))
    }
    for objective in ledger.objectives {
      specs.append((Links.path(.objective, objective.id), { objectivePage(objective, $0) }))
    }
    for useCase in ledger.useCases { specs.append((Links.path(.usecase, useCase.id), { useCasePage(useCase, $0) })) }
    for workshop in ledger.workshops {
      specs.append((Links.path(.workshop, workshop.id), { workshopPage(workshop, $0) }))
    }
    for iteration in ledger.iterations {
      specs.append((Links.path(.iteration, iteration.id), { iterationPage(iteration, $0) }))
    }
    for retro in ledger.retros { specs.append(("retros/\(retro.iteration).html", { retroPage(retro, $0) })) }
    specs.append(("roadmap.html", { roadmapPage($0) }))
    specs.append(("lessons.html", { lessonsPage($0) }))
    specs.append(("decisions.html", { decisionsPage($0) }))
    if audience == .technical { specs.append(("findings.html", { findingsPage($0) })) }
    let pages = specs.concurrentMap(chunk: 64, state: {}) { _, spec in
      let links = site.rooted(String(repeating: "../", count: spec.path.split(separator: "/").count - 1))
      return Page(path: spec.path, html: frame(spec.path, spec.content(links), links))
    }
    return pages + [Page(path: "style.css", html: BundledTemplates.file("site/style.css")!)]
  }

  /// A page around its content: the header with the site's navigation, the main content, the
  /// documents that name it, the footer.
  func frame(_ path: String, _ content: PageContent, _ links: Links) -> String {
    let root = links.root
    var html = """
      <!DOCTYPE html>
      <html lang="\(l.language.rawValue)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src data:">
      <title>\(HTML.text(content.title)) — \(HTML.text(siteTitle))</title>
      <link rel="stylesheet" href="\(root)style.css">
      </head>
      <body>
      <header>
      <p class="site"><a href="\(root)index.html">\(HTML.text(siteTitle))</a></p>
      <nav aria-label="\(HTML.text(l.label("site_navigation")))"><ul>
      """
    for (href, label) in navigation {
      html +=
        "<li><a href=\"\(root)\(href)\"\(href == path ? " aria-current=\"page\"" : "")>\(HTML.text(label))</a></li>"
    }
    html += "</ul></nav>\n</header>\n<main>\n<h1>\(HTML.text(content.title))</h1>\n"
    if let kind = content.kind { html += "<p class=\"kind\">\(HTML.text(kind))</p>\n" }
    if !content.facts.isEmpty {
      html += "<dl class=\"facts\">"
      for (label, values) in content.facts {
        let shown = values.map { value in
          value.href.map { "<a href=\"\(root)\(HTML.text($0))\">\(HTML.text(value.text))</a>" } ?? HTML.text(value.text)
        }
        html += "<dt>\(HTML.text(label))</dt><dd>\(shown.joined(separator: ", "))</dd>"
      }
      html += "</dl>\n"
    }
    if let body = content.bodyHTML, !body.isEmpty { html += "<div class=\"body\">\(body)</div>\n" }
    // A new ledger has empty sections and pages: they say so rather than stand blank.
    if content.sections.isEmpty && content.facts.isEmpty && (content.bodyHTML ?? "").isEmpty {
      html += nothingYet + "\n"
    }
    for (number, section) in content.sections.enumerated() {
      html +=
        "<section aria-labelledby=\"section-\(number + 1)\">\n<h2 id=\"section-\(number + 1)\">\(HTML.text(section.heading))</h2>\n"
        + (section.html.isEmpty ? nothingYet : section.html) + "\n</section>\n"
    }
    let backlinks = links.backlinks(to: path)
    if !backlinks.isEmpty {
      html +=
        "<section aria-labelledby=\"backlinks\">\n<h2 id=\"backlinks\">\(HTML.text(l.label("backlinks")))</h2>\n"
        + HTML.list(
          backlinks.map {
            "<a href=\"\(root)\(HTML.text($0.href))\">\(HTML.text($0.text))</a> <span class=\"tag\">\(HTML.text($0.kind))</span>"
          }) + "\n</section>\n"
    }
    html +=
      "</main>\n<footer>steer · \(HTML.text(l.label("generated_on"))) \(HTML.text(l.date(model.input.today))) "
      + "\(HTML.text(l.label("from_ledger")))</footer>\n</body>\n</html>\n"
    return html
  }

  var siteTitle: String { ledger.vision?.territory ?? ledger.directory }

  var nothingYet: String { "<p>\(HTML.text(l.label("nothing_yet")))</p>" }

  var navigation: [(String, String)] {
    var entries = [
      ("index.html", l.label("site_home")), ("vision.html", l.label("vision")),
      ("roadmap.html", l.label("roadmap")), ("lessons.html", l.label("lessons")),
      ("decisions.html", l.label("site_decisions")),
    ]
    if audience == .technical { entries.append(("findings.html", l.label("site_findings"))) }
    return entries
  }

  // MARK: Pages

  struct PageContent: Sendable {
    var title: String
    var kind: String?
    var facts: [(String, [Linked])] = []
    var bodyHTML: String?
    var sections: [(heading: String, html: String)] = []
  }

  func index(_ links: Links) -> PageContent {
    let status = model.status
    var statusHTML =
      "<div class=\"status \(status.level.rawValue)\" role=\"status\"><p class=\"level\">\(HTML.text(status.level.word(say)))</p>"
      + HTML.list(status.reasons.map(HTML.text)) + "</div>"
    if audience != .public, let quality = status.dataQuality {
      statusHTML += "<p><strong>\(HTML.text(l.label("data_quality")))</strong> — \(HTML.text(quality))</p>"
    }
    let figures =
      "<ul class=\"figures\">"
      + model.keyFigures.map {
        "<li><span class=\"value\">\(HTML.text($0.fields["value"].map { "\($0)" } ?? ""))</span>\(HTML.text($0.fields["label"].map { "\($0)" } ?? ""))</li>"
      }.joined() + "</ul>"
    var content = PageContent(title: ledger.vision?.title ?? l.label("site_home"))
    content.sections.append((l.label("status"), statusHTML + figures))
    if let federation = model.federationView {
      let table = HTML.table(
        [l.label("member"), l.label("revision"), l.label("status")] + federation.columns,
        [
          [HTML.text(l.label("this_ledger")), "", HTML.text(status.level.word(say))]
            + federation.ledgerFigures.map(HTML.text)
        ]
          + federation.members.map { member in
            [
              HTML.text(member.name),
              HTML.text(member.revision)
                + (member.unavailable ? "" : " <span class=\"tag\">\(HTML.text(member.commit))</span>"),
              HTML.text(member.statusLabel + (member.reason.map { " — " + $0 } ?? "")),
            ] + member.figures.map(HTML.text)
          })
      let contributions = federation.contributions.map {
        "\(links.html(.objective, $0.objective)) — \(HTML.text($0.progress)) — \(HTML.text($0.detail))"
      }
      let heading = contributions.isEmpty ? "" : "<h3>\(HTML.text(l.label("contributions")))</h3>"
      content.sections.append(
        (l.label("federation"), "<p>\(HTML.text(federation.headline))</p>" + table + heading + HTML.list(contributions))
      )
    }
    // By axis: the objectives of each.
    let axes = ledger.vision?.axes ?? []
    let byAxis = axes.map { axis -> String in
      let objectives = ledger.objectives.filter { $0.axis.value == axis.id.value }
      return "<h3>\(HTML.text(axis.title))</h3>"
        + (objectives.isEmpty ? nothingYet : HTML.list(objectives.map { links.html(.objective, $0.id) }))
    }.joined()
    content.sections.append((l.label("site_by_axis"), byAxis))
    // By rollout step: the use cases of each, with their phase.
    let steps = (ledger.vision?.rollout ?? []).map { ($0.id.value as String?, $0.title) } + [(nil, l.label("no_step"))]
    let byStep = steps.compactMap { step, title -> String? in
      let cases = ledger.useCases.filter { $0.rolloutStep?.value == step }
      guard !cases.isEmpty else { return nil }
      return "<h3>\(HTML.text(title))</h3>"
        + HTML.list(
          cases.map { "\(links.html(.usecase, $0.id)) <span class=\"tag\">\(HTML.text($0.phase.word(say)))</span>" })
    }.joined()
    content.sections.append((l.label("site_by_step"), byStep))
    // By kind: stakeholders by group, workshops, iterations.
    let stakeholders = StakeholderGroup.allCases.compactMap { group -> String? in
      let members = ledger.stakeholders.filter { $0.group == group }
      guard !members.isEmpty else { return nil }
      let named = members.filter { model.nameable($0.id) }
      var items = named.map { links.html(.stakeholder, $0.id) }
      if members.count > named.count { items.append(HTML.text(say.unnamedMembers(members.count - named.count))) }
      return "<h3>\(HTML.text(group.word(say).capitalizedFirst))</h3>" + HTML.list(items)
    }.joined()
    content.sections.append((l.label("site_stakeholders"), stakeholders))
    content.sections.append(
      (
        l.label("site_workshops"),
        HTML.list(ledger.workshops.sorted { $0.date < $1.date }.map { links.html(.workshop, $0.id) })
      ))
    content.sections.append(
      (l.label("site_iterations"), HTML.list(model.index.roadmap.map { links.html(.iteration, $0.id) })))
    return content
  }

  func visionPage(_ vision: Vision, _ links: Links) -> PageContent {
    var content = PageContent(title: vision.title, kind: l.label("vision"))
    content.facts = [
      (l.label("territory"), [Linked(vision.territory)]), (l.label("horizon"), [Linked(l.date(vision.horizon))]),
      (l.label("site_carried_by"), [links.linked(.stakeholder, vision.carriedBy.value)]),
      (l.label("site_axes"), vision.axes.map { Linked($0.title) }),
      (l.label("site_rollout"), vision.rollout.map { Linked($0.title) }),
    ]
    content.bodyHTML = Markdown.html(vision.body, headingsFrom: 2)
    let endorsements = vision.endorsements.map { endorsement -> String in
      let id = endorsement.stakeholder.value
      let who =
        model.nameable(id) ? links.html(.stakeholder, id) : HTML.text(say.memberOfGroup(l.group(model.groupOf(id))))
      let note = audience != .public ? endorsement.note.map { " · <em>\(HTML.text($0))</em>" } ?? "" : ""
      return "\(who) \(HTML.text(endorsement.stance.verb(say))) — \(HTML.text(l.date(endorsement.date)))\(note)"
    }
    content.sections.append((l.label("endorsements"), HTML.list(endorsements)))
    return content
  }

  func stakeholderPage(_ stakeholder: Stakeholder, _ links: Links) -> PageContent {
    var content = PageContent(title: stakeholder.name, kind: EntityKind.stakeholder.noun(say).capitalizedFirst)
    content.facts = [(l.label("site_group"), [Linked(stakeholder.group.word(say))])]
    let priorities = stakeholder.priorities.sorted { $0.weight > $1.weight }.map {
      "\(links.html(.objective, $0.objective.value)) — \($0.weight)/5"
    }
    content.sections.append((l.label("site_priorities"), HTML.list(priorities)))
    let endorsements = (ledger.vision?.endorsements ?? []).filter { $0.stakeholder.value == stakeholder.id }.map {
      "\(HTML.text($0.stance.verb(say))) — \(HTML.text(l.date($0.date)))"
    }
    if !endorsements.isEmpty { content.sections.append((l.label("endorsements"), HTML.list(endorsements))) }
    return content
  }

  func objectivePage(_ objective: Objective, _ links: Links) -> PageContent {
    var content = PageContent(title: objective.title, kind: EntityKind.objective.noun(say).capitalizedFirst)
    let axis = ledger.vision?.axes.first { $0.id.value == objective.axis.value }?.title ?? objective.axis.value
    content.facts = [
      (l.label("site_axis"), [Linked(axis)]),
      (l.label("site_owner"), [links.linked(.stakeholder, objective.owner.value)]),
      (l.label("site_status"), [Linked(objective.status.word(say))]),
      (l.label("progress"), [Linked(l.percent(model.metrics.objectiveProgress[objective.id]?.value))]),
    ]
    if audience != .public { content.bodyHTML = Markdown.html(objective.body, headingsFrom: 2) }
    let progress = links.indicators[objective.id] ?? []
    let indicators = progress.map(model.indicatorRow)
    if !indicators.isEmpty {
      let rows = indicators.map { row -> [String] in
        let f = row.fields
        func text(_ key: String) -> String { f[key].map { "\($0)" } ?? "" }
        let trackClass =
          f["on_track"] as? Bool == true ? "on-track" : f["off_track"] as? Bool == true ? "off-track" : ""
        return [
          HTML.text(text("title")), HTML.text(text("baseline")), HTML.text(text("latest")),
          HTML.text("\(text("target")) (\(text("target_date")))"), text("bar_svg"),
          "<span class=\"\(trackClass)\">\(HTML.text(text("forecast")))</span>",
        ]
      }
      content.sections.append(
        (
          l.label("site_indicators"),
          HTML.table(
            ["indicator", "baseline", "latest", "target", "progress", "forecast"].map { l.label($0) }, rows)
        ))
    }
    // A chart of each indicator over time: its plan, its measurements, its forecast.
    for indicator in progress {
      let definition = indicator.definition
      content.sections.append(
        (
          definition.title,
          Charts.indicator(
            id: "chart-\(definition.id.value)", title: definition.title, definition: definition,
            measurements: links.measurements[definition.id.value] ?? [], forecast: indicator.forecast?.value,
            localizer: l)
        ))
    }
    return content
  }

  func useCasePage(_ useCase: UseCase, _ links: Links) -> PageContent {
    var content = PageContent(title: useCase.title, kind: EntityKind.usecase.noun(say).capitalizedFirst)
    content.facts = [
      (l.label("site_phase"), [Linked(useCase.phase.word(say))]),
      (l.label("site_owner"), [links.linked(.stakeholder, useCase.owner.value)]),
      (l.label("site_users"), useCase.users.map { links.linked(.stakeholder, $0.value) }),
      (l.label("objectives"), useCase.objectives.map { links.linked(.objective, $0.value) }),
    ]
    if let step = useCase.rolloutStep {
      let title = ledger.vision?.rollout.first { $0.id.value == step.value }?.title ?? step.value
      content.facts.append((l.label("site_step"), [Linked(title)]))
    }
    if !useCase.dependsOn.isEmpty {
      content.facts.append((l.label("site_depends_on"), useCase.dependsOn.map { links.linked(.usecase, $0.value) }))
    }
    content.facts.append((l.label("site_effort"), [Linked(l.number(useCase.effort))]))
    content.bodyHTML = Markdown.html(useCase.body, headingsFrom: 2)
    // The journey: the workshops that worked on it, and each phase a retrospective recorded.
    var steps: [(CalendarDate, String)] = []
    for workshop in model.index.workshopsByUseCase[useCase.id] ?? [] {
      let decisions = workshop.decisions.isEmpty ? "" : HTML.list(workshop.decisions.map(HTML.text))
      steps.append(
        (workshop.date, "\(HTML.text(l.date(workshop.date))) — \(links.html(.workshop, workshop.id))\(decisions)"))
    }
    for (retro, delivery) in links.deliveries[useCase.id] ?? [] {
      let commit = recordedCommits[retro.iteration].map { " · <code>\(HTML.text(String($0.prefix(10))))</code>" } ?? ""
      steps.append(
        (
          retro.date,
          "\(HTML.text(l.date(retro.date))) — \(HTML.text(say.reachedPhase(delivery.phase.word(say)))) "
            + "(\(links.html(.iteration, retro.iteration)))\(commit)"
        ))
    }
    if !steps.isEmpty {
      content.sections.append((l.label("site_journey"), HTML.list(steps.sorted { $0.0 < $1.0 }.map(\.1))))
    }
    return content
  }

  func workshopPage(_ workshop: Workshop, _ links: Links) -> PageContent {
    var content = PageContent(
      title: say.workshopOf(l.date(workshop.date)), kind: EntityKind.workshop.noun(say).capitalizedFirst)
    content.facts = [
      (l.label("site_workshop_phase"), [Linked(workshop.phase.rawValue)]),
      (l.label("usecases"), workshop.useCases.map { links.linked(.usecase, $0.value) }),
      (l.label("site_participants"), links.people(workshop.participants.map(\.value))),
    ]
    if let facilitator = workshop.facilitator {
      content.facts.append((l.label("site_facilitator"), links.people([facilitator.value])))
    }
    if !workshop.decisions.isEmpty {
      content.sections.append((l.label("site_decisions"), HTML.list(workshop.decisions.map(HTML.text))))
    }
    return content
  }

  func iterationPage(_ iteration: Iteration, _ links: Links) -> PageContent {
    var content = PageContent(title: iteration.title, kind: EntityKind.iteration.noun(say).capitalizedFirst)
    content.facts = [
      (l.label("site_dates"), [Linked("\(l.date(iteration.start)) – \(l.date(iteration.end))")]),
      (l.label("site_status"), [Linked(iteration.status.word(say))]),
    ]
    if let goal = iteration.goal { content.facts.append((l.label("site_goal"), [Linked(goal)])) }
    if ledger.retros.contains(where: { $0.iteration == iteration.id }) {
      content.facts.append(
        (l.label("last_retro"), [Linked(l.label("site_retro"), href: "retros/\(iteration.id).html")]))
    }
    let items = iteration.items.map { item in
      [
        links.html(.usecase, item.useCase.value), HTML.text(item.target.word(say)),
        item.effort.map { l.number($0) } ?? "—",
      ]
    }
    content.sections.append(
      (l.label("site_items"), HTML.table([l.label("usecases"), l.label("site_target"), l.label("site_effort")], items)))
    return content
  }

  func retroPage(_ retro: Retro, _ links: Links) -> PageContent {
    let title = model.index.iterations[retro.iteration]?.title ?? retro.iteration
    var content = PageContent(title: say.retroOf(title), kind: l.label("site_retro"))
    content.facts = [
      (l.label("site_date"), [Linked(l.date(retro.date))]),
      (EntityKind.iteration.noun(say).capitalizedFirst, [links.linked(.iteration, retro.iteration)]),
      (l.label("site_participants"), links.people(retro.participants.map(\.value))),
    ]
    let delivered = retro.delivered.map {
      "\(links.html(.usecase, $0.useCase.value)) — \(HTML.text($0.phase.word(say)))"
    }
    if !delivered.isEmpty { content.sections.append((l.label("site_delivered"), HTML.list(delivered))) }
    let lessons = retro.lessons.map { lesson in
      HTML.text(lesson.text) + lesson.tags.map { " <span class=\"tag\">\(HTML.text($0))</span>" }.joined()
    }
    if !lessons.isEmpty { content.sections.append((l.label("lessons"), HTML.list(lessons))) }
    if audience != .public {
      let actions = retro.actions.map { action in
        "\(HTML.text(action.text)) — \(links.html(.stakeholder, action.owner.value)) · \(HTML.text(l.label("due"))) "
          + "\(HTML.text(action.due.value)) · \(HTML.text(action.status.word(say)))"
      }
      if !actions.isEmpty { content.sections.append((l.label("actions"), HTML.list(actions))) }
      content.bodyHTML = Markdown.html(retro.body, headingsFrom: 2)
    }
    return content
  }

  func roadmapPage(_ links: Links) -> PageContent {
    let roadmap = model.index.roadmap
    let current = roadmap.first { $0.status == .active }?.id
    var content = PageContent(title: l.label("roadmap"))
    guard !roadmap.isEmpty else {
      content.sections.append((l.label("site_iterations"), "<p>\(HTML.text(l.label("no_iterations")))</p>"))
      return content
    }
    let timeline = Charts.timeline(
      id: "timeline", title: l.label("roadmap"), iterations: roadmap, current: current, today: model.input.today,
      localizer: l)
    let rows = roadmap.map { iteration in
      [
        links.html(.iteration, iteration.id), HTML.text("\(l.date(iteration.start)) – \(l.date(iteration.end))"),
        HTML.text(iteration.status.word(say)),
      ]
    }
    content.sections.append(
      (
        l.label("site_iterations"),
        timeline
          + HTML.table(
            [EntityKind.iteration.noun(say).capitalizedFirst, l.label("site_dates"), l.label("site_status")], rows)
      ))
    return content
  }

  func lessonsPage(_ links: Links) -> PageContent {
    var content = PageContent(title: l.label("lessons"))
    // By tag, the recurring ones (in more retrospectives) first.
    var byTag: [String: [(Retro, Lesson)]] = [:]
    for retro in ledger.retros {
      for lesson in retro.lessons {
        for tag in lesson.tags.isEmpty ? [""] : lesson.tags { byTag[tag, default: []].append((retro, lesson)) }
      }
    }
    let tags = byTag.keys.sorted { left, right in
      let (l1, r1) = (Set(byTag[left]!.map(\.0.iteration)).count, Set(byTag[right]!.map(\.0.iteration)).count)
      return (l1, right) > (r1, left)
    }
    for tag in tags {
      let entries = byTag[tag]!.map { retro, lesson in
        "\(HTML.text(lesson.text)) — \(links.html(.iteration, retro.iteration))"
      }
      content.sections.append((tag.isEmpty ? l.label("site_untagged") : tag, HTML.list(entries)))
    }
    return content
  }

  func decisionsPage(_ links: Links) -> PageContent {
    var content = PageContent(title: l.label("site_decisions"))
    let decided = ledger.workshops.filter { !$0.decisions.isEmpty }.sorted { $0.date < $1.date }.map { workshop in
      "\(links.html(.workshop, workshop.id))" + HTML.list(workshop.decisions.map(HTML.text))
    }
    content.sections.append((l.label("site_workshop_decisions"), HTML.list(decided)))
    let abandoned = ledger.useCases.filter { $0.phase == .abandoned }.map { useCase in
      let reason = SummaryModel.firstParagraph(useCase.body)
      return links.html(.usecase, useCase.id) + (reason.isEmpty ? "" : " — \(HTML.text(reason))")
    }
    content.sections.append((l.label("abandoned"), HTML.list(abandoned)))
    return content
  }

  func findingsPage(_ links: Links) -> PageContent {
    var content = PageContent(title: l.label("findings"))
    let items = model.input.diagnostics.map { diagnostic -> String in
      let place = diagnostic.location.map { ":\($0.line)" } ?? ""
      let file =
        links.page(ofFile: diagnostic.file).map {
          "<a href=\"\(links.root)\($0)\">\(HTML.text(diagnostic.file + place))</a>"
        } ?? HTML.text(diagnostic.file + place)
      return
        "\(HTML.text(diagnostic.severity.word(say))) [\(HTML.text(diagnostic.rule))] \(file) — \(HTML.text(diagnostic.message))"
    }
    content.sections.append(
      (l.label("site_findings"), items.isEmpty ? "<p>\(HTML.text(l.label("no_findings")))</p>" : HTML.list(items)))
    return content
  }
}

/// Text that may link to a page.
struct Linked: Sendable {
  var text: String
  var href: String?

  init(_ text: String, href: String? = nil) {
    self.text = text
    self.href = href
  }
}

/// Where each document's page is, its title, and who names it.
struct Links: Sendable {
  let site: Site
  /// Document file → its page.
  let pageOfFile: [String: String]
  /// Page → its title and the noun of its kind.
  let titles: [String: (title: String, kind: String)]
  /// Page → the pages that name its document, each once.
  let referrers: [String: [String]]
  /// Use case → the retrospectives that deliver it, with the delivery.
  let deliveries: [String: [(Retro, Delivery)]]
  /// Objective → its indicators' progress.
  let indicators: [String: [IndicatorProgress]]
  /// Indicator → its measurements (date, value).
  let measurements: [String: [(CalendarDate, Double)]]
  /// The way back to the site's root from the page being written (`../` as deep as it is).
  private(set) var root = ""

  /// The same links, written from a page `root` below the site's root.
  func rooted(_ root: String) -> Links {
    var links = self
    links.root = root
    return links
  }

  init(_ site: Site) {
    self.site = site
    let ledger = site.ledger
    let say = site.say
    var pageOfFile: [String: String] = [:]
    var titles: [String: (String, String)] = [:]
    func add(_ file: String, _ page: String, _ title: String, _ noun: String) {
      pageOfFile[file] = page
      titles[page] = (title, noun)
    }
    if let vision = ledger.vision { add(vision.file, "vision.html", vision.title, site.l.label("vision")) }
    for stakeholder in ledger.stakeholders where site.model.nameable(stakeholder.id) {
      add(stakeholder.file, Self.path(.stakeholder, stakeholder.id), stakeholder.name, EntityKind.stakeholder.noun(say))
    }
    for objective in ledger.objectives {
      add(objective.file, Self.path(.objective, objective.id), objective.title, EntityKind.objective.noun(say))
    }
    for useCase in ledger.useCases {
      add(useCase.file, Self.path(.usecase, useCase.id), useCase.title, EntityKind.usecase.noun(say))
    }
    for workshop in ledger.workshops {
      add(
        workshop.file, Self.path(.workshop, workshop.id), say.workshopOf(site.l.date(workshop.date)),
        EntityKind.workshop.noun(say))
    }
    for iteration in ledger.iterations {
      add(iteration.file, Self.path(.iteration, iteration.id), iteration.title, EntityKind.iteration.noun(say))
    }
    for retro in ledger.retros {
      let title = site.model.index.iterations[retro.iteration]?.title ?? retro.iteration
      add(retro.file, "retros/\(retro.iteration).html", say.retroOf(title), site.l.label("site_retro").lowercased())
    }
    self.pageOfFile = pageOfFile
    self.titles = titles
    var referrers: [String: [String]] = [:]
    let declarations = site.model.index.firstDeclarations
    for reference in ledger.references where reference.field != Reference.fileNameField {
      guard let declaration = declarations[reference.id], declaration.kind == reference.kind,
        let target = pageOfFile[declaration.file], let source = pageOfFile[reference.file], source != target
      else { continue }
      if referrers[target]?.contains(source) != true { referrers[target, default: []].append(source) }
    }
    self.referrers = referrers
    var deliveries: [String: [(Retro, Delivery)]] = [:]
    for retro in ledger.retros {
      for delivery in retro.delivered { deliveries[delivery.useCase.value, default: []].append((retro, delivery)) }
    }
    self.deliveries = deliveries
    indicators = Dictionary(grouping: site.model.metrics.indicators, by: \.objective)
    var measurements: [String: [(CalendarDate, Double)]] = [:]
    for retro in ledger.retros {
      for measurement in retro.measurements {
        measurements[measurement.indicator.value, default: []].append((measurement.date, measurement.value))
      }
    }
    self.measurements = measurements
  }

  static func path(_ kind: EntityKind, _ id: String) -> String {
    "\(kind.directoryKind?.directory ?? kind.rawValue)/\(id).html"
  }

  func path(_ kind: EntityKind, _ id: String) -> String { Self.path(kind, id) }

  /// The page of a document file, if the site has one.
  func page(ofFile file: String) -> String? { pageOfFile[file] }

  /// An id as a link to its page with its title, or as text when the site has no page for it
  /// (a stakeholder the public edition does not name stands as their group).
  func linked(_ kind: EntityKind, _ id: String) -> Linked {
    let target = Self.path(kind, id)
    if let page = titles[target] { return Linked(page.title, href: target) }
    if kind == .stakeholder, site.model.index.stakeholders[id] != nil {
      return Linked(site.say.memberOfGroup(site.l.group(site.model.groupOf(id))))
    }
    return Linked(id)
  }

  func html(_ kind: EntityKind, _ id: String) -> String {
    let link = linked(kind, id)
    guard let href = link.href else { return HTML.text(link.text) }
    return "<a href=\"\(root)\(HTML.text(href))\">\(HTML.text(link.text))</a>"
  }

  /// People: those who may be named, linked; the others counted by group.
  func people(_ ids: [String]) -> [Linked] {
    let named = ids.filter { site.model.nameable($0) }
    var others: [String: Int] = [:]
    for id in ids where !site.model.nameable(id) { others[site.l.group(site.model.groupOf(id)), default: 0] += 1 }
    return named.map { linked(.stakeholder, $0) }
      + others.keys.sorted().map { Linked(site.say.membersOfGroup(others[$0]!, $0)) }
  }

  func backlinks(to page: String) -> [(href: String, text: String, kind: String)] {
    (referrers[page] ?? []).compactMap { source in titles[source].map { (source, $0.title, $0.kind) } }
      .sorted { ($0.kind, $0.text) < ($1.kind, $1.text) }
  }
}

/// The few HTML pieces the site writes itself; every text goes through `Escaping.markup`.
enum HTML {
  static func text(_ text: String) -> String { Escaping.markup(text) }

  static func list(_ items: [String]) -> String {
    items.isEmpty ? "" : "<ul>" + items.map { "<li>\($0)</li>" }.joined() + "</ul>"
  }

  static func table(_ headers: [String], _ rows: [[String]]) -> String {
    "<table><thead><tr>" + headers.map { "<th>\(text($0))</th>" }.joined() + "</tr></thead><tbody>"
      + rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined() + "</tbody></table>"
  }
}

extension Wording {
  func workshopOf(_ date: String) -> String { self(en: "Workshop of \(date)", fr: "Atelier du \(date)") }

  func retroOf(_ iteration: String) -> String {
    self(en: "Retrospective: \(iteration)", fr: "Rétrospective : \(iteration)")
  }

  func reachedPhase(_ phase: String) -> String { self(en: "reached \(phase)", fr: "passé en « \(phase) »") }

  func unnamedMembers(_ count: Int) -> String {
    let members = self.count(count, en: ("member", "members"), fr: ("membre", "membres"))
    return self(en: "and \(members) not named here", fr: "et \(members) non nommés ici")
  }

  func membersOfGroup(_ count: Int, _ group: String) -> String {
    let members = self.count(count, en: ("member", "members"), fr: ("membre", "membres"))
    return self(en: "\(members) of the group '\(group)'", fr: "\(members) du groupe « \(group) »")
  }
}

extension String {
  /// With its first letter in capital.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
