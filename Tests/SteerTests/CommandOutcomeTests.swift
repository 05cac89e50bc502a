import Foundation
import SteerKit
import SteerMetrics
import SteerModel
import SteerOutput
import Testing

/// A command as the command line runs it, in-process from `directory`: what it writes and its
/// exit status.
private func outcome(
  in directory: String, language: Language? = nil, ledger: String? = nil,
  _ command: (Session) throws -> CommandOutcome
) -> (status: Int32, output: String, errors: String) {
  let options = SessionOptions(currentDirectory: directory, ledger: ledger, language: language)
  return CommandOutcome.running(options, command).collected()
}

/// What each command writes and how it exits, composed in the library: the command line only
/// writes it.
@Suite struct CommandOutcomeTests {
  @Test func checkExitsOneOnErrorsAndOnWarningsWhenStrict() throws {
    let directory = try fixtureLedger("schema")
    defer { directory.remove() }
    let checked = outcome(in: directory.path) { try $0.checkOutcome([OutputRequest(format: .text)]) }
    #expect(checked.status == 1)
    #expect(checked.errors.isEmpty)
    try expectGolden(checked.output, "check-schema.txt")
    let reference = outcome(in: referenceCopy) { try $0.checkOutcome([OutputRequest(format: .text)]) }
    #expect(reference.status == 0)
    let strict = outcome(in: referenceCopy) { try $0.checkOutcome([OutputRequest(format: .text)], strict: true) }
    #expect(strict.status == 1)
    #expect(strict.output == reference.output)
  }

  /// The files of `--format FORMAT:PATH` are written with the outcome, before standard output.
  @Test func checkWritesItsFilesThenStandardOutput() throws {
    let directory = try fixtureLedger("schema")
    defer { directory.remove() }
    let requests = [OutputRequest(format: .sarif, path: "out/steer.sarif"), OutputRequest(format: .json)]
    let command = CommandOutcome.running(SessionOptions(currentDirectory: directory.path)) {
      try $0.checkOutcome(requests)
    }
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/out/steer.sarif"))
    let written = command.collected()
    #expect(written.status == 1)
    #expect(try directory.read("out/steer.sarif").contains("\"version\": \"2.1.0\""))
    try expectGolden(written.output, "check-schema.json")
  }

  @Test(arguments: [
    (Language.en, "steer: error: only one --format"), (.fr, "steer\u{202F}: erreur\u{202F}: un seul --format"),
  ])
  func twoFormatsOnStandardOutputExitTwo(language: Language, words: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let written = outcome(in: directory.path, language: language) {
      try $0.checkOutcome([OutputRequest(format: .json), OutputRequest(format: .text)])
    }
    #expect(written.status == 2)
    #expect(written.output.isEmpty)
    #expect(written.errors.hasPrefix(words), "\(written.errors)")
  }

  @Test(arguments: [
    (Language.en, "steer: error: there is no ledger"),
    (.fr, "steer\u{202F}: erreur\u{202F}: il n'y a pas de répertoire de registre"),
  ])
  func aSessionThatCannotBeMadeExitsTwo(language: Language, words: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let written = outcome(in: directory.path, language: language) { try $0.metricsOutcome(format: .text) }
    #expect(written.status == 2)
    #expect(written.output.isEmpty)
    #expect(written.errors.hasPrefix(words) && written.errors.hasSuffix("\n"), "\(written.errors)")
  }

  @Test func theBaselineIsWrittenWithALineSayingSo() throws {
    let directory = try fixtureLedger("schema")
    defer { directory.remove() }
    let written = outcome(in: directory.path, language: .fr) {
      try $0.checkOutcome([OutputRequest(format: .text)], writeBaseline: "baseline.json")
    }
    #expect(written.status == 0)
    #expect(written.output.hasPrefix("Écrit\u{202F}: baseline.json, avec "), "\(written.output)")
    #expect(written.output.hasSuffix("\u{202F}; passez-le avec --baseline.\n"))
    let filtered = outcome(in: directory.path) {
      try $0.checkOutcome([OutputRequest(format: .text)], baseline: "baseline.json")
    }
    #expect(filtered.status == 0)
  }

  @Test func metricsWarnAboutWhatCouldNotBeRead() throws {
    let directory = try fixtureLedger("front-matter")
    defer { directory.remove() }
    let written = outcome(in: directory.path) { try $0.metricsOutcome(format: .csv) }
    #expect(written.status == 0)
    #expect(written.errors.hasPrefix("steer: warning: "), "\(written.errors)")
    #expect(written.errors.hasSuffix("reading errors; the metrics leave out what cannot be read (run `steer check`)\n"))
    #expect(written.output.hasPrefix("metric,ledger\n"))
    let read = outcome(in: referenceCopy) { try $0.metricsOutcome(format: .json) }
    #expect(read.errors.isEmpty)
    #expect(read.output.hasSuffix("}\n"))
  }

  @Test func explainAndSchemaSayWhatIsWrongInTheReadersLanguage() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let unknown = outcome(in: directory.path, language: .fr) { try $0.explainOutcome("capacty") }
    #expect(unknown.status == 2)
    #expect(
      unknown.errors
        == "steer\u{202F}: erreur\u{202F}: il n'y a pas de règle «\u{A0}capacty\u{A0}»\n"
        + "  conseil\u{202F}: vouliez-vous dire «\u{A0}capacity\u{A0}»\u{202F}?\n")
    let all = outcome(in: directory.path) { try $0.schemaOutcome(kind: nil, out: nil) }
    #expect(all.status == 2)
    #expect(all.errors.hasPrefix("steer: error: name a --kind"))
    let one = outcome(in: directory.path) { try $0.schemaOutcome(kind: "config", out: nil) }
    #expect(one.status == 0)
    #expect(try JSONSerialization.jsonObject(with: Data(one.output.utf8)) is [String: Any])
  }

  /// A schema that cannot be written stops the others, after the lines of those written.
  @Test func schemasWrittenBeforeAFailureAreStillSaid() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FileManager.default.createDirectory(
      atPath: directory.path + "/schemas/config.schema.json", withIntermediateDirectories: true)
    let written = outcome(in: directory.path) { try $0.schemaOutcome(kind: nil, out: "schemas") }
    #expect(written.status == 2)
    #expect(written.output.hasPrefix("Wrote schemas/vision.schema.json.\n"), "\(written.output)")
    #expect(!written.output.contains("config.schema.json"))
    #expect(written.errors.hasPrefix("steer: error: "), "\(written.errors)")
  }

  /// `--trend` is refused before any ledger is looked for.
  @Test func aNegativeTrendIsRefusedFirst() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let request = SummaryRequest(trend: -1)
    let options = SessionOptions(currentDirectory: directory.path)
    let written = CommandOutcome.running(options, validate: request.validate) { try $0.summaryOutcome(request) }
      .collected()
    #expect(written.status == 2)
    #expect(written.errors == "steer: error: --trend takes a number of iterations, 0 or more\n")
  }

  @Test func renameListsTheFilesItChanged() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    let dryRun = outcome(in: directory.path) { try $0.renameOutcome("mayor", to: "maire", dryRun: true) }
    #expect(dryRun.output.hasPrefix("--- a/"))
    let renamed = outcome(in: directory.path, language: .fr) { try $0.renameOutcome("mayor", to: "maire") }
    #expect(renamed.status == 0)
    let lines = renamed.output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("«\u{A0}mayor\u{A0}» renommé en «\u{A0}maire\u{A0}» dans ") == true)
    #expect(lines.contains("  vision/stakeholders/mayor.md → vision/stakeholders/maire.md"), "\(renamed.output)")
  }

  @Test func fetchSaysWhenNoMemberIsGivenByURL() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(".steer.yaml", "federation:\n  - {name: commune-a, repository: ../commune-a}\n")
    try commitLedger(directory)
    let written = outcome(in: directory.path) { try $0.fetchOutcome() }
    #expect(written.status == 0)
    #expect(written.output == "No member is given by URL: members given by a path are read in place.\n")
  }

  /// The command line writes exactly what the library composes.
  @Test(arguments: [["metrics"], ["metrics", "--format", "json"], ["check", "--format", "sarif"], ["rules"]])
  func theCommandLineWritesTheOutcome(_ arguments: [String]) throws {
    let cli = try run(steerExecutable, arguments + ["--lang", "fr"], in: referenceCopy)
    let written = outcome(in: referenceCopy, language: .fr) { session in
      switch arguments {
      case ["metrics"]: try session.metricsOutcome(format: .text)
      case ["metrics", "--format", "json"]: try session.metricsOutcome(format: .json)
      case ["check", "--format", "sarif"]: try session.checkOutcome([OutputRequest(format: .sarif)])
      default: session.rulesOutcome()
      }
    }
    #expect(written.status == cli.status)
    #expect(written.output == cli.stdout)
    #expect(written.errors == cli.stderr)
  }
}

extension FederationTests {
  /// `steer metrics`' text ends with the members side by side, after a blank line; its JSON
  /// carries them as `federation`.
  @Test func metricsCompareTheMembersInProcess() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let region = directory.path + "/region"
    let text = outcome(in: region) { try $0.metricsOutcome(format: .text) }
    #expect(text.status == 0)
    // commune-a's `contributes_to` names nothing in the region: a reading error, said.
    #expect(
      text.errors
        == "steer: warning: commune-a:vision/objectives/clean-water.md has reading errors; the metrics leave out what cannot be read (run `steer check`)\n"
    )
    let parts = text.output.components(separatedBy: "\n\nFEDERATION: THE MEMBERS SIDE BY SIDE\n\n")
    #expect(parts.count == 2)
    #expect(parts.last?.hasPrefix("metric") == true && parts.last?.hasSuffix("\n\n") == true)
    let rows = tableRows(parts.last ?? "")
    #expect(rows.first == "metric this ledger Aiglun Commune de Barles")
    #expect(rows.count == 1 + MetricRegistry.standard.gateable.count)
    let json = outcome(in: region) { try $0.metricsOutcome(format: .json) }
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let federation = try #require(document["federation"] as? [String: Any])
    #expect((federation["members"] as? [[String: Any]])?.count == 2)
    let cli = try run(steerExecutable, ["metrics"], in: region)
    #expect(cli.stdout == text.output)
  }
}
