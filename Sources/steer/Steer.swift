import ArgumentParser
import Foundation
import SteerGit
import SteerKit
import SteerModel
import SteerOutput

struct Steer: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "steer",
    abstract: "Keep a multi-stakeholder programme's governance in git: vision, roadmap, use cases, retrospectives.",
    discussion: "Exit status: 0 no error, 1 errors found (or warnings with --strict), 2 the command could not run.",
    version: SteerVersion.current,
    subcommands: [
      Check.self, Metrics.self, Summary.self, Retro.self, Lessons.self, History.self, Diff.self, Rules.self,
      Explain.self,
      Schema.self,
      New.self, Init.self,
    ]
  )

  /// Runs the command line with checks.md's exit statuses: argument errors exit 2, not 64.
  static func runAndExit() -> Never {
    initialiseLibgit2InBackground()
    do {
      var command = try parseAsRoot()
      try command.run()
      exit(0)
    } catch let error as SteerExit {
      exit(error.status)
    } catch {
      let status = exitCode(for: error)
      let message = fullMessage(for: error)
      if status == .success {
        print(message)
        exit(0)
      }
      writeError(message)
      exit(2)
    }
  }

  /// Exits once libgit2's initialisation, started at launch, is over: a short command (`rules`,
  /// `--help`, a mistyped argument) can end before it, and exiting during it crashes.
  private static func exit(_ status: Int32) -> Never {
    finishLibgit2Initialisation()
    Foundation.exit(status)
  }
}

/// Ends a command with a status after its output is written.
struct SteerExit: Error {
  var status: Int32
}

/// Runs a command's body; an error that stops it (no repository, a file that exists…) is
/// printed as `steer: error: …` with its hint, and the command exits 2.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let exit as SteerExit {
    throw exit
  } catch {
    writeError("steer: error: \(error)")
    throw SteerExit(status: 2)
  }
}

/// Writes a diagnostic for the user on standard error.
func writeError(_ message: String) {
  var text = message
  if !text.hasSuffix("\n") { text += "\n" }
  FileHandle.standardError.write(Data(text.utf8))
}

/// Whether standard output is a terminal that wants colour.
var standardOutputWantsColor: Bool {
  let environment = ProcessInfo.processInfo.environment
  return isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && (environment["TERM"] ?? "dumb") != "dumb"
}

extension OutputRequest: ExpressibleByArgument {}
