import SteerModel

public struct IterationStatusRule: Rule {
  public static let description = RuleDescription(
    id: "iteration-status", category: .roadmap, defaultSeverity: .error, scope: .parts([.iterations]),
    summary: Localized(
      en: "A `closed` iteration starts after a `planned` or `active` one; or more than one iteration is `active`.",
      fr:
        "Une itération `closed` commence après une itération `planned` ou `active` ; ou plus d'une itération est `active`."
    ),
    rationale: Localized(
      en:
        "Iterations close in the order they run, and one is under way at a time: otherwise 'where are we?' has several answers, and the committee reviews the wrong one.",
      fr:
        "Les itérations se closent dans l'ordre où elles se déroulent, et une seule est en cours à la fois : sinon « où en sommes-nous ? » a plusieurs réponses, et le comité examine la mauvaise."
    ),
    examples: [
      RuleExample(
        triggers: true,
        ["iterations/sprint-4.md": "---\ntitle: Sprint 4\nstart: 2026-06-01\nend: 2026-06-30\nstatus: ↓closed\n---\n"]),
      RuleExample(
        triggers: true,
        ["iterations/sprint-3.md": "---\ntitle: Sprint 3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: ↓active\n---\n"]),
      RuleExample(
        triggers: false,
        ["iterations/sprint-4.md": "---\ntitle: Sprint 4\nstart: 2026-06-01\nend: 2026-06-30\nstatus: planned\n---\n"]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    let roadmap = context.index.roadmap
    if let firstOpen = roadmap.first(where: { $0.status != .closed }) {
      for iteration in roadmap where iteration.status == .closed && iteration.start > firstOpen.start {
        findings.append(
          finding(
            iteration.file, iteration.locations["status"],
            context.say.iterationStatusOrder(iteration.id, firstOpen.id, firstOpen.status.word(context.say)),
            hint: context.say.iterationStatusOrderHint(firstOpen.id), related: [firstOpen.file]))
      }
    }
    let active = roadmap.filter { $0.status == .active }
    for iteration in active.dropFirst() {
      findings.append(
        finding(
          iteration.file, iteration.locations["status"],
          context.say.iterationStatusActive(iteration.id, active[0].id),
          hint: context.say.iterationStatusActiveHint(active[0].id), related: [active[0].file]))
    }
    return findings
  }
}

extension Wording {
  func iterationStatusOrder(_ iteration: String, _ firstOpen: String, _ status: String) -> String {
    self(
      en: "iteration '\(iteration)' is closed, but it starts after '\(firstOpen)', which is still \(status)",
      fr:
        "l'itération « \(iteration) » est close, mais elle commence après « \(firstOpen) », encore à l'état « \(status) »"
    )
  }

  func iterationStatusOrderHint(_ firstOpen: String) -> String {
    self(
      en: "close '\(firstOpen)' first, or check the dates and statuses of both",
      fr: "clôturez d'abord « \(firstOpen) », ou vérifiez les dates et états des deux")
  }

  func iterationStatusActive(_ iteration: String, _ active: String) -> String {
    self(
      en: "iteration '\(iteration)' is active, but '\(active)' is already active: one iteration runs at a time",
      fr: "l'itération « \(iteration) » est en cours, mais « \(active) » l'est déjà : une seule itération à la fois")
  }

  func iterationStatusActiveHint(_ active: String) -> String {
    self(
      en: "close '\(active)', or set this one back to planned",
      fr: "clôturez « \(active) », ou remettez celle-ci à l'état prévu")
  }
}
