import SteerModel

/// Ids are unique across the whole ledger, whatever their kind, so that a reference is
/// never ambiguous.
public struct DuplicateIDRule: Rule {
  public static let description = RuleDescription(
    id: ReadingRule.duplicateID.rawValue, category: .reading, defaultSeverity: .error,
    summary: "Two things in the ledger share an id (documents, axes, rollout steps, indicators).",
    rationale:
      "When two things share a name, every reference to that name is ambiguous: a measurement could count for the wrong indicator, a use case could serve the wrong objective.",
    examples: [
      RuleExample(
        triggers: true,
        [
          "workshops/mayor.md":
            "↓---\ndate: 2026-02-01\nphase: analysis\nusecases: [sensors]\nparticipants: [mayor, residents]\n---\n"
        ]),
      RuleExample(
        triggers: true,
        [
          "vision.md": """
          ---
          title: Clean beaches
          territory: Seaside
          horizon: 2030-12-31
          carried_by: mayor
          axes:
            - {id: data, title: Data}
            - {id: ↓data, title: Open data}
          ---

          """
        ]),
      RuleExample(triggers: false, ["stakeholders/vendor.md": "---\nname: Sensor vendor\ngroup: partner\n---\n"]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    let say = context.say
    for (id, declarations) in context.index.repeatedDeclarations {
      let first = declarations[0]
      for duplicate in declarations.dropFirst() {
        let firstPlace =
          first.file == duplicate.file
          ? say("rule.duplicate-id.line", first.location.line) : say("rule.duplicate-id.file", first.file)
        findings.append(
          finding(
            duplicate.file, duplicate.location,
            say(
              "rule.duplicate-id", id, duplicate.kind.noun(say), withArticle(first.kind.noun), firstPlace,
              first.kind.noun(say)),
            hint: say("rule.duplicate-id.hint"), related: [first.file]))
      }
    }
    return findings
  }
}
