import SteerChecks
import SteerModel

/// `--format json`: the shape of checks.md, diagnostics in their sorted order.
public enum JSONReporter {
  public static let version = 1

  public static func render(_ report: Report) -> String {
    let diagnostics = report.diagnostics.map { diagnostic -> JSONValue in
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
    let document = JSONValue.object([
      ("version", .integer(version)),
      ("diagnostics", .array(diagnostics)),
      ("counts", .object(Severity.allCases.map { ($0.rawValue, .integer(report.count($0))) })),
      ("documents", .integer(report.documentCount)),
    ])
    return document.serialized() + "\n"
  }
}
