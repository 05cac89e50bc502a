import Foundation
import SteerGit
import SteerKit
import SteerLoading
import SteerModel
import Testing

/// A temporary git repository holding the minimal ledger, committed once.
private func repositoryWithLedger() throws -> TemporaryDirectory {
  let directory = try fixtureLedger()
  try git(["init", "-q"], in: directory.path)
  try git(["add", "-A"], in: directory.path)
  try git(["commit", "-q", "-m", "ledger"], in: directory.path)
  return directory
}

private let brokenPhase = "---\ntitle: Sensors\nobjectives: [clean-water]\nphase: deploy\nowner: mayor\n---\n"

@Suite struct GitTests {
  @Test func findsTheRootFromASubdirectory() throws {
    let repository = try repositoryWithLedger()
    defer { repository.remove() }
    try repository.write("vision/usecases/water-sensors.md", brokenPhase)
    let result = try check(in: repository.path + "/vision/usecases")
    #expect(result.report.diagnostics.map(summary) == ["schema vision/usecases/water-sensors.md:4:8"])
  }

  @Test func readsTheLedgerAsItStoodAtARevision() throws {
    let repository = try repositoryWithLedger()
    defer { repository.remove() }
    try repository.write("vision/usecases/water-sensors.md", brokenPhase)
    try git(["commit", "-q", "-am", "break the phase"], in: repository.path)
    // Fix the work tree, so that only the object database still holds the broken file.
    try git(["checkout", "-q", "HEAD~1", "--", "vision"], in: repository.path)

    #expect(try check(in: repository.path).report.diagnostics.isEmpty)
    #expect(try check(in: repository.path, revision: "HEAD~1").report.diagnostics.isEmpty)
    let atHead = try check(in: repository.path, revision: "HEAD")
    #expect(atHead.report.diagnostics.map(summary) == ["schema vision/usecases/water-sensors.md:4:8"])
    #expect(atHead.report.documentCount == 10)
  }

  @Test func readsTheConfigurationAtTheRevisionToo() throws {
    let repository = try repositoryWithLedger()
    defer { repository.remove() }
    try git(["mv", "vision", "governance"], in: repository.path)
    try repository.write(".steer.yaml", "ledger: governance\n")
    try git(["add", "-A"], in: repository.path)
    try git(["commit", "-q", "-m", "rename the ledger"], in: repository.path)
    #expect(try check(in: repository.path, revision: "HEAD").report.documentCount == 10)
    #expect(try check(in: repository.path, revision: "HEAD~1").report.documentCount == 10)
  }

  @Test func worksInABareRepository() throws {
    let repository = try repositoryWithLedger()
    defer { repository.remove() }
    let bare = repository.path + "/../" + URL(fileURLWithPath: repository.path).lastPathComponent + ".git"
    try git(["clone", "-q", "--bare", repository.path, bare], in: repository.path)
    defer { try? FileManager.default.removeItem(atPath: bare) }
    #expect(try check(in: bare).report.documentCount == 10)
    #expect(try check(in: bare, revision: "main").report.diagnostics.isEmpty)
    #expect(try check(in: bare, ledger: "vision", revision: "HEAD").report.documentCount == 10)
  }

  @Test func worksInARepositoryWithoutCommits() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    #expect(try check(in: directory.path + "/vision").report.diagnostics.isEmpty)
    #expect {
      try check(in: directory.path, revision: "HEAD")
    } throws: { error in
      (error as? SteerError)?.message.en.contains("no commits yet") == true
    }
  }

  @Test func worksInALinkedWorktree() throws {
    let repository = try repositoryWithLedger()
    defer { repository.remove() }
    let worktree = repository.path + "-worktree"
    try git(["worktree", "add", "-q", "-b", "feature", worktree], in: repository.path)
    defer { try? FileManager.default.removeItem(atPath: worktree) }
    let file = URL(fileURLWithPath: worktree + "/vision/usecases/water-sensors.md")
    try Data(brokenPhase.utf8).write(to: file)
    let inWorktree = try check(in: worktree + "/vision")
    #expect(inWorktree.report.diagnostics.map(summary) == ["schema vision/usecases/water-sensors.md:4:8"])
    #expect(try check(in: repository.path).report.diagnostics.isEmpty)
    try git(["commit", "-q", "-am", "break on the branch"], in: worktree)
    #expect(try check(in: repository.path, revision: "feature").report.diagnostics.count == 1)
  }

  @Test func aMissingRevisionIsAClearError() throws {
    let repository = try repositoryWithLedger()
    defer { repository.remove() }
    #expect {
      try check(in: repository.path, revision: "no-such-branch")
    } throws: { error in
      (error as? SteerError)?.message.en.hasPrefix("revision 'no-such-branch' does not exist") == true
    }
  }

  @Test func outsideARepositoryTheDirectoryIsRead() throws {
    let directory = try fixtureLedger("references")
    defer { directory.remove() }
    let result = try check(in: directory.path)
    #expect(result.report.diagnostics.allSatisfy { $0.file.hasPrefix("vision/") })
    #expect {
      try check(in: directory.path, revision: "HEAD")
    } throws: { error in
      (error as? SteerError)?.message.en.contains("needs a git repository") == true
    }
  }

  @Test func aLedgerInAnotherRepositoryIsReadFromThatRepository() throws {
    let repository = try repositoryWithLedger()
    defer { repository.remove() }
    let other = try repositoryWithLedger()
    defer { other.remove() }
    try other.write("vision/usecases/water-sensors.md", brokenPhase)
    let result = try check(in: repository.path, ledger: other.path + "/vision")
    #expect(result.report.diagnostics.map(summary) == ["schema vision/usecases/water-sensors.md:4:8"])
  }

  @Test func aPlainDirectoryLedgerTakesTheConfigurationBesideIt() throws {
    let repository = try repositoryWithLedger()
    defer { repository.remove() }
    try repository.write(".steer.yaml", "gates: {transversality: 9}\n")  // would fail any ledger
    let elsewhere = try fixtureLedger()
    defer { elsewhere.remove() }
    let result = try check(in: repository.path, ledger: elsewhere.path + "/vision")
    #expect(result.report.diagnostics.isEmpty)
    #expect(result.report.documentPaths.first?.hasPrefix("vision/") == true)
    try elsewhere.write(".steer.yaml", "gates: {transversality: 9}\n")
    #expect(
      try check(in: repository.path, ledger: elsewhere.path + "/vision").report.diagnostics.map(\.rule) == ["gate"])
  }

  @Test func aMissingLedgerOutsideTheRepositoryIsRefused() throws {
    let repository = try repositoryWithLedger()
    defer { repository.remove() }
    #expect {
      try check(in: repository.path, ledger: "../no-such-ledger")
    } throws: { error in
      (error as? SteerError)?.message.en.contains("outside the repository") == true
    }
  }

  @Test func theRepositoryWrapperReadsTreesAndBlobs() throws {
    let repository = try repositoryWithLedger()
    defer { repository.remove() }
    #expect(try Repository.discover(containing: "/") == nil)
    let opened = try #require(try Repository.discover(containing: repository.path + "/vision/retros"))
    #expect(opened.workingDirectory == repository.path)
    #expect(!opened.isBare && !opened.isHeadUnborn)
    let commit = try opened.commit(for: "HEAD")
    let files = try commit.files(under: "vision")
    #expect(files.count == 12)
    let vision = try #require(try commit.file(at: "vision/vision.md"))
    let text = String(decoding: try opened.blobContents(vision.id), as: UTF8.self)
    #expect(text.hasPrefix("---\ntitle: Clean beaches\n"))
    #expect(try commit.file(at: "vision/missing.md") == nil)
    #expect(try commit.hasDirectory(at: "vision/usecases"))
    #expect(try !commit.hasDirectory(at: "vision/vision.md"))
    #expect(throws: GitError.self) { try opened.commit(for: "HEAD~5") }
  }
}
