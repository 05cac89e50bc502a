import SteerModel

public struct DependencyOrderRule: Rule {
  public static let description = RuleDescription(
    id: "dependency-order", category: .roadmap, defaultSeverity: .error, scope: .parts([.iterations, .useCases]),
    summary: Localized(
      en:
        "In a `planned` or `active` iteration, an item targets `deployed` or `scaled` for a use case while one of its dependencies is neither already `deployed`/`scaled` nor planned to reach `deployed` in an earlier-or-same iteration.",
      fr:
        "Dans une itération `planned` ou `active`, un élément vise `deployed` ou `scaled` pour un cas d'usage alors que l'une de ses dépendances n'est ni déjà `deployed` ou `scaled`, ni prévue en `deployed` dans une itération antérieure ou la même."
    ),
    rationale: Localized(
      en:
        "Deploying a service before what it stands on is deployed is a promise the roadmap cannot keep; the dependency has to be planned first.",
      fr:
        "Déployer un service avant ce sur quoi il repose est une promesse que la feuille de route ne peut pas tenir : la dépendance doit être planifiée d'abord."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "usecases/display.md":
            "---\ntitle: Display\nobjectives: [clean-water]\nphase: test\nowner: mayor\ndepends_on: [sensors]\n---\n",
          "iterations/sprint-2.md":
            "---\ntitle: Sprint 2\nstart: 2026-04-01\nend: 2026-04-30\nstatus: active\nitems:\n  - {usecase: sensors, target: test}\n  - {usecase: display, target: ↓deployed}\n---\n",
        ]),
      RuleExample(
        triggers: false,
        [
          "usecases/display.md":
            "---\ntitle: Display\nobjectives: [clean-water]\nphase: test\nowner: mayor\ndepends_on: [sensors]\n---\n",
          "iterations/sprint-3.md":
            "---\ntitle: Sprint 3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: planned\nitems:\n  - {usecase: sensors, target: deployed}\n  - {usecase: display, target: deployed}\n---\n",
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let index = context.index
    // Dependency id → the earliest roadmap position that plans it to reach deployed or scaled.
    var deployedAt: [String: Int] = [:]
    for (useCase, planned) in index.itemsByUseCase {
      if let first = planned.first(where: { $0.item.target.isDeployed }) { deployedAt[useCase] = first.position }
    }
    var findings: [Finding] = []
    let say = context.say
    // A closed iteration is the past: a dependency added since cannot re-plan it.
    for (position, iteration) in index.roadmap.enumerated() where iteration.status != .closed {
      for item in iteration.items where item.target.isDeployed {
        guard let useCase = index.useCases[item.useCase.value] else { continue }
        for dependency in useCase.dependsOn {
          guard let needed = index.useCases[dependency.value], !needed.phase.isDeployed,
            (deployedAt[needed.id] ?? Int.max) > position
          else { continue }
          let plan =
            deployedAt[needed.id].map {
              say.dependencyOrderLater(say.named(index.roadmap[$0].id, title: index.roadmap[$0].title))
            } ?? say.dependencyOrderNever()
          let named = say.named(iteration.id, title: iteration.title)
          let neededNamed = say.named(needed.id, title: needed.title)
          findings.append(
            finding(
              iteration.file, item.locations["target"],
              say.dependencyOrder(
                named, say.named(useCase.id, title: useCase.title), item.target.word(say), neededNamed,
                needed.phase.word(say), plan),
              hint: say.dependencyOrderHint(neededNamed, named),
              related: [useCase.file, needed.file, context.directory(.iteration)]))
        }
      }
    }
    return findings
  }
}

extension Wording {
  func dependencyOrderLater(_ iteration: String) -> String {
    self(
      en: "it is planned for a later iteration, \(iteration)",
      fr: "elle n'est prévue que pour une itération ultérieure, \(iteration)")
  }

  func dependencyOrderNever() -> String {
    self(
      en: "no iteration plans to deploy it",
      fr: "aucune itération ne prévoit de la déployer")
  }

  func dependencyOrderHint(_ needed: String, _ iteration: String) -> String {
    self(
      en: "plan \(needed) to reach 'deployed' in iteration \(iteration) or earlier, or drop the dependency",
      fr: "prévoyez \(needed) en `deployed` dans l'itération \(iteration) ou avant, ou retirez la dépendance")
  }
}

extension Wording {
  func dependencyOrder(
    _ iteration: String, _ useCase: String, _ target: String, _ needed: String, _ phase: String, _ plan: String
  ) -> String {
    self(
      en:
        "iteration \(iteration) plans \(useCase) to reach '\(target)', but its dependency \(needed) is at '\(phase)' and \(plan)",
      fr:
        "l'itération \(iteration) prévoit de porter \(useCase) en « \(target) », mais sa dépendance \(needed) est en « \(phase) » et \(plan)"
    )
  }
}
