import SteerModel

/// Reported by the loader: the front matter could not be read at all.
public struct FrontMatterRule: Rule {
  public static let description = RuleDescription(
    id: ReadingRule.frontMatter.rawValue, category: .reading, defaultSeverity: .error, scope: .document(),
    summary: Localized(
      en:
        "A document has no front matter, an unterminated one, a YAML syntax error, is not UTF-8, is larger than 1 MiB, uses YAML anchors or aliases, or nests deeper than 32 levels.",
      fr:
        "Un document n'a pas d'en-tête, ou un en-tête non fermé, une erreur de syntaxe YAML, n'est pas en UTF-8, dépasse 1 Mio, utilise des ancres ou alias YAML, ou s'imbrique sur plus de 32 niveaux."
    ),
    rationale: Localized(
      en:
        "A file Steer cannot read is a part of the shared vision that nobody can check: its decisions silently drop out of every summary.",
      fr:
        "Un fichier que Steer ne sait pas lire est une part de la vision partagée que personne ne peut vérifier : ses décisions disparaissent sans bruit de toutes les synthèses."
    ),
    examples: [
      RuleExample(triggers: true, ["usecases/kiosk.md": "↓# Beach kiosk\n\nNo front matter.\n"]),
      RuleExample(triggers: true, ["usecases/kiosk.md": "---\ntitle: Beach kiosk\nobjectives: ↓[clean-water\n---\n"]),
      RuleExample(
        triggers: false,
        [
          "usecases/kiosk.md":
            "---\ntitle: Beach kiosk\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\n---\n"
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] { [] }
}
