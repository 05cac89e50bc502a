import Foundation
import PackagePlugin

/// Embeds every file of the package's top-level `templates/` folder into the target as Swift
/// string literals, so that the `steer` binary carries its templates wherever it is copied.
@main
struct EmbedTemplates: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let templates = context.package.directoryURL.appending(path: "templates")
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
    var inputs: [URL] = []
    if let enumerator = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: [.isRegularFileKey]) {
      for case let url as URL in enumerator
      where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
        inputs.append(url)
      }
    }
    return [
      .buildCommand(
        displayName: "Embedding templates/",
        executable: try context.tool(named: "embed-templates").url,
        arguments: [templates.path, output.path],
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
