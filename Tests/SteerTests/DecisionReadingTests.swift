import Foundation
import SteerKit
import SteerModel
import SteerSummary
import Testing

/// The decision register where people read it: the site's register and a page per decision,
/// the pages that list the decisions concerning them, the summaries and `steer diff`.
@Suite struct DecisionReadingTests {
  static let day = CalendarDate(year: 2026, month: 11, day: 21)!

  /// A partner the decision consults, who took part in no workshop.
  static let lab = "---\nname: Coastal lab\ngroup: partner\n---\n"

  static let oldApp = """
    ---
    title: Inform by a mobile app
    date: 2026-02-10
    status: superseded
    decided_by: [mayor]
    concerns: [water-sensors]
    ---

    """

  static let openData = """
    ---
    title: Open the sensors' data
    date: 2026-04-10
    status: accepted
    decided_by: [mayor]
    consulted: [residents, lab]
    informed: [lab]
    workshops: [kickoff]
    concerns: [water-sensors, clean-water, sprint-2, beaches]
    supersedes: [old-app]
    options:
      - "Publish aggregates only"
      - "Publish the raw measurements"
    deliberation:
      body: Conseil municipal
      reference: "2026-12"
      date: 2026-04-14
      members: 33
      present: 29
      for: 25
      against: 2
      abstention: 2
      url: https://example.org/deliberations/2026-12
    ---
    ## Context

    The residents asked for the *raw* measurements.

    """

  static let parking = """
    ---
    title: A sensor on every parking space
    date: 2026-04-20
    status: proposed
    decided_by: [mayor]
    ---

    """

  /// The minimal ledger with the register written over it.
  func ledger() throws -> TemporaryDirectory {
    let directory = try fixtureLedger()
    try directory.write("vision/stakeholders/lab.md", Self.lab)
    try directory.write("vision/decisions/old-app.md", Self.oldApp)
    try directory.write("vision/decisions/open-data.md", Self.openData)
    try directory.write("vision/decisions/parking.md", Self.parking)
    return directory
  }

  func site(_ language: Language = .en, audience: Audience = .technical) throws -> [String: String] {
    let directory = try ledger()
    defer { directory.remove() }
    _ = try session(directory.path, language: language).site(audience: audience, to: "site", today: Self.day)
    var pages: [String: String] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: directory.path + "/site")
    where path.hasSuffix(".html") {
      pages[path] = try directory.read("site/" + path)
    }
    return pages
  }

  /// A page's text as a reader sees it, its spaces made plain.
  func text(_ html: String) -> String {
    html.replacing(#/<[^>]*>/#, with: " ").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
      .replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
      .replacing(#/\s+/#, with: " ")
  }

  @Test(arguments: Language.allCases)
  func aDecisionsPageMatchesItsGoldenFile(language: Language) throws {
    let pages = try site(language)
    let name = "site-decisions-open-data" + (language == .en ? ".html" : ".fr.html")
    try expectGolden(try #require(pages["decisions/open-data.html"]), name)
  }

  @Test func aDecisionsPageSaysWhoDecidedWhoWasConsultedAndTheVote() throws {
    let page = text(try #require(try site()["decisions/open-data.html"]))
    for expected in [
      "Status accepted", "Decided by The mayor", "Informed Coastal lab",
      "Prepared in Workshop of 1 February 2026", "Supersedes Inform by a mobile app",
      "Residents' council — took part in the workshop", "Coastal lab — did not take part in the workshop",
      "Conseil municipal, deliberation no. 2026-12 — 14 April 2026",
      "Vote: 33 members, 29 present; 25 for, 2 against, 2 abstentions.", "Publish the raw measurements",
    ] {
      #expect(page.contains(expected), "\(expected)")
    }
    // Its concerns, each linked to its page (a rollout step to the vision's).
    let html = try #require(try site()["decisions/open-data.html"])
    for href in [
      "../usecases/water-sensors.html", "../objectives/clean-water.html", "../iterations/sprint-2.html",
      "../vision.html", "../workshops/kickoff.html", "../decisions/old-app.html",
      "https://example.org/deliberations/2026-12",
    ] {
      #expect(html.contains("href=\"\(href)\""), "\(href)")
    }
  }

  @Test func theRegisterIsATimelineWithStatusesInWords() throws {
    let register = text(try #require(try site(.fr)["decisions.html"]))
    #expect(register.contains("Registre des décisions 2026"))
    #expect(
      register.contains("10 avril 2026 — Open the sensors' data adoptée · Conseil municipal, délibération n° 2026-12"))
    #expect(register.contains("10 février 2026 — Inform by a mobile app remplacée"))
    #expect(register.contains("20 avril 2026 — A sensor on every parking space proposée"))
    let order = ["Inform by a mobile app", "Open the sensors' data", "A sensor on every parking space"].map {
      register.range(of: $0)!.lowerBound
    }
    #expect(order == order.sorted())
  }

  /// Each use case, objective, iteration and workshop lists the decisions that concern it or
  /// that it prepared; a superseded decision names the one that replaced it, once.
  @Test func theDocumentsADecisionConcernsListIt() throws {
    let pages = try site()
    for (page, first) in [
      ("usecases/water-sensors.html", "Decisions 10 February 2026 — Inform by a mobile app superseded"),
      ("objectives/clean-water.html", "Decisions 10 April 2026"),
      ("iterations/sprint-2.html", "Decisions 10 April 2026"),
      ("workshops/kickoff.html", "Decisions it prepared 10 April 2026"),
    ] {
      let html = try #require(pages[page])
      #expect(text(html).contains(first), "\(page)")
      #expect(text(html).contains("10 April 2026 — Open the sensors' data accepted"), "\(page)")
      // Listed in its section, not again among the documents that name the page.
      #expect(html.components(separatedBy: "href=\"../decisions/open-data.html\"").count == 2, "\(page)")
    }
    // The workshop's own notes stay on its page.
    #expect(text(pages["workshops/kickoff.html"]!).contains("Decisions noted in the room Start with two beaches"))
    let old = try #require(pages["decisions/old-app.html"])
    #expect(text(old).contains("Superseded by Open the sensors' data"))
    #expect(!old.contains("id=\"backlinks\""))
  }

  /// The public edition names only elected officials and management: the others stand as their group.
  @Test func thePublicDecisionPageNamesOnlyWhomItMay() throws {
    let page = text(try #require(try site(.fr, audience: .public)["decisions/open-data.html"]))
    #expect(!page.contains("Residents' council") && !page.contains("Coastal lab"))
    #expect(page.contains("1 membre du groupe « citoyens » — a participé à l'atelier"))
    #expect(page.contains("1 membre du groupe « partenaires » — n'a pas participé à l'atelier"))
    #expect(page.contains("Décidée par The mayor"))
  }

  func summary(_ audience: Audience, _ language: Language = .en, format: SummaryFormat = .md, since: String? = nil)
    throws -> String
  {
    let directory = try ledger()
    defer { directory.remove() }
    return try summary(audience, language, format: format, since: since, in: directory.path)
  }

  func summary(_ audience: Audience, _ language: Language, format: SummaryFormat = .md, since: String?, in path: String)
    throws -> String
  {
    try session(path, language: language).summary(
      SummaryRequest(format: format, audience: audience, since: since, today: Self.day)
    )
    .replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
  }

  /// Since the last closed iteration's end (31 March): the accepted decisions by their titles
  /// for the elected officials (one line) and the public; every one with its status for the technical edition.
  @Test func theSummariesListTheDecisionsTakenSinceTheLastCommittee() throws {
    let elected = try summary(.elected)
    #expect(elected.contains("**Decisions adopted since 31 March 2026** — Open the sensors' data\n"))
    #expect(!elected.contains("parking space") && !elected.contains("open-data"))
    let french = try summary(.elected, .fr)
    #expect(french.contains("**Décisions adoptées depuis le 31 mars 2026** — Open the sensors' data\n"))
    let html = try summary(.elected, format: .html)
    #expect(
      html.contains(
        "<p class=\"register-line\"><strong>Decisions adopted since 31 March 2026</strong> — Open the sensors&#39; data</p>"
      ))
    let citizens = try summary(.public)
    #expect(
      citizens.contains(
        "### Decisions adopted since 31 March 2026\n\n- 10 April 2026 — Open the sensors' data — Conseil municipal, deliberation no. 2026-12\n\n"
      ))
    #expect(!citizens.contains("parking space") && !citizens.contains("mobile app"))
    let technical = try summary(.technical)
    #expect(technical.contains("### Decisions since 31 March 2026\n"))
    #expect(technical.contains("- 10 April 2026 — Open the sensors' data (accepted) `open-data`"))
    #expect(technical.contains("- 20 April 2026 — A sensor on every parking space (proposed) `parking`"))
    #expect(!technical.contains("Inform by a mobile app (superseded)"))
  }

  @Test func aPeriodWithoutADecisionSaysSo() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("vision/decisions/parking.md", Self.parking)
    let elected = try summary(.elected, .fr, since: nil, in: directory.path)
    #expect(elected.contains("**Décisions adoptées depuis le 31 mars 2026** — Aucune décision sur la période.\n"))
  }

  /// An iteration closed before its end: the period starts at the earliest of its end, its
  /// retrospective's date and today, never on a date still to come.
  @Test func aPeriodNeverStartsInTheFuture() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let sprint = try directory.read("vision/iterations/sprint-1.md")
    try directory.write(
      "vision/iterations/sprint-1.md", sprint.replacingOccurrences(of: "end: 2026-03-31", with: "end: 2026-12-31"))
    let retro = try directory.read("vision/retros/sprint-1.md")
    try FileManager.default.removeItem(atPath: directory.path + "/vision/retros/sprint-1.md")
    func decision(_ title: String, _ date: String) -> String {
      "---\ntitle: \(title)\ndate: \(date)\nstatus: accepted\ndecided_by: [mayor]\n---\n"
    }
    try directory.write("vision/decisions/beaches.md", decision("Open the beaches", "2026-12-07"))
    try directory.write("vision/decisions/car-park.md", decision("Close the car park", "2026-12-05"))
    func summary(_ audience: Audience, _ language: Language) throws -> String {
      try session(directory.path, language: language).summary(
        SummaryRequest(format: .md, audience: audience, today: CalendarDate(year: 2026, month: 12, day: 7)!)
      )
      .replacingOccurrences(of: "\u{A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }
    // No retrospective: today starts the period, and today's decision belongs to it.
    #expect(
      try summary(.elected, .fr).contains("**Décisions adoptées depuis le 7 décembre 2026** — Open the beaches\n"))
    #expect(try summary(.elected, .en).contains("**Decisions adopted since 7 December 2026** — Open the beaches\n"))
    #expect(try summary(.public, .fr).contains("### Décisions adoptées depuis le 7 décembre 2026\n\n- 7 décembre 2026"))
    #expect(try summary(.public, .en).contains("### Decisions adopted since 7 December 2026\n\n- 7 December 2026"))
    #expect(try summary(.technical, .fr).contains("### Décisions depuis le 7 décembre 2026\n"))
    #expect(try summary(.technical, .en).contains("### Decisions since 7 December 2026\n"))
    // The retrospective, held on 4 December, starts it.
    try directory.write(
      "vision/retros/sprint-1.md", retro.replacingOccurrences(of: "date: 2026-04-02", with: "date: 2026-12-04"))
    #expect(
      try summary(.elected, .fr).contains(
        "**Décisions adoptées depuis le 4 décembre 2026** — Close the car park · Open the beaches\n"))
    #expect(
      try summary(.elected, .en).contains(
        "**Decisions adopted since 4 December 2026** — Close the car park · Open the beaches\n"))
  }

  /// The register as a committee last saw it, committed; then a decision entered, one
  /// superseded, one adopted.
  func changedRegister() throws -> TemporaryDirectory {
    let directory = try fixtureLedger()
    try directory.write("vision/stakeholders/lab.md", Self.lab)
    try directory.write(
      "vision/decisions/old-app.md", Self.oldApp.replacingOccurrences(of: "superseded", with: "accepted"))
    try directory.write("vision/decisions/parking.md", Self.parking)
    try git(["init", "-q"], in: directory.path)
    try git(["config", "user.name", "Claire Morvan"], in: directory.path)
    try git(["config", "user.email", "claire@example.org"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "committee"], in: directory.path)
    try directory.write("vision/decisions/old-app.md", Self.oldApp)
    try directory.write("vision/decisions/open-data.md", Self.openData)
    try directory.write(
      "vision/decisions/parking.md", Self.parking.replacingOccurrences(of: "proposed", with: "accepted"))
    return directory
  }

  @Test func diffShowsDecisionsEnteredTheirStatusAndSupersessions() throws {
    let directory = try changedRegister()
    defer { directory.remove() }
    let french = try run(steerExecutable, ["diff", "HEAD", "--lang", "fr"], in: directory.path).stdout
      .replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
    #expect(
      french.contains(
        """
        DÉCISIONS

        - Inform by a mobile app (old-app) : adoptée → remplacée
        - Open the sensors' data (open-data) : nouvelle, adoptée
        - A sensor on every parking space (parking) : proposée → adoptée
        - « Open the sensors' data » (open-data) remplace « Inform by a mobile app » (old-app)

        """), "\(french)")
    // Titles inside a sentence are quoted, as the summary's "since" section quotes them.
    let english = try run(steerExecutable, ["diff", "HEAD", "--lang", "en"], in: directory.path).stdout
    #expect(english.contains("- “Open the sensors' data” (open-data) supersedes “Inform by a mobile app” (old-app)\n"))
    let json = try run(steerExecutable, ["diff", "HEAD", "--format", "json"], in: directory.path).stdout
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let decisions = try #require(object["decisions"] as? [[String: Any]])
    #expect(
      decisions.map { "\($0["decision"]!) \($0["from"] is NSNull ? "new" : "\($0["from"]!)") → \($0["to"]!)" } == [
        "old-app accepted → superseded", "open-data new → accepted", "parking proposed → accepted",
      ])
    let supersessions = try #require(object["supersessions"] as? [[String: Any]])
    #expect(supersessions.count == 1)
    #expect(supersessions.first?["decision"] as? String == "open-data")
    #expect(supersessions.first?["supersedes"] as? [String] == ["old-app"])
    #expect((object["removed_decisions"] as? [String])?.isEmpty == true)
  }

  /// With `--since`, the decisions taken are those the diff finds entered or changed.
  @Test func summarySinceARevisionListsTheRegistersChanges() throws {
    let directory = try changedRegister()
    defer { directory.remove() }
    let technical = try summary(.technical, .en, since: "HEAD", in: directory.path)
    #expect(technical.contains("### Decisions since HEAD\n"))
    #expect(technical.contains("- 10 February 2026 — Inform by a mobile app (superseded) `old-app`"))
    #expect(technical.contains("- Open the sensors' data — new, accepted\n"))
    #expect(technical.contains("- Open the sensors' data — supersedes “Inform by a mobile app”\n"))
    let elected = try summary(.elected, .fr, since: "HEAD", in: directory.path)
    #expect(
      elected.contains(
        "**Décisions adoptées depuis la révision HEAD** — Open the sensors' data · A sensor on every parking space\n"))
  }
}
