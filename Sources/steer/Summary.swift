import ArgumentParser
import SteerKit
import SteerModel
import SteerSummary

extension SummaryFormat: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}

struct Summary: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Write the steering committee's summary: Markdown, or one self-contained HTML page with charts.",
    discussion: """
      Audiences: elected (one page: headline, decisions needed, risks), technical (everything), public (a digest \
      for citizens that names only elected officials and management). Templates: templates/summary/ (built in), \
      or --template DIR.
      """)

  @OptionGroup var selection: LedgerSelection

  @Option(help: "md or html.")
  var format: SummaryFormat = .md

  @Option(help: "Write to this file instead of standard output.")
  var out: String?

  @Option(help: "Add a \"since the last committee\" section: what changed since this revision.")
  var since: String?

  @Option(help: "elected, technical or public.")
  var audience: Audience = .technical

  @Option(help: "A directory with summary.html.mustache and summary.md.mustache to use instead.")
  var template: String?

  // Unconditional: `-1` is this option's value (which the command refuses in its own words), not a flag.
  @Option(
    parsing: .unconditional,
    help: "How many of the latest iteration tags the technical summary's trend shows (0: no trend).",
    transform: Int.refusing { $0.trendTakesANumber })
  var trend: Int = SummaryRequest.defaultTrend

  func run() throws {
    let request = SummaryRequest(format: format, audience: audience, since: since, templates: template, trend: trend)
    try CommandOutcome.running(selection.options, validate: request.validate) { session in
      try session.summaryOutcome(request, out: out)
    }.end()
  }
}
