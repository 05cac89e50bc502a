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

  /// Why a use case falls short of co-construction, or nil when it does not.
  public static func shortfall(of useCase: UseCase, workshops: [Workshop]) -> String? {
    var missing: [String] = []
    let phases = Set(workshops.map(\.phase))
    if !phases.contains(.analysis) { missing.append("no analysis workshop") }
    if !phases.contains(.ideation) { missing.append("no ideation workshop") }
    let participants = Set(workshops.flatMap(\.participants).map(\.value))
    if useCase.users.isEmpty {
      missing.append("no users listed, so none took part")
    } else if !useCase.users.contains(where: { participants.contains($0.value) }) {
      missing.append(
        "none of its users (\(useCase.users.map(\.value).joined(separator: ", "))) took part in its workshops")
    }
    return missing.isEmpty ? nil : missing.joined(separator: ", and ")
  }

  public func check(_ context: RuleContext) -> [Finding] {
    let inUnreadableWorkshops = context.index.unbuiltReferences(to: .usecase, from: .workshop)
    return context.ledger.useCases.compactMap { useCase in
      guard let rank = useCase.phase.rank, rank >= Phase.prototype.rank!, !inUnreadableWorkshops.contains(useCase.id),
        let shortfall = Self.shortfall(of: useCase, workshops: context.index.workshopsByUseCase[useCase.id] ?? [])
      else { return nil }
      return finding(
        useCase.file, useCase.locations["phase"],
        "'\(useCase.id)' is at '\(useCase.phase.rawValue)' but has had \(shortfall)",
        hint: "hold the missing workshops with its users: steer new workshop \"…\"",
        related: [context.directory(.workshop)])
    }
  }
}
