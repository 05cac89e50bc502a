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
  /// The gaps in words, joined; nil when there are none. `named` names a stakeholder by id.
  public func description(_ say: Wording, named: (String) -> String) -> String? {
    var missing: [String] = []
    if noAnalysisWorkshop { missing.append(say.coConstructionNoAnalysis()) }
    if noIdeationWorkshop { missing.append(say.coConstructionNoIdeation()) }
    if noUsers { missing.append(say.coConstructionNoUsers()) }
    // Last, as it ends on the list of users.
    if !absentUsers.isEmpty {
      missing.append(say.coConstructionAbsentUsers(absentUsers.map(named).joined(separator: say(en: "; ", fr: " ; "))))
    }
    return missing.isEmpty ? nil : missing.joined(separator: say.coConstructionAnd())
  }
}

extension Wording {
  func coConstruction(_ useCase: String, _ phase: String, _ shortfall: String) -> String {
    self(
      en: "\(useCase) is at '\(phase)' but has had \(shortfall)",
      fr: "\(useCase) est en phase « \(phase) » mais n'a eu \(shortfall)")
  }

  func coConstructionHint() -> String {
    self(
      en: "hold the missing workshops with its users: \(DocumentKind.workshop.newCommand(self)) \"…\"",
      fr: "tenez les ateliers manquants avec ses usagers : \(DocumentKind.workshop.newCommand(self)) \"…\"")
  }

  func coConstructionNoAnalysis() -> String {
    self(
      en: "no analysis workshop",
      fr: "aucun atelier d'analyse")
  }

  func coConstructionNoIdeation() -> String {
    self(
      en: "no ideation workshop",
      fr: "aucun atelier d'idéation")
  }

  func coConstructionNoUsers() -> String {
    self(
      en: "no users listed, so none took part",
      fr: "aucun usager désigné, donc aucun n'a participé")
  }

  func coConstructionAbsentUsers(_ absentUsers: String) -> String {
    self(
      en: "none of its users took part in its workshops: \(absentUsers)",
      fr: "aucun de ses usagers n'a participé à ses ateliers : \(absentUsers)")
  }

  func coConstructionAnd() -> String {
    self(
      en: ", and ",
      fr: ", et ")
  }
}
