import SteerChecks
import SteerMetrics
import SteerModel

/// Where each document's page is, its title, and who names it; made once for the whole site,
/// then `rooted` at each page's folder.
struct Links: Sendable {
  let site: Site
  /// Document file → its page.
  let pageOfFile: [String: String]
  /// Page → its title and the noun of its kind.
  let titles: [String: (title: String, kind: String)]
  /// Page → the pages that name its document, each once.
  let referrers: [String: [String]]
  /// Use case → the retrospectives that deliver it, with the delivery.
  let deliveries: [String: [(Retro, Delivery)]]
  /// Objective → its indicators' progress.
  let indicators: [String: [IndicatorProgress]]
  /// Indicator → the objective that declares it.
  let objectiveOfIndicator: [String: String]
  /// Indicator → its measurements (date, value).
  let measurements: [String: [(CalendarDate, Double)]]
  /// Page of a use case, objective, iteration or workshop → the decisions that concern it or
  /// that it prepared, by date: listed in a section of their own rather than among its backlinks.
  let decisionsOfPage: [String: [Decision]]
  /// A decision's page → the decisions that supersede it.
  let supersededBy: [String: [Decision]]
  /// The way back to the site's root from the page being written (`../` as deep as it is).
  private(set) var root = ""

  /// The same links, written from a page `root` below the site's root.
  func rooted(_ root: String) -> Links {
    var links = self
    links.root = root
    return links
  }

  init(_ site: Site) {
    self.site = site
    let ledger = site.ledger
    let say = site.say
    var pageOfFile: [String: String] = [:]
    var titles: [String: (String, String)] = [:]
    func add(_ file: String, _ page: String, _ title: String, _ noun: String) {
      pageOfFile[file] = page
      titles[page] = (title, noun)
    }
    if let vision = ledger.vision { add(vision.file, "vision.html", vision.title, say.vision.lowercased()) }
    for stakeholder in ledger.stakeholders where site.model.nameable(stakeholder.id) {
      add(stakeholder.file, Self.path(.stakeholder, stakeholder.id), stakeholder.name, EntityKind.stakeholder.noun(say))
    }
    for objective in ledger.objectives {
      add(objective.file, Self.path(.objective, objective.id), objective.title, EntityKind.objective.noun(say))
    }
    for useCase in ledger.useCases {
      add(useCase.file, Self.path(.usecase, useCase.id), useCase.title, EntityKind.usecase.noun(say))
    }
    for workshop in ledger.workshops {
      add(workshop.file, Self.path(.workshop, workshop.id), workshop.name(say), EntityKind.workshop.noun(say))
    }
    for iteration in ledger.iterations {
      add(iteration.file, Self.path(.iteration, iteration.id), iteration.title, EntityKind.iteration.noun(say))
    }
    for retro in ledger.retros {
      let title = site.model.index.iterations[retro.iteration]?.title ?? retro.iteration
      add(retro.file, Self.retroPath(retro.iteration), say.retroOf(title), DocumentKind.retro.noun(say))
    }
    for decision in ledger.decisions {
      add(decision.file, Self.path(.decision, decision.id), decision.title, EntityKind.decision.noun(say))
    }
    self.pageOfFile = pageOfFile
    self.titles = titles
    (decisionsOfPage, supersededBy) = Self.decisionLinks(ledger, site.model.index, pageOfFile)
    referrers = Self.referrers(ledger, site.model.index, pageOfFile)
    var deliveries: [String: [(Retro, Delivery)]] = [:]
    for retro in ledger.retros {
      for delivery in retro.delivered { deliveries[delivery.useCase.value, default: []].append((retro, delivery)) }
    }
    self.deliveries = deliveries
    // Retrospectives' and series files' measurements, one series.
    measurements = ledger.measurementsByIndicator.mapValues { $0.map { ($0.date, $0.value) } }
    indicators = Dictionary(grouping: site.model.metrics.indicators, by: \.objective)
    var objectiveOfIndicator: [String: String] = [:]
    for objective in ledger.objectives {
      for indicator in objective.indicators where objectiveOfIndicator[indicator.id.value] == nil {
        objectiveOfIndicator[indicator.id.value] = objective.id
      }
    }
    self.objectiveOfIndicator = objectiveOfIndicator
  }

  /// Page → the pages that name its document, each once, in the order the ledger names them.
  private static func referrers(_ ledger: Ledger, _ index: LedgerIndex, _ pageOfFile: [String: String]) -> [String:
    [String]]
  {
    var referrers: [String: [String]] = [:]
    var seen: Set<[String]> = []
    for reference in ledger.references where reference.field != Reference.fileNameField {
      // A decision's `concerns` may name a use case, an objective, an iteration…: any of its kinds.
      guard let declaration = index.firstDeclarations[reference.id], reference.kinds.contains(declaration.kind),
        let target = pageOfFile[declaration.file], let source = pageOfFile[reference.file], source != target,
        seen.insert([target, source]).inserted
      else { continue }
      referrers[target, default: []].append(source)
    }
    return referrers
  }

  /// The decisions each page lists (those that concern its use case, objective or iteration,
  /// those its workshop prepared), and the decisions that supersede each decision.
  private static func decisionLinks(_ ledger: Ledger, _ index: LedgerIndex, _ pageOfFile: [String: String]) -> (
    [String: [Decision]], [String: [Decision]]
  ) {
    func pages(_ ids: [Located<String>], of kinds: Set<EntityKind>) -> [String] {
      ids.compactMap { id in
        index.firstDeclarations[id.value].flatMap { kinds.contains($0.kind) ? pageOfFile[$0.file] : nil }
      }
    }
    var ofPage: [String: [Decision]] = [:]
    var supersededBy: [String: [Decision]] = [:]
    for decision in ledger.decisions.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
      let concerned = pages(decision.concerns, of: [.usecase, .objective, .iteration])
      for page in Set(concerned + pages(decision.workshops, of: [.workshop])) {
        ofPage[page, default: []].append(decision)
      }
      for old in Set(decision.supersedes.map(\.value)) {
        supersededBy[Self.path(.decision, old), default: []].append(decision)
      }
    }
    return (ofPage, supersededBy)
  }

  static func path(_ kind: EntityKind, _ id: String) -> String {
    "\(kind.directoryKind?.directory ?? kind.rawValue)/\(id).html"
  }

  static func retroPath(_ iteration: String) -> String { "retros/\(iteration).html" }

  /// A page's address from the page being written.
  func href(_ page: String) -> String { root + page }

  /// The page of a document file, if the site has one.
  func page(ofFile file: String) -> String? { pageOfFile[file] }

  /// An id as a link to its page with its title, or as text when the site has no page for it
  /// (a stakeholder the public edition does not name stands as their group).
  func linked(_ kind: EntityKind, _ id: String) -> Part {
    let target = Self.path(kind, id)
    if let page = titles[target] { return .link(page.title, href: href(target)) }
    if kind == .stakeholder, site.model.index.stakeholders[id] != nil {
      return .text(site.say.memberOfGroup(site.model.groupOf(id).word(site.say)))
    }
    return .text(id)
  }

  /// People: those who may be named, linked; the others counted by group.
  func people(_ ids: [String]) -> [Part] {
    let named = ids.filter { site.model.nameable($0) }
    var others: [String: Int] = [:]
    for id in ids where !site.model.nameable(id) { others[site.model.groupOf(id).word(site.say), default: 0] += 1 }
    return named.map { linked(.stakeholder, $0) }
      + others.keys.sorted().map { .text(site.say.membersOfGroup(others[$0]!, $0)) }
  }

  /// The documents that name a page's, by kind then title: each its title and its kind.
  func backlinks(to page: String) -> [Line] {
    // Decisions a page lists in a section of their own, or as those that supersede it.
    let listed = Set(((decisionsOfPage[page] ?? []) + (supersededBy[page] ?? [])).map { Self.path(.decision, $0.id) })
    return (referrers[page] ?? []).filter { !listed.contains($0) }.compactMap { source in
      titles[source].map { (source, $0.title, $0.kind) }
    }
    .sorted { ($0.2, $0.1) < ($1.2, $1.1) }
    .map { Line([.link($0.1, href: href($0.0)), .text(" "), .tag($0.2)]) }
  }
}
