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
    let library = try library(directory, format: format)
    guard let template = library.getTemplate(named: format.templateName) else {
      throw SteerError(
        "there is no template \(format.templateName).mustache\(directory.map { " in \($0)" } ?? "")",
        hint: "a template directory holds summary.html.mustache and summary.md.mustache (see docs/templates.md)")
    }
    return render(model.viewModel, template: template, library: library)
  }

  /// Renders `template` in its top-level pieces over the cores when it can be cut
  /// (`TemplatePieces`), and whole otherwise: the same text either way. A large ledger's page
  /// is otherwise rendered on one core, most of a summary's time.
  static func render(_ viewModel: [String: Any], template: MustacheTemplate, library: MustacheLibrary) -> String {
    guard let pieces = TemplatePieces.split(template.description) else {
      return template.render(viewModel, library: library)
    }
    let model = ReadOnly(viewModel)
    let rendered = pieces.concurrentMap { piece in
      (try? MustacheTemplate(string: piece)).map { $0.render(model.value, library: library) }
    }.compactMap { $0 }
    guard rendered.count == pieces.count else { return template.render(viewModel, library: library) }
    return rendered.joined()
  }

  /// Every `*.mustache` file of the directory (partials may be among them), by name without
  /// extension; without one, the built-in template of the format (they use no partials).
  static func library(_ directory: String?, format: SummaryFormat) throws -> MustacheLibrary {
    _ = registered  // the content types, before a template names one
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

/// A template's text cut at the start of each line that opens a top-level section, each piece
/// starting with the content-type pragma in force where it starts. Mustache renders the
/// top-level tags of a template one after the other from the same context, and decides
/// whether a tag stands alone on its line from that line only, so rendering the pieces and
/// joining them gives the text rendering the whole gives.
enum TemplatePieces {
  /// Nil when there is nothing to cut, or the template uses what a piece could not carry
  /// alone: delimiter changes, inheritance, a pragma inside a section, unbalanced sections.
  static func split(_ text: String) -> [String]? {
    let bytes = Array(text.utf8)
    var starts: [(offset: Int, pragma: ArraySlice<UInt8>)] = [(0, [])]
    var pragma: ArraySlice<UInt8> = []
    var depth = 0
    var lineStart = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\n") { lineStart = index + 1 }
      guard bytes[index] == UInt8(ascii: "{"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") else {
        index += 1
        continue
      }
      let kind = bytes[index + 2]
      let closing = Array((kind == UInt8(ascii: "{") ? "}}}" : "}}").utf8)
      guard let end = bytes[(index + 2)...].firstRange(of: closing)?.upperBound else { return nil }
      switch kind {
      case UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: "$"):
        return nil
      case UInt8(ascii: "#"), UInt8(ascii: "^"):
        let opensLine = bytes[lineStart..<index].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        if depth == 0, opensLine, lineStart > starts[starts.count - 1].offset { starts.append((lineStart, pragma)) }
        depth += 1
      case UInt8(ascii: "/"):
        depth -= 1
        guard depth >= 0 else { return nil }
      case UInt8(ascii: "%"):
        guard depth == 0 else { return nil }
        pragma = bytes[index..<end] + Array("\n".utf8)  // alone on its line: it prints nothing
      default:
        break
      }
      index = end
    }
    guard depth == 0, starts.count > 1 else { return nil }
    return starts.indices.map { position in
      let end = position + 1 < starts.count ? starts[position + 1].offset : bytes.count
      return String(decoding: starts[position].pragma + bytes[starts[position].offset..<end], as: UTF8.self)
    }
  }
}

/// A value read by several threads and written by none, which `Any` inside keeps from being
/// `Sendable`: the view model's dictionaries, arrays, strings and rows are values.
struct ReadOnly<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
