import Foundation
import SteerKit
import SteerModel
import SteerOpenData
import Testing

@Suite struct ExportTests {
  /// Every file an export wrote, by path under `directory`.
  private func files(in directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let relative = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files[relative] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + relative))
      }
    }
    return files
  }

  @Test func theSameRevisionGivesTheSameBytes() throws {
    let out = try TemporaryDirectory()
    defer { out.remove() }
    for audience in ["public", "technical"] {
      let first = try run(
        steerExecutable, ["export", "--out", out.path + "/\(audience)-1", "--audience", audience], in: referenceCopy)
      #expect(first.status == 0, "\(first.stderr)")
      // A second later, from another directory: nothing may depend on the clock or the place.
      Thread.sleep(forTimeInterval: 1.1)
      let second = try run(
        steerExecutable,
        ["export", "--out", out.path + "/\(audience)-2", "--audience", audience, referenceCopy + "/vision"],
        in: out.path)
      #expect(second.status == 0, "\(second.stderr)")
      let (one, two) = (try files(in: out.path + "/\(audience)-1"), try files(in: out.path + "/\(audience)-2"))
      // Actions are the technical audience's only.
      #expect(one.count == (audience == "public" ? 27 : 29))
      #expect((one["actions.csv"] != nil) == (audience == "technical"))
      #expect(one == two)
    }
  }

  @Test func thePublicExportNamesNoCitizenNorOperatorAndNoAction() throws {
    let ledger = try session(referenceCopy).loadLedger().ledger
    let hidden = ledger.stakeholders.filter { ![.elected, .management].contains($0.group) }.map(\.name)
    let actions = ledger.retros.flatMap(\.actions).map(\.text)
    #expect(!hidden.isEmpty && !actions.isEmpty)
    let out = try TemporaryDirectory()
    defer { out.remove() }
    for audience in ["public", "technical"] {
      let result = try run(
        steerExecutable, ["export", "--out", out.path + "/" + audience, "--audience", audience], in: referenceCopy)
      #expect(result.status == 0, "\(result.stderr)")
    }
    let text = { (audience: String) in
      try files(in: out.path + "/" + audience).values.map { String(decoding: $0, as: UTF8.self) }.joined()
    }
    let (publicText, technicalText) = (try text("public"), try text("technical"))
    for name in hidden {
      #expect(!publicText.contains(name), "the public export names \(name)")
      #expect(technicalText.contains(name), "the technical export leaves out \(name)")
    }
    for action in actions { #expect(!publicText.contains(action), "the public export says the action \(action)") }
    // Nor their ids, which may be names too: no cell of any table is one.
    let cells = Set(
      try files(in: out.path + "/public").filter { $0.key.hasSuffix(".csv") }.values.flatMap { data in
        String(decoding: data, as: UTF8.self).split(separator: "\r\n").flatMap {
          $0.split(separator: ",").map(String.init)
        }
      })
    for id in ledger.stakeholders.filter({ ![.elected, .management].contains($0.group) }).map(\.id) {
      #expect(!cells.contains(id), "the public export gives \(id)'s own id")
    }
  }

  /// A stakeholder the public export does not name is named by its group in the reader's words,
  /// as the site and the summary name it; the `group` column keeps the format's value.
  @Test(arguments: [
    (Language.fr, "citizen-1,Un membre du groupe «\u{A0}citoyens\u{A0}»,citizen,"),
    (.en, "citizen-1,A member of the group 'citizens',citizen,"),
  ])
  func thePublicExportNamesAGroupInTheReadersWords(language: Language, row: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let result = try run(
      steerExecutable, ["export", "--out", directory.path + "/od", "--lang", language.rawValue], in: directory.path)
    #expect(result.status == 0, "\(result.stderr)")
    let stakeholders = try directory.read("od/stakeholders.csv")
    #expect(stakeholders.contains("\r\n" + row), "\(stakeholders)")
  }

  /// `measurements.csv` is the one series the metrics read: the series files' rows with their
  /// source and note, the retrospectives' rows, and a row both give once, as the retrospective's.
  @Test func theMeasurementsAreTheOneSeries() throws {
    let out = try TemporaryDirectory()
    defer { out.remove() }
    let result = try run(steerExecutable, ["export", "--out", out.path, "--audience", "public"], in: referenceCopy)
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try String(contentsOfFile: out.path + "/measurements.csv", encoding: .utf8)
      .split(separator: "\r\n").map(String.init)
    #expect(rows.first == "indicator,date,value,source,note,file")
    #expect(
      rows.contains(
        "trajets-velo,2025-08-31,1198,data.grandport.fr:compteurs-velo,congés d'été,vision/measurements/trajets-velo.csv"
      ))
    #expect(
      rows.contains(
        "jeux-donnees-ouverts,2025-06-30,17,catalogue du portail,,vision/measurements/jeux-donnees-ouverts.csv"))
    #expect(rows.contains("jours-baignade-ouverte,2025-09-15,80,,,vision/retros/it-2025-t3.md"))
    // 2025-12-15 is in it-2025-t4's retrospective and in the series file, with the same value.
    #expect(
      rows.filter { $0.hasPrefix("jeux-donnees-ouverts,2025-12-15,") } == [
        "jeux-donnees-ouverts,2025-12-15,24,,,vision/retros/it-2025-t4.md"
      ])
  }

  @Test func revExportsTheLedgerAtATag() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    try git(["tag", "v1"], in: directory.path)
    let path = directory.path + "/vision/usecases/water-sensors.md"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title:") })
    try text.replacingOccurrences(of: String(title), with: "title: Capteurs renommés")
      .write(toFile: path, atomically: true, encoding: .utf8)
    try git(["commit", "-qam", "renamed"], in: directory.path)
    let atTag = try session(directory.path, revision: "v1").exportFiles(audience: .technical).files
    let now = try session(directory.path).exportFiles(audience: .technical).files
    let useCases = { (files: [ExportFile]) in
      String(decoding: files.first { $0.path == "usecases.csv" }?.bytes ?? [], as: UTF8.self)
    }
    let oldTitle = title.dropFirst("title:".count).trimmingCharacters(in: .whitespaces)
    #expect(useCases(atTag).contains(oldTitle) && !useCases(atTag).contains("Capteurs renommés"))
    #expect(useCases(now).contains("Capteurs renommés"))
    let tagCommit = try git(["rev-parse", "v1"], in: directory.path).trimmingCharacters(in: .whitespacesAndNewlines)
    let package = String(decoding: atTag.first { $0.path == "datapackage.json" }?.bytes ?? [], as: UTF8.self)
    #expect(package.contains("\"version\": \"\(tagCommit)\""))
    #expect(package.contains("\"created\": \"2026-01-01T00:00:00Z\""))
  }

  @Test func theDataPackageOfASmallLedger() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(
      ".steer.yaml",
      """
      publication:
        publisher: Commune de Valbonne
        licence: etalab-2.0
        contact: numerique@valbonne.example
        spatial: https://id.insee.fr/geo/commune/06152
      """)
    try commitLedger(directory)
    let files = try session(directory.path).exportFiles(audience: .public).files
    let package = try #require(files.first { $0.path == "datapackage.json" })
    // The commit's id changes with git's version of the tree format: the golden leaves it out.
    let commit = try git(["rev-parse", "HEAD"], in: directory.path).trimmingCharacters(in: .whitespacesAndNewlines)
    try expectGolden(
      String(decoding: package.bytes, as: UTF8.self).replacingOccurrences(of: commit, with: "COMMIT"),
      "export/datapackage.json")
    let catalogue = String(decoding: files.first { $0.path == "catalogue.ttl" }?.bytes ?? [], as: UTF8.self)
    #expect(catalogue.contains("foaf:name \"Commune de Valbonne\""))
    #expect(catalogue.contains("vcard:hasEmail <mailto:numerique@valbonne.example>"))
    #expect(catalogue.contains("dct:spatial <https://id.insee.fr/geo/commune/06152>"))
  }

  @Test(arguments: [(Language.en, "unknown field 'licenses'"), (.fr, "champ inconnu")])
  func anUnknownPublicationKeyIsAnErrorWhereWritten(language: Language, words: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(
      ".steer.yaml", "language: \(language.rawValue)\npublication:\n  publisher: Valbonne\n  licenses: MIT\n")
    let diagnostics = try check(in: directory.path).report.diagnostics.filter { $0.file == ".steer.yaml" }
    #expect(diagnostics.map(summary) == ["schema .steer.yaml:4:3"])
    #expect(diagnostics.first?.message.contains(words) == true, "\(diagnostics.first?.message ?? "")")
    #expect(diagnostics.first?.hint?.contains("licence") == true)
  }

  /// docs/open-data.md's tables are generated from ExportSchema; it fails here when stale.
  @Test func theDocsDescribeEveryExportedColumn() throws {
    let url = URL(fileURLWithPath: packageRoot + "/docs/open-data.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    let start = try #require(text.range(of: OpenDataDocumentation.start))
    let end = try #require(text.range(of: OpenDataDocumentation.end))
    try expectCurrent(
      String(text[..<start.lowerBound]) + OpenDataDocumentation.markdown() + String(text[end.upperBound...]), at: url)
  }
}
