import SteerModel
import SteerOutput

extension SummaryModel {
  /// The decisions taken since the last committee: with `--since`, those the diff finds entered
  /// in the register or whose status changed since that revision; else those of the period
  /// `periodStart` sets (every decision while no iteration is closed). The elected officials
  /// and the public read the accepted ones, by their titles; the technical edition every one.
  var register: SummaryView.Register {
    let l = localizer
    let say = l.say
    let onlyAccepted = audience != .technical
    var taken: [Decision]
    var since: Since?
    if let diff = input.since {
      let changed = Set(diff.decisions.map(\.decision))
      taken = ledger.decisions.filter { changed.contains($0.id) }
      since = .revision(diff.from)
    } else {
      let start = periodStart
      taken = ledger.decisions.filter { decision in
        guard let start else { return true }
        return decision.date > start.date || (start.inclusive && decision.date == start.date)
      }
      since = start.map { .date(l.date($0.date)) }
    }
    taken = taken.filter { !onlyAccepted || $0.status == .accepted }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    return SummaryView.Register(
      heading: say.decisionsTaken(onlyAccepted: onlyAccepted, since: since),
      decisions: taken.map { decision in
        SummaryView.RegisteredDecision(
          title: decision.title, date: l.date(decision.date), status: decision.status.rawValue,
          statusLabel: decision.status.word(say), id: audience == .technical ? decision.id : "",
          deliberation: decision.deliberation.map { say.deliberationNumbered($0.body, $0.reference) } ?? "")
      })
  }

  /// Where "since the last committee" starts: the earliest of the last closed iteration's end,
  /// its retrospective's date and today, since an iteration may be closed before its end. The
  /// committee's own day belongs to the previous period; today, the only day left when both
  /// dates are still to come, belongs to this one.
  var periodStart: (date: CalendarDate, inclusive: Bool)? {
    guard let iteration = index.roadmap.last(where: { $0.status == .closed }) else { return nil }
    let committee = min(iteration.end, index.retrosByIteration[iteration.id]?.date ?? iteration.end)
    return committee > input.today ? (input.today, true) : (committee, false)
  }
}

/// Where "since the last committee" starts: the end of the last closed iteration, or `--since`.
private enum Since {
  case date(String)
  case revision(String)
}

extension Wording {
  /// `Decisions adopted since 30 September 2026` / `Décisions adoptées depuis le 30 septembre 2026`.
  fileprivate func decisionsTaken(onlyAccepted: Bool, since: Since?) -> String {
    let what =
      onlyAccepted ? self(en: "Decisions adopted", fr: "Décisions adoptées") : self(en: "Decisions", fr: "Décisions")
    return switch since {
    case .date(let date)?: self(en: "\(what) since \(date)", fr: "\(what) depuis le \(date)")
    case .revision(let revision)?: self(en: "\(what) since \(revision)", fr: "\(what) depuis la révision \(revision)")
    case nil: what
    }
  }

  /// `Conseil municipal, deliberation no. 2026-031` / `Conseil municipal, délibération n° 2026-031`.
  package func deliberationNumbered(_ body: String, _ reference: String) -> String {
    self(en: "\(body), deliberation no. \(reference)", fr: "\(body), délibération n°\u{A0}\(reference)")
  }
}
