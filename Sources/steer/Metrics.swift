import ArgumentParser
import SteerKit

extension MetricsFormat: ExpressibleByArgument {}

struct Metrics: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Compute the alignment, progress and learning metrics, and show each gate as met or not.",
    discussion: "The JSON shape is documented in docs/metrics.md.")

  @OptionGroup var selection: LedgerSelection

  @Option(help: "Output format: text, json, or csv (the single-number metrics, a column per federation member).")
  var format: MetricsFormat = .text

  func run() throws {
    try CommandOutcome.running(selection.options) { try $0.metricsOutcome(format: format) }.end()
  }
}
