import SteerModel

public struct PhaseRegressionRule: Rule {
  public static let description = RuleDescription(
    id: "phase-regression", category: .roadmap, defaultSeverity: .error,
    summary:
      "In a `planned` or `active` iteration, an item's target is not after the use case's current phase; or a later iteration targets an earlier phase than an earlier iteration for the same use case; or an item plans an `abandoned` use case.",
    rationale:
      "A roadmap that plans work already done, plans backwards, or revives an abandoned project promises the stakeholders progress that cannot happen.",
    examples: [
      RuleExample(
        triggers: true,
        [
          "iterations/sprint-3.md": """
          ---
          title: Sprint 3
          start: 2026-05-01
          end: 2026-05-31
          status: planned
          items:
            - {usecase: sensors, target: ↓prototype}
          ---

          """
        ]),
      RuleExample(
        triggers: true,
        [
          "usecases/kiosk.md": "---\ntitle: Kiosk\nobjectives: [clean-water]\nphase: abandoned\nowner: mayor\n---\n",
          "iterations/sprint-4.md":
            "---\ntitle: Sprint 4\nstart: 2026-06-01\nend: 2026-06-30\nstatus: planned\nitems:\n  - {usecase: ↓kiosk, target: ideation}\n---\n",
        ]),
      RuleExample(triggers: false, [:]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let (roadmap, useCases) = (context.index.roadmap, context.index.useCases)
    var findings: [Finding] = []
    // Fields are read where they are needed: copying every use case and iteration whole
    // (every string and list retained) cost more than the rule itself.
    for (useCaseID, planned) in context.index.itemsByUseCase {
      guard let phase = useCases[useCaseID]?.phase else { continue }
      let useCaseFile = { useCases[useCaseID]!.file }
      var highest: LedgerIndex.PlannedItem?
      for entry in planned {
        let (position, item) = (entry.position, entry.item)
        guard let target = item.target.rank else { continue }
        if phase == .abandoned {
          if roadmap[position].status != .closed {
            findings.append(
              finding(
                roadmap[position].file, item.useCase.location,
                context.say("rule.phase-regression.abandoned", roadmap[position].id, useCaseID),
                hint: context.say("rule.phase-regression.abandoned.hint"), related: [useCaseFile()]))
          }
          continue
        }
        if roadmap[position].status != .closed, let current = phase.rank, target <= current {
          findings.append(
            finding(
              roadmap[position].file, item.locations["target"],
              context.say(
                "rule.phase-regression.current", roadmap[position].id, useCaseID, item.target.rawValue, phase.rawValue),
              hint: context.say("rule.phase-regression.current.hint", phase.rawValue), related: [useCaseFile()]))
        } else if let earlier = highest, let earlierTarget = earlier.item.target.rank, target < earlierTarget {
          findings.append(
            finding(
              roadmap[position].file, item.locations["target"],
              context.say(
                "rule.phase-regression.earlier", roadmap[position].id, useCaseID, item.target.rawValue,
                roadmap[earlier.position].id, earlier.item.target.rawValue),
              hint: context.say("rule.phase-regression.earlier.hint", earlier.item.target.rawValue),
              related: [useCaseFile(), roadmap[earlier.position].file]))
        }
        if highest.map({ target > ($0.item.target.rank ?? 0) }) ?? true { highest = entry }
      }
    }
    return findings
  }
}
