import SteerModel

/// Those a decision says it consulted took part in the workshops that prepared it.
public struct DecisionConsultationRule: Rule {
  public static let description = RuleDescription(
    id: "decision-consultation", category: .governance, defaultSeverity: .warning,
    scope: .document(reading: [.workshops, .stakeholders]),
    summary: Localized(
      en:
        "A stakeholder `consulted` on a decision took part in none of the decision's `workshops` (when it names workshops): consulted on paper only.",
      fr:
        "Une partie prenante consultée (`consulted`) sur une décision n'a participé à aucun de ses ateliers (`workshops`, quand elle en nomme) : consultée sur le papier seulement."
    ),
    rationale: Localized(
      en:
        "Saying that people were consulted is easy; a decision that names the workshops that prepared it can be checked: those consulted should have been in the room.",
      fr:
        "Dire qu'on a consulté est facile ; une décision qui nomme les ateliers qui l'ont préparée peut être vérifiée : les personnes consultées devaient être dans la salle."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "decisions/open-data.md":
            "---\ntitle: Open the data\ndate: 2026-03-01\nstatus: accepted\ndecided_by: [mayor]\nconsulted: [residents, ↓mayor]\nworkshops: [sensors-analysis]\n---\n"
        ]),
      RuleExample(
        triggers: false,
        [
          "decisions/open-data.md":
            "---\ntitle: Open the data\ndate: 2026-03-01\nstatus: accepted\ndecided_by: [mayor]\nconsulted: [residents, engineers]\nworkshops: [sensors-analysis, sensors-ideation]\n---\n"
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let consulting = context.ledger.decisions.filter { !$0.consulted.isEmpty }
    // A workshop that cannot be read may be where they took part: its error says enough. The
    // workshops are looked up only when a decision names stakeholders consulted (an edit
    // elsewhere finds again in a ledger of the changed files, every workshop and every stakeholder).
    guard !consulting.isEmpty, !context.hasOpaqueDocument(.workshop) else { return [] }
    let workshops = ByID(context.ledger.workshops, \.id)
    var findings: [Finding] = []
    for decision in consulting {
      // Workshops that are not there (a dangling reference) prove nothing either way.
      let held = decision.workshops.compactMap { workshops[$0.value] }
      guard !held.isEmpty, held.count == decision.workshops.count else { continue }
      let present = Set(held.flatMap { $0.participants.map(\.value) + ($0.facilitator.map { [$0.value] } ?? []) })
      let related = held.map(\.file)
      guard context.wants(decision.file, related: related) else { continue }
      for stakeholder in decision.consulted where !present.contains(stakeholder.value) {
        let named = context.named(.stakeholder, stakeholder.value)
        findings.append(
          finding(
            decision.file, stakeholder.location,
            context.say.consultedOnPaper(named, context.say.named(decision.id, title: decision.title)),
            hint: context.say.consultedOnPaperHint(named), related: related))
      }
    }
    return findings
  }
}

extension Wording {
  func consultedOnPaper(_ stakeholder: String, _ decision: String) -> String {
    self(
      en:
        "stakeholder \(stakeholder) is consulted on the decision \(decision) but took part in none of the workshops that prepared it",
      fr:
        "la partie prenante \(stakeholder) est consultée sur la décision \(decision) mais n'a participé à aucun des ateliers qui l'ont préparée"
    )
  }

  func consultedOnPaperHint(_ stakeholder: String) -> String {
    self(
      en:
        "add \(stakeholder) to the participants of the workshop where they were heard, or say how they were consulted in the body",
      fr:
        "ajoutez la partie prenante \(stakeholder) aux participants de l'atelier où elle a été entendue, ou dites dans le corps du texte comment elle a été consultée"
    )
  }
}
