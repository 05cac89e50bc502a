import Foundation
import SteerChecks
import SteerKit
import SteerLoading
import SteerModel
import Testing

@Suite struct ConfigurationTests {
  @Test func unknownKeysRulesAndMetricsAreReportedWhereWritten() throws {
    let directory = try fixtureLedger("config")
    defer { directory.remove() }
    let diagnostics = try check(in: directory.path).report.diagnostics
    #expect(
      diagnostics.filter { $0.file == ".steer.yaml" }.map(summary) == [
        "schema .steer.yaml:2:1", "schema .steer.yaml:4:3", "schema .steer.yaml:5:3", "schema .steer.yaml:7:3",
        "schema .steer.yaml:8:17", "schema .steer.yaml:9:11",
      ])
    #expect(diagnostics.last { $0.file == ".steer.yaml" }?.message.contains("it is a ratio from 0 to 1") == true)
    #expect(diagnostics[0].hint?.hasPrefix("did you mean 'language'?") == true)
    #expect(diagnostics[1].message.contains("cannot be re-graded"))
    #expect(diagnostics[2].message == "unknown rule 'no-such-rule'")
    #expect(diagnostics[3].hint?.hasPrefix("did you mean 'concordance'?") == true)
  }

  @Test func configurationNamesTheLedger() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.copyFixture("minimal")
    try FileManager.default.moveItem(atPath: directory.path + "/vision", toPath: directory.path + "/governance")
    try directory.write(".steer.yaml", "ledger: governance\nlanguage: fr\nrequired_endorsements: [elected]\n")
    let session = try session(directory.path)
    let result = try session.check()
    #expect(result.report.diagnostics.isEmpty)
    #expect(result.report.documentCount == 10)
    #expect(session.configuration.language == .fr)
    #expect(session.configuration.requiredEndorsements == [.elected])
  }

  @Test(arguments: ["/etc", "../outside", ""])
  func ledgerPathMustStayInTheRepository(_ path: String) {
    let (configuration, findings) = ConfigurationLoader.load(
      Array("ledger: \"\(path)\"\n".utf8), path: ".steer.yaml", knownRules: RuleCatalogue.knownRules)
    #expect(configuration.ledger == nil)
    #expect(findings.map(\.rule) == ["schema"])
  }

  /// The guard is not only lexical: a committed link named as the ledger must not lead
  /// outside the repository (the error in the configuration's language); one inside is read.
  @Test func aLinkedLedgerMustStayInTheRepository() throws {
    let outside = try fixtureLedger()
    defer { outside.remove() }
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    try directory.write(".steer.yaml", "ledger: linked\nlanguage: fr\n")
    try FileManager.default.createSymbolicLink(
      atPath: directory.path + "/linked", withDestinationPath: outside.path + "/vision")
    let refused = try run(steerExecutable, ["check"], in: directory.path)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("mène hors du dépôt"), "\(refused.stderr)")
    try FileManager.default.copyItem(atPath: outside.path + "/vision", toPath: directory.path + "/inside")
    try FileManager.default.removeItem(atPath: directory.path + "/linked")
    try FileManager.default.createSymbolicLink(atPath: directory.path + "/linked", withDestinationPath: "inside")
    let read = try run(steerExecutable, ["check"], in: directory.path)
    #expect(read.status == 0, "\(read.stdout)\(read.stderr)")
  }

  @Test func rulesAndGatesAreRead() {
    let yaml = "rules:\n  duplicate-id: warning\ngates:\n  traceability: 0.9\n  say_do: 0.75\n"
    var known = RuleCatalogue.knownRules
    known["capacity"] = false  // a rule that can be re-graded
    let (configuration, findings) = ConfigurationLoader.load(
      Array((yaml + "  coverage: 1\nrules_extra: 1\n").utf8), path: ".steer.yaml", knownRules: known)
    #expect(findings.map { "\($0.location!.line):\($0.location!.column)" } == ["2:3", "7:1"])
    #expect(configuration.gates["traceability"]?.value == 0.9)
    #expect(configuration.gates["say_do"]?.value == 0.75)
    #expect(configuration.gates["coverage"]?.value == 1)
  }

  /// Windows' Notepad starts the file with a byte-order mark: every key is still read, and a
  /// finding's position is the one an editor shows, whatever the line ends.
  @Test(arguments: ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"])
  func byteOrderMarkIsAcceptedWithEveryLineEnd(_ lineEnd: String) {
    let text = ["ledger: vision", "language: fr", "required_endorsements: [elected]", "gates:", "  coverag: 0.5", ""]
      .joined(separator: lineEnd)
    let (configuration, findings) = ConfigurationLoader.load(
      SourceText.byteOrderMark + Array(text.utf8), path: ".steer.yaml", knownRules: RuleCatalogue.knownRules)
    #expect(configuration.ledger == "vision")
    #expect(configuration.language == .fr)
    #expect(configuration.requiredEndorsements == [.elected])
    #expect(findings.map { "\($0.rule) \($0.location!.line):\($0.location!.column)" } == ["schema 5:3"])
  }

  @Test func configurationSyntaxErrorIsAFrontMatterFinding() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(".steer.yaml", "rules: [unclosed\n")
    let diagnostics = try check(in: directory.path).report.diagnostics
    #expect(diagnostics.map(\.rule) == ["front-matter"])
    #expect(diagnostics.first?.file == ".steer.yaml")
  }

  @Test func strictCountsWarnings() {
    let warning = Diagnostic(Finding(rule: "missing-retro", file: "f", location: nil, message: "m"), severity: .warning)
    #expect(CheckOutcome.exitStatus([warning], strict: false) == 0)
    #expect(CheckOutcome.exitStatus([warning], strict: true) == 1)
    #expect(CheckOutcome.exitStatus([], strict: true) == 0)
  }
}
