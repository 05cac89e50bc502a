import SteerModel

/// Every reference names an existing thing of the expected kind.
public struct DanglingReferenceRule: Rule {
  public static let description = RuleDescription(
    id: ReadingRule.danglingReference.rawValue, category: .reading, defaultSeverity: .error,
    summary:
      "A reference names no existing thing of the expected kind; also a retrospective whose file name is not an iteration id.",
    rationale:
      "A use case that serves an objective nobody wrote, or a workshop with a participant who does not exist, breaks the chain from vision to delivery that the steering committee relies on.",
    examples: [
      RuleExample(
        triggers: true,
        [
          "usecases/kiosk.md":
            "---\ntitle: Kiosk\nobjectives: [clean-water, ↓dirty-water]\nphase: analysis\nowner: ↓mayr\n---\n"
        ]),
      RuleExample(triggers: true, ["retros/sprint-9.md": "↓---\ndate: 2026-06-01\nparticipants: [mayor]\n---\n"]),
      RuleExample(
        triggers: false,
        ["usecases/kiosk.md": "---\ntitle: Kiosk\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\n---\n"]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let index = context.index
    // Suggestions come from the ids of the expected kind, gathered once.
    var idsByKind: [EntityKind: [String]] = [:]
    for (id, declarations) in index.declarations {
      for kind in Set(declarations.map(\.kind)) { idsByKind[kind, default: []].append(id) }
    }
    for kind in idsByKind.keys { idsByKind[kind]!.sort() }
    return context.ledger.references.compactMap { reference in
      if index.declares(reference.id, as: reference.kind) { return nil }
      let related: [String] =
        switch reference.kind {
        case .stakeholder: [context.path(.stakeholder, reference.id)]
        case .objective: [context.path(.objective, reference.id)]
        case .usecase: [context.path(.usecase, reference.id)]
        case .workshop: [context.path(.workshop, reference.id)]
        case .iteration: [context.path(.iteration, reference.id)]
        case .axis, .rolloutStep: [context.visionPath]
        case .indicator: [context.directory(.objective)]
        }
      let what =
        reference.field == Reference.fileNameField
        ? "the file name '\(reference.id).md' names" : "'\(reference.field)' names"
      if let other = index.declarations[reference.id]?.first {
        return finding(
          reference.file, reference.location,
          "\(what) '\(reference.id)', which is \(withArticle(other.kind.noun)), not \(withArticle(reference.kind.noun))",
          hint: "use the id of \(withArticle(reference.kind.noun))", related: related)
      }
      let suggestion = Suggestion.closest(to: reference.id, among: idsByKind[reference.kind] ?? [])
      return finding(
        reference.file, reference.location,
        "\(what) '\(reference.id)', but there is no \(reference.kind.noun) with that id",
        hint: suggestion.map { "did you mean '\($0)'?" } ?? hint(for: reference.kind, in: context.ledger.directory),
        related: related)
    }
  }

  private func hint(for kind: EntityKind, in directory: String) -> String {
    let prefix = directory.isEmpty ? "" : directory + "/"
    switch kind {
    case .stakeholder: return "create \(prefix)stakeholders/<id>.md, or fix the id"
    case .objective: return "create \(prefix)objectives/<id>.md, or fix the id"
    case .usecase: return "create \(prefix)usecases/<id>.md, or fix the id"
    case .workshop: return "create \(prefix)workshops/<id>.md, or fix the id"
    case .iteration: return "create \(prefix)iterations/<id>.md, or fix the id"
    case .axis: return "add the axis to `axes` in \(prefix)vision.md, or fix the id"
    case .rolloutStep: return "add the step to `rollout` in \(prefix)vision.md, or fix the id"
    case .indicator: return "add the indicator to an objective's `indicators`, or fix the id"
    }
  }
}
