import SteerMetrics
import SteerModel
import SteerOutput

/// A member of the federation as the federating ledger's summary shows it: its own status and
/// figures, computed as its own summary would (README, "Federation").
public struct MemberSummary: Sendable {
  public var name: String
  /// How people read its name (`FederationMember.title(territory:)`).
  public var title: String
  /// As pinned; nil for the member's HEAD.
  public var revision: String?
  public var commit: String
  public var status: SummaryStatus
  public var metrics: LedgerMetrics
  /// Its use cases, abandoned ones included, by id.
  public var useCases: [MemberUseCase]
  /// Its workshops that noted decisions, by date.
  public var workshops: [MemberWorkshop]
  /// Its files that could not be read, left out of its figures: they are incomplete.
  public var unreadableFiles: [String]

  public init(
    name: String, title: String? = nil, revision: String?, commit: String, status: SummaryStatus,
    metrics: LedgerMetrics, useCases: [MemberUseCase] = [], workshops: [MemberWorkshop] = [],
    unreadableFiles: [String] = []
  ) {
    self.name = name
    self.title = title ?? name
    self.revision = revision
    self.commit = commit
    self.status = status
    self.metrics = metrics
    self.useCases = useCases
    self.workshops = workshops
    self.unreadableFiles = unreadableFiles
  }

  /// The use cases and workshop notes of a member's ledger the region's pages list, as plain
  /// values: the region shows them, it does not read the member's ledger again.
  public static func documents(of ledger: Ledger) -> (useCases: [MemberUseCase], workshops: [MemberWorkshop]) {
    let useCases = ledger.useCases.sorted { $0.id < $1.id }.map {
      MemberUseCase(
        id: $0.id, title: $0.title, phase: $0.phase,
        reason: $0.phase == .abandoned ? SummaryModel.firstParagraph($0.body) : "")
    }
    let workshops = ledger.workshops.filter { !$0.decisions.isEmpty }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
      .map { MemberWorkshop(id: $0.id, ownName: $0.ownName, date: $0.date, decisions: $0.decisions) }
    return (useCases, workshops)
  }
}

/// A member's use case as the region's pages list it.
public struct MemberUseCase: Hashable, Sendable {
  public var id: String
  public var title: String
  public var phase: Phase
  /// Why it was abandoned: the first paragraph of its body; empty for a live one.
  public var reason: String

  public init(id: String, title: String, phase: Phase, reason: String = "") {
    self.id = id
    self.title = title
    self.phase = phase
    self.reason = reason
  }
}

/// A member's workshop and the decisions noted in it.
public struct MemberWorkshop: Hashable, Sendable {
  public var id: String
  /// Its title or first heading; nil when it is named after its date.
  public var ownName: String?
  public var date: CalendarDate
  public var decisions: [String]

  public init(id: String, ownName: String?, date: CalendarDate, decisions: [String]) {
    self.id = id
    self.ownName = ownName
    self.date = date
    self.decisions = decisions
  }

  /// `Atelier du 3 mars 2026` when it has no name of its own.
  public func name(_ say: Wording) -> String {
    ownName ?? say(en: "Workshop of \(say.date(date))", fr: "Atelier du \(say.date(date))")
  }
}

/// The federation as the summary and the site show it, worded for the reader.
package struct FederationView {
  package struct Member {
    /// The member's id in `.steer.yaml`, for the technical edition; nil when it is its name.
    package var id: String?
    /// The name people read.
    package var name: String
    package var revision: String
    package var commit: String
    package var level: SummaryStatus.Level
    package var statusLabel: String
    /// The first reason when the member is not on track; nil for the public.
    package var reason: String?
    /// The values of `SummaryModel.comparedFigures`, in order.
    package var figures: [String]
    /// A member that could not be read: no commit, no status, no figures.
    package var unavailable = false
  }

  package struct Contribution {
    package var objective: String
    package var title: String
    /// The objective's progress, counting the members' use cases.
    package var progress: String
    package var own: Int
    /// Each contributing member and how many of its use cases serve the objective.
    package var members: [(name: String, count: Int)]
    /// Those counts in a sentence.
    package var detail: String
  }

  package var headline: String
  /// How the federating ledger's row is named: its vision's territory, else "this ledger".
  package var ledgerName: String
  package var columns: [String]
  /// The federating ledger's own values of the compared figures, to read the members against.
  package var ledgerFigures: [String]
  package var members: [Member]
  package var contributions: [Contribution]
}

extension SummaryModel {
  /// The headline figures the members are compared on: the key figures every edition shows.
  var comparedFigures: [MetricDefinition] { input.registry.keyFigures(forThePublic: true) }

  /// A headline counting the members by status; each member with its revision, status and
  /// figures; for each objective, the members' use cases that contribute to it. Nil without members.
  package var federationView: FederationView? {
    let members = input.members
    guard !members.isEmpty || !input.unavailable.isEmpty else { return nil }
    let l = localizer
    let say = l.say
    // Two members may share a territory's name: each then keeps its id beside it (the technical
    // edition shows every id).
    func named(_ id: String) -> String { memberName(id, idShownApart: audience == .technical) }
    let levels: [SummaryStatus.Level] = [.green, .amber, .red]
    let counts = levels.map { level in (level, members.filter { $0.status.level == level }) }
    // Each level counted; those needing attention or off track named after their count.
    let levelCounts = counts.filter { !$0.1.isEmpty }.map { level, those in
      say.membersAt(level, those.count) + (level == .green ? "" : " (\(say.list(those.map { named($0.name) })))")
    }
    let unavailable =
      input.unavailable.isEmpty ? [] : [say.membersUnavailable(input.unavailable.map { named($0.name) })]
    let headline = say.federationHeadline(members.count + input.unavailable.count, levelCounts + unavailable)
    let rows = members.map { member in
      FederationView.Member(
        id: member.title == member.name ? nil : member.name, name: named(member.name),
        revision: member.revision ?? "HEAD",
        commit: String(member.commit.prefix(12)),
        level: member.status.level,
        statusLabel: member.status.level.word(say)
          + (member.unreadableFiles.isEmpty ? "" : " — " + say.incompleteFigures(member.unreadableFiles.count)),
        // Why a member is not on track is the committee's business, not the public's.
        reason: audience != .public && member.status.level != .green ? member.status.reasons.first : nil,
        figures: comparedFigures.map { $0.display(member.metrics.value(of: $0), say) })
    }
    let word = say.unavailable()
    let unreadable = input.unavailable.map { peer in
      FederationView.Member(
        id: peer.title == peer.name ? nil : peer.name, name: named(peer.name),
        revision: peer.revision ?? "HEAD", commit: "", level: .red,
        statusLabel: word,
        reason: audience != .public ? peer.reason : nil, figures: comparedFigures.map { _ in word }, unavailable: true)
    }
    let titles = Dictionary(ledger.objectives.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    // Members' use cases are named `member:usecase` (an id has no colon).
    let contributions = metrics.objectiveProgress.sorted { $0.key < $1.key }.compactMap {
      objective, progress -> FederationView.Contribution? in
      var own = 0
      var byMember: [String: Int] = [:]
      for id in progress.useCases {
        if let colon = id.firstIndex(of: ":") { byMember[String(id[..<colon]), default: 0] += 1 } else { own += 1 }
      }
      guard !byMember.isEmpty else { return nil }
      let counts = members.compactMap { member in
        byMember[member.name].map { (name: named(member.name), count: $0) }
      }
      return FederationView.Contribution(
        objective: objective, title: titles[objective] ?? objective, progress: l.percent(progress.value), own: own,
        members: counts, detail: say.contributionCounts(own: own, counts))
    }
    let territory = ledger.vision?.territory ?? ""
    return FederationView(
      headline: headline, ledgerName: territory.isEmpty ? l[.thisLedger] : territory,
      columns: comparedFigures.map { $0.label(say) },
      ledgerFigures: comparedFigures.map { $0.display(metrics.value(of: $0), say) }, members: rows + unreadable,
      contributions: contributions)
  }

  /// The federation for templates (docs/templates.md); nil without members.
  var federation: SummaryView.Federation? {
    guard let view = federationView else { return nil }
    let say = localizer.say
    // Each member needing attention, with what explains it: what the elected edition names.
    let attention = view.members.filter { $0.level != .green && $0.reason != nil }.map { member in
      SummaryView.Attention(
        name: member.name, state: member.unavailable ? member.statusLabel : say.state(member.level),
        reason: member.reason ?? "")
    }
    return SummaryView.Federation(
      view: view, attention: attention, contributions: view.contributions.map { .init(contribution: $0, say: say) })
  }
}

extension SummaryView {
  struct Federation: TemplateValue {
    var view: FederationView
    /// Not for the public: those members have no reason.
    var attention: [Attention]
    var contributions: [Contribution]

    static let fields: TemplateFields<Self> = [
      "headline": { $0.view.headline },
      "attention": { $0.attention },
      "columns": { $0.view.columns },
      "ledger_figures": { $0.view.ledgerFigures },
      "ledger_name": { $0.view.ledgerName },
      "members": { $0.view.members },
      "contributions": { $0.contributions },
      "has_contributions": { !$0.contributions.isEmpty },
    ]
  }

  /// A member needing attention or off track, and why.
  struct Attention: TemplateValue {
    var name: String
    /// Its level in words, inside a sentence.
    var state: String
    var reason: String

    static let fields: TemplateFields<Self> = [
      "name": { TemplateText($0.name) },
      "state": { TemplateText($0.state) },
      "reason": { TemplateText($0.reason) },
    ]
  }

  /// An objective the members' use cases serve, its counts written in the reader's language.
  struct Contribution: TemplateValue {
    var contribution: FederationView.Contribution
    var say: Wording

    static let fields: TemplateFields<Self> = [
      "title": { TemplateText($0.contribution.title) },
      "progress": { TemplateText($0.contribution.progress) },
      "own": { TemplateText($0.say.number($0.contribution.own)) },
      "members": { value in
        value.contribution.members.map { ContributionCount(name: $0.name, count: value.say.number($0.count)) }
      },
      "detail": { TemplateText($0.contribution.detail) },
    ]
  }

  struct ContributionCount: TemplateValue {
    var name: String
    var count: String

    static let fields: TemplateFields<Self> = [
      "name": { TemplateText($0.name) },
      "count": { TemplateText($0.count) },
    ]
  }
}

/// A member as the federation's table shows it. `unavailable` is said only of a member that
/// could not be read; `id` and `reason` only when there is one to show.
extension FederationView.Member: TemplateValue {
  package static let fields: TemplateFields<Self> = [
    "name": { TemplateText($0.name) },
    "id": { $0.id.map(TemplateText.init) },
    "revision": { TemplateText($0.revision) },
    "commit": { TemplateText($0.commit) },
    "level": { TemplateText($0.level.rawValue) },
    "status_label": { TemplateText($0.statusLabel) },
    "reason": { $0.reason.map(TemplateText.init) },
    "figures": { $0.figures },
    "unavailable": { $0.unavailable ? true : nil },
  ]
}

extension Wording {
  /// `3 members: 1 on track, 1 needing attention (Valbonne), 1 off track (Lurs).`
  fileprivate func federationHeadline(_ count: Int, _ levels: [String]) -> String {
    let members = self.count(count, en: ("member", "members"), fr: ("membre", "membres"))
    return self(
      en: "The federation has \(members): \(list(levels)).",
      fr: "La fédération compte \(members) : \(list(levels)).")
  }

  /// `incomplete figures: 1 file cannot be read` / `chiffres incomplets : 1 fichier illisible`.
  fileprivate func incompleteFigures(_ files: Int) -> String {
    let count = self.count(
      files, en: ("file cannot be read", "files cannot be read"), fr: ("fichier illisible", "fichiers illisibles"))
    return self(en: "incomplete figures: \(count)", fr: "chiffres incomplets : \(count)")
  }

  /// `own use cases: 1 · commune-a: 3 · commune-c: 2`.
  fileprivate func contributionCounts(own: Int, _ members: [(String, Int)]) -> String {
    let own = self(en: "own use cases: \(number(own))", fr: "cas d'usage propres : \(number(own))")
    return ([own] + members.map { self(en: "\($0.0): \(number($0.1))", fr: "\($0.0) : \(number($0.1))") })
      .joined(separator: " · ")
  }

  /// `1 unavailable (commune-c)` / `1 indisponible (commune-c)`.
  fileprivate func membersUnavailable(_ names: [String]) -> String {
    let word = agreeing(with: names.count, en: ("unavailable", "unavailable"), fr: ("indisponible", "indisponibles"))
    return "\(number(names.count)) \(word) (\(list(names)))"
  }

  /// `needing attention` / `en vigilance`: a member's level inside a sentence.
  fileprivate func state(_ level: SummaryStatus.Level) -> String {
    switch level {
    case .green: self(en: "on track", fr: "conforme")
    case .amber: self(en: "needing attention", fr: "en vigilance")
    case .red: self(en: "off track", fr: "en alerte")
    }
  }

  /// `2 on track` / `2 conformes`.
  fileprivate func membersAt(_ level: SummaryStatus.Level, _ count: Int) -> String {
    let n = number(count)
    switch level {
    case .green:
      return self(en: "\(n) on track", fr: "\(n) \(agreeing(with: count, en: ("", ""), fr: ("conforme", "conformes")))")
    case .amber: return self(en: "\(n) needing attention", fr: "\(n) en vigilance")
    case .red: return self(en: "\(n) off track", fr: "\(n) en alerte")
    }
  }
}
