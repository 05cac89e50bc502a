import SteerModel

public struct IterationDatesRule: Rule {
  public static let description = RuleDescription(
    id: "iteration-dates", category: .roadmap, defaultSeverity: .error, scope: .document(),
    summary: Localized(
      en: "An iteration's `start` is after its `end`.", fr: "Le `start` d'une itération est postérieur à son `end`."),
    rationale: Localized(
      en:
        "An iteration that ends before it starts cannot be placed on the roadmap: every date-based view (timeline, overlap, what is due) becomes wrong.",
      fr:
        "Une itération qui finit avant de commencer ne trouve pas sa place dans la feuille de route : toutes les vues fondées sur les dates (frise, chevauchements, échéances) deviennent fausses."
    ),
    examples: [
      RuleExample(
        triggers: true,
        ["iterations/sprint-4.md": "---\ntitle: Sprint 4\nstart: ↓2026-07-10\nend: 2026-07-01\nstatus: planned\n---\n"]),
      RuleExample(
        triggers: false,
        ["iterations/sprint-4.md": "---\ntitle: Sprint 4\nstart: 2026-07-01\nend: 2026-07-10\nstatus: planned\n---\n"]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    context.ledger.iterations.filter { $0.start > $0.end }.map { iteration in
      finding(
        iteration.file, iteration.locations["start"],
        context.say.iterationDates(
          context.say.named(iteration.id, title: iteration.title), iteration.start, iteration.end),
        hint: context.say.iterationDatesHint())
    }
  }
}

extension Wording {
  func iterationDates(_ iteration: String, _ start: CalendarDate, _ end: CalendarDate) -> String {
    self(
      en: "iteration \(iteration) starts on \(start.description), after it ends on \(end.description)",
      fr: "l'itération \(iteration) commence le \(inSentence(start)), après sa fin le \(inSentence(end))")
  }

  func iterationDatesHint() -> String {
    self(
      en: "swap the dates, or fix the one that is mistyped",
      fr: "inversez les dates, ou corrigez celle qui est erronée")
  }
}
