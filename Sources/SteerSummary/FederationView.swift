import SteerMetrics
import SteerModel
import SteerOutput

/// A member of the federation as the federating ledger's summary shows it: its own status and
/// figures, computed as its own summary would (ledger-format.md, Federation).
public struct MemberSummary: Sendable {
  public var name: String
  /// As pinned; nil for the member's HEAD.
  public var revision: String?
  public var commit: String
  public var status: SummaryStatus
  public var metrics: LedgerMetrics

  public init(name: String, revision: String?, commit: String, status: SummaryStatus, metrics: LedgerMetrics) {
    self.name = name
    self.revision = revision
    self.commit = commit
    self.status = status
    self.metrics = metrics
  }
}

extension SummaryModel {
  /// The headline figures the members are compared on, as the key figures name them.
  static let comparedFigures: [MetricName] = [.progress, .sayDo, .coverage, .coConstruction]

  /// The federation section (docs/templates.md): a headline counting the members by status;
  /// each member with its revision, status and figures; for each objective, the members'
  /// use cases that contribute to it. Nil without members.
  var federation: [String: Any]? {
    let members = input.members
    guard !members.isEmpty else { return nil }
    let l = localizer
    let say = l.say
    let levels: [SummaryStatus.Level] = [.green, .amber, .red]
    let counts = levels.map { level in (level, members.filter { $0.status.level == level }) }
    let alerts = members.filter { $0.status.level == .red }.map(\.name)
    let headline = say.federationHeadline(
      members.count, counts.filter { !$0.1.isEmpty }.map { say.membersAt($0.0, $0.1.count) }, alerts: alerts)
    let rows = members.map { member -> TemplateRow in
      var row: [String: Any] = [
        "name": member.name, "revision": member.revision ?? "HEAD", "commit": String(member.commit.prefix(12)),
        "level": member.status.level.rawValue, "status_label": member.status.level.word(say),
        "figures": Self.comparedFigures.map { $0.display(member.metrics.value(of: $0), say) },
      ]
      // Why a member is not on track is the committee's business, not the public's.
      if audience != .public, member.status.level != .green, let reason = member.status.reasons.first {
        row["reason"] = reason
      }
      return TemplateRow(row)
    }
    let titles = Dictionary(ledger.objectives.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    // Members' use cases are named `member:usecase` (an id has no colon).
    let contributions = metrics.objectiveProgress.sorted { $0.key < $1.key }.compactMap {
      objective, progress -> TemplateRow? in
      var own = 0
      var byMember: [String: Int] = [:]
      for id in progress.useCases {
        if let colon = id.firstIndex(of: ":") { byMember[String(id[..<colon]), default: 0] += 1 } else { own += 1 }
      }
      guard !byMember.isEmpty else { return nil }
      let counts = members.compactMap { member in byMember[member.name].map { (member.name, $0) } }
      return TemplateRow([
        "title": titles[objective] ?? objective, "progress": l.percent(progress.value), "own": say.number(own),
        "members": counts.map { TemplateRow(["name": $0.0, "count": say.number($0.1)]) },
        "detail": say.contributionCounts(own: own, counts),
      ])
    }
    return [
      "headline": headline, "columns": Self.comparedFigures.map { $0.label(say) }, "members": rows,
      "contributions": contributions, "has_contributions": !contributions.isEmpty,
    ]
  }
}

extension Wording {
  /// `3 members: 1 on track, 1 needs attention, 1 off track (commune-b).`
  fileprivate func federationHeadline(_ count: Int, _ levels: [String], alerts: [String]) -> String {
    let members = self.count(count, en: ("member", "members"), fr: ("membre", "membres"))
    let named = alerts.isEmpty ? "" : " (\(list(alerts)))"
    return self(
      en: "The federation has \(members): \(list(levels))\(named).",
      fr: "La fédération compte \(members) : \(list(levels))\(named).")
  }

  /// `own use cases: 1 · commune-a: 3 · commune-c: 2`.
  fileprivate func contributionCounts(own: Int, _ members: [(String, Int)]) -> String {
    let own = self(en: "own use cases: \(number(own))", fr: "cas d'usage propres : \(number(own))")
    return ([own] + members.map { self(en: "\($0.0): \(number($0.1))", fr: "\($0.0) : \(number($0.1))") })
      .joined(separator: " · ")
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
