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
      diagnostic.message
        == "iteration S3 (sprint-3) plans Water sensors (sensors) to reach 'analysis', but it is already at 'prototype'"
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
        == "iteration sprint-4 plans Water sensors (sensors) to reach 'test', but the earlier iteration sprint-3 already plans 'deployed'"
    )
    #expect(diagnostic.file.hasSuffix("iterations/sprint-4.md"))
    #expect(diagnostic.location == SourceLocation(line: 7, column: 32))
    #expect(diagnostic.finding.related.contains { $0.hasSuffix("iterations/sprint-3.md") })
  }

  /// French typography comes from the written part of a message, never from what it quotes:
  /// « » with no-break spaces, a narrow no-break space before `;` `:` `!` `?` and `%`.
  @Test func frenchTypographyIsSetOnTheWrittenPartOnly() {
    let value = "a : b"
    let french: French = "l'identifiant « \(value) » : voir ; ici ? oui ! 5 %"
    #expect(
      french.text
        == "l'identifiant «\u{A0}a : b\u{A0}»\u{202F}: voir\u{202F}; ici\u{202F}? oui\u{202F}! 5\u{202F}%")
    #expect(French("`nom: valeur`").text == "`nom: valeur`")
    #expect(French("« : »").text == "«\u{A0}:\u{A0}»")
  }

  @Test(arguments: [
    (Language.en, 0, "0 errors"), (.en, 1, "1 error"), (.en, 2, "2 errors"), (.en, 12_345, "12,345 errors"),
    (.fr, 0, "0\u{A0}erreur"), (.fr, 1, "1\u{A0}erreur"), (.fr, 2, "2\u{A0}erreurs"),
    (.fr, 12_345, "12\u{202F}345\u{A0}erreurs"),
  ])
  func countsTakeTheLanguagesPlural(language: Language, count: Int, expected: String) {
    #expect(Wording(language).count(count, en: ("error", "errors"), fr: ("erreur", "erreurs")) == expected)
  }

  @Test func frenchElidesAndWritesTheFirstOfTheMonth() {
    #expect(French("une liste \(de: "identifiants")").text == "une liste d'identifiants")
    #expect(French("une liste \(de: "textes")").text == "une liste de textes")
    #expect(French.elide("que", before: "un") == "qu'")
    let first = CalendarDate(iso: "2053-10-01")!
    #expect(Wording(.fr).date(first) == "1er octobre 2053")
    #expect(Wording(.en).date(first) == "1 October 2053")
    #expect(Wording(.fr).number(1234.5) == "1\u{202F}234,5")
    #expect(Wording(.fr).number(4200) == "4\u{202F}200" && Wording(.fr).number(-999) == "−999")
    #expect(Wording(.en).number(4200) == "4,200")
    #expect(Wording(.fr).number(-0.04) == "0")
    #expect(Wording(.en).number(1e300) == (1e300).plainText())
  }

  @Test func aCycleMessageListsTheWholeCycle() throws {
    func useCase(_ id: String, _ dependency: String) -> String {
      "---\ntitle: \(id)\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\ndepends_on: [\(dependency)]\n---\n"
    }
    let found = diagnostics(
      "dependency-cycle",
      ["usecases/a.md": useCase("a", "b"), "usecases/b.md": useCase("b", "c"), "usecases/c.md": useCase("c", "a")])
    #expect(found.map(\.message) == ["use case a depends on itself: a → b → c → a"])
    let selfLoop = diagnostics("dependency-cycle", ["usecases/a.md": useCase("a", "a")])
    #expect(selfLoop.map(\.message) == ["use case a depends on itself: a → a"])
  }

  @Test func capacityGivesTheSumAndTheCapacity() {
    let found = diagnostics(
      "capacity",
      [
        "iterations/sprint-3.md":
          "---\ntitle: S3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: planned\ncapacity: 2.5\nitems:\n  - {usecase: sensors, target: deployed}\n  - {usecase: sensors, target: scaled, effort: 1.5}\n---\n"
      ]
    )
    #expect(found.map(\.message) == ["iteration S3 (sprint-3) plans 3.5 days of work for a capacity of 2.5"])
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
      "Kiosk (kiosk) is at 'prototype' but has had no ideation workshop and none of its users took part in its workshops: Residents (residents)"
    ),
    (
      Language.fr,
      "Kiosk (kiosk) est en phase «\u{A0}prototype\u{A0}» mais n'a eu aucun atelier d'idéation et aucun de ses usagers n'a participé à ses ateliers\u{202F}: Residents (residents)"
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

  /// Each gap a clause of its own, joined once: no "and … and …, so none took part".
  @Test(arguments: [
    (Language.en, "Kiosk (kiosk) is at 'prototype' but has had no analysis or ideation workshop and lists no users"),
    (
      Language.fr,
      "Kiosk (kiosk) est en phase «\u{A0}prototype\u{A0}» mais n'a eu aucun atelier d'analyse ni d'idéation et ne désigne aucun usager"
    ),
  ])
  func coConstructionSaysEveryGapInOneSentence(_ language: Language, _ expected: String) {
    let files = [
      "usecases/kiosk.md": "---\ntitle: Kiosk\nobjectives: [clean-water]\nphase: prototype\nowner: mayor\n---\n"
    ]
    let found = diagnostics(
      "co-construction", files, configuration: "language: \(language.rawValue)\n" + ExampleLedger.configuration)
    #expect(found.map(\.message) == [expected])
  }

  /// The committee reads these findings: each thing by its title, then the id its file uses;
  /// the id alone where the ledger gives it no title (here the owner `clerk`, undeclared).
  @Test(arguments: [
    (
      Language.en, "mayor",
      "the action \"Invite residents\" is still open, but it was due by the iteration Sprint 1 (sprint-1), which is closed; owner: Mayor (mayor)"
    ),
    (
      Language.fr, "mayor",
      "l'action «\u{A0}Invite residents\u{A0}» est toujours ouverte, alors qu'elle était attendue pour l'itération Sprint 1 (sprint-1), désormais close\u{202F}; responsable\u{202F}: Mayor (mayor)"
    ),
    (
      Language.en, "clerk",
      "the action \"Invite residents\" is still open, but it was due by the iteration Sprint 1 (sprint-1), which is closed; owner: clerk"
    ),
  ])
  func overdueActionNamesTheOwnerAndIterationByTitle(_ language: Language, _ owner: String, _ expected: String) {
    let files = [
      "retros/sprint-1.md":
        "---\ndate: 2026-04-01\nparticipants: [mayor]\nactions:\n  - {text: Invite residents, owner: \(owner), due: sprint-1, status: open}\n---\n"
    ]
    let found = diagnostics(
      "overdue-action", files, configuration: "language: \(language.rawValue)\n" + ExampleLedger.configuration)
    #expect(found.map(\.message) == [expected])
  }

  @Test(arguments: [
    (Language.en, "no citizen stakeholder endorses the vision (latest stances: Residents (residents): reservations)"),
    (
      Language.fr,
      "aucune partie prenante du groupe «\u{A0}citoyens\u{A0}» ne soutient la vision (dernières positions\u{202F}: Residents (residents)\u{202F}: réserves)"
    ),
  ])
  func endorsementNamesTheStakeholdersByName(_ language: Language, _ expected: String) {
    let vision = ExampleLedger.base["vision.md"]!.replacingOccurrences(
      of: "residents, date: 2026-01-10, stance: endorse}\n",
      with:
        "residents, date: 2026-01-10, stance: endorse}\n  - {stakeholder: residents, date: 2026-03-01, stance: reservations}\n"
    )
    let found = diagnostics(
      "endorsement", ["vision.md": vision],
      configuration: "language: \(language.rawValue)\n" + ExampleLedger.configuration)
    #expect(found.map(\.message) == [expected])
  }

  /// While the retrospective is not recorded, `steer retro record` moves the phase: the hint
  /// says so rather than sending the writer to edit the use case by hand.
  @Test(
    arguments: [
      (Set<String>(), Language.en, "run `steer retro record sprint-1`, which records it and writes `phase: test`"),
      ([], .fr, "lancez `steer retro record sprint-1`, qui la consigne et écrit `phase: test` dans vision/usecases/"),
      (["sprint-1"], .en, "write `phase: test` in vision/usecases/sensors.md, or correct the retrospective"),
      (nil, .fr, "indiquez `phase: test` dans vision/usecases/sensors.md, ou corrigez la rétrospective"),
    ] as [(Set<String>?, Language, String)])
  func deliveryMismatchSendsToRetroRecordUntilRecorded(_ recorded: Set<String>?, _ language: Language, _ hint: String) {
    let retro = """
      ---
      date: 2026-04-01
      participants: [mayor, residents]
      delivered:
        - {usecase: sensors, phase: test}
      ---

      """
    let found = checkExample(
      ["retros/sprint-1.md": retro], configuration: "language: \(language.rawValue)\n" + ExampleLedger.configuration,
      recorded: recorded
    ).filter { $0.rule == "delivery-mismatch" }
    #expect(found.count == 1)
    #expect(found.first?.hint?.contains(hint) == true, "\(found.map(\.hint))")
    #expect(
      found.first?.message
        == (language == .fr
          ? "la rétrospective de l'itération Sprint 1 (sprint-1) dit que Water sensors (sensors) a été livré en phase «\u{A0}test\u{A0}», mais son fichier indique «\u{A0}prototype\u{A0}»"
          : "the retrospective of iteration Sprint 1 (sprint-1) says Water sensors (sensors) was delivered at 'test', but its file says 'prototype'")
    )
  }

  /// Every message of the catalogue is said somewhere: a message no code uses is one that was
  /// written out by hand instead (and so never translated), or dead.
  @Test func everyMessageIsSaid() throws {
    let sources = testsDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
      "Sources")
    var code = ""
    for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
    where url.pathExtension == "swift" {
      code += try String(contentsOf: url, encoding: .utf8)
    }
    var messages: [String] = []
    for block in code.components(separatedBy: "\nextension Wording {\n").dropFirst() {
      let body = block.components(separatedBy: "\n}\n")[0]
      for line in body.split(separator: "\n") {
        guard let range = line.range(of: #"func [a-zA-Z0-9]+\("#, options: .regularExpression) else { continue }
        messages.append(String(line[range].dropFirst(5).dropLast()))
      }
    }
    #expect(messages.count > 120)
    for name in messages {
      #expect(code.contains(".\(name)("), "the message '\(name)' is never said")
    }
  }
}
