import ArgumentParser
import Foundation
import SteerFiles
import SteerKit
import SteerModel

struct Steer: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "steer",
    abstract: "Keep a multi-stakeholder programme's governance in git: vision, roadmap, use cases, retrospectives.",
    discussion: "Exit status: 0 no error, 1 errors found (or warnings with --strict), 2 the command could not run.",
    version: SteerVersion.current,
    subcommands: [
      Check.self, Metrics.self, Summary.self, Retro.self, Lessons.self, History.self, Diff.self, Rules.self,
      Explain.self, Schema.self, New.self, Init.self, Rename.self, SiteCommand.self, Export.self, Import.self,
      Federation.self,
      LSP.self,
    ]
  )

  /// The language of an argument error, before any command has parsed: `--lang`, else
  /// `.steer.yaml`'s, else English.
  static func argumentLanguage() -> Language {
    let arguments = CommandLine.arguments
    for (index, argument) in arguments.enumerated() {
      if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .en }
      if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) ?? .en }
    }
    return Session.language(SessionOptions())
  }
}

extension CommandOutcome {
  /// Writes the outcome to standard output and standard error, and ends the command with its
  /// status (main.swift exits with it).
  func end() throws {
    let status = write(
      output: FileOutput.writeToStandardOutput, error: { try? FileOutput.writeAll($0, to: STDERR_FILENO) })
    if status != 0 { throw ExitCode(status) }
  }
}

/// Whether standard output is a terminal that wants colour.
var standardOutputWantsColor: Bool {
  let environment = ProcessInfo.processInfo.environment
  return isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && (environment["TERM"] ?? "dumb") != "dumb"
}
