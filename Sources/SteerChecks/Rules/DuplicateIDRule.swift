import SteerModel

/// Ids are unique across the whole ledger, whatever their kind, so that a reference is
/// never ambiguous.
public struct DuplicateIDRule: Rule {
  public static let description = RuleDescription(
    id: ReadingRule.duplicateID.rawValue, category: .reading, defaultSeverity: .error, scope: .ledger,
    summary: Localized(
      en: "Two things in the ledger share an id (documents, axes, rollout steps, indicators).",
      fr: "Deux éléments du registre partagent un identifiant (documents, axes, étapes de déploiement, indicateurs)."),
    rationale: Localized(
      en:
        "When two things share a name, every reference to that name is ambiguous: a measurement could count for the wrong indicator, a use case could serve the wrong objective.",
      fr:
        "Quand deux éléments portent le même nom, chaque référence à ce nom devient ambiguë : une mesure pourrait compter pour le mauvais indicateur, un cas d'usage servir le mauvais objectif."
    ),
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
          ? say.duplicateIdLine(first.location.line) : say.duplicateIdFile(first.file)
        findings.append(
          finding(
            duplicate.file, duplicate.location,
            say.duplicateId(id, duplicate.kind, takenBy: first.kind, firstPlace),
            hint: say.duplicateIdHint(), related: [first.file]))
      }
    }
    return findings
  }
}

extension Wording {
  func duplicateIdLine(_ line: Int) -> String {
    self(
      en: "on line \(line)",
      fr: "ligne \(line: line)")
  }

  func duplicateIdFile(_ file: String) -> String {
    self(
      en: "in \(file)",
      fr: "dans \(file)")
  }

  func duplicateIdHint() -> String {
    self(
      en: "ids are unique across the whole ledger: rename one of them",
      fr: "les identifiants sont uniques dans tout le registre : renommez l'un des deux")
  }

  func duplicateId(_ id: String, _ kind: EntityKind, takenBy first: EntityKind, _ place: String) -> String {
    self(
      en: "the id '\(id)' (\(kind.noun(self))) is already used by \(first.withArticle(self)) \(place)",
      fr: "l'identifiant « \(id) » (\(kind.noun(self))) est déjà pris par \(first.withArticle(self)), \(place)")
  }
}
