import Foundation
import SteerKit
import SteerModel
import SteerSummary
import Testing

@testable import SteerSite

/// What each page of `steer site` shows: each test a defect a reader found, on the minimal
/// ledger with what the defect needs written over it.
@Suite struct SitePagesTests {
  static let day = CalendarDate(year: 2026, month: 11, day: 21)!

  /// The site of the minimal ledger with `files` written over it, its pages by path.
  func site(
    _ files: [String: String] = [:], language: Language = .en, audience: Audience = .technical
  ) throws -> [String: String] {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    for (path, text) in files { try directory.write(path, text) }
    let session = try SteerTests.session(directory.path, language: language)
    _ = try session.site(audience: audience, to: "site", today: Self.day)
    var pages: [String: String] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: directory.path + "/site")
    where path.hasSuffix(".html") {
      pages[path] = try directory.read("site/" + path)
    }
    return pages
  }

  /// A page's text as a reader sees it: no tags, no attributes, entities read.
  func text(_ html: String) -> String {
    html.replacing(#/<[^>]*>/#, with: " ").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
  }

  static let workshop = """
    ---
    date: 2026-02-01
    phase: prototyping
    usecases: [water-sensors]
    participants: [mayor, residents]
    decisions: ["Start with two beaches"]
    ---

    """

  @Test func workshopIterationAndStakeholderPagesShowTheirBody() throws {
    let pages = try site([
      "vision/workshops/kickoff.md": Self.workshop + "Minutes *shared* with the residents.\n",
      "vision/iterations/sprint-2.md": """
      ---
      title: Second sprint
      start: 2026-04-01
      end: 2026-04-30
      status: active
      ---
      Reviewed by the committee on **30 April**.

      """,
      "vision/stakeholders/mayor.md": "---\nname: The mayor\ngroup: elected\n---\nElected in 2020.\n",
    ])
    #expect(pages["workshops/kickoff.html"]!.contains("<p>Minutes <em>shared</em> with the residents.</p>"))
    #expect(
      pages["iterations/sprint-2.html"]!.contains("<p>Reviewed by the committee on <strong>30 April</strong>.</p>"))
    #expect(pages["stakeholders/mayor.html"]!.contains("<div class=\"body\"><p>Elected in 2020.</p>"))
  }

  /// A workshop is named by its title, else by its body's first heading, else by its date in
  /// the reader's language: on its page and wherever the site names it.
  @Test(arguments: [
    ("title: \"Beaches: the first ideas\"\n", "", "Beaches: the first ideas", "Beaches: the first ideas"),
    ("", "Some words.\n\n## The residents' ideas ##\n", "The residents' ideas", "The residents' ideas"),
    ("", "Minutes.\n", "Workshop of 1 February 2026", "Atelier du 1er février 2026"),
  ])
  func aWorkshopIsNamedByItsTitle(title: String, body: String, english: String, french: String) throws {
    let file = Self.workshop.replacingOccurrences(of: "---\ndate:", with: "---\n\(title)date:") + body
    for (language, name) in [(Language.en, english), (.fr, french)] {
      let pages = try site(["vision/workshops/kickoff.md": file], language: language)
      #expect(text(pages["workshops/kickoff.html"]!).contains("\(name) — "))  // the page's title
      #expect(text(pages["workshops/kickoff.html"]!).contains(" \(name) "))  // its heading
      for page in ["index.html", "decisions.html", "usecases/water-sensors.html", "stakeholders/residents.html"] {
        #expect(text(pages[page]!).contains(name), "\(page) names the workshop \(name)")
      }
    }
  }

  /// `steer new workshop "X"` writes the title, which the ledger then reads.
  @Test func aNewWorkshopHasItsTitle() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let path = try SteerTests.session(directory.path).newDocument(.workshop, title: "Beaches: first ideas")
    #expect(try directory.read(path).contains("title: \"Beaches: first ideas\""))
    let workshop = try SteerTests.session(directory.path).loadLedger().ledger.workshops.first {
      $0.id == "beaches-first-ideas"
    }
    #expect(workshop?.title == "Beaches: first ideas")
  }

  /// French pages say the format's values in French: `prototypage`, not `prototyping`.
  @Test func everyValueIsInTheReadersLanguage() throws {
    let pages = try site(["vision/workshops/kickoff.md": Self.workshop], language: .fr)
    #expect(pages["workshops/kickoff.html"]!.contains("<dt>Phase de l&#39;atelier</dt><dd>prototypage</dd>"))
    let english =
      #/>\s*(analysis|ideation|prototyping|deployed|scaled|abandoned|planned|active|closed|open|done|dropped|achieved|retired|elected|citizen|endorse)\s*</#
    for (path, html) in pages {
      let found = html.matches(of: english).map { String($0.output.1) }
      #expect(found.isEmpty, "\(path) shows \(found) in English")
    }
  }

  @Test func aRetroPageShowsItsMeasurements() throws {
    for (language, expected) in [
      (Language.en, "<td>Share of open bathing days</td><td>74%</td><td>15 March 2026</td>"),
      (.fr, "<td>Share of open bathing days</td><td>74\u{202F}%</td><td>15 mars 2026</td>"),
    ] {
      let page = try site(language: language)["retros/sprint-1.html"]!
      let measurements = page.replacing(#/<a href="[^"]*">/#, with: "").replacingOccurrences(of: "</a>", with: "")
      #expect(measurements.contains(expected), "\(language)")
      #expect(page.contains("<a href=\"../objectives/clean-water.html\">Share of open bathing days</a>"))
    }
  }

  /// An item without an effort of its own takes its use case's (docs/format.md), and says so.
  @Test func anItemWithoutEffortShowsItsUseCases() throws {
    let english = try site()["iterations/sprint-1.html"]!
    #expect(english.contains("<td>prototype</td><td>3.5 (the use case&#39;s)</td>"))
    let french = try site(language: .fr)["iterations/sprint-1.html"]!
    #expect(french.contains("<td>3,5 (celui du cas d&#39;usage)</td>"))
    // An item's own effort stands as it is.
    #expect(try site()["iterations/sprint-2.html"]!.contains("<td>2</td>"))
  }

  /// A retrospective's actions name the iteration they are due by, linked, and an open action
  /// whose iteration has closed is flagged overdue.
  @Test func retroActionsLinkToTheirIterationAndOverdueOnesAreFlagged() throws {
    let open = try site()["retros/sprint-1.html"]!
    #expect(open.contains("due by <a href=\"../iterations/sprint-2.html\">Second sprint</a> · open</li>"))
    #expect(!open.contains("overdue"))
    let closed = """
      ---
      title: Second sprint
      start: 2026-04-01
      end: 2026-04-30
      status: closed
      items:
        - {usecase: water-sensors, target: test, effort: 2}
      ---

      """
    for (language, flag) in [(Language.en, "overdue"), (.fr, "en retard")] {
      let page = try site(["vision/iterations/sprint-2.md": closed], language: language)["retros/sprint-1.html"]!
      #expect(page.contains(" · <strong class=\"overdue\">\(flag)</strong></li>"), "\(language)")
    }
  }

  /// The index shows each objective's progress as an accessible bar with its percentage and
  /// its status, and what is next: the active and next iterations, their goals and items.
  /// The public index counts the members of a group it does not name: no « et » before nothing,
  /// and « nommé » agrees with their number.
  @Test func thePublicIndexCountsTheMembersItDoesNotName() throws {
    let operators = [
      "vision/stakeholders/harbour.md": "---\nname: Harbour office\ngroup: operator\n---\n",
      "vision/stakeholders/lifeguards.md": "---\nname: Lifeguards\ngroup: operator\n---\n",
    ]
    for (language, one, two) in [
      (Language.fr, "<li>1\u{A0}membre, non nommé ici</li>", "<li>2\u{A0}membres, non nommés ici</li>"),
      (.en, "<li>1 member, not named here</li>", "<li>2 members, not named here</li>"),
    ] {
      let index = try site(operators, language: language, audience: .public)["index.html"]!
      #expect(index.contains("<ul>\(one)</ul>"), "\(index)")
      #expect(index.contains("<ul>\(two)</ul>"), "\(index)")
    }
    // After names (were a group's members named one by one): the others.
    #expect(Wording(.fr).unnamedMembers(1, afterNames: true) == "et 1\u{A0}autre membre, non nommé ici")
    #expect(Wording(.fr).unnamedMembers(2, afterNames: true) == "et 2\u{A0}autres membres, non nommés ici")
    #expect(Wording(.en).unnamedMembers(2, afterNames: true) == "and 2 other members, not named here")
  }

  @Test func theIndexShowsProgressAndWhatIsNext() throws {
    let planned = """
      ---
      title: Third sprint
      start: 2026-05-01
      end: 2026-05-31
      status: planned
      goal: Every beach measured
      items:
        - {usecase: water-sensors, target: deployed}
      ---

      """
    for language in Language.allCases {
      let index = try site(["vision/iterations/sprint-3.md": planned], language: language)["index.html"]!
      let say = Wording(language)
      let progress = try #require(
        index.firstMatch(of: #/<progress max="100" value="(\d+)" aria-label="([^"]+)"></progress> ([^<]+)</#))
      #expect(String(progress.output.3) == say.percent(Double(progress.output.1)! / 100))
      #expect(progress.output.2.contains("Clean bathing water"))
      #expect(index.contains("Clean bathing water</a> <span class=\"tag\">\(ObjectiveStatus.active.word(say))</span>"))
      let next = try #require(
        index.components(separatedBy: "</section>").first { $0.contains(language == .fr ? "La suite" : "What is next") }
      )
      #expect(next.contains("<a href=\"iterations/sprint-2.html\">Second sprint</a>"))
      #expect(next.contains("<a href=\"iterations/sprint-3.html\">Third sprint</a>"))
      #expect(next.contains("<p>Every beach measured</p>"))
      #expect(next.contains("<a href=\"usecases/water-sensors.html\">Water quality sensors</a> — "))
      #expect(!next.contains("First sprint"))  // closed: behind, not next
    }
  }

  /// People, iterations, workshops and objectives are named by their titles: their ids stand
  /// only in addresses (and in the findings of `steer check`, which quote the ledger).
  @Test(arguments: Language.allCases)
  func everythingIsNamedByItsTitle(language: Language) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FileManager.default.copyItem(atPath: referenceCopy + "/vision", toPath: directory.path + "/vision")
    let session = try SteerTests.session(directory.path, ledger: "vision", language: language)
    let ledger = try session.loadLedger().ledger
    _ = try session.site(audience: .technical, to: "site", today: Self.day)
    // Ids that are words of the language too (`sauveteurs`) may stand in prose.
    let ids =
      (ledger.stakeholders.map(\.id) + ledger.iterations.map(\.id) + ledger.workshops.map(\.id)
      + ledger.objectives.map(\.id)).filter { $0.contains("-") || $0.contains(where: \.isNumber) }
    for path in try FileManager.default.subpathsOfDirectory(atPath: directory.path + "/site")
    where path.hasSuffix(".html") && path != "findings.html" {
      let words = Set(text(try directory.read("site/" + path)).split { $0.isWhitespace || ",.;:()«»".contains($0) })
      let named = ids.filter { words.contains(Substring($0)) }
      #expect(named.isEmpty, "\(path) names \(named)")
    }
  }

  /// Ledger text is text on every page: a title full of markup is shown, never run.
  @Test func ledgerTextIsEscaped() throws {
    let pages = try site([
      "vision/usecases/water-sensors.md": """
      ---
      title: "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
      objectives: [clean-water]
      phase: prototype
      owner: mayor
      ---
      <script>alert(3)</script>

      """
    ])
    for (path, html) in pages {
      #expect(!html.contains("<script") && !html.contains("<img"), "\(path)")
    }
    #expect(pages["usecases/water-sensors.html"]!.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img"))
  }

  /// A team's templates replace the bundled ones of the same name; the others stay.
  @Test func aTeamsTemplatesReplaceTheBundledOnes() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("look/part.mustache", "{{% CONTENT_TYPE: HTML}}\n[{{text}}]")
    try directory.write("look/style.css", "body { color: black; }\n")
    try directory.write("look/notes.txt", "not a template\n")
    let session = try SteerTests.session(directory.path)
    _ = try session.site(audience: .technical, to: "site", templates: "look", today: Self.day)
    let page = try directory.read("site/usecases/water-sensors.html")
    #expect(page.hasPrefix("<!DOCTYPE html>"))  // the bundled frame
    #expect(page.contains("<dd>[Residents&#39; council]</dd>"))  // the team's part
    #expect(try directory.read("site/style.css") == "body { color: black; }\n")
    try directory.write("broken/section.mustache", "{{#sections}}")
    #expect(throws: SteerError.self) {
      try session.site(audience: .technical, to: "site", templates: "broken", today: Self.day)
    }
    #expect(throws: SteerError.self) {
      try session.site(audience: .technical, to: "site", templates: "missing", today: Self.day)
    }
  }
}
