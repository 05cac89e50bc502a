import SteerMetrics
import SteerModel

public struct CoConstructionRule: Rule {
  public static let description = RuleDescription(
    id: "co-construction", category: .governance, defaultSeverity: .warning,
    scope: .document(reading: [.workshops, .stakeholders]),
    summary: Localized(
      en:
        "A use case at `prototype` or later has not had both an `analysis` and an `ideation` workshop, or none of its `users` took part in any of its workshops.",
      fr:
        "Un cas d'usage en `prototype` ou au-delà n'a pas eu à la fois un atelier d'`analysis` et un atelier d'`ideation`, ou aucun de ses `users` n'a participé à ses ateliers."
    ),
    rationale: Localized(
      en:
        "A service built without its users is built for someone else: analysis and ideation with the people who will use it come before any prototype.",
      fr:
        "Un service construit sans ses usagers est construit pour quelqu'un d'autre : l'analyse et l'idéation avec ceux qui s'en serviront viennent avant tout prototype."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "usecases/kiosk.md":
            "---\ntitle: Kiosk\nobjectives: [clean-water]\nphase: ↓prototype\nowner: mayor\nusers: [residents]\n---\n",
          "workshops/kiosk-analysis.md":
            "---\ndate: 2026-02-01\nphase: analysis\nusecases: [kiosk]\nparticipants: [mayor, residents]\n---\n",
        ]),
      RuleExample(
        triggers: false,
        [
          "usecases/kiosk.md":
            "---\ntitle: Kiosk\nobjectives: [clean-water]\nphase: prototype\nowner: mayor\nusers: [residents]\n---\n",
          "workshops/kiosk-analysis.md":
            "---\ndate: 2026-02-01\nphase: analysis\nusecases: [kiosk]\nparticipants: [mayor, residents]\n---\n",
          "workshops/kiosk-ideation.md":
            "---\ndate: 2026-02-15\nphase: ideation\nusecases: [kiosk]\nparticipants: [mayor, engineers]\n---\n",
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    // A workshop that cannot be read may be any use case's missing one: its error says enough.
    guard !context.hasOpaqueDocument(.workshop) else { return [] }
    let inUnreadableWorkshops = context.index.unbuiltReferences(to: .usecase, from: .workshop)
    let related = [context.directory(.workshop)]
    let useCases = context.ledger.useCases
    // By index: most use cases are ruled out by their phase, without a copy of the use case.
    return useCases.indices.compactMap { index in
      guard let rank = useCases[index].phase.rank, rank >= Phase.prototype.rank! else { return nil }
      let useCase = useCases[index]
      guard context.wants(useCase.file, related: related), !inUnreadableWorkshops.contains(useCase.id),
        let shortfall = CoConstructionGaps(useCase, workshops: context.index.workshopsByUseCase[useCase.id] ?? [])
          .description(context.say, named: { context.named(.stakeholder, $0) })
      else { return nil }
      return finding(
        useCase.file, useCase.locations["phase"],
        context.say.coConstruction(
          context.say.named(useCase.id, title: useCase.title), useCase.phase.word(context.say), shortfall),
        hint: context.say.coConstructionHint(), related: related)
    }
  }
}

extension CoConstructionGaps {
  /// The gaps in words, each a clause of its own, joined; nil when there are none. `named`
  /// names a stakeholder by id.
  public func description(_ say: Wording, named: (String) -> String) -> String? {
    var clauses: [String] = []
    switch (noAnalysisWorkshop, noIdeationWorkshop) {
    case (true, true): clauses.append(say.coConstructionNoWorkshops())
    case (true, false): clauses.append(say.coConstructionNoAnalysis())
    case (false, true): clauses.append(say.coConstructionNoIdeation())
    case (false, false): break
    }
    if noUsers { clauses.append(say.coConstructionNoUsers()) }
    // Last, as it ends on the list of users.
    if !absentUsers.isEmpty {
      clauses.append(say.coConstructionAbsentUsers(absentUsers.map(named).joined(separator: say(en: "; ", fr: " ; "))))
    }
    return clauses.isEmpty ? nil : say.conjunction(clauses)
  }
}

extension Wording {
  func coConstruction(_ useCase: String, _ phase: String, _ shortfall: String) -> String {
    self(
      en: "\(useCase) is at '\(phase)' but \(shortfall)",
      fr: "\(useCase) est en phase « \(phase) » mais \(shortfall)")
  }

  func coConstructionHint() -> String {
    self(
      en: "hold the missing workshops with its users: \(DocumentKind.workshop.newCommand(self)) \"…\"",
      fr: "tenez les ateliers manquants avec ses usagers : \(DocumentKind.workshop.newCommand(self)) \"…\"")
  }

  func coConstructionNoWorkshops() -> String {
    self(en: "has had no analysis or ideation workshop", fr: "n'a eu aucun atelier d'analyse ni d'idéation")
  }

  func coConstructionNoAnalysis() -> String {
    self(en: "has had no analysis workshop", fr: "n'a eu aucun atelier d'analyse")
  }

  func coConstructionNoIdeation() -> String {
    self(en: "has had no ideation workshop", fr: "n'a eu aucun atelier d'idéation")
  }

  func coConstructionNoUsers() -> String {
    self(en: "lists no users", fr: "ne désigne aucun usager")
  }

  func coConstructionAbsentUsers(_ absentUsers: String) -> String {
    self(
      en: "none of its users took part in its workshops: \(absentUsers)",
      fr: "aucun de ses usagers n'a participé à ses ateliers : \(absentUsers)")
  }

}
