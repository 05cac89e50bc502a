import SteerMetrics
import SteerModel

public struct CoConstructionRule: Rule {
  public static let description = RuleDescription(
    id: "co-construction", category: .governance, defaultSeverity: .warning,
    summary:
      "A use case at `prototype` or later has not had both an `analysis` and an `ideation` workshop, or none of its `users` took part in any of its workshops.",
    rationale:
      "A service built without its users is built for someone else: analysis and ideation with the people who will use it come before any prototype.",
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
    let inUnreadableWorkshops = context.index.unbuiltReferences(to: .usecase, from: .workshop)
    let related = [context.directory(.workshop)]
    let useCases = context.ledger.useCases
    // By index: most use cases are ruled out by their phase, without a copy of the use case.
    return useCases.indices.compactMap { index in
      guard let rank = useCases[index].phase.rank, rank >= Phase.prototype.rank! else { return nil }
      let useCase = useCases[index]
      guard context.wants(useCase.file, related: related), !inUnreadableWorkshops.contains(useCase.id),
        let shortfall = CoConstructionGaps(useCase, workshops: context.index.workshopsByUseCase[useCase.id] ?? [])
          .description(context.say)
      else { return nil }
      return finding(
        useCase.file, useCase.locations["phase"],
        context.say("rule.co-construction", useCase.id, useCase.phase.rawValue, shortfall),
        hint: context.say("rule.co-construction.hint"), related: related)
    }
  }
}

extension CoConstructionGaps {
  /// The gaps in words, joined; nil when there are none.
  public func description(_ say: Wording) -> String? {
    var missing: [String] = []
    if noAnalysisWorkshop { missing.append(say("rule.co-construction.no_analysis")) }
    if noIdeationWorkshop { missing.append(say("rule.co-construction.no_ideation")) }
    if noUsers { missing.append(say("rule.co-construction.no_users")) }
    if !absentUsers.isEmpty {
      missing.append(say("rule.co-construction.absent_users", absentUsers.joined(separator: ", ")))
    }
    return missing.isEmpty ? nil : missing.joined(separator: say("rule.co-construction.and"))
  }
}
