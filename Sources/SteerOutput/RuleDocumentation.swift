import SteerChecks
import SteerModel

/// `steer rules`, `steer explain RULE`, docs/rules.md and docs/rules.fr.md, all from the rule
/// catalogue, in the reader's language.
public enum RuleDocumentation {
  /// One line per rule, grouped by category.
  public static func list(_ say: Wording = Wording()) -> String {
    var lines: [String] = []
    let width = RuleCatalogue.descriptions.map(\.id.count).max() ?? 0
    let severityWidth = Severity.allCases.map { $0.word(say).count }.max() ?? 0
    for category in RuleDescription.Category.allCases {
      lines.append(category.title(say))
      for rule in RuleCatalogue.descriptions where rule.category == category {
        let id = rule.id.padding(to: width)
        let severity = rule.defaultSeverity.word(say).padding(to: severityWidth)
        lines.append("  \(id)  \(severity)  \(rule.summary(say))")
      }
      lines.append("")
    }
    lines.append(
      say(
        en: "`steer explain RULE` says why a rule matters and shows its examples.",
        fr: "`steer explain RÈGLE` dit pourquoi une règle compte et montre ses exemples."))
    return lines.joined(separator: "\n") + "\n"
  }

  /// The page of one rule, in Markdown (readable as plain text too).
  public static func page(_ rule: RuleDescription, headingLevel: Int = 1, _ say: Wording = Wording()) -> String {
    let heading = String(repeating: "#", count: headingLevel)
    let severity = rule.defaultSeverity.word(say)
    var lines = [
      "\(heading) `\(rule.id)`",
      "",
      rule.category.title(say) + say(en: " · default severity: \(severity)", fr: " · gravité par défaut : \(severity)")
        + (rule.canBeRegraded
          ? ""
          : say(en: " (cannot be re-graded or suppressed)", fr: " (ne peut être ni reclassée ni désactivée)")),
      "",
      rule.summary(say),
      "",
      say(en: "**Why it matters.** ", fr: "**Pourquoi c'est important.** ") + rule.rationale(say),
      "",
    ]
    for example in rule.examples {
      lines.append(
        example.triggers
          ? say(en: "**Triggers** (↓ marks the finding):", fr: "**Déclenche la règle** (↓ marque le constat) :")
          : say(en: "**Does not trigger:**", fr: "**Ne déclenche pas la règle :**"))
      lines.append("")
      if example.files.isEmpty {
        lines += [
          say(
            en: "The example ledger as it is (see `ExampleLedger` in the source).",
            fr: "Le registre d'exemple tel quel (voir `ExampleLedger` dans le code source)."), "",
        ]
      }
      for (path, text) in example.files.sorted(by: { $0.key < $1.key }) {
        let language = path.hasSuffix(".csv") ? "csv" : "markdown"
        lines += ["`\(path)`", "", "```\(language)", text.hasSuffix("\n") ? String(text.dropLast()) : text, "```", ""]
      }
    }
    if rule.canBeRegraded {
      let id = rule.id
      lines += [
        say(
          en: "Re-grade it in `.steer.yaml` (`rules: {\(id): error|warning|off}`), or silence one finding with",
          fr: "Reclassez-la dans `.steer.yaml` (`rules: {\(id): error|warning|off}`), ou désactivez un constat avec"),
        say(
          en: "`# steer-disable-next-line \(id)` in front matter or `<!-- steer-disable \(id) -->` in the body.",
          fr: "`# steer-disable-next-line \(id)` dans l'en-tête ou `<!-- steer-disable \(id) -->` dans le corps."),
        "",
      ]
    }
    return lines.joined(separator: "\n")
  }

  /// docs/rules.md (English) and docs/rules.fr.md (French).
  public static func markdown(_ say: Wording = Wording()) -> String {
    var lines = [
      say(en: "# Rules", fr: "# Règles"),
      "",
      "<!-- Generated from the rule catalogue (Sources/SteerChecks/Rules/) by the test suite:",
      "     run `STEER_RECORD=1 swift test` after changing a rule. Do not edit by hand. -->",
      "",
      say(
        en: "Every rule's examples below run through the real checker in the test suite. Examples are laid",
        fr: "Les exemples de chaque règle ci-dessous passent par le vrai vérificateur dans les tests. Ils sont posés"),
      say(
        en: "over a small example ledger on which no rule reports anything, checked as of \(ExampleLedger.today).",
        fr:
          "sur un petit registre d'exemple sur lequel aucune règle ne signale rien, vérifié à la date du \(say.date(ExampleLedger.today))."
      ),
      "",
      // A CSV file has no comments: the one way to silence its findings must be said.
      say(
        en: "A finding in a measurement series (`measurements/*.csv`) cannot be silenced where it stands: a",
        fr: "Un constat dans une série de mesures (`measurements/*.csv`) ne peut pas être désactivé sur place :"),
      say(
        en: "CSV file has no comment, and a `#` line is a row that does not read. Re-grade its rule in",
        fr: "un fichier CSV n'a pas de commentaire, et une ligne `#` est une ligne illisible. Reclassez plutôt"),
      say(
        en: "`.steer.yaml` instead (`rules: {measurement-conflict: off}`).",
        fr: "sa règle dans `.steer.yaml` (`rules: {measurement-conflict: off}`)."),
      "",
      say(
        en: "| rule | category | default | fires when |", fr: "| règle | famille | par défaut | se déclenche quand |"),
      "|---|---|---|---|",
    ]
    for rule in RuleCatalogue.descriptions {
      lines.append(
        "| [`\(rule.id)`](#\(rule.id)) | \(rule.category.title(say)) | \(rule.defaultSeverity.word(say)) | \(rule.summary(say).replacingPipes) |"
      )
    }
    lines.append("")
    for rule in RuleCatalogue.descriptions {
      lines.append(page(rule, headingLevel: 2, say))
    }
    return lines.joined(separator: "\n")
  }
}

extension RuleDescription.Category {
  /// `Roadmap consistency` / `Cohérence de la feuille de route`.
  public func title(_ say: Wording) -> String {
    switch self {
    case .reading: say(en: "Reading", fr: "Lecture")
    case .roadmap: say(en: "Roadmap consistency", fr: "Cohérence de la feuille de route")
    case .governance: say(en: "Governance and learning", fr: "Gouvernance et apprentissage")
    case .gates: say(en: "Gates", fr: "Seuils")
    }
  }
}

extension String {
  fileprivate func padding(to width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }

  fileprivate var replacingPipes: String {
    split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
  }
}
