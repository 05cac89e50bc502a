import Foundation
import SteerChecks
import Testing

@testable import SteerModel

/// Messages in the users' terms, each with a position and a hint.
@Suite struct RuleMessageTests {
  private func diagnostics(_ rule: String, _ files: [String: String], configuration: String? = nil) -> [Diagnostic] {
    checkExample(files, configuration: configuration).filter { $0.rule == rule }
  }

  @Test func phaseRegressionNamesTheIterationTheUseCaseAndBothPhases() throws {
    let found = diagnostics(
      "phase-regression",
      [
        "iterations/sprint-3.md":
          "---\ntitle: S3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: planned\nitems:\n  - {usecase: sensors, target: analysis}\n---\n"
      ]
    )
    let diagnostic = try #require(found.first)
    #expect(found.count == 1)
    #expect(
      diagnostic.message == "iteration 'sprint-3' plans 'sensors' to reach 'analysis', but it is already at 'prototype'"
    )
    #expect(diagnostic.location == SourceLocation(line: 7, column: 32))
    #expect(diagnostic.hint != nil)
  }

  @Test func phaseRegressionNamesTheEarlierIterationThatPlansMore() throws {
    func iteration(_ id: String, start: String, end: String, target: String) -> String {
      "---\ntitle: \(id)\nstart: \(start)\nend: \(end)\nstatus: planned\nitems:\n  - {usecase: sensors, target: \(target)}\n---\n"
    }
    let found = diagnostics(
      "phase-regression",
      [
        "iterations/sprint-3.md": iteration("sprint-3", start: "2026-05-01", end: "2026-05-31", target: "deployed"),
        "iterations/sprint-4.md": iteration("sprint-4", start: "2026-06-01", end: "2026-06-30", target: "test"),
      ]
    )
    let diagnostic = try #require(found.first)
    #expect(found.count == 1)
    #expect(
      diagnostic.message
        == "iteration 'sprint-4' plans 'sensors' to reach 'test', but the earlier iteration 'sprint-3' already plans 'deployed'"
    )
    #expect(diagnostic.file.hasSuffix("iterations/sprint-4.md"))
    #expect(diagnostic.location == SourceLocation(line: 7, column: 32))
    #expect(diagnostic.finding.related.contains { $0.hasSuffix("iterations/sprint-3.md") })
  }

  /// Each `{n}` is replaced once by its argument, in either language's order; what an argument
  /// holds (braces, accents) is never read as a placeholder, and one with no argument stays.
  @Test(arguments: [
    (Language.en, ["key", "é{1}", " in 'x'", "3"], "duplicate key 'é{1}' in 'x' (first written on line 3)"),
    (Language.fr, ["clé", "ü", "", "12"], "clé « ü » en double (déjà écrit ligne 12)"),
    (Language.en, ["key"], "duplicate key '{1}'{2} (first written on line {3})"),
  ])
  func placeholdersAreFilledOnceEach(language: Language, arguments: [String], expected: String) {
    #expect(Wording(language).fill("schema.duplicate_key", arguments) == expected)
  }

  @Test func aCycleMessageListsTheWholeCycle() throws {
    func useCase(_ id: String, _ dependency: String) -> String {
      "---\ntitle: \(id)\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\ndepends_on: [\(dependency)]\n---\n"
    }
    let found = diagnostics(
      "dependency-cycle",
      ["usecases/a.md": useCase("a", "b"), "usecases/b.md": useCase("b", "c"), "usecases/c.md": useCase("c", "a")])
    #expect(found.map(\.message) == ["'a' depends on itself: a → b → c → a"])
    let selfLoop = diagnostics("dependency-cycle", ["usecases/a.md": useCase("a", "a")])
    #expect(selfLoop.map(\.message) == ["'a' depends on itself: a → a"])
  }

  @Test func capacityGivesTheSumAndTheCapacity() {
    let found = diagnostics(
      "capacity",
      [
        "iterations/sprint-3.md":
          "---\ntitle: S3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: planned\ncapacity: 2.5\nitems:\n  - {usecase: sensors, target: deployed}\n  - {usecase: sensors, target: scaled, effort: 1.5}\n---\n"
      ]
    )
    #expect(found.map(\.message) == ["iteration 'sprint-3' plans 3.5 days of work for a capacity of 2.5"])
    #expect(found.first?.hint == "move 1 days to a later iteration, or raise the capacity")
  }

  @Test func severitiesAreReGradedByTheConfiguration() {
    let files = ["objectives/air.md": "---\ntitle: Clean air\naxis: data\nowner: mayor\n---\n"]
    #expect(checkExample(files, configuration: nil).map(\.severity) == [.warning])
    #expect(checkExample(files, configuration: "rules: {orphan-objective: error}").map(\.severity) == [.error])
    #expect(checkExample(files, configuration: "rules: {orphan-objective: off}").isEmpty)
  }

  @Test func suppressionsSilenceAndReportWhatTheyDoNotSilence() {
    let body = "---\ntitle: Clean air\naxis: data\nowner: mayor\n---\n"
    #expect(
      checkExample(["objectives/air.md": body + "<!-- steer-disable orphan-objective -->\n"], configuration: nil)
        .isEmpty)
    let misnamed = checkExample(
      ["objectives/air.md": body + "Text <!-- steer-disable orphan-objectiv -->\n"], configuration: nil)
    #expect(misnamed.map(\.rule).sorted() == ["orphan-objective", "unused-suppression"])
    #expect(misnamed.first { $0.rule == "unused-suppression" }?.location == SourceLocation(line: 6, column: 6))
    let reading = checkExample(
      [
        "objectives/air.md":
          "---\n# steer-disable-next-line schema, orphan-objective\n\ntitle: Clean air\naxis: data\nowner: mayor\n---\n"
      ],
      configuration: nil)
    #expect(reading.map(\.message) == ["the reading rule 'schema' cannot be suppressed: fix the problem instead"])
    // A rule turned off needs no suppression, and its suppressions are not reported.
    #expect(
      checkExample(
        ["objectives/air.md": body + "<!-- steer-disable capacity -->\n"], configuration: "rules: {capacity: off}"
      )
      .map(\.rule) == ["orphan-objective"])
  }

  @Test(arguments: [
    (
      Language.en,
      "'kiosk' is at 'prototype' but has had no ideation workshop, and none of its users (residents) took part in its workshops"
    ),
    (
      Language.fr,
      "« kiosk » est en phase « prototype » mais n'a eu aucun atelier d'idéation, et aucun de ses usagers (residents) n'a participé à ses ateliers"
    ),
  ])
  func coConstructionNamesTheAbsentUsersInTheReadersLanguage(_ language: Language, _ expected: String) {
    let files = [
      "usecases/kiosk.md":
        "---\ntitle: Kiosk\nobjectives: [clean-water]\nphase: prototype\nowner: mayor\nusers: [residents]\n---\n",
      "workshops/kiosk-analysis.md":
        "---\ndate: 2026-02-01\nphase: analysis\nusecases: [kiosk]\nparticipants: [mayor, engineers]\n---\n",
    ]
    let found = diagnostics(
      "co-construction", files, configuration: "language: \(language.rawValue)\n" + ExampleLedger.configuration)
    #expect(found.map(\.message) == [expected])
  }

  /// Every message of the catalogue is said somewhere: a key no code uses is a message that
  /// was written out by hand instead (and so never translated).
  @Test func everyCatalogueKeyIsUsed() throws {
    let sources = testsDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Sources")
    var code = ""
    for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
    where url.pathExtension == "swift" && url.lastPathComponent != "WordingTable.swift" {
      code += try String(contentsOf: url, encoding: .utf8)
    }
    for key in WordingTable.entries.keys {
      // `key.hint` is said through its message's key (`say.optional(key + ".hint")`).
      let said = key.hasSuffix(".hint") ? String(key.dropLast(".hint".count)) : key
      #expect(code.contains("\"\(said)\"") || code.contains("\"\(key)\""), "'\(key)' is never said")
    }
  }
}
