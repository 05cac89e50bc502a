import SteerChecks
import SteerModel

/// `--format json`: the shape README documents ("The JSON output"), diagnostics in their sorted order.
public enum JSONReporter {
  public static let version = 1

  public static func render(_ report: Report) -> String {
    document(report).serialized() + "\n"
  }

  /// The report as JSON, its diagnostics made one at a time as they are written.
  public static func document(_ report: Report) -> JSONValue {
    let diagnostics = JSONValue.elements(count: report.diagnostics.count) { index -> JSONValue in
      let diagnostic = report.diagnostics[index]
      var members: [(String, JSONValue)] = [
        ("rule", .string(diagnostic.rule)),
        ("severity", .string(diagnostic.severity.rawValue)),
        ("file", .string(diagnostic.file)),
      ]
      if let location = diagnostic.location {
        members.append(("line", .integer(location.line)))
        members.append(("column", .integer(location.column)))
      }
      members.append(("message", .string(diagnostic.message)))
      if let hint = diagnostic.hint { members.append(("hint", .string(hint))) }
      return .object(members)
    }
    return JSONValue.object([
      ("version", .integer(version)),
      ("diagnostics", diagnostics),
      ("counts", .object(Severity.allCases.map { ($0.rawValue, .integer(report.count($0))) })),
      ("documents", .integer(report.documentCount)),
    ])
  }
}
