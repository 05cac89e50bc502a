import ArgumentParser
import SteerKit
import SteerWriting

struct Retro: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retro",
    abstract: "Record an iteration's retrospective in git.", subcommands: [Record.self])

  struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "record",
      abstract: "Commit the retrospective (and, with --close, the iteration as closed), and tag the iteration.",
      discussion: """
        Creates one commit on the current branch whose tree is HEAD's plus exactly retros/ITERATION.md \
        (and the iteration file with `status: closed`); nothing else staged or modified is included. \
        Tags it steer/iteration/ITERATION. Refuses when the retrospective or what it references has errors, \
        and an iteration that starts after today (whatever the options).
        """)

    @Argument(help: "The iteration id.")
    var iteration: String

    @Flag(help: "Also mark the iteration closed, in the same commit.")
    var close = false

    @Option(name: .short, help: "A paragraph to add to the commit message.")
    var message: String?

    @Option(help: "The author, as \"Name <mail>\" (default: user.name and user.email from git config).")
    var author: String?

    @Flag(help: "Allow committing on a detached HEAD.")
    var detached = false

    @Flag(help: "Move the iteration's tag if it already exists.")
    var force = false

    @OptionGroup var target: LedgerOption

    func run() throws {
      let request = RecordRequest(
        iteration: iteration, close: close, message: message, author: author, detached: detached, force: force)
      try CommandOutcome.running(target.options) { try $0.recordRetroOutcome(request) }.end()
    }
  }
}
