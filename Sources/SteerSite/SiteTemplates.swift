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

  init(directory: String?) throws {
    _ = SummaryRenderer.registered  // the content types, before a template names one
    var sources: [String: String] = [:]
    for path in BundledTemplates.paths where path.hasPrefix("site/") && path.hasSuffix(".mustache") {
      sources[String(path.dropFirst("site/".count).dropLast(".mustache".count))] = BundledTemplates.file(path)!
    }
    var stylesheet = BundledTemplates.file("site/style.css")!
    if let directory {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
        throw SteerError(
          en: "cannot read the template directory \(directory)",
          fr: "impossible de lire le répertoire de modèles \(directory)")
      }
      for name in names where name.hasSuffix(".mustache") || name == "style.css" {
        guard let text = try? String(contentsOfFile: directory + "/" + name, encoding: .utf8) else { continue }
        if name == "style.css" {
          stylesheet = text
        } else {
          sources[String(name.dropLast(".mustache".count))] = text
        }
      }
    }
    var library = MustacheLibrary()
    try library.register(sources.map { ($0.key, $0.value) })
    self.library = library
    self.stylesheet = stylesheet
    var identity = PageDigest()
    identity.add(SteerVersion.current)
    for (name, source) in sources.sorted(by: { $0.key < $1.key }) { identity.add([name, source]) }
    self.identity = identity
  }

  func render(_ page: PageView) -> String { library.render(page, withTemplate: Self.page) ?? "" }
}
