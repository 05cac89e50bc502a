import SteerModel

/// A small ledger fragment that shows a rule at work. Its files are laid over
/// `ExampleLedger.base` (which no rule reports anything on); in a triggering example, each
/// `↓` marks where a finding of the rule must be reported, and there must be no other.
public struct RuleExample: Hashable, Sendable {
  public static let marker: Character = "↓"

  public var triggers: Bool
  /// Path inside the ledger → contents, with markers.
  public var files: [String: String]
  /// `.steer.yaml` for the example, when it needs one other than the base's.
  public var configuration: String?

  public init(triggers: Bool, _ files: [String: String], configuration: String? = nil) {
    self.triggers = triggers
    self.files = files
    self.configuration = configuration
  }

  /// The files without markers, and where the markers stood (`path` → locations). The
  /// configuration's markers are listed under `Configuration.fileName`.
  public func unmarked() -> (files: [String: String], configuration: String?, marks: [String: [SourceLocation]]) {
    var files: [String: String] = [:]
    var marks: [String: [SourceLocation]] = [:]
    for (path, text) in self.files {
      let (clean, locations) = Self.unmark(text)
      files[path] = clean
      if !locations.isEmpty { marks[path] = locations }
    }
    let configuration = self.configuration.map(Self.unmark)
    if let locations = configuration?.1, !locations.isEmpty { marks[Configuration.fileName] = locations }
    return (files, configuration?.0, marks)
  }

  private static func unmark(_ text: String) -> (String, [SourceLocation]) {
    var clean = ""
    var locations: [SourceLocation] = []
    var line = 1
    var column = 1
    for character in text {
      if character == marker {
        locations.append(SourceLocation(line: line, column: column))
        continue
      }
      clean.append(character)
      if character == "\n" {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
    }
    return (clean, locations)
  }
}
