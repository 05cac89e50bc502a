import Foundation
import SteerChecks
import SteerLoading
import SteerModel
import Testing

/// Loads the example ledger with `files` laid over it, entirely in memory, and checks it:
/// only the findings that involve `scope`, when given, as of `ExampleLedger.today`, with the
/// iterations `recorded` recorded (nil: no repository).
func checkExample(
  _ files: [String: String], configuration: String?, scope: Set<String>? = nil, recorded: Set<String>? = nil
) -> [Diagnostic] {
  let documents = ExampleLedger.base.merging(files) { _, new in new }
  let ledgerFiles = documents.keys.map { LedgerFile(path: "vision/" + $0, relativePath: $0) }
  let (configuration, configurationFindings) = ConfigurationLoader.load(
    Array((configuration ?? ExampleLedger.configuration).utf8), path: ".steer.yaml",
    knownRules: RuleCatalogue.knownRules)
  let loaded = LedgerLoader.load(directory: "vision", files: ledgerFiles, language: configuration.language) { file in
    .bytes(Array(documents[file.relativePath]!.utf8))
  }
  return Checker(configuration: configuration).check(
    loaded.ledger, readingFindings: loaded.findings + configurationFindings, scope: scope,
    circumstances: CheckCircumstances(today: ExampleLedger.today, recordedIterations: recorded))
}

@Suite struct RuleExampleTests {
  @Test func theExampleLedgerTriggersNoRule() {
    #expect(checkExample([:], configuration: nil).map(\.message) == [])
  }

  /// Every rule documents at least one example that triggers it and one that does not, and
  /// each runs through the real checker: findings of the rule exactly where `↓` marks them.
  @Test(arguments: RuleCatalogue.descriptions)
  func examplesBehaveAsDocumented(_ rule: RuleDescription) {
    // An example is a single ledger: `federation-member` needs another repository, and
    // FederationTests shows it with real ones (its explanation says so).
    let crossRepository = rule.id == FederationMemberRule.description.id
    #expect(crossRepository || rule.examples.contains { $0.triggers }, "\(rule.id) has no triggering example")
    #expect(rule.examples.contains { !$0.triggers }, "\(rule.id) has no non-triggering example")
    for (number, example) in rule.examples.enumerated() {
      let (files, configuration, marks) = example.unmarked()
      let diagnostics = checkExample(files, configuration: configuration)
      let found = diagnostics.filter { $0.rule == rule.id }.map { "\($0.file):\($0.location?.description ?? "-")" }
      let expected = marks.flatMap { path, locations in
        locations.map { path == Configuration.fileName ? "\(path):\($0)" : "vision/\(path):\($0)" }
      }
      #expect(found.sorted() == expected.sorted(), "\(rule.id) example \(number + 1)")
      if rule.canBeRegraded {
        let reading = diagnostics.filter { RuleCatalogue.knownRules[$0.rule] == true }
        #expect(reading.isEmpty, "\(rule.id) example \(number + 1) does not read cleanly: \(reading.map(\.message))")
      }
      if !example.triggers { #expect(marks.isEmpty) }
    }
  }

  /// `--since` checks with a scope, which rules may use to skip findings nobody will read:
  /// for every example, whatever file changed (one of its own, a new one in a directory, the
  /// configuration), the findings are exactly a full check's that involve it.
  @Test(arguments: RuleCatalogue.descriptions)
  func aScopedCheckKeepsExactlyTheFindingsThatInvolveTheScope(_ rule: RuleDescription) {
    for example in rule.examples {
      let (files, configuration, _) = example.unmarked()
      let full = checkExample(files, configuration: configuration)
      let paths = ExampleLedger.base.merging(files) { _, new in new }.keys.map { "vision/" + $0 }
      let directories = DocumentKind.allCases.compactMap(\.directory).map { "vision/\($0)/added.md" }
      for changed in paths + directories + [Configuration.fileName] {
        let scope: Set<String> = [changed]
        let scoped = checkExample(files, configuration: configuration, scope: scope)
        #expect(scoped == full.filter { $0.finding.involves(scope) }, "\(rule.id), \(changed) changed")
      }
    }
  }

  /// A rule written but not registered would never run: every `…: Rule` type under
  /// Sources/SteerChecks/Rules/ is in the catalogue, once.
  @Test func everyRuleTypeIsInTheCatalogue() throws {
    let rules = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Sources/SteerChecks/Rules")
    var declared: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: rules.path) where name.hasSuffix(".swift") {
      let text = try String(contentsOf: rules.appendingPathComponent(name), encoding: .utf8)
      for match in text.matches(of: /struct (\w+): Rule\b/) { declared.append(String(match.1)) }
    }
    let registered = RuleCatalogue.rules.map { String(describing: type(of: $0)) }
    #expect(declared.count >= 20)
    #expect(registered.sorted() == declared.sorted())
  }

  @Test func everyRuleIsDescribedOnce() {
    let ids = RuleCatalogue.descriptions.map(\.id)
    #expect(Set(ids).count == ids.count)
    for rule in RuleCatalogue.descriptions {
      #expect(![rule.summary.en, rule.summary.fr, rule.rationale.en, rule.rationale.fr].contains(""))
      #expect((rule.category == .governance) == (rule.defaultSeverity == .warning))
      #expect(rule.examples.allSatisfy { example in example.triggers == !example.unmarked().marks.isEmpty })
    }
  }
}

extension RuleDescription: CustomTestStringConvertible {
  public var testDescription: String { id }
}
