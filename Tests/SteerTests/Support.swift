import Foundation
import SteerKit
import SteerModel
import Testing

/// The folder of this file, to find fixtures and golden files.
let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let fixturesDirectory = testsDirectory.appendingPathComponent("Fixtures")
let goldenDirectory = testsDirectory.appendingPathComponent("Golden")
/// The project's own folder, whose `vision/` is the reference ledger.
let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent().path

/// A fresh directory under the system's temporary folder, removed by `remove()`.
struct TemporaryDirectory {
  let path: String

  init() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("steer-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    // Resolve /tmp symlinks so that paths compare equal to what the tool prints.
    path = url.resolvingSymlinksInPath().path
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }

  func write(_ relative: String, _ contents: String) throws {
    try write(relative, Data(contents.utf8))
  }

  func write(_ relative: String, _ data: Data) throws {
    let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  func read(_ relative: String) throws -> String {
    try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
  }

  /// Copies a fixture folder's contents into this directory (merging folders).
  func copyFixture(_ name: String) throws {
    let source = fixturesDirectory.appendingPathComponent(name)
    let enumerator = FileManager.default.enumerator(at: source, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
      let relative = String(url.standardizedFileURL.path.dropFirst(source.standardizedFileURL.path.count + 1))
      try write(relative, try Data(contentsOf: url))
    }
  }
}

/// The minimal valid ledger with the named overlays copied over it, in a temporary directory.
func fixtureLedger(_ overlays: String...) throws -> TemporaryDirectory {
  let directory = try TemporaryDirectory()
  try directory.copyFixture("minimal")
  for overlay in overlays { try directory.copyFixture(overlay) }
  return directory
}

/// A session as a command run in `directory` would have.
func session(
  _ directory: String, ledger: String? = nil, revision: String? = nil, language: Language? = nil
) throws -> Session {
  try Session(SessionOptions(currentDirectory: directory, ledger: ledger, revision: revision, language: language))
}

/// Runs `steer check` in-process from `directory`.
func check(in directory: String, ledger: String? = nil, revision: String? = nil) throws -> CheckResult {
  try session(directory, ledger: ledger, revision: revision).check()
}

/// A compact, comparable form of a diagnostic: `rule file:line:column`.
func summary(_ diagnostic: Diagnostic) -> String {
  let position = diagnostic.location.map { ":\($0.line):\($0.column)" } ?? ""
  return "\(diagnostic.rule) \(diagnostic.file)\(position)"
}

/// Runs a program and returns its exit status and outputs.
@discardableResult
func run(
  _ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]
) throws -> (status: Int32, stdout: String, stderr: String) {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: executable)
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory)
  var merged = ProcessInfo.processInfo.environment
  for (key, value) in environment { merged[key] = value }
  process.environment = merged
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  // Read both pipes to the end before waiting, so that a large output cannot block the child.
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
}

/// Runs git with no global or system configuration, and a fixed identity for commits.
@discardableResult
func git(_ arguments: [String], in directory: String) throws -> String {
  let environment = [
    "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Steer Tests", "GIT_AUTHOR_EMAIL": "tests@steer.invalid",
    "GIT_COMMITTER_NAME": "Steer Tests", "GIT_COMMITTER_EMAIL": "tests@steer.invalid",
    "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
  ]
  let result = try run(
    "/usr/bin/env", ["git", "-c", "init.defaultBranch=main"] + arguments, in: directory, environment: environment)
  guard result.status == 0 else {
    throw GitCommandFailed(arguments: arguments, output: result.stderr)
  }
  return result.stdout
}

struct GitCommandFailed: Error, CustomStringConvertible {
  var arguments: [String]
  var output: String
  var description: String { "git \(arguments.joined(separator: " ")) failed: \(output)" }
}

/// The `steer` executable built beside the test bundle.
var steerExecutable: String {
  let candidates = [
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("steer").path,
    testsDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/steer")
      .path,
  ]
  return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[1]
}

/// Compares `actual` with a golden file; `STEER_RECORD=1` rewrites the file instead.
func expectGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
  try expectCurrent(actual, at: goldenDirectory.appendingPathComponent(name), sourceLocation: sourceLocation)
}

/// The lines of a text with each run of spaces made one: a table's rows, whatever its padding.
func tableRows(_ text: String) -> [String] {
  text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
}

/// Compares a generated text with the file that keeps it (a golden file, a generated doc);
/// `STEER_RECORD=1` rewrites the file first. Under CI recording is refused, so that a test
/// can never pass there without comparing.
func expectCurrent(_ generated: String, at url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
  let environment = ProcessInfo.processInfo.environment
  if environment["STEER_RECORD"] == "1" {
    if environment["CI"] != nil {
      Issue.record("STEER_RECORD=1 is refused under CI: goldens are compared there", sourceLocation: sourceLocation)
    } else {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(generated.utf8).write(to: url)
    }
  }
  let expected = try String(contentsOf: url, encoding: .utf8)
  #expect(
    generated == expected, "differs from \(url.lastPathComponent); run with STEER_RECORD=1 to re-record",
    sourceLocation: sourceLocation)
}

/// The English words of a text meant to be French, leaving out what it quotes (« », ` `, " ",
/// ' ') and paths: a French message may quote a ledger's English values, never speak English.
func englishWords(in text: String) -> [String] {
  var prose = text
  // Paths and refs (`steer/iteration/x`, `vision/usecases/`) are names, not prose.
  prose = prose.replacing(try! Regex(#"\S*/\S*"#), with: " ")
  // Ids, field names and rule ids (`depends_on`, `overdue-action`) are the format's words.
  prose = prose.replacing(try! Regex("[a-z0-9]+([_-][a-z0-9]+)+"), with: " ")
  // Commit ids and other words with digits (`3000f85ec1be`, `it0007`) are not prose.
  prose = prose.replacing(try! Regex(#"\w*\d\w*"#), with: " ")
  let quoted = [#"«[^»]*»"#, "`[^`]*`", #""[^"]*""#, #"(^|[^a-zA-Zà-ÿ])'[^']*'"#, #"[\w./-]+\.(md|yaml|json|html)"#]
  for pattern in quoted { prose = prose.replacing(try! Regex(pattern), with: " ") }
  let english: Set<String> = [
    "the", "is", "are", "has", "have", "must", "found", "not", "with", "and", "of", "error", "errors", "warning",
    "warnings", "hint", "which", "but", "no", "in", "to", "by", "should", "use", "it", "its", "this", "that", "or",
    "from", "at", "on", "for", "none", "there", "was", "were", "be", "been", "yet", "than", "only", "all", "each",
    "wrote", "run", "add", "write", "recorded", "lessons", "delivered", "planned", "closed", "open",
    "overdue", "since", "changed", "findings", "iteration", "objective", "stakeholder",
  ]
  return prose.lowercased().split { !$0.isLetter }.map(String.init).filter { english.contains($0) }
}

/// Makes `directory` a repository with its own identity (never the machine's: a fresh machine
/// has none) and commits everything in it.
func commitLedger(_ directory: TemporaryDirectory) throws {
  try git(["init", "-q"], in: directory.path)
  try git(["config", "user.name", "Claire Morvan"], in: directory.path)
  try git(["config", "user.email", "claire@example.org"], in: directory.path)
  try git(["add", "-A"], in: directory.path)
  try git(["commit", "-q", "-m", "ledger"], in: directory.path)
}

/// The reference ledger copied once, for this run, into a repository of its own, for the tests
/// that only read it: never the project's clone, whose tags and uncommitted edits would leak
/// into their goldens. Removed when the tests end.
let referenceCopy: String = {
  do {
    let path = try referenceRepository().path
    atexit { try? FileManager.default.removeItem(atPath: referenceCopy) }
    return path
  } catch {
    fatalError("cannot copy the reference ledger: \(error)")
  }
}()

/// The reference ledger (`vision/` and `.steer.yaml`) in a repository of its own, committed.
func referenceRepository() throws -> TemporaryDirectory {
  let directory = try TemporaryDirectory()
  let root = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
  try FileManager.default.copyItem(atPath: root.path + "/vision", toPath: directory.path + "/vision")
  try directory.write(
    ".steer.yaml", try String(contentsOf: root.appendingPathComponent(".steer.yaml"), encoding: .utf8))
  try git(["init", "-q"], in: directory.path)
  try git(["add", "-A"], in: directory.path)
  try git(["commit", "-q", "-m", "Registre"], in: directory.path)
  return directory
}
