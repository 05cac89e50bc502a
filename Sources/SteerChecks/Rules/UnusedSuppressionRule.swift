import SteerModel

/// Applied by the checker, which knows which suppressions silenced a finding.
public struct UnusedSuppressionRule: Rule {
  public static let description = RuleDescription(
    id: "unused-suppression", category: .governance, defaultSeverity: .warning, scope: .document(),
    summary: Localized(
      en:
        "A `# steer-disable-next-line RULE` or `<!-- steer-disable RULE -->` comment silences nothing, or names a rule that does not exist or cannot be silenced.",
      fr:
        "Un commentaire `# steer-disable-next-line RÈGLE` ou `<!-- steer-disable RÈGLE -->` ne désactive rien, ou nomme une règle qui n'existe pas ou ne peut pas être désactivée."
    ),
    rationale: Localized(
      en:
        "A stale suppression hides the next real problem of its kind; one that names the wrong rule gives a false sense that a finding was looked at.",
      fr:
        "Une désactivation périmée masque le prochain vrai problème du même type ; une qui nomme la mauvaise règle donne l'illusion qu'un constat a été examiné."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "iterations/sprint-3.md":
            "---\ntitle: Sprint 3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: planned\n↓# steer-disable-next-line capacity\ncapacity: 5\nitems:\n  - {usecase: sensors, target: deployed}\n---\n"
        ]
      ),
      RuleExample(
        triggers: false,
        [
          "iterations/sprint-3.md":
            "---\ntitle: Sprint 3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: planned\n# steer-disable-next-line capacity\ncapacity: 1\nitems:\n  - {usecase: sensors, target: deployed}\n---\nThe city agreed to overtime.\n"
        ]
      ),
      RuleExample(
        triggers: false,
        [
          "objectives/air.md":
            "---\ntitle: Clean air\naxis: data\nowner: mayor\n---\n<!-- steer-disable orphan-objective -->\n"
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] { [] }
}
