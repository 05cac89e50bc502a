import SteerModel

/// A deliberation's counts can be: no more votes than members present, no more present than members.
public struct DeliberationVotesRule: Rule {
  public static let description = RuleDescription(
    id: "deliberation-votes", category: .roadmap, defaultSeverity: .error, scope: .document(),
    summary: Localized(
      en:
        "A deliberation whose counts cannot be: `for + against + abstention` above `present` (or above `members` when `present` is not given), `present` above `members`.",
      fr:
        "Une délibération dont les comptes sont impossibles : `for + against + abstention` au-dessus de `present` (ou de `members` quand `present` manque), `present` au-dessus de `members`."
    ),
    rationale: Localized(
      en:
        "A vote is published as the council's record: counts that do not add up are a typing error the public will notice before the committee does.",
      fr:
        "Un vote est publié comme l'acte de l'assemblée : des comptes qui ne tombent pas juste sont une erreur de saisie que le public remarquera avant le comité."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "decisions/open-data.md": """
          ---
          title: Open the data
          date: 2026-03-01
          status: accepted
          decided_by: [mayor]
          deliberation:
            body: City council
            reference: "2026-017"
            date: 2026-03-01
            members: 29
            present: ↓31
            for: ↓20
            against: 8
            abstention: 4
          ---

          """
        ]),
      RuleExample(
        triggers: false,
        [
          "decisions/open-data.md": """
          ---
          title: Open the data
          date: 2026-03-01
          status: accepted
          decided_by: [mayor]
          deliberation: {body: City council, reference: "2026-017", date: 2026-03-01, members: 29, present: 25, for: 20, against: 3, abstention: 2}
          ---

          """
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let say = context.say
    var findings: [Finding] = []
    for decision in context.ledger.decisions {
      guard let vote = decision.deliberation else { continue }
      if let present = vote.present, let members = vote.members, present > members {
        findings.append(
          finding(
            decision.file, vote.locations["present"], say.moreThanMembers(present, members),
            hint: say.moreThanMembersHint()))
      }
      let counts = [vote.votesFor, vote.against, vote.abstention].compactMap { $0 }
      guard !counts.isEmpty,
        let (limit, field) = vote.present.map({ ($0, "present") }) ?? vote.members.map({ ($0, "members") })
      else { continue }
      let cast = counts.reduce(0, +)
      guard cast > limit else { continue }
      let first = ["for", "against", "abstention"].first { vote.locations.key($0) != nil } ?? field
      findings.append(
        finding(
          decision.file, vote.locations[first], say.moreVotesThan(cast, limit, field: field),
          hint: say.moreVotesThanHint(field: field)))
    }
    return findings
  }
}

extension Wording {
  func moreThanMembers(_ present: Int, _ members: Int) -> String {
    self(
      en:
        "\(count(present, en: ("member", "members"), fr: ("membre", "membres"))) present, but the council has \(members)",
      fr:
        "\(count(present, en: ("member", "members"), fr: ("membre présent", "membres présents"))), mais l'assemblée n'en compte que \(members)"
    )
  }

  func moreThanMembersHint() -> String {
    self(
      en: "'present' counts the members present or represented: at most 'members'",
      fr: "« present » compte les membres présents ou représentés : au plus « members »")
  }

  func moreVotesThan(_ cast: Int, _ limit: Int, field: String) -> String {
    let votes = count(cast, en: ("vote", "votes"), fr: ("voix", "voix"))
    return field == "present"
      ? self(
        en: "for, against and abstention add up to \(votes), but \(limit) members were present",
        fr: "pour, contre et abstentions totalisent \(votes), mais \(limit) membres seulement étaient présents")
      : self(
        en: "for, against and abstention add up to \(votes), but the council has \(limit) members",
        fr: "pour, contre et abstentions totalisent \(votes), mais l'assemblée ne compte que \(limit) membres")
  }

  func moreVotesThanHint(field: String) -> String {
    self(
      en: "check the counts against the published deliberation: 'for + against + abstention' is at most '\(field)'",
      fr:
        "vérifiez les comptes sur la délibération publiée : « for + against + abstention » ne dépasse pas « \(field) »"
    )
  }
}
