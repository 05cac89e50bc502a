import ArgumentParser
import SteerKit
import SteerModel
import SteerOutput

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate the ledger: front matter, fields, ids and references.",
    discussion: """
      Without LEDGER, checks the ledger named by .steer.yaml (`ledger:`), else vision/, at the root of the \
      repository that contains the current directory. Outside a git repository, LEDGER is read as a plain directory.
      """)

  @Argument(help: "The ledger directory.")
  var ledger: String?

  @Option(help: "Read the ledger as it stood at this revision (a branch, tag or commit), without a checkout.")
  var rev: String?

  @Option(
    help: ArgumentHelp(
      "Output format, repeatable: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")); FORMAT:PATH writes to a file.",
      valueName: "format[:path]"))
  var format: [OutputRequest] = [OutputRequest(format: .text)]

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

  @Option(help: "The language of the messages: fr or en (default: .steer.yaml's `language`).")
  var lang: Language?

  func run() throws {
    try reportingErrors {
      let request = CheckRequest(
        ledger: ledger, revision: rev, strict: strict, since: since, baseline: writeBaseline == nil ? baseline : nil,
        language: lang)
      let result = try CheckRunner.run(request)
      if let writeBaseline {
        try Baseline(result.report).write(to: writeBaseline)
        print("Wrote \(writeBaseline) with \(result.report.diagnostics.count) finding(s); pass it with --baseline.")
        return
      }
      let output = try OutputRequest.deliver(result.report, to: format, color: standardOutputWantsColor)
      print(output, terminator: "")
      let status = result.exitStatus
      discard(result)
      throw SteerExit(status: status)
    }
  }
}
