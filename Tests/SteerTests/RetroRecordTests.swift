import Foundation
import SteerHistory
import SteerModel
import SteerWriting
import Testing

private let sprint2Retro = """
  ---
  date: 2026-05-02
  participants: [mayor, residents]
  delivered:
    - {usecase: water-sensors, phase: test}
  lessons:
    - {text: Residents want the raw data too, tags: [transparency]}
    - {text: "Two: lines\\nof text", tags: [data]}
  actions:
    - {text: Publish raw measurements, owner: mayor, due: sprint-2, status: done}
  ---

  """

/// A repository holding the minimal ledger, committed, with an identity in its own config
/// (never the machine's), and the retrospective of sprint-2 written but not committed.
private func repository(unborn: Bool = false) throws -> TemporaryDirectory {
  let directory = try fixtureLedger()
  try git(["init", "-q"], in: directory.path)
  try git(["config", "user.name", "Claire Morvan"], in: directory.path)
  try git(["config", "user.email", "claire@example.org"], in: directory.path)
  if !unborn {
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
  }
  try directory.write("vision/retros/sprint-2.md", sprint2Retro)
  return directory
}

/// The git CLI, with the repository's own config (identity) but no global one.
private func gitOutput(_ arguments: [String], in directory: String) throws -> String {
  try git(arguments, in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
}

private func record(_ directory: TemporaryDirectory, _ request: RecordRequest) throws -> RecordResult {
  try session(directory.path).recordRetro(request)
}

private func expectFsckClean(_ directory: TemporaryDirectory, sourceLocation: Testing.SourceLocation = #_sourceLocation)
  throws
{
  let result = try run(
    "/usr/bin/env", ["git", "fsck", "--strict"], in: directory.path, environment: ["GIT_CONFIG_GLOBAL": "/dev/null"])
  #expect(result.status == 0, "git fsck --strict: \(result.stderr)", sourceLocation: sourceLocation)
}

@Suite struct RetroRecordTests {
  @Test func commitsExactlyTheRetrospectiveAndLeavesTheRestAlone() throws {
    let directory = try repository()
    defer { directory.remove() }
    try directory.write("notes.txt", "staged draft\n")
    try git(["add", "notes.txt"], in: directory.path)
    try directory.write("vision/vision.md", try directory.read("vision/vision.md") + "Unstaged edit.\n")
    try directory.write("vision/retros/sprint-1.md", try directory.read("vision/retros/sprint-1.md") + "Edited too.\n")

    let result = try record(directory, RecordRequest(iteration: "sprint-2", message: "Reviewed with the residents."))
    // The retrospective, and the use case it says reached `test` (it was at `prototype`).
    #expect(result.paths == ["vision/retros/sprint-2.md", "vision/usecases/water-sensors.md"])
    #expect(result.moved == [PhaseMove(useCase: "water-sensors", from: .prototype, to: .test)])
    #expect(
      try gitOutput(["show", "--name-only", "--format=", "HEAD"], in: directory.path)
        == "vision/retros/sprint-2.md\nvision/usecases/water-sensors.md")
    let useCase = try gitOutput(["show", "HEAD:vision/usecases/water-sensors.md"], in: directory.path)
    #expect(useCase.contains("phase: test"))
    #expect(try directory.read("vision/usecases/water-sensors.md").contains("phase: test"))
    #expect(try gitOutput(["log", "-1", "--format=%s"], in: directory.path) == "retro(sprint-2): 2 lessons, 1 action")
    let trailers = try gitOutput(["log", "-1", "--format=%(trailers:only,unfold)"], in: directory.path)
    #expect(trailers == "Steer-Iteration: sprint-2\nSteer-Lessons: 2\nSteer-Actions: 1")
    let body = try gitOutput(["log", "-1", "--format=%b"], in: directory.path)
    #expect(body.contains("- Two: lines of text [data]"))
    #expect(body.contains("Reviewed with the residents."))
    #expect(
      try gitOutput(["log", "-1", "--format=%an <%ae>|%cn"], in: directory.path)
        == "Claire Morvan <claire@example.org>|Claire Morvan")
    // The tag is annotated and points at the commit.
    #expect(try gitOutput(["cat-file", "-t", "steer/iteration/sprint-2"], in: directory.path) == "tag")
    #expect(try gitOutput(["rev-parse", "steer/iteration/sprint-2^{commit}"], in: directory.path) == result.commit)
    // The index matches the commit for the retro, and is untouched for everything else.
    let status = try gitOutput(["status", "--porcelain"], in: directory.path)
    #expect(
      Set(status.split(separator: "\n")) == ["A  notes.txt", " M vision/retros/sprint-1.md", " M vision/vision.md"])
    try expectFsckClean(directory)
  }

  @Test func closeCommitsTheIterationAsClosedAndSaysSayDo() throws {
    let directory = try repository()
    defer { directory.remove() }
    // An unrelated uncommitted edit in the iteration file stays uncommitted.
    let iteration = try directory.read("vision/iterations/sprint-2.md")
    try directory.write(
      "vision/iterations/sprint-2.md",
      iteration.replacingOccurrences(of: "Second sprint", with: "Second sprint (renamed)"))
    _ = try record(directory, RecordRequest(iteration: "sprint-2", close: true))
    let committed = try gitOutput(["show", "HEAD:vision/iterations/sprint-2.md"], in: directory.path)
    #expect(committed.contains("status: closed"))
    #expect(committed.contains("title: Second sprint\n"))
    let workTree = try directory.read("vision/iterations/sprint-2.md")
    #expect(workTree.contains("status: closed") && workTree.contains("(renamed)"))
    #expect(try gitOutput(["log", "-1", "--format=%(trailers:key=Steer-Say-Do,valueonly)"], in: directory.path) == "1")
    #expect(try gitOutput(["status", "--porcelain"], in: directory.path) == "M vision/iterations/sprint-2.md")
    try expectFsckClean(directory)
  }

  @Test func refusesARetrospectiveWithErrorsAndWritesNothing() throws {
    let directory = try repository()
    defer { directory.remove() }
    try directory.write(
      "vision/retros/sprint-2.md", sprint2Retro.replacingOccurrences(of: "owner: mayor", with: "owner: mayr"))
    let head = try gitOutput(["rev-parse", "HEAD"], in: directory.path)
    #expect(throws: RecordRefused.self) { try record(directory, RecordRequest(iteration: "sprint-2")) }
    #expect(try gitOutput(["rev-parse", "HEAD"], in: directory.path) == head)
    #expect(try gitOutput(["tag", "--list"], in: directory.path).isEmpty)
    let cli = try run(steerExecutable, ["retro", "record", "sprint-2"], in: directory.path)
    #expect(cli.status == 1)
    #expect(cli.stderr.contains("dangling-reference") && cli.stderr.contains("nothing was recorded"))
    let outcome = try session(directory.path).recordRetroOutcome(RecordRequest(iteration: "sprint-2")).collected()
    #expect(outcome.status == 1)
    #expect(outcome.output.isEmpty)
    #expect(outcome.errors == cli.stderr)
  }

  /// `steer retro record`'s lines, as the command line writes them: the commit, what it holds
  /// and the tag, in the reader's language.
  @Test func theRecordIsSaidInTheReadersLanguage() throws {
    let directory = try repository()
    defer { directory.remove() }
    let outcome = try session(directory.path, language: .fr).recordRetroOutcome(RecordRequest(iteration: "sprint-2"))
      .collected()
    #expect(outcome.status == 0)
    #expect(outcome.errors.isEmpty)
    let head = try gitOutput(["rev-parse", "HEAD"], in: directory.path)
    let lines = outcome.output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("[\(head.prefix(12))] ") == true, "\(outcome.output)")
    let committed = try #require(lines.dropFirst().first)
    #expect(committed.hasPrefix("Enregistré dans git\u{202F}: vision/retros/sprint-2.md, "), "\(committed)")
    #expect(committed.hasSuffix("\u{202F}; étiquette steer/iteration/sprint-2."))
  }

  /// The commit's body is read by people (git log, the site's history): each use case moved is
  /// said as the console says it, by its title, in the reader's typography; the trailers stay
  /// machine keys.
  @Test(arguments: [
    (
      Language.en, "Delivered:\n- Water quality sensors (water-sensors): prototype → test",
      "  Water quality sensors (water-sensors): prototype → test"
    ),
    (
      .fr, "Livré\u{202F}:\n- Water quality sensors (water-sensors)\u{202F}: prototype → test",
      "  Water quality sensors (water-sensors)\u{202F}: prototype → test"
    ),
  ])
  func theCommitBodySaysEachMoveAsTheConsoleDoes(language: Language, body: String, console: String) throws {
    let directory = try repository()
    defer { directory.remove() }
    let outcome = try session(directory.path, language: language).recordRetroOutcome(
      RecordRequest(iteration: "sprint-2")
    ).collected()
    #expect(outcome.output.split(separator: "\n").contains(Substring(console)), "\(outcome.output)")
    let message = try gitOutput(["log", "-1", "--format=%B"], in: directory.path)
    #expect(message.contains(body + "\n\nSteer-Iteration: sprint-2\nSteer-Lessons: 2\nSteer-Actions: 1"), "\(message)")
    let action =
      language == .fr
      ? "- Publish raw measurements (The mayor (mayor), échéance Second sprint (sprint-2), faite)"
      : "- Publish raw measurements (The mayor (mayor), due Second sprint (sprint-2), done)"
    #expect(message.contains(action), "\(message)")
  }

  /// A retrospective committed by an earlier Steer, its body in the former typography
  /// (`- water-sensors: prototype → test` in French): still read by its trailers, by the
  /// lessons ledger and by a record that finishes it.
  @Test func aCommitOfTheFormerTypographyIsStillRead() throws {
    let directory = try repository()
    defer { directory.remove() }
    try git(["add", "vision/retros/sprint-2.md"], in: directory.path)
    let former = """
      retro(sprint-2): 2\u{A0}enseignements, 1\u{A0}action

      Livré :
      - water-sensors: prototype → test

      Steer-Iteration: sprint-2
      Steer-Lessons: 2
      Steer-Actions: 1

      """
    try git(["commit", "-q", "-m", former], in: directory.path)
    let lessons = try session(directory.path).lessons()
    #expect(lessons.map(\.iteration) == ["sprint-2"])
    #expect(lessons.first?.lessons.map(\.text) == ["Residents want the raw data too", "Two: lines\nof text"])
    let result = try record(directory, RecordRequest(iteration: "sprint-2"))
    #expect(result.resumed)
    #expect(try gitOutput(["rev-parse", "steer/iteration/sprint-2^{commit}"], in: directory.path) == result.commit)
  }

  /// A retrospective naming a stakeholder that exists only uncommitted would land a commit on
  /// which `steer check --rev HEAD` fails: refused before anything is written, naming the file.
  @Test func aReferenceToWhatIsUncommittedIsRefused() throws {
    let directory = try repository()
    defer { directory.remove() }
    try directory.write(
      "vision/stakeholders/lifeguards.md", "---\nname: Lifeguards\ngroup: operator\npriorities: {}\n---\n")
    try directory.write(
      "vision/retros/sprint-2.md",
      sprint2Retro.replacingOccurrences(of: "[mayor, residents]", with: "[mayor, lifeguards]"))
    let head = try gitOutput(["rev-parse", "HEAD"], in: directory.path)
    #expect {
      try record(directory, RecordRequest(iteration: "sprint-2"))
    } throws: { error in
      let failure = error as? SteerError
      return failure?.message.en.contains("vision/stakeholders/lifeguards.md") == true
        && failure?.hint?.en.contains("git add vision/stakeholders/lifeguards.md") == true
    }
    #expect(try gitOutput(["rev-parse", "HEAD"], in: directory.path) == head)
    #expect(try gitOutput(["tag", "--list"], in: directory.path).isEmpty)
    // Committed first, it is recorded, and the commit passes `check --rev`.
    try git(["add", "vision/stakeholders/lifeguards.md"], in: directory.path)
    try git(["commit", "-q", "-m", "Lifeguards"], in: directory.path)
    _ = try record(directory, RecordRequest(iteration: "sprint-2"))
    #expect(try check(in: directory.path, revision: "HEAD").exitStatus == 0)
  }

  /// On an unborn branch the commit would hold the retrospective alone, naming a ledger that is
  /// not committed: refused, with the files to commit first; once they are, it is recorded.
  @Test func theFirstCommitOfAnUnbornBranch() throws {
    let directory = try repository(unborn: true)
    defer { directory.remove() }
    #expect {
      try record(directory, RecordRequest(iteration: "sprint-2"))
    } throws: { error in
      let message = (error as? SteerError)?.message.en ?? ""
      return message.contains("exists only uncommitted") && message.contains("vision/stakeholders/mayor.md")
    }
    #expect(try run("/usr/bin/env", ["git", "rev-parse", "--verify", "-q", "HEAD"], in: directory.path).status != 0)
    try git(
      ["add", "vision/vision.md", "vision/stakeholders", "vision/objectives", "vision/usecases", "vision/iterations"],
      in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    let result = try record(directory, RecordRequest(iteration: "sprint-2"))
    #expect(try gitOutput(["rev-list", "--count", "HEAD"], in: directory.path) == "2")
    #expect(try gitOutput(["rev-parse", "HEAD"], in: directory.path) == result.commit)
    try expectFsckClean(directory)
  }

  @Test func aDetachedHeadIsRefusedUnlessAsked() throws {
    let directory = try repository()
    defer { directory.remove() }
    try git(["checkout", "-q", "--detach"], in: directory.path)
    #expect {
      try record(directory, RecordRequest(iteration: "sprint-2"))
    } throws: { ($0 as? SteerError)?.message.en.contains("detached") == true }
    let result = try record(directory, RecordRequest(iteration: "sprint-2", detached: true))
    #expect(try gitOutput(["rev-parse", "HEAD"], in: directory.path) == result.commit)
    #expect(try gitOutput(["rev-parse", "main"], in: directory.path) != result.commit)
    try expectFsckClean(directory)
  }

  @Test func aHeldIndexLockIsACleanRefusal() throws {
    let directory = try repository()
    defer { directory.remove() }
    let head = try gitOutput(["rev-parse", "HEAD"], in: directory.path)
    let objects = try gitOutput(["count-objects"], in: directory.path)
    try directory.write(".git/index.lock", "")
    #expect {
      try record(directory, RecordRequest(iteration: "sprint-2"))
    } throws: { ($0 as? SteerError)?.message.en.contains("index.lock") == true }
    try FileManager.default.removeItem(atPath: directory.path + "/.git/index.lock")
    #expect(try gitOutput(["rev-parse", "HEAD"], in: directory.path) == head)
    #expect(try gitOutput(["tag", "--list"], in: directory.path).isEmpty)
    #expect(try gitOutput(["count-objects"], in: directory.path) == objects)  // not even a blob
  }

  /// A record stopped after any step (as a kill would stop it) is finished by the next run:
  /// one commit, its tag, the index and the work tree as the commit says, nothing left behind.
  @Test(arguments: [RecordStep.commit, .tag, .index])
  func anInterruptedRecordIsFinishedByTheNextRun(_ step: RecordStep) throws {
    let directory = try repository()
    defer { directory.remove() }
    let identity = [
      "GIT_AUTHOR_NAME": "Agent", "GIT_AUTHOR_EMAIL": "agent@example.org", "GIT_COMMITTER_NAME": "Agent",
      "GIT_COMMITTER_EMAIL": "agent@example.org", "GIT_CONFIG_GLOBAL": "/dev/null",
    ]
    struct Interrupted: Error {}
    #expect(throws: (any Error).self) {
      try record(
        directory,
        RecordRequest(
          iteration: "sprint-2", close: true, environment: identity,
          afterStep: { if $0 == step { throw Interrupted() } }))
    }
    let again = try run(
      steerExecutable, ["retro", "record", "sprint-2", "--close"], in: directory.path, environment: identity)
    #expect(again.status == 0, "\(again.stderr)")
    let records = try gitOutput(["log", "--format=%H", "--grep=Steer-Iteration: sprint-2"], in: directory.path)
    #expect(records.split(separator: "\n").count == 1, "\(records)")
    let head = try gitOutput(["rev-parse", "HEAD"], in: directory.path)
    #expect(try gitOutput(["rev-parse", "steer/iteration/sprint-2^{commit}"], in: directory.path) == head)
    #expect(try gitOutput(["diff", "--cached", "--name-only", "HEAD"], in: directory.path).isEmpty)
    #expect(try directory.read("vision/iterations/sprint-2.md").contains("status: closed"))
    #expect(try directory.read("vision/usecases/water-sensors.md").contains("phase: test"))
    #expect(try gitOutput(["status", "--porcelain"], in: directory.path).isEmpty)
    try expectFsckClean(directory)
  }

  @Test func theTagIsRefusedUnlessForced() throws {
    let directory = try repository()
    defer { directory.remove() }
    let first = try record(directory, RecordRequest(iteration: "sprint-2"))
    try directory.write("vision/retros/sprint-2.md", sprint2Retro + "Amended after the committee.\n")
    #expect {
      try record(directory, RecordRequest(iteration: "sprint-2"))
    } throws: { ($0 as? SteerError)?.message.en.contains("already exists") == true }
    let second = try record(directory, RecordRequest(iteration: "sprint-2", force: true))
    #expect(second.commit != first.commit)
    #expect(try gitOutput(["rev-parse", "steer/iteration/sprint-2^{commit}"], in: directory.path) == second.commit)
    try expectFsckClean(directory)
  }

  @Test func aMissingIdentityIsAClearError() throws {
    let directory = try repository()
    defer { directory.remove() }
    try git(["config", "--unset", "user.name"], in: directory.path)
    try git(["config", "--unset", "user.email"], in: directory.path)
    let bare = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": directory.path]
    let result = try run(steerExecutable, ["retro", "record", "sprint-2"], in: directory.path, environment: bare)
    #expect(result.status == 2)
    #expect(result.stderr.contains("GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL nor user.name, user.email"), "\(result.stderr)")
    // --author names the author and, no committer being known, the committer too.
    let withAuthor = try run(
      steerExecutable, ["retro", "record", "sprint-2", "--author", "Ana <ana@example.org>"], in: directory.path,
      environment: bare)
    #expect(withAuthor.status == 0, "\(withAuthor.stderr)")
    #expect(
      try gitOutput(["log", "-1", "--format=%an <%ae>|%cn <%ce>"], in: directory.path)
        == "Ana <ana@example.org>|Ana <ana@example.org>")
    // With a committer in the configuration, --author names the author only.
    try git(["config", "user.name", "Claire Morvan"], in: directory.path)
    try git(["config", "user.email", "claire@example.org"], in: directory.path)
    _ = try record(directory, RecordRequest(iteration: "sprint-2", author: "Ana Lima <ana@example.org>", force: true))
    #expect(
      try gitOutput(["log", "-1", "--format=%an <%ae>|%cn"], in: directory.path)
        == "Ana Lima <ana@example.org>|Claire Morvan")
  }

  /// A CI job sets GIT_AUTHOR_* and GIT_COMMITTER_*, dates included, and has no configuration.
  @Test func theIdentityComesFromGitsVariables() throws {
    let directory = try repository()
    defer { directory.remove() }
    try git(["config", "--unset", "user.name"], in: directory.path)
    try git(["config", "--unset", "user.email"], in: directory.path)
    let environment = [
      "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "HOME": directory.path,
      "GIT_AUTHOR_NAME": "CI Bot", "GIT_AUTHOR_EMAIL": "ci@example.org", "GIT_AUTHOR_DATE": "2026-03-01T10:00:00+01:00",
      "GIT_COMMITTER_NAME": "Runner", "GIT_COMMITTER_EMAIL": "runner@example.org",
      "GIT_COMMITTER_DATE": "@1772358000 +0000",
    ]
    let result = try run(
      steerExecutable, ["retro", "record", "sprint-2"], in: directory.path, environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      try gitOutput(["log", "-1", "--format=%an <%ae> %aI|%cn <%ce> %ct"], in: directory.path)
        == "CI Bot <ci@example.org> 2026-03-01T10:00:00+01:00|Runner <runner@example.org> 1772358000")
    let wrongDate = try run(
      steerExecutable, ["retro", "record", "sprint-2", "--force"], in: directory.path,
      environment: environment.merging(["GIT_AUTHOR_DATE": "yesterday"]) { $1 })
    #expect(wrongDate.status == 2)
    #expect(wrongDate.stderr.contains("GIT_AUTHOR_DATE is 'yesterday'"), "\(wrongDate.stderr)")
  }

  @Test func worksInAWorktreeAndAShallowClone() throws {
    let directory = try repository()
    defer { directory.remove() }
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "retro draft"], in: directory.path)
    try git(["rm", "-q", "vision/retros/sprint-2.md"], in: directory.path)
    try git(["commit", "-q", "-m", "not yet"], in: directory.path)

    let worktree = directory.path + "-worktree"
    defer { try? FileManager.default.removeItem(atPath: worktree) }
    try git(["worktree", "add", "-q", "-b", "review", worktree], in: directory.path)
    try Data(sprint2Retro.utf8).write(to: URL(fileURLWithPath: worktree + "/vision/retros/sprint-2.md"))
    let inWorktree = try session(worktree).recordRetro(RecordRequest(iteration: "sprint-2"))
    #expect(try gitOutput(["rev-parse", "review"], in: directory.path) == inWorktree.commit)
    #expect(try gitOutput(["status", "--porcelain"], in: worktree).isEmpty)

    let shallow = directory.path + "-shallow"
    defer { try? FileManager.default.removeItem(atPath: shallow) }
    try git(["clone", "-q", "--depth", "1", "file://" + directory.path, shallow], in: directory.path)
    try git(["config", "user.name", "Claire Morvan"], in: shallow)
    try git(["config", "user.email", "claire@example.org"], in: shallow)
    try Data(sprint2Retro.utf8).write(to: URL(fileURLWithPath: shallow + "/vision/retros/sprint-2.md"))
    let inShallow = try session(shallow).recordRetro(RecordRequest(iteration: "sprint-2"))
    #expect(try gitOutput(["rev-parse", "HEAD"], in: shallow) == inShallow.commit)
    let fsck = try run(
      "/usr/bin/env", ["git", "fsck", "--strict"], in: shallow, environment: ["GIT_CONFIG_GLOBAL": "/dev/null"])
    #expect(fsck.status == 0, "\(fsck.stderr)")
  }

  /// Two `record` runs at once: the branch moves by compare-and-swap, so neither commit is lost.
  @Test func concurrentRecordsLoseNothing() throws {
    let directory = try repository()
    defer { directory.remove() }
    try directory.write(
      "vision/iterations/sprint-4.md", "---\ntitle: Fourth\nstart: 2026-06-01\nend: 2026-06-30\nstatus: planned\n---\n")
    try git(["add", "vision/iterations/sprint-4.md"], in: directory.path)
    try git(["commit", "-q", "-m", "sprint 4"], in: directory.path)
    try directory.write(
      "vision/retros/sprint-4.md",
      "---\ndate: 2026-07-01\nparticipants: [mayor]\nlessons:\n  - {text: Parallel, tags: [git]}\n---\n")
    for _ in 0..<3 {
      let processes = try ["sprint-2", "sprint-4"].map { iteration -> Process in
        let process = Process()
        process.executableURL = URL(fileURLWithPath: steerExecutable)
        process.arguments = ["retro", "record", iteration, "--force"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = Pipe()
        try process.run()
        return process
      }
      processes.forEach { $0.waitUntilExit() }
      for process in processes {
        let stderr = (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile()
        #expect(process.terminationStatus == 0, "\(String(decoding: stderr, as: UTF8.self))")
      }
      // Both retros are in HEAD's tree; the history is linear.
      let files = try gitOutput(["ls-tree", "--name-only", "HEAD", "vision/retros/"], in: directory.path)
      #expect(files.contains("sprint-2.md") && files.contains("sprint-4.md"))
      // Edit both so that the next round has something to record.
      try directory.write("vision/retros/sprint-2.md", try directory.read("vision/retros/sprint-2.md") + "More.\n")
      try directory.write("vision/retros/sprint-4.md", try directory.read("vision/retros/sprint-4.md") + "More.\n")
    }
    #expect(try gitOutput(["rev-list", "--count", "--merges", "HEAD"], in: directory.path) == "0")
    let subjects = try gitOutput(["log", "--format=%s"], in: directory.path)
    #expect(subjects.components(separatedBy: "retro(sprint-2)").count - 1 == 3)
    #expect(subjects.components(separatedBy: "retro(sprint-4)").count - 1 == 3)
    try expectFsckClean(directory)
  }
}
