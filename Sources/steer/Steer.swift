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
      Explain.self, Schema.self, New.self, Init.self, Rename.self, SiteCommand.self, Federation.self, LSP.self,
    ]
  )

  /// Runs the command line with the exit statuses README documents: argument errors exit 2, not 64.
  static func runAndExit() -> Never {
    do {
      var command = try parseAsRoot()
      try command.run()
      Foundation.exit(0)
    } catch let error as SteerExit {
      Foundation.exit(error.status)
    } catch {
      let status = exitCode(for: error)
      let message = fullMessage(for: error)
      if status == .success {
        print(message)
        Foundation.exit(0)
      }
      writeError(argumentLanguage() == .fr ? ArgumentErrors.french(message) : message)
      Foundation.exit(2)
    }
  }

  /// The language of an argument error, before any command has parsed: `--lang`, else
  /// `.steer.yaml`'s, else English.
  private static func argumentLanguage() -> Language {
    let arguments = CommandLine.arguments
    for (index, argument) in arguments.enumerated() {
      if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .en }
      if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) ?? .en }
    }
    return Session.language(SessionOptions())
  }
}

/// Ends the process once a command's output is written, from inside the command: what its
/// session read (a large ledger is hundreds of thousands of values) is then reclaimed with the
/// process instead of being freed one value at a time on the way out. (`exit` flushes what
/// `print` wrote.)
func finish(_ status: Int32 = 0) -> Never {
  Foundation.exit(status)
}

/// Ends a command with a status after its output is written.
struct SteerExit: Error {
  var status: Int32
}

/// Runs a command's body; an error that stops it (no repository, a file that exists…) is
/// printed as `steer: error: …` with its hint, in the reader's language, and the command exits 2.
func reportingErrors(_ choice: some SessionChoice, _ body: () throws -> Void) throws {
  do {
    try body()
  } catch let exit as SteerExit {
    throw exit
  } catch {
    let say = Wording(choice.language)
    let text = (error as? SteerError)?.text(say) ?? String(describing: error)
    writeError(say(en: "steer: error: \(text)", fr: "steer : erreur : \(text)"))
    throw SteerExit(status: 2)
  }
}

/// Writes a diagnostic for the user on standard error.
func writeError(_ message: String) {
  var text = message
  if !text.hasSuffix("\n") { text += "\n" }
  FileHandle.standardError.write(Data(text.utf8))
}

/// Writes a command's output, or saves it to `path` (with a line saying so).
func deliver(_ text: String, to path: String?, language: Language) throws {
  guard let path else { return print(text, terminator: "") }
  try FileOutput.write(Array(text.utf8), to: path)
  print(Wording(language)(en: "Wrote \(path).", fr: "Écrit : \(path)."))
}

/// Whether standard output is a terminal that wants colour.
var standardOutputWantsColor: Bool {
  let environment = ProcessInfo.processInfo.environment
  return isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && (environment["TERM"] ?? "dumb") != "dumb"
}
