import SteerModel

public struct DependencyCycleRule: Rule {
  public static let description = RuleDescription(
    id: "dependency-cycle", category: .roadmap, defaultSeverity: .error,
    scope: .linked(reading: [], naming: [.useCases]),
    summary: Localized(
      en: "`depends_on` contains a cycle (the message lists it).",
      fr: "`depends_on` forme un cycle (le message le détaille)."),
    rationale: Localized(
      en:
        "Use cases that wait for each other can never be deployed: the cycle has to be broken by a decision, and the sooner the better.",
      fr:
        "Des cas d'usage qui s'attendent les uns les autres ne pourront jamais être déployés : seule une décision rompt le cycle, et le plus tôt sera le mieux."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "usecases/app.md":
            "---\ntitle: App\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\ndepends_on: [↓portal]\n---\n",
          "usecases/portal.md":
            "---\ntitle: Portal\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\ndepends_on: [app]\n---\n",
        ]),
      RuleExample(
        triggers: false,
        [
          "usecases/app.md":
            "---\ntitle: App\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\ndepends_on: [portal]\n---\n",
          "usecases/portal.md":
            "---\ntitle: Portal\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\ndepends_on: [sensors]\n---\n",
        ]),
    ])

  /// Tarjan's strongly connected components: linear in use cases and dependencies. Each
  /// cycle is reported once, at the dependency that leaves its first use case (by id).
  public func check(_ context: RuleContext) -> [Finding] {
    let useCases = context.index.useCases
    // Use cases numbered in id order, their dependencies as numbers: the walk then needs no
    // hashing and no copy of a use case.
    let ids = useCases.ids.sorted()
    var number: [String: Int] = [:]
    number.reserveCapacity(ids.count)
    for (position, id) in ids.enumerated() { number[id] = position }
    var dependencies = [[Int]?](repeating: nil, count: ids.count)
    let all = context.ledger.useCases
    for position in all.indices {
      let node = number[all[position].id]!
      if dependencies[node] == nil {  // where two use cases share an id, the first counts
        dependencies[node] = all[position].dependsOn.compactMap { number[$0.value] }
      }
    }

    return Cycles.components(dependencies.map { $0 ?? [] }).map {
      report(Set($0.map { ids[$0] }), useCases, context.say)
    }
  }

  /// A cycle depends on its members and on what could join it: a cycle that changed passes
  /// through a changed use case, now or before. The cycles through the changed use cases and
  /// the members of those they were in are found again, among the use cases they lead to; the
  /// cycles that share none of these stand.
  public func update(_ context: RuleContext, changed: Set<String>, previously: [Finding]) -> [Finding] {
    let useCases = context.index.useCases
    var starts = Set(ids(.usecase, in: changed, context))
    for finding in previously where finding.involves(changed) {
      starts.formUnion(ids(.usecase, in: Set(finding.related), context))
    }
    // Every use case the starts lead to, numbered, with their dependencies as numbers.
    var reached = starts.filter { useCases[$0] != nil }.sorted()
    var number = Dictionary(uniqueKeysWithValues: reached.enumerated().map { ($1, $0) })
    var dependencies: [[Int]] = []
    while dependencies.count < reached.count {
      let next = useCases[reached[dependencies.count]]!.dependsOn.compactMap { dependency -> Int? in
        guard useCases[dependency.value] != nil else { return nil }
        if let known = number[dependency.value] { return known }
        number[dependency.value] = reached.count
        reached.append(dependency.value)
        return reached.count - 1
      }
      dependencies.append(next)
    }
    let cycles = Cycles.components(dependencies).map { Set($0.map { reached[$0] }) }.filter {
      !$0.isDisjoint(with: starts)
    }
    var involved = Set(starts.map { context.path(.usecase, $0) })
    for cycle in cycles { involved.formUnion(cycle.map { context.path(.usecase, $0) }) }
    return previously.filter { !$0.involves(involved) } + cycles.map { report($0, useCases, context.say) }
  }

  /// Walks the cycle from its first member, always to the first dependency inside it. Each
  /// member is named by title and id: the committee knows the titles, whoever breaks the cycle
  /// looks for the ids in the `depends_on` lists.
  private func report(_ members: Set<String>, _ useCases: ByID<UseCase>, _ say: Wording) -> Finding {
    let path = Cycles.path(through: members) { useCases[$0]!.dependsOn.map(\.value) }
    let useCase = useCases[path[0]]!
    let entry = useCase.dependsOn.first { $0.value == path[1] }!
    let named = path.map { say.named($0, title: useCases[$0]!.title) }
    return finding(
      useCase.file, entry.location,
      say.dependencyCycle(named[0], named.joined(separator: " → ")),
      hint: say.dependencyCycleHint(),
      related: members.sorted().compactMap { useCases[$0]?.file })
  }
}

extension Wording {
  func dependencyCycle(_ first: String, _ path: String) -> String {
    self(
      en: "use case \(first) depends on itself: \(path)",
      fr: "le cas d'usage \(first) dépend de lui-même : \(path)")
  }

  func dependencyCycleHint() -> String {
    self(
      en: "remove one of these dependencies: a cycle can never be deployed",
      fr: "retirez l'une de ces dépendances : un cycle ne peut jamais être déployé")
  }
}
