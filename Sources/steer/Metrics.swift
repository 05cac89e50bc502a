import ArgumentParser
import SteerKit
import SteerModel
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
    try reportingErrors(selection) {
      let session = try selection.session()
      let result = try session.metrics()
      if result.readingErrors > 0 {
        let say = Wording(session.language)
        let problems = say.count(
          result.readingErrors, en: ("problem was", "problems were"),
          fr: ("problème a été trouvé", "problèmes ont été trouvés"))
        writeError(
          say(
            en:
              "steer: warning: \(problems) found while reading; the metrics leave those documents out (run `steer check`)",
            fr:
              "steer : avertissement : \(problems) à la lecture ; les indicateurs laissent ces documents de côté (lancez `steer check`)"
          ))
      }
      switch format {
      case .text:
        print(
          MetricsText.render(result.metrics, gates: result.gates, language: session.language),
          terminator: "")
      case .json:
        print(MetricsJSON.render(result.metrics, gates: result.gates), terminator: "")
      }
      finish()
    }
  }
}
