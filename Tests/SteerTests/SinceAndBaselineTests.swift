import Foundation
import SteerKit
import SteerModel
import Testing

@Suite struct SinceAndBaselineTests {
  /// The minimal ledger plus an objective nobody serves (a warning already there before the
  /// change), committed and tagged `base`.
  private func repository() throws -> TemporaryDirectory {
    let directory = try fixtureLedger()
    try directory.write("vision/objectives/air.md", "---\ntitle: Clean air\naxis: data\nowner: mayor\n---\n")
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    try git(["tag", "base"], in: directory.path)
    return directory
  }

  @Test func reportsOnlyWhatTheChangeTouches() throws {
    let directory = try repository()
    defer { directory.remove() }
    #expect(try check(in: directory.path).report.diagnostics.map(\.rule) == ["orphan-objective"])
    #expect(
      try session(directory.path).check(since: "base").report.diagnostics.isEmpty)

    try directory.write(
      "vision/iterations/sprint-2.md",
      "---\ntitle: Second sprint\nstart: 2026-04-01\nend: 2026-04-30\nstatus: active\ncapacity: 1\nitems:\n  - {usecase: water-sensors, target: test, effort: 2}\n---\n"
    )
    let result = try session(directory.path).check(since: "base")
    #expect(result.report.diagnostics.map(summary) == ["capacity vision/iterations/sprint-2.md:6:11"])
  }

  @Test func findingsInUnchangedFilesThatInvolveTheChangeAreKept() throws {
    let directory = try repository()
    defer { directory.remove() }
    // Deleting a stakeholder breaks references in files the change did not touch.
    try git(["rm", "-q", "vision/stakeholders/residents.md"], in: directory.path)
    let deleted = try session(directory.path).check(since: "base").report.diagnostics
    #expect(
      Set(deleted.map(\.file)).isSuperset(of: ["vision/usecases/water-sensors.md", "vision/workshops/kickoff.md"]))
    #expect(deleted.allSatisfy { $0.rule == "dangling-reference" || $0.rule == "co-construction" })
    #expect(!deleted.contains { $0.rule == "orphan-objective" })
  }

  @Test func renamesAreFollowed() throws {
    let directory = try repository()
    defer { directory.remove() }
    try git(["mv", "vision/usecases/water-sensors.md", "vision/usecases/sensors.md"], in: directory.path)
    try git(["commit", "-q", "-m", "rename"], in: directory.path)
    let diagnostics = try session(directory.path, revision: "HEAD").check(since: "base")
      .report.diagnostics
    // The iterations, retro and workshops still name the old id: they involve the renamed file.
    #expect(diagnostics.contains { $0.file == "vision/iterations/sprint-1.md" && $0.rule == "dangling-reference" })
    // Without --since the same ledger reports them too; with it, nothing unrelated to the rename.
    #expect(diagnostics.allSatisfy { $0.rule != "missing-retro" && $0.rule != "endorsement" })
  }

  @Test func aShallowCloneNamesFetchDepth() throws {
    let directory = try repository()
    defer { directory.remove() }
    try directory.write("vision/objectives/air.md", "---\ntitle: Cleaner air\naxis: data\nowner: mayor\n---\n")
    try git(["commit", "-q", "-am", "second"], in: directory.path)
    let clone = directory.path + "-shallow"
    defer { try? FileManager.default.removeItem(atPath: clone) }
    try git(["clone", "-q", "--depth", "1", "file://" + directory.path, clone], in: directory.path)
    #expect {
      try session(clone).check(since: "HEAD~1")
    } throws: { error in
      (error as? SteerError)?.hint?.en.contains("fetch-depth: 0") == true
    }
    let result = try run(steerExecutable, ["check", "--since", "HEAD~1"], in: clone)
    #expect(result.status == 2)
    #expect(result.stderr.contains("fetch-depth: 0"))
  }

  @Test func aBaselineMatchesByTextNotLineNumber() throws {
    let directory = try fixtureLedger("schema")
    defer { directory.remove() }
    let write = try run(steerExecutable, ["check", "--write-baseline", "baseline.json"], in: directory.path)
    #expect(write.status == 0)
    #expect(write.stdout.contains("with 18 findings"))
    let clean = try run(steerExecutable, ["check", "--baseline", "baseline.json"], in: directory.path)
    #expect(clean.status == 0)
    #expect(clean.stdout.hasPrefix("No findings"))

    // Lines move: still accepted. A new problem: reported alone.
    let misspelled = try directory.read("vision/usecases/misspelled.md")
    try directory.write(
      "vision/usecases/misspelled.md",
      misspelled.replacingOccurrences(
        of: "---\n", with: "---\n\n\n", options: [],
        range: misspelled.startIndex..<misspelled.index(misspelled.startIndex, offsetBy: 4)))
    try directory.write(
      "vision/usecases/new.md", "---\ntitle: New\nobjectives: [clean-water]\nphase: tset\nowner: mayor\n---\n")
    let after = try run(
      steerExecutable, ["check", "--baseline", "baseline.json", "--format", "json"], in: directory.path)
    #expect(after.status == 1)
    #expect(after.stdout.contains("vision/usecases/new.md"))
    #expect(!after.stdout.contains("misspelled.md"))
    #expect(try run(steerExecutable, ["check", "--baseline", "missing.json"], in: directory.path).status == 2)
  }

  /// A baseline matches findings by meaning: one written in English leaves out the same
  /// findings in French, and the reverse, down to the findings about a whole ledger.
  @Test(arguments: [("en", "fr"), ("fr", "en")])
  func aBaselineHoldsInEveryLanguage(written: String, read: String) throws {
    let directory = try fixtureLedger("schema", "references")
    defer { directory.remove() }
    try FileManager.default.removeItem(atPath: directory.path + "/vision/vision.md")
    let write = try run(
      steerExecutable, ["check", "--lang", written, "--write-baseline", "baseline.json"], in: directory.path)
    #expect(write.status == 0)
    let clean = try run(
      steerExecutable, ["check", "--lang", read, "--baseline", "baseline.json", "--format", "json"], in: directory.path)
    #expect(clean.status == 0, "\(clean.stdout)")
    #expect(clean.stdout.contains("\"diagnostics\": []"), "\(clean.stdout)")
  }
}
