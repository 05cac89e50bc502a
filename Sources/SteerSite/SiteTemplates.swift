import Foundation
import Mustache
import SteerModel
import SteerSummary
import SteerTemplates

/// The site's templates, parsed once for all its pages: the bundled ones of templates/site/,
/// each replaced by the file of the same name in a team's directory, if it has one.
struct SiteTemplates: Sendable {
  let library: MustacheLibrary
  let stylesheet: String
  /// What every page's digest starts from: the templates' text and the version of steer that
  /// renders them, so that changing either writes every page again.
  let identity: PageDigest

  /// The template of a whole page; the others are its partials (`{{> section}}`).
  static let page = "page.html"

  /// The files of the team's directory that replace nothing, each with a warning saying so.
  let unused: [String]

  /// - Parameters:
  ///   - directory: a team's template directory, read there; `shown`, its path as the user gave it.
  init(directory: String?, shown: String? = nil, say: Wording = Wording()) throws {
    _ = SummaryRenderer.registered  // the content types, before a template names one
    var sources: [String: (text: String, file: String)] = [:]
    for path in BundledTemplates.paths where path.hasPrefix("site/") && path.hasSuffix(".mustache") {
      sources[String(path.dropFirst("site/".count).dropLast(".mustache".count))] = (
        BundledTemplates.file(path)!, "templates/" + path
      )
    }
    let replaceable =
      sources.keys.sorted { ($0 == Self.page ? "" : $0) < ($1 == Self.page ? "" : $1) }
      .map { $0 + ".mustache" } + [Self.stylesheetFile]
    var stylesheet = BundledTemplates.file("site/" + Self.stylesheetFile)!
    let files = try directory.map { try TemplateFiles(path: $0, shown: shown ?? $0) }
    if let files {
      if let text = files.text(Self.stylesheetFile), files.names.contains(Self.stylesheetFile) { stylesheet = text }
      for (name, text, file) in files.templates { sources[name] = (text, file) }
    }
    var library = MustacheLibrary()
    try library.register(sources.map { ($0.key, $0.value.text, $0.value.file) })
    self.library = library
    self.stylesheet = stylesheet
    self.unused =
      files.map { files in
        files.unused(replaceable: replaceable, roots: [Self.page], library: library).map {
          TemplateSet.site.unusedWarning(files.shown($0), name: $0, replaceable: replaceable, say)
        }
      } ?? []
    var identity = PageDigest()
    identity.add(SteerVersion.current)
    for (name, source) in sources.sorted(by: { $0.key < $1.key }) { identity.add([name, source.text]) }
    self.identity = identity
  }

  static let stylesheetFile = "style.css"

  func render(_ page: PageView) -> String { library.render(page, withTemplate: Self.page) ?? "" }
}
