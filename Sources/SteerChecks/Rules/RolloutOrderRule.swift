import SteerModel

public struct RolloutOrderRule: Rule {
  public static let description = RuleDescription(
    id: "rollout-order", category: .governance, defaultSeverity: .warning, scope: .parts([.vision, .useCases]),
    summary: Localized(
      en: "A use case on rollout step k is `deployed` or `scaled` while no use case on an earlier step is.",
      fr:
        "Un cas d'usage de l'étape de déploiement k est `deployed` ou `scaled` alors qu'aucun cas d'usage d'une étape antérieure ne l'est."
    ),
    rationale: Localized(
      en:
        "The rollout order is a collective decision (beaches before parks before roads): deploying out of order quietly overrides it.",
      fr:
        "L'ordre de déploiement est une décision collective (les plages avant les parcs avant la voirie) : déployer dans le désordre la contourne sans le dire."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "usecases/park-sensors.md":
            "---\ntitle: Park sensors\nobjectives: [clean-water]\nphase: deployed\nowner: mayor\nrollout_step: ↓parks\n---\n"
        ]
      ),
      RuleExample(
        triggers: false,
        [
          "usecases/park-sensors.md":
            "---\ntitle: Park sensors\nobjectives: [clean-water]\nphase: test\nowner: mayor\nrollout_step: parks\n---\n"
        ]
      ),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    guard let rollout = context.ledger.vision?.rollout, rollout.count > 1 else { return [] }
    let position = Dictionary(rollout.enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { first, _ in first })
    // By index: iterating would copy every use case whole to read two fields.
    let useCases = context.ledger.useCases
    let firstDeployedStep = useCases.indices.lazy.filter { useCases[$0].phase.isDeployed }
      .compactMap { useCases[$0].rolloutStep.flatMap { position[$0.value] } }.min()
    guard let firstDeployedStep else { return [] }
    let say = context.say
    let named = rollout.map { say.named($0.id.value, title: $0.title) }
    return useCases.indices.compactMap { index in
      guard useCases[index].phase.isDeployed, let step = useCases[index].rolloutStep,
        let stepPosition = position[step.value],
        stepPosition > 0, firstDeployedStep >= stepPosition
      else { return nil }
      let useCase = useCases[index]
      return finding(
        useCase.file, step.location,
        say.rolloutOrder(
          say.named(useCase.id, title: useCase.title), useCase.phase.word(say), named[stepPosition], named[0]),
        hint: say.rolloutOrderHint(named.joined(separator: " → ")),
        related: [context.visionPath, context.directory(.usecase)])
    }
  }
}

extension Wording {
  func rolloutOrder(_ useCase: String, _ phase: String, _ step: String, _ rollout: String) -> String {
    self(
      en: "use case \(useCase) is \(phase) on step \(step), but nothing is deployed yet on the earlier step \(rollout)",
      fr:
        "le cas d'usage \(useCase) est en phase « \(phase) » sur l'étape \(step), mais rien n'est encore déployé sur l'étape antérieure \(rollout)"
    )
  }

  func rolloutOrderHint(_ rollout: String) -> String {
    self(
      en: "the rollout order is \(rollout): deploy on earlier steps first, or revise the order in vision.md",
      fr:
        "l'ordre de déploiement est \(rollout) : déployez d'abord les étapes antérieures, ou révisez l'ordre dans vision.md"
    )
  }
}
