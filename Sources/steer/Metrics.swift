import ArgumentParser
import SteerKit
import SteerOutput

struct Metrics: ParsableCommand {
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case text, json
  }

  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Compute the alignment, progress and learning metrics, and show each gate as met or not.",
    discussion: "The JSON shape is documented in docs/metrics.md.")

  @OptionGroup var selection: LedgerSelection

  @Option(help: "Output format: text or json.")
  var format: Format = .text

  func run() throws {
    try reportingErrors {
      let session = try selection.session()
      let result = try session.metrics()
      if result.readingErrors > 0 {
        writeError(
          "steer: warning: \(result.readingErrors) document problem(s) found while reading; the metrics leave those documents out (run `steer check`)"
        )
      }
      switch format {
      case .text:
        print(
          MetricsText.render(result.metrics, gates: result.gates, effortUnit: session.configuration.effortUnit),
          terminator: "")
      case .json:
        print(MetricsJSON.render(result.metrics, gates: result.gates), terminator: "")
      }
      finish()
    }
  }
}
