import SteerModel

public struct OverdueActionRule: Rule {
  public static let description = RuleDescription(
    id: "overdue-action", category: .governance, defaultSeverity: .warning,
    scope: .parts([.iterations, .retros, .stakeholders]),
    summary: Localized(
      en:
        "An `open` action's `due` iteration is `closed`, unless a later retrospective restates it (same `id`, or same text and owner) as `done` or `dropped`.",
      fr:
        "L'itération `due` d'une action `open` est `closed`, sauf si une rétrospective ultérieure la reprend (même `id`, ou même texte et même responsable) comme `done` ou `dropped`."
    ),
    rationale: Localized(
      en:
        "Actions are how a retrospective changes the next iteration; one left open past its iteration is a lesson the programme decided to learn and did not.",
      fr:
        "Les actions sont la façon dont une rétrospective change l'itération suivante ; une action restée ouverte après son itération est un enseignement que le programme avait décidé de tirer et n'a pas tiré."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "retros/sprint-1.md":
            "---\ndate: 2026-04-01\nparticipants: [mayor]\nactions:\n  - {text: Invite residents, owner: mayor, due: sprint-1, status: ↓open}\n---\n"
        ]
      ),
      RuleExample(
        triggers: false,
        [
          "retros/sprint-1.md":
            "---\ndate: 2026-04-01\nparticipants: [mayor]\nactions:\n  - {text: Invite residents, owner: mayor, due: sprint-1, status: done}\n---\n"
        ]
      ),
      RuleExample(
        triggers: false,
        [
          "retros/sprint-1.md":
            "---\ndate: 2026-04-01\nparticipants: [mayor]\nactions:\n  - {id: invite, text: Invite residents, owner: mayor, due: sprint-1, status: open}\n---\n",
          "retros/sprint-2.md":
            "---\ndate: 2026-05-01\nparticipants: [mayor]\nactions:\n  - {id: invite, text: Invite residents to tests, owner: mayor, due: sprint-2, status: done}\n---\n",
        ]
      ),
    ])

  /// Only each action's latest statement counts: one restated `done` in a later retrospective
  /// is no longer overdue in the earlier one.
  public func check(_ context: RuleContext) -> [Finding] {
    let iterations = Ledger.byID(context.ledger.iterations, \.id)
    return Ledger.currentActions(context.ledger.retros, iterations: iterations).compactMap { retro, _, action in
      guard action.status == .open, iterations[action.due.value]?.status == .closed else { return nil }
      // A later retrospective may restate it: any of them can change this finding.
      return finding(
        retro.file, action.locations["status"],
        context.say.overdueAction(
          action.text, context.named(.stakeholder, action.owner.value), context.named(.iteration, action.due.value)),
        hint: context.say.overdueActionHint(),
        related: [context.path(.iteration, action.due.value), context.directory(.retro)])
    }
  }
}

extension Wording {
  func overdueAction(_ action: String, _ owner: String, _ due: String) -> String {
    self(
      en:
        "the action \"\(action)\" is still open, but it was due by the iteration \(due), which is closed; owner: \(owner)",
      fr:
        "l'action « \(action) » est toujours ouverte, alors qu'elle était attendue pour l'itération \(due), désormais close ; responsable : \(owner)"
    )
  }

  func overdueActionHint() -> String {
    self(
      en: "mark it done or dropped, or give it a later due iteration",
      fr: "marquez-la faite ou abandonnée, ou donnez-lui une échéance plus tardive")
  }
}
