import SteerModel

public struct DependencyCycleRule: Rule {
  public static let description = RuleDescription(
    id: "dependency-cycle", category: .roadmap, defaultSeverity: .error,
    summary: "`depends_on` contains a cycle (the message lists it).",
    rationale:
      "Use cases that wait for each other can never be deployed: the cycle has to be broken by a decision, and the sooner the better.",
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
    var order: [String: Int] = [:]
    var low: [String: Int] = [:]
    var onStack: Set<String> = []
    var stack: [String] = []
    var components: [[String]] = []

    // An explicit stack instead of recursion: a long chain of dependencies must not overflow.
    for start in useCases.ids.sorted() where order[start] == nil {
      var work: [(id: String, next: Int)] = [(start, 0)]
      order[start] = order.count
      low[start] = order[start]
      stack.append(start)
      onStack.insert(start)
      while var frame = work.popLast() {
        let dependencies = useCases[frame.id]?.dependsOn.map(\.value).filter { useCases[$0] != nil } ?? []
        if frame.next < dependencies.count {
          let dependency = dependencies[frame.next]
          frame.next += 1
          work.append(frame)
          if order[dependency] == nil {
            order[dependency] = order.count
            low[dependency] = order[dependency]
            stack.append(dependency)
            onStack.insert(dependency)
            work.append((dependency, 0))
          } else if onStack.contains(dependency) {
            low[frame.id] = min(low[frame.id]!, order[dependency]!)
          }
          continue
        }
        if let parent = work.last {
          low[parent.id] = min(low[parent.id]!, low[frame.id]!)
        }
        if low[frame.id] == order[frame.id] {
          var component: [String] = []
          while let member = stack.popLast() {
            onStack.remove(member)
            component.append(member)
            if member == frame.id { break }
          }
          let selfLoop = useCases[frame.id]?.dependsOn.contains { $0.value == frame.id } ?? false
          if component.count > 1 || selfLoop { components.append(component) }
        }
      }
    }
    return components.map { report(Set($0), useCases, context.say) }
  }

  /// Walks the cycle from its first member, always to the first dependency inside it.
  private func report(_ members: Set<String>, _ useCases: ByID<UseCase>, _ say: Wording) -> Finding {
    let first = members.min()!
    var path = [first]
    var current = first
    repeat {
      current = useCases[current]!.dependsOn.first { members.contains($0.value) }!.value
      path.append(current)
    } while current != first && path.count <= members.count
    let useCase = useCases[first]!
    let entry = useCase.dependsOn.first { $0.value == path[1] }!
    return finding(
      useCase.file, entry.location,
      say("rule.dependency-cycle", first, path.joined(separator: " → ")),
      hint: say("rule.dependency-cycle.hint"),
      related: members.sorted().compactMap { useCases[$0]?.file })
  }
}
