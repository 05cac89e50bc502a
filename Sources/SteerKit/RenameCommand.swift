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

extension Session {
  /// `steer rename OLD NEW` as the command line runs it: the files changed, each with its new
  /// path when it moved; with `dryRun`, the changes as a unified diff.
  public func renameOutcome(_ old: String, to new: String, dryRun: Bool = false, force: Bool = false) throws
    -> CommandOutcome
  {
    let plan = try rename(old, to: new, dryRun: dryRun, force: force)
    var outcome = CommandOutcome(language: language)
    guard !dryRun else {
      outcome.write(plan.unifiedDiff)
      return outcome
    }
    let say = Wording(language)
    let files = say.count(plan.changes.count, en: ("file", "files"), fr: ("fichier", "fichiers"))
    outcome.say(
      say(en: "Renamed '\(old)' to '\(new)' in \(files):", fr: "« \(old) » renommé en « \(new) » dans \(files) :"))
    for change in plan.changes {
      outcome.say(change.newPath == change.path ? "  \(change.path)" : "  \(change.path) → \(change.newPath)")
    }
    return outcome
  }
}
