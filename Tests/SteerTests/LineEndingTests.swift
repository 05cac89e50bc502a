import Foundation
import Testing

@testable import SteerLanguageServer

/// Every line break YAML knows — a Windows checkout's CR LF, the old Mac CR, NEL (a cp1252 "…"
/// read as Latin-1), LS, PS — is read, rewritten and kept as YAML reads it: `retro record`,
/// `steer rename` and suppressions behave as on LF files, and each file keeps its breaks.
@Suite struct LineEndingTests {
  static let breaks = ["\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]

  private static let identity = [
    "GIT_AUTHOR_NAME": "Agent", "GIT_AUTHOR_EMAIL": "agent@example.org", "GIT_COMMITTER_NAME": "Agent",
    "GIT_COMMITTER_EMAIL": "agent@example.org", "GIT_CONFIG_GLOBAL": "/dev/null",
  ]

  /// The minimal ledger with every document's lines ended by `lineBreak`, the second sprint's
  /// goal holding a NEL inside its quotes and its status on the front matter's last line.
  private func ledger(_ lineBreak: String) throws -> TemporaryDirectory {
    let directory = try fixtureLedger()
    try directory.write(
      "vision/iterations/sprint-2.md",
      "---\ntitle: Second sprint\ngoal: \"Pilot\u{85}site\"\nstart: 2026-04-01\nend: 2026-04-30\n"
        + "items:\n  - {usecase: water-sensors, target: test, effort: 2}\nstatus: active\n---\n")
    try directory.write(
      "vision/retros/sprint-2.md",
      "---\ndate: 2026-05-02\nparticipants: [mayor, residents]\ndelivered:\n  - {usecase: water-sensors, phase: test}\n"
        + "lessons:\n  - {text: Residents want the raw data too, tags: [transparency]}\n---\n")
    for path in try documents(in: directory) {
      try directory.write(path, try directory.read(path).replacingOccurrences(of: "\n", with: lineBreak))
    }
    return directory
  }

  private func documents(in directory: TemporaryDirectory) throws -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: directory.path + "/vision")
    return (enumerator?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".md") }.map { "vision/" + $0 }
  }

  private func errors(_ arguments: [String], in directory: TemporaryDirectory) throws -> [String] {
    let result = try run(
      steerExecutable, ["check", "--format", "json", "--lang", "en"] + arguments, in: directory.path)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let diagnostics = json["diagnostics"] as? [[String: Any]] ?? []
    return diagnostics.filter { $0["severity"] as? String == "error" }.map {
      "\($0["file"] ?? "")\($0["message"] ?? "")"
    }
  }

  @Test(arguments: breaks)
  func retroRecordClosesAndKeepsTheBreaks(lineBreak: String) throws {
    let directory = try ledger(lineBreak)
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    let before = try directory.read("vision/iterations/sprint-2.md")
    let expected = before.replacingOccurrences(of: "status: active", with: "status: closed")
    for attempt in 1...2 {
      let recorded = try run(
        steerExecutable, ["retro", "record", "sprint-2", "--close", "--force"], in: directory.path,
        environment: Self.identity)
      #expect(recorded.status == 0, "attempt \(attempt): \(recorded.stderr)")
      #expect(try directory.read("vision/iterations/sprint-2.md") == expected, "attempt \(attempt)")
      #expect(try git(["show", "HEAD:vision/iterations/sprint-2.md"], in: directory.path) == expected)
      #expect(try git(["status", "--porcelain"], in: directory.path).isEmpty)
    }
    #expect(try errors(["--rev", "HEAD"], in: directory).isEmpty)
  }

  /// A Windows checkout: LF in git, CR LF in the work tree (`core.autocrlf=true`). The commit
  /// keeps LF, the work tree CR LF, and git sees nothing changed.
  @Test func retroRecordOnAnAutocrlfCheckout() throws {
    let directory = try ledger("\n")
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    try git(["config", "core.autocrlf", "true"], in: directory.path)
    for path in try documents(in: directory) { try FileManager.default.removeItem(atPath: directory.path + "/" + path) }
    try git(["checkout", "--", "vision"], in: directory.path)
    let workTree = try directory.read("vision/iterations/sprint-2.md")
    #expect(workTree.contains("status: active\r\n"))
    let recorded = try run(
      steerExecutable, ["retro", "record", "sprint-2", "--close"], in: directory.path, environment: Self.identity)
    #expect(recorded.status == 0, "\(recorded.stderr)")
    #expect(
      try directory.read("vision/iterations/sprint-2.md")
        == workTree.replacingOccurrences(of: "status: active", with: "status: closed"))
    let committed = try git(["show", "HEAD:vision/iterations/sprint-2.md"], in: directory.path)
    #expect(committed.contains("status: closed\n---\n") && !committed.contains("\r"))
    #expect(try git(["status", "--porcelain"], in: directory.path).isEmpty)
  }

  /// Every kind of id of the minimal ledger, each with a fresh id of the same length (so that
  /// columns stay): use case, stakeholder, objective, workshop, iteration, axis, rollout step,
  /// indicator.
  static let renames = [
    ("water-sensors", "capteurs-eaux"), ("mayor", "maire"), ("clean-water", "eau-propre1"), ("kickoff", "lancemt"),
    ("sprint-2", "sprint-9"), ("data", "donn"), ("beaches", "plagesx"), ("open-days", "jours-ouv"),
  ]

  /// The differential rename: every kind of id renamed, on every break, gives the findings of
  /// before but for the ids, and every file keeps its breaks.
  @Test(arguments: ["\n"] + breaks)
  func renameFindsEveryReference(lineBreak: String) throws {
    let directory = try ledger(lineBreak)
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    let before = try run(steerExecutable, ["check", "--format", "json", "--lang", "en"], in: directory.path)
    var expected = before.stdout
    for (old, new) in Self.renames {
      let renamed = try run(steerExecutable, ["rename", old, new, "--force"], in: directory.path)
      #expect(renamed.status == 0, "\(old): \(renamed.stderr)")
      expected = expected.replacingOccurrences(of: old, with: new)
    }
    let after = try run(steerExecutable, ["check", "--format", "json", "--lang", "en"], in: directory.path)
    #expect(after.stdout == expected)
    for path in try documents(in: directory) {
      let text = try directory.read(path)
      for (old, _) in Self.renames {
        #expect(!text.contains(": \(old)") && !text.contains("[\(old)") && !text.contains("\(old)]"), "\(path): \(old)")
      }
      // Bytes, not characters: Swift reads CR LF as one character.
      let bytes = Array(text.utf8)
      let lineFeeds = bytes.indices.filter { bytes[$0] == 0x0A }
      let ownLineFeeds = lineFeeds.filter { $0 > 0 && bytes[$0 - 1] == 0x0D }
      switch lineBreak {
      case "\n": break
      case "\r\n": #expect(ownLineFeeds.count == lineFeeds.count, "\(path) lost its CR LF")
      default: #expect(lineFeeds.isEmpty, "\(path) lost its line breaks")
      }
    }
  }

  /// `# steer-disable-next-line` silences the line below it whatever ends the lines.
  @Test(arguments: ["\n"] + breaks)
  func aSuppressionHoldsOnEveryLineBreak(lineBreak: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let lines = [
      "---", "title: Silenced", "objectives: [clean-water]", "# steer-disable-next-line co-construction",
      "phase: prototype", "owner: mayor", "---", "",
    ]
    try directory.write("vision/usecases/silenced.md", lines.joined(separator: lineBreak))
    let result = try run(steerExecutable, ["check", "--format", "json", "--lang", "en"], in: directory.path)
    #expect(!result.stdout.contains("unused-suppression"), "\(result.stdout)")
    #expect(!result.stdout.contains("silenced.md"), "\(result.stdout)")
  }

  /// The editor's quick fix that adds a missing field writes the file's own line break.
  @Test func theAddedFieldKeepsTheFilesLineBreak() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let file = "vision/usecases/water-sensors.md"
    let text = try directory.read(file).replacingOccurrences(of: "title: Water quality sensors\n", with: "")
      .replacingOccurrences(of: "\n", with: "\r\n")
    try directory.write(file, text)
    let client = try LanguageServerClient(root: directory.path)
    try client.initialize()
    try client.open(file)
    let diagnostics = try client.diagnostics(for: file) { !$0.isEmpty }
    #expect(diagnostics.contains { ($0["message"] as! String).contains("'title'") })
    let actions =
      try client.request(
        "textDocument/codeAction",
        [
          "textDocument": ["uri": client.uri(file)],
          "range": ["start": ["line": 0, "character": 0], "end": ["line": 8, "character": 0]],
          "context": ["diagnostics": []],
        ])["result"] as! [[String: Any]]
    let fix = try #require(actions.first { ($0["title"] as! String).contains("title") })
    let edits = ((fix["edit"] as! [String: Any])["changes"] as! [String: Any])[client.uri(file)] as! [[String: Any]]
    #expect(edits.first?["newText"] as? String == "title: to be written\r\n")
    #expect(try client.finish() == 0)
  }

  /// The editor's line table, updated edit by edit, is the one a fresh scan finds: random
  /// edits that join and split CR LF pairs, on random text.
  @Test func theEditorsLineTableFollowsEveryEdit() {
    var generator = SystemRandomNumberGenerator()
    let pieces: [[UInt8]] = [[0x61], [0x0A], [0x0D], [0x0D, 0x0A], [0xC3, 0xA9], [0x20]]
    func text(_ count: Int) -> [UInt8] { (0..<count).flatMap { _ in pieces.randomElement(using: &generator)! } }
    for _ in 0..<300 {
      var bytes = text(Int.random(in: 0...40, using: &generator))
      var starts = TextPositions(bytes).lineStarts
      for _ in 0..<20 {
        let start = Int.random(in: 0...bytes.count, using: &generator)
        let end = Int.random(in: start...min(bytes.count, start + 6), using: &generator)
        let inserted = text(Int.random(in: 0...3, using: &generator))
        bytes.replaceSubrange(start..<end, with: inserted)
        starts = TextPositions.updatedLineStarts(starts, replacing: start..<end, count: inserted.count, in: bytes)
        #expect(starts == TextPositions(bytes).lineStarts, "\(bytes) after replacing \(start)..<\(end)")
        if starts != TextPositions(bytes).lineStarts { return }
      }
    }
  }
}
