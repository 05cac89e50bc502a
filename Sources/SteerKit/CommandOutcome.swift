import SteerFiles
import SteerModel

/// What a command says and how it ends, made in-process so that tests read it as the user
/// does: what it writes to standard output and standard error, in order, and the exit status
/// README documents (0 no error; 1 errors found, or warnings with `--strict`; 2 the command
/// could not run). The command line only writes it and exits with its status.
public struct CommandOutcome {
  /// One thing the command writes.
  private enum Piece {
    /// Text for standard output, as is.
    case output(String)
    /// A line for standard error: a warning, or an error that stopped the command.
    case error(String)
    /// Standard output made as it is written, a chunk at a time (a report as JSON or SARIF):
    /// a large one is never held whole.
    case streamed((_ sink: ([UInt8]) throws -> Void) throws -> Void)
  }

  private var pieces: [Piece] = []
  public internal(set) var status: Int32 = 0
  /// The language of the errors it says (the session's).
  public let language: Language

  public init(language: Language) { self.language = language }

  /// Adds text to standard output, as is.
  public mutating func write(_ text: String) { pieces.append(.output(text)) }

  /// Adds a line to standard output.
  public mutating func say(_ line: String) { write(line + "\n") }

  /// Adds a line to standard error.
  public mutating func warn(_ line: String) { pieces.append(.error(Self.terminated(line))) }

  private static func terminated(_ line: String) -> String { line.hasSuffix("\n") ? line : line + "\n" }

  /// Adds standard output made when it is written.
  public mutating func stream(_ produce: @escaping (_ sink: ([UInt8]) throws -> Void) throws -> Void) {
    pieces.append(.streamed(produce))
  }

  /// Says an error that stopped the command (no repository, a file that exists…) as
  /// `steer: error: …` with its hint, in the reader's language; the command exits 2.
  public mutating func fail(_ error: any Error) {
    warn(Self.line(error, Wording(language)))
    status = 2
  }

  private static func line(_ error: any Error, _ say: Wording) -> String {
    let text = (error as? SteerError)?.text(say) ?? String(describing: error)
    return say(en: "steer: error: \(text)", fr: "steer : erreur : \(text)")
  }

  /// Runs a command in a session made from `options`, once `validate` (what the arguments
  /// alone make wrong) passes; an error that stops either is said as `fail` says it.
  public static func running(
    _ options: SessionOptions, validate: () throws -> Void = {}, _ command: (Session) throws -> CommandOutcome
  ) -> CommandOutcome {
    do {
      try validate()
      return try command(try Session(options))
    } catch {
      var outcome = CommandOutcome(language: Session.language(options))
      outcome.fail(error)
      return outcome
    }
  }

  /// Writes every piece in order; an error met on the way (a `--format` file that cannot be
  /// written, standard output closed) is said on `error` and the command exits 2. Returns the
  /// exit status.
  public func write(output: ([UInt8]) throws -> Void, error: ([UInt8]) -> Void) -> Int32 {
    do {
      for piece in pieces {
        switch piece {
        case .output(let text): try output(Array(text.utf8))
        case .error(let line): error(Array(line.utf8))
        case .streamed(let produce): try produce(output)
        }
      }
      return status
    } catch let failure {
      error(Array(Self.terminated(Self.line(failure, Wording(language))).utf8))
      return 2
    }
  }

  /// What `write` writes, collected: the exit status, standard output and standard error.
  public func collected() -> (status: Int32, output: String, errors: String) {
    var (output, errors): ([UInt8], [UInt8]) = ([], [])
    let status = write(output: { output += $0 }, error: { errors += $0 })
    return (status, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
  }
}

extension Session {
  /// Writes `text` to `path` (from the current directory), with a line saying so; without a
  /// path, to standard output.
  func deliver(_ text: String, to path: String?, in outcome: inout CommandOutcome) throws {
    guard let path else { return outcome.write(text) }
    try FileOutput.write(Array(text.utf8), to: writable(path))
    outcome.say(Wording(language)(en: "Wrote \(path).", fr: "Écrit : \(path)."))
  }
}
