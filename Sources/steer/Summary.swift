import ArgumentParser
import Foundation
import SteerKit
import SteerModel
import SteerSummary

extension SummaryFormat: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

struct Summary: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Write the steering committee's summary: Markdown, or one self-contained HTML page with charts.",
    discussion: """
      Audiences: elected (one page: headline, decisions needed, risks), technical (everything), public (a digest \
      for citizens that names only elected officials and management). The language comes from .steer.yaml \
      (`language`) unless --lang is given. Templates: templates/summary/ (built in), or --template DIR.
      """)

  @Argument(help: "The ledger directory.")
  var ledger: String?

  @Option(help: "md or html.")
  var format: SummaryFormat = .md

  @Option(help: "fr or en (default: .steer.yaml's `language`).")
  var lang: Language?

  @Option(help: "Write to this file instead of standard output.")
  var out: String?

  @Option(help: "Add a \"since the last committee\" section: what changed since this revision.")
  var since: String?

  @Option(help: "elected, technical or public.")
  var audience: Audience = .technical

  @Option(help: "A directory with summary.html.mustache and summary.md.mustache to use instead.")
  var template: String?

  @Option(help: "Summarise the ledger as it stood at this revision.")
  var rev: String?

  @Option(help: "How many of the latest iteration tags the technical summary's trend shows (0: no trend).")
  var trend: Int = SummaryRequest.defaultTrend

  func validate() throws {
    guard trend >= 0 else { throw ValidationError("--trend takes a number of iterations, 0 or more") }
  }

  func run() throws {
    try reportingErrors {
      let text = try SummaryRunner.run(
        SummaryRequest(
          ledger: ledger, revision: rev, format: format, language: lang, audience: audience, since: since,
          templates: template, trend: trend))
      if let out {
        let url = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .atomic)
        print("Wrote \(out).")
      } else {
        print(text, terminator: "")
      }
    }
  }
}
