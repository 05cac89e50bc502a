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
    // Suggestions come from the ids of the expected kind, gathered once, when first needed.
    var idsByKind: [EntityKind: [String]]?
    func ids(of kind: EntityKind) -> [String] {
      if idsByKind == nil {
        var table: [EntityKind: [String]] = [:]
        for (id, declaration) in index.firstDeclarations {
          let kinds = Set(index.repeatedDeclarations[id]?.map(\.kind) ?? [declaration.kind])
          for kind in kinds { table[kind, default: []].append(id) }
        }
        for kind in table.keys { table[kind]!.sort() }
        idsByKind = table
      }
      return idsByKind![kind] ?? []
    }
    var findings: [Finding] = []
    for reference in context.ledger.references {
      if index.declares(reference.id, as: reference.kind) { continue }
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
      let say = context.say
      let what =
        reference.field == Reference.fileNameField
        ? say("rule.dangling.file_name", reference.id) : say("rule.dangling.field", reference.field)
      if let other = index.firstDeclarations[reference.id] {
        findings.append(
          finding(
            reference.file, reference.location,
            say(
              "rule.dangling.kind", what, reference.id, withArticle(other.kind.noun), withArticle(reference.kind.noun),
              other.kind.noun(say), reference.kind.noun(say)),
            hint: say("rule.dangling.kind.hint", withArticle(reference.kind.noun), reference.kind.noun(say)),
            related: related))
        continue
      }
      let suggestion = Suggestion.closest(to: reference.id, among: ids(of: reference.kind))
      findings.append(
        finding(
          reference.file, reference.location,
          say("rule.dangling", what, reference.id, reference.kind.noun(say)),
          hint: suggestion.map { say("hint.did_you_mean", $0) }
            ?? hint(for: reference.kind, in: context.ledger.directory, say),
          related: related))
    }
    return findings
  }

  private func hint(for kind: EntityKind, in directory: String, _ say: Wording) -> String {
    let prefix = directory.isEmpty ? "" : directory + "/"
    switch kind {
    case .stakeholder: return say("rule.dangling.create", "\(prefix)stakeholders/<id>.md")
    case .objective: return say("rule.dangling.create", "\(prefix)objectives/<id>.md")
    case .usecase: return say("rule.dangling.create", "\(prefix)usecases/<id>.md")
    case .workshop: return say("rule.dangling.create", "\(prefix)workshops/<id>.md")
    case .iteration: return say("rule.dangling.create", "\(prefix)iterations/<id>.md")
    case .axis: return say("rule.dangling.axis", "\(prefix)vision.md")
    case .rolloutStep: return say("rule.dangling.step", "\(prefix)vision.md")
    case .indicator: return say("rule.dangling.indicator")
    }
  }
}
