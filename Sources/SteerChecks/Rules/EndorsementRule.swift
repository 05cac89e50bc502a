import SteerModel

public struct EndorsementRule: Rule {
  public static let description = RuleDescription(
    id: "endorsement", category: .governance, defaultSeverity: .warning,
    summary:
      "A group in `required_endorsements` (.steer.yaml) has no stakeholder whose latest endorsement stance is `endorse`.",
    rationale:
      "A vision is shared only when those it needs have said yes: a group whose members all have reservations, or never spoke, is a risk for every decision that follows.",
    examples: [
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
          rollout:
            - {id: beaches, title: Beaches}
            - {id: parks, title: Parks}
          ↓endorsements:
            - {stakeholder: mayor, date: 2026-01-10, stance: endorse}
            - {stakeholder: engineers, date: 2026-01-10, stance: endorse}
            - {stakeholder: residents, date: 2026-01-10, stance: endorse}
            - {stakeholder: residents, date: 2026-03-01, stance: reservations}
          ---

          """
        ]),
      RuleExample(triggers: false, [:]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    guard let vision = context.ledger.vision else { return [] }
    let location = vision.locations.key("endorsements") ?? vision.locations.key("carried_by") ?? .fileStart
    let say = context.say
    return context.configuration.requiredEndorsements.compactMap { group in
      let members = context.ledger.stakeholders.filter { $0.group == group }
      let endorsed = members.contains { context.index.latestEndorsements[$0.id]?.stance == .endorse }
      guard !endorsed else { return nil }
      let stances = members.map {
        "\($0.id): \(context.index.latestEndorsements[$0.id]?.stance.rawValue ?? say("rule.endorsement.none"))"
      }
      return finding(
        vision.file, location,
        say("rule.endorsement", group.rawValue)
          + (stances.isEmpty
            ? say("rule.endorsement.empty") : say("rule.endorsement.stances", stances.joined(separator: ", "))),
        hint: say("rule.endorsement.hint"),
        related: [context.directory(.stakeholder), Configuration.fileName])
    }
  }
}
