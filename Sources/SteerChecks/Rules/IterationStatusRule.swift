import SteerModel

public struct IterationStatusRule: Rule {
  public static let description = RuleDescription(
    id: "iteration-status", category: .roadmap, defaultSeverity: .error, scope: .parts([.iterations, .retros]),
    summary: Localized(
      en:
        "A `closed` iteration starts after today, or after a `planned` or `active` one; a retrospective is dated before its iteration starts; or more than one iteration is `active`.",
      fr:
        "Une itération `closed` commence après aujourd'hui, ou après une itération `planned` ou `active` ; une rétrospective est datée d'avant le début de son itération ; ou plus d'une itération est `active`."
    ),
    rationale: Localized(
      en:
        "Iterations close in the order they run, and one is under way at a time: otherwise 'where are we?' has several answers, and the committee reviews the wrong one. An iteration closed before it has begun, or reviewed before it starts, has delivered nothing yet: its retrospective and its say/do would be read as the record of work not done.",
      fr:
        "Les itérations se closent dans l'ordre où elles se déroulent, et une seule est en cours à la fois : sinon « où en sommes-nous ? » a plusieurs réponses, et le comité examine la mauvaise. Une itération close avant d'avoir commencé, ou dont la rétrospective précède le début, n'a encore rien livré : sa rétrospective et son ratio engagé/réalisé passeraient pour le bilan d'un travail qui n'a pas eu lieu."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "iterations/sprint-1.md": "---\ntitle: Sprint 1\nstart: 2026-03-01\nend: 2026-03-31\nstatus: active\n---\n",
          "iterations/sprint-2.md": "---\ntitle: Sprint 2\nstart: 2026-04-01\nend: 2026-04-30\nstatus: ↓closed\n---\n",
        ]),
      RuleExample(
        triggers: true,
        ["iterations/sprint-4.md": "---\ntitle: Sprint 4\nstart: 2026-06-01\nend: 2026-06-30\nstatus: ↓closed\n---\n"]),
      RuleExample(
        triggers: true,
        ["retros/sprint-3.md": "---\ndate: ↓2026-04-10\nparticipants: [mayor]\n---\n"]),
      RuleExample(
        triggers: true,
        ["iterations/sprint-3.md": "---\ntitle: Sprint 3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: ↓active\n---\n"]),
      RuleExample(
        triggers: false,
        ["iterations/sprint-4.md": "---\ntitle: Sprint 4\nstart: 2026-06-01\nend: 2026-06-30\nstatus: planned\n---\n"]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let today = context.circumstances.today
    let roadmap = context.index.roadmap
    // An iteration closed before it starts is said so, not also as out of order: that is why.
    var findings = roadmap.filter { $0.status == .closed && $0.start > today }.map { iteration in
      finding(
        iteration.file, iteration.locations["status"],
        context.say.iterationClosedBeforeStart(
          context.say.named(iteration.id, title: iteration.title), start: iteration.start, today: today),
        hint: context.say.iterationClosedBeforeStartHint())
    }
    if let firstOpen = roadmap.first(where: { $0.status != .closed }) {
      for iteration in roadmap
      where iteration.status == .closed && iteration.start > firstOpen.start && iteration.start <= today {
        findings.append(
          finding(
            iteration.file, iteration.locations["status"],
            context.say.iterationStatusOrder(
              context.say.named(iteration.id, title: iteration.title),
              context.say.named(firstOpen.id, title: firstOpen.title), firstOpen.status.word(context.say)),
            hint: context.say.iterationStatusOrderHint(firstOpen.id), related: [firstOpen.file]))
      }
    }
    let active = roadmap.filter { $0.status == .active }
    for iteration in active.dropFirst() {
      findings.append(
        finding(
          iteration.file, iteration.locations["status"],
          context.say.iterationStatusActive(
            context.say.named(iteration.id, title: iteration.title),
            context.say.named(active[0].id, title: active[0].title)),
          hint: context.say.iterationStatusActiveHint(active[0].id), related: [active[0].file]))
    }
    let iterations = ByID(context.ledger.iterations, \.id)
    for retro in context.ledger.retros {
      guard let iteration = iterations[retro.iteration], retro.date < iteration.start else { continue }
      findings.append(
        finding(
          retro.file, retro.locations["date"],
          context.say.retroBeforeIteration(
            context.say.named(iteration.id, title: iteration.title), date: retro.date, start: iteration.start),
          hint: context.say.retroBeforeIterationHint(), related: [iteration.file]))
    }
    return findings
  }
}

extension Wording {
  fileprivate func iterationClosedBeforeStart(_ iteration: String, start: CalendarDate, today: CalendarDate) -> String {
    self(
      en:
        "iteration \(iteration) is closed, but it starts on \(start.description), after today (\(today.description))",
      fr:
        "l'itération \(iteration) est close, mais elle commence le \(inSentence(start)), après aujourd'hui (\(inSentence(today)))"
    )
  }

  fileprivate func iterationClosedBeforeStartHint() -> String {
    self(
      en: "write `status: planned` until it has run, or correct its start",
      fr: "indiquez `status: planned` tant qu'elle n'a pas eu lieu, ou corrigez son début")
  }

  fileprivate func retroBeforeIteration(_ iteration: String, date: CalendarDate, start: CalendarDate) -> String {
    self(
      en:
        "the retrospective of iteration \(iteration) is dated \(date.description), before its iteration starts on \(start.description)",
      fr:
        "la rétrospective de l'itération \(iteration) est datée du \(inSentence(date)), avant le début de son itération, le \(inSentence(start))"
    )
  }

  fileprivate func retroBeforeIterationHint() -> String {
    self(
      en: "correct the retrospective's date, or the iteration's start",
      fr: "corrigez la date de la rétrospective, ou le début de l'itération")
  }

  func iterationStatusOrder(_ iteration: String, _ firstOpen: String, _ status: String) -> String {
    self(
      en: "iteration \(iteration) is closed, but it starts after \(firstOpen), which is still \(status)",
      fr:
        "l'itération \(iteration) est close, mais elle commence après \(firstOpen), encore à l'état « \(status) »"
    )
  }

  func iterationStatusOrderHint(_ firstOpen: String) -> String {
    self(
      en: "close '\(firstOpen)' first, or check the dates and statuses of both",
      fr: "clôturez d'abord « \(firstOpen) », ou vérifiez les dates et états des deux")
  }

  func iterationStatusActive(_ iteration: String, _ active: String) -> String {
    self(
      en: "iteration \(iteration) is active, but \(active) is already active: one iteration runs at a time",
      fr: "l'itération \(iteration) est en cours, mais \(active) l'est déjà : une seule itération à la fois")
  }

  func iterationStatusActiveHint(_ active: String) -> String {
    self(
      en: "close '\(active)', or set this one back to planned",
      fr: "clôturez « \(active) », ou remettez celle-ci à l'état prévu")
  }
}
