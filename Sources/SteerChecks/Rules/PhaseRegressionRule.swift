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
    var findings: [Finding] = []
    for (useCaseID, planned) in context.index.itemsByUseCase {
      guard let useCase = context.index.useCases[useCaseID] else { continue }
      var highest: LedgerIndex.PlannedItem?
      for entry in planned {
        let (iteration, item) = (entry.iteration, entry.item)
        guard let target = item.target.rank else { continue }
        if useCase.phase == .abandoned {
          if iteration.status != .closed {
            findings.append(
              finding(
                iteration.file, item.useCase.location,
                context.say("rule.phase-regression.abandoned", iteration.id, useCase.id),
                hint: context.say("rule.phase-regression.abandoned.hint"), related: [useCase.file]))
          }
          continue
        }
        if iteration.status != .closed, let current = useCase.phase.rank, target <= current {
          findings.append(
            finding(
              iteration.file, item.locations["target"],
              context.say(
                "rule.phase-regression.current", iteration.id, useCase.id, item.target.rawValue, useCase.phase.rawValue),
              hint: context.say("rule.phase-regression.current.hint", useCase.phase.rawValue), related: [useCase.file]))
        } else if let earlier = highest, let earlierTarget = earlier.item.target.rank, target < earlierTarget {
          findings.append(
            finding(
              iteration.file, item.locations["target"],
              context.say(
                "rule.phase-regression.earlier", iteration.id, useCase.id, item.target.rawValue, earlier.iteration.id,
                earlier.item.target.rawValue),
              hint: context.say("rule.phase-regression.earlier.hint", earlier.item.target.rawValue),
              related: [useCase.file, earlier.iteration.file]))
        }
        if highest.map({ target > ($0.item.target.rank ?? 0) }) ?? true { highest = entry }
      }
    }
    return findings
  }
}
