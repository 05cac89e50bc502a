import ArgumentParser
import SteerKit

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
    try CommandOutcome.running(target.options) { session in
      try session.renameOutcome(old, to: new, dryRun: dryRun, force: force)
    }.end()
  }
}
