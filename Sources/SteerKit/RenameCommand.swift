import SteerModel
import SteerWriting

extension Session {
  /// `steer rename OLD NEW`: the id everywhere in the ledger — the file named after it, every
  /// reference in every front matter (priorities' keys included), its declaration — keeping
  /// comments, layout and Markdown bodies. Refuses an invalid or taken NEW, and an iteration
  /// already recorded (its tag names the old id) unless `force`. Writes nothing with `dryRun`.
  public func rename(_ old: String, to new: String, dryRun: Bool = false, force: Bool = false) throws -> RenamePlan {
    guard workspace.commit == nil, let base = workspace.workTreePath(ledgerDirectory) else {
      throw SteerError(
        en: "steer rename changes the work tree: it cannot run with --rev or in a bare repository",
        fr: "steer rename modifie la copie de travail : il ne peut pas s'exécuter avec --rev ni dans un dépôt nu")
    }
    let plan = try RenamePlan(
      renaming: old, to: new, in: try loadLedger().ledger, force: force, isRecorded: isRecorded,
      contents: workspace.contents(of:))
    if !dryRun { try plan.write(root: (workspace.root ?? base) + "/") }
    return plan
  }

  /// Whether iteration `id` was recorded: a tag names it.
  public func isRecorded(_ id: String) -> Bool {
    workspace.repository?.tagReference(IterationTag.prefix + id) != nil
  }
}
