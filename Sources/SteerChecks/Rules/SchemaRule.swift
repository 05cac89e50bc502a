import SteerModel

/// Reported by the loader, which validates every field against the field tables.
public struct SchemaRule: Rule {
  public static let description = RuleDescription(
    id: ReadingRule.schema.rawValue, category: .reading, defaultSeverity: .error, scope: .document(),
    summary: Localized(
      en:
        "A required field is missing, a field is unknown, a value has the wrong type, is not an allowed word, is not a YYYY-MM-DD date, is not a valid id, is out of range, or a list is too short; the same for .steer.yaml.",
      fr:
        "Un champ obligatoire manque, un champ est inconnu, une valeur n'a pas le bon type, n'est pas un mot admis, n'est pas une date AAAA-MM-JJ, n'est pas un identifiant valide, sort de l'intervalle permis, ou une liste est trop courte ; de même pour .steer.yaml."
    ),
    rationale: Localized(
      en:
        "A misspelled field is a decision nobody will see: 'phse: deployed' would leave a use case in its old phase in every report. Refusing it keeps what the files say and what Steer reads the same.",
      fr:
        "Un champ mal orthographié est une décision que personne ne verra : « phse: deployed » laisserait un cas d'usage dans son ancienne phase dans tous les rapports. Le refuser garantit que ce que disent les fichiers et ce que lit Steer sont une seule et même chose."
    ),
    examples: [
      RuleExample(
        triggers: true,
        ["usecases/kiosk.md": "---\ntitle: Beach kiosk\nobjectives: [clean-water]\nphase: ↓protoype\nowner: ↓no\n---\n"]
      ),
      RuleExample(
        triggers: false,
        [
          "usecases/kiosk.md":
            "---\ntitle: Beach kiosk\nobjectives: [clean-water]\nphase: prototype\nowner: mayor\n---\n"
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] { [] }
}
