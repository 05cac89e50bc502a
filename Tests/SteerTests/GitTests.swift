import Foundation
import SteerGit
import SteerKit
import SteerLoading
import SteerModel
import SteerSummary
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

  /// The error a command throws, as the command line prints it in `language`.
  func failure(_ language: Language, _ body: () throws -> Void) -> String? {
    do { try body() } catch let error as SteerError { return error.text(Wording(language)) } catch { return "\(error)" }
    return nil
  }

  /// Without a commit, history and lessons say so in the reader's language, and the site is
  /// written from the work tree with an empty history.
  @Test func historyLessonsAndSiteInARepositoryWithoutCommits() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    let en = try session(directory.path, language: .en)
    let fr = try session(directory.path, language: .fr)
    #expect(
      failure(.en) { _ = try en.history() }
        == "steer history reads the git history, and the repository has no commits yet\n  hint: commit the ledger first"
    )
    #expect(
      failure(.fr) { _ = try fr.history() }
        == "steer history lit l'historique git, et le dépôt n'a encore aucun commit\n  conseil\u{202F}: commitez d'abord le registre"
    )
    #expect(
      failure(.en) { _ = try en.lessons() }
        == "steer lessons reads the git history, and the repository has no commits yet\n  hint: commit the ledger first"
    )
    #expect(
      failure(.fr) { _ = try fr.lessons() }
        == "steer lessons lit l'historique git, et le dépôt n'a encore aucun commit\n  conseil\u{202F}: commitez d'abord le registre"
    )
    _ = try fr.site(audience: .technical, to: "site", today: CalendarDate(year: 2026, month: 12, day: 7)!)
    #expect(FileManager.default.fileExists(atPath: directory.path + "/site/index.html"))
  }

  /// The hint of a revision named in a repository without commits names what the user typed.
  @Test func aRevisionWithoutCommitsHintsAtTheOptionTyped() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    let message = (
      en: "revision 'HEAD' does not exist: the repository has no commits yet\n  hint: ",
      fr: "la révision «\u{A0}HEAD\u{A0}» n'existe pas\u{202F}: le dépôt n'a encore aucun commit\n  conseil\u{202F}: "
    )
    for language in Language.allCases {
      let session = try session(directory.path, language: language)
      let diff = failure(language) { _ = try session.diff(from: "HEAD", to: nil) }
      let since = failure(language) {
        _ = try session.summary(SummaryRequest(format: .md, audience: .elected, since: "HEAD"))
      }
      let check = failure(language) { _ = try session.check(since: "HEAD") }
      let rev = failure(language) {
        _ = try Session(SessionOptions(currentDirectory: directory.path, revision: "HEAD", language: language))
      }
      switch language {
      case .en:
        #expect(diff == message.en + "commit the ledger first: 'HEAD' will then name that commit")
        #expect(since == message.en + "commit the ledger first, or drop --since")
        #expect(check == message.en + "commit the ledger first, or drop --since")
        #expect(rev == message.en + "commit the ledger first, or drop --rev to check the work tree")
      case .fr:
        #expect(
          diff == message.fr + "commitez d'abord le registre\u{202F}: «\u{A0}HEAD\u{A0}» désignera alors ce commit")
        #expect(since == message.fr + "commitez d'abord le registre, ou retirez --since")
        #expect(check == message.fr + "commitez d'abord le registre, ou retirez --since")
        #expect(rev == message.fr + "commitez d'abord le registre, ou retirez --rev pour vérifier la copie de travail")
      }
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
