import SteerMetrics
import SteerModel

/// The type of a column, as Table Schema names it.
public enum ColumnType: String, Sendable {
  case string, integer, number, date, boolean
}

/// One column of an exported table: what its Table Schema and docs/open-data.md say of it.
public struct ExportColumn: Sendable {
  public let name: String
  public let type: ColumnType
  public let description: Localized
  /// Never empty (Table Schema's `required` constraint).
  public let isRequired: Bool
  /// The only values it takes (Table Schema's `enum`), when a few words.
  public let values: [String]?
  /// Lists several values, separated by `;`.
  public let isList: Bool

  init(
    _ name: String, _ type: ColumnType, required: Bool = false, values: [String]? = nil, list: Bool = false,
    en: String, fr: French
  ) {
    self.name = name
    self.type = type
    self.isRequired = required
    self.values = values
    self.isList = list
    self.description = Localized(en: en, fr: fr)
  }

  static func words<E: FormatWord>(_: E.Type) -> [String] { E.allCases.map(\.rawValue) }
}

/// A column whose values are keys of another table (Table Schema's `foreignKeys`).
public struct ExportForeignKey: Sendable {
  public let column: String
  public let resource: String
  public let referencedColumn: String
}

/// One exported table: a CSV file of the package, described by its Table Schema.
public struct ExportResource: Sendable {
  public let name: String
  public let title: Localized
  /// What one row is.
  public let row: Localized
  public let columns: [ExportColumn]
  public let primaryKey: [String]
  public let foreignKeys: [ExportForeignKey]
  /// Only in a region's export.
  public let isRegionOnly: Bool
  /// Only in the `technical` audience's export: what the public site does not show.
  public var isTechnicalOnly = false

  public var fileName: String { name + ".csv" }
  public var schemaPath: String { "schemas/" + name + ".json" }
}

/// Every table `steer export` writes, its columns and keys, in one place: the rows
/// (`ExportRows`), the Table Schemas, the catalogue and docs/open-data.md all read it.
public enum ExportSchema {
  /// In the order of the package.
  public static let resources: [ExportResource] = [
    useCases, objectives, indicators, measurements, iterations, workshops, decisions, deliberations, stakeholders,
    priorities, actions, lessons, metrics, members,
  ]

  public static func resource(_ name: String) -> ExportResource? { resources.first { $0.name == name } }

  private static func key(_ column: String, to resource: String) -> ExportForeignKey {
    ExportForeignKey(column: column, resource: resource, referencedColumn: "id")
  }

  static let useCases = ExportResource(
    name: "usecases", title: Localized(en: "Use cases", fr: "Cas d'usage"),
    row: Localized(en: "a use case", fr: "un cas d'usage"),
    columns: [
      ExportColumn(
        "id", .string, required: true, en: "the use case's id (its file name)",
        fr: "l'identifiant du cas d'usage (le nom de son fichier)"),
      ExportColumn("title", .string, required: true, en: "its title", fr: "son titre"),
      ExportColumn(
        "phase", .string, required: true, values: ExportColumn.words(Phase.self), en: "its phase",
        fr: "sa phase"),
      ExportColumn(
        "owner", .string, en: "the stakeholder who carries it (`stakeholders.id`)",
        fr: "la partie prenante qui le porte (`stakeholders.id`)"),
      ExportColumn(
        "users", .string, list: true, en: "the stakeholders it is built for, `;`-separated `stakeholders.id`",
        fr: "les parties prenantes pour lesquelles il est construit, des `stakeholders.id` séparés par `;`"),
      ExportColumn(
        "objectives", .string, list: true, en: "the objectives it serves, `;`-separated `objectives.id`",
        fr: "les objectifs qu'il sert, des `objectives.id` séparés par `;`"),
      ExportColumn(
        "rollout_step", .string, en: "the rollout step it belongs to", fr: "l'étape de déploiement dont il relève"),
      ExportColumn(
        "rollout_position", .integer, en: "that step's position in the vision's rollout, from 1",
        fr: "la position de cette étape dans le déploiement de la vision, à partir de 1"),
      ExportColumn(
        "effort", .number, required: true, en: "its effort, in the ledger's unit",
        fr: "son effort, dans l'unité du registre"),
      ExportColumn(
        "phase_progress", .number, en: "its phase as progress from 0 to 1; empty when abandoned",
        fr: "sa phase en avancement de 0 à 1 ; vide s'il est abandonné"),
    ], primaryKey: ["id"], foreignKeys: [key("owner", to: "stakeholders")], isRegionOnly: false)

  static let objectives = ExportResource(
    name: "objectives", title: Localized(en: "Objectives", fr: "Objectifs"),
    row: Localized(en: "an objective", fr: "un objectif"),
    columns: [
      ExportColumn("id", .string, required: true, en: "the objective's id", fr: "l'identifiant de l'objectif"),
      ExportColumn("title", .string, required: true, en: "its title", fr: "son titre"),
      ExportColumn("axis", .string, en: "the vision's axis it belongs to", fr: "l'axe de la vision dont il relève"),
      ExportColumn(
        "status", .string, required: true, values: ExportColumn.words(ObjectiveStatus.self), en: "its status",
        fr: "son statut"),
      ExportColumn(
        "owner", .string, en: "the stakeholder who carries it (`stakeholders.id`)",
        fr: "la partie prenante qui le porte (`stakeholders.id`)"),
      ExportColumn(
        "objective_progress", .number,
        en: "the effort-weighted mean phase progress of the live use cases serving it",
        fr: "l'avancement moyen, pondéré par l'effort, des cas d'usage vivants qui le servent"),
    ], primaryKey: ["id"], foreignKeys: [key("owner", to: "stakeholders")], isRegionOnly: false)

  static let indicators = ExportResource(
    name: "indicators", title: Localized(en: "Indicators", fr: "Indicateurs"),
    row: Localized(en: "an indicator", fr: "un indicateur"),
    columns: [
      ExportColumn("id", .string, required: true, en: "the indicator's id", fr: "l'identifiant de l'indicateur"),
      ExportColumn(
        "objective", .string, required: true, en: "the objective it measures (`objectives.id`)",
        fr: "l'objectif qu'il mesure (`objectives.id`)"),
      ExportColumn("title", .string, required: true, en: "its title", fr: "son titre"),
      ExportColumn("unit", .string, en: "the unit of its values", fr: "l'unité de ses valeurs"),
      ExportColumn(
        "direction", .string, required: true, values: ExportColumn.words(Direction.self),
        en: "whether progress is an increase or a decrease", fr: "si progresser, c'est augmenter ou diminuer"),
      ExportColumn("baseline", .number, required: true, en: "the value at the start", fr: "la valeur de départ"),
      ExportColumn(
        "baseline_date", .date, required: true, en: "the date of the baseline", fr: "la date de la valeur de départ"),
      ExportColumn("target", .number, required: true, en: "the value aimed at", fr: "la valeur visée"),
      ExportColumn("target_date", .date, required: true, en: "when the target is due", fr: "l'échéance de la cible"),
      ExportColumn("latest", .number, en: "the latest measurement's value", fr: "la valeur de la dernière mesure"),
      ExportColumn("latest_date", .date, en: "the latest measurement's date", fr: "la date de la dernière mesure"),
      ExportColumn(
        "indicator_progress", .number, en: "(latest − baseline) ÷ (target − baseline)",
        fr: "(dernière mesure − départ) ÷ (cible − départ)"),
      ExportColumn(
        "forecast", .number, en: "the value the trend of the measurements reaches at the target date",
        fr: "la valeur qu'atteint la tendance des mesures à l'échéance"),
      ExportColumn(
        "from_members", .string, values: ExportColumn.words(MemberCombination.self),
        en:
          "in a region, how its members' latest values of the indicator of the same id are combined into one more measurement (`latest` may be that combination); empty otherwise",
        fr:
          "dans une région, la façon dont les dernières valeurs de ses membres pour l'indicateur de même identifiant sont combinées en une mesure de plus (`latest` peut être cette combinaison) ; vide sinon"
      ),
      ExportColumn(
        "members_measured", .integer,
        en:
          "with `from_members`, how many members' values the combination holds; a sum over fewer than `members` has no `indicator_progress` nor `forecast`",
        fr:
          "avec `from_members`, le nombre de membres dont la combinaison réunit les valeurs ; une somme sur moins de `members` membres n'a ni `indicator_progress` ni `forecast`"
      ),
      ExportColumn(
        "members", .integer,
        en: "with `from_members`, how many members the federation has, those that could not be read included",
        fr: "avec `from_members`, le nombre de membres de la fédération, y compris ceux qui n'ont pas pu être lus"),
    ], primaryKey: ["id"], foreignKeys: [key("objective", to: "objectives")], isRegionOnly: false)

  static let measurements = ExportResource(
    name: "measurements", title: Localized(en: "Measurements", fr: "Mesures"),
    row: Localized(en: "a measurement of an indicator", fr: "une mesure d'un indicateur"),
    columns: [
      ExportColumn(
        "indicator", .string, required: true, en: "the indicator measured (`indicators.id`)",
        fr: "l'indicateur mesuré (`indicators.id`)"),
      ExportColumn("date", .date, required: true, en: "the date of the measurement", fr: "la date de la mesure"),
      ExportColumn("value", .number, required: true, en: "the value measured", fr: "la valeur mesurée"),
      ExportColumn(
        "source", .string, en: "where the value comes from, when said (a series file's `source`)",
        fr: "d'où vient la valeur, si c'est indiqué (la colonne `source` d'une série)"),
      ExportColumn(
        "note", .string, en: "what the series file notes of it", fr: "ce que la série en note"),
      ExportColumn(
        "file", .string, required: true,
        en: "the ledger file that records it: a retrospective or a series file (`measurements/<indicator>.csv`)",
        fr: "le fichier du registre qui l'enregistre : une rétrospective ou une série (`measurements/<indicateur>.csv`)"
      ),
    ], primaryKey: ["indicator", "date", "file"],
    foreignKeys: [ExportForeignKey(column: "indicator", resource: "indicators", referencedColumn: "id")],
    isRegionOnly: false)

  static let iterations = ExportResource(
    name: "iterations", title: Localized(en: "Iterations", fr: "Itérations"),
    row: Localized(en: "an iteration of the roadmap", fr: "une itération de la feuille de route"),
    columns: [
      ExportColumn("id", .string, required: true, en: "the iteration's id", fr: "l'identifiant de l'itération"),
      ExportColumn("title", .string, required: true, en: "its title", fr: "son titre"),
      ExportColumn("start", .date, required: true, en: "its first day", fr: "son premier jour"),
      ExportColumn("end", .date, required: true, en: "its last day", fr: "son dernier jour"),
      ExportColumn(
        "status", .string, required: true, values: ExportColumn.words(IterationStatus.self), en: "its status",
        fr: "son statut"),
      ExportColumn("goal", .string, en: "what it sets out to do", fr: "ce qu'elle se propose de faire"),
      ExportColumn(
        "has_retro", .boolean, required: true, en: "whether a retrospective reviews it",
        fr: "si une rétrospective en fait le bilan"),
      ExportColumn(
        "items", .integer, en: "the use cases it planned, when closed", fr: "les cas d'usage prévus, une fois close"),
      ExportColumn(
        "delivered", .integer, en: "those its retrospective lists as delivered at the planned phase or later",
        fr: "ceux que sa rétrospective déclare livrés à la phase prévue ou au-delà"),
      ExportColumn("say_do", .number, en: "delivered ÷ items", fr: "livrés ÷ prévus"),
    ], primaryKey: ["id"], foreignKeys: [], isRegionOnly: false)

  static let workshops = ExportResource(
    name: "workshops", title: Localized(en: "Workshops", fr: "Ateliers"),
    row: Localized(en: "a co-construction workshop", fr: "un atelier de co-construction"),
    columns: [
      ExportColumn("id", .string, required: true, en: "the workshop's id", fr: "l'identifiant de l'atelier"),
      ExportColumn("title", .string, en: "what it was about, when said", fr: "son objet, s'il est indiqué"),
      ExportColumn("date", .date, required: true, en: "its date", fr: "sa date"),
      ExportColumn(
        "phase", .string, required: true, values: ExportColumn.words(WorkshopPhase.self), en: "its phase",
        fr: "sa phase"),
      ExportColumn(
        "usecases", .string, list: true, en: "the use cases worked on, `;`-separated `usecases.id`",
        fr: "les cas d'usage travaillés, des `usecases.id` séparés par `;`"),
      ExportColumn(
        "participant_groups", .string, list: true, en: "the stakeholder groups of its participants, `;`-separated",
        fr: "les groupes de parties prenantes de ses participants, séparés par `;`"),
      ExportColumn(
        "participants", .string, list: true, en: "its participants, `;`-separated `stakeholders.id`",
        fr: "ses participants, des `stakeholders.id` séparés par `;`"),
    ], primaryKey: ["id"], foreignKeys: [], isRegionOnly: false)

  static let decisions = ExportResource(
    name: "decisions", title: Localized(en: "Decisions", fr: "Décisions"),
    row: Localized(en: "a decision of the register", fr: "une décision du registre"),
    columns: [
      ExportColumn(
        "id", .string, required: true, en: "the decision's id (its file name)",
        fr: "l'identifiant de la décision (le nom de son fichier)"),
      ExportColumn(
        "title", .string, required: true, en: "the decision, as a short sentence", fr: "la décision, en une phrase"),
      ExportColumn("date", .date, required: true, en: "when it was taken", fr: "la date à laquelle elle a été prise"),
      ExportColumn(
        "status", .string, required: true, values: ExportColumn.words(DecisionStatus.self), en: "its status",
        fr: "son statut"),
      ExportColumn(
        "decided_by", .string, list: true,
        en: "who took it, `;`-separated `stakeholders.id` (named as in `stakeholders.csv`)",
        fr: "qui l'a prise, des `stakeholders.id` séparés par `;` (nommés comme dans `stakeholders.csv`)"),
      ExportColumn(
        "consulted", .string, list: true, en: "whose opinion was sought before, `;`-separated `stakeholders.id`",
        fr: "les parties prenantes consultées avant, des `stakeholders.id` séparés par `;`"),
      ExportColumn(
        "informed", .string, list: true, en: "who is told after, `;`-separated `stakeholders.id`",
        fr: "les parties prenantes informées après, des `stakeholders.id` séparés par `;`"),
      ExportColumn(
        "workshops", .string, list: true, en: "the workshops that prepared it, `;`-separated `workshops.id`",
        fr: "les ateliers qui l'ont préparée, des `workshops.id` séparés par `;`"),
      ExportColumn(
        "concerns", .string, list: true,
        en: "the use cases, objectives, iterations or rollout steps it decides about, `;`-separated ids",
        fr:
          "les cas d'usage, objectifs, itérations ou étapes de déploiement qu'elle tranche, des identifiants séparés par `;`"
      ),
      ExportColumn(
        "supersedes", .string, list: true, en: "the decisions it replaces, `;`-separated `decisions.id`",
        fr: "les décisions qu'elle remplace, des `decisions.id` séparés par `;`"),
      ExportColumn(
        "deliberation_reference", .string,
        en: "the number of the council's deliberation that voted it (`deliberations.DELIB_ID`)",
        fr: "le numéro de la délibération du conseil qui l'a votée (`deliberations.DELIB_ID`)"),
    ], primaryKey: ["id"],
    foreignKeys: [
      ExportForeignKey(column: "deliberation_reference", resource: "deliberations", referencedColumn: "DELIB_ID")
    ], isRegionOnly: false)

  /// The columns of the SCDL « Délibérations » schema (schema.data.gouv.fr, scdl/deliberations
  /// 2.1), in its order, so that a portal reads the file as it reads a council's own; those the
  /// ledger does not know (SIRET, subject codes, budget, prefecture) stay empty.
  static let deliberations = ExportResource(
    name: "deliberations", title: Localized(en: "Council deliberations", fr: "Délibérations"),
    row: Localized(
      en: "a decision a council voted, in the columns of the SCDL « Délibérations » schema",
      fr: "une décision votée par un conseil, dans les colonnes du schéma SCDL « Délibérations »"),
    columns: [
      ExportColumn(
        "COLL_NOM", .string, required: true,
        en: "the deliberating authority: `publication.publisher`, else the vision's territory",
        fr: "la collectivité délibérante : `publication.publisher`, sinon le territoire de la vision"),
      scdlEmpty("COLL_SIRET", en: "its SIRET", fr: "son SIRET"),
      ExportColumn(
        "DELIB_ID", .string, required: true, en: "the deliberation's number (`deliberation.reference`)",
        fr: "le numéro de la délibération (`deliberation.reference`)"),
      ExportColumn(
        "DELIB_DATE", .date, required: true, en: "the date of the vote (`deliberation.date`)",
        fr: "la date du vote (`deliberation.date`)"),
      scdlEmpty(
        "DELIB_MATIERE_CODE", en: "the subject code of the ACTES nomenclature",
        fr: "le code de matière de la nomenclature ACTES"),
      scdlEmpty(
        "DELIB_MATIERE_NOM", en: "the subject of the ACTES nomenclature", fr: "la matière de la nomenclature ACTES"),
      ExportColumn(
        "DELIB_OBJET", .string, required: true, en: "its subject: the decision's title (`decisions.title`)",
        fr: "son objet : le titre de la décision (`decisions.title`)"),
      scdlEmpty("BUDGET_ANNEE", en: "the budget's year", fr: "l'année du budget"),
      scdlEmpty("BUDGET_NOM", en: "the budget's name", fr: "le nom du budget"),
      scdlEmpty("PREF_ID", en: "the prefecture's id", fr: "l'identifiant de la préfecture"),
      scdlEmpty(
        "PREF_DATE", type: .date, en: "the date of its transmission to the prefecture",
        fr: "sa date de transmission à la préfecture"),
      ExportColumn(
        "VOTE_EFFECTIF", .integer, en: "the council's members (`deliberation.members`)",
        fr: "l'effectif du conseil (`deliberation.members`)"),
      ExportColumn(
        "VOTE_REEL", .integer, en: "the members present (`deliberation.present`)",
        fr: "les membres présents (`deliberation.present`)"),
      ExportColumn(
        "VOTE_POUR", .integer, en: "the votes for (`deliberation.for`)", fr: "les voix pour (`deliberation.for`)"),
      ExportColumn(
        "VOTE_CONTRE", .integer, en: "the votes against (`deliberation.against`)",
        fr: "les voix contre (`deliberation.against`)"),
      ExportColumn(
        "VOTE_ABSTENTION", .integer, en: "the abstentions (`deliberation.abstention`)",
        fr: "les abstentions (`deliberation.abstention`)"),
      ExportColumn(
        "DELIB_URL", .string, en: "the address of the deliberation's text (`deliberation.url`)",
        fr: "l'adresse du texte de la délibération (`deliberation.url`)"),
    ], primaryKey: ["DELIB_ID", "DELIB_OBJET"], foreignKeys: [], isRegionOnly: false)

  /// A column of the SCDL schema that the ledger has nothing to fill with: always empty.
  private static func scdlEmpty(_ name: String, type: ColumnType = .string, en: String, fr: French) -> ExportColumn {
    ExportColumn(
      name, type, en: en + "; always empty (the ledger does not know it)",
      fr: "\(fr.text) ; toujours vide (le registre ne porte pas cette information)")
  }

  static let stakeholders = ExportResource(
    name: "stakeholders", title: Localized(en: "Stakeholders", fr: "Parties prenantes"),
    row: Localized(en: "a stakeholder", fr: "une partie prenante"),
    columns: [
      ExportColumn(
        "id", .string, required: true,
        en: "the stakeholder's id; in `public`, `<group>-<n>` for those the public site does not name",
        fr:
          "l'identifiant de la partie prenante ; en `public`, `<groupe>-<n>` pour celles que le site public ne nomme pas"
      ),
      ExportColumn(
        "name", .string, required: true,
        en: "its name; in `public`, only elected officials' and management's, the others as their group",
        fr: "son nom ; en `public`, seulement celui des élus et de la direction, les autres sous leur groupe"),
      ExportColumn(
        "group", .string, required: true, values: ExportColumn.words(StakeholderGroup.self), en: "its group",
        fr: "son groupe"),
      ExportColumn(
        "stance", .string, values: ExportColumn.words(Stance.self),
        en: "its latest stance on the vision; empty when it has given none",
        fr: "sa dernière position sur la vision ; vide s'il n'en a pas exprimé"),
    ], primaryKey: ["id"], foreignKeys: [], isRegionOnly: false)

  static let priorities = ExportResource(
    name: "priorities", title: Localized(en: "Priorities", fr: "Priorités"),
    row: Localized(
      en: "the weight a stakeholder gives an objective", fr: "le poids qu'une partie prenante donne à un objectif"),
    columns: [
      ExportColumn(
        "stakeholder", .string, required: true, en: "the stakeholder (`stakeholders.id`)",
        fr: "la partie prenante (`stakeholders.id`)"),
      ExportColumn(
        "objective", .string, required: true, en: "the objective (`objectives.id`)", fr: "l'objectif (`objectives.id`)"),
      ExportColumn("weight", .integer, required: true, en: "its weight, from 0 to 5", fr: "son poids, de 0 à 5"),
    ], primaryKey: ["stakeholder", "objective"],
    foreignKeys: [key("stakeholder", to: "stakeholders"), key("objective", to: "objectives")], isRegionOnly: false)

  static let actions = ExportResource(
    name: "actions", title: Localized(en: "Actions", fr: "Actions"),
    row: Localized(en: "an action as a retrospective states it", fr: "une action telle qu'une rétrospective l'énonce"),
    columns: [
      ExportColumn(
        "retro", .string, required: true, en: "the iteration whose retrospective states it",
        fr: "l'itération dont la rétrospective l'énonce"),
      ExportColumn(
        "position", .integer, required: true, en: "its position in that retrospective's actions, from 1",
        fr: "sa position parmi les actions de cette rétrospective, à partir de 1"),
      ExportColumn(
        "id", .string, en: "its id, when it has one (an action restated later keeps it)",
        fr: "son identifiant, s'il en a un (une action reprise plus tard le garde)"),
      ExportColumn("text", .string, required: true, en: "what is to be done", fr: "ce qu'il faut faire"),
      ExportColumn(
        "owner", .string, required: true, en: "who carries it (a stakeholder's id)",
        fr: "qui la porte (l'identifiant d'une partie prenante)"),
      ExportColumn(
        "due", .string, required: true, en: "the iteration it is due by", fr: "l'itération à laquelle elle est due"),
      ExportColumn(
        "status", .string, required: true, values: ExportColumn.words(ActionStatus.self), en: "its status",
        fr: "son statut"),
    ], primaryKey: ["retro", "position"], foreignKeys: [], isRegionOnly: false, isTechnicalOnly: true)

  static let lessons = ExportResource(
    name: "lessons", title: Localized(en: "Lessons", fr: "Enseignements"),
    row: Localized(en: "a lesson of a retrospective", fr: "un enseignement d'une rétrospective"),
    columns: [
      ExportColumn(
        "retro", .string, required: true, en: "the iteration whose retrospective draws it",
        fr: "l'itération dont la rétrospective le tire"),
      ExportColumn(
        "position", .integer, required: true, en: "its position in that retrospective's lessons, from 1",
        fr: "sa position parmi les enseignements de cette rétrospective, à partir de 1"),
      ExportColumn(
        "tags", .string, list: true, en: "its tags, `;`-separated", fr: "ses étiquettes, séparées par `;`"),
      ExportColumn(
        "text", .string, en: "what was learnt; empty in `public`", fr: "ce qui a été appris ; vide en `public`"),
    ], primaryKey: ["retro", "position"], foreignKeys: [], isRegionOnly: false)

  static let metrics = ExportResource(
    name: "metrics", title: Localized(en: "Metrics", fr: "Indicateurs de pilotage"),
    row: Localized(
      en: "a single-number metric of the metric registry", fr: "un indicateur de pilotage du registre des indicateurs"),
    columns: [
      ExportColumn(
        "name", .string, required: true, en: "the metric's name (docs/metrics.md)",
        fr: "le nom de l'indicateur (docs/metrics.md)"),
      ExportColumn("label_en", .string, required: true, en: "its label in English", fr: "son libellé en anglais"),
      ExportColumn("label_fr", .string, required: true, en: "its label in French", fr: "son libellé en français"),
      ExportColumn(
        "value", .number, en: "its value; empty when undefined", fr: "sa valeur ; vide si elle n'est pas définie"),
      ExportColumn("numerator", .number, en: "what is counted, for a share", fr: "ce qui est compté, pour une part"),
      ExportColumn("denominator", .number, en: "out of what, for a share", fr: "sur quel total, pour une part"),
    ], primaryKey: ["name"], foreignKeys: [], isRegionOnly: false)

  static let members = ExportResource(
    name: "members", title: Localized(en: "Members of the federation", fr: "Membres de la fédération"),
    row: Localized(en: "a member of a region's federation", fr: "un membre de la fédération d'une région"),
    columns: [
      ExportColumn(
        "name", .string, required: true, en: "the member's name in `.steer.yaml`",
        fr: "le nom du membre dans `.steer.yaml`"),
      ExportColumn(
        "title", .string,
        en: "how people read its name: its `title` in `.steer.yaml`, else its vision's territory",
        fr: "son nom tel qu'on le lit : son `title` dans `.steer.yaml`, sinon le territoire de sa vision"),
      ExportColumn("revision", .string, en: "the revision the region pins", fr: "la révision que la région retient"),
      ExportColumn(
        "commit", .string, en: "the commit read; empty when unavailable",
        fr: "le commit lu ; vide s'il est indisponible"),
      ExportColumn(
        "status", .string, required: true, values: ["available", "unavailable"],
        en: "whether the member could be read", fr: "si le membre a pu être lu"),
    ]
      + MetricRegistry.standard.definitions.map { metric in
        ExportColumn(
          metric.id, .number, en: "the member's `\(metric.id)` (`metrics.name`)",
          fr: "son `\(metric.id)` (`metrics.name`)")
      }, primaryKey: ["name"], foreignKeys: [], isRegionOnly: true)
}
