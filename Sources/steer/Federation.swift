import ArgumentParser
import SteerKit
import SteerModel

struct Federation: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "federation",
    abstract: "The ledgers this one federates (.steer.yaml's `federation`).",
    subcommands: [Fetch.self])

  struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "fetch",
      abstract:
        "Bring the members given by a git URL into .git/steer/federation/, the only command that uses the network.",
      discussion: """
        Every other command reads those members from there, offline, at their `revision`. Members \
        given by a path are read in place and need no fetch. A connection, a read or a write that makes \
        no progress for --timeout seconds fails that member. Exit status 2 when a member could not be fetched.
        """)

    @Argument(help: "Only these members (default: every member given by URL).")
    var members: [String] = []

    // Unconditional: `-1` is this option's value (which the command refuses in its own words), not a flag.
    @Option(
      parsing: .unconditional, help: "Give up on a member after this many seconds without progress.",
      transform: Int.refusing { $0.timeoutTakesANumber })
    var timeout: Int = Session.defaultFetchTimeout

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      try CommandOutcome.running(languageOption.options) { try $0.fetchOutcome(members, timeout: timeout) }.end()
    }
  }
}
