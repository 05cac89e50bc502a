import ArgumentParser
import SteerKit

struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Write JSON Schema (draft 2020-12) for each kind's front matter and for .steer.yaml.",
    discussion: """
      With --out, writes DIR/<kind>.schema.json for every kind (or only --kind) and config.schema.json. \
      Without it, prints the schema of --kind (vision, stakeholder, objective, usecase, workshop, iteration, \
      retro or config). For editors: point yaml-language-server at these files.
      """)

  @Option(help: "Only this kind (or `config`).")
  var kind: String?

  @Option(help: "Write the schemas into this directory.")
  var out: String?

  @OptionGroup var language: LanguageOption

  func run() throws {
    try CommandOutcome.running(language.options) { try $0.schemaOutcome(kind: kind, out: out) }.end()
  }
}
