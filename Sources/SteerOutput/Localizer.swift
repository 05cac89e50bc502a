import SteerChecks
import SteerMetrics
import SteerModel

/// The summary's words in the reader's language: the labels its templates show
/// (`{{labels.vision}}`), and numbers, dates and the format's values through `Wording`.
public struct Localizer: Sendable {
  public let say: Wording

  public init(_ language: Language) { say = Wording(language) }

  public var language: Language { say.language }

  /// A template label; every key a template names is in `labels` (a test renders them all).
  public func label(_ key: String) -> String { Self.labels[key].map { $0(say) } ?? key }

  /// Every label, keyed for templates (`{{labels.vision}}`).
  public var labels: [String: String] { Self.labels.mapValues { $0(say) } }

  public func number(_ value: Double, digits: Int = 1) -> String { say.number(value, digits: digits) }
  public func percent(_ ratio: Double?, digits: Int = 0) -> String { say.percent(ratio, digits: digits) }
  public func date(_ date: CalendarDate) -> String { say.date(date) }
  public func phase(_ phase: Phase) -> String { phase.word(say) }
  public func group(_ group: StakeholderGroup) -> String { group.word(say) }

  /// The metrics' labels under their ids (`{{labels.portfolio_fit}}`), and the summary's own.
  static let labels: [String: Localized] = Dictionary(
    uniqueKeysWithValues: MetricRegistry.standard.definitions.map { ($0.id, $0.label) }
  ).merging(summaryLabels) { metric, _ in metric }

  private static let summaryLabels: [String: Localized] = [
    "summary": Localized(en: "Steering committee summary", fr: "Synthèse pour le comité de pilotage"),
    "summary_public": Localized(en: "The programme at a glance", fr: "Le programme en bref"),
    "data_quality": Localized(en: "Data quality", fr: "Qualité des données"),
    "abandoned": Localized(en: "Abandoned use cases", fr: "Cas d'usage abandonnés"),
    "generated_on": Localized(en: "Generated on", fr: "Établie le"),
    "from_ledger": Localized(en: "from the ledger", fr: "à partir du registre"),
    "status": Localized(en: "Status", fr: "État"),
    "why": Localized(en: "Why", fr: "Pourquoi"),
    "decisions": Localized(en: "Decisions needed", fr: "Décisions attendues"),
    "no_decisions": Localized(en: "No decision is pending.", fr: "Aucune décision n'est en attente."),
    "risks": Localized(en: "Risks", fr: "Risques"),
    "no_risks": Localized(en: "No risk stands out.", fr: "Aucun risque ne se détache."),
    "key_figures": Localized(en: "Key figures", fr: "Chiffres clés"),
    "vision": Localized(en: "Vision", fr: "Vision"),
    "territory": Localized(en: "Territory", fr: "Territoire"),
    "horizon": Localized(en: "Horizon", fr: "Horizon"),
    "carried_by": Localized(en: "Carried by", fr: "Porteur :"),
    "endorsements": Localized(en: "Endorsements", fr: "Soutiens"),
    "alignment": Localized(en: "Alignment", fr: "Alignement"),
    "least_aligned": Localized(en: "Least aligned stakeholders", fr: "Parties prenantes les moins alignées"),
    "agreement_by_group": Localized(en: "Agreement by group", fr: "Accord par groupe"),
    "heatmap": Localized(
      en: "Priorities by stakeholder and objective", fr: "Priorités par partie prenante et objectif"),
    "heatmap_top": Localized(en: "those of highest shared priority", fr: "ceux de plus forte priorité partagée"),
    "objectives": Localized(en: "Objectives", fr: "Objectifs"),
    "indicator": Localized(en: "Indicator", fr: "Indicateur"),
    "baseline": Localized(en: "Baseline", fr: "Référence"),
    "latest": Localized(en: "Latest", fr: "Dernière mesure"),
    "target": Localized(en: "Target", fr: "Cible"),
    "forecast": Localized(en: "Forecast", fr: "Projection"),
    "on_track": Localized(en: "on track", fr: "en bonne voie"),
    "off_track": Localized(en: "off track", fr: "en retard"),
    "reached_on": Localized(en: "target reached on", fr: "cible atteinte le"),
    "not_measured": Localized(en: "not measured yet", fr: "pas encore mesuré"),
    "usecases": Localized(en: "Use cases", fr: "Cas d'usage"),
    "funnel": Localized(en: "Use cases by phase", fr: "Cas d'usage par phase"),
    "by_step": Localized(en: "By rollout step", fr: "Par étape du déploiement"),
    "no_step": Localized(en: "Across the territory", fr: "Transverses"),
    "roadmap": Localized(en: "Roadmap", fr: "Feuille de route"),
    "nothing_yet": Localized(en: "Nothing yet.", fr: "Rien pour l'instant."),
    "no_indicators": Localized(
      en: "No indicator measures this objective yet.", fr: "Aucun indicateur ne mesure encore cet objectif."),
    "what_next": Localized(en: "What comes next", fr: "Prochaines étapes"),
    "iteration": Localized(en: "Iteration", fr: "Itération"),
    "period": Localized(en: "Dates", fr: "Période"),
    "iteration_goal": Localized(en: "Goal:", fr: "Objectif de l'itération :"),
    "renamed_from": Localized(en: "renamed, formerly", fr: "renommé, anciennement"),
    "indicator_changes": Localized(en: "Indicators measured", fr: "Indicateurs mesurés"),
    "decided_in": Localized(en: "decided in the retrospective", fr: "décidée lors de la rétrospective"),
    "planned": Localized(en: "Planned:", fr: "Au programme :"),
    "nothing_planned": Localized(en: "No use case is planned yet.", fr: "Aucun cas d'usage n'est encore prévu."),
    "no_iterations": Localized(en: "No iteration is planned yet.", fr: "Aucune itération n'est encore planifiée."),
    "federation": Localized(en: "Federation", fr: "Fédération"),
    "member": Localized(en: "Member", fr: "Membre"),
    "this_ledger": Localized(en: "This ledger", fr: "Ce registre"),
    "revision": Localized(en: "Revision read", fr: "Révision lue"),
    "contributions": Localized(
      en: "The members' use cases serving each objective",
      fr: "Les cas d'usage des membres au service de chaque objectif"),
    "current": Localized(en: "current", fr: "en cours"),
    "today": Localized(en: "today", fr: "aujourd'hui"),
    "last_retro": Localized(en: "Last retrospective", fr: "Dernière rétrospective"),
    "lessons": Localized(en: "Lessons", fr: "Enseignements"),
    "actions": Localized(en: "Actions", fr: "Actions"),
    "overdue": Localized(en: "overdue", fr: "en retard"),
    "due": Localized(en: "due", fr: "échéance"),
    "recurring_lessons": Localized(en: "Recurring lessons", fr: "Enseignements récurrents"),
    "in_retros": Localized(en: "in the retrospectives of", fr: "dans les rétrospectives de"),
    "findings": Localized(en: "Open findings of steer check", fr: "Constats ouverts de steer check"),
    "no_findings": Localized(en: "steer check reports nothing.", fr: "steer check ne signale rien."),
    "errors": Localized(en: "errors", fr: "erreurs"),
    "warnings": Localized(en: "warnings", fr: "avertissements"),
    "trends": Localized(en: "Trends by iteration", fr: "Tendances par itération"),
    "since": Localized(en: "Since the last committee", fr: "Depuis le dernier comité"),
    "phase_moves": Localized(en: "Use cases that moved", fr: "Cas d'usage qui ont avancé ou reculé"),
    "backwards": Localized(en: "backwards", fr: "en recul"),
    "metric_changes": Localized(en: "Changes in the figures", fr: "Évolution des indicateurs"),
    "new_lessons": Localized(en: "New lessons", fr: "Nouveaux enseignements"),
    "new_findings": Localized(en: "New findings", fr: "Nouveaux constats"),
    "resolved_findings": Localized(en: "Resolved findings", fr: "Constats résolus"),
    "nothing_changed": Localized(en: "Nothing changed in the ledger.", fr: "Rien n'a changé dans le registre."),
    "gates": Localized(en: "Commitments (gates)", fr: "Engagements (seuils)"),
    "gate_metric": Localized(en: "metric", fr: "indicateur"),
    "gate_value": Localized(en: "value", fr: "valeur"),
    "gate_minimum": Localized(en: "minimum", fr: "minimum"),
    "met": Localized(en: "met", fr: "tenu"),
    "not_met": Localized(en: "not met", fr: "non tenu"),
  ]
}
