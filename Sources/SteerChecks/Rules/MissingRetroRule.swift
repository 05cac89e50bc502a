import SteerModel

public struct MissingRetroRule: Rule {
  public static let description = RuleDescription(
    id: "missing-retro", category: .governance, defaultSeverity: .warning, scope: .parts([.iterations, .retros]),
    summary: Localized(
      en: "A `closed` iteration has no retrospective.", fr: "Une itération `closed` n'a pas de rétrospective."),
    rationale: Localized(
      en:
        "An iteration closed without a retrospective teaches nothing: its lessons, actions and measurements are lost to the next one.",
      fr:
        "Une itération close sans rétrospective n'apprend rien : ses enseignements, ses actions et ses mesures sont perdus pour la suivante."
    ),
    examples: [
      RuleExample(
        triggers: true,
        ["iterations/sprint-0.md": "---\ntitle: Sprint 0\nstart: 2026-02-01\nend: 2026-02-28\nstatus: ↓closed\n---\n"]),
      RuleExample(
        triggers: false,
        [
          "iterations/sprint-0.md": "---\ntitle: Sprint 0\nstart: 2026-02-01\nend: 2026-02-28\nstatus: closed\n---\n",
          "retros/sprint-0.md": "---\ndate: 2026-03-01\nparticipants: [mayor]\n---\n",
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    // A retrospective file that could not be read still exists: its reading error says what to fix.
    let unbuilt = Set(context.ledger.unbuiltDocuments)
    let written = { (id: String) in
      context.index.retrosByIteration[id] != nil || unbuilt.contains(context.path(.retro, id))
    }
    return context.ledger.iterations.filter { $0.status == .closed && !written($0.id) }.map {
      finding(
        $0.file, $0.locations["status"], context.say.missingRetro(context.say.named($0.id, title: $0.title)),
        hint: context.say.missingRetroHint($0.id), related: [context.path(.retro, $0.id)])
    }
  }
}

extension Wording {
  func missingRetro(_ iteration: String) -> String {
    self(
      en: "iteration \(iteration) is closed but has no retrospective",
      fr: "l'itération \(iteration) est close mais n'a pas de rétrospective")
  }

  func missingRetroHint(_ iteration: String) -> String {
    self(
      en: "write it: \(DocumentKind.retro.newCommand(self)) \(iteration)",
      fr: "rédigez-la : \(DocumentKind.retro.newCommand(self)) \(iteration)")
  }
}
