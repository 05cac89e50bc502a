import ArgumentParser
import SteerKit

extension LessonsFormat: ExpressibleByArgument {}
extension HistoryFormat: ExpressibleByArgument {}
extension DiffFormat: ExpressibleByArgument {}

struct Lessons: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lessons",
    abstract: "The lessons recorded in git history (commits carrying Steer-Iteration), newest first.")

  @OptionGroup var selection: LedgerSelection

  @Option(help: "Only the retrospectives recorded after this revision.")
  var since: String?

  @Option(help: "Only the lessons with this tag.")
  var tag: String?

  @Option(help: "Output format: text or json.")
  var format: LessonsFormat = .text

  func run() throws {
    try CommandOutcome.running(selection.options) { session in
      try session.lessonsOutcome(since: since, tag: tag, format: format)
    }.end()
  }
}

struct History: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "The metrics at each iteration tag (else at each commit that changed retros/), oldest first.",
    discussion:
      "Also the commits that changed the vision or objectives in each period, and each use case's time in each phase.")

  @OptionGroup var selection: LedgerSelection

  @Option(help: "Output format: text, json or csv.")
  var format: HistoryFormat = .text

  func run() throws {
    try CommandOutcome.running(selection.options) { try $0.historyOutcome(format: format) }.end()
  }
}

struct Diff: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "What changed in the ledger between two revisions (default: REV1 and the work tree).",
    discussion:
      "Phase moves (backwards ones flagged), objectives, endorsements, metric deltas, new lessons and actions, new and resolved findings."
  )

  @Argument(help: "The earlier revision (e.g. the tag of the last committee).")
  var from: String

  @Argument(help: "The later revision (default: the work tree).")
  var to: String?

  @OptionGroup var target: LedgerOption

  @Option(help: "Output format: text, md or json.")
  var format: DiffFormat = .text

  func run() throws {
    try CommandOutcome.running(target.options) { try $0.diffOutcome(from: from, to: to, format: format) }.end()
  }
}
