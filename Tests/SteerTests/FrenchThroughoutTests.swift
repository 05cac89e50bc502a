import Foundation
import Testing

/// Every command speaks French with `--lang fr`: what it prints holds no English prose (what it
/// quotes from the ledger, ids, field names and code aside). Run on a copy of the reference
/// ledger with a git history (a recorded retrospective, a later change), and on a broken one.
@Suite struct FrenchThroughoutTests {
  static let identity = [
    "GIT_AUTHOR_NAME": "Agent", "GIT_AUTHOR_EMAIL": "agent@mairie.invalid", "GIT_COMMITTER_NAME": "Agent",
    "GIT_COMMITTER_EMAIL": "agent@mairie.invalid", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
  ]

  /// The output's English words, leaving out the quoted source lines of `check`, the protocol
  /// keywords of a format (GitHub's `::warning file=…,title=…::`) and the usage line of an
  /// argument error (`--help`'s text, which stays English).
  static func english(_ output: String) -> [String] {
    output.split(separator: "\n").filter { !$0.contains(" | ") && !$0.hasPrefix("Usage") }.flatMap { line in
      englishWords(in: line.hasPrefix("::") ? String(line.split(separator: "::").last ?? "") : String(line))
    }
  }

  @Test(arguments: [
    ["check"], ["check", "--format", "github"], ["check", "--format", "junit"], ["metrics"], ["summary"],
    ["summary", "--audience", "elected"], ["summary", "--audience", "public"], ["history"], ["lessons"],
    ["diff", "HEAD~1"], ["diff", "HEAD~2", "--format", "md"], ["summary", "--since", "HEAD~2"], ["rules"],
    ["explain", "co-construction"], ["explain", "no-such-rule"],
    ["schema", "--kind", "usecase"], ["new", "usecase", "Bornes de recharge"], ["new", "retro", "it-2026-t4"],
    ["check", "missing-ledger"], ["diff", "no-such-revision"], ["check", "--bogus"], ["rename", "dsi", "numerique"],
    ["rename", "dsi", "Bad_Id"],
  ])
  func onTheReferenceLedger(_ arguments: [String]) throws {
    let directory = try referenceRepository()
    defer { directory.remove() }
    let record = try run(
      steerExecutable, ["retro", "record", "it-2026-t3", "--lang", "fr"], in: directory.path, environment: Self.identity
    )
    #expect(Self.english(record.stdout + record.stderr).isEmpty, "retro record: \(record.stdout)\(record.stderr)")
    try directory.write(
      "vision/usecases/bornes.md",
      "---\ntitle: Bornes\nobjectives: [qualite-baignade]\nphase: analysis\nowner: maire-adjoint-littoral\n---\n")
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "Bornes"], in: directory.path)

    let result = try run(steerExecutable, arguments + ["--lang", "fr"], in: directory.path, environment: Self.identity)
    let words = Self.english(result.stdout + result.stderr)
    #expect(words.isEmpty, "steer \(arguments.joined(separator: " ")): \(words)\n\(result.stdout)\(result.stderr)")
  }

  /// A broken ledger (every reading and reference problem of the fixtures) in French. (Not
  /// `summary`: it shows the fixtures' own text, which is English; `metrics` names the
  /// fixtures' stakeholders, objectives and indicators, left out of what is checked.)
  @Test(arguments: [["check"], ["check", "--format", "gitlab"], ["metrics"], ["history"], ["lessons"]])
  func onABrokenLedger(_ arguments: [String]) throws {
    let directory = try fixtureLedger("schema", "front-matter", "references")
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "Registre"], in: directory.path)
    let result = try run(steerExecutable, arguments + ["--lang", "fr"], in: directory.path)
    #expect(!(result.stdout + result.stderr).isEmpty)
    let names = try git(["grep", "-h", "-o", "-E", "^ *(title|name): .*"], in: directory.path)
      .split(separator: "\n").map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) }
    let output = names.filter { !$0.isEmpty }.sorted { $0.count > $1.count }.reduce(result.stdout + result.stderr) {
      $0.replacingOccurrences(of: $1, with: "")
    }
    let words = Self.english(output)
    #expect(words.isEmpty, "steer \(arguments.joined(separator: " ")): \(words)\n\(result.stdout)\(result.stderr)")
  }

  /// `retro record` refusing a retrospective with errors says so in French, findings included.
  @Test func aRefusedRetrospectiveInFrench() throws {
    let directory = try referenceRepository()
    defer { directory.remove() }
    let retro = try directory.read("vision/retros/it-2026-t3.md")
    try directory.write(
      "vision/retros/it-2026-t3.md",
      retro.replacingOccurrences(of: "owner: direction-patrimoine", with: "owner: inconnu"))
    let result = try run(
      steerExecutable, ["retro", "record", "it-2026-t3", "--lang", "fr"], in: directory.path, environment: Self.identity
    )
    #expect(result.status == 1)
    #expect(result.stderr.contains("erreur[dangling-reference]"), "\(result.stderr)")
    #expect(Self.english(result.stdout + result.stderr).isEmpty, "\(result.stdout)\(result.stderr)")
  }

  @Test func initWritesAFrenchLedger() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let result = try run(steerExecutable, ["init", "--lang", "fr"], in: directory.path)
    #expect(result.status == 0)
    #expect(Self.english(result.stdout + result.stderr).isEmpty, "\(result.stdout)\(result.stderr)")
    #expect(try directory.read(".steer.yaml").contains("language: fr"))
    let check = try run(steerExecutable, ["check"], in: directory.path)
    #expect(check.status == 0, "\(check.stdout)")
    #expect(Self.english(check.stdout).isEmpty, "\(check.stdout)")
  }
}
