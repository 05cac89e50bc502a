import Foundation
import SteerGit
import SteerHistory
import SteerLoading
import SteerMetrics
import SteerModel
import SteerOutput
import SteerWriting
import Testing

/// A repository with the minimal ledger, two recorded retrospectives (sprint-2 closed by
/// `steer retro record --close`), a vision change and a phase move in between.
private func recordedHistory() throws -> TemporaryDirectory {
  let directory = try fixtureLedger()
  try git(["init", "-q"], in: directory.path)
  try git(["config", "user.name", "Claire Morvan"], in: directory.path)
  try git(["config", "user.email", "claire@example.org"], in: directory.path)
  try git(["add", "-A"], in: directory.path)
  try git(["commit", "-q", "-m", "ledger"], in: directory.path)
  try git(["tag", "committee-1"], in: directory.path)
  _ = try session(directory.path).recordRetro(RecordRequest(iteration: "sprint-1", force: true))
  // Between the two retros: the vision is re-targeted and the sensors move to test.
  let objective = try directory.read("vision/objectives/clean-water.md")
  try directory.write(
    "vision/objectives/clean-water.md", objective.replacingOccurrences(of: "target: 90", with: "target: 95"))
  let useCase = try directory.read("vision/usecases/water-sensors.md")
  try directory.write(
    "vision/usecases/water-sensors.md", useCase.replacingOccurrences(of: "phase: prototype", with: "phase: test"))
  try git(["commit", "-q", "-am", "re-target, sensors in test"], in: directory.path)
  try directory.write(
    "vision/retros/sprint-2.md",
    "---\ndate: 2026-05-02\nparticipants: [mayor, residents]\ndelivered:\n  - {usecase: water-sensors, phase: test}\nlessons:\n  - {text: Test with the residents, tags: [co-construction]}\nactions:\n  - {text: Publish raw data, owner: mayor, due: sprint-2, status: open}\n---\n"
  )
  _ = try session(directory.path).recordRetro(RecordRequest(iteration: "sprint-2", close: true))
  return directory
}

@Suite struct HistoryTests {
  @Test func lessonsAreReadBackFromHistoryNewestFirst() throws {
    let directory = try recordedHistory()
    defer { directory.remove() }
    let entries = try session(directory.path).lessons()
    #expect(entries.map(\.iteration) == ["sprint-2", "sprint-1"])
    #expect(entries[0].lessons.map(\.text) == ["Test with the residents"])
    #expect(entries[0].author == "Claire Morvan")
    #expect(try session(directory.path).lessons(tag: "co-construction").count == 2)
    #expect(
      try session(directory.path).lessons(since: "steer/iteration/sprint-1").map(\.iteration) == [
        "sprint-2"
      ])
    let json = try run(
      steerExecutable, ["lessons", "--format", "json", "--tag", "co-construction"], in: directory.path)
    #expect(json.status == 0 && json.stdout.contains("\"iteration\": \"sprint-1\""))
    #expect(try run(steerExecutable, ["lessons", "--since", "nowhere"], in: directory.path).status == 2)
  }

  @Test func historyHasTheMetricsAtEachIterationTag() throws {
    let directory = try recordedHistory()
    defer { directory.remove() }
    let report = try session(directory.path).history()
    #expect(report.fromTags)
    #expect(report.snapshots.map(\.label) == ["sprint-1", "sprint-2"])
    #expect(report.snapshots.map { $0.value(of: .progress) } == [0.4, 0.6])
    #expect(report.snapshots.map { $0.value(of: .sayDo) } == [1, 1])
    // The first period holds the first commit (vision and objectives created), the second the re-target.
    #expect(report.snapshots.map(\.visionChanges.count) == [1, 1])
    let stays = try #require(report.phaseLeadTimes["water-sensors"])
    #expect(stays.map(\.phase) == [.prototype])
    // Each version of each file is parsed once: 10 documents, plus the retros and the two edits.
    #expect(report.parsedDocuments < report.snapshotDocuments)
    let csv = try run(steerExecutable, ["history", "--format", "csv"], in: directory.path)
    #expect(csv.stdout.split(separator: "\n").count == 3)
    #expect(csv.stdout.hasPrefix("snapshot,commit,date,documents,traceability"))
    let json = try run(steerExecutable, ["history", "--format", "json"], in: directory.path)
    #expect(json.stdout.contains("\"phase_lead_time\""))
    // For people: a row per metric, named in words, its value in its style at each snapshot.
    let text = try run(steerExecutable, ["history"], in: directory.path).stdout
    #expect(tableRows(text).contains("Progress 40% 60%"), "\(text)")
    #expect(!text.contains("say_do"))
  }

  /// For people, each snapshot is its iteration's title and its date in words, in the reader's
  /// language: a legend keys the table's numbered columns (titles as heads would not fit). The
  /// lead times name the use cases by title; JSON and CSV keep the ids and ISO dates.
  @Test(arguments: [
    (
      "en",
      [
        "Snapshots, oldest first:", "  1  2 April 2026  First sprint (sprint-1)",
        "  2  2 May 2026    Second sprint (sprint-2)",
      ], "snapshot 1 2", "  Water quality sensors (water-sensors): prototype 30"
    ),
    (
      "fr",
      [
        "Relevés, du plus ancien au plus récent\u{202F}:", "  1  2 avril 2026  First sprint (sprint-1)",
        "  2  2 mai 2026    Second sprint (sprint-2)",
      ], "relevé 1 2", "  Water quality sensors (water-sensors)\u{202F}: prototype 30"
    ),
  ])
  func historyNamesItsSnapshotsForPeople(language: String, legend: [String], heads: String, leadTime: String) throws {
    let directory = try recordedHistory()
    defer { directory.remove() }
    let text = try run(steerExecutable, ["history", "--lang", language], in: directory.path).stdout
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(Array(lines.prefix(4)) == legend + [""], "\(text)")
    #expect(tableRows(text).contains(heads), "\(text)")
    #expect(!text.contains("2026-04-02") && !text.contains("sprint-1  "), "\(text)")
    #expect(lines.contains(leadTime), "\(text)")
    let json = try run(steerExecutable, ["history", "--format", "json", "--lang", language], in: directory.path).stdout
    #expect(json.contains("\"label\": \"sprint-1\",") && json.contains("\"date\": \"2026-04-02\","), "\(json)")
    let csv = try run(steerExecutable, ["history", "--format", "csv", "--lang", language], in: directory.path).stdout
    #expect(csv.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("sprint-") && $0.contains(",2026-0") })
  }

  @Test func withoutTagsHistoryFollowsTheCommitsThatChangedRetros() throws {
    let directory = try recordedHistory()
    defer { directory.remove() }
    for tag in ["steer/iteration/sprint-1", "steer/iteration/sprint-2"] {
      try git(["tag", "-d", tag], in: directory.path)
    }
    let report = try session(directory.path).history()
    #expect(!report.fromTags)
    // The first commit brought retros/sprint-1.md; recording it changed no file; sprint-2's record added one.
    #expect(report.snapshots.count == 2)
    // No iteration names them: each is its commit, dated by the latest retrospective.
    let first = report.snapshots[0].commit.prefix(7)
    let text = try run(steerExecutable, ["history", "--lang", "fr"], in: directory.path).stdout
    #expect(text.split(separator: "\n").dropFirst().first == "  1  2 avril 2026  commit \(first)", "\(text)")
  }

  @Test func diffTellsACommitteeWhatChanged() throws {
    let directory = try recordedHistory()
    defer { directory.remove() }
    let diff = try session(directory.path).diff(from: "committee-1", to: "HEAD")
    #expect(diff.phaseMoves.map { "\($0.useCase) \($0.from) → \($0.to)" } == ["water-sensors prototype → test"])
    #expect(!diff.phaseMoves[0].backwards)
    #expect(diff.retargeted.map(\.indicator) == ["open-days"])
    #expect(diff.lessons.map(\.text) == ["Test with the residents"])
    #expect(diff.actions.map(\.text) == ["Publish raw data"])
    #expect(diff.metrics.first { $0.metric == .progress }.map { ($0.before, $0.after) }! == (0.4, 0.6))
    // The work tree: a use case moves back, a stance changes.
    let useCase = try directory.read("vision/usecases/water-sensors.md")
    try directory.write(
      "vision/usecases/water-sensors.md", useCase.replacingOccurrences(of: "phase: test", with: "phase: ideation"))
    let backwards = try session(directory.path).diff(from: "HEAD", to: nil)
    #expect(backwards.phaseMoves.first?.backwards == true)
    let markdown = try run(steerExecutable, ["diff", "HEAD", "--format", "md"], in: directory.path)
    #expect(markdown.stdout.contains("Water quality sensors (`water-sensors`): test → ideation **(backwards)**"))
    let json = try run(steerExecutable, ["diff", "committee-1", "HEAD", "--format", "json"], in: directory.path)
    #expect(json.stdout.contains("\"retargeted\""))
    #expect(json.stdout.contains("\"progress\": {"))
    // A metric is named in words, its values and its change in its style.
    let french = try run(steerExecutable, ["diff", "committee-1", "HEAD", "--lang", "fr"], in: directory.path).stdout
    #expect(tableRows(french).contains("Avancement 40\u{202F}% → 60\u{202F}% +20\u{A0}points"), "\(french)")
    let table = try run(steerExecutable, ["diff", "committee-1", "HEAD", "--format", "md"], in: directory.path).stdout
    #expect(table.contains("| Progress | 40% | 60% | +20 points |"), "\(table)")
    #expect(try run(steerExecutable, ["diff", "HEAD", "HEAD"], in: directory.path).stdout.contains("Nothing changed"))
  }

  /// Snapshots are dated by what they record (the retrospective's date), not by the commit: the
  /// two retrospectives here were recorded the same day, a month apart in the ledger.
  @Test func snapshotsAreDatedByTheirRetrospectives() throws {
    let directory = try recordedHistory()
    defer { directory.remove() }
    let report = try session(directory.path).history()
    #expect(report.snapshots.map(\.date.description) == ["2026-04-02", "2026-05-02"])
    let stay = try #require(report.phaseLeadTimes["water-sensors"]?.first)
    #expect(stay.entered.description == "2026-04-02" && stay.left.description == "2026-05-02")
  }

  /// `diff` follows an action carried over into a later retrospective, a renamed use case, the
  /// indicators' measurements, and a finding said anew.
  @Test func diffFollowsActionsRenamesIndicatorsAndFindings() throws {
    let directory = try recordedHistory()
    defer { directory.remove() }
    // sprint-2's retrospective restates sprint-1's action, now done, and measures the indicator.
    try directory.write(
      "vision/retros/sprint-2.md",
      "---\ndate: 2026-05-02\nparticipants: [mayor, residents]\ndelivered:\n  - {usecase: water-sensors, phase: test}\nactions:\n  - {text: Invite residents to every test, owner: mayor, due: sprint-2, status: done}\nmeasurements:\n  - {indicator: open-days, value: 80, date: 2026-04-30}\n---\n"
    )
    #expect(try run(steerExecutable, ["rename", "water-sensors", "sensors"], in: directory.path).status == 0)
    let diff = try session(directory.path).diff(from: "HEAD", to: nil)
    #expect(
      diff.actions.map { "\($0.text) \($0.from.map(\.rawValue) ?? "new") → \($0.to)" } == [
        "Invite residents to every test open → done"
      ])
    #expect(diff.renamedUseCases.map { "\($0.from) → \($0.to)" } == ["water-sensors → sensors"])
    #expect(diff.addedUseCases.isEmpty && diff.removedUseCases.isEmpty)
    #expect(
      diff.indicators.map { "\($0.indicator) \($0.before?.value ?? -1) → \($0.after?.value ?? -1)" } == [
        "open-days 74.0 → 80.0"
      ])
    #expect(diff.newFindings.isEmpty, "\(diff.newFindings.map(\.rule))")
    // The rename resolves nothing; the two actions no longer open do (one done, one dropped from the retro).
    #expect(diff.resolvedFindings.map(\.rule) == ["overdue-action", "overdue-action"])
    func frenchDiff() throws -> String {
      try run(steerExecutable, ["diff", "HEAD", "--lang", "fr"], in: directory.path).stdout
        .replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
    }
    let french = try frenchDiff()
    #expect(french.contains("Water quality sensors (sensors) : renommé, anciennement water-sensors"), "\(french)")
    #expect(
      french.contains("« Invite residents to every test » (The mayor, échéance « Second sprint ») : ouverte → faite"),
      "\(french)")
    #expect(
      french.contains("Share of open bathing days (open-days) : 74 % (15 mars 2026) → 80 % (30 avril 2026)"),
      "\(french)")
    // Restated unchanged in a later retrospective, an action is still open, not new.
    let retro = try directory.read("vision/retros/sprint-2.md")
    try directory.write(
      "vision/retros/sprint-2.md", retro.replacingOccurrences(of: "status: done", with: "status: open"))
    #expect(try frenchDiff().contains("(The mayor, échéance « Second sprint ») : toujours ouverte"))
  }

  /// A finding whose line changed (its use case moved on, still not co-constructed) is the same
  /// finding, said anew: not one new and one resolved.
  @Test func aFindingWhoseLineChangedIsSaidAnew() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try FileManager.default.removeItem(atPath: directory.path + "/vision/workshops/ideas.md")
    try commitLedger(directory)
    let useCase = try directory.read("vision/usecases/water-sensors.md")
    try directory.write(
      "vision/usecases/water-sensors.md", useCase.replacingOccurrences(of: "phase: prototype", with: "phase: test"))
    let diff = try session(directory.path).diff(from: "HEAD", to: nil)
    #expect(diff.changedFindings.map(\.after.rule).contains("co-construction"))
    #expect(!diff.newFindings.contains { $0.rule == "co-construction" })
    #expect(!diff.resolvedFindings.contains { $0.rule == "co-construction" })
  }

  /// End to end on a generated history: one commit and one tag per iteration.
  @Test func aGeneratedHistoryOfManyIterations() throws {
    let directory = try generatedHistory()
    defer { directory.remove() }
    let tags = try git(["tag", "--list", "steer/iteration/*"], in: directory.path).split(separator: "\n")
    #expect(tags.count >= 9)
    let check = try run(steerExecutable, ["check"], in: directory.path)
    #expect(check.status == 0, "\(check.stdout.suffix(500))")
    let report = try session(directory.path).history()
    #expect(report.snapshots.count == tags.count)
    #expect(report.snapshots.allSatisfy { $0.value(of: .retroCoverage) != nil })
    // Later snapshots have more retrospectives: retro coverage never falls.
    let lessons = try session(directory.path).lessons()
    #expect(lessons.count == tags.count)
    #expect(report.parsedDocuments < report.snapshotDocuments / 2)
    try expectReplayedMetricsAreFullMetrics(report, in: directory.path)
  }

  /// `history` keeps every version it replayed in the git directory. Run again, it parses
  /// nothing and reports the same; a damaged cache is read again from the blobs (whatever
  /// byte is hit: a path, a blob id, a length, an encoding); a new commit costs its own change.
  @Test func historyRunAgainTakesItsVersionsFromTheCache() throws {
    let directory = try generatedHistory()
    defer { directory.remove() }
    let cold = try session(directory.path).history()
    #expect(cold.parsedDocuments > 500 && cold.cachedDocuments == 0)
    let warm = try session(directory.path).history()
    #expect(warm.parsedDocuments == 0 && warm.cachedDocuments == cold.parsedDocuments)
    #expect(HistoryRendering.historyCSV(warm) == HistoryRendering.historyCSV(cold))
    #expect(warm.phaseLeadTimes == cold.phaseLeadTimes)

    let steer = directory.path + "/.git/steer/"
    let name = try #require(
      try FileManager.default.contentsOfDirectory(atPath: steer).first { $0.hasPrefix("history-") })
    let intact = try Data(contentsOf: URL(fileURLWithPath: steer + name))
    for fraction in [0.0, 0.3, 0.5, 0.7, 1.0] {
      var bytes = intact
      bytes[bytes.startIndex + Int(Double(bytes.count - 1) * fraction)] ^= 0x01
      try bytes.write(to: URL(fileURLWithPath: steer + name))
      let damaged = try session(directory.path).history()
      #expect(damaged.parsedDocuments > 0, "at \(fraction)")
      #expect(HistoryRendering.historyCSV(damaged) == HistoryRendering.historyCSV(cold), "at \(fraction)")
      #expect(try session(directory.path).history().parsedDocuments == 0, "replaced")
    }

    let useCase = "vision/usecases/u00000.md"
    try directory.write(useCase, try directory.read(useCase).replacingOccurrences(of: "effort: ", with: "effort: 1"))
    try git(["commit", "-q", "-am", "one more edit"], in: directory.path)
    let after = try session(directory.path).history()
    #expect(after.parsedDocuments == 1 && after.cachedDocuments == cold.parsedDocuments)
  }

  /// However the replay cuts the history into chunks of commits (read on one thread while the
  /// previous chunk is parsed and applied on the others), each commit gets the same changes.
  @Test func theReplayIsTheSameWhateverItsChunks() throws {
    let directory = try generatedHistory()
    defer { directory.remove() }
    let repository = try #require(try Repository.discover(containing: directory.path))
    let commits = try repository.log().reversed().map { $0 }
    #expect(commits.count >= 10)
    func replayed(chunk: Int) throws -> [[String: LedgerDocument?]] {
      var steps: [[String: LedgerDocument?]] = []
      try LedgerReplay(repository: repository, directory: "vision").replay(commits, chunk: chunk) {
        position, changes in
        #expect(position == steps.count)
        #expect(changes.map(\.path) == changes.map(\.path).sorted())
        steps.append(Dictionary(uniqueKeysWithValues: changes.map { ($0.path, $0.new) }))
      }
      return steps
    }
    let oneByOne = try replayed(chunk: 1)
    #expect(oneByOne.count == commits.count)
    #expect(oneByOne[0].count > 500)  // the whole ledger, in the first commit
    for chunk in [3, 16, 100] {
      #expect(try replayed(chunk: chunk) == oneByOne, "chunks of \(chunk)")
    }
  }

  /// Each step changes one kind of document the metrics read (objectives, stakeholders,
  /// workshops, use cases, the vision, iterations, retrospectives), adds, deletes, breaks and
  /// repairs some: at every step the replayed metrics are those of the whole ledger.
  @Test func replayedMetricsFollowEveryKindOfChange() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    func edit(_ path: String, _ replace: String, with replacement: String) throws {
      let text = try directory.read("vision/" + path)
      #expect(text.contains(replace), "\(path) has '\(replace)'")
      try directory.write("vision/" + path, text.replacingOccurrences(of: replace, with: replacement))
    }
    var step = 0
    func commit() throws {
      step += 1
      try git(["add", "-A"], in: directory.path)
      try git(["commit", "-q", "--allow-empty", "-m", "step \(step)"], in: directory.path)
      try git(["tag", "steer/iteration/step-\(step)"], in: directory.path)
    }
    try commit()
    try directory.write(
      "vision/objectives/clean-air.md", "---\ntitle: Clean air\naxis: data\nowner: mayor\n---\n")
    try directory.write(
      "vision/usecases/air-sensors.md",
      "---\ntitle: Air sensors\nobjectives: [clean-air, clean-water]\nphase: prototype\nowner: mayor\nusers: [residents]\neffort: 2\n---\n"
    )
    try edit("stakeholders/residents.md", "{clean-water: 4}", with: "{clean-water: 4, clean-air: 5}")
    try commit()
    try directory.write(
      "vision/workshops/air-kickoff.md",
      "---\ndate: 2026-03-01\nphase: analysis\nusecases: [air-sensors, water-sensors]\nparticipants: [mayor, residents]\n---\n"
    )
    try edit("workshops/kickoff.md", "participants: [mayor, residents]", with: "participants: [mayor, mayor]")
    try commit()
    try edit("stakeholders/residents.md", "group: citizen", with: "group: elected")
    try commit()
    try edit("objectives/clean-water.md", "owner: mayor", with: "owner: mayor\nstatus: achieved")
    try commit()
    try edit(
      "vision.md", "stance: endorse}",
      with: "stance: endorse}\n  - {stakeholder: residents, date: 2026-02-01, stance: endorse}")
    try edit("vision.md", "    title: Beaches", with: "    title: Beaches\n  - id: parks\n    title: Parks")
    try edit("usecases/water-sensors.md", "phase: prototype", with: "phase: deployed")
    try commit()
    try FileManager.default.removeItem(atPath: directory.path + "/vision/workshops/ideas.md")
    try edit("usecases/air-sensors.md", "phase: prototype", with: "phase: prototyped")  // cannot be built
    try commit()
    try edit("usecases/air-sensors.md", "phase: prototyped", with: "phase: abandoned")
    try FileManager.default.removeItem(atPath: directory.path + "/vision/usecases/water-sensors.md")
    try edit("iterations/sprint-2.md", "status: active", with: "status: closed")
    try commit()
    try FileManager.default.removeItem(atPath: directory.path + "/vision/retros/sprint-1.md")
    try FileManager.default.removeItem(atPath: directory.path + "/vision/stakeholders/residents.md")
    try directory.write(
      "vision/retros/sprint-2.md",
      "---\ndate: 2026-05-02\nparticipants: [mayor, residents]\nactions:\n  - {text: Publish raw data, owner: mayor, due: sprint-2, status: done}\n---\n"
    )
    try commit()
    try FileManager.default.removeItem(atPath: directory.path + "/vision/vision.md")
    try commit()

    let report = try session(directory.path).history()
    #expect(report.snapshots.count == step)
    try expectReplayedMetricsAreFullMetrics(report, in: directory.path)

    // The latest snapshots, replayed backwards from the ledger as read: from a revision, and
    // from a work tree that differs from every commit (an edit, a new file, an ignored one).
    let repository = try #require(try Repository.discover(containing: directory.path))
    let head = try repository.commit(for: "HEAD~1")
    let atHead = try Workspace.loadLedger(at: "vision", in: head).ledger
    // At a revision, the latest snapshots are those up to that revision.
    try expectSame(
      try HistoryReader.recent(4, from: atHead, at: head, repository: repository, directory: "vision"),
      report.snapshots.dropLast().suffix(4))
    try directory.write(
      "vision/vision.md",
      "---\ntitle: Clean beaches\ncarried_by: mayor\naxes:\n  - {id: data, title: Data}\nrollout:\n  - {id: parks, title: Parks}\n---\n"
    )
    try edit("stakeholders/mayor.md", "group: elected", with: "group: technical")
    try directory.write(
      "vision/usecases/new.md",
      "---\ntitle: New\nobjectives: [clean-air]\nphase: deployed\nowner: mayor\nrollout_step: parks\n---\n")
    try directory.write(".gitignore", "ignored-*.md\n")
    try directory.write(
      "vision/usecases/ignored-one.md", "---\ntitle: Ignored\nobjectives: [clean-air]\nphase: test\nowner: mayor\n---\n"
    )
    let workTree = try Workspace(currentDirectory: directory.path).loadLedger(at: "vision").ledger
    #expect(workTree.useCases.contains { $0.id == "ignored-one" })
    let recent = try HistoryReader.recent(
      step + 5, from: workTree, at: nil, repository: repository, directory: "vision")
    try expectSame(recent, report.snapshots[...])
    // The steps did move the numbers: a test that cannot fail would not say much.
    #expect(Set(report.snapshots.map { $0.value(of: .transversality) }).count > 1)
    #expect(Set(report.snapshots.map { $0.value(of: .coverage) }).count > 1)
    #expect(Set(report.snapshots.map { $0.value(of: .endorsement) }).count > 1)
    #expect(Set(report.snapshots.map { $0.value(of: .retroCoverage) }).count > 1)
  }
}

/// Snapshots replayed from the latest backwards are those replayed from the start.
private func expectSame(_ recent: [Snapshot], _ full: ArraySlice<Snapshot>) throws {
  #expect(recent.map(\.label) == full.map(\.label))
  for (one, other) in zip(recent, full) {
    #expect(one.values == other.values, "\(one.label)")
    #expect(one.documentCount == other.documentCount, "\(one.label)")
    #expect(one.visionChanges == other.visionChanges, "\(one.label)")
    #expect(one.commit == other.commit && one.date == other.date, "\(one.label)")
  }
}

/// A ledger of 300 use cases written by the benchmarks' generator, with its history: one
/// commit and one annotated tag per closed iteration.
private func generatedHistory() throws -> TemporaryDirectory {
  let directory = try TemporaryDirectory()
  let root = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
  let generator = try run(
    "/usr/bin/env",
    [
      "python3", root.appendingPathComponent("Benchmarks/generate_ledger.py").path, directory.path + "/vision",
      "--use-cases", "300", "--seed", "11", "--git",
    ],
    in: directory.path)
  #expect(generator.status == 0, "\(generator.stderr)")
  return directory
}

/// Every snapshot's numbers equal those of the whole ledger read at its commit.
private func expectReplayedMetricsAreFullMetrics(_ report: HistoryReport, in directory: String) throws {
  let repository = try #require(try Repository.discover(containing: directory))
  for snapshot in report.snapshots {
    let commit = try repository.commit(for: snapshot.commit)
    let ledger = try Workspace.loadLedger(at: "vision", in: commit).ledger
    let metrics = LedgerMetrics(ledger)
    var expected: [String: Double] = [:]
    for metric in MetricRegistry.standard.gateable { expected[metric.id] = metrics.value(of: metric) }
    #expect(snapshot.values == expected, "\(snapshot.label)")
    #expect(snapshot.documentCount == ledger.documentPaths.count, "\(snapshot.label)")
  }
}
