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

    @Option(help: "Give up on a member after this many seconds without progress.")
    var timeout: Int = Session.defaultFetchTimeout

    @OptionGroup var languageOption: LanguageOption

    func run() throws {
      var failed = false
      try reportingErrors(languageOption) {
        let session = try languageOption.session()
        let say = Wording(session.language)
        let fetched = try session.fetchFederation(members, timeout: timeout)
        if fetched.isEmpty { print(Session.FetchedMember.noneByURL(say)) }
        for member in fetched {
          for tag in member.movedTags { writeError(member.movedTagWarning(tag, say)) }
          switch member.outcome {
          case .success: print(member.text(say))
          case .failure(let error):
            writeError(say(en: "steer: error: \(error.text(say))", fr: "steer : erreur : \(error.text(say))"))
            failed = true
          }
        }
      }
      if failed { throw SteerExit(status: 2) }
    }
  }
}
