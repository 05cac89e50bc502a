import Foundation
import SteerLoading
import SteerModel
import SteerOutput
import Testing

@testable import SteerOutput

/// The built `steer` executable, run as a user or a CI job runs it.
@Suite struct CommandLineTests {
  @Test(arguments: ["minimal", "schema", "front-matter", "references", "config"])
  func jsonMatchesGoldenFile(_ overlay: String) throws {
    let directory = try overlay == "minimal" ? fixtureLedger() : fixtureLedger(overlay)
    defer { directory.remove() }
    let result = try run(steerExecutable, ["check", "--format", "json"], in: directory.path)
    #expect(result.status == (overlay == "minimal" ? 0 : 1))
    #expect(result.stderr.isEmpty)
    try expectGolden(result.stdout, "check-\(overlay).json")
    // Two runs print the same bytes.
    #expect(try run(steerExecutable, ["check", "--format", "json"], in: directory.path).stdout == result.stdout)
  }

  @Test func textQuotesTheLineWithACaret() throws {
    let directory = try fixtureLedger("schema")
    defer { directory.remove() }
    let result = try run(steerExecutable, ["check"], in: directory.path)
    #expect(result.status == 1)
    #expect(!result.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    try expectGolden(result.stdout, "check-schema.txt")
  }

  /// The reference ledger passes: its only finding is the overdue action its story needs.
  @Test func theReferenceLedgerPassesWithItsOneExpectedWarning() throws {
    let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent().path
    let result = try run(steerExecutable, ["check", "--format", "json"], in: packageRoot + "/vision/stakeholders")
    #expect(result.status == 0)
    #expect(result.stdout.contains("\"rule\": \"overdue-action\""))
    #expect(try run(steerExecutable, ["check", "--strict"], in: packageRoot).status == 1)
    // Its findings on a day inside its active iteration: the calendar cannot add one.
    let day = CalendarDate(year: 2026, month: 11, day: 21)!
    let diagnostics = try session(packageRoot + "/vision/stakeholders").check(today: day).report.diagnostics
    #expect(diagnostics.map(\.rule) == ["overdue-action"])
  }

  /// An iteration whose dates have come but that is still `planned` is said, as of the day given.
  @Test func aPlannedIterationUnderWayIsSaid() throws {
    let directory = try referenceRepository()
    defer { directory.remove() }
    let day = CalendarDate(year: 2027, month: 1, day: 12)!
    let french = try session(directory.path).check(today: day).report.diagnostics.filter {
      $0.rule == "planned-iteration-started"
    }
    #expect(french.map(\.file) == ["vision/iterations/it-2027-t1.md"])
    #expect(
      french.first?.message
        == "l'itération Écoles et parcs (it-2027-t1) est encore prévue, alors qu'aujourd'hui (12 janvier 2027) se situe entre son début (1er janvier 2027) et sa fin (31 mars 2027)"
    )
    #expect(
      french.first?.hint?.contains("clôturez «\u{A0}it-2026-t4\u{A0}» (`steer retro record it-2026-t4 --close`)")
        == true)
    #expect(
      try session(directory.path).check(today: CalendarDate(year: 2026, month: 12, day: 31)!).report.diagnostics
        .allSatisfy { $0.rule != "planned-iteration-started" })
  }

  @Test(arguments: [
    ["check", "--format", "yaml"], ["chek"], ["check", "--bogus"], ["check", "a", "b"], ["new", "vision"],
    ["new", "thing", "Title"],
  ])
  func usageErrorsExitTwo(_ arguments: [String]) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let result = try run(steerExecutable, arguments, in: directory.path)
    #expect(result.status == 2)
    #expect(!result.stderr.isEmpty)
    #expect(result.stdout.isEmpty)
  }

  @Test func aMissingLedgerExitsTwoWithAHint() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let result = try run(steerExecutable, ["check"], in: directory.path)
    #expect(result.status == 2)
    #expect(result.stderr.contains("there is no ledger directory 'vision/'"))
    #expect(result.stderr.contains("steer init"))
  }

  /// A `.steer.yaml` that stands there but cannot be read (a FIFO, a directory, a link that
  /// goes nowhere) stops the command, exit 2, naming it: never a hang, never the defaults.
  @Test(arguments: ["fifo", "directory", "dangling link"])
  func anUnreadableConfigurationStopsTheCommand(_ kind: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let configuration = directory.path + "/.steer.yaml"
    unlink(configuration)
    switch kind {
    case "fifo": #expect(mkfifo(configuration, 0o600) == 0)
    case "directory": try FileManager.default.createDirectory(atPath: configuration, withIntermediateDirectories: false)
    default: try FileManager.default.createSymbolicLink(atPath: configuration, withDestinationPath: "nowhere.yaml")
    }
    let result = try run(steerExecutable, ["check"], in: directory.path)
    #expect(result.status == 2)
    #expect(result.stderr.contains(".steer.yaml"), "\(result.stderr)")
  }

  @Test func helpAndVersionExitZero() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let help = try run(steerExecutable, ["--help"], in: directory.path)
    #expect(help.status == 0)
    #expect(help.stdout.contains("check"))
    #expect(try run(steerExecutable, ["check", "--help"], in: directory.path).status == 0)
    #expect(try run(steerExecutable, ["--version"], in: directory.path).status == 0)
  }

  @Test func newAndInitFromTheCommandLine() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let initialised = try run(steerExecutable, ["init"], in: directory.path)
    #expect(initialised.status == 0)
    // Paths from the repository's root, as `steer new` prints them.
    #expect(initialised.stdout.contains("Wrote vision/vision.md\n"), "\(initialised.stdout)")
    let new = try run(steerExecutable, ["new", "usecase", "Plages connectées"], in: directory.path)
    #expect(new.status == 0)
    #expect(new.stdout.contains("vision/usecases/plages-connectees.md"))
    let again = try run(steerExecutable, ["new", "usecase", "Plages connectées"], in: directory.path)
    #expect(again.status == 2)
    #expect(again.stderr.contains("already used"))
    #expect(try run(steerExecutable, ["check"], in: directory.path).status == 0)
  }
}

@Suite struct DocumentationTests {
  /// docs/format.md is generated from the field tables; it fails here when stale.
  @Test func formatDocumentationIsCurrent() throws {
    let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    let url = packageRoot.appendingPathComponent("docs/format.md")
    let generated = FormatDocumentation.markdown()
    try expectCurrent(generated, at: url)
  }
}

extension DocumentationTests {
  /// docs/rules.md and docs/rules.fr.md are generated from the rule catalogue; each fails here when stale.
  @Test(arguments: [(Language.en, "docs/rules.md"), (.fr, "docs/rules.fr.md")])
  func ruleDocumentationIsCurrent(language: Language, path: String) throws {
    let url = testsDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(path)
    let generated = RuleDocumentation.markdown(Wording(language))
    try expectCurrent(generated, at: url)
  }

  /// The Neovim configuration docs/editors.md gives is the file CI's Neovim run loads, and it
  /// asks nothing of Neovim that 0.7 lacks (`vim.fs` came with 0.8).
  @Test func theNeovimConfigurationIsTheOneCILoads() throws {
    let file = "editors/neovim/steer.lua"
    let editors = try String(contentsOfFile: packageRoot + "/docs/editors.md", encoding: .utf8)
    let script = try String(contentsOfFile: packageRoot + "/Tests/scripts/neovim_lsp.sh", encoding: .utf8)
    let configuration = try String(contentsOfFile: packageRoot + "/" + file, encoding: .utf8)
    #expect(editors.contains("(../\(file))"))
    #expect(script.contains("-u \"$scripts/../../\(file)\""))
    #expect(!configuration.contains("vim.fs."))
    #expect(!editors.contains("```lua\nvim."), "a second Neovim configuration in the docs, which CI does not run")
  }

  /// The shells' completions come from the command definitions: every command is offered.
  @Test(arguments: ["bash", "zsh", "fish"])
  func completionScriptsNameEveryCommand(shell: String) throws {
    let result = try run(steerExecutable, ["--generate-completion-script", shell], in: packageRoot)
    #expect(result.status == 0, "\(result.stderr)")
    for command in ["check", "metrics", "summary", "site", "retro", "rename", "federation", "lsp"] {
      #expect(result.stdout.contains(command), "\(shell) completions lack \(command)")
    }
  }

  /// docs/metrics.md's table of every metric is generated from the metric registry; it fails here when stale.
  @Test func metricTableIsCurrent() throws {
    let url = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/metrics.md")
    let document = try String(contentsOf: url, encoding: .utf8)
    let generated = try #require(MetricDocumentation.updating(document), "docs/metrics.md has lost its table's markers")
    try expectCurrent(generated, at: url)
  }

  @Test func rulesAndExplain() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let rules = try run(steerExecutable, ["rules"], in: directory.path)
    #expect(rules.status == 0)
    #expect(rules.stdout.contains("phase-regression"))
    let explain = try run(steerExecutable, ["explain", "capacity"], in: directory.path)
    #expect(explain.status == 0)
    #expect(explain.stdout.contains("**Why it matters.**"))
    #expect(explain.stdout.contains("capacity: ↓3"))
    let unknown = try run(steerExecutable, ["explain", "capacty"], in: directory.path)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean 'capacity'?"))
  }
}

@Suite struct OutputFormatTests {
  @Test(arguments: ["sarif", "github", "gitlab", "junit"])
  func formatMatchesGoldenFile(_ format: String) throws {
    let directory = try fixtureLedger("schema", "references")
    defer { directory.remove() }
    let result = try run(
      steerExecutable, ["check", "--format", format], in: directory.path, environment: ["GITHUB_STEP_SUMMARY": ""])
    #expect(result.status == 1)
    let extensions = ["sarif": "sarif", "github": "txt", "gitlab": "json", "junit": "xml"]
    try expectGolden(result.stdout, "check-\(format).\(extensions[format]!)")
  }

  @Test func severalFormatsInOneRun() throws {
    let directory = try fixtureLedger("references")
    defer { directory.remove() }
    let summary = directory.path + "/summary.md"
    let result = try run(
      steerExecutable,
      ["check", "--format", "json:out/steer.json", "--format", "github", "--format", "junit:junit.xml"],
      in: directory.path, environment: ["GITHUB_STEP_SUMMARY": summary])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("::error file=vision/objectives/second-objective.md,line=6,col=9"))
    #expect(try directory.read("out/steer.json").contains("\"version\": 1"))
    #expect(try directory.read("junit.xml").hasPrefix("<?xml"))
    #expect(try directory.read("summary.md").contains("| error | `duplicate-id` |"))
    let twice = try run(steerExecutable, ["check", "--format", "json", "--format", "text"], in: directory.path)
    #expect(twice.status == 2)
  }

  /// The step summary of a French run is French: its heads and its severities.
  @Test func theStepSummaryIsInTheRunsLanguage() throws {
    let directory = try fixtureLedger("references")
    defer { directory.remove() }
    let summary = directory.path + "/summary.md"
    for (language, head, severity) in [
      ("fr", "| gravité | règle | emplacement | message |", "| erreur | `duplicate-id` |"),
      ("en", "| severity | rule | where | message |", "| error | `duplicate-id` |"),
    ] {
      try? FileManager.default.removeItem(atPath: summary)
      let result = try run(
        steerExecutable, ["check", "--format", "github", "--lang", language], in: directory.path,
        environment: ["GITHUB_STEP_SUMMARY": summary])
      #expect(result.status == 1)
      let written = try directory.read("summary.md")
      #expect(written.contains("\n\(head)\n|---|---|---|---|\n"), "\(written)")
      #expect(written.contains(severity), "\(written)")
    }
  }

  @Test func githubEscaping() {
    #expect(GitHubReporter.escapeData("100% done\r\nnext") == "100%25 done%0D%0Anext")
    #expect(GitHubReporter.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
  }

  @Test func sarifURIsArePercentEncoded() {
    #expect(SARIFReporter.uri("vision/usecases/plages connectées.md") == "vision/usecases/plages%20connect%C3%A9es.md")
  }
}

@Suite struct JSONSchemaTests {
  /// Each kind's schema lists exactly the fields of its table, requires the required ones,
  /// and refuses others.
  @Test(arguments: DocumentKind.allCases)
  func schemaFollowsTheFieldTable(_ kind: DocumentKind) throws {
    guard case .object(let members) = JSONSchemaExport.schema(for: kind) else {
      Issue.record("not an object")
      return
    }
    let schema = Dictionary(members, uniquingKeysWith: { first, _ in first })
    guard case .object(let properties)? = schema["properties"], case .array(let required)? = schema["required"] else {
      Issue.record("no properties or required")
      return
    }
    #expect(properties.map(\.0) == kind.fields.map(\.name))
    #expect(required == kind.fields.filter(\.isRequired).map { .string($0.name) })
    #expect(schema["additionalProperties"] == .bool(false))
    #expect(schema["$schema"] == .string("https://json-schema.org/draft/2020-12/schema"))
  }

  @Test func theCommandWritesEverySchema() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let result = try run(steerExecutable, ["schema", "--out", "schemas"], in: directory.path)
    #expect(result.status == 0)
    let written = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/schemas").sorted()
    #expect(written.count == DocumentKind.allCases.count + 1)
    #expect(written.contains("config.schema.json"))
    #expect(try run(steerExecutable, ["schema", "--kind", "usecase"], in: directory.path).stdout.contains("\"phase\""))
    #expect(try run(steerExecutable, ["schema", "--kind", "thing"], in: directory.path).status == 2)
  }
}

@Suite struct IntegrationFileTests {
  private func read(_ path: String) throws -> YAMLNode {
    let root = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    let bytes = Array(try Data(contentsOf: root.appendingPathComponent(path)))
    return try #require(try YAMLReader.read(bytes))
  }

  private func keys(_ node: YAMLNode?) -> [String] {
    guard case .mapping(let entries)? = node?.content else { return [] }
    return entries.compactMap { $0.key.scalar?.text }
  }

  private func value(_ node: YAMLNode, _ key: String) -> YAMLNode? {
    guard case .mapping(let entries) = node.content else { return nil }
    return entries.first { $0.key.scalar?.text == key }?.value
  }

  /// The files users copy into their CI parse as YAML and name what the README promises.
  @Test func actionAndTemplatesAreWellFormed() throws {
    let action = try read("action.yml")
    #expect(keys(value(action, "inputs")) == ["ledger", "since", "strict", "sarif"])
    #expect(value(try #require(value(action, "runs")), "using")?.scalar?.text == "composite")

    let gitlab = try read("ci/steer.gitlab-ci.yml")
    let job = try #require(value(gitlab, "steer-check"))
    let artifacts = try #require(value(job, "artifacts"))
    #expect(value(artifacts, "when")?.scalar?.text == "always")
    #expect(keys(value(artifacts, "reports")) == ["codequality"])

    let hooks = try read(".pre-commit-hooks.yaml")
    guard case .sequence(let list) = hooks.content, let hook = list.first else {
      Issue.record("the hooks file is not a list")
      return
    }
    #expect(value(hook, "id")?.scalar?.text == "steer-check")
    #expect(value(hook, "language")?.scalar?.text == "swift")
  }
}
