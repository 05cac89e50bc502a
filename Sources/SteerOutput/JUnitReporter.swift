import SteerChecks
import SteerModel

/// `--format junit`: one test suite per kind of document, one test case per document (its
/// path, unique); a document fails when it has a finding that fails the run (errors, and
/// warnings with `--strict`). Other findings go to the test case's `system-out`.
public enum JUnitReporter {
  public static func render(_ report: Report) -> String {
    var byFile: [String: [Diagnostic]] = [:]
    for diagnostic in report.diagnostics { byFile[diagnostic.file, default: []].append(diagnostic) }
    // Files with findings that are not documents (.steer.yaml, a misplaced file, the ledger itself).
    let files = Set(report.documentPaths).union(byFile.keys)
    let suites = Dictionary(grouping: files.sorted(), by: suite(of:))

    let say = Wording(report.language)
    var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#]
    let totalFailures = files.count { (byFile[$0] ?? []).contains(where: report.fails) }
    lines.append(#"<testsuites name="steer check" tests="\#(files.count)" failures="\#(totalFailures)">"#)
    for name in suites.keys.sorted() {
      let cases = suites[name]!
      let failures = cases.count { (byFile[$0] ?? []).contains(where: report.fails) }
      lines.append(#"  <testsuite name="\#(escape(name))" tests="\#(cases.count)" failures="\#(failures)">"#)
      for file in cases {
        let diagnostics = byFile[file] ?? []
        let failing = diagnostics.filter(report.fails)
        let other = diagnostics.filter { !report.fails($0) }
        let open = #"    <testcase classname="\#(escape(name))" name="\#(escape(file))""#
        if diagnostics.isEmpty {
          lines.append(open + "/>")
          continue
        }
        lines.append(open + ">")
        if !failing.isEmpty {
          let count = say.count(failing.count, en: ("finding", "findings"), fr: ("constat", "constats"))
          let message = say(en: "\(count): \(failing[0].message)", fr: "\(count) : \(failing[0].message)")
          lines.append(#"      <failure message="\#(escape(message))" type="\#(escape(failing[0].rule))">"#)
          lines += failing.map { "        " + escape(describe($0, report, say)) }
          lines.append("      </failure>")
        }
        if !other.isEmpty {
          lines.append("      <system-out>")
          lines += other.map { "        " + escape(describe($0, report, say)) }
          lines.append("      </system-out>")
        }
        lines.append("    </testcase>")
      }
      lines.append("  </testsuite>")
    }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The text reporter's heading line, the hint after the message.
  private static func describe(_ diagnostic: Diagnostic, _ report: Report, _ say: Wording) -> String {
    let place = diagnostic.file + (diagnostic.location.map { ":\($0.line):\($0.column)" } ?? "")
    return "\(place): \(diagnostic.severity.word(say))[\(diagnostic.rule)]: \(report.messageWithHint(diagnostic))"
  }

  /// The suite a file belongs to: the kind of document its directory holds.
  static func suite(of file: String) -> String {
    let components = file.split(separator: "/").map(String.init)
    if components.last == DocumentKind.visionFileName { return DocumentKind.vision.rawValue }
    if components.count >= 2, let kind = DocumentKind.forDirectory(components[components.count - 2]) {
      return kind.rawValue
    }
    return file == Configuration.fileName ? "configuration" : "ledger"
  }

  private static func escape(_ text: String) -> String { Escaping.markup(text, encodingLineBreaks: true) }
}
