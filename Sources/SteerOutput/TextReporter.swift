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
      output += block(diagnostic, source: report.sources[diagnostic.file])
      output += "\n"
    }
    output += summary(report) + "\n"
    return output
  }

  func block(_ diagnostic: Diagnostic, source: [UInt8]?) -> String {
    var heading = diagnostic.file
    if let location = diagnostic.location { heading += ":\(location.line):\(location.column)" }
    let severity = paint(diagnostic.severity.rawValue, diagnostic.severity == .error ? "31;1" : "33;1")
    var lines = ["\(paint(heading, "1")): \(severity)[\(diagnostic.rule)]: \(diagnostic.message)"]
    if let location = diagnostic.location, let source, let text = Self.line(location.line, of: source) {
      let number = String(location.line)
      let gutter = String(repeating: " ", count: number.count)
      // Keep tabs so that the caret lines up under the same column as in the editor.
      let padding = String(text.unicodeScalars.prefix(location.column - 1).map { $0 == "\t" ? "\t" : " " })
      lines.append(" \(number) | \(text)")
      lines.append(" \(gutter) | \(padding)\(paint("^", "32;1"))")
    }
    if let hint = diagnostic.hint { lines.append("  hint: \(hint)") }
    return lines.joined(separator: "\n") + "\n"
  }

  func summary(_ report: Report) -> String {
    let documents = "\(report.documentCount) document\(report.documentCount == 1 ? "" : "s")"
    let errors = report.count(.error)
    let warnings = report.count(.warning)
    if errors == 0 && warnings == 0 { return "No findings in \(documents)." }
    let parts = [(errors, "error"), (warnings, "warning")].filter { $0.0 > 0 }.map {
      "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")"
    }
    return "\(parts.joined(separator: ", ")) in \(documents)."
  }

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// Line `number` (1-based) of a file, without its line break; a leading BOM is dropped.
  static func line(_ number: Int, of bytes: [UInt8]) -> String? {
    var current = 1
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while current < number {
      guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
      start = newline + 1
      current += 1
    }
    guard start <= bytes.count else { return nil }
    var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
