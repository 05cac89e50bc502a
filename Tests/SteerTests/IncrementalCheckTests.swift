import Foundation
import SteerChecks
import SteerGit
import SteerKit
import SteerLoading
import SteerModel
import SteerOutput
import Testing

/// The incremental check (`IncrementalChecker`, which the language server runs on every edit)
/// gives, byte for byte, the JSON report of a full check after every step of seeded random
/// edits: lines of any document replaced by lines of its kind, removed, repeated; YAML broken and
/// mended; files added, deleted and renamed; suppressions written; `.steer.yaml` changed. A rule
/// whose `RuleScope` says less than it reads fails here.
///
/// In CI it takes a few seconds: 20 steps for each of 2 seeds on each ledger. Run it for hours
/// locally with `STEER_DIFFERENTIAL_STEPS` (steps per ledger and seed) and
/// `STEER_DIFFERENTIAL_SEEDS` (how many seeds), as README.md says ("How the code is laid out"):
///
///     STEER_DIFFERENTIAL_STEPS=2000 STEER_DIFFERENTIAL_SEEDS=50 \
///       swift test --disable-xctest --filter IncrementalCheckTests
@Suite struct IncrementalCheckTests {
  static let ledgers = ["minimal", "every-field", "references", "schema", "front-matter", "reference", "generated"]

  @Test(arguments: ledgers) func equalsAFullCheckAfterEveryEdit(_ ledger: String) throws {
    let environment = ProcessInfo.processInfo.environment
    let steps = environment["STEER_DIFFERENTIAL_STEPS"].flatMap { Int($0) } ?? 20
    let seeds = environment["STEER_DIFFERENTIAL_SEEDS"].flatMap { Int($0) } ?? 2
    for seed in 1...seeds {
      let directory = try Self.ledger(ledger)
      defer { directory.remove() }
      var editor = try RandomEditor(directory, seed: UInt64(seed))
      var checks = Checks(directory, language: seed.isMultiple(of: 2) ? .fr : .en, keepsIndex: seed % 4 != 3)
      try checks.expectEqual("\(ledger), seed \(seed), start")
      for step in 1...steps {
        let edit = try editor.step()
        try checks.apply(edit.changed)
        try checks.expectEqual("\(ledger), seed \(seed), step \(step): \(edit.description)")
      }
    }
  }

  /// `check --since HEAD`, as the command runs it, each time resuming from the state the
  /// previous step's check kept, gives the JSON report of a whole check scoped to the files
  /// changed since HEAD, after every random edit; the state is damaged now and then (cut
  /// short, altered, made for another identity, garbage), and the edits are committed now and
  /// then, so that the base moves.
  @Test(arguments: ledgers) func sinceEqualsAFullCheckAfterEveryEdit(_ ledger: String) throws {
    let environment = ProcessInfo.processInfo.environment
    let steps = environment["STEER_DIFFERENTIAL_STEPS"].flatMap { Int($0) } ?? 20
    let seeds = environment["STEER_DIFFERENTIAL_SEEDS"].flatMap { Int($0) } ?? 2
    for seed in 1...seeds {
      let directory = try Self.ledger(ledger)
      defer { directory.remove() }
      try git(["init", "-q"], in: directory.path)
      try git(["add", "-A"], in: directory.path)
      try git(["commit", "-q", "-m", "ledger"], in: directory.path)
      var editor = try RandomEditor(directory, seed: UInt64(seed))
      var chance = SplitMix(UInt64(seed) &* 7919)
      let since = SinceChecks(directory: directory, language: seed.isMultiple(of: 2) ? .fr : .en)
      try since.expectEqual("\(ledger), seed \(seed), start")
      for step in 1...steps {
        let edit = try editor.step()
        var description = edit.description
        switch chance.below(12) {
        case 0:
          try git(["add", "-A"], in: directory.path)
          try git(["commit", "-q", "--allow-empty", "-m", "step \(step)"], in: directory.path)
          description += ", committed"
        case 1...4: description += ", state " + (try since.damage(chance.below(4)))
        default: break
        }
        try since.expectEqual("\(ledger), seed \(seed), step \(step): \(description)")
      }
    }
  }

  /// The state kept is what the next check starts from: a finding put into it is reported.
  @Test func sinceResumesFromTheStateKept() throws {
    let directory = try Self.ledger("minimal")
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    let file = "vision/usecases/water-sensors.md"
    try directory.write(file, try directory.read(file) + "\nMore.\n")
    let since = SinceChecks(directory: directory, language: .en)
    try since.expectEqual("first check")
    let path = try since.statePath()
    let identity = try since.identity()
    var state = try #require(CheckState.load(from: path, identity: identity))
    let rule = try #require(state.rules.firstIndex(of: "orphan-objective"))
    state.findings[rule].append(
      Finding(rule: "orphan-objective", file: file, location: nil, message: "kept", hint: nil))
    #expect(state.save(to: path, identity: identity))
    let report = try session(directory.path, language: .en).check(since: "HEAD", today: SinceChecks.today).report
    #expect(report.diagnostics.map(\.message) == ["kept"])
  }

  /// A stakeholder renamed: each finding that names them (an overdue action's owner, a use
  /// case's absent user, a stakeholder consulted on paper) gives the new name after an
  /// incremental check as after a full one. The random edits seldom rename a stakeholder.
  @Test func aRenamedStakeholderIsRenamedInTheFindingsThatNameThem() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    var files = ExampleLedger.base
    files["retros/sprint-1.md"] =
      "---\ndate: 2026-04-01\nparticipants: [mayor]\nactions:\n  - {text: Invite residents, owner: mayor, due: sprint-1, status: open}\n---\n"
    files["usecases/kiosk.md"] =
      "---\ntitle: Kiosk\nobjectives: [clean-water]\nphase: prototype\nowner: engineers\nusers: [mayor]\n---\n"
    files["workshops/kiosk-analysis.md"] =
      "---\ndate: 2026-02-01\nphase: analysis\nusecases: [kiosk]\nparticipants: [engineers, residents]\n---\n"
    files["decisions/open-data.md"] =
      "---\ntitle: Open the data\ndate: 2026-03-01\nstatus: accepted\ndecided_by: [engineers]\nconsulted: [mayor]\nworkshops: [sensors-analysis]\n---\n"
    for (path, text) in files { try directory.write("vision/" + path, text) }
    var checks = Checks(directory, language: .en, keepsIndex: true)
    try checks.expectEqual("start")
    let stakeholder = "vision/stakeholders/mayor.md"
    try directory.write(
      stakeholder, try directory.read(stakeholder).replacingOccurrences(of: "name: Mayor", with: "name: Town mayor"))
    try checks.apply([stakeholder])
    try checks.expectEqual("the mayor renamed")
    let loaded = LedgerLoader.load(directoryAt: directory.path + "/vision", shownAs: "vision", language: .en)
    let naming = Checker().check(
      loaded.ledger, readingFindings: loaded.findings, circumstances: checks.circumstances
    ).filter { $0.message.contains("Town mayor (mayor)") }.map(\.rule)
    #expect(Set(naming).isSuperset(of: ["overdue-action", "co-construction", "decision-consultation"]), "\(naming)")
  }

  /// A ledger in a directory of its own, under `vision/`.
  static func ledger(_ name: String) throws -> TemporaryDirectory {
    switch name {
    case "reference":
      let directory = try TemporaryDirectory()
      try FileManager.default.copyItem(atPath: packageRoot + "/vision", toPath: directory.path + "/vision")
      try directory.write(".steer.yaml", try String(contentsOfFile: packageRoot + "/.steer.yaml", encoding: .utf8))
      return directory
    case "generated":
      let directory = try TemporaryDirectory()
      let generator = try run(
        "/usr/bin/env",
        ["python3", packageRoot + "/Benchmarks/generate_ledger.py", directory.path + "/vision", "--use-cases", "40"],
        in: directory.path)
      #expect(generator.status == 0, "\(generator.stderr)")
      return directory
    case "minimal": return try fixtureLedger()
    default: return try fixtureLedger(name)
    }
  }
}

/// The live ledger with both checks, as the language server keeps them.
private struct Checks {
  let directory: TemporaryDirectory
  var live: LiveLedger
  var configuration: Configuration
  var configurationFindings: [Finding]
  var incremental: IncrementalChecker
  /// The index kept up to date file by file, as the language server keeps it; nil: none is
  /// given, and the checker builds one.
  var index: LedgerIndex?
  /// Nil when the next incremental check must check everything.
  var changed: Set<String>? = nil
  let circumstances = CheckCircumstances(today: CalendarDate(year: 2026, month: 6, day: 15)!)

  init(_ directory: TemporaryDirectory, language: Language, keepsIndex: Bool) {
    self.directory = directory
    live = LiveLedger(directoryAt: directory.path + "/vision", shownAs: "vision", language: language)
    index = keepsIndex ? LedgerIndex(live.ledger) : nil
    (configuration, configurationFindings) = (Configuration(), [])
    incremental = IncrementalChecker(Checker())
    readConfiguration()
  }

  mutating func readConfiguration() {
    let bytes = FileManager.default.contents(atPath: directory.path + "/" + Configuration.fileName).map { [UInt8]($0) }
    (configuration, configurationFindings) = ConfigurationLoader.configuration(
      bytes, knownRules: RuleCatalogue.knownRules, language: live.language)
    incremental = IncrementalChecker(Checker(configuration: configuration))
    changed = nil
  }

  mutating func apply(_ files: Set<String>) throws {
    if files.contains(Configuration.fileName) { readConfiguration() }
    for file in files.sorted() where file != Configuration.fileName {
      let before = LedgerIndex.entries(of: file, in: live.ledger)
      live.update(file)
      index?.update(file, before: before, in: live.ledger)
    }
    changed = changed.map { $0.union(files) } ?? (files.contains(Configuration.fileName) ? nil : files)
  }

  mutating func expectEqual(_ step: String) throws {
    let loaded = live.current()
    let reading = configurationFindings + loaded.findings
    let full = Checker(configuration: configuration).check(
      loaded.ledger, readingFindings: reading, circumstances: circumstances)
    if let kept = index {
      let same = kept == LedgerIndex(loaded.ledger)
      #expect(same, "the index kept up to date differs from one built anew, \(step)")
    }
    let again = incremental.check(
      loaded.ledger, index: index, readingFindings: reading, changed: changed, circumstances: circumstances)
    changed = []
    let language = configuration.language
    let json = { (diagnostics: [Diagnostic]) in
      JSONReporter.render(
        Report(
          diagnostics: diagnostics, documentPaths: loaded.ledger.documentPaths, sources: loaded.sources,
          language: language))
    }
    let (expected, actual) = (json(full), json(again))
    #expect(actual == expected, "\(step)")
    if actual != expected { throw DifferentialFailure(step: step) }
  }
}

/// `check --since HEAD` in a repository, against a whole check of the same files scoped as
/// `Checker.check(scope:)` scopes it.
private struct SinceChecks {
  static let today = CalendarDate(year: 2026, month: 6, day: 15)!
  let directory: TemporaryDirectory
  let language: Language

  func expectEqual(_ step: String) throws {
    let session = try session(directory.path, language: language)
    let actual = JSONReporter.render(try session.check(since: "HEAD", today: Self.today).report)
    let loaded = LedgerLoader.load(
      directoryAt: directory.path + "/vision", shownAs: "vision", language: session.language)
    let repository = try Repository.open(at: directory.path)
    let changed = try repository.status(
      against: repository.commit(for: "HEAD"), limitedTo: ["vision", Configuration.fileName]
    ).changed
    let diagnostics = Checker(configuration: session.configuration).check(
      loaded.ledger, readingFindings: loaded.findings + session.configurationFindings, scope: changed,
      circumstances: session.circumstances(today: Self.today))
    var sources = loaded.sources
    sources[Configuration.fileName] = FileManager.default.contents(
      atPath: directory.path + "/" + Configuration.fileName
    ).map { [UInt8]($0) }
    let expected = JSONReporter.render(
      Report(
        diagnostics: diagnostics, documentPaths: loaded.ledger.documentPaths, sources: sources,
        language: session.language))
    #expect(actual == expected, "\(step)")
    if actual != expected { throw DifferentialFailure(step: step) }
    // The state is kept whenever the check could resume; a foreign one is replaced.
    #expect(CheckState.load(from: try statePath(), identity: try identity()) != nil, "\(step)")
  }

  func statePath() throws -> String {
    let session = try session(directory.path, language: language)
    return CheckState.path(
      gitDirectory: directory.path + "/.git", ledgerDirectory: session.ledgerDirectory, language: session.language)
  }

  /// The identity the next check's state needs.
  func identity() throws -> String {
    let session = try session(directory.path, language: language)
    let loaded = LedgerLoader.load(
      directoryAt: directory.path + "/vision", shownAs: "vision", language: session.language)
    let base = try Repository.open(at: directory.path).commit(for: "HEAD").entryID(at: "vision")
    let circumstances = session.circumstances(today: Self.today)
    let configuration = FileManager.default.contents(atPath: directory.path + "/" + Configuration.fileName)
    return CheckState.identity(
      language: session.language, ledgerDirectory: "vision", base: base,
      configuration: configuration.map { [UInt8]($0) },
      today: Self.today, recordedIterations: circumstances.recordedIterations,
      unreadable: Set((loaded.findings + session.configurationFindings).map(\.file)))
  }

  /// Damages the state file in one of four ways, and says how.
  func damage(_ way: Int) throws -> String {
    let path = try statePath()
    guard var bytes = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }), bytes.count > 8 else {
      return "absent"
    }
    let said: String
    switch way {
    case 0:
      bytes.removeLast(bytes.count / 2)
      said = "cut short"
    case 1:
      bytes[bytes.count / 2] ^= 0x20
      said = "altered"
    case 2:
      let foreign = CheckState(workTree: [:], rules: [], declarations: [], findings: [])
      #expect(foreign.save(to: path, identity: "another identity"))
      return "foreign"
    default:
      bytes = Array("steer check state\nnot a state at all".utf8)
      said = "garbage"
    }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return said
  }
}

private struct DifferentialFailure: Error {
  let step: String
}

/// Edits a ledger at random, as an editor would, from a seed.
private struct RandomEditor {
  let directory: TemporaryDirectory
  var random: SplitMix
  /// The files as they were at the start, by path: what is mended back, and copied to add one.
  let originals: [String: String]
  /// The lines each directory's files start with, to write into any of them.
  let lines: [String: [String]]
  var files: [String]
  var added = 0

  init(_ directory: TemporaryDirectory, seed: UInt64) throws {
    self.directory = directory
    random = SplitMix(seed)
    let paths = (FileManager.default.subpaths(atPath: directory.path + "/vision") ?? []).map { "vision/" + $0 }
      .filter { $0.hasSuffix(".md") || $0.hasSuffix(".csv") }.sorted()
    var originals: [String: String] = [:]
    for path in paths { originals[path] = try directory.read(path) }
    self.originals = originals
    lines = Dictionary(grouping: paths, by: Self.folder).mapValues { group in
      group.flatMap { originals[$0]!.split(separator: "\n").map(String.init) }
    }
    files = paths
  }

  static func folder(_ path: String) -> String {
    path.split(separator: "/").dropLast().joined(separator: "/")
  }

  /// Makes one edit, and says which files it changed.
  mutating func step() throws -> (changed: Set<String>, description: String) {
    guard !files.isEmpty else { return try add() }
    switch random.below(20) {
    case 0..<9: return try editLine()
    case 9: return try breakYAML()
    case 10, 11: return try mend()
    case 12: return try delete()
    case 13, 14: return try add()
    case 15: return try rename()
    case 16, 17: return try suppress()
    default: return try configure()
    }
  }

  mutating func editLine() throws -> (changed: Set<String>, description: String) {
    let file = files[random.below(files.count)]
    var text = try directory.read(file).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let line = random.below(text.count)
    let pool = lines[Self.folder(file)] ?? []
    switch random.below(4) {
    case 0: text.remove(at: line)
    case 1 where !pool.isEmpty: text.insert(pool[random.below(pool.count)], at: line)
    default: text[line] = pool.isEmpty ? "" : pool[random.below(pool.count)]
    }
    try directory.write(file, text.joined(separator: "\n"))
    return ([file], "line \(line + 1) of \(file)")
  }

  mutating func breakYAML() throws -> (changed: Set<String>, description: String) {
    let file = files[random.below(files.count)]
    let text = try directory.read(file)
    let broken = ["---\n": "", "\n---\n": "\nkey: [unclosed\n---\n", ":": ": : "]
    let (from, to) = broken.sorted { $0.key < $1.key }[random.below(broken.count)]
    guard let range = text.range(of: from) else { return ([], "nothing to break in \(file)") }
    try directory.write(file, text.replacingCharacters(in: range, with: to))
    return ([file], "YAML broken in \(file)")
  }

  mutating func mend() throws -> (changed: Set<String>, description: String) {
    let paths = originals.keys.sorted()
    let file = paths[random.below(paths.count)]
    try directory.write(file, originals[file]!)
    if !files.contains(file) { files.append(file) }
    return ([file], "\(file) as it was")
  }

  mutating func delete() throws -> (changed: Set<String>, description: String) {
    let file = files.remove(at: random.below(files.count))
    try FileManager.default.removeItem(atPath: directory.path + "/" + file)
    return ([file], "\(file) deleted")
  }

  mutating func add() throws -> (changed: Set<String>, description: String) {
    let paths = originals.keys.sorted()
    let source = paths[random.below(paths.count)]
    added += 1
    let file = Self.folder(source) + "/added-\(added)" + (source.hasSuffix(".csv") ? ".csv" : ".md")
    try directory.write(file, originals[source]!)
    files.append(file)
    return ([file], "\(file) added from \(source)")
  }

  mutating func rename() throws -> (changed: Set<String>, description: String) {
    let position = random.below(files.count)
    let file = files[position]
    added += 1
    let stem = file.split(separator: "/").last!.split(separator: ".").first!
    let renamed = Self.folder(file) + "/\(stem)-\(added)" + (file.hasSuffix(".csv") ? ".csv" : ".md")
    try FileManager.default.moveItem(atPath: directory.path + "/" + file, toPath: directory.path + "/" + renamed)
    files[position] = renamed
    return ([file, renamed], "\(file) renamed \(renamed)")
  }

  /// A suppression of any rule (or of none) before a line of the front matter.
  mutating func suppress() throws -> (changed: Set<String>, description: String) {
    let file = files[random.below(files.count)]
    guard file.hasSuffix(".md") else { return try editLine() }
    var text = try directory.read(file).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let rules = RuleCatalogue.descriptions.map(\.id) + ["no-such-rule"]
    let rule = rules[random.below(rules.count)]
    let line = 1 + random.below(max(1, text.count - 1))
    text.insert(random.below(3) == 0 ? "<!-- steer-disable \(rule) -->" : "# steer-disable-next-line \(rule)", at: line)
    try directory.write(file, text.joined(separator: "\n"))
    return ([file], "\(rule) suppressed in \(file)")
  }

  mutating func configure() throws -> (changed: Set<String>, description: String) {
    let configurations = [
      "", "language: fr\n", "rules:\n  co-construction: off\n  orphan-objective: error\n",
      "required_endorsements: [elected, citizen]\ngates:\n  coverage: 1\n  traceability: 0.5\n",
      "rules:\n  dangling-reference: warning\n  unused-suppression: off\n", "effort_unit: days\nrules: [\n",
    ]
    let text = configurations[random.below(configurations.count)]
    try directory.write(Configuration.fileName, text)
    return ([Configuration.fileName], "\(Configuration.fileName): \(text.debugDescription)")
  }
}

/// A small generator of pseudo-random numbers that a seed repeats (SplitMix64).
private struct SplitMix {
  var state: UInt64

  init(_ seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
