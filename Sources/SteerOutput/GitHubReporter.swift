import SteerChecks
import SteerModel

/// `--format github`: workflow commands that annotate a pull request. GitHub shows at most 10
/// errors and 10 warnings per step, so the most severe come first and a closing notice counts
/// what was left out. `GitHubReporter.summary` is the Markdown table for `$GITHUB_STEP_SUMMARY`.
public enum GitHubReporter {
  public static let shownPerSeverity = 10

  public static func render(_ report: Report) -> String {
    var lines: [String] = []
    var left = 0
    for severity in Severity.allCases {
      let diagnostics = report.diagnostics.filter { $0.severity == severity }
      left += max(0, diagnostics.count - shownPerSeverity)
      for diagnostic in diagnostics.prefix(shownPerSeverity) {
        var properties = [("file", diagnostic.file)]
        if let location = diagnostic.location {
          properties.append(("line", String(location.line)))
          properties.append(("col", String(location.column)))
          if let end = report.endColumn(of: diagnostic) { properties.append(("endColumn", String(end - 1))) }
        }
        properties.append(("title", "steer \(diagnostic.rule)"))
        let message = report.messageWithHint(diagnostic, separator: "\n")
        let list = properties.map { "\($0)=\(escapeProperty($1))" }.joined(separator: ",")
        lines.append("::\(severity.rawValue) \(list)::\(escapeData(message))")
      }
    }
    if left > 0 {
      lines.append(
        "::notice title=steer::\(left) more finding\(left == 1 ? "" : "s") not shown here (GitHub shows \(shownPerSeverity) errors and \(shownPerSeverity) warnings per step); see the job log or the step summary"
      )
    }
    lines.append(TextReporter().summary(report))
    return lines.joined(separator: "\n") + "\n"
  }

  /// A Markdown table of every finding, for `$GITHUB_STEP_SUMMARY`.
  public static func summary(_ report: Report) -> String {
    var lines = ["### steer check", "", TextReporter().summary(report), ""]
    guard !report.diagnostics.isEmpty else { return lines.joined(separator: "\n") + "\n" }
    let say = Wording(report.language)
    lines += [
      say(en: "| severity | rule | where | message |", fr: "| gravité | règle | emplacement | message |"),
      "|---|---|---|---|",
    ]
    for diagnostic in report.diagnostics {
      let place = diagnostic.file + (diagnostic.location.map { ":\($0.line):\($0.column)" } ?? "")
      lines.append(
        "| \(diagnostic.severity.word(say)) | `\(diagnostic.rule)` | `\(place)` | \(Escaping.markdown(diagnostic.message)) |"
      )
    }
    return lines.joined(separator: "\n") + "\n\n"
  }

  /// GitHub's escaping of a command's message.
  static func escapeData(_ text: String) -> String {
    Escaping.percent(text) { $0 != UInt8(ascii: "%") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") }
  }

  /// GitHub's escaping of a command's property: the message's, plus `:` and `,`.
  static func escapeProperty(_ text: String) -> String {
    Escaping.percent(text) {
      $0 != UInt8(ascii: "%") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: ":")
        && $0 != UInt8(ascii: ",")
    }
  }
}
