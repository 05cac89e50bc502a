import SteerModel

public struct CapacityRule: Rule {
  public static let description = RuleDescription(
    id: "capacity", category: .roadmap, defaultSeverity: .error,
    scope: .linked(reading: [.iterations], naming: [.useCases]),
    summary: Localized(
      en: "The sum of an iteration's item efforts exceeds its `capacity`.",
      fr: "La somme des efforts des éléments d'une itération dépasse sa `capacity`."),
    rationale: Localized(
      en:
        "An over-full iteration is a decision deferred: something will slip, and the stakeholders should choose what rather than discover it.",
      fr:
        "Une itération trop pleine est une décision repoussée : quelque chose glissera, et les parties prenantes doivent choisir quoi plutôt que le découvrir."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "iterations/sprint-3.md":
            "---\ntitle: Sprint 3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: planned\ncapacity: ↓3\nitems:\n  - {usecase: sensors, target: deployed, effort: 4}\n---\n"
        ]
      ),
      RuleExample(
        triggers: false,
        [
          "iterations/sprint-3.md":
            "---\ntitle: Sprint 3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: planned\ncapacity: 4\nitems:\n  - {usecase: sensors, target: deployed, effort: 4}\n---\n"
        ]
      ),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    context.ledger.iterations.compactMap { finding($0, context) }
  }

  /// A finding involves its iteration and the use cases it plans, whose efforts it adds: after
  /// an edit of use cases, only the iterations that plan them are added up again.
  public func update(_ context: RuleContext, changed: Set<String>, previously: [Finding]) -> [Finding] {
    let roadmap = context.index.roadmap
    let positions = Set(
      ids(.usecase, in: changed, context).flatMap { context.index.itemsByUseCase[$0] ?? [] }.map(\.position))
    return replacing(
      previously, involving: changed, with: positions.sorted().compactMap { finding(roadmap[$0], context) })
  }

  private func finding(_ iteration: Iteration, _ context: RuleContext) -> Finding? {
    let say = context.say
    let unit = context.configuration.effortUnit ?? say.capacityUnit()
    guard let capacity = iteration.capacity else { return nil }
    let planned = iteration.items.reduce(0) { $0 + context.index.effort(of: $1) }
    guard planned > capacity + 1e-9 else { return nil }
    return finding(
      iteration.file, iteration.locations["capacity"],
      say.capacity(
        say.named(iteration.id, title: iteration.title), say.number(planned, digits: 6), unit,
        say.number(capacity, digits: 6)),
      hint: say.capacityHint(say.number(planned - capacity, digits: 6), unit),
      related: iteration.items.map { context.path(.usecase, $0.useCase.value) })
  }
}

extension Wording {
  func capacityUnit() -> String {
    self(
      en: "effort",
      fr: "d'effort")
  }

  func capacity(_ iteration: String, _ planned: String, _ unit: String, _ capacity: String) -> String {
    self(
      en: "iteration \(iteration) plans \(planned) \(unit) of work for a capacity of \(capacity)",
      fr: "l'itération \(iteration) prévoit \(planned) \(unit) de travail pour une capacité de \(capacity)")
  }

  func capacityHint(_ excess: String, _ unit: String) -> String {
    self(
      en: "move \(excess) \(unit) to a later iteration, or raise the capacity",
      fr: "reportez \(excess) \(unit) sur une itération suivante, ou augmentez la capacité")
  }
}
