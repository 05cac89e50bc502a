import ArgumentParser
import SteerKit
import SteerModel
import SteerOutput

struct Metrics: ParsableCommand {
  enum Format: String, CaseIterable, ExpressibleByArgument {
    case text, json, csv
  }

  static let configuration = CommandConfiguration(
    commandName: "metrics",
    abstract: "Compute the alignment, progress and learning metrics, and show each gate as met or not.",
    discussion: "The JSON shape is documented in docs/metrics.md.")

  @OptionGroup var selection: LedgerSelection

  @Option(help: "Output format: text, json, or csv (the single-number metrics, a column per federation member).")
  var format: Format = .text

  func run() throws {
    try reportingErrors(selection) {
      let session = try selection.session()
      let result = try session.metrics()
      if result.readingErrors > 0 {
        let say = Wording(session.language)
        let files = say.count(result.readingErrors, en: ("file has", "files have"), fr: ("fichier a", "fichiers ont"))
        writeError(
          say(
            en:
              "steer: warning: \(files) reading errors; the metrics leave out what cannot be read (run `steer check`)",
            fr:
              "steer : avertissement : \(files) des erreurs de lecture ; les indicateurs laissent de côté ce qui ne peut pas être lu (lancez `steer check`)"
          ))
      }
      switch format {
      case .text:
        print(
          MetricsText.render(
            result.metrics, gates: result.gates,
            unreadable: session.configuration.gates.isEmpty ? 0 : result.readingErrors, language: session.language),
          terminator: "")
        if !result.members.isEmpty || !result.unavailable.isEmpty {
          print(
            "\n"
              + PeerComparison.text(
                region: result.metrics, members: result.members, unavailable: result.unavailable,
                language: session.language))
        }
      case .json:
        var document = MetricsJSON.document(result.metrics, gates: result.gates)
        if !result.members.isEmpty || !result.unavailable.isEmpty, case .object(var members) = document {
          members.append(
            (
              "federation",
              PeerComparison.json(region: result.metrics, members: result.members, unavailable: result.unavailable)
            ))
          document = .object(members)
        }
        print(document.serialized())
      case .csv:
        print(
          PeerComparison.csv(region: result.metrics, members: result.members, unavailable: result.unavailable),
          terminator: "")
      }
      finish()
    }
  }
}
