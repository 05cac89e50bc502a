import Foundation
import SteerHistory
import SteerKit
import SteerModel
import SteerSummary
import SteerWriting
import Testing

/// `steer site`: the ledger as pages people browse (README, "The ledger as a site").
@Suite struct SiteTests {
  static let day = CalendarDate(year: 2026, month: 11, day: 21)!

  /// Every file of a written site, by path from its root.
  func files(in directory: String) throws -> [String: String] {
    var files: [String: String] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: directory) where path.hasSuffix(".html") {
      files[path] = try String(contentsOfFile: directory + "/" + path, encoding: .utf8)
    }
    return files
  }

  /// Every `href` and `src` of a page.
  func links(in html: String) -> [String] {
    html.matches(of: /(?:href|src)="([^"]*)"/).map { String($0.output.1) }
  }

  @Test(arguments: ["technical", "public"])
  func everyLinkIsRelativeAndLeadsToAPage(audience: String) throws {
    let out = try TemporaryDirectory()
    defer { out.remove() }
    let result = try run(
      steerExecutable, ["site", "--out", out.path + "/site", "--audience", audience, "--lang", "fr"], in: referenceCopy)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("Écrit"))
    let pages = try files(in: out.path + "/site")
    #expect(pages.count > 50)
    var checked = 0
    for (path, html) in pages {
      let directory = URL(fileURLWithPath: out.path + "/site/" + path).deletingLastPathComponent()
      for link in links(in: html) {
        // A council's deliberation is the one page the site links out to: it is the council's.
        if link.hasPrefix("https://") {
          #expect(path.hasPrefix("decisions/") && html.contains(">Lire la délibération</a>"), "\(path): \(link)")
          continue
        }
        #expect(!link.contains("://") && !link.hasPrefix("/"), "\(path): \(link) is not relative")
        let target = directory.appendingPathComponent(String(link.split(separator: "#").first ?? "")).standardized
        #expect(FileManager.default.fileExists(atPath: target.path), "\(path): \(link) leads nowhere")
        checked += 1
      }
      #expect(html.contains("<main>") && html.contains("<nav aria-label="), "\(path): landmarks")
      #expect(!html.contains("<script"), "\(path): no script")
      #expect(!html.contains("\u{1}"), "\(path): every link's root was written")
    }
    #expect(checked > 500)
    // The public edition shows what citizens should see: no findings, no actions, and names
    // only elected officials and management.
    if audience == "public" {
      #expect(pages["findings.html"] == nil)
      for name in ["Conseil citoyen du littoral", "Association Vélo Port-Sablon", "Régie des eaux de Port-Sablon"] {
        #expect(!pages.values.contains { $0.contains(name) }, "\(name) is named")
      }
      #expect(pages["vision.html"]!.contains("Un membre du groupe «\u{A0}citoyens\u{A0}» émet des réserves"))
    } else {
      #expect(pages["findings.html"] != nil)
      #expect(pages["stakeholders/conseil-citoyen.html"] != nil)
    }
  }

  /// The site of the ledger `steer init` writes (no workshop, iteration or lesson yet) says what
  /// it lacks rather than show an empty table, section or page.
  @Test func aNewLedgersSiteSaysWhatItLacks() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    #expect(try run(steerExecutable, ["init", "--lang", "fr"], in: directory.path).status == 0)
    let site = directory.path + "/site"
    #expect(try run(steerExecutable, ["site", "--out", site], in: directory.path).status == 0)
    let pages = try files(in: site)
    #expect(!pages.isEmpty)
    for (page, html) in pages {
      #expect(!html.contains("<tbody></tbody>") && !html.contains("</h2>\n\n</section>"), "\(page)")
      #expect(!html.contains("</h1>\n</main>"), "\(page)")
    }
    #expect(pages["roadmap.html"]?.contains("Aucune itération n&#39;est encore planifiée.") == true)
    #expect(pages["lessons.html"]?.contains("<p>Rien pour l&#39;instant.</p>") == true)
  }

  /// A page of each kind, in each language (the English goldens without a language suffix).
  @Test(arguments: Language.allCases)
  func pagesMatchTheirGoldenFiles(language: Language) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    // Bodies and a workshop title, so that every page shows everything it can.
    try directory.write(
      "vision/workshops/kickoff.md",
      "---\ntitle: \"Beaches: where to start\"\ndate: 2026-02-01\nphase: analysis\nusecases: [water-sensors]\n"
        + "participants: [mayor, residents]\nfacilitator: mayor\ndecisions: [\"Start with two beaches\"]\n---\n"
        + "Minutes shared with *every* participant.\n")
    try directory.write(
      "vision/stakeholders/residents.md",
      "---\nname: Residents' council\ngroup: citizen\npriorities: {clean-water: 4}\n---\nTwenty residents.\n")
    let session = try session(directory.path, language: language)
    _ = try session.site(audience: .technical, to: directory.path + "/site", today: Self.day)
    for page in [
      "index.html", "usecases/water-sensors.html", "stakeholders/residents.html", "objectives/clean-water.html",
      "workshops/kickoff.html", "iterations/sprint-1.html", "retros/sprint-1.html", "roadmap.html",
    ] {
      let name = "site-" + page.replacingOccurrences(of: "/", with: "-")
      try expectGolden(
        try directory.read("site/" + page),
        language == .en ? name : name.replacingOccurrences(of: ".html", with: ".fr.html"))
    }
  }

  @Test func aUseCasesJourneyFollowsTheRecordedIterations() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    _ = try session(directory.path).recordRetro(RecordRequest(iteration: "sprint-1"))
    try directory.write(
      "vision/retros/sprint-2.md",
      "---\ndate: 2026-05-02\nparticipants: [mayor]\ndelivered:\n  - {usecase: water-sensors, phase: test}\n---\n")
    _ = try session(directory.path).recordRetro(RecordRequest(iteration: "sprint-2", close: true))
    let tagged = try git(["rev-list", "-n", "1", "steer/iteration/sprint-2"], in: directory.path)
    _ = try session(directory.path, language: .en).site(
      audience: .technical, to: directory.path + "/out", today: Self.day)
    let page = try directory.read("out/usecases/water-sensors.html")
    let journey = try #require(page.components(separatedBy: ">Journey</h2>").dropFirst().first)
    #expect(journey.contains("2 May 2026 — reached test (<a href=\"../iterations/sprint-2.html\">Second sprint</a>)"))
    #expect(journey.contains("<code>\(tagged.prefix(10))</code>"))
    #expect(journey.contains("<a href=\"../workshops/kickoff.html\">"))
  }

  /// Element ids are unique on every page and summary, trends and journeys drawn (two
  /// recorded iterations): a duplicate breaks the labels screen readers read.
  @Test func everyIdIsUniqueOnEveryPage() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    _ = try session(directory.path).recordRetro(RecordRequest(iteration: "sprint-1"))
    try directory.write(
      "vision/retros/sprint-2.md",
      "---\ndate: 2026-05-02\nparticipants: [mayor]\ndelivered:\n  - {usecase: water-sensors, phase: test}\n---\n")
    _ = try session(directory.path).recordRetro(RecordRequest(iteration: "sprint-2", close: true))
    var pages: [(String, String)] = []
    for audience in Audience.allCases {
      let html = try session(directory.path, language: .fr).summary(
        SummaryRequest(format: .html, audience: audience, since: "HEAD~1", today: Self.day))
      pages.append(("summary-\(audience.rawValue)", html))
    }
    _ = try session(directory.path, language: .fr).site(audience: .technical, to: "out", today: Self.day)
    let site = directory.path + "/out"
    for page in FileManager.default.enumerator(atPath: site)?.compactMap({ $0 as? String }) ?? []
    where page.hasSuffix(".html") {
      pages.append((page, try String(contentsOfFile: site + "/" + page, encoding: .utf8)))
    }
    #expect(pages.count > 10)
    for (name, html) in pages {
      let ids = html.matches(of: #/ id="([^"]*)"/#).map { String($0.output.1) }
      let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
      #expect(repeated.isEmpty, "\(name) repeats ids \(repeated)")
    }
  }

  @Test func aSiteIsWrittenOnlyWhereASiteWas() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("elsewhere/notes.txt", "mine\n")
    let session = try session(directory.path, language: .fr)
    #expect(throws: SteerError.self) { try session.site(audience: .technical, to: "elsewhere", today: Self.day) }
    #expect(try directory.read("elsewhere/notes.txt") == "mine\n")
    #expect(throws: SteerError.self) { try session.site(audience: .elected, to: "out", today: Self.day) }
    // Written twice: the page of a use case gone since is removed.
    _ = try session.site(audience: .technical, to: "out", today: Self.day)
    #expect(FileManager.default.fileExists(atPath: directory.path + "/out/usecases/water-sensors.html"))
    try FileManager.default.removeItem(atPath: directory.path + "/vision/usecases/water-sensors.md")
    _ = try self.session(directory.path).site(audience: .technical, to: "out", today: Self.day)
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/usecases/water-sensors.html"))
  }

  func session(_ directory: String, language: Language? = nil) throws -> Session {
    try SteerTests.session(directory, language: language)
  }
}
