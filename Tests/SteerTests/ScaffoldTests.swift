import Foundation
import SteerKit
import SteerModel
import SteerScaffold
import SteerWriting
import Testing

private let today = CalendarDate(year: 2026, month: 11, day: 21)!

@Suite struct ScaffoldTests {
  @Test(arguments: [
    ("Plages connectées", "plages-connectees"),
    ("  Œuvre d'art -- publique!  ", "oeuvre-d-art-publique"),
    ("Éclairage 2030: phase II", "eclairage-2030-phase-ii"),
    ("Straße & Łódź", "strasse-lodz"),
    ("../../etc/passwd", "etc-passwd"),
    ("日本語", ""),
    (String(repeating: "abc ", count: 30), String(String(repeating: "abc-", count: 16).dropLast())),
  ])
  func slugs(_ title: String, _ slug: String) {
    #expect(Slug.make(title) == slug)
    #expect(slug.isEmpty || Identifier.isValid(slug))
  }

  @Test(arguments: DocumentKind.allCases.filter { $0 != .vision })
  func everyTemplateProducesAValidDocument(_ kind: DocumentKind) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let title = kind == .retro ? "sprint-2" : "Plages : \"connectées\" # 1"
    let path = try session(directory.path).newDocument(kind, title: title, today: today)
    let expectedName = kind == .retro ? "sprint-2" : "plages-connectees-1"
    #expect(path == "vision/\(kind.directory!)/\(expectedName).md")
    let result = try check(in: directory.path)
    // It passes: no error. A new objective is served by no use case yet, which is worth a warning.
    #expect(result.exitStatus == 0, "\(result.report.diagnostics.map(\.message))")
    let expected = kind == .objective ? ["orphan-objective"] : []
    #expect(result.report.diagnostics.map(\.rule) == expected, "\(result.report.diagnostics.map(\.message))")
    #expect(result.report.documentCount == 11)
    if kind != .retro {
      // The title survives YAML quoting (a workshop's too, which has one since it is named by it).
      #expect(try directory.read(path).contains(#""Plages : \"connectées\" # 1""#))
    }
  }

  @Test func neverOverwrites() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let original = try directory.read("vision/usecases/water-sensors.md")
    #expect(throws: SteerError.self) {
      try session(directory.path).newDocument(.usecase, title: "Water sensors", today: today)
    }
    #expect(throws: SteerError.self) {
      try session(directory.path).newDocument(.vision, title: "Another", today: today)
    }
    #expect(throws: SteerError.self) {
      try session(directory.path).newDocument(.retro, title: "sprint-1", today: today)
    }
    #expect(try directory.read("vision/usecases/water-sensors.md") == original)
  }

  /// A French writer names the kind in French, with or without its accents.
  @Test(arguments: [
    ("atelier", DocumentKind.workshop), ("cas-d-usage", .usecase), ("cas d'usage", .usecase),
    ("partie-prenante", .stakeholder), ("objectif", .objective), ("itération", .iteration), ("iteration", .iteration),
    ("rétro", .retro), ("retro", .retro), ("Rétrospective", .retro), ("vision", .vision), ("use case", .usecase),
    ("usecase", .usecase),
  ])
  func kindsHaveFrenchNames(_ word: String, _ kind: DocumentKind) {
    #expect(DocumentKind(named: word) == kind)
  }

  @Test func kindsThatDoNotExistAreRefused() {
    #expect(DocumentKind(named: "thing") == nil)
    #expect(DocumentKind(named: "") == nil)
  }

  /// A second vision is refused with the reason, naming the file from the repository's root.
  @Test func aLedgerHasOneVision() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    let result = try run(
      steerExecutable, ["new", "vision", "Autre vision", "--lang", "fr"], in: directory.path + "/vision/usecases")
    #expect(result.status == 2)
    #expect(
      result.stderr.hasPrefix(
        "steer\u{202F}: erreur\u{202F}: un registre n'a qu'une vision, et celui-ci a déjà la sienne\u{202F}: vision/vision.md"
      ),
      "\(result.stderr)")
    #expect(!result.stderr.contains(directory.path))
  }

  /// « Complétez-la » for a kind French makes feminine, « Complétez-le » for the others.
  @Test(arguments: [
    ("décision", "Ouvrir le vote", "vision/decisions/ouvrir-le-vote.md", "la"),
    ("rétro", "sprint-2", "vision/retros/sprint-2.md", "la"),
    ("cas-d-usage", "Plages connectées", "vision/usecases/plages-connectees.md", "le"),
  ])
  func newSaysWhatToFillInWithItsKindsGender(kind: String, title: String, path: String, pronoun: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let french = try run(steerExecutable, ["new", kind, title, "--lang", "fr"], in: directory.path)
    #expect(
      french.stdout == "Écrit\u{202F}: \(path). Complétez-\(pronoun), puis lancez `steer check`.\n", "\(french.stderr)")
    try FileManager.default.removeItem(atPath: directory.path + "/" + path)
    let english = try run(steerExecutable, ["new", kind, title, "--lang", "en"], in: directory.path)
    #expect(english.stdout == "Wrote \(path). Fill it in, then run `steer check`.\n", "\(english.stderr)")
  }

  @Test func newTakesTheFrenchNameOfAKind() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let result = try run(
      steerExecutable, ["new", "partie-prenante", "Conseil citoyen", "--lang", "fr"], in: directory.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("vision/stakeholders/conseil-citoyen.md"))
    let retro = try run(steerExecutable, ["new", "rétro", "sprint-2"], in: directory.path)
    #expect(retro.stdout.contains("vision/retros/sprint-2.md"), "\(retro.stderr)")
  }

  /// A new ledger has one stakeholder; a workshop names two. What is missing is said in the
  /// writer's language, with the command that makes it named as they would type it.
  @Test(arguments: [
    (
      "en",
      "steer: error: this document needs two stakeholders, and the ledger has only one yet\n"
        + "  hint: create one first: steer new stakeholder \"…\"\n"
    ),
    (
      "fr",
      "steer\u{202F}: erreur\u{202F}: ce document nomme deux parties prenantes, et le registre n'en a encore qu'une\n"
        + "  conseil\u{202F}: créez-en une d'abord\u{202F}: steer new partie-prenante \"…\"\n"
    ),
  ])
  func aWorkshopOnANewLedgerSaysWhatIsMissing(_ language: String, _ expected: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    #expect(try run(steerExecutable, ["init", "--lang", language], in: directory.path).status == 0)
    let result = try run(
      steerExecutable, ["new", "workshop", "Atelier cantine", "--lang", language], in: directory.path)
    #expect(result.status != 0)
    #expect(result.stderr == expected)
  }

  /// On a ledger with no iteration yet, a retrospective's hint says so and gives the command
  /// that writes one, where it would list the iterations (a list that ended in nothing).
  @Test(arguments: [
    (
      "en",
      [
        "steer: error: there is no iteration 'x' to write a retrospective for",
        "steer: error: there is no iteration 'x' (vision/iterations/x.md)",
      ],
      "  hint: the ledger has no iteration yet; create one first: steer new iteration \"…\"\n"
    ),
    (
      "fr",
      [
        "steer\u{202F}: erreur\u{202F}: il n'y a pas d'itération «\u{A0}x\u{A0}» dont écrire la rétrospective",
        "steer\u{202F}: erreur\u{202F}: il n'y a pas d'itération «\u{A0}x\u{A0}» (vision/iterations/x.md)",
      ],
      "  conseil\u{202F}: le registre n'a encore aucune itération\u{202F}; créez-en une d'abord\u{202F}: steer new iteration \"…\"\n"
    ),
  ])
  func aRetroBeforeAnyIterationSaysHowToCreateOne(_ language: String, _ errors: [String], _ hint: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    #expect(try run(steerExecutable, ["init", "--lang", language], in: directory.path).status == 0)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    let new = try run(steerExecutable, ["new", "retrospective", "x", "--lang", language], in: directory.path)
    #expect(new.status == 2 && new.stderr == errors[0] + "\n" + hint, "\(new.stderr)")
    let record = try run(steerExecutable, ["retro", "record", "x", "--lang", language], in: directory.path)
    #expect(record.status == 2 && record.stderr == errors[1] + "\n" + hint, "\(record.stderr)")
  }

  @Test(arguments: [("日本語", nil), ("Fine", "../escape"), ("Fine", "Upper")] as [(String, String?)])
  func refusesIdsThatAreEmptyOrEscape(_ title: String, _ id: String?) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    #expect(throws: SteerError.self) {
      try session(directory.path).newDocument(.usecase, title: title, id: id, today: today)
    }
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/escape.md"))
  }

  @Test func aRetroNeedsAnExistingIteration() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    #expect {
      try session(directory.path).newDocument(.retro, title: "sprint-7", today: today)
    } throws: { error in
      (error as? SteerError)?.hint?.en.contains("sprint-1, sprint-2") == true
    }
  }

  @Test func initWritesALedgerThatPasses() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let written = try session(directory.path).initialise("vision", today: today)
    #expect(written.count == 5)
    #expect(try directory.read(".steer.yaml").hasSuffix("language: en\n"))
    let result = try check(in: directory.path)
    #expect(result.report.diagnostics.isEmpty, "\(result.report.diagnostics.map(\.message))")
    #expect(result.report.documentCount == 4)
    #expect(try directory.read("vision/vision.md").contains("horizon: 2030-11-21"))

    // A second init refuses the non-empty directory; the next documents then chain on.
    #expect(throws: SteerError.self) {
      try session(directory.path).initialise("vision", today: today)
    }
    #expect {
      try session(directory.path).newDocument(.workshop, title: "Kick-off", today: today)
    } throws: { error in
      (error as? SteerError)?.message.en.contains("two stakeholders") == true
    }
    _ = try session(directory.path).newDocument(.stakeholder, title: "Residents", today: today)
    _ = try session(directory.path).newDocument(.workshop, title: "Kick-off", today: today)
    _ = try session(directory.path).newDocument(.iteration, title: "Sprint 1", today: today)
    let second = try session(directory.path).newDocument(.iteration, title: "Sprint 2", today: today)
    #expect(try directory.read(second).contains("start: 2026-12-05"))
    // The first iteration starts the day it is written, and so is under way; the next is planned.
    #expect(try directory.read("vision/iterations/sprint-1.md").contains("status: active "))
    #expect(try directory.read(second).contains("status: planned "))
    _ = try session(directory.path).newDocument(.retro, title: "sprint-1", today: today)
    let diagnostics = try session(directory.path).check(today: today).report.diagnostics
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
  }

  @Test func templatesAreTheTopLevelFiles() throws {
    for kind in DocumentKind.allCases {
      let onDisk = try String(
        contentsOf: testsDirectory.appendingPathComponent("../../templates/\(kind.rawValue).md"), encoding: .utf8)
      #expect(Scaffold.template(for: kind) == onDisk)
    }
  }
}

extension ScaffoldTests {
  /// A hint names `steer new` with the kind's word in the reader's language, one that `steer
  /// new` accepts: never an English kind inside French.
  @Test func aHintNamesTheKindInTheReadersLanguage() throws {
    let french = DocumentKind.allCases.map { $0.newCommand(Wording(.fr)) }
    #expect(
      french == [
        "steer new vision", "steer new partie-prenante", "steer new objectif", "steer new cas-d-usage",
        "steer new atelier", "steer new iteration", "steer new retrospective", "steer new decision",
      ])
    #expect(
      DocumentKind.allCases.map { $0.newCommand(Wording(.en)) } == DocumentKind.allCases.map { "steer new \($0)" })
    for kind in DocumentKind.allCases {
      for language in Language.allCases {
        let word = kind.newCommand(Wording(language)).dropFirst("steer new ".count)
        #expect(DocumentKind(named: String(word)) == kind, "\(word)")
      }
    }
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    let error = try #require(
      throws: SteerError.self,
      performing: { _ = try session(directory.path, language: .fr).recordRetro(RecordRequest(iteration: "sprint-2")) })
    #expect(error.hint?.fr == "écrivez-la d'abord\u{202F}: steer new retrospective sprint-2")
    #expect(error.hint?.en == "write it first: steer new retro sprint-2")
  }
}
