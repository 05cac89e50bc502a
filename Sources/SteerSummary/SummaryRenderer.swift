import Foundation
import Mustache
import SteerModel
import SteerOutput
import SteerTemplates

public enum SummaryFormat: String, CaseIterable, Sendable {
  case md, html

  var templateName: String { "summary.\(rawValue)" }
}

/// Markdown text escaping for `{{% CONTENT_TYPE: MARKDOWN}}` templates: ledger text cannot
/// open a table cell, a link, emphasis or raw HTML.
struct MarkdownContentType: MustacheContentType {
  func escapeText(_ text: String) -> String { Escaping.markdown(text) }
}

/// Text and attribute escaping for HTML (`{{% CONTENT_TYPE: HTML}}`, the bundled template's)
/// and for the charts' SVG.
struct MarkupContentType: MustacheContentType {
  func escapeText(_ text: String) -> String { Escaping.markup(text) }
}

/// Renders a summary through Mustache templates: the ones in templates/summary/ (embedded in
/// the binary), or a team's own directory of `summary.html.mustache` / `summary.md.mustache`.
public enum SummaryRenderer {
  package static let registered: Void = {
    MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    MustacheContentTypes.register(MarkupContentType(), named: "HTML")
  }()

  public static func render(_ model: SummaryModel, format: SummaryFormat, templates directory: String? = nil) throws
    -> String
  {
    let library = try library(directory, format: format)
    guard let template = library.getTemplate(named: format.templateName) else {
      throw SteerError(
        en: "there is no template \(format.templateName).mustache\(directory.map { " in \($0)" } ?? "")",
        fr: "il n'y a pas de modèle \(format.templateName).mustache\(directory.map { " dans \($0)" } ?? "")",
        hint: (
          en: "a template directory holds summary.html.mustache and summary.md.mustache (see docs/templates.md)",
          fr: "un répertoire de modèles contient summary.html.mustache et summary.md.mustache (voir docs/templates.md)"
        ))
    }
    return template.render(model.view, library: library)
  }

  /// Every `*.mustache` file of the directory (partials may be among them), by name without
  /// extension; without one, the built-in template of the format (they use no partials).
  static func library(_ directory: String?, format: SummaryFormat) throws -> MustacheLibrary {
    _ = registered  // the content types, before a template names one
    var library = MustacheLibrary()
    var sources: [(String, String)] = []
    if let directory {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      guard !names.isEmpty else {
        throw SteerError(
          en: "cannot read the template directory \(directory)",
          fr: "impossible de lire le répertoire de modèles \(directory)")
      }
      for name in names where name.hasSuffix(".mustache") {
        guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { continue }
        sources.append((String(name.dropLast(".mustache".count)), text))
      }
    } else {
      sources.append((format.templateName, BundledTemplates.file("summary/\(format.templateName).mustache")!))
    }
    try library.register(sources)
    return library
  }
}

extension MustacheLibrary {
  /// Registers each template (name, text); one that does not parse is a `SteerError` naming it.
  package mutating func register(_ sources: some Sequence<(String, String)>) throws {
    for (name, text) in sources {
      do {
        try register(text, named: name)
      } catch {
        throw SteerError(
          en: "the template \(name).mustache cannot be read: \(error)",
          fr: "le modèle \(name).mustache est illisible : \(String(describing: error))",
          hint: (en: "check its {{tags}}", fr: "vérifiez ses {{balises}}"))
      }
    }
  }
}
