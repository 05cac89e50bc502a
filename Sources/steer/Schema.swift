import ArgumentParser
import Foundation
import SteerModel
import SteerOutput

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

  func run() throws {
    try reportingErrors {
      let all = JSONSchemaExport.all()
      let names = all.map(\.name)
      let selected =
        try kind.map { kind in
          guard let match = all.first(where: { $0.name == kind }) else {
            throw SteerError("there is no kind '\(kind)'", hint: "the kinds are: \(names.joined(separator: ", "))")
          }
          return [match]
        } ?? all
      guard let out else {
        guard selected.count == 1 else {
          throw SteerError("name a --kind to print its schema, or --out DIR to write them all")
        }
        print(selected[0].schema.serialized())
        return
      }
      let directory = URL(fileURLWithPath: out, isDirectory: true)
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      for (name, schema) in selected {
        let url = directory.appendingPathComponent("\(name).schema.json")
        try Data((schema.serialized() + "\n").utf8).write(to: url, options: .atomic)
        print("Wrote \(url.path)")
      }
    }
  }
}
