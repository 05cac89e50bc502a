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
    text.replacingASCII { byte in
      switch byte {
      case UInt8(ascii: "\\"): #"\\"#
      case UInt8(ascii: "`"): #"\`"#
      case UInt8(ascii: "*"): #"\*"#
      case UInt8(ascii: "_"): #"\_"#
      case UInt8(ascii: "["): #"\["#
      case UInt8(ascii: "]"): #"\]"#
      case UInt8(ascii: "<"): #"\<"#
      case UInt8(ascii: ">"): #"\>"#
      case UInt8(ascii: "|"): #"\|"#
      case UInt8(ascii: "#"): ##"\#"##
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"): " "
      default: nil
      }
    }
  }
}

/// Text and attribute escaping for HTML (`{{% CONTENT_TYPE: HTML}}`, the bundled template's)
/// and for the charts' SVG: the five characters of Mustache's own escaping, and the control
/// characters XML forbids dropped. Its own because Mustache's looks every character up in a
/// dictionary, a tenth of a large summary's time, where most texts need nothing done.
struct MarkupContentType: MustacheContentType {
  func escapeText(_ text: String) -> String {
    text.replacingASCII { byte in
      switch byte {
      case UInt8(ascii: "&"): "&amp;"
      case UInt8(ascii: "<"): "&lt;"
      case UInt8(ascii: ">"): "&gt;"
      case UInt8(ascii: "\""): "&quot;"
      case UInt8(ascii: "'"): "&#39;"
      case UInt8(ascii: "\n"), UInt8(ascii: "\t"): nil
      case ..<0x20: ""
      default: nil
      }
    }
  }
}

extension String {
  /// The text with every ASCII byte that `replacement` gives a replacement for replaced; the
  /// text itself, not a copy, when there is none. Byte by byte because a large summary escapes
  /// hundreds of thousands of texts: no byte of a multi-byte character is ASCII, so those pass whole.
  func replacingASCII(_ replacement: (UInt8) -> String?) -> String {
    guard utf8.contains(where: { $0 < 0x80 && replacement($0) != nil }) else { return self }
    var escaped: [UInt8] = []
    escaped.reserveCapacity(utf8.count + 16)
    for byte in utf8 {
      if byte < 0x80, let replaced = replacement(byte) { escaped += replaced.utf8 } else { escaped.append(byte) }
    }
    return String(decoding: escaped, as: UTF8.self)
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
    let library = try library(directory, format: format)
    guard library.getTemplate(named: format.templateName) != nil else {
      throw SteerError(
        "there is no template \(format.templateName).mustache\(directory.map { " in \($0)" } ?? "")",
        hint: "a template directory holds summary.html.mustache and summary.md.mustache (see docs/templates.md)")
    }
    return library.render(model.viewModel, withTemplate: format.templateName) ?? ""
  }

  /// Every `*.mustache` file of the directory (partials may be among them), by name without
  /// extension; without one, the built-in template of the format (they use no partials).
  static func library(_ directory: String?, format: SummaryFormat) throws -> MustacheLibrary {
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
      sources.append((format.templateName, BundledTemplates.file("summary/\(format.templateName).mustache")!))
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
