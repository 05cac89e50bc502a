import Foundation
import Testing

/// `steer rename` on a copy of the reference ledger in a repository: each kind of id, its file
/// and every reference renamed, the findings the same but for the id, and nothing else changed.
@Suite struct RenameTests {
  @Test(arguments: [
    ("direction-patrimoine", "patrimoine-bati"),  // stakeholder: owner, priorities, actions…
    ("qualite-baignade", "baignade-sure"),  // objective: priorities' keys, use cases
    ("comptage-velos", "velos-comptes"),  // use case: items, delivered, workshops, depends_on
    ("atelier-2025-03-plages-analyse", "atelier-plages-2025-03"),  // workshop: its file only
    ("it-2026-t3", "ete-2026"),  // iteration: items' due, its retrospective's file
    ("donnees", "numerique"),  // axis: objectives
    // rollout step: use cases (an id that is no word of a title, which findings now show)
    ("batiments-municipaux", "equipements-municipaux"),
    ("eau-arrosage", "arrosage-parcs"),  // indicator: measurements
  ])
  func renamesEveryKindOfId(_ old: String, _ new: String) throws {
    let directory = try referenceRepository()
    defer { directory.remove() }
    let before = try run(steerExecutable, ["check", "--format", "json", "--lang", "en"], in: directory.path)
    let renamed = try run(steerExecutable, ["rename", old, new], in: directory.path)
    #expect(renamed.status == 0, "\(renamed.stderr)")
    // Something was written: the findings alone would pass a rename that wrote nothing.
    #expect(!(try git(["status", "--porcelain"], in: directory.path)).isEmpty, "the rename wrote nothing")
    let after = try run(steerExecutable, ["check", "--format", "json", "--lang", "en"], in: directory.path)
    #expect(after.stdout == before.stdout.replacingOccurrences(of: old, with: new), "\(after.stdout)")
    // Every reference followed (a missed one would be a dangling-reference above); only lines
    // that name the id changed, so layout, comments and bodies are kept.
    let diff = try git(["diff", "-U0", "--no-renames"], in: directory.path)
    let changed = diff.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
    #expect(changed.allSatisfy { $0.contains(new) }, "\(diff)")
  }

  @Test func aDryRunPrintsADiffAndWritesNothing() throws {
    let directory = try referenceRepository()
    defer { directory.remove() }
    let result = try run(steerExecutable, ["rename", "dsi", "numerique", "--dry-run"], in: directory.path)
    #expect(result.status == 0)
    #expect(result.stdout.contains("--- a/vision/stakeholders/dsi.md\n+++ b/vision/stakeholders/numerique.md"))
    #expect(result.stdout.contains("-owner: dsi\n+owner: numerique") || result.stdout.contains("+  - numerique"))
    #expect(try git(["status", "--porcelain"], in: directory.path).isEmpty)
  }

  @Test(arguments: [
    (["rename", "dsi", "Bad_Id"], "is not a valid id"),
    (["rename", "dsi", "maire-adjoint-littoral"], "is already used by"),
    (["rename", "no-such-id", "anything"], "there is no id 'no-such-id'"),
  ])
  func refusesWhatCannotBeRenamed(_ arguments: [String], _ message: String) throws {
    let directory = try referenceRepository()
    defer { directory.remove() }
    let result = try run(steerExecutable, arguments + ["--lang", "en"], in: directory.path)
    #expect(result.status == 2)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(try git(["status", "--porcelain"], in: directory.path).isEmpty)
  }

  @Test func aRecordedIterationNeedsForce() throws {
    let directory = try referenceRepository()
    defer { directory.remove() }
    try git(["tag", "-a", "steer/iteration/it-2026-t3", "-m", "recorded"], in: directory.path)
    let refused = try run(steerExecutable, ["rename", "it-2026-t3", "ete-2026", "--lang", "en"], in: directory.path)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("was recorded"), "\(refused.stderr)")
    let forced = try run(steerExecutable, ["rename", "it-2026-t3", "ete-2026", "--force"], in: directory.path)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(FileManager.default.fileExists(atPath: directory.path + "/vision/retros/ete-2026.md"))
  }
}
