import ArgumentParser
import SteerKit
import SteerOpenData

extension ExportAudience: ExpressibleByArgument {}

struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Write the ledger as open data: a Frictionless Data Package and its DCAT-AP catalogue.",
    discussion: """
      DIR receives datapackage.json, a CSV file and a Table Schema (schemas/) per table, catalogue.ttl and \
      catalogue.jsonld (docs/open-data.md). --audience public (the default) exports what the public site shows: \
      only elected officials and management are named, and there are no actions. The same revision gives the \
      same bytes: the only date is the commit's. A region also writes each member's package under members/.
      """)

  @OptionGroup var selection: LedgerSelection

  @Option(help: "The directory to write the package into.")
  var out: String

  @Option(help: "public or technical.")
  var audience: ExportAudience = .public

  func run() throws {
    try CommandOutcome.running(selection.options) { try $0.exportOutcome(audience: audience, to: out) }.end()
  }
}
