import Foundation
import Mustache
import SteerModel
import SteerTemplates

public enum SummaryFormat: String, CaseIterable, Sendable {
  case md, html

  var templateName: String { "summary.\(rawValue)" }
}

/// Markdown text escaping for `{{% CONTENT_TYPE: MARKDOWN}}` templates: ledger text cannot
/// open a table cell, a link, emphasis or raw HTML.
struct MarkdownContentType: MustacheContentType {
  func escapeText(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": escaped += "\\\(character)"
      case "\n", "\r": escaped += " "
      default: escaped.append(character)
      }
    }
    return escaped
  }
}

/// Text and attribute escaping for HTML (`{{% CONTENT_TYPE: HTML}}`, the bundled template's)
/// and for the charts' SVG: the five characters of Mustache's own escaping, and the control
/// characters XML forbids dropped. Its own because Mustache's looks every character up in a
/// dictionary, a tenth of a large summary's time, where most texts need nothing done.
struct MarkupContentType: MustacheContentType {
  func escapeText(_ text: String) -> String {
    let needsWork = text.utf8.contains { byte in
      byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
    guard needsWork else { return text }  // no copy
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t": continue
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}

/// Renders a summary through Mustache templates: the ones in templates/summary/ (embedded in
/// the binary), or a team's own directory of `summary.html.mustache` / `summary.md.mustache`.
public enum SummaryRenderer {
  private static let registered: Void = {
    MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    MustacheContentTypes.register(MarkupContentType(), named: "HTML")
  }()

  public static func render(_ model: SummaryModel, format: SummaryFormat, templates directory: String? = nil) throws
    -> String
  {
    _ = registered
    let library = try library(directory)
    guard library.getTemplate(named: format.templateName) != nil else {
      throw SteerError(
        "there is no template \(format.templateName).mustache\(directory.map { " in \($0)" } ?? "")",
        hint: "a template directory holds summary.html.mustache and summary.md.mustache (see docs/templates.md)")
    }
    return library.render(model.viewModel, withTemplate: format.templateName) ?? ""
  }

  /// Every `*.mustache` file of the directory (or of templates/summary/), by name without extension.
  static func library(_ directory: String?) throws -> MustacheLibrary {
    var library = MustacheLibrary()
    var sources: [(String, String)] = []
    if let directory {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      guard !names.isEmpty else { throw SteerError("cannot read the template directory \(directory)") }
      for name in names where name.hasSuffix(".mustache") {
        guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { continue }
        sources.append((String(name.dropLast(".mustache".count)), text))
      }
    } else {
      for path in BundledTemplates.paths where path.hasPrefix("summary/") && path.hasSuffix(".mustache") {
        sources.append(
          (String(path.dropFirst("summary/".count).dropLast(".mustache".count)), BundledTemplates.file(path)!))
      }
    }
    for (name, text) in sources {
      do {
        try library.register(text, named: name)
      } catch {
        throw SteerError("the template \(name).mustache cannot be read: \(error)", hint: "check its {{tags}}")
      }
    }
    return library
  }
}
