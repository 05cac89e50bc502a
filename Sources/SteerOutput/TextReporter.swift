import SteerChecks
import SteerModel

/// `--format text`: `path:line:column: severity[rule]: message`, the source line with a
/// caret under the column, the hint, and a closing count line. Colour only when asked
/// (the command asks on a terminal without NO_COLOR).
public struct TextReporter: Sendable {
  public var color: Bool

  public init(color: Bool = false) { self.color = color }

  public func render(_ report: Report) -> String {
    let say = Wording(report.language)
    let words = Words(say)
    var output = ""
    for diagnostic in report.diagnostics {
      append(
        diagnostic, excerpt: report.excerpt(of: diagnostic), words: words,
        to: &output)
      output += "\n"
    }
    output += summary(report) + "\n"
    return output
  }

  /// Appends one diagnostic's block: thousands of them make a report, so no intermediate lists.
  /// The words of every block, looked up once per report.
  struct Words {
    let error: String
    let warning: String
    let hint: String

    init(_ say: Wording) {
      error = Severity.error.word(say)
      warning = Severity.warning.word(say)
      hint = say(en: "hint:", fr: "conseil :")
    }
  }

  func append(_ diagnostic: Diagnostic, excerpt: (text: String, column: Int)?, words: Words, to output: inout String) {
    var heading = diagnostic.file
    if let location = diagnostic.location {
      heading += ":"
      heading += String(location.line)
      heading += ":"
      heading += String(location.column)
    }
    output += paint(heading, "1")
    output += ": "
    output += diagnostic.severity == .error ? paint(words.error, "31;1") : paint(words.warning, "33;1")
    output += "["
    output += diagnostic.rule
    output += "]: "
    output += diagnostic.message
    output += "\n"
    if let location = diagnostic.location, let excerpt {
      let number = String(location.line)
      output += " "
      output += number
      output += " | "
      output += excerpt.text
      output += "\n "
      output += String(repeating: " ", count: number.utf8.count)
      output += " | "
      // Keep tabs so that the caret lines up under the same column as in the editor.
      for scalar in excerpt.text.unicodeScalars.prefix(excerpt.column - 1) { output += scalar == "\t" ? "\t" : " " }
      output += paint("^", "32;1")
      output += "\n"
    }
    if let hint = diagnostic.hint {
      output += "  "
      output += words.hint
      output += " "
      output += hint
      output += "\n"
    }
  }

  func summary(_ report: Report) -> String {
    let say = Wording(report.language)
    let count = report.documentCount
    let documents = say.count(count, en: ("document", "documents"), fr: ("document", "documents"))
    let errors = report.count(.error)
    let warnings = report.count(.warning)
    let baselined = report.baselined.flatMap { $0.count > 0 ? say.reportBaselined($0.count, $0.file) : nil } ?? ""
    if errors == 0 && warnings == 0 { return say.reportNone(documents, baselined) }
    var parts: [String] = []
    if errors > 0 { parts.append(say.count(errors, en: ("error", "errors"), fr: ("erreur", "erreurs"))) }
    if warnings > 0 {
      parts.append(say.count(warnings, en: ("warning", "warnings"), fr: ("avertissement", "avertissements")))
    }
    return say.reportCounts(parts.joined(separator: ", "), documents, baselined)
  }

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
}

extension Wording {
  func reportNone(_ documents: String, _ baselined: String) -> String {
    self(
      en: "No findings in \(documents)\(baselined).",
      fr: "Aucun constat dans \(documents)\(baselined).")
  }

  func reportCounts(_ parts: String, _ documents: String, _ baselined: String) -> String {
    self(
      en: "\(parts) in \(documents)\(baselined).",
      fr: "\(parts) dans \(documents)\(baselined).")
  }

  /// `; 3 known findings left out by the baseline base.json`, after the counts.
  func reportBaselined(_ count: Int, _ file: String) -> String {
    let findings = self.count(count, en: ("known finding", "known findings"), fr: ("constat connu", "constats connus"))
    return self(
      en: "; \(findings) left out by the baseline \(file)",
      fr:
        " ; \(findings) \(agreeing(with: count, en: ("", ""), fr: ("laissé", "laissés"))) de côté par la référence \(file)"
    )
  }
}
