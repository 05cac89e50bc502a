import SteerModel

public struct PhaseRegressionRule: Rule {
  public static let description = RuleDescription(
    id: "phase-regression", category: .roadmap, defaultSeverity: .error,
    scope: .linked(reading: [.iterations], naming: [.useCases]),
    summary: Localized(
      en:
        "In a `planned` iteration, an item's target is not after the use case's current phase (in the `active` iteration, a use case that reached its target is done); or a later iteration targets an earlier phase than an earlier iteration for the same use case; or an item plans an `abandoned` use case.",
      fr:
        "Dans une itération `planned`, la cible d'un élément ne dépasse pas la phase actuelle du cas d'usage (dans l'itération `active`, un cas d'usage qui a atteint sa cible est terminé) ; ou une itération plus tardive vise une phase antérieure à celle d'une itération plus précoce pour le même cas d'usage ; ou un élément prévoit un cas d'usage `abandoned`."
    ),
    rationale: Localized(
      en:
        "A roadmap that plans work already done, plans backwards, or revives an abandoned project promises the stakeholders progress that cannot happen.",
      fr:
        "Une feuille de route qui prévoit un travail déjà fait, recule, ou ranime un projet abandonné promet aux parties prenantes un progrès qui ne peut pas avoir lieu."
    ),
    examples: [
      RuleExample(
        triggers: true,
        ExampleLedger.file("iterations/sprint-3.md", ["capacity: 5\n": "", "target: deployed": "target: ↓prototype"])),
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
    context.index.itemsByUseCase.flatMap { findings(useCase: $0, planned: $1, context) }
  }

  /// A finding involves the iterations and the one use case it names: after an edit of use
  /// cases, only the items that plan them are looked at again.
  public func update(_ context: RuleContext, changed: Set<String>, previously: [Finding]) -> [Finding] {
    let again = ids(.usecase, in: changed, context).flatMap { id in
      context.index.itemsByUseCase[id].map { findings(useCase: id, planned: $0, context) } ?? []
    }
    return replacing(previously, involving: changed, with: again)
  }

  private func findings(useCase useCaseID: String, planned: [LedgerIndex.PlannedItem], _ context: RuleContext)
    -> [Finding]
  {
    let (roadmap, useCases) = (context.index.roadmap, context.index.useCases)
    // Fields are read where they are needed: copying every use case and iteration whole
    // (every string and list retained) cost more than the rule itself.
    guard let phase = useCases[useCaseID]?.phase else { return [] }
    let useCaseFile = { useCases[useCaseID]!.file }
    var findings: [Finding] = []
    var highest: LedgerIndex.PlannedItem?
    for entry in planned {
      let (position, item) = (entry.position, entry.item)
      guard let target = item.target.rank else { continue }
      if phase == .abandoned {
        if roadmap[position].status != .closed {
          findings.append(
            finding(
              roadmap[position].file, item.useCase.location,
              context.say.phaseRegressionAbandoned(
                context.named(.iteration, roadmap[position].id), context.named(.usecase, useCaseID)),
              hint: context.say.phaseRegressionAbandonedHint(), related: [useCaseFile()]))
        }
        continue
      }
      // In the active iteration a use case that reached its target is done: only what is
      // still planned must aim past where the use case stands.
      if roadmap[position].status == .planned, let current = phase.rank, target <= current {
        findings.append(
          finding(
            roadmap[position].file, item.locations["target"],
            context.say.phaseRegressionCurrent(
              context.named(.iteration, roadmap[position].id), context.named(.usecase, useCaseID),
              item.target.word(context.say), phase.word(context.say)),
            hint: context.say.phaseRegressionCurrentHint(phase.word(context.say)), related: [useCaseFile()]))
      } else if let earlier = highest, let earlierTarget = earlier.item.target.rank, target < earlierTarget {
        findings.append(
          finding(
            roadmap[position].file, item.locations["target"],
            context.say.phaseRegressionEarlier(
              context.named(.iteration, roadmap[position].id), context.named(.usecase, useCaseID),
              item.target.word(context.say), context.named(.iteration, roadmap[earlier.position].id),
              earlier.item.target.word(context.say)),
            hint: context.say.phaseRegressionEarlierHint(earlier.item.target.rawValue),
            related: [useCaseFile(), roadmap[earlier.position].file]))
      }
      if highest.map({ target > ($0.item.target.rank ?? 0) }) ?? true { highest = entry }
    }
    return findings
  }
}

extension Wording {
  func phaseRegressionAbandoned(_ iteration: String, _ useCase: String) -> String {
    self(
      en: "iteration \(iteration) plans \(useCase), which is abandoned",
      fr: "l'itération \(iteration) prévoit \(useCase), qui est abandonné")
  }

  func phaseRegressionAbandonedHint() -> String {
    self(
      en: "remove the item, or revive the use case by setting its phase",
      fr: "retirez l'élément, ou relancez le cas d'usage en fixant sa phase")
  }

  func phaseRegressionCurrentHint(_ phase: String) -> String {
    self(
      en: "target a phase after '\(phase)', or remove the item",
      fr: "visez une phase après « \(phase) », ou retirez l'élément")
  }

  func phaseRegressionEarlierHint(_ target: String) -> String {
    self(
      en: "a use case moves forward: target '\(target)' or later here",
      fr: "un cas d'usage avance : visez ici « \(target) » ou au-delà")
  }
}

extension Wording {
  func phaseRegressionCurrent(_ iteration: String, _ useCase: String, _ target: String, _ phase: String) -> String {
    self(
      en: "iteration \(iteration) plans \(useCase) to reach '\(target)', but it is already at '\(phase)'",
      fr:
        "l'itération \(iteration) prévoit de porter \(useCase) en « \(target) », mais il est déjà en « \(phase) »"
    )
  }

  func phaseRegressionEarlier(
    _ iteration: String, _ useCase: String, _ target: String, _ earlier: String, _ earlierTarget: String
  ) -> String {
    self(
      en:
        "iteration \(iteration) plans \(useCase) to reach '\(target)', but the earlier iteration \(earlier) already plans '\(earlierTarget)'",
      fr:
        "l'itération \(iteration) prévoit de porter \(useCase) en « \(target) », mais l'itération antérieure \(earlier) prévoit déjà « \(earlierTarget) »"
    )
  }
}
