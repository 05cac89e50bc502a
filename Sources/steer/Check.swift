import ArgumentParser
import SteerKit
import SteerOutput

extension OutputRequest: ExpressibleByArgument {
  public var defaultValueDescription: String { path.map { "\(format.rawValue):\($0)" } ?? format.rawValue }
}

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate the ledger: front matter, fields, ids and references.",
    discussion: """
      Without LEDGER, checks the ledger named by .steer.yaml (`ledger:`), else vision/, at the root of the \
      repository that contains the current directory. Outside a git repository, LEDGER is read as a plain directory.
      """)

  @OptionGroup var selection: LedgerSelection

  @Option(
    help: ArgumentHelp(
      "Output format, repeatable: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")); FORMAT:PATH writes to a file.",
      valueName: "format[:path]"))
  var format: [OutputRequest] = [OutputRequest(format: .text)]

  @Flag(help: "Add each federation member's own findings (their paths prefixed by the member's name).")
  var members = false

  @Flag(help: "Count warnings as errors for the exit status.")
  var strict = false

  @Option(
    help:
      "Report only findings in files changed since this revision, or that involve one (for pull requests). Unchanged files are read from a cache in the git directory."
  )
  var since: String?

  @Option(help: "Leave out the findings recorded in this baseline file.")
  var baseline: String?

  @Option(help: "Record every current finding in this baseline file, and exit 0.")
  var writeBaseline: String?

  func run() throws {
    try CommandOutcome.running(selection.options) { session in
      try session.checkOutcome(
        format, strict: strict, since: since, baseline: baseline, writeBaseline: writeBaseline, members: members,
        color: standardOutputWantsColor)
    }.end()
  }
}
