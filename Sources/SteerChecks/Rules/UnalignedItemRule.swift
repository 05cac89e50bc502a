import SteerModel

public struct UnalignedItemRule: Rule {
  public static let description = RuleDescription(
    id: "unaligned-item", category: .roadmap, defaultSeverity: .error,
    scope: .linked(reading: [.iterations], naming: [.useCases, .objectives]),
    summary: Localized(
      en: "An item plans a use case that serves no `active` objective.",
      fr: "Un élément prévoit un cas d'usage qui ne sert aucun objectif `active`."),
    rationale: Localized(
      en:
        "Every iteration spends shared effort; work that serves no active objective is work the vision no longer asks for.",
      fr:
        "Chaque itération dépense un effort commun ; un travail qui ne sert aucun objectif actif est un travail que la vision ne demande plus."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "objectives/wifi.md": "---\ntitle: Beach Wi-Fi\naxis: data\nowner: mayor\nstatus: retired\n---\n",
          "usecases/hotspots.md": "---\ntitle: Hotspots\nobjectives: [wifi]\nphase: analysis\nowner: mayor\n---\n",
          "iterations/sprint-4.md":
            "---\ntitle: Sprint 4\nstart: 2026-06-01\nend: 2026-06-30\nstatus: planned\nitems:\n  - {usecase: ↓hotspots, target: ideation}\n---\n",
        ]),
      RuleExample(
        triggers: false,
        [
          "usecases/hotspots.md":
            "---\ntitle: Hotspots\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\n---\n",
          "iterations/sprint-4.md":
            "---\ntitle: Sprint 4\nstart: 2026-06-01\nend: 2026-06-30\nstatus: planned\nitems:\n  - {usecase: hotspots, target: ideation}\n---\n",
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    context.ledger.iterations.flatMap { iteration in iteration.items.compactMap { finding(iteration, $0, context) } }
  }

  /// A finding involves its iteration, its use case and the objectives that use case serves:
  /// after an edit of use cases alone, only the items that plan them are looked at again.
  public func update(_ context: RuleContext, changed: Set<String>, previously: [Finding]) -> [Finding] {
    let useCases = ids(.usecase, in: changed, context)
    guard changed.allSatisfy({ LedgerPart(path: $0, directory: context.ledger.directory) != .objectives }) else {
      return check(context)  // the use cases that serve an objective are not indexed
    }
    let roadmap = context.index.roadmap
    let again = useCases.flatMap { id in
      (context.index.itemsByUseCase[id] ?? []).compactMap { finding(roadmap[$0.position], $0.item, context) }
    }
    return replacing(previously, involving: changed, with: again)
  }

  private func finding(_ iteration: Iteration, _ item: Item, _ context: RuleContext) -> Finding? {
    guard context.index.servesActiveObjective(useCase: item.useCase.value) == false,
      let useCase = context.index.useCases[item.useCase.value],
      // An objective that cannot be read may well be active: its reading error says enough.
      !useCase.objectives.contains(where: { context.unreadable.contains(context.path(.objective, $0.value)) })
    else { return nil }
    let objectives = useCase.objectives.map { objective in
      context.say.unalignedItemObjective(
        context.named(.objective, objective.value),
        context.index.objectives[objective.value]?.status.word(context.say) ?? "?")
    }
    return finding(
      iteration.file, item.useCase.location,
      context.say.unalignedItem(
        context.say.named(iteration.id, title: iteration.title), context.say.named(useCase.id, title: useCase.title),
        objectives.joined(separator: context.say(en: "; ", fr: " ; "))),
      hint: context.say.unalignedItemHint(),
      related: [useCase.file] + useCase.objectives.map { context.path(.objective, $0.value) })
  }
}

extension Wording {
  func unalignedItem(_ iteration: String, _ useCase: String, _ objectives: String) -> String {
    self(
      en: "iteration \(iteration) plans \(useCase), which serves no active objective (\(objectives))",
      fr: "l'itération \(iteration) prévoit \(useCase), qui ne sert aucun objectif actif (\(objectives))")
  }

  func unalignedItemObjective(_ objective: String, _ status: String) -> String {
    self(en: "\(objective): \(status)", fr: "\(objective) : \(status)")
  }

  func unalignedItemHint() -> String {
    self(
      en: "link the use case to an active objective, or take it off the roadmap",
      fr: "rattachez le cas d'usage à un objectif actif, ou retirez-le de la feuille de route")
  }
}
