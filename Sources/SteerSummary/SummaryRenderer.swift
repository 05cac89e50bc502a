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

  /// - Parameters:
  ///   - directory: a team's template directory, read there; `shown`, its path as the user gave it.
  public static func render(
    _ model: SummaryModel, format: SummaryFormat, templates directory: String? = nil, shown: String? = nil
  ) throws -> String {
    let files = try directory.map { try TemplateFiles(path: $0, shown: shown ?? $0) }
    let library = try library(files, format: format)
    guard let template = library.getTemplate(named: format.templateName) else {
      let shown = files?.shown
      throw SteerError(
        en: "there is no template \(format.templateName).mustache\(shown.map { " in \($0)" } ?? "")",
        fr: "il n'y a pas de modèle \(format.templateName).mustache\(shown.map { " dans \($0)" } ?? "")",
        hint: (
          en: "a template directory holds summary.html.mustache and summary.md.mustache (see docs/templates.md)",
          fr: "un répertoire de modèles contient summary.html.mustache et summary.md.mustache (voir docs/templates.md)"
        ))
    }
    return template.render(model.view, library: library)
  }

  /// The files of a team's template directory that replace no summary template and that no
  /// template includes, each with a warning saying so (`shown`: the directory as the user gave it).
  public static func unusedTemplates(in directory: String, shown: String, _ say: Wording) throws -> [String] {
    _ = registered  // the content types, before a template names one
    let files = try TemplateFiles(path: directory, shown: shown)
    var library = MustacheLibrary()
    try library.register(files.templates)
    let replaceable = SummaryFormat.allCases.map { $0.templateName + ".mustache" }
    return files.unused(
      replaceable: replaceable, roots: SummaryFormat.allCases.map(\.templateName), library: library
    ).map { TemplateSet.summary.unusedWarning(files.shown($0), name: $0, replaceable: replaceable, say) }
  }

  /// Every `*.mustache` file of the directory (partials may be among them), by name without
  /// extension; without one, the built-in template of the format (they use no partials).
  static func library(_ files: TemplateFiles?, format: SummaryFormat) throws -> MustacheLibrary {
    _ = registered  // the content types, before a template names one
    var library = MustacheLibrary()
    if let files {
      try library.register(files.templates)
    } else {
      let name = format.templateName
      try library.register([
        (name, BundledTemplates.file("summary/\(name).mustache")!, "templates/summary/\(name).mustache")
      ])
    }
    return library
  }
}
