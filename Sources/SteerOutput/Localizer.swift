import SteerChecks
import SteerMetrics
import SteerModel

/// The summary's words in the reader's language: the labels its templates show
/// (`{{labels.vision}}`), and numbers, dates and the format's values through `Wording`.
public struct Localizer: Sendable {
  public let say: Wording

  public init(_ language: Language) { say = Wording(language) }

  public var language: Language { say.language }

  /// A label in the reader's language.
  public subscript(_ label: Label) -> String { label.text(say) }

  /// Every label, keyed for templates (`{{labels.vision}}`).
  public var labels: [String: String] { Self.labels.mapValues { $0(say) } }

  /// One label by its key, as a template names it; nil for a key no label has.
  public func label(named key: String) -> String? { Self.labels[key].map { $0(say) } }

  public func number(_ value: Double, digits: Int = 1) -> String { say.number(value, digits: digits) }
  public func percent(_ ratio: Double?, digits: Int = 0) -> String { say.percent(ratio, digits: digits) }
  public func date(_ date: CalendarDate) -> String { say.date(date) }
  public func phase(_ phase: Phase) -> String { phase.word(say) }
  public func group(_ group: StakeholderGroup) -> String { group.word(say) }

  /// The metrics' labels under their ids (`{{labels.portfolio_fit}}`), and the summary's own.
  static let labels: [String: Localized] = Dictionary(
    uniqueKeysWithValues: MetricRegistry.standard.definitions.map { ($0.id, $0.label) }
  ).merging(Label.all.map { ($0.key, $0.text) }) { metric, _ in metric }
}

/// A word of the summary's frame, typed: Swift code names it (`l[.vision]`), templates by its
/// key (`{{labels.vision}}`).
public struct Label: Sendable {
  public let key: String
  let text: Localized

  init(_ key: String, _ text: Localized) {
    self.key = key
    self.text = text
  }
}

extension Label {
  public static let summary = Label(
    "summary", Localized(en: "Steering committee summary", fr: "Synthèse pour le comité de pilotage"))
  public static let summaryPublic = Label(
    "summary_public", Localized(en: "The programme at a glance", fr: "Le programme en bref"))
  public static let dataQuality = Label("data_quality", Localized(en: "Data quality", fr: "Qualité des données"))
  public static let abandoned = Label("abandoned", Localized(en: "Abandoned use cases", fr: "Cas d'usage abandonnés"))
  public static let generatedOn = Label("generated_on", Localized(en: "Generated on", fr: "Édition du"))
  public static let fromLedger = Label("from_ledger", Localized(en: "from the ledger", fr: "tirée du registre"))
  public static let status = Label("status", Localized(en: "Status", fr: "État"))
  public static let why = Label("why", Localized(en: "Why", fr: "Pourquoi"))
  public static let decisions = Label("decisions", Localized(en: "Decisions needed", fr: "Décisions attendues"))
  public static let noDecisions = Label(
    "no_decisions", Localized(en: "No decision is pending.", fr: "Aucune décision n'est en attente."))
  public static let noDecisionTaken = Label(
    "no_decision_taken", Localized(en: "No decision in this period.", fr: "Aucune décision sur la période."))
  public static let registerChanges = Label(
    "register_changes", Localized(en: "Decision register", fr: "Registre des décisions"))
  public static let supersedes = Label("supersedes", Localized(en: "supersedes", fr: "remplace"))
  public static let risks = Label("risks", Localized(en: "Risks", fr: "Risques"))
  public static let noRisks = Label("no_risks", Localized(en: "No risk stands out.", fr: "Aucun risque ne se détache."))
  public static let keyFigures = Label("key_figures", Localized(en: "Key figures", fr: "Chiffres clés"))
  public static let vision = Label("vision", Localized(en: "Vision", fr: "Vision"))
  public static let territory = Label("territory", Localized(en: "Territory", fr: "Territoire"))
  public static let horizon = Label("horizon", Localized(en: "Horizon", fr: "Horizon"))
  public static let carriedBy = Label("carried_by", Localized(en: "Carried by", fr: "Porteur :"))
  public static let endorsements = Label("endorsements", Localized(en: "Endorsements", fr: "Soutiens"))
  public static let alignment = Label("alignment", Localized(en: "Alignment", fr: "Alignement"))
  public static let leastAligned = Label(
    "least_aligned", Localized(en: "Least aligned stakeholders", fr: "Parties prenantes les moins alignées"))
  public static let agreementByGroup = Label(
    "agreement_by_group", Localized(en: "Agreement by group", fr: "Accord par groupe"))
  public static let heatmap = Label(
    "heatmap",
    Localized(
      en: "Priorities by stakeholder and objective", fr: "Priorités par partie prenante et objectif"))
  public static let heatmapTop = Label(
    "heatmap_top", Localized(en: "those of highest shared priority", fr: "ceux de plus forte priorité partagée"))
  public static let objectives = Label("objectives", Localized(en: "Objectives", fr: "Objectifs"))
  public static let indicator = Label("indicator", Localized(en: "Indicator", fr: "Indicateur"))
  public static let baseline = Label("baseline", Localized(en: "Baseline", fr: "Référence"))
  public static let latest = Label("latest", Localized(en: "Latest", fr: "Dernière mesure"))
  public static let target = Label("target", Localized(en: "Target", fr: "Cible"))
  public static let forecast = Label("forecast", Localized(en: "Forecast", fr: "Projection"))
  public static let onTrack = Label("on_track", Localized(en: "on track", fr: "en bonne voie"))
  public static let offTrack = Label("off_track", Localized(en: "off track", fr: "en retard"))
  public static let reachedOn = Label("reached_on", Localized(en: "target reached on", fr: "cible atteinte le"))
  public static let notMeasured = Label("not_measured", Localized(en: "not measured yet", fr: "pas encore mesuré"))
  public static let usecases = Label("usecases", Localized(en: "Use cases", fr: "Cas d'usage"))
  public static let funnel = Label("funnel", Localized(en: "Use cases by phase", fr: "Cas d'usage par phase"))
  public static let byStep = Label("by_step", Localized(en: "By rollout step", fr: "Par étape du déploiement"))
  public static let membersUseCases = Label(
    "members_usecases", Localized(en: "Members' use cases", fr: "Cas d'usage des membres"))
  public static let noStep = Label("no_step", Localized(en: "Across the territory", fr: "Transverses"))
  public static let roadmap = Label("roadmap", Localized(en: "Roadmap", fr: "Feuille de route"))
  public static let nothingYet = Label("nothing_yet", Localized(en: "Nothing yet.", fr: "Rien pour l'instant."))
  public static let noIndicators = Label(
    "no_indicators",
    Localized(
      en: "No indicator measures this objective yet.", fr: "Aucun indicateur ne mesure encore cet objectif."))
  public static let whatNext = Label("what_next", Localized(en: "What comes next", fr: "Prochaines étapes"))
  public static let iteration = Label("iteration", Localized(en: "Iteration", fr: "Itération"))
  public static let period = Label("period", Localized(en: "Dates", fr: "Période"))
  public static let date = Label("date", Localized(en: "Date", fr: "Date"))
  public static let iterationGoal = Label("iteration_goal", Localized(en: "Goal:", fr: "Objectif de l'itération :"))
  public static let renamedFrom = Label("renamed_from", Localized(en: "renamed, formerly", fr: "renommé, anciennement"))
  public static let indicatorChanges = Label(
    "indicator_changes", Localized(en: "Indicators measured", fr: "Indicateurs mesurés"))
  public static let decidedIn = Label(
    "decided_in", Localized(en: "decided in the retrospective", fr: "décidée lors de la rétrospective"))
  public static let planned = Label("planned", Localized(en: "Planned:", fr: "Au programme :"))
  public static let nothingPlanned = Label(
    "nothing_planned", Localized(en: "No use case is planned yet.", fr: "Aucun cas d'usage n'est encore prévu."))
  public static let noIterations = Label(
    "no_iterations", Localized(en: "No iteration is planned yet.", fr: "Aucune itération n'est encore planifiée."))
  public static let federation = Label("federation", Localized(en: "Federation", fr: "Fédération"))
  public static let member = Label("member", Localized(en: "Member", fr: "Membre"))
  public static let thisLedger = Label("this_ledger", Localized(en: "This ledger", fr: "Ce registre"))
  public static let revision = Label("revision", Localized(en: "Revision read", fr: "Révision lue"))
  public static let contributions = Label(
    "contributions",
    Localized(
      en: "The members' use cases serving each objective",
      fr: "Les cas d'usage des membres au service de chaque objectif"))
  public static let current = Label("current", Localized(en: "current", fr: "en cours"))
  public static let today = Label("today", Localized(en: "today", fr: "aujourd'hui"))
  public static let lastRetro = Label("last_retro", Localized(en: "Last retrospective", fr: "Dernière rétrospective"))
  public static let lessons = Label("lessons", Localized(en: "Lessons", fr: "Enseignements"))
  public static let actions = Label("actions", Localized(en: "Actions", fr: "Actions"))
  public static let overdue = Label("overdue", Localized(en: "overdue", fr: "en retard"))
  public static let due = Label("due", Localized(en: "due", fr: "échéance"))
  public static let recurringLessons = Label(
    "recurring_lessons", Localized(en: "Recurring lessons", fr: "Enseignements récurrents"))
  public static let inRetros = Label(
    "in_retros", Localized(en: "in the retrospectives of", fr: "dans les rétrospectives de"))
  public static let findings = Label(
    "findings", Localized(en: "Open findings of steer check", fr: "Constats ouverts de steer check"))
  public static let noFindings = Label(
    "no_findings", Localized(en: "steer check reports nothing.", fr: "steer check ne signale rien."))
  public static let errors = Label("errors", Localized(en: "errors", fr: "erreurs"))
  public static let warnings = Label("warnings", Localized(en: "warnings", fr: "avertissements"))
  public static let trends = Label("trends", Localized(en: "Trends by iteration", fr: "Tendances par itération"))
  public static let since = Label("since", Localized(en: "Since the last committee", fr: "Depuis le dernier comité"))
  public static let phaseMoves = Label(
    "phase_moves", Localized(en: "Use cases that moved", fr: "Cas d'usage qui ont avancé ou reculé"))
  public static let backwards = Label("backwards", Localized(en: "backwards", fr: "en recul"))
  public static let objectiveProgress = Label(
    "objective_progress", Localized(en: "Objectives' progress", fr: "Avancement des objectifs"))
  public static let federationMembers = Label(
    "federation_members", Localized(en: "Federation members", fr: "Membres de la fédération"))
  public static let metricChanges = Label(
    "metric_changes", Localized(en: "Changes in the figures", fr: "Évolution des indicateurs"))
  public static let newLessons = Label("new_lessons", Localized(en: "New lessons", fr: "Nouveaux enseignements"))
  public static let newFindings = Label("new_findings", Localized(en: "New findings", fr: "Nouveaux constats"))
  public static let resolvedFindings = Label(
    "resolved_findings", Localized(en: "Resolved findings", fr: "Constats résolus"))
  public static let nothingChanged = Label(
    "nothing_changed", Localized(en: "Nothing changed in the ledger.", fr: "Rien n'a changé dans le registre."))
  public static let gates = Label("gates", Localized(en: "Commitments (gates)", fr: "Engagements (seuils)"))
  public static let gateMetric = Label("gate_metric", Localized(en: "metric", fr: "indicateur"))
  public static let gateValue = Label("gate_value", Localized(en: "value", fr: "valeur"))
  public static let gateMinimum = Label("gate_minimum", Localized(en: "minimum", fr: "minimum"))
  public static let gateStatus = Label("gate_status", Localized(en: "status", fr: "état"))
  public static let met = Label("met", Localized(en: "met", fr: "tenu"))
  public static let notMet = Label("not_met", Localized(en: "not met", fr: "non tenu"))

  /// Every label, in one list: what templates may name.
  public static let all: [Label] = [
    .summary,
    .summaryPublic,
    .dataQuality,
    .abandoned,
    .generatedOn,
    .fromLedger,
    .status,
    .why,
    .decisions,
    .noDecisions,
    .noDecisionTaken,
    .registerChanges,
    .supersedes,
    .risks,
    .noRisks,
    .keyFigures,
    .vision,
    .territory,
    .horizon,
    .carriedBy,
    .endorsements,
    .alignment,
    .leastAligned,
    .agreementByGroup,
    .heatmap,
    .heatmapTop,
    .objectives,
    .indicator,
    .baseline,
    .latest,
    .target,
    .forecast,
    .onTrack,
    .offTrack,
    .reachedOn,
    .notMeasured,
    .usecases,
    .funnel,
    .byStep,
    .membersUseCases,
    .noStep,
    .roadmap,
    .nothingYet,
    .noIndicators,
    .whatNext,
    .iteration,
    .period,
    .date,
    .iterationGoal,
    .renamedFrom,
    .indicatorChanges,
    .decidedIn,
    .planned,
    .nothingPlanned,
    .noIterations,
    .federation,
    .member,
    .thisLedger,
    .revision,
    .contributions,
    .current,
    .today,
    .lastRetro,
    .lessons,
    .actions,
    .overdue,
    .due,
    .recurringLessons,
    .inRetros,
    .findings,
    .noFindings,
    .errors,
    .warnings,
    .trends,
    .since, .objectiveProgress, .federationMembers,
    .phaseMoves,
    .backwards,
    .metricChanges,
    .newLessons,
    .newFindings,
    .resolvedFindings,
    .nothingChanged,
    .gates,
    .gateMetric,
    .gateValue,
    .gateMinimum,
    .gateStatus,
    .met,
    .notMet,
  ]
}
