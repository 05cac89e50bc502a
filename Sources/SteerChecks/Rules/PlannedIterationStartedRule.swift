import SteerModel

/// Today falls inside an iteration that is still `planned`.
public struct PlannedIterationStartedRule: Rule {
  public static let description = RuleDescription(
    id: "planned-iteration-started", category: .governance, defaultSeverity: .warning, scope: .parts([.iterations]),
    summary: Localized(
      en: "An iteration is still `planned` although today falls between its `start` and its `end`.",
      fr: "Une itération est encore `planned` alors qu'aujourd'hui se situe entre son `start` et son `end`."
    ),
    rationale: Localized(
      en:
        "The roadmap tells the committee what is under way: an iteration whose dates have come but that is still planned shows last period's work as the current one, and the summary's status and roadmap with it.",
      fr:
        "La feuille de route dit au comité ce qui est en cours : une itération dont les dates sont arrivées mais qui reste prévue fait passer le travail de la période précédente pour celui d'aujourd'hui, et la synthèse avec elle."
    ),
    examples: [
      RuleExample(
        triggers: true,
        ["iterations/sprint-2.md": "---\ntitle: Sprint 2\nstart: 2026-04-01\nend: 2026-04-30\nstatus: ↓planned\n---\n"]),
      RuleExample(triggers: false, [:]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let today = context.circumstances.today
    let roadmap = context.index.roadmap
    let active = roadmap.first { $0.status == .active }
    return roadmap.compactMap { iteration in
      guard iteration.status == .planned, iteration.start <= today, today <= iteration.end else { return nil }
      let say = context.say
      // Another iteration still active is closed first: one iteration runs at a time.
      let hint =
        active.map { say.plannedIterationStartedCloseHint($0.id) } ?? say.plannedIterationStartedHint()
      return finding(
        iteration.file, iteration.locations["status"],
        say.plannedIterationStarted(
          say.named(iteration.id, title: iteration.title), today: today, start: iteration.start, end: iteration.end),
        hint: hint, related: active.map { [$0.file] } ?? [])
    }
  }
}

extension Wording {
  fileprivate func plannedIterationStarted(
    _ iteration: String, today: CalendarDate, start: CalendarDate, end: CalendarDate
  ) -> String {
    self(
      en:
        "iteration \(iteration) is still planned, but today (\(today.description)) falls between its start (\(start.description)) and its end (\(end.description))",
      fr:
        "l'itération \(iteration) est encore prévue, alors qu'aujourd'hui (\(inSentence(today))) se situe entre son début (\(inSentence(start))) et sa fin (\(inSentence(end)))"
    )
  }

  fileprivate func plannedIterationStartedHint() -> String {
    self(
      en: "write `status: active` if it has begun, or correct its dates",
      fr: "indiquez `status: active` si elle a commencé, ou corrigez ses dates")
  }

  fileprivate func plannedIterationStartedCloseHint(_ active: String) -> String {
    self(
      en:
        "close '\(active)' (`steer retro record \(active) --close`), then write `status: active` here; or correct the dates",
      fr:
        "clôturez « \(active) » (`steer retro record \(active) --close`), puis indiquez `status: active` ici ; ou corrigez les dates"
    )
  }
}
