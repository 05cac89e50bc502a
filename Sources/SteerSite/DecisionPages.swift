import SteerModel
import SteerSummary

/// The decision register: its timeline, a page per decision, and the decisions each use case,
/// objective, iteration and workshop lists.
extension Site {
  /// The register by year, oldest first; the use cases abandoned (a decision too); the
  /// decisions the workshops noted.
  func registerPage(_ links: Links) -> PageView {
    var page = PageView(title: say.decisions)
    let decisions = ledger.decisions.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    let byYear = Dictionary(grouping: decisions, by: \.date.year)
    let timeline = byYear.keys.sorted().flatMap { year -> [Block] in
      [.subheading(Line(String(year))), .list(byYear[year]!.map { decisionLine($0, links) })]
    }
    page.section(say.register, timeline.isEmpty ? [.paragraph(Line(say.emptyRegister))] : timeline)
    let abandoned = ledger.useCases.filter { $0.phase == .abandoned }.map { useCase in
      let reason = SummaryModel.firstParagraph(useCase.body)
      return Line([links.linked(.usecase, useCase.id)] + (reason.isEmpty ? [] : [.text(" — " + reason)]))
    }
    // A region's members abandon use cases and take notes in their workshops too: each with its commune.
    let theirs = model.membersUseCases.filter { $0.useCase.phase == .abandoned }.map { abandoned in
      let reason = abandoned.useCase.reason
      return Line(
        [.text("\(abandoned.useCase.title) — \(abandoned.member)" + (reason.isEmpty ? "" : " — " + reason))]
          + (audience == .technical ? [.text(" "), .code(abandoned.id)] : []))
    }
    page.section(say.abandonedUseCases, Block.list(ifAny: abandoned + theirs))
    page.section(say.notedInWorkshops, Block.list(ifAny: workshopNotes(links)))
    return page
  }

  /// The notes taken in the room, apart from the register: what each workshop wrote down, the
  /// members' workshops with their commune, by date.
  func workshopNotes(_ links: Links) -> [Line] {
    let own = ledger.workshops.filter { !$0.decisions.isEmpty }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map {
      (
        $0.date,
        Line([links.linked(.workshop, $0.id), .text(" — " + l.date($0.date))], sublist: $0.decisions.map { Line($0) })
      )
    }
    let theirs = model.membersWorkshops.map { member, workshop in
      (
        workshop.date,
        Line(
          [.text("\(workshop.name(say)) — \(member) — \(l.date(workshop.date))")],
          sublist: workshop.decisions.map { Line($0) })
      )
    }
    // A stable sort: on one date, the region's own workshops first, each list in its order.
    return (own + theirs).enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
  }

  /// `12 March 2026 — Title [accepted] · Conseil municipal, deliberation no. 2026-031`.
  func decisionLine(_ decision: Decision, _ links: Links) -> Line {
    var parts: [Part] = [
      .text(l.date(decision.date) + " — "), links.linked(.decision, decision.id), .text(" "),
      .tag(decision.status.word(say)),
    ]
    if let deliberation = decision.deliberation {
      parts.append(.text(" · " + say.deliberationNumbered(deliberation.body, deliberation.reference)))
    }
    return Line(parts)
  }

  /// The decisions that concern a page's document, or that its workshop prepared, as a section.
  func addDecisions(to page: inout PageView, at path: String, heading: String, _ links: Links) {
    guard let decisions = links.decisionsOfPage[path] else { return }
    page.section(heading, [.list(decisions.map { decisionLine($0, links) })])
  }

  func decisionPage(_ decision: Decision, _ links: Links) -> PageView {
    var page = PageView(title: decision.title, kind: EntityKind.decision.noun(say).capitalizedFirst)
    page.facts = [
      Fact(say.date, [.text(l.date(decision.date))]), Fact(say.statusField, [.text(decision.status.word(say))]),
      Fact(say.decidedBy, links.people(decision.decidedBy.map(\.value))),
    ]
    let facts: [(String, [Part])] = [
      (say.informed, links.people(decision.informed.map(\.value))),
      (say.preparedIn, decision.workshops.map { links.linked(.workshop, $0.value) }),
      (say.concerns, decision.concerns.map { links.linkedConcern($0.value) }),
      (say.supersedes, decision.supersedes.map { links.linked(.decision, $0.value) }),
      (
        say.supersededBy,
        (links.supersededBy[Links.path(.decision, decision.id)] ?? []).map { links.linked(.decision, $0.id) }
      ),
    ]
    page.facts += facts.filter { !$0.1.isEmpty }.map { Fact($0.0, $0.1) }
    page.body = MarkdownBody(markdown: decision.body, headings: .shallowestAt(2))
    let consulted = consultation(decision, links)
    if !consulted.isEmpty { page.section(say.consulted, [.list(consulted)]) }
    if !decision.options.isEmpty { page.section(say.optionsWeighed, [.list(decision.options.map { Line($0) })]) }
    if let deliberation = decision.deliberation { page.section(say.deliberation, deliberationBlocks(deliberation)) }
    return page
  }

  /// Each stakeholder consulted and, when the decision names the workshops that prepared it,
  /// whether they took part in one. Those the audience may not name are counted by group.
  func consultation(_ decision: Decision, _ links: Links) -> [Line] {
    let workshops = decision.workshops.compactMap { id in ledger.workshops.first { $0.id == id.value } }
    // A workshop that is not there (a dangling reference) proves nothing either way.
    let known = !workshops.isEmpty && workshops.count == decision.workshops.count
    let present = Set(workshops.flatMap { $0.participants.map(\.value) + ($0.facilitator.map { [$0.value] } ?? []) })
    func took(_ id: String) -> Bool? { known ? present.contains(id) : nil }
    func suffix(_ took: Bool?, _ count: Int) -> [Part] {
      took.map { [.text(" — " + say.tookPart($0, count: count, workshops: workshops.count))] } ?? []
    }
    let ids = decision.consulted.map(\.value)
    var lines = ids.filter { model.nameable($0) }.map { Line([links.linked(.stakeholder, $0)] + suffix(took($0), 1)) }
    var others: [String: (count: Int, took: Bool?)] = [:]
    for id in ids where !model.nameable(id) {
      let key = "\(model.groupOf(id).word(say))\u{0}\(took(id).map { $0 ? "1" : "0" } ?? "")"
      others[key, default: (0, took(id))].count += 1
    }
    for key in others.keys.sorted() {
      let (count, took) = others[key]!
      let group = String(key.split(separator: "\u{0}", omittingEmptySubsequences: false)[0])
      lines.append(Line([.text(say.membersOfGroup(count, group))] + suffix(took, count)))
    }
    return lines
  }

  /// The council's vote in a sentence, and a link to the deliberation when it has a web address.
  func deliberationBlocks(_ deliberation: Deliberation) -> [Block] {
    var blocks: [Block] = [
      .paragraph(
        Line(say.deliberationNumbered(deliberation.body, deliberation.reference) + " — " + l.date(deliberation.date)))
    ]
    let attendance = [
      deliberation.members.map {
        say.count($0, en: ("member", "members"), fr: ("membre en exercice", "membres en exercice"))
      },
      deliberation.present.map { say.count($0, en: ("present", "present"), fr: ("présent", "présents")) },
    ].compactMap { $0 }
    let votes = [
      deliberation.votesFor.map { say.count($0, en: ("for", "for"), fr: ("pour", "pour")) },
      deliberation.against.map { say.count($0, en: ("against", "against"), fr: ("contre", "contre")) },
      deliberation.abstention.map {
        say.count($0, en: ("abstention", "abstentions"), fr: ("abstention", "abstentions"))
      },
    ].compactMap { $0 }
    let sentence = [attendance, votes].filter { !$0.isEmpty }.map { $0.joined(separator: ", ") }
    if !sentence.isEmpty { blocks.append(.paragraph(Line(say.vote(sentence)))) }
    // Only a web address is a link: the ledger is not trusted to write any other scheme.
    if let url = deliberation.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
      blocks.append(.paragraph(Line([.link(say.readTheDeliberation, href: url)])))
    }
    return blocks
  }
}

extension Links {
  /// An id that may name a use case, an objective, an iteration, an axis or a rollout step (a
  /// decision's `concerns`), linked to its page: the vision's for an axis or a rollout step.
  func linkedConcern(_ id: String) -> Part {
    guard let declaration = site.model.index.firstDeclarations[id] else { return .text(id) }
    let vision = site.ledger.vision
    switch declaration.kind {
    case .rolloutStep, .axis:
      let title =
        (vision?.rollout.first { $0.id.value == id }?.title ?? vision?.axes.first { $0.id.value == id }?.title) ?? id
      return Part(title, href: titles["vision.html"] == nil ? nil : href("vision.html"))
    default: return linked(declaration.kind, id)
    }
  }
}

extension Wording {
  var register: String { self(en: "Decision register", fr: "Registre des décisions") }
  var emptyRegister: String {
    self(en: "No decision is in the register yet.", fr: "Aucune décision n'est encore inscrite au registre.")
  }
  var decidedBy: String { self(en: "Decided by", fr: "Décidée par") }
  var informed: String { self(en: "Informed", fr: "Informés") }
  var preparedIn: String { self(en: "Prepared in", fr: "Préparée en atelier") }
  var concerns: String { self(en: "Concerns", fr: "Porte sur") }
  var supersedes: String { self(en: "Supersedes", fr: "Remplace") }
  var supersededBy: String { self(en: "Superseded by", fr: "Remplacée par") }
  var consulted: String { self(en: "Consulted", fr: "Consultés") }
  var optionsWeighed: String { self(en: "Options weighed", fr: "Options envisagées") }
  var deliberation: String { self(en: "Deliberation", fr: "Délibération") }
  var readTheDeliberation: String { self(en: "Read the deliberation", fr: "Lire la délibération") }
  var decisionsConcerning: String { self(en: "Decisions", fr: "Décisions") }
  var decisionsPrepared: String { self(en: "Decisions it prepared", fr: "Décisions préparées") }
  var notedInWorkshops: String { self(en: "Decisions noted in the workshops", fr: "Décisions notées en atelier") }
  var notedInTheRoom: String { self(en: "Decisions noted in the room", fr: "Décisions notées en séance") }

  /// `Vote: 33 members, 29 present; 25 for, 2 against, 2 abstentions.`
  func vote(_ parts: [String]) -> String {
    self(
      en: "Vote: \(parts.joined(separator: "; ")).",
      fr: "Vote : \(parts.joined(separator: Wording.narrowSpace + "; "))."
    )
  }

  /// Whether those consulted took part in the workshops that prepared the decision.
  func tookPart(_ took: Bool, count: Int, workshops: Int) -> String {
    let one = workshops == 1
    let has = agreeing(with: count, en: ("", ""), fr: ("a", "ont"))
    let hasNot = agreeing(with: count, en: ("", ""), fr: ("n'a", "n'ont"))
    return took
      ? self(
        en: one ? "took part in the workshop" : "took part in at least one of the workshops",
        fr: one ? "\(has) participé à l'atelier" : "\(has) participé à au moins un des ateliers")
      : self(
        en: one ? "did not take part in the workshop" : "took part in none of the workshops",
        fr: one ? "\(hasNot) pas participé à l'atelier" : "\(hasNot) participé à aucun des ateliers")
  }
}
