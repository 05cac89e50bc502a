import Foundation
import SteerKit
import SteerMetrics
import SteerModel
import Testing

/// A region's ledger reading its communes' ledgers, each in its own repository at a pinned
/// revision (ledger-format.md, Federation).
@Suite struct FederationTests {
  /// A region and its communes, side by side in `directory`, each a repository of the minimal
  /// ledger: commune-a pinned at tag v1 (a later commit must not show), commune-b at its HEAD,
  /// with an error of its own.
  func territory(_ directory: TemporaryDirectory) throws {
    for name in ["region", "commune-a", "commune-b"] {
      try directory.copyFixture("minimal")
      try FileManager.default.moveItem(atPath: directory.path + "/vision", toPath: directory.path + "/\(name)-vision")
      try FileManager.default.createDirectory(atPath: directory.path + "/\(name)", withIntermediateDirectories: true)
      try FileManager.default.moveItem(
        atPath: directory.path + "/\(name)-vision", toPath: directory.path + "/\(name)/vision")
    }
    let objective = "vision/objectives/clean-water.md"
    func contribute(_ commune: String, to target: String) throws {
      let text = try directory.read("\(commune)/\(objective)")
      try directory.write(
        "\(commune)/\(objective)",
        text.replacingOccurrences(of: "owner: mayor\n", with: "owner: mayor\ncontributes_to: [\(target)]\n"))
    }
    try contribute("commune-a", to: "clean-watter")
    // commune-a is read by its territory, commune-b by the title the region gives it.
    try directory.write(
      "commune-a/vision/vision.md",
      try directory.read("commune-a/vision/vision.md").replacingOccurrences(
        of: "territory: Seaside", with: "territory: Aiglun"))
    try git(["init", "-q"], in: directory.path + "/commune-a")
    try git(["add", "-A"], in: directory.path + "/commune-a")
    try git(["commit", "-q", "-m", "v1"], in: directory.path + "/commune-a")
    try git(["tag", "v1"], in: directory.path + "/commune-a")
    // Fixed after the tag: the region reads v1, so the typo stands.
    let fixed = try directory.read("commune-a/\(objective)").replacingOccurrences(
      of: "clean-watter", with: "clean-water")
    try directory.write("commune-a/\(objective)", fixed)
    try git(["commit", "-q", "-am", "fixed"], in: directory.path + "/commune-a")

    try contribute("commune-b", to: "clean-water")
    try directory.write(
      "commune-b/vision/usecases/water-sensors.md",
      try directory.read("commune-b/vision/usecases/water-sensors.md").replacingOccurrences(
        of: "phase: prototype", with: "phase: prototyp"))
    try git(["init", "-q"], in: directory.path + "/commune-b")
    try git(["add", "-A"], in: directory.path + "/commune-b")
    try git(["commit", "-q", "-m", "b"], in: directory.path + "/commune-b")

    try directory.write(
      "region/.steer.yaml",
      """
      federation:
        - {name: commune-a, repository: ../commune-a, revision: v1}
        - {name: commune-b, repository: ../commune-b, title: Commune de Barles}

      """)
  }

  /// A commit in commune-a moves its contribution to a second region objective, `air-quality`,
  /// which the region then declares and nothing else serves.
  func serveAirQuality(_ directory: TemporaryDirectory) throws {
    let objective = "commune-a/vision/objectives/clean-water.md"
    try directory.write(
      objective,
      try directory.read(objective).replacingOccurrences(
        of: "contributes_to: [clean-water]", with: "contributes_to: [air-quality]"))
    try git(["commit", "-q", "-am", "air"], in: directory.path + "/commune-a")
    try directory.write(
      "region/vision/objectives/air-quality.md", "---\ntitle: Qualité de l'air\naxis: data\nowner: mayor\n---\n")
  }

  @Test func aDanglingContributionIsReportedAtTheMembersFile() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let result = try run(steerExecutable, ["check", "--format", "json"], in: directory.path + "/region")
    #expect(result.status == 1, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let all = json["diagnostics"] as! [[String: Any]]
    // commune-b's own schema error is its own committee's; the region is warned at its entry.
    let warning = all.filter { $0["rule"] as? String == "federation-member" }
    #expect(warning.count == 1)
    #expect(warning.first?["severity"] as? String == "warning")
    #expect(warning.first?["file"] as? String == ".steer.yaml" && warning.first?["line"] as? Int == 3)
    #expect(
      warning.first?["message"] as? String
        == "the ledger of federation member 'commune-b' has reading errors; its figures leave out vision/usecases/water-sensors.md"
    )
    #expect(warning.first?["hint"] as? String == "run `steer check --members`")
    let diagnostics = all.filter { $0["rule"] as? String != "federation-member" }
    #expect(diagnostics.count == 1)
    #expect(diagnostics[0]["rule"] as? String == "dangling-reference")
    #expect(diagnostics[0]["file"] as? String == "commune-a:vision/objectives/clean-water.md")
    #expect(diagnostics[0]["line"] as? Int == 5)
    #expect(diagnostics[0]["hint"] as? String == "did you mean 'clean-water'?")
    // In every format: the text report quotes the member's line.
    let text = try run(steerExecutable, ["check", "--lang", "fr"], in: directory.path + "/region")
    #expect(text.stdout.contains("commune-a:vision/objectives/clean-water.md:5:18: erreur[dangling-reference]"))
    #expect(text.stdout.contains("contributes_to: [clean-watter]"))
    #expect(
      text.stdout.contains(
        "de la fédération comporte des erreurs de lecture\u{202F}; ses chiffres laissent de côté vision/usecases/water-sensors.md"
      ),
      "\(text.stdout)")
    let sarif = try run(steerExecutable, ["check", "--format", "sarif"], in: directory.path + "/region")
    // A relative URI: the colon is escaped, or it would read as a scheme.
    #expect(sarif.stdout.contains("\"uri\": \"commune-a%3Avision/objectives/clean-water.md\""))
    // GitHub escapes the colon of a workflow command's property; GitLab and JUnit keep the path.
    let github = try run(steerExecutable, ["check", "--format", "github"], in: directory.path + "/region")
    #expect(github.stdout.contains("::error file=commune-a%3Avision/objectives/clean-water.md,line=5,col=18"))
    let gitlab = try run(steerExecutable, ["check", "--format", "gitlab"], in: directory.path + "/region")
    #expect(gitlab.stdout.contains("\"path\": \"commune-a:vision/objectives/clean-water.md\""))
    let junit = try run(steerExecutable, ["check", "--format", "junit"], in: directory.path + "/region")
    #expect(
      junit.stdout.contains("<testcase classname=\"objective\" name=\"commune-a:vision/objectives/clean-water.md\">"))
  }

  @Test func membersAddTheirOwnFindings() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let session = try session(directory.path + "/region", language: .en)
    let members = try session.federationMembers().members
    #expect(members.map(\.member.name.value) == ["commune-a", "commune-b"])
    let files = try session.check(members: true).report.diagnostics.map { "\($0.rule) \($0.file)" }
    #expect(files.contains("schema commune-b:vision/usecases/water-sensors.md"))
    #expect(files.contains("dangling-reference commune-a:vision/objectives/clean-water.md"))
    #expect(!(try session.check().report.diagnostics.contains { $0.file.hasPrefix("commune-b:") }))
    // The summary line counts the documents the findings come from: the members' too.
    let own = try session.check().report.documentCount
    let theirs = members.compactMap { $0.loaded?.ledger.documentPaths.count }.reduce(0, +)
    #expect(theirs > 0)
    #expect(try session.check(members: true).report.documentCount == own + theirs)
  }

  @Test(arguments: [
    ("  - {name: commune-c, repository: ../commune-z}\n", "commune-c", "no git repository at ../commune-z"),
    ("  - {name: commune-c, repository: ../commune-c, revision: v9}\n", "commune-c", "revision 'v9' does not exist"),
    ("  - {name: commune-c, repository: 'https://example.org/c.git'}\n", "commune-c", "has not been fetched"),
  ])
  func aMemberThatCannotBeReadIsAnErrorAtItsEntry(entry: String, name: String, words: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    try git(["clone", "-q", "commune-a", "commune-c"], in: directory.path)
    let configuration = try directory.read("region/.steer.yaml")
    try directory.write("region/.steer.yaml", configuration + entry)
    let line = configuration.split(separator: "\n", omittingEmptySubsequences: false).count
    let result = try run(steerExecutable, ["check", "--lang", "en"], in: directory.path + "/region")
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.contains(".steer.yaml:\(line):"), "\(result.stdout)")
    #expect(result.stdout.contains("federation member '\(name)'") && result.stdout.contains(words), "\(result.stdout)")
    #expect(result.stdout.contains("federation-member"))
  }

  /// An unreadable member counts nowhere, and every command still runs: the peer comparison
  /// shows it as unavailable with the reason, in text, JSON and CSV; summary and site run.
  @Test func everyCommandRunsWithAnUnavailableMember() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let region = directory.path + "/region"
    try git(["clone", "-q", "commune-a", "commune-c"], in: directory.path)
    try directory.write(
      "region/.steer.yaml",
      try directory.read("region/.steer.yaml") + "  - {name: commune-c, repository: ../commune-c, revision: v9}\n")
    let text = try run(steerExecutable, ["metrics", "--lang", "en"], in: region)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(
      text.stdout.contains(
        "commune-c: unavailable: federation member 'commune-c': revision 'v9' does not exist in ../commune-c"),
      "\(text.stdout)")
    let french = try run(steerExecutable, ["metrics", "--lang", "fr"], in: region).stdout
    #expect(french.contains("commune-c\u{202F}: indisponible\u{202F}: membre «\u{A0}commune-c\u{A0}»"), "\(french)")
    let json = try run(steerExecutable, ["metrics", "--format", "json"], in: region)
    let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
    let federation = document["federation"] as! [String: Any]
    #expect((federation["members"] as! [Any]).count == 2)
    let unavailable = federation["unavailable"] as! [[String: Any]]
    #expect(unavailable.map { $0["name"] as? String } == ["commune-c"])
    #expect((unavailable.first?["reason"] as? String)?.contains("revision 'v9' does not exist") == true)
    let csv = try run(steerExecutable, ["metrics", "--format", "csv"], in: region).stdout
    #expect(csv.hasPrefix("metric,ledger,commune-a,commune-b,commune-c\n"), "\(csv)")
    #expect(csv.contains("\nunavailable,,,,federation member 'commune-c': revision 'v9'"), "\(csv)")
    let summary = try run(steerExecutable, ["summary", "--format", "md", "--lang", "fr"], in: region)
    #expect(summary.status == 0, "\(summary.stderr)")
    #expect(summary.stdout.contains("1 indisponible (commune-c)."), "\(summary.stdout)")
    // The data-quality line names the member that counts nowhere and the one whose figures are incomplete.
    #expect(
      summary.stdout.contains(
        "Membres\u{202F}: commune-c ne peut pas être lu et ne compte dans aucun chiffre\u{202F}; les chiffres de Commune de Barles sont incomplets (1\u{A0}fichier illisible)."
      ), "\(summary.stdout)")
    #expect(
      summary.stdout.contains("| commune-c | v9 | indisponible — membre «\u{A0}commune-c\u{A0}» de la fédération"),
      "\(summary.stdout)")
    // The elected edition names it, with why, under the headline.
    let elected = try run(
      steerExecutable, ["summary", "--format", "md", "--lang", "fr", "--audience", "elected"], in: region
    ).stdout
    #expect(
      elected.contains("- **commune-c** (indisponible) — membre «\u{A0}commune-c\u{A0}» de la fédération"),
      "\(elected)")
    let site = directory.path + "/site"
    #expect(try run(steerExecutable, ["site", "--out", site, "--lang", "en"], in: region).status == 0)
    let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
    #expect(index.contains("<td>commune-c</td><td>v9</td><td>unavailable — federation member"), "\(index)")
  }

  /// A member given by URL is read from its mirror, which only `steer federation fetch` updates:
  /// a revision that moves upstream shows once fetched, and the region's own work is untouched.
  @Test func aMemberGivenByURLIsReadFromWhatFederationFetchBrought() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let region = directory.path + "/region"
    try git(["init", "-q"], in: region)
    try git(["add", "-A"], in: region)
    try git(["commit", "-q", "-m", "region"], in: region)
    let url = "file://\(directory.path)/commune-a"
    try directory.write(
      "region/.steer.yaml",
      "federation:\n  - {name: commune-c, repository: '\(url)', revision: v1}\n  - {name: commune-d, repository: 'file://\(directory.path)/commune-b'}\n"
    )
    try git(["add", "-A"], in: region)
    try git(["commit", "-q", "-m", "members"], in: region)
    try directory.write("region/notes.txt", "work in progress\n")

    let before = try run(steerExecutable, ["check", "--lang", "fr"], in: region)
    #expect(before.status == 1)
    #expect(
      before.stdout.contains("n'a pas été récupéré") && before.stdout.contains("steer federation fetch commune-c"))

    let fetched = try run(steerExecutable, ["federation", "fetch", "--lang", "en"], in: region)
    #expect(fetched.status == 0, "\(fetched.stderr)")
    #expect(fetched.stdout.contains("commune-c: v1 ("), "\(fetched.stdout)")
    // Without a revision: the member's default branch.
    let branch = try git(["symbolic-ref", "--short", "HEAD"], in: directory.path + "/commune-b")
      .trimmingCharacters(in: .newlines)
    #expect(fetched.stdout.contains("commune-d: \(branch) ("), "\(fetched.stdout)")
    var check = try run(steerExecutable, ["check", "--format", "json"], in: region)
    #expect(check.status == 1)
    // At v1 the typo stands; at the branch's head it is fixed.
    #expect(check.stdout.contains("commune-c:vision/objectives/clean-water.md"))
    #expect(!check.stdout.contains("commune-d:"))

    // Upstream moves: a new tag, a branch made then deleted.
    try git(["tag", "v2"], in: directory.path + "/commune-a")
    try git(["branch", "draft"], in: directory.path + "/commune-a")
    try directory.write(
      "region/.steer.yaml", try directory.read("region/.steer.yaml").replacingOccurrences(of: "v1", with: "v2"))
    check = try run(steerExecutable, ["check", "--lang", "en"], in: region)
    #expect(check.status == 1)
    #expect(check.stdout.contains("revision 'v2' does not exist") && check.stdout.contains("steer federation fetch"))
    #expect(try run(steerExecutable, ["federation", "fetch"], in: region).status == 0)
    check = try run(steerExecutable, ["check"], in: region)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    let mirror = try mirrorPath("commune-c", in: region)
    #expect(try git(["branch", "--list", "draft"], in: mirror).contains("draft"))
    try git(["branch", "-D", "draft"], in: directory.path + "/commune-a")
    #expect(try run(steerExecutable, ["federation", "fetch", "commune-c"], in: region).status == 0)
    #expect(try git(["branch", "--list", "draft"], in: mirror).isEmpty)

    // The region's work tree, index and branches are as they were.
    #expect(try git(["status", "--porcelain"], in: region) == " M .steer.yaml\n?? notes.txt\n")
    #expect(try git(["branch", "--format=%(refname)"], in: region).split(separator: "\n").count == 1)
  }

  /// The mirror of a member given by URL: `.git/steer/federation/<name>-<the URL's key>`.
  func mirrorPath(_ name: String, in region: String) throws -> String {
    let mirrors = region + "/.git/steer/federation"
    let found = try FileManager.default.contentsOfDirectory(atPath: mirrors).filter { $0.hasPrefix(name + "-") }
    guard found.count == 1 else { throw CocoaError(.fileNoSuchFile) }
    return mirrors + "/" + found[0]
  }

  /// A tag the member moves upstream is not moved in the mirror (the commit a region pinned
  /// stays what it reads, and the fetch says so); a member pointed at another URL gets a mirror
  /// of its own, and the history that pinned the old URL still reads the old one.
  @Test func aMovedTagIsKeptAndANewURLIsANewMirror() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let region = directory.path + "/region"
    let commune = directory.path + "/commune-a"
    try directory.write(
      "region/.steer.yaml", "federation:\n  - {name: commune-c, repository: 'file://\(commune)', revision: v1}\n")
    try git(["init", "-q"], in: region)
    try git(["add", "-A"], in: region)
    try git(["commit", "-q", "-m", "region"], in: region)
    #expect(try run(steerExecutable, ["federation", "fetch"], in: region).status == 0)
    let pinned = try git(["rev-parse", "v1^{commit}"], in: commune).trimmingCharacters(in: .newlines)

    try git(["tag", "-f", "v1", "HEAD"], in: commune)
    let moved = try git(["rev-parse", "v1^{commit}"], in: commune).trimmingCharacters(in: .newlines)
    #expect(moved != pinned)
    let fetched = try run(steerExecutable, ["federation", "fetch", "--lang", "fr"], in: region)
    #expect(fetched.status == 0, "\(fetched.stderr)")
    #expect(
      fetched.stderr.contains(
        "a déplacé son étiquette «\u{A0}v1\u{A0}» de \(pinned.prefix(12)) vers \(moved.prefix(12))"),
      "\(fetched.stderr)")
    let mirror = try mirrorPath("commune-c", in: region)
    #expect(try git(["rev-parse", "v1^{commit}"], in: mirror).trimmingCharacters(in: .newlines) == pinned)

    try FileManager.default.copyItem(atPath: commune, toPath: directory.path + "/commune-a-moved")
    try directory.write(
      "region/.steer.yaml",
      "federation:\n  - {name: commune-c, repository: 'file://\(directory.path)/commune-a-moved', revision: v1}\n")
    try git(["commit", "-q", "-am", "moved"], in: region)
    #expect(try run(steerExecutable, ["federation", "fetch"], in: region).status == 0)
    let mirrors = try FileManager.default.contentsOfDirectory(atPath: region + "/.git/steer/federation")
    #expect(mirrors.filter { $0.hasPrefix("commune-c-") }.count == 2, "\(mirrors)")
    #expect(try run(steerExecutable, ["metrics", "--rev", "HEAD~1"], in: region).status == 0)
  }

  @Test func aFetchThatFailsNamesTheMemberAndLeavesNoMirror() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let region = directory.path + "/region"
    try git(["init", "-q"], in: region)
    try directory.write(
      "region/.steer.yaml", "federation:\n  - {name: commune-e, repository: 'file://\(directory.path)/nowhere'}\n")
    let fetched = try run(steerExecutable, ["federation", "fetch", "--lang", "fr"], in: region)
    #expect(fetched.status == 2)
    #expect(fetched.stderr.contains("le membre «\u{A0}commune-e\u{A0}» de la fédération n'a pas pu être récupéré"))
    #expect(throws: (any Error).self) { try mirrorPath("commune-e", in: region) }
    // An empty repository has no default branch to read.
    try git(["init", "-q", "--bare", directory.path + "/empty.git"], in: directory.path)
    try directory.write(
      "region/.steer.yaml",
      try directory.read("region/.steer.yaml")
        + "  - {name: commune-g, repository: 'file://\(directory.path)/empty.git'}\n")
    let empty = try run(steerExecutable, ["federation", "fetch", "commune-g", "--lang", "fr"], in: region)
    #expect(empty.status == 2)
    #expect(empty.stderr.contains("n'a pas de branche par défaut"), "\(empty.stderr)")
    let unknown = try run(steerExecutable, ["federation", "fetch", "commune-f", "--lang", "fr"], in: region)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("vouliez-vous dire «\u{A0}commune-e\u{A0}»"), "\(unknown.stderr)")
  }

  @Test func eachMembersFiguresAreWhatItsOwnRepositoryComputesAtThatRevision() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    // commune-b has a reading error: its figures leave that use case out, as its own run does.
    let region = try run(steerExecutable, ["metrics", "--format", "json"], in: directory.path + "/region")
    let document = try JSONSerialization.jsonObject(with: Data(region.stdout.utf8)) as! [String: Any]
    let federation = try #require(document["federation"] as? [String: Any])
    let members = federation["members"] as! [[String: Any]]
    #expect(members.map { $0["name"] as! String } == ["commune-a", "commune-b"])
    for (member, revision) in [("commune-a", "v1"), ("commune-b", "HEAD")] {
      let own = try run(
        steerExecutable, ["metrics", "--format", "json", "--rev", revision], in: directory.path + "/" + member)
      let expected = try JSONSerialization.jsonObject(with: Data(own.stdout.utf8)) as! NSDictionary
      let entry = try #require(members.first { $0["name"] as? String == member })
      #expect((entry["metrics"] as! NSDictionary) == expected, "\(member)")
    }
    // Side by side: a row per metric a gate may name, a value for this ledger and each member.
    let comparison = federation["peer_comparison"] as! [[String: Any]]
    #expect(comparison.map { $0["metric"] as! String } == MetricRegistry.standard.gateable.map(\.id))
    let csv = try run(steerExecutable, ["metrics", "--format", "csv"], in: directory.path + "/region").stdout
    #expect(csv.hasPrefix("metric,ledger,commune-a,commune-b\ntraceability,1,1,"))
    let text = try run(steerExecutable, ["metrics", "--lang", "fr"], in: directory.path + "/region").stdout
    #expect(text.contains("FÉDÉRATION\u{202F}: LES MEMBRES CÔTE À CÔTE"))
  }

  /// commune-c, Valbonne, a member of the region: its objective serves two of the region's; one
  /// use case deployed, one abandoned; its indicator measured 80 on 1 May 2026.
  func addCommuneC(_ directory: TemporaryDirectory) throws {
    try directory.copyFixture("minimal")
    try FileManager.default.createDirectory(atPath: directory.path + "/commune-c", withIntermediateDirectories: true)
    try FileManager.default.moveItem(atPath: directory.path + "/vision", toPath: directory.path + "/commune-c/vision")
    let objective = "commune-c/vision/objectives/clean-water.md"
    try directory.write(
      objective,
      try directory.read(objective).replacingOccurrences(
        of: "owner: mayor\n", with: "owner: mayor\ncontributes_to: [clean-water, air-quality]\n"))
    try directory.write(
      "commune-c/vision/usecases/leak-detection.md",
      "---\ntitle: Détection des fuites\nobjectives: [clean-water]\nphase: deployed\nowner: mayor\neffort: 2\n---\n")
    try directory.write(
      "commune-c/vision/usecases/old-idea.md",
      "---\ntitle: Idée abandonnée\nobjectives: [clean-water]\nphase: abandoned\nowner: mayor\n---\nTrop coûteuse pour la commune.\n"
    )
    try directory.write(
      "commune-c/vision/vision.md",
      try directory.read("commune-c/vision/vision.md").replacingOccurrences(
        of: "territory: Seaside", with: "territory: Valbonne"))
    let retro = "commune-c/vision/retros/sprint-1.md"
    try directory.write(
      retro,
      try directory.read(retro).replacingOccurrences(
        of: "value: 74, date: 2026-03-15", with: "value: 80, date: 2026-05-01"))
    try git(["init", "-q"], in: directory.path + "/commune-c")
    try git(["add", "-A"], in: directory.path + "/commune-c")
    try git(["commit", "-q", "-m", "c"], in: directory.path + "/commune-c")
    try directory.write(
      "region/.steer.yaml",
      try directory.read("region/.steer.yaml") + "  - {name: commune-c, repository: ../commune-c}\n")
  }

  /// The region's objective progress and coverage count its communes' contributing use cases;
  /// an indicator `from_members` takes their latest values (metrics.md, Federation).
  @Test func theRegionCountsItsMembersContributions() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    try addCommuneC(directory)
    // The region: a second objective of its own that none of its use cases serves, and its
    // indicator averaged over the members.
    try directory.write(
      "region/vision/objectives/air-quality.md", "---\ntitle: Qualité de l'air\naxis: data\nowner: mayor\n---\n")
    let regionObjective = "region/vision/objectives/clean-water.md"
    try directory.write(
      regionObjective,
      try directory.read(regionObjective).replacingOccurrences(
        of: "  - id: open-days\n", with: "  - id: open-days\n    from_members: mean\n"))

    let result = try run(steerExecutable, ["metrics", "--format", "json"], in: directory.path + "/region")
    #expect(result.status == 0, "\(result.stderr)")
    let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let progress = document["progress"] as! [String: Any]
    let objectives = progress["objective_progress"] as! [String: [String: Any]]
    // Its own water-sensors (3.5 at prototype) and commune-c's leak-detection (2, deployed) and
    // water-sensors (3.5, prototype): (1.4 + 1.6 + 1.4) ÷ 9. commune-a's contribution is dangling
    // at v1, commune-b's use case unreadable: neither counts.
    #expect(
      objectives["clean-water"]?["usecases"] as? [String] == [
        "water-sensors", "commune-c:leak-detection", "commune-c:water-sensors",
      ])
    #expect(abs((objectives["clean-water"]?["value"] as! Double) - 4.4 / 9) < 1e-12)
    #expect(objectives["clean-water"]?["effort"] as? Double == 9)
    #expect(abs((objectives["air-quality"]?["value"] as! Double) - 3.0 / 5.5) < 1e-12)
    let coverage = (document["alignment"] as! [String: Any])["coverage"] as! [String: Any]
    #expect(coverage["value"] as? Double == 1)
    #expect(coverage["counted"] as? [String] == ["air-quality", "clean-water"])
    // open-days: the mean of the members' latest (74 for commune-a and commune-b, 80 for
    // commune-c) on commune-c's date, later than the region's own 74.
    let indicator = (progress["indicator_progress"] as! [String: [String: Any]])["open-days"]!
    let latest = indicator["latest"] as! [String: Any]
    #expect(latest["value"] as? Double == 76)
    #expect(latest["date"] as? String == "2026-05-01")
    #expect(latest["file"] as? String == "federation")
    #expect(abs((indicator["value"] as! Double) - 0.3) < 1e-12)
    let fromMembers = indicator["from_members"] as! [String: Any]
    #expect(fromMembers["combination"] as? String == "mean")
    #expect(
      (fromMembers["values"] as! [[String: Any]]).map { $0["member"] as! String } == [
        "commune-a", "commune-b", "commune-c",
      ])
    #expect(fromMembers["not_measured"] as? [String] == [])
    // A coverage gate of the region is met thanks to commune-c, once commune-a is read where its
    // contribution is fixed: while it dangles, no gate is evaluated.
    try directory.write(
      "region/.steer.yaml",
      try directory.read("region/.steer.yaml").replacingOccurrences(of: ", revision: v1}", with: "}")
        + "gates:\n  coverage: 1\n")
    let gated = try run(steerExecutable, ["metrics", "--lang", "fr"], in: directory.path + "/region")
    #expect(gated.stdout.contains("76\u{202F}% (1er mai 2026, 3\u{A0}membres sur 3)"), "\(gated.stdout)")
    #expect(gated.stdout.contains("coverage  tenu  100\u{202F}% (minimum 100\u{202F}%)"), "\(gated.stdout)")
    // A fourth commune that cannot be read measured nothing: the value and its forecast say
    // they cover three members of four, in the metrics, the summary and the site.
    try directory.write(
      "region/.steer.yaml",
      try directory.read("region/.steer.yaml").replacingOccurrences(
        of: "gates:", with: "  - {name: commune-d, repository: ../commune-d}\ngates:"))
    let partial = try run(steerExecutable, ["metrics", "--lang", "fr"], in: directory.path + "/region").stdout
    #expect(partial.contains("76\u{202F}% (1er mai 2026, 3\u{A0}membres sur 4)"), "\(partial)")
    #expect(
      partial.contains("en bonne voie (100\u{202F}% au 30 septembre 2028) — 3\u{A0}membres sur 4"), "\(partial)")
    let summary = try run(
      steerExecutable, ["summary", "--format", "md", "--lang", "fr"], in: directory.path + "/region"
    ).stdout
    #expect(summary.contains("en bonne voie — 3\u{A0}membres sur 4"), "\(summary)")
    let site = directory.path + "/site"
    #expect(
      try run(steerExecutable, ["site", "--out", site, "--lang", "en"], in: directory.path + "/region").status == 0)
    let page = try String(contentsOfFile: site + "/objectives/clean-water.html", encoding: .utf8)
    #expect(page.contains("(1 May 2026, 3 of 4 members)") && page.contains(" — 3 of 4 members"), "\(page)")
    // Its chart draws the combined value, which the region itself never measured.
    #expect(page.contains("measured: 74% on 15 March 2026, 76% on 1 May 2026"), "\(page)")
    // `steer check` evaluates the gate the same way.
    let checked = try run(steerExecutable, ["check", "--format", "json"], in: directory.path + "/region")
    #expect(!checked.stdout.contains("\"dangling-reference\"") && !checked.stdout.contains("\"gate\""))
  }

  /// A region's pages list its members' use cases by title with their commune, count them in
  /// its funnel, list their abandoned use cases and workshop notes, and plot each member's
  /// point on a combined indicator's chart; no member id for the public.
  @Test func theRegionsPagesListItsMembersUseCases() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    try addCommuneC(directory)
    let regionObjective = "region/vision/objectives/clean-water.md"
    try directory.write(
      regionObjective,
      try directory.read(regionObjective).replacingOccurrences(
        of: "  - id: open-days\n", with: "  - id: open-days\n    from_members: mean\n"))
    let region = directory.path + "/region"
    let site = directory.path + "/site"
    #expect(
      try run(steerExecutable, ["site", "--out", site, "--lang", "fr", "--audience", "public"], in: region).status == 0)
    func page(_ path: String) throws -> String { try String(contentsOfFile: site + "/" + path, encoding: .utf8) }
    // The objective's page: its own use case linked, Valbonne's with its commune and phase.
    let objective = try page("objectives/clean-water.html")
    #expect(objective.contains("Cas d&#39;usage qui y contribuent"), "\(objective)")
    #expect(objective.contains("Détection des fuites — Valbonne (déployé)"), "\(objective)")
    #expect(!objective.contains("commune-c"), "\(objective)")
    // Its chart names each member's latest value (commune-b's, by its title).
    #expect(
      objective.contains(
        "dernière valeur de chaque membre (losanges)\u{202F}: Aiglun\u{202F}: 74 (15 mars 2026)\u{202F}; Commune de Barles\u{202F}: 74 (15 mars 2026)\u{202F}; Valbonne\u{202F}: 80 (1er mai 2026)"
      ), "\(objective)")
    #expect(objective.components(separatedBy: "<polygon ").count == 4)
    // The decisions page: Valbonne's abandoned use case with its reason, its workshop's notes.
    let decisions = try page("decisions.html")
    #expect(decisions.contains("Idée abandonnée — Valbonne — Trop coûteuse pour la commune."), "\(decisions)")
    #expect(!decisions.contains("Rien pour l'instant"), "\(decisions)")
    #expect(decisions.contains("Atelier du 1er février 2026 — Valbonne — 1er février 2026"), "\(decisions)")
    // The index lists the members' live use cases and says how many.
    let index = try page("index.html")
    #expect(index.contains("Cas d&#39;usage des membres"), "\(index)")
    #expect(index.contains("Détection des fuites — Valbonne (déployé)"), "\(index)")
    // The summary's funnel counts them and says so (commune-b's use case cannot be read); its objectives and abandoned use cases list them.
    let summary = try run(steerExecutable, ["summary", "--format", "md", "--lang", "fr"], in: region).stdout
    #expect(
      summary.contains("3\u{A0}cas d'usage viennent des membres (Aiglun\u{202F}: 1, Valbonne\u{202F}: 2)."),
      "\(summary)")
    let english = try run(steerExecutable, ["summary", "--format", "md", "--lang", "en"], in: region).stdout
    #expect(english.contains("3 use cases come from the members (Aiglun: 1, Valbonne: 2)."), "\(english)")
    #expect(summary.contains("**Cas d'usage des membres** — Détection des fuites — Valbonne (déployé)"), "\(summary)")
    #expect(summary.contains("- Idée abandonnée — Valbonne — Trop coûteuse pour la commune."), "\(summary)")
    #expect(summary.contains("Détection des fuites `commune-c:leak-detection` *(déployé)*"), "\(summary)")
  }

  @Test func theSummaryShowsTheMembersTheirStatusAndContributions() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    // commune-a's contribution fixed at v2, which the region now reads.
    try git(["tag", "v2"], in: directory.path + "/commune-a")
    try directory.write(
      "region/.steer.yaml", try directory.read("region/.steer.yaml").replacingOccurrences(of: "v1", with: "v2"))
    let result = try run(
      steerExecutable, ["summary", "--format", "md", "--lang", "fr"], in: directory.path + "/region")
    #expect(result.status == 0, "\(result.stderr)")
    let summary = result.stdout
    #expect(summary.contains("La fédération compte 2\u{A0}membres\u{202F}: 2 conformes."), "\(summary)")
    #expect(summary.contains("## Fédération"))
    // The region's own row is named by its territory, not "this ledger".
    #expect(summary.contains("| **Seaside** | | "), "\(summary)")
    // Each member with the revision read and the commit it stands for.
    let v2 = try git(["rev-parse", "v2^{commit}"], in: directory.path + "/commune-a").prefix(12)
    let head = try git(["rev-parse", "HEAD"], in: directory.path + "/commune-b").prefix(12)
    #expect(summary.contains("| Aiglun `commune-a` | v2 `\(v2)` | "), "\(summary)")
    #expect(summary.contains("| Commune de Barles `commune-b` | HEAD `\(head)` | "))
    // commune-a's water-sensors now serves the region's objective too.
    #expect(summary.contains("cas d'usage propres\u{202F}: 1 · Aiglun\u{202F}: 1"), "\(summary)")
    // The elected edition keeps one line; the public one no reason.
    let elected = try run(
      steerExecutable, ["summary", "--format", "md", "--lang", "fr", "--audience", "elected"],
      in: directory.path + "/region"
    ).stdout
    #expect(elected.contains("La fédération compte 2\u{A0}membres") && !elected.contains("## Fédération"))
    // Citizens read the members by name, without revisions or commits.
    let forThePublic = try run(
      steerExecutable, ["summary", "--format", "md", "--lang", "fr", "--audience", "public"],
      in: directory.path + "/region"
    ).stdout
    // commune-b's unreadable use case leaves its figures incomplete, and its row says so.
    #expect(
      forThePublic.contains("| Aiglun | Conforme | ")
        && forThePublic.contains(
          "| Commune de Barles | Conforme — chiffres incomplets\u{202F}: 1\u{A0}fichier illisible | "),
      "\(forThePublic)")
    #expect(
      !forThePublic.contains("commune-a") && !forThePublic.contains("HEAD") && !forThePublic.contains(String(v2)),
      "\(forThePublic)")
    // The site's index shows the same, each objective linked to its page.
    let site = directory.path + "/site"
    let written = try run(steerExecutable, ["site", "--out", site, "--lang", "fr"], in: directory.path + "/region")
    #expect(written.status == 0)
    let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
    #expect(index.contains("\">Fédération</h2>"))
    #expect(
      index.contains("<td>Aiglun <span class=\"tag\">commune-a</span></td><td>v2 <span class=\"tag\">"), "\(index)")
    #expect(index.contains("<a href=\"objectives/clean-water.html\">Clean bathing water</a> — "), "\(index)")
  }

  /// A region combining a member's indicator measured in another unit is warned, at its own
  /// indicator, naming the member and both units.
  @Test func aMembersIndicatorInAnotherUnitIsAnIndicatorWarning() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let theirs = "commune-b/vision/objectives/clean-water.md"
    try directory.write(theirs, try directory.read(theirs).replacingOccurrences(of: "unit: \"%\"", with: "unit: jours"))
    try git(["commit", "-q", "-am", "days"], in: directory.path + "/commune-b")
    let ours = "region/vision/objectives/clean-water.md"
    try directory.write(
      ours,
      try directory.read(ours).replacingOccurrences(
        of: "  - id: open-days\n", with: "  - id: open-days\n    from_members: sum\n"))
    let result = try run(steerExecutable, ["check", "--lang", "fr"], in: directory.path + "/region")
    #expect(
      result.stdout.contains(
        "vision/objectives/clean-water.md:9:11: avertissement[indicator]: l'indicateur Share of open bathing days (open-days) combine les valeurs des membres, mais le membre «\u{A0}commune-b\u{A0}» le mesure en «\u{A0}jours\u{A0}» et non en «\u{A0}%\u{A0}»"
      ), "\(result.stdout)")
    #expect(!result.stdout.contains("membre «\u{A0}commune-a\u{A0}» le mesure"))
  }

  /// An objective only a member's use cases serve is served, for `orphan-objective` as for
  /// `coverage`, in a full check and in one `--since` that touches the objective.
  @Test func anObjectiveServedByAMemberIsNoOrphan() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    try serveAirQuality(directory)
    let region = directory.path + "/region"
    func orphans(_ arguments: [String]) throws -> [String] {
      let result = try run(steerExecutable, ["check", "--format", "json"] + arguments, in: region)
      let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
      return (document["diagnostics"] as! [[String: Any]]).filter { $0["rule"] as? String == "orphan-objective" }
        .compactMap { $0["file"] as? String }
    }
    // At v1 commune-a serves a misspelt objective: nothing serves air-quality.
    #expect(try orphans([]) == ["vision/objectives/air-quality.md"])
    try git(["tag", "v2"], in: directory.path + "/commune-a")
    try directory.write(
      "region/.steer.yaml", try directory.read("region/.steer.yaml").replacingOccurrences(of: "v1", with: "v2"))
    #expect(try orphans([]) == [])
    try git(["init", "-q"], in: region)
    try git(["add", "-A"], in: region)
    try git(["commit", "-q", "-m", "pinned at v2"], in: region)
    let objective = "region/vision/objectives/air-quality.md"
    try directory.write(
      objective, try directory.read(objective).replacingOccurrences(of: "Qualité de l'air", with: "Air pur"))
    #expect(try orphans(["--since", "HEAD"]) == [])
  }

  /// `steer history` in the region reads, at each snapshot, the members as that commit pinned them.
  @Test func theHistoryFollowsTheMembersPinnedRevisions() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    // commune-a's v2 serves the region's second objective, which nothing else serves.
    try serveAirQuality(directory)
    try git(["tag", "v2"], in: directory.path + "/commune-a")
    let region = directory.path + "/region"
    try git(["init", "-q"], in: region)
    try git(["add", "-A"], in: region)
    try git(["commit", "-q", "-m", "pinned at v1"], in: region)
    // The committee moves commune-a's pin to v2, alone in its commit: a snapshot of its own.
    try directory.write(
      "region/.steer.yaml", try directory.read("region/.steer.yaml").replacingOccurrences(of: "v1", with: "v2"))
    try git(["commit", "-q", "-am", "pinned at v2"], in: region)
    // A commit that changes the configuration without moving a pin is none.
    try directory.write("region/.steer.yaml", try directory.read("region/.steer.yaml") + "language: en\n")
    try git(["commit", "-q", "-am", "language"], in: region)

    let result = try run(steerExecutable, ["history", "--format", "json"], in: region)
    #expect(result.status == 0, "\(result.stderr)")
    let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let trend = document["trend"] as! [[String: Any]]
    #expect(trend.count == 2)
    let coverage = trend.map { ($0["metrics"] as! [String: Any])["coverage"] as? Double }
    #expect(coverage == [0.5, 1])
    let pins = trend.map { snapshot in
      (snapshot["federation"] as! [[String: Any]]).map { "\($0["name"]!)@\($0["revision"] as? String ?? "HEAD")" }
    }
    #expect(pins == [["commune-a@v1", "commune-b@HEAD"], ["commune-a@v2", "commune-b@HEAD"]])
    let v2 = try git(["rev-parse", "v2^{commit}"], in: directory.path + "/commune-a").trimmingCharacters(in: .newlines)
    #expect((trend[1]["federation"] as! [[String: Any]])[0]["commit"] as? String == v2)
    let text = try run(steerExecutable, ["history", "--lang", "fr"], in: region).stdout
    #expect(text.contains("Fédération\u{202F}: les membres lus à chaque relevé"), "\(text)")
    #expect(text.contains("commune-a v2 (\(v2.prefix(12)))"), "\(text)")
    // commune-b did not move: named at the first snapshot only.
    #expect(text.components(separatedBy: "commune-b HEAD").count == 2)
    // `steer diff` reads each side's members as that side pins them.
    let diff = try run(steerExecutable, ["diff", "HEAD~2", "HEAD~1", "--format", "json"], in: region)
    #expect(diff.status == 0, "\(diff.stderr)")
    let changes = try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as! [String: Any]
    let coverageChange = try #require((changes["metrics"] as! [String: [String: Any]])["coverage"])
    #expect(coverageChange["before"] as? Double == 0.5 && coverageChange["after"] as? Double == 1, "\(coverageChange)")
  }

  /// A pin moved v1 → v2: `diff` and `summary --since` name the member, both commits, its use
  /// case that changed phase, and the region's objective whose progress moved because of it.
  @Test func theDiffShowsAMovedPinItsPhasesAndTheRegionsProgress() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let region = directory.path + "/region"
    try git(["init", "-q"], in: region)
    try git(["add", "-A"], in: region)
    try git(["commit", "-q", "-m", "pinned at v1"], in: region)
    let sensors = "commune-a/vision/usecases/water-sensors.md"
    try directory.write(
      sensors, try directory.read(sensors).replacingOccurrences(of: "phase: prototype", with: "phase: test"))
    try git(["commit", "-q", "-am", "tested"], in: directory.path + "/commune-a")
    try git(["tag", "v2"], in: directory.path + "/commune-a")
    try directory.write(
      "region/.steer.yaml", try directory.read("region/.steer.yaml").replacingOccurrences(of: "v1", with: "v2"))
    let v1 = try git(["rev-parse", "v1^{commit}"], in: directory.path + "/commune-a").prefix(12)
    let v2 = try git(["rev-parse", "v2^{commit}"], in: directory.path + "/commune-a").prefix(12)

    let text = try run(steerExecutable, ["diff", "HEAD", "--lang", "fr"], in: region)
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("MEMBRES DE LA FÉDÉRATION"), "\(text.stdout)")
    #expect(text.stdout.contains("- Aiglun (commune-a)\u{202F}: v1 (\(v1)) → v2 (\(v2))"), "\(text.stdout)")
    #expect(
      text.stdout.contains("- Aiglun — «\u{A0}Water quality sensors\u{A0}» (water-sensors)\u{202F}: prototype → test"),
      "\(text.stdout)")
    // At v1, commune-a's objective served a misspelt one: at v2 it serves clean-water.
    #expect(text.stdout.contains("Clean bathing water (clean-water)\u{202F}: avancement "), "\(text.stdout)")

    let json = try run(steerExecutable, ["diff", "HEAD", "--format", "json"], in: region).stdout
    let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    let members = document["members"] as! [[String: Any]]
    #expect(members.map { $0["name"] as? String } == ["commune-a"])
    #expect((members[0]["before"] as? [String: Any])?["revision"] as? String == "v1")
    #expect(((members[0]["after"] as? [String: Any])?["commit"] as? String)?.hasPrefix(String(v2)) == true)
    let moves = members[0]["phase_moves"] as! [[String: Any]]
    #expect(moves.map { $0["usecase"] as? String } == ["water-sensors"])
    let progress = document["objective_progress"] as! [[String: Any]]
    #expect(progress.map { $0["objective"] as? String } == ["clean-water"], "\(progress)")
    let (before, after) = (progress[0]["before"] as? Double ?? 0, progress[0]["after"] as? Double ?? 0)
    #expect(after > before, "\(progress)")

    let summary = try run(
      steerExecutable, ["summary", "--since", "HEAD", "--format", "md", "--lang", "fr"], in: region)
    #expect(summary.stdout.contains("- Aiglun — v1 (\(v1)) → v2 (\(v2))"), "\(summary.stdout)")
    #expect(summary.stdout.contains("- Aiglun — Water quality sensors — prototype → test"), "\(summary.stdout)")
    #expect(summary.stdout.contains("- Clean bathing water — "), "\(summary.stdout)")
  }

  /// A pin the member no longer has (a tag deleted since) marks it unavailable in the
  /// snapshots that pinned it; the history and `diff` still run.
  @Test func aPinDeletedSinceLeavesTheHistoryRunning() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let region = directory.path + "/region"
    try git(["init", "-q"], in: region)
    try git(["add", "-A"], in: region)
    try git(["commit", "-q", "-m", "pinned at v1"], in: region)
    try git(["tag", "v2", "v1"], in: directory.path + "/commune-a")
    try directory.write(
      "region/.steer.yaml", try directory.read("region/.steer.yaml").replacingOccurrences(of: "v1", with: "v2"))
    let retro = "region/vision/retros/sprint-1.md"
    try directory.write(
      retro,
      try directory.read(retro).replacingOccurrences(of: "tags: [co-construction]", with: "tags: [co-construction, v2]")
    )
    try git(["commit", "-q", "-am", "pinned at v2"], in: region)
    try git(["tag", "-d", "v1"], in: directory.path + "/commune-a")

    let result = try run(steerExecutable, ["history", "--format", "json"], in: region)
    #expect(result.status == 0, "\(result.stderr)")
    let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let trend = document["trend"] as! [[String: Any]]
    let first = (trend.first?["federation"] as? [[String: Any]])?.first
    #expect(first?["name"] as? String == "commune-a" && first?["commit"] is NSNull)
    #expect((first?["unavailable"] as? String)?.contains("revision 'v1' does not exist") == true, "\(trend)")
    #expect(((trend.last?["federation"] as? [[String: Any]])?.first)?["unavailable"] == nil)
    // The JSON gives the reason in the reader's language, as `steer metrics` does.
    let french = try run(steerExecutable, ["history", "--format", "json", "--lang", "fr"], in: region).stdout
    #expect(french.contains("la révision «\u{A0}v1\u{A0}» n'existe pas"), "\(french)")
    let text = try run(steerExecutable, ["history", "--lang", "fr"], in: region).stdout
    #expect(text.contains("commune-a v1 indisponible\u{202F}: membre «\u{A0}commune-a\u{A0}»"), "\(text)")
    let diff = try run(steerExecutable, ["diff", "HEAD~1", "HEAD", "--format", "json"], in: region)
    #expect(diff.status == 0, "\(diff.stderr)")
  }

  /// In the editor, the region's gates count the members too, as `steer check` does; an
  /// unsaved `.steer.yaml` that drops a member is checked without it.
  @Test func theEditorsGatesCountTheMembers() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    try serveAirQuality(directory)
    let configuration = "federation:\n  - {name: commune-a, repository: ../commune-a}\ngates:\n  coverage: 1\n"
    try directory.write("region/.steer.yaml", configuration)
    let client = try LanguageServerClient(root: directory.path + "/region")
    try client.initialize()
    try client.open(".steer.yaml")
    #expect(try client.publishedDiagnostics(for: ".steer.yaml").isEmpty)
    // Without the member, air-quality is served by nothing: the gate is not met.
    try client.change(".steer.yaml", text: "gates:\n  coverage: 1\n", version: 2)
    let gate = try client.diagnostics(for: ".steer.yaml") { !$0.isEmpty }
    #expect(gate.map { $0["code"] as? String } == ["gate"])
    try client.change(".steer.yaml", text: configuration, version: 3)
    try client.diagnostics(for: ".steer.yaml") { $0.isEmpty }
    // A member pinned at a revision that does not exist is said at its entry, as `steer check` says it.
    try client.change(
      ".steer.yaml",
      text: configuration.replacingOccurrences(of: "../commune-a}", with: "../commune-a, revision: v9}"), version: 4)
    let unavailable = try client.diagnostics(for: ".steer.yaml") { !$0.isEmpty }
    #expect(unavailable.contains { $0["code"] as? String == "federation-member" }, "\(unavailable)")
    #expect(
      unavailable.contains { ($0["message"] as? String)?.contains("revision 'v9' does not exist") == true },
      "\(unavailable)")
    #expect(try client.finish() == 0)
  }

  @Test func twoMembersOfOneNameAreASchemaError() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    try directory.write(
      "region/.steer.yaml",
      try directory.read("region/.steer.yaml") + "  - {name: commune-a, repository: ../commune-b}\n")
    let result = try run(steerExecutable, ["check", "--lang", "fr"], in: directory.path + "/region")
    #expect(result.stdout.contains("deux membres de la fédération s'appellent «\u{A0}commune-a\u{A0}»"))
  }
}
