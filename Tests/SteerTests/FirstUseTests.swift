import Foundation
import SteerChecks
import SteerKit
import SteerModel
import SteerOpenData
import SteerOutput
import SteerWriting
import Testing

/// What a new user met on a first try, each said truly: an iteration recorded or closed before
/// it starts, a template that does not parse or replaces nothing, a baseline that hides
/// findings, a fetch with no members, and documentation that must stay true to the tool.
@Suite struct FirstUseTests {
  static let today = CalendarDate(year: 2026, month: 12, day: 7)!

  static let spring = """
    ---
    title: Printemps 2027
    start: 2027-03-01
    end: 2027-05-31
    status: planned
    ---

    """

  static let springRetro = "---\ndate: 2026-12-07\nparticipants: [mayor]\n---\n"

  private func outcome(
    in directory: String, language: Language, _ command: (Session) throws -> CommandOutcome
  ) -> (status: Int32, output: String, errors: String) {
    CommandOutcome.running(SessionOptions(currentDirectory: directory, language: language), command).collected()
  }

  /// The minimal ledger committed with an iteration that starts three months after `today`,
  /// and its retrospective, dated `today`, written but not committed.
  private func springRepository() throws -> TemporaryDirectory {
    let directory = try fixtureLedger()
    try directory.write("vision/iterations/printemps-2027.md", Self.spring)
    try commitLedger(directory)
    try directory.write("vision/retros/printemps-2027.md", Self.springRetro)
    return directory
  }

  @Test(arguments: [
    (
      Language.en,
      "steer: error: iteration Printemps 2027 (printemps-2027) starts on 2027-03-01, after today (2026-12-07): its retrospective cannot be recorded, nor the iteration closed, before it has begun\n  hint: record it once the iteration has run; if its dates are wrong, correct `start` in vision/iterations/printemps-2027.md and commit that first\n"
    ),
    (
      .fr,
      "steer\u{202F}: erreur\u{202F}: l'itération Printemps 2027 (printemps-2027) commence le 1er mars 2027, après aujourd'hui (7 décembre 2026)\u{202F}: sa rétrospective ne peut être consignée, ni l'itération close, avant qu'elle ait commencé\n  conseil\u{202F}: consignez-la une fois l'itération déroulée\u{202F}; si ses dates sont fausses, corrigez `start` dans vision/iterations/printemps-2027.md et commitez d'abord cette correction\n"
    ),
  ])
  func anIterationNotBegunIsNeitherRecordedNorClosed(language: Language, expected: String) throws {
    let directory = try springRepository()
    defer { directory.remove() }
    let head = try git(["rev-parse", "HEAD"], in: directory.path)
    for close in [true, false] {
      let request = RecordRequest(iteration: "printemps-2027", close: close, force: true, today: Self.today)
      let refused = outcome(in: directory.path, language: language) { try $0.recordRetroOutcome(request) }
      #expect(refused.status == 2)
      #expect(refused.output.isEmpty)
      #expect(refused.errors == expected)
    }
    #expect(try git(["rev-parse", "HEAD"], in: directory.path) == head)
    #expect(try git(["tag", "--list"], in: directory.path).isEmpty)
    #expect(try directory.read("vision/iterations/printemps-2027.md") == Self.spring)
    // The day it starts, it can be recorded.
    let request = RecordRequest(iteration: "printemps-2027", today: CalendarDate(year: 2027, month: 3, day: 1)!)
    #expect(throws: (any Error).self) { try session(directory.path).recordRetro(request) }  // dated before it starts
    try directory.write("vision/retros/printemps-2027.md", "---\ndate: 2027-03-01\nparticipants: [mayor]\n---\n")
    _ = try session(directory.path).recordRetro(request)
    #expect(try git(["tag", "--list"], in: directory.path) == "steer/iteration/printemps-2027\n")
  }

  @Test(arguments: [
    (
      Language.en,
      [
        "vision/iterations/printemps-2027.md:5:9 iteration Printemps 2027 (printemps-2027) is closed, but it starts on 2027-03-01, after today (2026-12-07) | write `status: planned` until it has run, or correct its start",
        "vision/retros/printemps-2027.md:2:7 the retrospective of iteration Printemps 2027 (printemps-2027) is dated 2026-12-07, before its iteration starts on 2027-03-01 | correct the retrospective's date, or the iteration's start",
      ]
    ),
    (
      .fr,
      [
        "vision/iterations/printemps-2027.md:5:9 l'itération Printemps 2027 (printemps-2027) est close, mais elle commence le 1er mars 2027, après aujourd'hui (7 décembre 2026) | indiquez `status: planned` tant qu'elle n'a pas eu lieu, ou corrigez son début",
        "vision/retros/printemps-2027.md:2:7 la rétrospective de l'itération Printemps 2027 (printemps-2027) est datée du 7 décembre 2026, avant le début de son itération, le 1er mars 2027 | corrigez la date de la rétrospective, ou le début de l'itération",
      ]
    ),
  ])
  func checkSaysAnIterationClosedBeforeItStarts(language: Language, expected: [String]) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(
      "vision/iterations/printemps-2027.md", Self.spring.replacingOccurrences(of: "planned", with: "closed"))
    try directory.write("vision/retros/printemps-2027.md", Self.springRetro)
    let result = try session(directory.path, language: language).check(today: Self.today)
    let said = result.report.diagnostics.filter { $0.rule == "iteration-status" }.map {
      "\($0.file):\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message) | \($0.hint ?? "")"
    }
    #expect(said == expected)
    #expect(result.exitStatus == 1)
    // Once it has started, closing it is no longer early (here it is out of order instead); the
    // retrospective still predates it.
    let later = try session(directory.path, language: language).check(
      today: CalendarDate(year: 2027, month: 6, day: 1)!)
    let laterSaid = later.report.diagnostics.filter { $0.rule == "iteration-status" }.map(\.message)
    #expect(laterSaid.count == 2)
    #expect(!laterSaid.contains { expected[0].contains($0) })
    #expect(laterSaid.contains { expected[1].contains($0) })
  }

  @Test(arguments: [
    (Language.en, "No findings in 5 documents; 2 known findings left out by the baseline base.json.\n"),
    (
      .fr,
      "Aucun constat dans 5\u{A0}documents\u{202F}; 2\u{A0}constats connus laissés de côté par la référence base.json.\n"
    ),
  ])
  func aBaselineSaysWhatItLeftOut(language: Language, expected: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    // Far enough ahead that the clock never catches up with it.
    let future = Self.spring.replacingOccurrences(of: "2027", with: "2099")
    try directory.write(
      "vision/iterations/printemps-2099.md", future.replacingOccurrences(of: "planned", with: "closed"))
    try directory.write("vision/retros/printemps-2099.md", Self.springRetro)
    let text = [OutputRequest(format: .text)]
    _ = outcome(in: directory.path, language: language) { try $0.checkOutcome(text, writeBaseline: "base.json") }
    let filtered = outcome(in: directory.path, language: language) { try $0.checkOutcome(text, baseline: "base.json") }
    let documents = try check(in: directory.path).report.documentCount
    #expect(filtered.output == expected.replacingOccurrences(of: "5", with: "\(documents)"))
    // One left out, in the singular.
    try directory.write(
      "vision/retros/printemps-2099.md", Self.springRetro.replacingOccurrences(of: "2026-12-07", with: "2099-03-01"))
    let one = outcome(in: directory.path, language: language) { try $0.checkOutcome(text, baseline: "base.json") }
    #expect(
      one.output
        == (language == .en
          ? "No findings in \(documents) documents; 1 known finding left out by the baseline base.json.\n"
          : "Aucun constat dans \(documents)\u{A0}documents\u{202F}; 1\u{A0}constat connu laissé de côté par la référence base.json.\n")
    )
  }

  @Test(arguments: [
    (
      Language.en,
      "This ledger federates no member: .steer.yaml has no `federation:` list. A region names its communes' ledgers there, each with a `name` and a `repository` (a path, or a git URL to fetch); see README, \"Federation\".\n"
    ),
    (
      .fr,
      "Ce registre ne fédère aucun membre\u{202F}: .steer.yaml n'a pas de liste `federation:`. Une région y nomme les registres de ses communes, chacun avec un `name` et un `repository` (un chemin, ou une URL git à récupérer)\u{202F}; voir le README, «\u{A0}Federation\u{A0}».\n"
    ),
  ])
  func aFetchWithoutMembersSaysThereAreNone(language: Language, expected: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    let fetched = outcome(in: directory.path, language: language) { try $0.fetchOutcome() }
    #expect(fetched.status == 0)
    #expect(fetched.output == expected)
    let named = outcome(in: directory.path, language: language) { try $0.fetchOutcome(["commune-a"]) }
    #expect(named.status == 2)
    #expect(
      named.errors.hasPrefix(
        language == .en
          ? "steer: error: 'commune-a' is not a member: this ledger federates none"
          : "steer\u{202F}: erreur\u{202F}: «\u{A0}commune-a\u{A0}» n'est pas membre\u{202F}: ce registre n'en fédère aucun"
      ),
      "\(named.errors)")
  }
}

extension FirstUseTests {
  /// A template that does not parse is named by the path the user gave, its line and column,
  /// and what is wrong in words — never swift-mustache's types.
  @Test(arguments: [
    (
      "{{#nope}}\n", "1:1: the section {{#nope}} is never closed ({{/nope}} expected)",
      "1:1\u{202F}: la section {{#nope}} n'est jamais fermée ({{/nope}} attendu)"
    ),
    (
      "a\n{{#a}}\n{{^b}}x{{/a}}\n",
      "3:8: {{/a}} does not close the open section, {{^b}} of line 3 ({{/b}} expected first)",
      "3:8\u{202F}: {{/a}} ne ferme pas la section ouverte, {{^b}} de la ligne 3 ({{/b}} attendu d'abord)"
    ),
    (
      "{{/a}}\n", "1:1: {{/a}} closes no section: none is open",
      "1:1\u{202F}: {{/a}} ne ferme aucune section\u{202F}: aucune n'est ouverte"
    ),
    (
      "a {{x y}}\n", "1:7: a tag is not closed, or its name holds a character a name cannot hold (}} expected)",
      "1:7\u{202F}: une balise n'est pas fermée, ou son nom contient un caractère qu'un nom ne peut contenir (}} attendu)"
    ),
    (
      "a {{!x\n", "1:6: the template ends inside a tag ({{ with no }})",
      "1:6\u{202F}: le modèle s'arrête au milieu d'une balise ({{ sans }})"
    ),
    (
      "{{% FOO: BAR}}\n",
      "1:15: unknown configuration tag: the one known is {{% CONTENT_TYPE: …}}, with HTML, MARKDOWN or TEXT",
      "1:15\u{202F}: balise de configuration inconnue\u{202F}: la seule connue est {{% CONTENT_TYPE: …}}, avec HTML, MARKDOWN ou TEXT"
    ),
  ])
  func aTemplateThatDoesNotParseIsSaidInWords(template: String, english: String, french: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("tpl/summary.md.mustache", template)
    try directory.write("look/section.mustache", template)
    for (language, said) in [(Language.en, english), (.fr, french)] {
      let prefix = language == .en ? "steer: error: " : "steer\u{202F}: erreur\u{202F}: "
      let summary = outcome(in: directory.path, language: language) {
        try $0.summaryOutcome(SummaryRequest(templates: "tpl"))
      }
      #expect(summary.status == 2)
      #expect(summary.errors == prefix + "tpl/summary.md.mustache:" + said + "\n")
      let site = outcome(in: directory.path, language: language) {
        try $0.siteOutcome(audience: .technical, to: "site", templates: "look/")
      }
      #expect(site.status == 2)
      #expect(site.errors == prefix + "look/section.mustache:" + said + "\n")
    }
  }

  /// A file of a template directory that replaces nothing is said, with the names that would;
  /// a partial that a template in use includes is used, and not said.
  @Test func aTemplateThatReplacesNothingIsSaid() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    // `notes` is far from every name (`line.mustache` is only as near as `.mustache` makes it).
    try directory.write("look/notes.mustache", "<p>{{title}}</p>\n")
    try directory.write("look/page.html.mustache", "{{% CONTENT_TYPE: HTML}}{{> footer}}")
    try directory.write("look/footer.mustache", "<footer></footer>")
    try directory.write("look/.hidden", "")
    try directory.write("tpl/summary.htm.mustache", "{{title}}\n")
    try directory.write("tpl/summary.md.mustache", "{{> header}}\n")
    try directory.write("tpl/header.mustache", "# Summary\n")
    let site = [
      "steer: warning: look/notes.mustache is ignored: it replaces none of the site's templates and none includes it; a template file is named page.html.mustache, block.mustache, line.mustache, part.mustache, section.mustache or style.css\n",
      "steer\u{202F}: avertissement\u{202F}: look/notes.mustache est ignoré\u{202F}: il ne remplace aucun modèle du site et aucun ne l'inclut\u{202F}; un fichier de modèle se nomme page.html.mustache, block.mustache, line.mustache, part.mustache, section.mustache ou style.css\n",
    ]
    let summary = [
      "steer: warning: tpl/summary.htm.mustache is ignored: it replaces none of the summary's templates and none includes it; a template file is named summary.md.mustache or summary.html.mustache; did you mean summary.html.mustache?\n",
      "steer\u{202F}: avertissement\u{202F}: tpl/summary.htm.mustache est ignoré\u{202F}: il ne remplace aucun modèle de la synthèse et aucun ne l'inclut\u{202F}; un fichier de modèle se nomme summary.md.mustache ou summary.html.mustache\u{202F}; vouliez-vous dire summary.html.mustache\u{202F}?\n",
    ]
    for (index, language) in [Language.en, .fr].enumerated() {
      let written = outcome(in: directory.path, language: language) {
        try $0.siteOutcome(audience: .technical, to: "site-\(language)", templates: "look")
      }
      #expect(written.status == 0)
      #expect(written.errors == site[index])
      #expect(try directory.read("site-\(language)/index.html") == "<footer></footer>")
      let summarised = outcome(in: directory.path, language: language) {
        try $0.summaryOutcome(SummaryRequest(templates: "tpl"))
      }
      #expect(summarised.status == 0)
      #expect(summarised.errors == summary[index])
      #expect(summarised.output == "# Summary\n")
    }
  }

  /// `steer site --help` lists the audiences the site accepts, and only those.
  @Test func theSiteOffersOnlyTheAudiencesItAccepts() throws {
    let help = try run(steerExecutable, ["site", "--help"], in: packageRoot)
    let values = help.stdout.matches(of: #/\(values: ([^;)]*)/#).map { String($0.1) }
    #expect(values.contains("technical, public"), "\(help.stdout)")
    #expect(!values.contains { $0.contains("elected") })
    let refused = try run(steerExecutable, ["site", "--out", "/nonexistent", "--audience", "elected"], in: packageRoot)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("'elected' is invalid") || refused.stderr.contains("«\u{A0}elected\u{A0}»"))
  }
}

/// README's counts and lists of what the code defines, read from README itself, so that they
/// cannot drift from the code again.
@Suite struct ReadmeTests {
  let readme: String

  init() throws { readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8) }

  /// The README's paragraph that starts with `start`, up to the next blank line.
  func paragraph(startingWith start: String) throws -> String {
    let from = try #require(readme.range(of: start))
    let rest = readme[from.lowerBound...]
    return String(rest[..<(rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex)])
  }

  /// Backquoted words of a text.
  func quoted(_ text: String) -> [String] { text.matches(of: #/`([a-z-]+)`/#).map { String($0.1) } }

  @Test func theRuleCountAndFamiliesAreTheCatalogues() throws {
    let words = [
      20: "Twenty", 21: "Twenty-one", 22: "Twenty-two", 23: "Twenty-three", 24: "Twenty-four", 25: "Twenty-five",
      26: "Twenty-six", 27: "Twenty-seven", 28: "Twenty-eight", 29: "Twenty-nine", 30: "Thirty", 31: "Thirty-one",
      32: "Thirty-two", 33: "Thirty-three", 34: "Thirty-four", 35: "Thirty-five",
    ]
    let count = RuleCatalogue.descriptions.count
    let spelled = try #require(words[count], "add \(count) to the words of this test")
    #expect(readme.contains("\n\(spelled) rules in four families"), "README must say \(spelled) rules")
    #expect(RuleDescription.Category.allCases.count == 4)
    let families = try readme.components(separatedBy: "\n- **").dropFirst().filter {
      $0.hasPrefix("Reading**") || $0.hasPrefix("Roadmap consistency**") || $0.hasPrefix("Governance and learning**")
        || $0.hasPrefix("Gates**")
    }.map { try #require($0.components(separatedBy: "\n\n").first) }
    #expect(families.count == 4)
    let categories: [RuleDescription.Category] = [.reading, .roadmap, .governance, .gates]
    for (family, category) in zip(families, categories) {
      let listed = Set(quoted(family)).intersection(RuleCatalogue.descriptions.map(\.id))
      let defined = Set(RuleCatalogue.descriptions.filter { $0.category == category }.map(\.id))
      #expect(listed == defined, "README's \(category) family: missing \(defined.subtracting(listed).sorted())")
    }
  }

  @Test func theExportedTablesAreTheSchemas() throws {
    let prose = try paragraph(startingWith: "**`steer export --out DIR")
    let listed = quoted(prose).filter { ExportSchema.resource($0) != nil }
    #expect(listed == ExportSchema.resources.map(\.name), "README's list of exported tables")
    let publicTables = ExportSchema.resources.filter { !$0.isRegionOnly && !$0.isTechnicalOnly }.count
    #expect(readme.contains("datapackage.json, \(publicTables) tables et le catalogue"), "README's export example")
  }
}
