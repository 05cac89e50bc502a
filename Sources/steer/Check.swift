import ArgumentParser
import SteerKit
import SteerOutput

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
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

  func run() throws {
    try reportingErrors {
      let result = try CheckRunner.run(CheckRequest(ledger: ledger, revision: rev, strict: strict))
      let output = try OutputRequest.deliver(result.report, to: format, color: standardOutputWantsColor)
      print(output, terminator: "")
      throw SteerExit(status: result.exitStatus)
    }
  }
}
