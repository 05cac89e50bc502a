import Foundation
import SteerChecks
import SteerFiles
import SteerModel
import SteerOutput

/// One `--format` of `steer check`: a format, written to standard output or to a file
/// (`json:out/steer.json`).
public struct OutputRequest: Hashable, Sendable {
  public var format: ReportFormat
  public var path: String?

  public init(format: ReportFormat, path: String? = nil) {
    self.format = format
    self.path = path
  }

  /// Parses `name` or `name:path`.
  public init?(argument: String) {
    let parts = argument.split(separator: ":", maxSplits: 1).map(String.init)
    guard let first = parts.first, let format = ReportFormat(rawValue: first) else { return nil }
    if parts.count == 2 && parts[1].isEmpty { return nil }
    self.init(format: format, path: parts.count == 2 ? parts[1] : nil)
  }

  /// Renders the report in every requested format, each streamed as it is made: the one
  /// without a path to `standardOutput`, the others to their files (see `FileOutput`). With the
  /// `github` format and `$GITHUB_STEP_SUMMARY` set, a Markdown table of the findings is
  /// appended there.
  public static func deliver(
    _ report: Report, to requests: [OutputRequest], color: Bool,
    environment: [String: String] = ProcessInfo.processInfo.environment, currentDirectory: String? = nil,
    standardOutput: ([UInt8]) throws -> Void
  ) throws {
    let toStandardOutput = requests.filter { $0.path == nil }
    guard toStandardOutput.count <= 1 else {
      throw SteerError(
        en: "only one --format can print to standard output", fr: "un seul --format peut écrire sur la sortie standard",
        hint: (
          en: "send the others to files: --format \(toStandardOutput[1].format.rawValue):path",
          fr: "envoyez les autres dans des fichiers : --format \(toStandardOutput[1].format.rawValue):chemin"
        ))
    }
    let base = currentDirectory ?? FileManager.default.currentDirectoryPath
    for request in requests {
      guard let path = request.path else { continue }
      let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base + "/"))
      try FileOutput.write(to: url.path) { sink in try request.format.stream(report, to: sink) }
    }
    if requests.contains(where: { $0.format == .github }), let summary = environment["GITHUB_STEP_SUMMARY"],
      !summary.isEmpty
    {
      guard let handle = FileHandle(forWritingAtPath: summary) ?? create(summary) else {
        throw SteerError(
          en: "cannot append to $GITHUB_STEP_SUMMARY (\(summary))",
          fr: "impossible d'écrire à la suite de $GITHUB_STEP_SUMMARY (\(summary))")
      }
      defer { try? handle.close() }
      handle.seekToEndOfFile()
      handle.write(Data(GitHubReporter.summary(report).utf8))
    }
    try toStandardOutput.first?.format.stream(report, color: color, to: standardOutput)
  }

  private static func create(_ path: String) -> FileHandle? {
    FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil
  }
}
