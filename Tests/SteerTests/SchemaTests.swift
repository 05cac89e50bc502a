import SteerChecks
import SteerLoading
import SteerModel
import Testing

/// Reads one use case (or another kind) next to a tiny valid ledger, entirely in memory.
private func findings(_ kind: DocumentKind, _ frontMatter: String) -> [String] {
  let documents: [String: String] = [
    "vision.md":
      "---\ntitle: V\nterritory: T\nhorizon: 2030-01-01\ncarried_by: mayor\naxes: [{id: data, title: Data}]\n---\n",
    "stakeholders/mayor.md": "---\nname: M\ngroup: elected\n---\n",
    "stakeholders/clerk.md": "---\nname: C\ngroup: management\n---\n",
    "objectives/water.md": "---\ntitle: W\naxis: data\nowner: mayor\n---\n",
    "usecases/sensors.md": "---\ntitle: S\nobjectives: [water]\nphase: analysis\nowner: mayor\n---\n",
    "iterations/one.md": "---\ntitle: One\nstart: 2026-01-01\nend: 2026-01-31\nstatus: active\n---\n",
    "\(kind.directory ?? "")/subject.md": "---\n" + frontMatter + "---\n",
  ]
  let files = documents.keys.map { LedgerFile(path: "vision/" + $0, relativePath: $0) }
  let loaded = LedgerLoader.load(directory: "vision", files: files) { file in
    .bytes(Array(documents[file.relativePath]!.utf8))
  }
  return Checker().check(loaded.ledger, readingFindings: loaded.findings)
    .filter { $0.file.hasSuffix("/subject.md") && RuleCatalogue.knownRules[$0.rule] == true }
    .map { "\($0.rule) \($0.location.map { "\($0.line):\($0.column)" } ?? "-")" }
}

@Suite struct SchemaTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var kind: DocumentKind
    var frontMatter: String
    var expected: [String]
    var testDescription: String { name }
  }

  static let useCase = "title: T\nobjectives: [water]\nphase: analysis\nowner: mayor\n"

  static let cases: [Case] = [
    Case(name: "valid use case", kind: .usecase, frontMatter: useCase, expected: []),
    Case(
      name: "empty front matter", kind: .usecase, frontMatter: "", expected: Array(repeating: "schema 1:1", count: 4)),
    Case(name: "not a mapping", kind: .usecase, frontMatter: "- a\n- b\n", expected: ["schema 2:1"]),
    Case(name: "unknown key", kind: .usecase, frontMatter: useCase + "efort: 2\n", expected: ["schema 6:1"]),
    Case(
      name: "boolean as enum", kind: .usecase, frontMatter: "title: T\nobjectives: [water]\nphase: on\nowner: mayor\n",
      expected: ["schema 4:8"]),
    Case(
      name: "boolean as id", kind: .usecase, frontMatter: "title: T\nobjectives: [water]\nphase: analysis\nowner: no\n",
      expected: ["schema 5:8"]),
    Case(
      name: "quoted boolean is text", kind: .usecase,
      frontMatter: "title: \"yes\"\nobjectives: [water]\nphase: analysis\nowner: mayor\n", expected: []),
    Case(
      name: "!!str tag is text", kind: .usecase,
      frontMatter: "title: !!str off\nobjectives: [water]\nphase: analysis\nowner: mayor\n", expected: []),
    Case(
      name: "other tags refused", kind: .usecase, frontMatter: useCase + "effort: !!float 3\n", expected: ["schema 6:9"]
    ),
    Case(
      name: "null required value", kind: .usecase,
      frontMatter: "title:\nobjectives: [water]\nphase: analysis\nowner: mayor\n", expected: ["schema 2:1"]),
    Case(name: "null optional value is absent", kind: .usecase, frontMatter: useCase + "users:\n", expected: []),
    Case(
      name: "empty required list", kind: .usecase,
      frontMatter: "title: T\nobjectives: []\nphase: analysis\nowner: mayor\n", expected: ["schema 3:13"]),
    Case(
      name: "list given a mapping", kind: .usecase, frontMatter: useCase + "users: {a: b}\n", expected: ["schema 6:8"]),
    Case(name: "id pattern", kind: .usecase, frontMatter: useCase + "users: [May_or]\n", expected: ["schema 6:9"]),
    // Capitals or accents: the id it means, if one exists, or that none does.
    Case(
      name: "id with capitals", kind: .usecase, frontMatter: useCase + "users: [Mayor]\n",
      expected: ["dangling-reference 6:9"]),
    Case(
      name: "id too long", kind: .usecase, frontMatter: useCase + "users: [\(String(repeating: "a", count: 65))]\n",
      expected: ["schema 6:9"]),
    Case(name: "hexadecimal number", kind: .usecase, frontMatter: useCase + "effort: 0x10\n", expected: ["schema 6:9"]),
    Case(name: "decimal number", kind: .usecase, frontMatter: useCase + "effort: 2.5e1\n", expected: []),
    Case(name: "negative effort", kind: .usecase, frontMatter: useCase + "effort: -0.5\n", expected: ["schema 6:9"]),
    Case(
      name: "dangling in a list", kind: .usecase, frontMatter: useCase + "depends_on: [sensors, ghost]\n",
      expected: ["dangling-reference 6:23"]),
    Case(
      name: "wrong kind of reference", kind: .usecase, frontMatter: useCase + "users: [water]\n",
      expected: ["dangling-reference 6:9"]),
    Case(
      name: "leap day", kind: .iteration,
      frontMatter: "title: L\nstart: 2028-02-29\nend: 2028-03-01\nstatus: planned\n", expected: []),
    Case(
      name: "not a leap year", kind: .iteration,
      frontMatter: "title: L\nstart: 2027-02-29\nend: 2027-03-01\nstatus: planned\n", expected: ["schema 3:8"]),
    Case(
      name: "date with time", kind: .iteration,
      frontMatter: "title: L\nstart: 2027-02-01T10:00:00\nend: 2027-03-01\nstatus: planned\n", expected: ["schema 3:8"]),
    Case(
      name: "item target cannot be abandoned", kind: .iteration,
      frontMatter:
        "title: L\nstart: 2027-02-01\nend: 2027-03-01\nstatus: planned\nitems:\n  - {usecase: sensors, target: abandoned}\n",
      expected: ["schema 7:32"]),
    Case(
      name: "workshop needs two participants", kind: .workshop,
      frontMatter: "date: 2026-01-05\nphase: ideation\nusecases: [sensors]\nparticipants: [mayor]\n",
      expected: ["schema 5:15"]),
    Case(
      name: "priority out of range", kind: .stakeholder,
      frontMatter: "name: Nina\ngroup: citizen\npriorities: {water: 5.5}\n", expected: ["schema 4:21"]),
    Case(
      name: "priority key is an objective", kind: .stakeholder,
      frontMatter: "name: Nina\ngroup: citizen\npriorities: {mayor: 3}\n", expected: ["dangling-reference 4:14"]),
    Case(
      name: "duplicate priority", kind: .stakeholder,
      frontMatter: "name: Nina\ngroup: citizen\npriorities:\n  water: 3\n  water: 4\n", expected: ["schema 6:3"]),
    Case(
      name: "group enum", kind: .stakeholder, frontMatter: "name: Nina\ngroup: citizens\n", expected: ["schema 3:8"]),
    Case(
      name: "lesson tags", kind: .retro,
      frontMatter: "date: 2026-02-01\nparticipants: [mayor]\nlessons:\n  - {text: L, tags: [données, ok-2]}\n",
      expected: ["dangling-reference 1:1"]),
    Case(
      name: "indicator fields", kind: .objective,
      frontMatter:
        "title: O\naxis: data\nowner: mayor\nindicators:\n  - {id: i1, title: I, unit: u, direction: up, baseline: 1, baseline_date: 2026-01-01, target: 2, target_date: 2027-01-01}\n",
      expected: ["schema 6:44"]),
    Case(
      name: "axis must exist", kind: .objective, frontMatter: "title: O\naxis: energy\nowner: mayor\n",
      expected: ["dangling-reference 3:7"]),
    Case(name: "complex key", kind: .usecase, frontMatter: useCase + "? [a, b]\n: c\n", expected: ["schema 6:3"]),
  ]

  @Test(arguments: cases)
  func field(_ testCase: Case) {
    #expect(findings(testCase.kind, testCase.frontMatter) == testCase.expected)
  }

  /// The field tables are the single statement of the format: every kind's fields are
  /// unique, every enumeration comes from the model's own cases.
  @Test(arguments: DocumentKind.allCases)
  func fieldTablesAreWellFormed(_ kind: DocumentKind) {
    func check(_ specs: [FieldSpec]) {
      #expect(Set(specs.map(\.name)).count == specs.count)
      for spec in specs {
        switch spec.type {
        case .object(let nested): check(nested)
        case .list(.object(let nested), _): check(nested)
        default: break
        }
      }
    }
    check(kind.fields)
    #expect(kind.fields.contains { $0.isRequired })
  }
}
