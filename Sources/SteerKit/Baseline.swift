import Foundation
import SteerChecks
import SteerFiles
import SteerModel

/// The findings a team accepts for now, so that it can adopt Steer on an existing ledger:
/// `--write-baseline FILE` records them, `--baseline FILE` leaves them out. A finding is
/// matched by its rule, its file and the text of its line — never the line number, so that
/// edits elsewhere in the file do not bring it back.
public struct Baseline: Codable, Hashable, Sendable {
  public var version = 1
  public var findings: [FindingIdentity]

  public init(_ report: Report) {
    findings = report.diagnostics.map(report.identity)
  }

  public static func read(_ path: String) throws -> Baseline {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      var failure = SteerError.file(path, error, reading: true)
      failure.hint = Localized(
        en: "write one with `steer check --write-baseline \(path)`",
        fr: "écrivez-en une avec `steer check --write-baseline \(path)`")
      throw failure
    }
    do {
      return try JSONDecoder().decode(Baseline.self, from: data)
    } catch {
      throw SteerError(
        en: "cannot read the baseline \(path): it is not a baseline Steer wrote",
        fr: "impossible de lire la référence \(path) : ce n'est pas une référence écrite par Steer",
        hint: (
          en: "write one with `steer check --write-baseline \(path)`",
          fr: "écrivez-en une avec `steer check --write-baseline \(path)`"
        ))
    }
  }

  public func write(to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let encoded = try? encoder.encode(self) else { preconditionFailure("a baseline always encodes") }
    try FileOutput.write(encoded + Data("\n".utf8), to: path)
  }

  /// The report without the findings the baseline accepts; each entry accepts one finding.
  public func filter(_ report: Report) -> Report {
    var remaining: [FindingIdentity: Int] = [:]
    for entry in findings { remaining[entry, default: 0] += 1 }
    var filtered = report
    filtered.diagnostics = report.diagnostics.filter { diagnostic in
      let entry = report.identity(of: diagnostic)
      guard let count = remaining[entry], count > 0 else { return true }
      remaining[entry] = count - 1
      return false
    }
    return filtered
  }
}
