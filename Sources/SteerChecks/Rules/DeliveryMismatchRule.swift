import SteerModel

public struct DeliveryMismatchRule: Rule {
  public static let description = RuleDescription(
    id: "delivery-mismatch", category: .governance, defaultSeverity: .warning,
    scope: .linked(reading: [.retros, .iterations], naming: [.useCases]),
    summary: Localized(
      en:
        "A retrospective says a use case was delivered at a phase later than the phase its file states now (the latest retrospective that names it counts).",
      fr:
        "Une rétrospective dit qu'un cas d'usage a été livré dans une phase postérieure à celle qu'indique son fichier (la plus récente rétrospective qui le nomme fait foi)."
    ),
    rationale: Localized(
      en:
        "When the ledger forgets a delivery, every figure built on phases (progress, rollout reach, the summary's funnel) tells the committee less than the team achieved; `steer retro record` moves the phase when it records the retrospective.",
      fr:
        "Quand le registre oublie une livraison, tous les chiffres fondés sur les phases (avancement, portée du déploiement, entonnoir de la synthèse) disent au comité moins que ce que l'équipe a fait ; `steer retro record` avance la phase en consignant la rétrospective."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "retros/sprint-1.md": """
          ---
          date: 2026-04-01
          participants: [mayor, residents]
          delivered:
            - {usecase: sensors, phase: ↓test}
          ---

          """
        ]),
      RuleExample(triggers: false, [:]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let latest = latestDeliveries(context)
    return latest.keys.sorted().compactMap { finding($0, latest[$0]!, context) }
  }

  /// A finding involves its retrospective and its use case: after an edit of use cases, only
  /// theirs are compared again.
  public func update(_ context: RuleContext, changed: Set<String>, previously: [Finding]) -> [Finding] {
    let ids = ids(.usecase, in: changed, context)
    let order = roadmapOrder(context)
    // The latest statement of the edited use cases alone: the one of the retrospective last in
    // roadmap order, then in file order, and the last in it.
    var latest: [String: (retro: Retro, delivery: Delivery)] = [:]
    for retro in context.ledger.retros {
      for delivery in retro.delivered where ids.contains(delivery.useCase.value) {
        let id = delivery.useCase.value
        if let earlier = latest[id]?.retro,
          (order[earlier.iteration] ?? -1, earlier.file) > (order[retro.iteration] ?? -1, retro.file)
        {
          continue
        }
        latest[id] = (retro, delivery)
      }
    }
    let again = ids.compactMap { id in latest[id].flatMap { finding(id, $0, context) } }
    return replacing(previously, involving: changed, with: again)
  }

  /// The latest statement of each use case's delivery: retrospectives in roadmap order.
  private func latestDeliveries(_ context: RuleContext) -> [String: (retro: Retro, delivery: Delivery)] {
    let order = roadmapOrder(context)
    let retros = context.ledger.retros.sorted {
      (order[$0.iteration] ?? -1, $0.file) < (order[$1.iteration] ?? -1, $1.file)
    }
    var latest: [String: (retro: Retro, delivery: Delivery)] = [:]
    for retro in retros {
      for delivery in retro.delivered { latest[delivery.useCase.value] = (retro, delivery) }
    }
    return latest
  }

  private func roadmapOrder(_ context: RuleContext) -> [String: Int] {
    Dictionary(context.index.roadmap.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  private func finding(_ id: String, _ latest: (retro: Retro, delivery: Delivery), _ context: RuleContext) -> Finding? {
    let (retro, delivery) = latest
    guard let useCase = context.index.useCases[id], let current = useCase.phase.rank,
      let delivered = delivery.phase.rank, delivered > current
    else { return nil }
    let say = context.say
    // Until the retrospective is recorded, recording it moves the phase: no editing by hand.
    let unrecorded = context.circumstances.recordedIterations.map { !$0.contains(retro.iteration) } ?? false
    let hint =
      unrecorded && context.index.iterations[retro.iteration] != nil
      ? say.deliveryMismatchRecordHint(retro.iteration, useCase.file, delivery.phase)
      : say.deliveryMismatchHint(useCase.file, delivery.phase)
    return finding(
      retro.file, delivery.locations["phase"],
      say.deliveryMismatch(
        context.named(.iteration, retro.iteration), say.named(id, title: useCase.title), delivered: delivery.phase,
        current: useCase.phase), hint: hint,
      related: [useCase.file])
  }
}

extension Wording {
  fileprivate func deliveryMismatch(_ iteration: String, _ useCase: String, delivered: Phase, current: Phase) -> String
  {
    self(
      en:
        "the retrospective of iteration \(iteration) says \(useCase) was delivered at '\(delivered.word(self))', but its file says '\(current.word(self))'",
      fr:
        "la rétrospective de l'itération \(iteration) dit que \(useCase) a été livré en phase « \(delivered.word(self)) », mais son fichier indique « \(current.word(self)) »"
    )
  }

  fileprivate func deliveryMismatchHint(_ file: String, _ phase: Phase) -> String {
    self(
      en: "write `phase: \(phase.rawValue)` in \(file), or correct the retrospective",
      fr: "indiquez `phase: \(phase.rawValue)` dans \(file), ou corrigez la rétrospective")
  }

  fileprivate func deliveryMismatchRecordHint(_ iteration: String, _ file: String, _ phase: Phase) -> String {
    self(
      en:
        "this retrospective is not recorded yet: run `steer retro record \(iteration)`, which records it and writes `phase: \(phase.rawValue)` in \(file)",
      fr:
        "cette rétrospective n'est pas encore consignée : lancez `steer retro record \(iteration)`, qui la consigne et écrit `phase: \(phase.rawValue)` dans \(file)"
    )
  }
}
