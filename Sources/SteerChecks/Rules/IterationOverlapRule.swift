import SteerModel

public struct IterationOverlapRule: Rule {
  public static let description = RuleDescription(
    id: "iteration-overlap", category: .roadmap, defaultSeverity: .error, scope: .parts([.iterations]),
    summary: Localized(
      en: "Two iterations share at least one day.", fr: "Deux itérations ont au moins un jour en commun."),
    rationale: Localized(
      en:
        "The roadmap is one sequence of iterations: when two overlap, nobody knows which one a day of work, a measurement or a decision belongs to.",
      fr:
        "La feuille de route est une suite d'itérations : quand deux se chevauchent, personne ne sait à laquelle appartient une journée de travail, une mesure ou une décision."
    ),
    examples: [
      RuleExample(
        triggers: true,
        ["iterations/sprint-4.md": "---\ntitle: Sprint 4\nstart: ↓2026-05-31\nend: 2026-06-30\nstatus: planned\n---\n"]),
      RuleExample(
        triggers: false,
        ["iterations/sprint-4.md": "---\ntitle: Sprint 4\nstart: 2026-06-01\nend: 2026-06-30\nstatus: planned\n---\n"]),
    ])

  /// One sweep over the roadmap (sorted by start), keeping the iteration that reaches
  /// furthest: each iteration that starts before it ends overlaps it.
  public func check(_ context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    var furthest: Iteration?
    for iteration in context.index.roadmap where iteration.start <= iteration.end {
      if let previous = furthest, iteration.start <= previous.end {
        let days = min(previous.end, iteration.end).daysSinceEpoch - iteration.start.daysSinceEpoch + 1
        findings.append(
          finding(
            iteration.file, iteration.locations["start"],
            context.say.iterationOverlap(iteration, previous, days: days),
            hint: context.say.iterationOverlapHint(
              previous.end.adding(days: 1), context.say.named(previous.id, title: previous.title)),
            related: [previous.file]))
      }
      if furthest.map({ iteration.end > $0.end }) ?? true { furthest = iteration }
    }
    return findings
  }
}

extension Wording {
  func iterationOverlapHint(_ day: CalendarDate, _ previous: String) -> String {
    self(
      en: "start it on \(day.description) or later, or end iteration \(previous) earlier",
      fr: "faites-la commencer le \(inSentence(day)) ou après, ou avancez la fin de l'itération \(previous)")
  }
}

extension Wording {
  fileprivate func iterationOverlap(_ iteration: Iteration, _ previous: Iteration, days: Int) -> String {
    let named = self.named(iteration.id, title: iteration.title)
    let previousNamed = self.named(previous.id, title: previous.title)
    let (start, end) = (inSentence(iteration.start), inSentence(iteration.end))
    let (previousStart, previousEnd) = (inSentence(previous.start), inSentence(previous.end))
    let length = count(days, en: ("day", "days"), fr: ("jour", "jours"))
    return self(
      en:
        "iteration \(named) overlaps iteration \(previousNamed) by \(length): it runs from \(start) to \(end), the other from \(previousStart) to \(previousEnd)",
      fr:
        "l'itération \(named) chevauche l'itération \(previousNamed) de \(length) : elle va du \(start) au \(end), l'autre du \(previousStart) au \(previousEnd)"
    )
  }
}
