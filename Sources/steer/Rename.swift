import ArgumentParser
import SteerKit
import SteerModel

struct Rename: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rename",
    abstract: "Rename an id everywhere in the ledger: the file named after it and every reference to it.",
    discussion:
      "Any kind of id: stakeholder, objective, use case, workshop, iteration, axis, rollout step, indicator. Formatting, comments and Markdown bodies are kept; all files are written or none."
  )

  @Argument(help: "The id as it is.")
  var old: String

  @Argument(help: "The id it becomes.")
  var new: String

  @Flag(help: "Print the changes as a unified diff, and write nothing.")
  var dryRun = false

  @Flag(help: "Rename an iteration even though it was recorded (its tag keeps the old id).")
  var force = false

  @OptionGroup var target: LedgerOption

  func run() throws {
    try reportingErrors(target) {
      let session = try target.session()
      let plan = try session.rename(old, to: new, dryRun: dryRun, force: force)
      if dryRun { return print(plan.unifiedDiff, terminator: "") }
      let say = Wording(session.language)
      let files = say.count(plan.changes.count, en: ("file", "files"), fr: ("fichier", "fichiers"))
      print(
        say(en: "Renamed '\(old)' to '\(new)' in \(files):", fr: "« \(old) » renommé en « \(new) » dans \(files) :"))
      for change in plan.changes {
        print(change.newPath == change.path ? "  \(change.path)" : "  \(change.path) → \(change.newPath)")
      }
    }
  }
}
