import Foundation
import SteerModel
import Testing

/// The loop the tool exists for, end to end with the built `steer` in a real repository: init,
/// plan an iteration, record its retrospective with a delivery and close it, twice; each tag
/// holds its own deliveries, `check --rev` passes on every commit, and `history` and `diff`
/// credit each delivery to its own iteration.
@Suite struct IterationLoopTests {
  static let identity = [
    "GIT_AUTHOR_NAME": "Agent", "GIT_AUTHOR_EMAIL": "agent@mairie.invalid", "GIT_COMMITTER_NAME": "Agent",
    "GIT_COMMITTER_EMAIL": "agent@mairie.invalid", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
  ]

  @discardableResult
  static func steer(_ arguments: [String], in directory: TemporaryDirectory, status expected: Int32 = 0) throws
    -> String
  {
    let result = try run(steerExecutable, arguments, in: directory.path, environment: identity)
    #expect(result.status == expected, "steer \(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)")
    return result.stdout
  }

  /// Plans `iteration` (created by `steer new`) as active from `start` to `end` (days from
  /// today: an iteration is recorded only once it has begun), moving the first use case to `target`.
  static func plan(
    _ iteration: String, target: String, days: ClosedRange<Int>, in directory: TemporaryDirectory
  ) throws {
    let path = "vision/iterations/\(iteration).md"
    let today = CalendarDate.today()
    let lines = try directory.read(path).split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasPrefix("start: ")
        ? "start: \(today.adding(days: days.lowerBound))"
        : line.hasPrefix("end: ") ? "end: \(today.adding(days: days.upperBound))" : String(line)
    }
    try directory.write(
      path,
      lines.joined(separator: "\n").replacingOccurrences(of: "status: planned", with: "status: active")
        .replacingOccurrences(of: "items: []", with: "items: [{usecase: first-use-case, target: \(target)}]"))
  }

  /// Writes the retrospective of `iteration` (created by `steer new retro`) saying the first use
  /// case reached `phase`.
  static func retro(_ iteration: String, delivered phase: String, in directory: TemporaryDirectory) throws {
    try Self.steer(["new", "retro", iteration], in: directory)
    let path = "vision/retros/\(iteration).md"
    try directory.write(
      path,
      try directory.read(path).replacingOccurrences(
        of: "delivered: []", with: "delivered: [{usecase: first-use-case, phase: \(phase)}]"))
  }

  @Test func twoIterationsEachRecordTheirOwnDeliveries() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    try Self.steer(["init"], in: directory)
    try Self.steer(["new", "iteration", "Sprint A"], in: directory)
    try Self.plan("sprint-a", target: "ideation", days: -28...(-15), in: directory)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "Plan sprint A"], in: directory.path)

    try Self.retro("sprint-a", delivered: "ideation", in: directory)
    let first = try Self.steer(["retro", "record", "sprint-a", "--close"], in: directory)
    #expect(first.contains("First use case (first-use-case): analysis → ideation"), "\(first)")
    let committed = try git(["show", "HEAD:vision/usecases/first-use-case.md"], in: directory.path)
    #expect(committed.contains("phase: ideation"))
    #expect(try git(["show", "HEAD:vision/iterations/sprint-a.md"], in: directory.path).contains("status: closed"))
    #expect(try git(["status", "--porcelain"], in: directory.path).isEmpty)
    try Self.steer(["check", "--rev", "HEAD"], in: directory)

    try Self.steer(["new", "iteration", "Sprint B"], in: directory)
    try Self.plan("sprint-b", target: "prototype", days: -14...13, in: directory)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "Plan sprint B"], in: directory.path)
    try Self.retro("sprint-b", delivered: "prototype", in: directory)
    let second = try Self.steer(["retro", "record", "sprint-b", "--close"], in: directory)
    #expect(second.contains("First use case (first-use-case): ideation → prototype"), "\(second)")
    try Self.steer(["check", "--rev", "HEAD"], in: directory)

    // Each delivery in its own iteration: the diff between the two tags holds sprint B's only.
    let diff = try Self.steer(
      ["diff", "steer/iteration/sprint-a", "steer/iteration/sprint-b", "--format", "json"], in: directory)
    let moves = diff.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
    #expect(
      moves.contains(#""phase_moves":[{"usecase":"first-use-case","from":"ideation","to":"prototype""#), "\(diff)")
    let history = try Self.steer(["history", "--format", "csv"], in: directory)
    let rows = history.split(separator: "\n").dropFirst().map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    #expect(rows.map { String($0[0]) } == ["sprint-a", "sprint-b"], "\(history)")
    let progress = try #require(history.split(separator: "\n").first?.split(separator: ",").firstIndex(of: "progress"))
    #expect(rows[0][progress] != rows[1][progress], "\(history)")
  }
}

/// The smaller things of the loop: plain words when a file cannot be written or read, and a
/// tag that matches no lesson.
@Suite struct PlainWordsTests {
  @Test(arguments: [
    (
      ["summary", "--out", "vision/vision.md/summary.md"],
      "cannot write vision/vision.md/summary.md: a part of the path is a file, not a directory"
    ),
    (["check", "--baseline", "/no/such/baseline.json"], "cannot read /no/such/baseline.json: the file does not exist"),
    (["lessons", "--tag", "nothing"], "No recorded lesson is tagged 'nothing'."),
  ])
  func saysItPlainly(_ arguments: [String], _ expected: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    let result = try run(steerExecutable, arguments + ["--lang", "en"], in: directory.path)
    #expect((result.stdout + result.stderr).contains(expected), "\(result.stdout)\(result.stderr)")
    #expect(!(result.stdout + result.stderr).contains("NSCocoaErrorDomain"))
  }
}

/// Messages that name the real cause: a stale branch lock, a repository owned by another user.
@Suite struct CauseTests {
  @Test func aStaleBranchLockIsNamed() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    let branch = try git(["symbolic-ref", "HEAD"], in: directory.path).trimmingCharacters(in: .whitespacesAndNewlines)
    try directory.write(".git/\(branch).lock", "")
    let result = try run(
      steerExecutable, ["retro", "record", "sprint-1", "--force", "--lang", "en"], in: directory.path,
      environment: IterationLoopTests.identity)
    #expect(result.status == 2)
    #expect(
      result.stderr.contains("the branch stayed locked") && result.stderr.contains("\(branch).lock"), "\(result.stderr)"
    )
    #expect(!result.stderr.contains("landed on the branch"))
  }

  /// Only where the tests may give a directory away (as root, in CI's container).
  @Test(.enabled(if: getuid() == 0)) func aRepositoryOfAnotherUserSaysSafeDirectory() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    #expect(try run("/usr/bin/env", ["chown", "-R", "nobody", directory.path], in: directory.path).status == 0)
    let result = try run(
      steerExecutable, ["check", "--rev", "HEAD", "--lang", "en"], in: directory.path,
      environment: ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"])
    #expect(result.status == 2)
    #expect(result.stderr.contains("belongs to another user"), "\(result.stderr)")
    #expect(result.stderr.contains("safe.directory \(directory.path)") && !result.stderr.contains("'*'"))
  }
}
