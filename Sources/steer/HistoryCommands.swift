import ArgumentParser
import SteerKit
import SteerModel
import SteerOutput

struct Lessons: ParsableCommand {
  enum Format: String, CaseIterable, ExpressibleByArgument { case text, json }

  static let configuration = CommandConfiguration(
    commandName: "lessons",
    abstract: "The lessons recorded in git history (commits carrying Steer-Iteration), newest first.")

  @OptionGroup var selection: LedgerSelection

  @Option(help: "Only the retrospectives recorded after this revision.")
  var since: String?

  @Option(help: "Only the lessons with this tag.")
  var tag: String?

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  func run() throws {
    try reportingErrors(selection) {
      let session = try selection.session()
      let entries = try session.lessons(since: since, tag: tag)
      let say = Wording(session.language)
      print(
        format == .json ? HistoryRendering.lessonsJSON(entries) : HistoryRendering.lessonsText(entries, tag: tag, say),
        terminator: "")
    }
  }
}

struct History: ParsableCommand {
  enum Format: String, CaseIterable, ExpressibleByArgument { case text, json, csv }

  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "The metrics at each iteration tag (else at each commit that changed retros/), oldest first.",
    discussion:
      "Also the commits that changed the vision or objectives in each period, and each use case's time in each phase.")

  @OptionGroup var selection: LedgerSelection

  @Option(help: "Output format: text, json or csv.")
  var format: Format = .text

  func run() throws {
    try reportingErrors(selection) {
      let session = try selection.session()
      let report = try session.history()
      switch format {
      case .text: print(HistoryRendering.historyText(report, Wording(session.language)), terminator: "")
      case .json: print(HistoryRendering.historyJSON(report), terminator: "")
      case .csv: print(HistoryRendering.historyCSV(report), terminator: "")
      }
    }
  }
}

struct Diff: ParsableCommand {
  enum Format: String, CaseIterable, ExpressibleByArgument { case text, md, json }

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
  var format: Format = .text

  func run() throws {
    try reportingErrors(target) {
      let session = try target.session()
      let diff = try session.diff(from: from, to: to)
      let say = Wording(session.language)
      switch format {
      case .text: print(HistoryRendering.diffText(diff, markdown: false, say), terminator: "")
      case .md: print(HistoryRendering.diffText(diff, markdown: true, say), terminator: "")
      case .json: print(HistoryRendering.diffJSON(diff), terminator: "")
      }
    }
  }
}
