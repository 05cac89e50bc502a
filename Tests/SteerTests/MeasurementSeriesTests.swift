import Foundation
import SteerKit
import SteerModel
import SteerWriting
import Testing

@testable import SteerLoading

/// Measurement series (`measurements/<indicator>.csv`) and `steer import measurements`.
@Suite struct MeasurementSeriesTests {
  private let seriesPath = "vision/measurements/open-days.csv"

  /// French text with its no-break spaces as plain ones, to compare with what a test writes.
  private func plain(_ text: String) -> String {
    String(text.map { $0 == "\u{A0}" || $0 == "\u{202F}" ? " " : $0 })
  }

  private func findings(_ directory: TemporaryDirectory, language: Language? = nil) throws -> [String] {
    try session(directory.path, language: language).check().report.diagnostics.map {
      "\(summary($0)) \($0.finding.message)"
    }
  }

  @Test func aDecimalCommaAndADuplicateDateAreFoundAtTheirLineAndColumn() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(
      seriesPath,
      "date,value,source\r\n2026-02-28,71,capteur\r\n2026-03-31,\"72,5\",capteur\r\n2026-04-30,73,\"a, b\"\r\n"
        + "2026-04-30,74,capteur\r\n")
    #expect(
      try findings(directory) == [
        "schema vision/measurements/open-days.csv:3:12 the value '72,5' is written with a decimal comma",
        "schema vision/measurements/open-days.csv:5:1 a measurement of 2026-04-30 is already on line 4",
      ])
    let french = try session(directory.path, language: .fr).check().report.diagnostics
    #expect(
      french.first.map { plain($0.finding.hint ?? "") }
        == "écrivez-la avec un point décimal : 72.5 (`steer import measurements` convertit les virgules décimales d'un tableur)"
    )
    // Unquoted, the decimal comma splits the value in two fields: said the same way.
    try directory.write(seriesPath, "date,value\n2026-05-31,75,5\n")
    #expect(
      try findings(directory) == [
        "schema vision/measurements/open-days.csv:2:12 the value '75,5' is written with a decimal comma"
      ])
  }

  @Test func theHeaderAndTheFileNameAreChecked() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("vision/measurements/open-day.csv", "date,valeur,sorce\n2026-02-28,71,x\n")
    try directory.write("vision/measurements/_brouillon.csv", "n'importe quoi\n")
    try directory.write("vision/measurements/notes.txt", "ignored\n")
    #expect(
      try findings(directory) == [
        "dangling-reference vision/measurements/open-day.csv:1:1 the file name 'open-day.csv' names 'open-day', but there is no indicator with that id",
        "schema vision/measurements/open-day.csv:1:1 the series has no 'value' column",
        "schema vision/measurements/open-day.csv:1:6 unknown column 'valeur' in a measurement series",
        "schema vision/measurements/open-day.csv:1:13 unknown column 'sorce' in a measurement series",
      ])
  }

  /// A series a French spreadsheet saved (`;` between columns) is one finding that names the
  /// separator, not unknown and missing columns.
  @Test func aSeriesSeparatedBySemicolonsIsOneFinding() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(seriesPath, "date;value\r\n2026-03-31;76\r\n")
    let english = try session(directory.path, language: .en).check().report.diagnostics.filter { $0.rule == "schema" }
    #expect(
      english.map { "\(summary($0)) \($0.finding.message) / \($0.finding.hint ?? "")" } == [
        "schema vision/measurements/open-days.csv:1:1 the series separates its columns with semicolons, where the format wants commas / separate them with commas: date,value (`steer import measurements` converts a spreadsheet's semicolons and decimal commas)"
      ])
    let french = try session(directory.path, language: .fr).check().report.diagnostics.filter { $0.rule == "schema" }
    #expect(
      french.map { plain("\($0.finding.message) / \($0.finding.hint ?? "")") } == [
        "la série sépare ses colonnes par des points-virgules, alors que le format demande des virgules / séparez-les par des virgules : date,value (`steer import measurements` convertit les points-virgules et les virgules décimales d'un tableur)"
      ])
  }

  @Test func rowsOutOfOrderAndBadDatesAreFound() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    // A quoted note over two lines: the rows after it keep their own line numbers.
    try directory.write(
      seriesPath, "\u{FEFF}date,value,note\n2026-03-31,71,\"deux\nlignes\"\n2026-02-28,72,\n31/05/2026,73,\n")
    #expect(
      try findings(directory) == [
        "schema vision/measurements/open-days.csv:4:1 the row of 2026-02-28 comes after that of 2026-03-31 (line 2): rows go in date order",
        "schema vision/measurements/open-days.csv:5:1 '31/05/2026' is not a date YYYY-MM-DD",
      ])
  }

  @Test func aSecondValueForADateMeasuredInARetrospectiveIsAConflict() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    // The retrospective measures 74 on 2026-03-15: the same value is one measurement, another a conflict.
    try directory.write(seriesPath, "date,value\n2026-03-15,74\n2026-03-31,76\n")
    #expect(try findings(directory).isEmpty)
    var metrics = try session(directory.path).metrics().metrics
    #expect(metrics.indicators.first?.measurements == 2)
    try directory.write(seriesPath, "date,value\n2026-03-15,80\n")
    #expect(
      try findings(directory) == [
        "measurement-conflict vision/measurements/open-days.csv:2:12 indicator Share of open bathing days (open-days) measures 80% on 2026-03-15 here, and 74% in vision/retros/sprint-1.md (line 12)"
      ])
    // The indicator by its title, the values as French writes them, with their unit.
    #expect(
      try findings(directory, language: .fr).map(plain) == [
        "measurement-conflict vision/measurements/open-days.csv:2:12 l'indicateur Share of open bathing days (open-days) vaut ici 80 % le 15 mars 2026, et 74 % dans vision/retros/sprint-1.md (ligne 12)"
      ])
    metrics = try session(directory.path).metrics().metrics
    #expect(metrics.indicators.first?.measurements == 2)
  }

  @Test func metricsReadTheSeries() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(seriesPath, "date,value,source\n2026-04-30,80,capteur\n2026-06-30,86,capteur\n")
    let indicator = try #require(try session(directory.path).metrics().metrics.indicators.first)
    #expect(indicator.latest?.value == 86)
    #expect(indicator.latest?.file == seriesPath)
    #expect(indicator.measurements == 3)
    #expect(indicator.value == (86 - 70) / 20.0)
    // The forecast's line runs through the baseline, the retrospective's value and both rows.
    #expect(indicator.forecast?.points == 4)
  }

  /// A series row is a measurement like a retrospective's: one before the baseline is stale.
  @Test func aSeriesRowBeforeTheBaselineIsStale() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(seriesPath, "date,value\n2025-12-31,69\n2026-03-31,76\n")
    #expect(
      try findings(directory) == [
        "stale-measurement vision/measurements/open-days.csv:2:1 the measurement of indicator Share of open bathing days (open-days) is dated 2025-12-31, before the indicator's baseline date (2026-01-01)"
      ])
  }

  /// A retrospective's measurement is never replaced by an import, even with --replace; the same
  /// value is no conflict.
  @Test func anImportRefusesARowConflictingWithARetrospective() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("source.csv", "date,valeur\n2026-03-15,80\n2026-03-31,76\n")
    for extra in [[], ["--replace"]] {
      let refused = try importing(directory, "source.csv", extra)
      #expect(refused.status != 0)
      #expect(
        refused.stderr.contains(
          "2026-03-15: 74 in vision/retros/sprint-1.md (line 12), 80 in the source (line 2)"), "\(refused.stderr)")
      let french = try importing(directory, "source.csv", extra + ["--lang", "fr"]).stderr
      #expect(
        french.contains(
          "1\u{A0}date de la source a déjà une autre valeur dans une rétrospective\u{202F}; rien n'a été écrit\u{202F}:\n"
            + "  15 mars 2026\u{202F}: 74 dans vision/retros/sprint-1.md (ligne 12), 80 dans la source (ligne 2)"),
        "\(french)")
      #expect(!FileManager.default.fileExists(atPath: directory.path + "/" + seriesPath))
    }
    try directory.write("source.csv", "date,valeur\n2026-03-15,74\n2026-03-31,76\n")
    #expect(try importing(directory, "source.csv").status == 0)
    #expect(try findings(directory).isEmpty)
  }

  @Test func checkSinceSeesAChangedSeries() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(seriesPath, "date,value\n2026-04-30,80\n")
    try commitLedger(directory)
    try git(["tag", "base"], in: directory.path)
    // Twice: once with the cache cold, once with it warm (the series read from it).
    for _ in 0..<2 { #expect(try session(directory.path).check(since: "base").report.diagnostics.isEmpty) }
    try directory.write(seriesPath, "date,value\n2026-04-30,80\n2026-05-31,\"81,5\"\n")
    let changed = try session(directory.path).check(since: "base").report.diagnostics.map(summary)
    #expect(changed == ["schema vision/measurements/open-days.csv:3:12"])
    // Committed, the change is read from the new commit's tree.
    try git(["commit", "-q", "-am", "series"], in: directory.path)
    #expect(try session(directory.path).check(since: "base").report.diagnostics.map(summary) == changed)
    #expect(
      try session(directory.path, revision: "HEAD").check(since: "base").report.diagnostics.map(summary) == changed)
  }

  @Test func aSeriesRoundTripsThroughTheCache() throws {
    let bytes = Array("date,value,source,note\n2026-04-30,80.5,capteur,\"a, b\"\n".utf8)
    let read = SeriesReader.read(.bytes(bytes), path: seriesPath, indicator: "open-days", say: Wording())
    let decoded = try read.encoded().withUnsafeBytes { try ReadDocument(path: seriesPath, decoding: $0) }
    #expect(decoded.content == read.content)
    #expect(decoded.references == read.references)
    guard case .series(let series)? = decoded.content else { Issue.record("no series"); return }
    #expect(
      series.rows == [
        MeasurementSeries.Row(
          date: CalendarDate(iso: "2026-04-30")!, value: 80.5, source: "capteur", note: "a, b",
          location: SourceLocation(line: 2, column: 12))
      ])
  }

  // MARK: - steer import measurements

  private let frenchExport =
    "Date;Valeur;Commentaire\r\n31/01/2026;71,5;\r\n28/02/2026;72;capteur 3 en panne\r\n2026-03;73,25;\r\n"

  private func importing(
    _ directory: TemporaryDirectory, _ file: String, _ extra: [String] = []
  ) throws -> (status: Int32, stdout: String, stderr: String) {
    try run(
      steerExecutable,
      ["import", "measurements", file, "--indicator", "open-days", "--date-column", "date", "--value-column", "valeur"]
        + extra, in: directory.path)
  }

  @Test func anImportConvertsFrenchDatesAndDecimalCommasAndASecondOneChangesNothing() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("export.csv", frenchExport)
    let dry = try importing(directory, "export.csv", ["--source", "data.gouv.fr", "--dry-run"])
    #expect(dry.status == 0)
    #expect(dry.stdout.contains("+ 2026-01-31  71.5"))
    // In French, the values as French writes numbers (the file will hold 71.5).
    let frenchDry = try importing(directory, "export.csv", ["--dry-run", "--lang", "fr"])
    #expect(frenchDry.stdout.contains("+ 2026-01-31  71,5\n"), "\(frenchDry.stdout)")
    #expect(frenchDry.stdout.contains("+ 2026-03-31  73,25\n"), "\(frenchDry.stdout)")
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/" + seriesPath))
    let first = try importing(directory, "export.csv", ["--source", "data.gouv.fr", "--note-column", "commentaire"])
    #expect(first.status == 0, "\(first.stderr)")
    let written = try directory.read(seriesPath)
    #expect(
      written
        == "date,value,source,note\n2026-01-31,71.5,data.gouv.fr,\n2026-02-28,72,data.gouv.fr,capteur 3 en panne\n"
        + "2026-03-31,73.25,data.gouv.fr,\n")
    let second = try importing(directory, "export.csv", ["--source", "data.gouv.fr", "--note-column", "commentaire"])
    #expect(second.status == 0)
    #expect(second.stdout.contains("3 already there"))
    #expect(try directory.read(seriesPath) == written)
    #expect(try findings(directory).isEmpty)
  }

  /// Two values for one date in the source, said with French numbers.
  @Test func twoValuesForADateAreSaidAsEachLanguageWritesNumbers() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("export.csv", "date;valeur\n2026-03-15;1200,5\n2026-03-15;4100\n")
    let french = try importing(directory, "export.csv", ["--lang", "fr"]).stderr
    #expect(
      french.contains("le 15 mars 2026 reçoit ici la valeur 4\u{202F}100, et 1\u{202F}200,5 à la ligne 2"), "\(french)")
    let english = try importing(directory, "export.csv", ["--lang", "en"]).stderr
    #expect(english.contains("2026-03-15 is given 4100 here and 1200.5 on line 2"), "\(english)")
  }

  @Test func anUnreadableRowIsNamedAndNothingIsWritten() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("export.csv", frenchExport + "31/04/2026;74;\r\n30/05/2026;n/a;\r\n")
    let result = try importing(directory, "export.csv", ["--lang", "fr"])
    #expect(result.status == 2)
    let errors = plain(result.stderr)
    #expect(errors.contains("2 lignes de export.csv ne peuvent pas être lues ; rien n'a été écrit"))
    #expect(errors.contains("export.csv:5 : « 31/04/2026 » n'est pas une date"))
    #expect(errors.contains("export.csv:6 : la valeur « n/a » n'est pas un nombre"))
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/" + seriesPath))
  }

  /// A date of the right form whose day does not exist: the import says why, as `steer check`
  /// does, and a single row is « cette ligne ».
  @Test func anImportSaysWhyADayDoesNotExist() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("export.csv", "date;valeur\r\n30/02/2026;12\r\n")
    let french = try importing(directory, "export.csv", ["--lang", "fr"])
    #expect(french.status == 2)
    #expect(
      french.stderr
        == "steer\u{202F}: erreur\u{202F}: 1 ligne de export.csv ne peut pas être lue\u{202F}; rien n'a été écrit\u{202F}:\n"
        + "  export.csv:2\u{202F}: «\u{A0}30/02/2026\u{A0}» n'est pas une date du calendrier\u{202F}: février 2026 compte 28\u{A0}jours\n"
        + "  conseil\u{202F}: corrigez cette ligne dans la source (ou choisissez d'autres colonnes), puis importez à nouveau\n"
    )
    let english = try importing(directory, "export.csv", ["--lang", "en"])
    #expect(
      english.stderr
        == "steer: error: 1 row of export.csv cannot be read; nothing was written:\n"
        + "  export.csv:2: '30/02/2026' is not a real calendar date: February 2026 has 28 days\n"
        + "  hint: correct that row in the source (or choose other columns), then import again\n")
  }

  /// A hint starts with a small letter, as every other hint does.
  @Test func aMissingColumnsHintStartsWithASmallLetter() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("export.csv", "Jour;Passages\n2026-01-31;12\n")
    let french = try run(
      steerExecutable, ["import", "measurements", "export.csv", "--indicator", "open-days", "--lang", "fr"],
      in: directory.path)
    #expect(
      french.stderr.hasPrefix(
        "steer\u{202F}: erreur\u{202F}: export.csv n'a pas de colonne «\u{A0}date\u{A0}»\u{202F}; ses colonnes sont «\u{A0}Jour\u{A0}», «\u{A0}Passages\u{A0}»\n"
      ),
      "\(french.stderr)")
    #expect(
      french.stderr.hasSuffix(
        "\n  conseil\u{202F}: nommez les colonnes avec --date-column, --value-column, --source-column et --note-column\n"
      ),
      "\(french.stderr)")
    let english = try run(
      steerExecutable, ["import", "measurements", "export.csv", "--indicator", "open-days", "--lang", "en"],
      in: directory.path)
    #expect(
      english.stderr.hasSuffix(
        "\n  hint: name the columns with --date-column, --value-column, --source-column and --note-column\n"),
      "\(english.stderr)")
  }

  @Test func aConflictIsRefusedThenReplacedKeepingTheFilesLineEnds() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let existing = "date,value,source\r\n2026-01-31,70,relevé\r\n2026-02-28,72,relevé\r\n"
    try directory.write(seriesPath, existing)
    try directory.write("export.csv", frenchExport)
    let refused = try importing(directory, "export.csv")
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("2026-01-31: 70 in the series, 71.5 in the source (line 2)"))
    // In French, with French numbers, dates, agreement and punctuation.
    let french = try importing(directory, "export.csv", ["--lang", "fr"]).stderr
    #expect(
      french.contains(
        "1\u{A0}date de vision/measurements/open-days.csv a déjà une autre valeur\u{202F}; rien n'a été écrit\u{202F}:\n"
          + "  31 janvier 2026\u{202F}: 70 dans la série, 71,5 dans la source (ligne 2)"), "\(french)")
    #expect(try directory.read(seriesPath) == existing)
    let replaced = try importing(directory, "export.csv", ["--replace"])
    #expect(replaced.status == 0, "\(replaced.stderr)")
    #expect(replaced.stdout.contains("1 row added, 1 replaced, 1 already there"))
    #expect(
      try directory.read(seriesPath)
        == "date,value,source\r\n2026-01-31,71.5,\r\n2026-02-28,72,relevé\r\n2026-03-31,73.25,\r\n")
  }

  @Test(arguments: [
    ("2026-01-31", "2026-01-31"), ("31/01/2026", "2026-01-31"), ("31.01.2026", "2026-01-31"),
    ("2026/01/31", "2026-01-31"), ("2026-01-31T08:00:00Z", "2026-01-31"), ("2026-02", "2026-02-28"),
    ("02/2024", "2024-02-29"), (" 1/2/2026 ", "2026-02-01"),
  ])
  func sourceDatesAreRead(_ written: String, _ date: String) {
    #expect(MeasurementImport.date(written)?.description == date)
  }

  @Test(arguments: ["31/02/2026", "2026-13", "janvier 2026", "", "2026-1-31x"])
  func otherDatesAreNot(_ written: String) {
    #expect(MeasurementImport.date(written) == nil)
  }

  @Test(arguments: [("71,5", 71.5), ("1 234,5", 1234.5), ("1\u{202F}234", 1234), ("-3", -3), ("0.25", 0.25)])
  func sourceValuesAreRead(_ written: String, _ value: Double) {
    #expect(MeasurementImport.value(written) == value)
  }

  @Test func aDownloadReadsALoopbackServer() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("served/export.csv", frenchExport)
    let server = Process()
    server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let port = Int.random(in: 20000..<40000)
    server.arguments = ["python3", "-m", "http.server", String(port), "--bind", "127.0.0.1"]
    server.currentDirectoryURL = URL(fileURLWithPath: directory.path + "/served")
    server.standardOutput = FileHandle.nullDevice
    server.standardError = FileHandle.nullDevice
    try server.run()
    defer { server.terminate() }
    let url = "http://127.0.0.1:\(port)/export.csv"
    var result = try importing(directory, url, ["--dry-run"])
    for _ in 0..<50 where result.status != 0 {
      Thread.sleep(forTimeInterval: 0.1)  // the server is still starting
      result = try importing(directory, url, ["--dry-run"])
    }
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("+ 2026-03-31  73.25"))
    let missing = try importing(directory, "http://127.0.0.1:\(port)/absent.csv")
    #expect(missing.stderr.contains("HTTP status 404"))
    let plain = try importing(directory, "http://example.org/export.csv")
    #expect(plain.stderr.contains("is not an https:// URL"))
  }
}
