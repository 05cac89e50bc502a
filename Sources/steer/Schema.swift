import ArgumentParser
import SteerKit
import SteerModel

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
    try reportingErrors(language) {
      let session = try language.session()
      let selected = try session.schemas(kind: kind)
      guard let out else {
        guard selected.count == 1 else {
          throw SteerError(
            en: "name a --kind to print its schema, or --out DIR to write them all",
            fr: "indiquez un --kind pour afficher son schéma, ou --out RÉPERTOIRE pour tous les écrire")
        }
        print(selected[0].schema.serialized())
        return
      }
      for (name, schema) in selected {
        try deliver(schema.serialized() + "\n", to: out + "/" + name + ".schema.json", language: session.language)
      }
    }
  }
}
