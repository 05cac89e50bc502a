import SteerModel

public struct OrphanObjectiveRule: Rule {
  public static let description = RuleDescription(
    id: "orphan-objective", category: .governance, defaultSeverity: .warning, scope: .parts([.objectives, .useCases]),
    summary: Localized(
      en:
        "An `active` objective is served by no use case that is not `abandoned` (in a region, its members' use cases that contribute to it count).",
      fr:
        "Un objectif `active` n'est servi par aucun cas d'usage qui ne soit pas `abandoned` (dans une région, les cas d'usage des membres qui y contribuent comptent)."
    ),
    rationale: Localized(
      en:
        "An objective nobody works on is a promise without a plan: either a use case should serve it, or it should be retired openly.",
      fr:
        "Un objectif sur lequel personne ne travaille est une promesse sans plan : soit un cas d'usage le sert, soit il est abandonné ouvertement."
    ),
    examples: [
      RuleExample(
        triggers: true, ["objectives/air.md": "---\ntitle: ↓Clean air\naxis: data\nowner: mayor\n---\n"]),
      RuleExample(
        triggers: false,
        [
          "objectives/air.md": "---\ntitle: Clean air\naxis: data\nowner: mayor\n---\n",
          "usecases/air-sensors.md": "---\ntitle: Air sensors\nobjectives: [air]\nphase: analysis\nowner: mayor\n---\n",
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    // A use case that cannot be read may serve any objective: its own error says enough.
    guard !context.hasOpaqueDocument(.usecase) else { return [] }
    var served = context.index.unbuiltReferences(to: .objective, from: .usecase)
    // A region's objective served by its members' use cases is served, as `coverage` counts it.
    for member in context.members { served.formUnion(member.contributions.map(\.objective)) }
    let live = context.index.liveUseCasesByObjective
    return context.ledger.objectives.filter { $0.status == .active && live[$0.id] == nil && !served.contains($0.id) }
      .map {
        finding(
          $0.file, $0.locations["title"], context.say.orphanObjective(context.say.named($0.id, title: $0.title)),
          hint: context.say.orphanObjectiveHint(), related: [context.directory(.usecase)])
      }
  }
}

extension Wording {
  func orphanObjective(_ objective: String) -> String {
    self(
      en: "objective \(objective) is active, but no live use case serves it",
      fr: "l'objectif \(objective) est actif, mais aucun cas d'usage actif ne le sert")
  }

  func orphanObjectiveHint() -> String {
    self(
      en: "add it to a use case's `objectives`, or set `status: retired`",
      fr: "ajoutez-le aux `objectives` d'un cas d'usage, ou indiquez `status: retired`")
  }
}
