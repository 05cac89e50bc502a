import Foundation
import Mustache
import SteerHistory
import SteerKit
import SteerMarkdown
import SteerModel
import SteerOutput
import SteerWriting
import Testing

@testable import SteerSummary

private let committeeDay = CalendarDate(year: 2026, month: 11, day: 21)!

private func summary(
  _ format: SummaryFormat, _ language: Language, audience: Audience = .technical, in directory: String = referenceCopy,
  since: String? = nil, templates: String? = nil, trend: Int = SummaryRequest.defaultTrend
) throws -> String {
  try session(directory, language: language).summary(
    SummaryRequest(
      format: format, audience: audience, since: since, templates: templates, trend: trend, today: committeeDay))
}

@Suite struct SummaryTests {
  /// The reference ledger's Markdown summaries, in both languages and for every audience.
  @Test(arguments: [Language.fr, .en], Audience.allCases)
  func markdownMatchesGoldenFile(_ language: Language, _ audience: Audience) throws {
    let text = try summary(.md, language, audience: audience)
    try expectGolden(text, "summary-\(audience.rawValue).\(language.rawValue).md")
    #expect(text.utf8.count < 1 << 20)
    #expect(!text.contains("<"), "no HTML needed in the Markdown summary")
  }

  @Test func htmlHasEverySectionItsChartsAndTheNumbersOfSteerMetrics() throws {
    let html = try summary(.html, .en)
    for section in ["headline", "vision", "alignment", "objectives", "usecases", "roadmap", "retro", "findings"] {
      #expect(html.contains("<section id=\"\(section)\""), "section \(section)")
    }
    // Charts: drawn as inline SVG, each with its title and description.
    for chart in ["heatmap", "funnel", "timeline", "indicator-jeux-donnees-ouverts"] {
      #expect(html.contains("aria-labelledby=\"\(chart)-chart-title \(chart)-chart-desc\""), "chart \(chart)")
    }
    #expect(html.components(separatedBy: "<svg").count == html.components(separatedBy: "<title id=").count)
    // Self-contained: no script, no external request.
    #expect(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"))
    // The numbers are steer metrics' numbers.
    let metrics = try run(steerExecutable, ["metrics", "--format", "json"], in: referenceCopy)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(metrics.stdout.utf8)) as? [String: Any])
    let progress = try #require(
      ((json["progress"] as? [String: Any])?["progress"] as? [String: Any])?["value"] as? Double)
    let percent = String(Int((progress * 100).rounded())) + "%"
    #expect(html.contains("<span class=\"value\">\(percent)</span>Progress"))
    // The status is written in words as well as shown by colour.
    #expect(html.contains("class=\"status amber\"") && html.contains(">Needs attention<"))
    // A list's heading (`{{#list.0}}`) shows above a list with something in it.
    #expect(html.contains("<h3>Least aligned stakeholders</h3>"))
    #expect(html.contains("<h3>Actions</h3>"))
  }

  /// Every label a bundled template names exists in both languages: a missing one would print
  /// nothing. (Swift code names labels by their type, which the compiler checks.)
  @Test func everyLabelTheTemplatesNameExists() throws {
    let root = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    #expect(Set(Label.all.map(\.key)).count == Label.all.count, "a key names one label")
    for name in ["templates/summary/summary.md.mustache", "templates/summary/summary.html.mustache"] {
      let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
      let keys = text.matches(of: /\{\{labels\.([a-z_.]+)\}\}/).map { String($0.output.1) }
      #expect(!keys.isEmpty, "\(name) names no label")
      for key in keys {
        for language in Language.allCases {
          #expect(Localizer(language).label(named: key)?.isEmpty == false, "\(name): label \(key)")
        }
      }
    }
  }

  @Test func frenchUsesItsOwnNumbersAndDates() throws {
    let html = try summary(.html, .fr)
    #expect(html.contains("<html lang=\"fr\">"))
    #expect(html.contains("21 novembre 2026"))
    #expect(html.contains("46\u{202F}%"))  // narrow no-break space before %
    #expect(html.contains("0,13"))  // decimal comma
    // A narrow no-break space between thousands, a no-break space before the unit.
    #expect(html.contains("17\u{202F}900\u{A0}MWh/an"))
    #expect(html.contains("1\u{202F}200\u{A0}passages/jour"))  // four digits grouped too
  }

  @Test func theElectedSummaryIsTheHeadlineDecisionsAndRisks() throws {
    let html = try summary(.html, .en, audience: .elected)
    #expect(html.contains("Decisions needed") && html.contains("Risks"))
    #expect(!html.contains("<section id=\"vision\"") && !html.contains("<section id=\"findings\""))
  }

  @Test func thePublicDigestNamesOnlyElectedOfficialsAndManagement() throws {
    let html = try summary(.html, .fr, audience: .public)
    #expect(html.contains("Claire Morvan"))  // elected
    #expect(html.contains("Direction générale des services"))  // management
    #expect(!html.contains("Conseil citoyen du littoral"))  // citizen
    #expect(!html.contains("Association Vélo"))
    #expect(!html.contains("Décisions attendues") && !html.contains("<section id=\"findings\""))
    #expect(!html.contains("Craint une charge"))  // an endorsement's internal note
  }

  @Test func ledgerTextCannotInjectMarkupOrScript() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let evil =
      "<script>document.body.dataset.pwned = 1</script><img src=x onerror=\\\"document.body.dataset.pwned = 1\\\">"
    let vision = try directory.read("vision/vision.md")
      .replacingOccurrences(of: "title: Clean beaches", with: "title: \"\(evil)\"")
      .replacingOccurrences(
        of: "A minimal ledger",
        with: "<script>alert(1)</script> [link](javascript:alert(1)) <b onclick=x>A minimal ledger")
    try directory.write("vision/vision.md", vision)
    let html = try summary(.html, .en, in: directory.path)
    #expect(!html.contains("<script>") && !html.contains("<img") && !html.contains("onclick"))
    #expect(html.contains("&lt;script&gt;"))
    #expect(!html.contains("javascript:"))
    let markdown = try summary(.md, .en, in: directory.path)
    #expect(!markdown.contains("<script>"))
  }

  /// The bundled template asks for Steer's HTML escaping (faster than Mustache's); it must
  /// escape what Mustache's own does, which a team's template without the pragma still gets.
  @Test(arguments: ["Clean beaches", #"a < b & "c" 'd' > e"#, "Plages connectées & <b>ports</b>"])
  func steersHTMLEscapingIsMustaches(_ title: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let quoted = "'" + title.replacingOccurrences(of: "'", with: "''") + "'"
    let vision = try directory.read("vision/vision.md")
    try directory.write("vision/vision.md", vision.replacingOccurrences(of: "Clean beaches", with: quoted))
    try directory.write("mustache/summary.html.mustache", "[{{vision.title}}]")
    try directory.write("steer/summary.html.mustache", "{{% CONTENT_TYPE: HTML}}\n[{{vision.title}}]")
    let byMustache = try summary(.html, .en, in: directory.path, templates: directory.path + "/mustache")
    let bySteer = try summary(.html, .en, in: directory.path, templates: directory.path + "/steer")
    #expect(bySteer == byMustache)
    #expect(bySteer.hasPrefix("[") && !bySteer.dropFirst().dropLast().contains { "<>\"'".contains($0) })
    // Control characters, which XML forbids in the charts, are dropped; lines and tabs kept.
    try directory.write("vision/vision.md", vision.replacingOccurrences(of: "Clean beaches", with: #""a\u0007b\tc""#))
    #expect(try summary(.html, .en, in: directory.path, templates: directory.path + "/steer") == "[ab\tc]")
  }

  /// The Markdown template's escaping: what would open Markdown syntax is escaped, line breaks
  /// folded, other text (accents included) left as it is.
  @Test func steersMarkdownEscaping() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let vision = try directory.read("vision/vision.md")
    try directory.write(
      "vision/vision.md",
      vision.replacingOccurrences(of: "Clean beaches", with: #""*a_b* [c](d) <e> | #f `g` \\ h\ni é""#))
    try directory.write("md/summary.md.mustache", "{{% CONTENT_TYPE: MARKDOWN}}[{{vision.title}}]")
    #expect(
      try summary(.md, .en, in: directory.path, templates: directory.path + "/md")
        == ##"[\*a\_b\* \[c\](d) \<e\> \| \#f \`g\` \\ h i é]"##)
  }

  /// The model's values answer a template as the dictionaries they replaced did: sections,
  /// inverted sections, a field one value lacks looked up around it, positions and transforms.
  @Test(arguments: [
    (
      "{{#rows}}{{title}}/{{uppercased(title)}}/{{#usecases}}{{#reason}}[{{.}}]{{/reason}}{{^reason}}-{{/reason}}{{/usecases}}/{{count}};{{/rows}}",
      "Plages connectées/PLAGES CONNECTÉES/[À voir]-/2;///0;"
    ),
    (
      "{{#rows.0}}some{{/rows.0}}{{#rows}}{{#first()}}F{{/first()}}{{index()}}{{#empty(title)}}E{{/empty(title)}}{{/rows}}",
      "someF01E"
    ),
    (
      "{{#rows}}{{count(.)}}{{#lowercased(title)}}{{.}}{{/lowercased(title)}}{{#usecases}}{{count(.)}}{{/usecases}}{{/rows}}{{^rows}}none{{/rows}}",
      "3plages connectées213"
    ),
  ])
  func typedValuesRenderAsDictionaries(_ text: String, _ expected: String) throws {
    let template = try MustacheTemplate(string: text)
    let dictionaries: [[String: Any]] = [
      [
        "title": "Plages connectées", "count": 2,
        "usecases": [["title": "Capteurs", "reason": "À voir"], ["title": "Bornes"]] as [[String: Any]],
      ],
      ["title": "", "count": 0, "usecases": [[String: Any]]()],
    ]
    let values = [
      SummaryView.UseCaseGroup(
        title: "Plages connectées",
        useCases: [SummaryView.UseCase(title: "Capteurs", reason: "À voir"), SummaryView.UseCase(title: "Bornes")]),
      SummaryView.UseCaseGroup(title: "", useCases: []),
    ]
    #expect(template.render(["rows": dictionaries]) == expected)
    #expect(template.render(["rows": values]) == expected)
  }

  /// A text of a list's element is false in a section when empty; one of the summary's single
  /// parts is true even then, as the dictionary's string it replaced was.
  @Test func anEmptyTextIsFalseInAListAndTrueInASinglePart() throws {
    let template = try MustacheTemplate(
      string:
        "{{#last_retro}}{{#body_html}}body{{/body_html}}{{#lessons}}/{{#text}}text{{/text}}{{tags}}{{/lessons}}{{/last_retro}}"
    )
    let retro = SummaryView.Retro(
      iteration: "sprint-1", title: "Sprint 1", date: "", lessons: [SummaryView.Lesson(text: "", tags: "terrain")],
      bodyHTML: "")
    #expect(template.render(["last_retro": retro]) == "body/terrain")
    #expect(template.render(["last_retro": ["body_html": "", "lessons": [[String: Any]]()]]) == "body")
  }

  /// Where people read, the model names things by their titles and people by their names, never by
  /// their ids: the use cases an iteration plans, an action's owner and the iteration it is due
  /// in, the least aligned stakeholders, the heat map's columns, who carries the vision.
  @Test func theModelNamesThingsByTitleWherePeopleRead() throws {
    let model = try session(referenceCopy).summaryModel(SummaryRequest(audience: .technical, today: committeeDay))
    let ledger = model.ledger
    let view = model.view
    let useCases = Dictionary(uniqueKeysWithValues: ledger.useCases.map { ($0.id, $0.title) })
    let people = Dictionary(uniqueKeysWithValues: ledger.stakeholders.map { ($0.id, $0.name) })
    let objectives = Dictionary(uniqueKeysWithValues: ledger.objectives.map { ($0.id, $0.title) })
    let iterations = Dictionary(uniqueKeysWithValues: ledger.iterations.map { ($0.id, $0.title) })

    let planned = view.next.flatMap(\.items)
    #expect(!planned.isEmpty)
    for item in planned { #expect(item.title == useCases[item.id] && item.title != item.id) }

    let actions = try #require(view.lastRetro?.actions)
    #expect(!actions.isEmpty)
    for action in actions {
      #expect(people.values.contains(action.owner) && people[action.owner] == nil, "\(action.owner)")
      let due = try #require(iterations[action.dueID])
      #expect(action.due.contains(due) && !action.due.contains(action.dueID), "\(action.due)")
    }

    let leastAligned = try #require(view.alignment.leastAligned)
    #expect(!leastAligned.isEmpty)
    for stakeholder in leastAligned {
      #expect(people.values.contains(stakeholder.name) && people[stakeholder.name] == nil)
    }
    let columns = try #require(view.alignment.heatmap?.columns)
    for column in columns { #expect(column.title == objectives[column.id] && column.title != column.id) }

    let vision = try #require(ledger.vision)
    #expect(view.vision?.carriedBy == people[vision.carriedBy.value])
  }

  /// A region's members are read by their names (a title, else their vision's territory), not by
  /// the ids `.steer.yaml` gives them: in the federation's table, the members' use cases and the
  /// contributions to the region's objectives.
  @Test func aRegionsModelNamesItsMembersByTheirNames() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FederationTests().territory(directory)
    try FederationTests().addCommuneC(directory)
    let view = try session(directory.path + "/region").summaryModel(SummaryRequest(today: committeeDay)).view
    let federation = try #require(view.federation)
    #expect(federation.view.members.map(\.name) == ["Aiglun", "Commune de Barles", "Valbonne"])
    #expect(view.useCases.byMember.map(\.title) == ["Aiglun", "Valbonne"])
    for group in view.useCases.byMember { #expect(group.useCases.allSatisfy { $0.member == group.title }) }
    #expect(federation.contributions.flatMap(\.contribution.members).allSatisfy { !$0.name.hasPrefix("commune-") })
  }

  /// The ledger given on the command line reaches every part of the summary: its trend and its
  /// "since the last committee" section replay that ledger, not the configured one.
  @Test func theGivenLedgerReachesEveryPartOfTheSummary() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try FileManager.default.moveItem(atPath: directory.path + "/vision", toPath: directory.path + "/other")
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    let path = directory.path + "/other/usecases/water-sensors.md"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    try text.replacingOccurrences(of: "phase: prototype", with: "phase: test").write(
      toFile: path, atomically: true, encoding: .utf8)

    let session = try session(directory.path, ledger: "other", language: .en)
    #expect(try session.diff(from: "HEAD", to: nil).phaseMoves.map(\.useCase) == ["water-sensors"])
    let summary = try session.summary(SummaryRequest(since: "HEAD", today: committeeDay))
    #expect(summary.contains("Water quality sensors"))
    #expect(summary.contains("prototype → test"), "\(summary)")
  }

  @Test func markdownBodiesAreRenderedSafely() {
    let html = Markdown.html(
      "| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n<div onclick=x>raw</div>\n\n[x](javascript:alert(1)) https://example.org")
    #expect(html.contains("<table>") && html.contains("<del>2</del>"))
    #expect(html.contains("raw HTML omitted") && !html.contains("onclick"))
    #expect(html.contains("href=\"\"") && html.contains("<a href=\"https://example.org\">"))
  }

  @Test func bodyHeadingsNestUnderTheSectionThatHoldsThem() {
    let html = Markdown.html("# Vision\n\n## Why\n\n###### Deep", headingsFrom: 3)
    #expect(html.contains("<h3>Vision</h3>") && html.contains("<h4>Why</h4>") && html.contains("<h6>Deep</h6>"))
    #expect(Markdown.html("# Top").contains("<h1>Top</h1>"))
  }

  @Test func theHTMLSummaryHasOneMainLandmark() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    for audience in ["technical", "elected", "public"] {
      let page = try run(steerExecutable, ["summary", "--format", "html", "--audience", audience], in: directory.path)
      #expect(page.stdout.components(separatedBy: "<main>").count == 2, "\(audience)")
      #expect(page.stdout.components(separatedBy: "</main>").count == 2, "\(audience)")
    }
  }

  @Test func sinceTheLastCommitteeAndATeamsOwnTemplates() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    let useCase = try directory.read("vision/usecases/water-sensors.md")
    try directory.write(
      "vision/usecases/water-sensors.md", useCase.replacingOccurrences(of: "phase: prototype", with: "phase: test"))
    let markdown = try summary(.md, .en, in: directory.path, since: "HEAD")
    #expect(markdown.contains("## Since the last committee (HEAD → work tree)"))
    #expect(markdown.contains("Water quality sensors — prototype → test"))

    try directory.write(
      "mine/summary.md.mustache",
      "{{% CONTENT_TYPE: MARKDOWN}}Status: {{status.label}} ({{lang}}){{#status.data_quality}} — {{.}}{{/status.data_quality}}\n"
    )
    // A use case with an unknown phase: an error in the ledger, told apart from the programme's status.
    try directory.write(
      "vision/usecases/broken.md", "---\ntitle: Broken\nobjectives: [clean-water]\nphase: tset\nowner: mayor\n---\n")
    #expect(
      try summary(.md, .en, in: directory.path, templates: directory.path + "/mine")
        == "Status: On track (en) — The ledger has 1 error (steer check): fix it before the committee; until then its figures cannot be trusted.\n"
    )
    #expect(throws: SteerError.self) {
      try summary(.html, .en, in: directory.path, templates: directory.path + "/mine")
    }
  }
}

@Suite struct TemplateDocumentationTests {
  /// Every type of the summary's model. A value of a type missing here fails the test below.
  static var types: [any TemplateValue.Type] {
    [
      SummaryView.self, SummaryView.AudienceFlags.self, SummaryView.Status.self, SummaryView.Register.self,
      SummaryView.RegisteredDecision.self, SummaryView.KeyFigure.self, SummaryView.NextIteration.self,
      SummaryView.PlannedItem.self, SummaryView.Gate.self, SummaryView.Vision.self, SummaryView.Endorsement.self,
      SummaryView.Alignment.self, SummaryView.GroupAgreement.self, SummaryView.LeastAligned.self,
      SummaryView.HeatmapColumn.self, SummaryView.ObjectiveWeight.self, SummaryView.Objective.self,
      SummaryView.Indicator.self, SummaryView.UseCases.self, SummaryView.PhaseCount.self, SummaryView.UseCaseGroup.self,
      SummaryView.UseCase.self, SummaryView.Roadmap.self, SummaryView.RoadmapIteration.self, SummaryView.Retro.self,
      SummaryView.Lesson.self, SummaryView.Action.self, SummaryView.OverdueAction.self,
      SummaryView.RecurringLesson.self,
      SummaryView.Findings.self, SummaryView.Finding.self, SummaryView.Trends.self, SummaryView.TrendRow.self,
      SummaryView.Since.self, SummaryView.PhaseMove.self, SummaryView.MetricChange.self, SummaryView.Renamed.self,
      SummaryView.IndicatorChange.self, SummaryView.ProgressChange.self, SummaryView.MemberChange.self,
      SummaryView.DecisionChange.self, SummaryView.Supersession.self, SummaryView.ActionChange.self,
      SummaryView.NewLesson.self, SummaryView.FindingChange.self, SummaryView.Federation.self,
      SummaryView.Attention.self, SummaryView.Contribution.self, SummaryView.ContributionCount.self,
      FederationView.Member.self, NoFields.self,
    ]
  }

  /// Words the view model's table quotes as values, not as names (`fr`, `accepted`, `error`…).
  static let values: Set<String> = ["fr", "en", "accepted", "error", "warning", "prototype"]

  /// The names the summary's model answers are those docs/templates.md documents in its view
  /// model's table, no more and no fewer: a field added, renamed or dropped on one side only fails.
  @Test func theModelAnswersExactlyTheDocumentedNames() throws {
    let documentation = try String(
      contentsOf: testsDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "docs/templates.md"),
      encoding: .utf8)
    let table = documentation.components(separatedBy: "## The view model")[1].components(separatedBy: "\n## ")[0]
    let quoted = table.split(separator: "\n").filter { $0.hasPrefix("| `") }.flatMap { row in
      row.matches(of: /`([a-z_]+(?:\.[a-z_]+)*)`/).map { String($0.output.1) }
    }
    // `labels.x` names a label, whose keys the label test below checks.
    let documented = Set(
      quoted.filter { !$0.hasPrefix("labels.") }.flatMap { $0.split(separator: ".").map(String.init) }
    )
    .subtracting(Self.values)
    func names<Value: TemplateValue>(_ type: Value.Type) -> Set<String> { Value.fields.names }
    let answered = Self.types.reduce(into: Set<String>()) { $0.formUnion(names($1)) }
    #expect(answered.count > 100)
    for name in answered.subtracting(documented).sorted() {
      Issue.record("docs/templates.md does not document `\(name)`")
    }
    for name in documented.subtracting(answered).sorted() {
      Issue.record("docs/templates.md documents `\(name)`, which the model does not answer")
    }
  }

  /// Every value met in the summaries of the reference ledger (each audience, with `--since`) and
  /// of a region is of a type listed above, so that its names are compared with the documentation.
  @Test func everyTypeOfTheModelIsCompared() throws {
    let listed = Set(Self.types.map { ObjectIdentifier($0) })
    var met: Set<String> = []
    func walk(_ value: Any?) {
      if let value = value as? any TemplateValue {
        met.insert(String(describing: type(of: value)))
        #expect(listed.contains(ObjectIdentifier(type(of: value))), "\(type(of: value)) is not listed")
        func names<Value: TemplateValue>(_ value: Value) -> Set<String> { Value.fields.names }
        for name in names(value) { walk(value.child(named: name)) }
      } else if let list = value as? [Any] {
        list.forEach(walk)
      }
    }
    for audience in Audience.allCases {
      walk(try session(referenceCopy).summaryModel(SummaryRequest(audience: audience, today: committeeDay)).view)
    }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FederationTests().territory(directory)
    try FederationTests().addCommuneC(directory)
    try directory.write(
      "region/.steer.yaml",
      try directory.read("region/.steer.yaml") + "  - {name: commune-d, repository: ../commune-d}\n")
    walk(try session(directory.path + "/region").summaryModel(SummaryRequest(today: committeeDay)).view)
    #expect(met.isSuperset(of: ["Member", "Contribution", "Attention", "UseCase", "Indicator", "Gate"]), "\(met)")
  }
}

extension SummaryTests {
  /// With recorded iterations, the technical summary draws the metrics' trend lines.
  @Test func trendsAppearOnceIterationsAreRecorded() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    #expect(!(try summary(.html, .en, in: directory.path)).contains("<section id=\"trends\""))
    _ = try session(directory.path).recordRetro(RecordRequest(iteration: "sprint-1"))
    try directory.write(
      "vision/retros/sprint-2.md",
      "---\ndate: 2026-05-02\nparticipants: [mayor]\ndelivered:\n  - {usecase: water-sensors, phase: test}\n---\n")
    _ = try session(directory.path).recordRetro(RecordRequest(iteration: "sprint-2", close: true))
    let html = try summary(.html, .en, in: directory.path)
    #expect(html.contains("<section id=\"trends\""))
    #expect(html.contains("aria-labelledby=\"trends-chart-title trends-chart-desc\""))
    #expect(html.contains("<polyline"))
    // Four metrics are 100 % throughout: the legend tells their lines apart.
    #expect(html.contains("Effort serving an active objective (the same line as &#39;Delivered as planned&#39;)"))
    // The iterations as people name them, on the axis as in the table: their titles, not their ids.
    #expect(html.contains(">First sprint</text>") && html.contains(">Second sprint</text>"))
    #expect(!html.contains(">sprint-1</text>") && !html.contains(">sprint-2</text>"))
    let markdown = try summary(.md, .en, in: directory.path)
    #expect(markdown.contains("| First sprint |") && markdown.contains("| Second sprint |"))
    #expect(!markdown.contains("| sprint-1 |") && !markdown.contains("| sprint-2 |"))
    // The trend shows the latest iterations only, or none.
    func trend(_ markdown: String) -> String {
      guard let start = markdown.range(of: "## Trends") else { return "" }
      let rest = markdown[start.upperBound...]
      return String(rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)])
    }
    #expect(trend(markdown).contains("| First sprint |"))
    #expect(trend(try summary(.md, .en, in: directory.path, trend: 1)).isEmpty, "one point draws no trend")
    try directory.write(
      "vision/iterations/sprint-3.md", "---\ntitle: Third\nstart: 2026-05-01\nend: 2026-05-31\nstatus: active\n---\n")
    try directory.write("vision/retros/sprint-3.md", "---\ndate: 2026-06-02\nparticipants: [mayor]\n---\n")
    _ = try session(directory.path).recordRetro(RecordRequest(iteration: "sprint-3", close: true))
    let lastTwo = trend(try summary(.md, .en, in: directory.path, trend: 2))
    #expect(
      !lastTwo.contains("| First sprint |") && lastTwo.contains("| Second sprint |") && lastTwo.contains("| Third |"))
    #expect(!(try summary(.html, .en, in: directory.path, trend: 0)).contains("<section id=\"trends\""))
  }

  /// Past forty active objectives, the heat map keeps those of highest shared priority and says so.
  @Test func aWideHeatMapKeepsTheObjectivesOfHighestPriority() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    var priorities: [String] = ["clean-water: 5"]
    for number in 1...45 {
      try directory.write(
        "vision/objectives/goal-\(number).md", "---\ntitle: Goal \(number)\naxis: data\nowner: mayor\n---\n")
      priorities.append("goal-\(number): \(number > 40 ? 1 : 3)")
    }
    try directory.write(
      "vision/stakeholders/mayor.md",
      "---\nname: The mayor\ngroup: elected\npriorities: {\(priorities.joined(separator: ", "))}\n---\n")
    let html = try summary(.html, .en, in: directory.path)
    let heatMap = try #require(html.components(separatedBy: "<svg").first { $0.contains("id=\"heatmap-chart-title\"") })
    #expect(heatMap.contains("Priorities by stakeholder and objective — 40 / 46, those of highest shared priority"))
    // Numbered columns, and under the chart the titles they stand for, whole.
    #expect(heatMap.contains("font-weight=\"bold\" fill=\"#222222\">40</text>"))
    #expect(!heatMap.contains("font-weight=\"bold\" fill=\"#222222\">41</text>"))
    let columns = try #require(html.components(separatedBy: "<ol class=\"columns\">").dropFirst().first)
      .components(separatedBy: "</ol>")[0]
    #expect(columns.components(separatedBy: "<li>").count - 1 == 40)
    #expect(columns.contains("<li>Clean bathing water</li>") && !columns.contains("<li>Goal 41</li>"))
  }

  /// The ledger `steer init` writes has no iteration and no stakeholder group ranked: its
  /// summaries say so where a table would stand empty, and show no empty list.
  @Test(arguments: Audience.allCases)
  func aNewLedgerHasNoEmptyTable(_ audience: Audience) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    #expect(try run(steerExecutable, ["init", "--lang", "fr"], in: directory.path).status == 0)
    let markdown = try summary(.md, .fr, audience: audience, in: directory.path)
    // A table's delimiter row is followed by at least one row.
    let lines = markdown.components(separatedBy: "\n")
    for (number, line) in lines.enumerated() where line.hasPrefix("|---") {
      #expect(lines[number + 1].hasPrefix("|"), "an empty table before line \(number + 2):\n\(markdown)")
    }
    let html = try summary(.html, .fr, audience: audience, in: directory.path)
    #expect(!html.contains("<tbody></tbody>") && !html.contains("<ul></ul>"), "\(html)")
    // Nobody has stated priorities yet: no heat map of nothing.
    #expect(!html.contains("id=\"heatmap-chart-title\""))
    if audience != .elected {
      #expect(markdown.contains("Aucune itération n'est encore planifiée."))
      #expect(html.contains("Aucune itération n&#39;est encore planifiée."))
    }
  }

  @Test func theRoadmapHasMonthsAndToday() throws {
    func timeline(in directory: String) throws -> String {
      let html = try summary(.html, .fr, in: directory)
      return try #require(html.components(separatedBy: "<svg").first { $0.contains("id=\"timeline-chart-title\"") })
    }
    // The reference roadmap runs from July 2025 to June 2027: the committee's day is in it.
    let reference = try timeline(in: referenceCopy)
    #expect(reference.contains(">juillet 2025</text>") && reference.contains(">janvier 2027</text>"))
    #expect(
      reference.contains(">aujourd&#39;hui</text>")
        && reference.contains("\u{202F}; aujourd&#39;hui, le 21 novembre 2026"))
    // Two sprints in the spring, long before: a label each month, and no line for today.
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let minimal = try timeline(in: directory.path)
    #expect(minimal.contains(">mars 2026</text>") && minimal.contains(">avril 2026</text>"))
    #expect(!minimal.contains("aujourd&#39;hui"))
  }
}
