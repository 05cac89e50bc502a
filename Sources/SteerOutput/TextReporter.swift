import SteerModel

/// `--format text`: `path:line:column: severity[rule]: message`, the source line with a
/// caret under the column, the hint, and a closing count line. Colour only when asked
/// (the command asks on a terminal without NO_COLOR).
public struct TextReporter: Sendable {
  public var color: Bool

  public init(color: Bool = false) { self.color = color }

  public func render(_ report: Report) -> String {
    var output = ""
    for diagnostic in report.diagnostics {
      output += block(
        diagnostic, line: diagnostic.location.flatMap { report.line($0.line, of: diagnostic.file) },
        say: Wording(report.language))
      output += "\n"
    }
    output += summary(report) + "\n"
    return output
  }

  func block(_ diagnostic: Diagnostic, line text: String?, say: Wording) -> String {
    var heading = diagnostic.file
    if let location = diagnostic.location { heading += ":\(location.line):\(location.column)" }
    let severity = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "31;1" : "33;1")
    var lines = ["\(paint(heading, "1")): \(severity)[\(diagnostic.rule)]: \(diagnostic.message)"]
    if let location = diagnostic.location, let text {
      let number = String(location.line)
      let gutter = String(repeating: " ", count: number.count)
      // Keep tabs so that the caret lines up under the same column as in the editor.
      let padding = String(text.unicodeScalars.prefix(location.column - 1).map { $0 == "\t" ? "\t" : " " })
      lines.append(" \(number) | \(text)")
      lines.append(" \(gutter) | \(padding)\(paint("^", "32;1"))")
    }
    if let hint = diagnostic.hint { lines.append("  \(say("report.hint")): \(hint)") }
    return lines.joined(separator: "\n") + "\n"
  }

  func summary(_ report: Report) -> String {
    let say = Wording(report.language)
    let count = report.documentCount
    let documents = say(count == 1 ? "report.document" : "report.documents", count)
    let errors = report.count(.error)
    let warnings = report.count(.warning)
    if errors == 0 && warnings == 0 { return say("report.none", documents) }
    var parts: [String] = []
    if errors > 0 { parts.append(say(errors == 1 ? "report.error" : "report.errors", errors)) }
    if warnings > 0 { parts.append(say(warnings == 1 ? "report.warning" : "report.warnings", warnings)) }
    return say("report.counts", parts.joined(separator: ", "), documents)
  }

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}
