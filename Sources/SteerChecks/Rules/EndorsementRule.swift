import SteerModel

public struct EndorsementRule: Rule {
  public static let description = RuleDescription(
    id: "endorsement", category: .governance, defaultSeverity: .warning, scope: .parts([.vision, .stakeholders]),
    summary: Localized(
      en:
        "A group in `required_endorsements` (.steer.yaml) has no stakeholder whose latest endorsement stance is `endorse`.",
      fr:
        "Un groupe de `required_endorsements` (.steer.yaml) ne compte aucune partie prenante dont la dernière position est `endorse`."
    ),
    rationale: Localized(
      en:
        "A vision is shared only when those it needs have said yes: a group whose members all have reservations, or never spoke, is a risk for every decision that follows.",
      fr:
        "Une vision n'est partagée que lorsque ceux dont elle a besoin ont dit oui : un groupe dont tous les membres émettent des réserves, ou ne se sont jamais exprimés, fragilise chaque décision qui suit."
    ),
    examples: [
      RuleExample(
        triggers: true,
        ExampleLedger.file(
          "vision.md",
          [
            "endorsements:": "↓endorsements:",
            "residents, date: 2026-01-10, stance: endorse}\n":
              "residents, date: 2026-01-10, stance: endorse}\n  - {stakeholder: residents, date: 2026-03-01, stance: reservations}\n",
          ])),
      RuleExample(triggers: false, [:]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    guard let vision = context.ledger.vision else { return [] }
    // A stakeholder that cannot be read may be the group's endorser: its error says enough.
    let stakeholders = context.directory(.stakeholder)
    guard !context.unreadable.contains(where: { $0.hasPrefix(stakeholders) || $0 == context.visionPath }) else {
      return []
    }
    let location = vision.locations.key("endorsements") ?? vision.locations.key("carried_by") ?? .fileStart
    let say = context.say
    return context.configuration.requiredEndorsements.compactMap { group in
      let members = context.ledger.stakeholders.filter { $0.group == group }
      let endorsed = members.contains { context.index.latestEndorsements[$0.id]?.stance == .endorse }
      guard !endorsed else { return nil }
      let stances = members.map {
        say.endorsementStance(
          say.named($0.id, title: $0.name),
          context.index.latestEndorsements[$0.id].map { $0.stance.word(say) } ?? say.endorsementNone())
      }
      return finding(
        vision.file, location,
        say.endorsement(group)
          + (stances.isEmpty
            ? say.endorsementEmpty() : say.endorsementStances(stances.joined(separator: say(en: "; ", fr: " ; ")))),
        hint: members.isEmpty ? say.endorsementNoMemberHint(group) : say.endorsementHint(),
        related: [context.directory(.stakeholder), Configuration.fileName])
    }
  }
}

extension Wording {
  func endorsementNone() -> String {
    self(
      en: "none",
      fr: "aucune position")
  }

  func endorsement(_ group: StakeholderGroup) -> String {
    self(
      en: "no \(group.rawValue) stakeholder endorses the vision",
      fr: "aucune partie prenante du groupe « \(group.word(self)) » ne soutient la vision")
  }

  func endorsementStance(_ stakeholder: String, _ stance: String) -> String {
    self(en: "\(stakeholder): \(stance)", fr: "\(stakeholder) : \(stance)")
  }

  func endorsementEmpty() -> String {
    self(
      en: " (the ledger has none)",
      fr: " (le registre n'en compte aucune)")
  }

  func endorsementStances(_ stances: String) -> String {
    self(
      en: " (latest stances: \(stances))",
      fr: " (dernières positions : \(stances))")
  }

  func endorsementNoMemberHint(_ group: StakeholderGroup) -> String {
    self(
      en:
        "add a stakeholder of group `\(group.rawValue)` (\(DocumentKind.stakeholder.newCommand(self)) \"…\"), or change `required_endorsements` in .steer.yaml",
      fr:
        "ajoutez une partie prenante du groupe `\(group.rawValue)` (\(DocumentKind.stakeholder.newCommand(self)) \"…\"), ou modifiez `required_endorsements` dans .steer.yaml"
    )
  }

  func endorsementHint() -> String {
    self(
      en: "hear their reservations and record a new endorsement, or change `required_endorsements` in .steer.yaml",
      fr:
        "entendez leurs réserves et consignez un nouveau soutien, ou modifiez `required_endorsements` dans .steer.yaml")
  }
}
