import SteerConcurrency
import SteerModel
import SteerOutput
import SteerSummary

/// `steer site`: the ledger as a static site of many pages — an index, a page per document
/// with its fields written for people, its body and the documents that name it, the roadmap,
/// the lessons, the decision register and (technical) the findings. Relative links only: it works from
/// `file://` and under any sub-path of a web server. No script; one stylesheet. Each page is a
/// `PageView` rendered by the templates of templates/site/ (or a team's own).
public struct Site: Sendable {
  let model: SummaryModel
  /// The commit each recorded iteration's tag points at (`steer/iteration/ID`), for journeys.
  let recordedCommits: [String: String]
  let templates: SiteTemplates

  /// Where `steer site` writes the export for the site's audience (docs/open-data.md), which
  /// every page's footer links.
  public static let openDataDirectory = "data/"
  static let openDataPackage = openDataDirectory + "datapackage.json"

  /// - Parameters:
  ///   - templates: a directory whose `*.mustache` files (and `style.css`) replace the bundled
  ///     ones of the same name; `shownTemplates`, its path as the user gave it.
  public init(
    _ model: SummaryModel, recordedCommits: [String: String] = [:], templates: String? = nil,
    shownTemplates: String? = nil
  ) throws {
    self.model = model
    self.recordedCommits = recordedCommits
    self.templates = try SiteTemplates(directory: templates, shown: shownTemplates, say: model.localizer.say)
  }

  /// A warning for each file of the team's template directory that replaces nothing.
  public var unusedTemplateWarnings: [String] { templates.unused }

  /// A page: its path in the site, the digest of what it shows (its value and the templates
  /// that render it), and its HTML, unless it was not rendered because it is unchanged.
  public struct Page: Sendable {
    public var path: String
    public var digest: UInt64
    public var html: String?
  }

  var l: Localizer { model.localizer }
  var say: Wording { l.say }
  var ledger: Ledger { model.ledger }
  var audience: Audience { model.audience }

  /// Every page of the site, and its stylesheet. Pages are independent: they are made over
  /// the cores. Those for which `unchanged` answers true, given their path and digest, are
  /// not rendered (their `html` is nil).
  public func pages(unchanged: @Sendable (_ path: String, _ digest: UInt64) -> Bool = { _, _ in false }) -> [Page] {
    let site = Links(self)
    let frame = self.frame
    let navigation = self.navigation
    let pages = pageSpecs.concurrentMap(chunk: 64, state: {}) { _, spec in
      let links = site.rooted(String(repeating: "../", count: spec.path.split(separator: "/").count - 1))
      var page = spec.content(links)
      page.frame = frame
      page.frame.homeHref = links.href("index.html")
      page.frame.stylesheetHref = links.href("style.css")
      page.frame.openDataHref = links.href(Self.openDataPackage)
      page.frame.calendarHref = links.href(Self.calendarFile)
      page.frame.navigation = navigation.map {
        NavigationEntry(href: links.href($0.page), label: $0.label, current: $0.page == spec.path)
      }
      page.frame.backlinks = links.backlinks(to: spec.path)
      var digest = templates.identity
      digest.add(page)
      guard !unchanged(spec.path, digest.value) else { return Page(path: spec.path, digest: digest.value, html: nil) }
      page.bodyHTML = page.body?.html ?? ""
      return Page(path: spec.path, digest: digest.value, html: templates.render(page))
    }
    var stylesheet = PageDigest()
    stylesheet.add(templates.stylesheet)
    return pages + [Page(path: "style.css", digest: stylesheet.value, html: templates.stylesheet)]
  }

  /// Each page's path and how it is made.
  var pageSpecs: [(path: String, content: @Sendable (Links) -> PageView)] {
    var specs: [(path: String, content: @Sendable (Links) -> PageView)] = [("index.html", { index($0) })]
    if let vision = ledger.vision { specs.append(("vision.html", { visionPage(vision, $0) })) }
    for stakeholder in ledger.stakeholders where model.nameable(stakeholder.id) {
      specs.append((Links.path(.stakeholder, stakeholder.id), { stakeholderPage(stakeholder, $0) }))
    }
    for objective in ledger.objectives {
      specs.append((Links.path(.objective, objective.id), { objectivePage(objective, $0) }))
    }
    for useCase in ledger.useCases { specs.append((Links.path(.usecase, useCase.id), { useCasePage(useCase, $0) })) }
    for workshop in ledger.workshops {
      specs.append((Links.path(.workshop, workshop.id), { workshopPage(workshop, $0) }))
    }
    for iteration in ledger.iterations {
      specs.append((Links.path(.iteration, iteration.id), { iterationPage(iteration, $0) }))
    }
    for retro in ledger.retros { specs.append((Links.retroPath(retro.iteration), { retroPage(retro, $0) })) }
    for decision in ledger.decisions {
      specs.append((Links.path(.decision, decision.id), { decisionPage(decision, $0) }))
    }
    specs.append(("roadmap.html", { roadmapPage($0) }))
    specs.append(("lessons.html", { lessonsPage($0) }))
    specs.append(("decisions.html", { registerPage($0) }))
    if audience == .technical { specs.append(("findings.html", { findingsPage($0) })) }
    return specs
  }

  /// What every page's frame shows, whatever its folder.
  var frame: Frame {
    var frame = Frame()
    frame.lang = l.language.rawValue
    frame.siteTitle = siteTitle
    frame.labels = FrameLabels(
      navigation: say.siteNavigation, namedBy: say.namedBy, nothingYet: say.nothingYet, openData: say.openData,
      calendar: say.calendar)
    frame.footer = say.siteGenerated(on: l.date(model.input.today))
    return frame
  }

  var siteTitle: String { ledger.vision?.territory ?? ledger.directory }

  /// The site's own pages, on every page's navigation.
  var navigation: [(page: String, label: String)] {
    var entries = [
      ("index.html", say.home), ("vision.html", say.vision), ("roadmap.html", say.roadmap),
      ("lessons.html", say.lessons), ("decisions.html", say.decisions),
    ]
    if audience == .technical { entries.append(("findings.html", say.findings)) }
    return entries
  }
}

extension String {
  /// With its first letter in capital.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
