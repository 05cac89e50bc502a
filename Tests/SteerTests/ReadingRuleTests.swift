import Foundation
import SteerChecks
import SteerKit
import SteerLoading
import SteerModel
import Testing

/// Each reading rule on a failing fixture (an overlay on the minimal ledger) with the exact
/// position of every finding, and on the passing minimal ledger.
@Suite struct ReadingRuleTests {
  @Test func minimalLedgerPassesEveryRule() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let result = try check(in: directory.path)
    #expect(result.report.diagnostics.isEmpty)
    #expect(result.report.documentCount == 10)  // README.md and _draft.md are not documents
    #expect(result.exitStatus == 0)
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var overlay: String
    /// `rule file:line:column`, and a fragment the message must contain.
    var expected: [(String, String)]
    var testDescription: String { overlay }
  }

  static let cases: [Case] = [
    Case(
      overlay: "schema",
      expected: [
        ("schema vision/iterations/typed.md:3:8", "not a date in the form YYYY-MM-DD"),
        ("schema vision/iterations/typed.md:6:11", "must be a number, found the text \"5\""),
        ("schema vision/iterations/typed.md:7:8", "'items' must be a list"),
        ("schema vision/objectives/missing-owner.md:1:1", "required field 'owner' is missing"),
        ("dangling-reference vision/objectives/missing-owner.md:3:7", "'axis' names 'Data'"),
        ("schema vision/retros/sprint-2.md:6:12", "'Not A Tag' is not a valid tag"),
        ("schema vision/retros/sprint-2.md:7:5", "required field 'text' is missing in an entry of 'lessons'"),
        ("schema vision/retros/sprint-2.md:9:35", "'value' must be a number"),
        ("schema vision/stakeholders/Bad_Id.md:1:1", "file name 'Bad_Id.md' is not a valid id"),
        ("schema vision/stakeholders/yes-man.md:2:7", "YAML reads as a true/false value"),
        ("schema vision/stakeholders/yes-man.md:5:16", "whole number from 0 to 5, found '6'"),
        ("schema vision/usecase/typo.md:1:1", "not in a ledger directory"),
        ("schema vision/usecases/duplicate-key.md:6:1", "duplicate field 'title' (first written on line 2)"),
        ("schema vision/usecases/duplicate-key.md:8:9", "'effort' must be at least 0, found -2"),
        ("schema vision/usecases/misspelled.md:4:1", "unknown field 'phse' in a use case"),
        ("schema vision/usecases/misspelled.md:5:8", "'protoype', which is not one of: analysis, ideation"),
        ("schema vision/workshops/bad-date.md:2:7", "'2026-02-30', which is not a real calendar date"),
        ("schema vision/workshops/bad-date.md:5:15", "'participants' needs at least 2 entries, found 1"),
      ]),
    Case(
      overlay: "front-matter",
      expected: [
        ("front-matter vision/usecases/anchors.md:2:8", "anchors and aliases"),
        ("front-matter vision/usecases/deep.md:3:40", "nested deeper than 32 levels"),
        ("front-matter vision/usecases/no-front-matter.md:1:1", "no front matter"),
        ("front-matter vision/usecases/syntax.md:3:13", "the '[' opened here is never closed"),
        ("front-matter vision/usecases/unterminated.md:1:1", "never closed"),
      ]),
    Case(
      overlay: "references",
      expected: [
        (
          "duplicate-id vision/objectives/second-objective.md:6:9",
          "'open-days' (indicator) is already used by an indicator"
        ),
        ("dangling-reference vision/retros/sprint-9.md:1:1", "no iteration with that id"),
        ("duplicate-id vision/stakeholders/clean-water.md:1:1", "already used by an objective"),
        ("dangling-reference vision/usecases/orphan-refs.md:3:27", "'objectives' names 'dirty-water'"),
        ("dangling-reference vision/usecases/orphan-refs.md:5:8", "'owner' names 'mayr'"),
        ("dangling-reference vision/usecases/orphan-refs.md:6:15", "no rollout step with that id"),
        ("dangling-reference vision/usecases/orphan-refs.md:7:14", "which is an objective, not a use case"),
      ]),
  ]

  @Test(arguments: cases)
  func failingFixture(_ testCase: Case) throws {
    let directory = try fixtureLedger(testCase.overlay)
    defer { directory.remove() }
    let result = try check(in: directory.path)
    // Overlays may trigger governance rules too (an objective nobody serves): only reading here.
    let diagnostics = result.report.diagnostics.filter { RuleCatalogue.knownRules[$0.rule] == true }
    #expect(diagnostics.map(summary) == testCase.expected.map(\.0))
    for (diagnostic, (_, fragment)) in zip(diagnostics, testCase.expected) {
      #expect(diagnostic.message.contains(fragment), "\(summary(diagnostic)): \(diagnostic.message)")
      #expect(diagnostic.severity == .error)
    }
    #expect(result.exitStatus == 1)
  }

  @Test(arguments: [
    ("vision.md", LedgerFile.Role.document(.vision, stem: "vision")),
    ("usecases/plage-été.md", .document(.usecase, stem: "plage-été")),
    ("retros/sprint-3.md", .document(.retro, stem: "sprint-3")),
    ("README.md", .ignored), ("notes.txt", .ignored), (".md", .ignored), ("usecases/_draft.md", .ignored),
    (".drafts/x.md", .ignored), ("usecases/.md", .ignored), ("usecases/x.md.bak", .ignored),
    ("other.md", .misplaced), ("usecase/x.md", .misplaced), ("usecases/a/b.md", .misplaced),
  ])
  func fileRoles(_ relativePath: String, _ role: LedgerFile.Role) {
    #expect(LedgerFile(path: "vision/" + relativePath, relativePath: relativePath).role == role)
  }

  @Test func hintsSuggestTheClosestWord() throws {
    let directory = try fixtureLedger("schema", "references")
    defer { directory.remove() }
    let hints = try check(in: directory.path).report.diagnostics.compactMap(\.hint)
    #expect(hints.contains { $0.hasPrefix("did you mean 'phase'?") })
    #expect(hints.contains("did you mean 'prototype'?"))
    #expect(hints.contains("did you mean 'mayor'?"))
    #expect(hints.contains { $0.hasPrefix("did you mean 'usecases/'?") })
    #expect(hints.contains("quote it: \"no\""))
  }

  @Test func byteOrderMarkAndCRLFAreAccepted() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let text =
      "---\r\ntitle: Windows file\r\nobjectives:\r\n  - clean-water\r\nphase: analysis\r\nowner: mayor\r\n---\r\nBody\r\n"
    try directory.write("vision/usecases/windows.md", Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))
    #expect(try check(in: directory.path).report.diagnostics.isEmpty)

    // Positions stay exact in such a file.
    let broken = text.replacingOccurrences(of: "phase: analysis", with: "phase: analysys")
    try directory.write("vision/usecases/windows.md", Data([0xEF, 0xBB, 0xBF]) + Data(broken.utf8))
    let diagnostics = try check(in: directory.path).report.diagnostics
    #expect(diagnostics.map(summary) == ["schema vision/usecases/windows.md:5:8"])
  }

  @Test func invalidUTF8IsReportedAtItsPosition() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    var bytes = Data("---\ntitle: Caf".utf8)
    bytes.append(0xE9)  // Latin-1 "é"
    bytes.append(Data("\nphase: analysis\n---\n".utf8))
    try directory.write("vision/usecases/latin1.md", bytes)
    let diagnostics = try check(in: directory.path).report.diagnostics
    #expect(diagnostics.map(summary) == ["front-matter vision/usecases/latin1.md:2:11"])
    #expect(diagnostics.first?.message.contains("not valid UTF-8") == true)
  }

  @Test func filesOverOneMebibyteAreRefusedUnread() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let large = "---\ntitle: Large\n---\n" + String(repeating: "x", count: 1 << 21)
    try directory.write("vision/usecases/large.md", large)
    let diagnostics = try check(in: directory.path).report.diagnostics
    #expect(diagnostics.map(summary) == ["front-matter vision/usecases/large.md:1:1"])
    #expect(diagnostics.first?.message.contains("limited to 1 MiB") == true)
  }

  @Test func billionLaughsIsRefusedAtOnce() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    var yaml = "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...9 {
      yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
    }
    yaml += "---\n"
    try directory.write("vision/usecases/laughs.md", yaml)
    let diagnostics = try check(in: directory.path).report.diagnostics
    #expect(diagnostics.map(summary) == ["front-matter vision/usecases/laughs.md:2:5"])
  }

  /// One reader parses a thread's files one after the other: whatever the previous text did
  /// (an error midway, a second document, anchors), the next is read as a fresh reader reads it.
  @Test(arguments: [false, true])
  func aReaderReusedAfterAnyTextReadsTheNextAsNew(reversed: Bool) {
    let texts = [
      "title: A\nobjectives: [x, y]\n", "title: [unclosed\n", "a: 1\n---\nb: 2\n", "a: &x 1\nb: *x\n",
      "", "nested: {a: {b: [1, 2, {c: d}]}}\n", String(repeating: "k: v\n", count: 5_000) + "key: 'last'\n",
      "deep: " + String(repeating: "[", count: 30) + String(repeating: "]", count: 30) + "\n",
      "%TAG !e! tag:example.com,2000:\n---\nx: !e!thing 1\n", "title: B\n",
    ]
    let reader = YAMLReader()
    for text in reversed ? texts.reversed() : texts {
      let bytes = Array(text.utf8)
      let reused = Result { () throws(YAMLReadError) in
        try bytes.withUnsafeBufferPointer { buffer throws(YAMLReadError) in try reader.read(buffer) }
      }
      let fresh = Result { () throws(YAMLReadError) in try YAMLReader.read(bytes) }
      let same = reused == fresh  // not compared in the expectation: a tree's description is long
      #expect(same, "\(text.prefix(20))")
    }
  }

  @Test func oneBrokenFileHidesNothingElse() throws {
    let directory = try fixtureLedger("front-matter")
    defer { directory.remove() }
    try directory.write(
      "vision/workshops/kickoff.md",
      "---\ndate: 2026-02-01\nphase: brainstorm\nusecases: [water-sensors]\nparticipants: [mayor, residents]\n---\n")
    let files = Set(try check(in: directory.path).report.diagnostics.map(\.file))
    #expect(files.contains("vision/workshops/kickoff.md"))
    #expect(files.count == 6)
  }

  @Test func referencesToAnUnreadableDocumentStillResolve() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    // The stakeholder file is broken, but its id still exists: no dangling references to it.
    try directory.write("vision/stakeholders/mayor.md", "no front matter\n")
    let diagnostics = try check(in: directory.path).report.diagnostics
    #expect(diagnostics.map(\.rule) == ["front-matter"])
  }

  @Test func aLedgerWithoutVisionIsReported() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try FileManager.default.removeItem(atPath: directory.path + "/vision/vision.md")
    let diagnostics = try check(in: directory.path).report.diagnostics
    #expect(diagnostics.contains { $0.rule == "schema" && $0.file == "vision" && $0.location == nil })
  }
}

/// `steer check` speaks the configured language.
@Suite struct FrenchMessageTests {
  @Test func theSchemaFixtureInFrench() throws {
    let directory = try fixtureLedger("schema")
    defer { directory.remove() }
    let result = try run(steerExecutable, ["check", "--lang", "fr"], in: directory.path)
    #expect(result.status == 1)
    try expectGolden(result.stdout, "check-schema.fr.txt")
    #expect(result.stdout.contains("18\u{A0}erreurs dans 18\u{A0}documents."))
  }

  /// A retrospective filed in `usecases/` is one finding that says what it looks like and where
  /// it goes, not a use case's missing and unknown fields, nor its stem taken as a use case id.
  @Test func aDocumentInAnotherKindsFolderIsSaidToBeMisplaced() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write("vision/usecases/sprint-2.md", "---\ndate: 2026-12-20\nparticipants: [mayor]\n---\n")
    for (language, message, hint) in [
      (
        Language.en,
        "this file reads as a retrospective, not a use case: its fields date and participants are those of a retrospective",
        "move it to vision/retros/ (or, if it is a use case, give it the fields title, objectives, phase and owner)"
      ),
      (
        .fr,
        "ce fichier ressemble à une rétrospective, pas à un cas d'usage\u{202F}: ses champs date et participants sont ceux d'une rétrospective",
        "déplacez-le dans vision/retros/ (ou, s'il s'agit bien d'un cas d'usage, donnez-lui les champs title, objectives, phase et owner)"
      ),
    ] {
      let diagnostics = try session(directory.path, language: language).check().report.diagnostics
      #expect(diagnostics.map(summary) == ["schema vision/usecases/sprint-2.md:1:1"])
      #expect(diagnostics.first?.message == message)
      #expect(diagnostics.first?.hint == hint)
    }
  }

  /// Only a document whose fields fit another kind far better is said to be misplaced: an
  /// unfinished one keeps its missing fields.
  @Test(arguments: [
    (["date", "participants"], DocumentKind.usecase, DocumentKind.retro as DocumentKind?),
    (["title", "date", "status", "decided_by"], .iteration, .decision),
    (["name", "group", "priorities"], .objective, .stakeholder),
    (["title", "phase"], .usecase, nil),
    (["date", "participants"], .workshop, nil),
    (["title", "date", "phase"], .workshop, nil),
    ([], .usecase, nil),
  ])
  func aMisplacedDocumentIsToldByItsFields(keys: [String], filedAs: DocumentKind, likelier: DocumentKind?) {
    #expect(FieldTables.likelierKind(of: keys, filedAs: filedAs) == likelier)
  }

  /// Every message and hint of every failing fixture is French: no English prose outside what
  /// it quotes or the titles it names (the fixture's titles are the writer's words, in English).
  @Test(arguments: ["schema", "front-matter", "references", "config"])
  func everyMessageIsFrench(_ overlay: String) throws {
    let directory = try fixtureLedger(overlay)
    defer { directory.remove() }
    let steer = try session(directory.path, language: .fr)
    let diagnostics = try steer.check().report.diagnostics
    let ledger = try steer.loadLedger().ledger
    let titles =
      ledger.useCases.map(\.title) + ledger.objectives.map(\.title) + ledger.iterations.map(\.title)
      + ledger.stakeholders.map(\.name) + ledger.decisions.map(\.title)
      + ledger.objectives.flatMap(\.indicators).map(\.title) + (ledger.vision?.rollout.map(\.title) ?? [])
    #expect(!diagnostics.isEmpty)
    for text in diagnostics.flatMap({ [$0.message] + ($0.hint.map { [$0] } ?? []) }) {
      let prose = titles.filter { !$0.isEmpty }.reduce(text) { $0.replacingOccurrences(of: "\($1) (", with: "(") }
      #expect(englishWords(in: prose).isEmpty, "English in: \(text)")
    }
  }

  /// Every message and hint of every rule's examples is French, but for the titles it names
  /// (the example ledger's, in English).
  @Test(arguments: RuleCatalogue.descriptions)
  func ruleExamplesInFrench(_ rule: RuleDescription) {
    for example in rule.examples where example.triggers {
      let (files, configuration, _) = example.unmarked()
      let french = "language: fr\n" + (configuration ?? ExampleLedger.configuration)
      let titles = Self.titles(in: ExampleLedger.base.merging(files) { _, new in new })
      for diagnostic in checkExample(files, configuration: french) where diagnostic.rule == rule.id {
        for text in [diagnostic.message] + (diagnostic.hint.map { [$0] } ?? []) {
          let prose = titles.reduce(text) { $0.replacingOccurrences(of: "\($1) (", with: "(") }
          #expect(englishWords(in: prose).isEmpty, "\(rule.id): \(text)")
        }
      }
    }
  }

  /// The values of the `title:` and `name:` fields the files write, in block or flow style.
  private static func titles(in files: [String: String]) -> [String] {
    files.values.flatMap { $0.components(separatedBy: CharacterSet(charactersIn: "\n{,")) }.compactMap { field in
      let field = field.trimmingCharacters(in: .whitespaces)
      guard let key = ["title: ", "name: "].first(where: field.hasPrefix) else { return nil }
      let title = field.dropFirst(key.count).trimmingCharacters(in: CharacterSet(charactersIn: " }"))
      return title.isEmpty ? nil : title
    }
  }
}

/// Numbers that are not finite, or large enough to overflow a sum, are refused where they are
/// written, with the range allowed: `check` and `metrics` then never see them.
@Suite struct NumberRangeTests {
  @Test(arguments: ["1e308", "1e400", "-1e13", ".inf", ".nan", "2000000000000"])
  func anUnrealEffortIsASchemaError(_ effort: String) {
    let sensors = ExampleLedger.base["usecases/sensors.md"]!.replacingOccurrences(
      of: "effort: 2", with: "effort: \(effort)")
    let found = checkExample(["usecases/sensors.md": sensors], configuration: nil)
    #expect(found.map(\.rule) == ["schema"], "\(found.map(\.message))")
    #expect(
      found.first?.message.contains("must be a number from 0 to 1,000,000,000,000") == true, "\(found.map(\.message))")
  }

  /// The figures that crashed `summary` (an indicator target of 1e19, a gate of -1e19) are
  /// refused where they are written, and no command traps on them.
  @Test(arguments: [["summary"], ["summary", "--format", "html"], ["metrics"], ["check"]])
  func noCommandTrapsOnAHugeFigure(_ arguments: [String]) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let objective = try directory.read("vision/objectives/clean-water.md")
    try directory.write(
      "vision/objectives/clean-water.md", objective.replacingOccurrences(of: "target: 90", with: "target: 1e19"))
    try directory.write(".steer.yaml", "gates:\n  transversality: -1e19\n")
    let result = try run(steerExecutable, arguments, in: directory.path)
    #expect([0, 1].contains(result.status), "\(arguments): \(result.status) \(result.stderr)")
  }

  @Test func aLargeButRealEffortPasses() {
    let sensors = ExampleLedger.base["usecases/sensors.md"]!.replacingOccurrences(
      of: "effort: 2", with: "effort: 1e6")
    var files = ["usecases/sensors.md": sensors]
    for sprint in ["sprint-1", "sprint-2", "sprint-3"] {
      files["iterations/\(sprint).md"] = ExampleLedger.base["iterations/\(sprint).md"]!.replacingOccurrences(
        of: "capacity: 5", with: "capacity: 2e6")
    }
    let found = checkExample(files, configuration: nil)
    #expect(found.isEmpty, "\(found.map(\.message))")
  }
}

/// checks.md, one cause, one finding: a document that cannot be read gives its reading error
/// and nothing else — no dangling references to it, no rule blaming what depends on it; the
/// gates say once that they are not evaluated.
@Suite struct OneCauseOneFindingTests {
  static let configuration = ExampleLedger.configuration + "gates:\n  coverage: 1\n  traceability: 1\n"

  @Test(arguments: ExampleLedger.base.keys.sorted())
  func aTabBreaksOneDocumentOnly(_ file: String) {
    let text = ExampleLedger.base[file]!
    // A tab where the second line's indentation or key starts: a YAML syntax error.
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[2] = "\t" + lines[2]
    let found = checkExample([file: lines.joined(separator: "\n")], configuration: Self.configuration)
    #expect(
      found.map(\.rule).sorted() == ["front-matter", "gate"],
      "\(file): \(found.map { "\($0.rule) \($0.file): \($0.message)" })")
    #expect(found.first { $0.rule == "gate" }?.message.contains("not evaluated") == true)
  }

  @Test(arguments: ExampleLedger.base.keys.sorted().filter { !$0.hasPrefix("retros/") && !$0.hasPrefix("workshops/") })
  func aMisspeltRequiredKeyBreaksOneDocumentOnly(_ file: String) {
    let text = ExampleLedger.base[file]!
    let key = ["title:", "name:", "date:"].first { text.contains("\n" + $0) }!
    let misspelt = text.replacingOccurrences(
      of: "\n" + key, with: "\n" + String(key.reversed().dropFirst().reversed()) + "x:")
    let found = checkExample([file: misspelt], configuration: Self.configuration)
    let others = found.filter { $0.rule != "gate" }
    #expect(Set(others.map(\.rule)) == ["schema"], "\(file): \(found.map { "\($0.rule) \($0.file): \($0.message)" })")
    #expect(Set(others.map(\.file)) == ["vision/" + file], "\(file): \(found.map { "\($0.rule) \($0.file)" })")
    #expect(found.filter { $0.rule == "gate" }.count == 1)
  }
}

/// YAML errors in people's words, the caret on the character to fix, and hints that fit.
@Suite struct PeoplesWordsTests {
  static func useCase(_ lines: String) -> [String: String] {
    ["usecases/sensors.md": "---\n" + lines + "\n---\n"]
  }

  @Test(arguments: [
    (
      "title: Water sensors\n\tobjectives: [clean-water]\nphase: prototype\nowner: engineers",
      "YAML forbids tabs for indentation: indent with spaces", SteerModel.SourceLocation(line: 3, column: 1)
    ),
    (
      "title: Plages : capteurs\nobjectives: [clean-water]\nphase: prototype\nowner: engineers",
      "a value that contains ': ' must be in quotes", SteerModel.SourceLocation(line: 2, column: 15)
    ),
    (
      "title: \"Water sensors\nobjectives: [clean-water]\nphase: prototype\nowner: engineers",
      "the quote opened here is never closed", SteerModel.SourceLocation(line: 2, column: 8)
    ),
    (
      "title: Water sensors\nobjectives: [clean-water\nphase: prototype\nowner: engineers",
      "the '[' opened here is never closed", SteerModel.SourceLocation(line: 3, column: 13)
    ),
  ])
  func aSyntaxErrorSaysWhatAPersonDid(_ lines: String, _ message: String, _ location: SteerModel.SourceLocation) {
    let found = checkExample(Self.useCase(lines), configuration: nil)
    #expect(found.map(\.message) == [message])
    #expect(found.first?.location == location)
  }

  @Test func theColonHintShowsTheLineQuoted() {
    let found = checkExample(
      Self.useCase("title: Plages : capteurs\nobjectives: [clean-water]\nphase: prototype\nowner: engineers"),
      configuration: nil)
    #expect(found.first?.hint == #"write it in quotes: `title: "Plages : capteurs"`"#)
  }

  @Test func quotingIsNotAdvisedWhereTheQuotedWordWouldStillBeWrong() {
    let found = checkExample(
      ["stakeholders/mayor.md": "---\nname: Mayor\ngroup: yes\npriorities: {clean-water: 5}\n---\n"],
      configuration: nil)
    let hint = found.first { $0.rule == "schema" }?.hint ?? ""
    #expect(!hint.contains("quote"), "\(hint)")
    #expect(hint.contains("elected, management"), "\(hint)")
  }

  @Test func aTransposedKeyIsSuggested() {
    let found = checkExample(
      Self.useCase("titel: Water sensors\nobjectives: [clean-water]\nphase: prototype\nowner: engineers"),
      configuration: nil)
    #expect(found.contains { $0.hint?.hasPrefix("did you mean 'title'?") == true }, "\(found.map(\.hint))")
  }

  @Test func theEndorsementHintFitsAGroupWithNoMember() {
    let found = checkExample([:], configuration: "required_endorsements: [elected, technical, citizen, partner]\n")
    #expect(found.map(\.rule) == ["endorsement"])
    #expect(found.first?.hint?.hasPrefix("add a stakeholder of group `partner`") == true, "\(found.map(\.hint))")
  }
}

/// What stands in the ledger and is not a regular file is reported where it stands: never a
/// hang, never silence. Symbolic links are not followed (in the work tree and at a revision).
@Suite struct SpecialFileTests {
  @Test func pipesAndLinksNamedLikeDocumentsAreReported() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    #expect(mkfifo(directory.path + "/vision/usecases/pipe.md", 0o644) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: directory.path + "/vision/usecases/inside.md", withDestinationPath: "water-sensors.md")
    try FileManager.default.createSymbolicLink(
      atPath: directory.path + "/vision/usecases/outside.md", withDestinationPath: "/etc/hostname")
    let found = try check(in: directory.path).report.diagnostics.map(summary)
    #expect(
      found == [
        "front-matter vision/usecases/inside.md:1:1", "front-matter vision/usecases/outside.md:1:1",
        "front-matter vision/usecases/pipe.md:1:1",
      ])
    let messages = try check(in: directory.path).report.diagnostics.map(\.message)
    #expect(messages[0].contains("symbolic link") && messages[2].contains("not a regular file"), "\(messages)")
  }

  @Test func aLinkAtARevisionIsReportedToo() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try FileManager.default.createSymbolicLink(
      atPath: directory.path + "/vision/usecases/inside.md", withDestinationPath: "water-sensors.md")
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    let found = try check(in: directory.path, revision: "HEAD").report.diagnostics
    #expect(found.map(summary) == ["front-matter vision/usecases/inside.md:1:1"])
    #expect(found.first?.message.contains("symbolic link") == true)
  }
}

/// Every line break libyaml knows (LF, CR LF, a lone CR, NEL, LS, PS): the line a finding
/// names is the line it quotes.
@Suite struct LineBreakTests {
  @Test(arguments: ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"])
  func aConfigurationErrorIsQuotedOnItsLine(_ lineBreak: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let configuration = ["language: en", "# a comment", "gates:", "  coverage: 1", "  nosuchmetric: 2", ""]
    try directory.write(".steer.yaml", configuration.joined(separator: lineBreak))
    let report = try check(in: directory.path).report
    let finding = try #require(report.diagnostics.first { $0.file == ".steer.yaml" && $0.rule == "schema" })
    #expect(finding.location?.line == 5, "\(finding.message)")
    #expect(report.line(5, of: ".steer.yaml") == "  nosuchmetric: 2")
  }

  /// libyaml ends a line at NEL where editors often do not: the line it names is quoted.
  @Test func aNelEndingALineKeepsTheQuotedLineRight() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(
      "vision/usecases/nel.md",
      "---\ntitle: Nel\u{85}objectives: [clean-water]\nphase: tset\nowner: mayor\n---\n")
    let report = try check(in: directory.path).report
    let finding = try #require(report.diagnostics.first { $0.file == "vision/usecases/nel.md" })
    let location = try #require(finding.location)
    #expect(report.line(location.line, of: finding.file) == "phase: tset", "line \(location.line)")
  }

  /// Every line break libyaml knows ends a line for Steer too: a document is read, and its
  /// finding named and quoted, the same whichever ends its lines (a lone CR included, the old
  /// Mac way).
  @Test(arguments: ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"])
  func everyLineBreakReadsTheSame(lineBreak: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let lines = ["---", "title: Old", "objectives: [clean-water]", "phase: tset", "owner: mayor", "---", "Body."]
    try directory.write("vision/usecases/breaks.md", lines.joined(separator: lineBreak) + lineBreak)
    let report = try check(in: directory.path).report
    let found = report.diagnostics.filter { $0.file == "vision/usecases/breaks.md" }
    #expect(found.map(\.rule) == ["schema"], "\(found.map(\.message))")
    let location = try #require(found.first?.location)
    #expect(location == SourceLocation(line: 4, column: 8))
    #expect(report.line(4, of: "vision/usecases/breaks.md") == "phase: tset")
  }
}

extension SpecialFileTests {
  /// A ledger directory that cannot be listed (here a link, and a file) is reported, not skipped.
  @Test func aLedgerDirectoryThatCannotBeListedIsReported() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try FileManager.default.removeItem(atPath: directory.path + "/vision/workshops")
    try FileManager.default.createSymbolicLink(
      atPath: directory.path + "/vision/workshops", withDestinationPath: "/nonexistent/workshops")
    try FileManager.default.removeItem(atPath: directory.path + "/vision/retros")
    try directory.write("vision/retros", "not a directory\n")
    let found = try check(in: directory.path).report.diagnostics.filter { $0.rule == "front-matter" }
    #expect(found.map(\.file) == ["vision/retros/", "vision/workshops/"], "\(found.map(\.message))")
    #expect(found.first?.message.contains("it is not a directory") == true)
    #expect(found.last?.message.contains("symbolic link") == true)
  }
}
