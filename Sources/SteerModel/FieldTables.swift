/// The type of a field's value. Validation, the JSON Schema export and the documentation
/// all read these tables: they are the one statement of the format's fields.
public indirect enum FieldType: Hashable, Sendable {
  /// A string. YAML 1.1 booleans, nulls and numbers written without quotes are refused.
  case text
  /// `YYYY-MM-DD`, a real calendar day.
  case date
  /// A finite number, at least `minimum` when given.
  case number(minimum: Double?)
  case integer(ClosedRange<Int>)
  /// A new id of the given kind, following the id pattern and unique across the ledger.
  case identifier(EntityKind)
  /// The id of an existing thing of the given kind.
  case reference(EntityKind)
  /// The id of an existing thing of any of the given kinds (a decision's `concerns`).
  case referenceAmong([EntityKind])
  /// The id of a thing of the given kind in the ledger that federates this one (a region's):
  /// that ledger checks it, not this one.
  case federatedReference(EntityKind)
  /// One of the listed words.
  case choice(Choices)
  /// A short lowercase word.
  case tag
  case list(FieldType, minimumCount: Int)
  /// A mapping whose keys are of the first type and values of the second.
  case map(key: FieldType, value: FieldType)
  case object([FieldSpec])
  /// A rule id of the catalogue (configuration only).
  case ruleID
  /// A metric a gate may name (configuration only).
  case metricName

  public static func choice<E: FormatWord>(_: E.Type) -> FieldType { .choice(Choices(Array(E.allCases))) }

  public static func list(_ element: FieldType) -> FieldType { .list(element, minimumCount: 0) }

  /// The largest magnitude a number of the ledger may have (efforts, capacities, indicator
  /// values): far beyond any real figure, and small enough that sums stay exact and finite.
  public static let largestNumber = 1e12
}

extension FieldType {
  /// How messages and documentation name a value of this type: "a stakeholder id".
  public func summary(_ say: Wording) -> String {
    switch self {
    case .text: say(en: "text", fr: "du texte")
    case .date: say(en: "a date (YYYY-MM-DD)", fr: "une date (AAAA-MM-JJ)")
    case .number(let minimum):
      minimum.map { say(en: "a number ≥ \(say.number($0))", fr: "un nombre ≥ \(say.number($0))") }
        ?? say(en: "a number", fr: "un nombre")
    case .integer(let range):
      say(
        en: "a whole number from \(range.lowerBound) to \(range.upperBound)",
        fr: "un entier de \(range.lowerBound) à \(range.upperBound)")
    case .identifier(let kind): say(en: "a new \(kind.noun(say)) id", fr: "un nouvel identifiant \(de: kind.noun(say))")
    case .reference(let kind): say(en: kind.withArticle(say) + " id", fr: "un identifiant \(de: kind.noun(say))")
    case .referenceAmong(let kinds):
      say(
        en: "the id of \(say.alternatives(kinds.map { $0.withArticle(say) }))",
        fr: "l'identifiant \(say.alternatives(kinds.map { ofThe($0.withArticle(say)) }))")
    case .federatedReference(let kind):
      say(
        en: kind.withArticle(say) + " id of the federating ledger",
        fr: "un identifiant \(de: kind.noun(say)) du registre fédérateur")
    case .choice(let choices):
      say(en: "one of \(say.list(choices.words))", fr: "l'une des valeurs \(say.list(choices.words))")
    case .tag: say(en: "a tag", fr: "une étiquette")
    case .list(let element, _):
      say(en: "a list of \(element.pluralSummary(say))", fr: "une liste \(de: element.pluralSummary(say))")
    case .map(let key, let value):
      say(
        en: "a mapping from \(key.summary(say)) to \(value.summary(say))",
        fr: "une table associant \(key.summary(say)) à \(value.summary(say))")
    case .object(let specs):
      say(
        en: "a mapping with the fields \(say.list(specs.map(\.name)))",
        fr: "une table avec les champs \(say.list(specs.map(\.name)))")
    case .ruleID: say(en: "a rule id", fr: "un identifiant de règle")
    case .metricName: say(en: "a metric name", fr: "un nom d'indicateur de pilotage")
    }
  }

  /// `de` and the French words after it, elided: `d'un objectif`.
  private func ofThe(_ words: String) -> String { French.elide("de", before: words) + words }

  func pluralSummary(_ say: Wording) -> String {
    switch self {
    case .text: say(en: "texts", fr: "textes")
    case .identifier(let kind), .reference(let kind):
      say(en: "\(kind.noun(say)) ids", fr: "identifiants \(de: kind.noun(say))")
    case .federatedReference(let kind):
      say(
        en: "\(kind.noun(say)) ids of the federating ledger",
        fr: "identifiants \(de: kind.noun(say)) du registre fédérateur")
    case .referenceAmong(let kinds):
      say(
        en: "ids of \(say.alternatives(kinds.map { $0.withArticle(say) }))",
        fr: "identifiants \(say.alternatives(kinds.map { ofThe($0.noun(say)) }))")
    case .choice(let choices):
      say(en: "words among \(say.list(choices.words))", fr: "mots parmi \(say.list(choices.words))")
    case .tag: say(en: "tags", fr: "étiquettes")
    case .object(let specs):
      say(
        en: "mappings with the fields \(say.list(specs.map(\.name)))",
        fr: "tables avec les champs \(say.list(specs.map(\.name)))")
    default: say(en: "values of \(summary(say))", fr: "valeurs (\(summary(say)))")
    }
  }
}

/// The words a field allows, each with what Steer says for it: what a French writer may write
/// instead (« hausse » for `increase`), and what an editor shows beside each word.
public struct Choices: Hashable, Sendable {
  public let words: [String]
  /// Each word's label, in the order of `words`.
  public let labels: [Localized]

  public init<E: FormatWord>(_ values: [E]) {
    words = values.map(\.rawValue)
    labels = values.map { value in Localized(value.word) }
  }
}

public struct FieldSpec: Hashable, Sendable {
  public var name: String
  public var type: FieldType
  public var isRequired: Bool
  /// What the field holds, for documentation and JSON Schema (empty when the name says it).
  public var summary: Localized

  public init(_ name: String, _ type: FieldType, required: Bool = false, _ summary: String = "", fr: French = "") {
    self.name = name
    self.type = type
    self.isRequired = required
    self.summary = Localized(en: summary, fr: fr)
  }
}

public enum FieldTables {
  public static func fields(of kind: DocumentKind) -> [FieldSpec] {
    switch kind {
    case .vision: vision
    case .stakeholder: stakeholder
    case .objective: objective
    case .usecase: usecase
    case .workshop: workshop
    case .iteration: iteration
    case .retro: retro
    case .decision: decision
    }
  }

  /// The kind a document filed as `kind` more likely is, from its top-level `keys`: the one kind
  /// (the vision aside, which has no folder) whose fields they match with far fewer unknown or
  /// missing ones, naming at least two of its fields. A retrospective in `usecases/` is one.
  public static func likelierKind(of keys: [String], filedAs kind: DocumentKind) -> DocumentKind? {
    func misfit(_ kind: DocumentKind) -> Int {
      let specs = fields(of: kind)
      return keys.filter { key in !specs.contains { $0.name == key } }.count
        + specs.filter { $0.isRequired && !keys.contains($0.name) }.count
    }
    let own = misfit(kind)
    guard own >= 3 else { return nil }
    let others = DocumentKind.allCases.filter { $0 != kind && $0.directory != nil }.map { ($0, misfit($0)) }
    guard let best = others.min(by: { $0.1 < $1.1 }), others.filter({ $0.1 == best.1 }).count == 1,
      best.1 * 2 < own, own - best.1 >= 3,
      keys.filter({ key in fields(of: best.0).contains { $0.name == key } }).count >= 2
    else { return nil }
    return best.0
  }

  public static let vision: [FieldSpec] = [
    FieldSpec("title", .text, required: true),
    FieldSpec(
      "territory", .text, required: true, "the territory or organisation the vision is for",
      fr: "le territoire ou l'organisation que vise la vision"),
    FieldSpec("horizon", .date, required: true, "the date the vision aims at", fr: "la date que vise la vision"),
    FieldSpec(
      "carried_by", .reference(.stakeholder), required: true, "who carries the vision politically",
      fr: "qui porte la vision politiquement"),
    FieldSpec(
      "axes",
      .list(
        .object([FieldSpec("id", .identifier(.axis), required: true)] + [FieldSpec("title", .text, required: true)]),
        minimumCount: 1),
      required: true, "the strategic axes", fr: "les axes stratégiques"),
    FieldSpec(
      "rollout",
      .list(
        .object(
          [FieldSpec("id", .identifier(.rolloutStep), required: true)] + [FieldSpec("title", .text, required: true)])),
      "ordered scale steps", fr: "les étapes du déploiement, dans l'ordre"),
    FieldSpec(
      "endorsements",
      .list(
        .object([
          FieldSpec("stakeholder", .reference(.stakeholder), required: true),
          FieldSpec("date", .date, required: true),
          FieldSpec("stance", .choice(Stance.self), required: true),
          FieldSpec("note", .text),
        ])),
      "who endorses the vision, and when", fr: "qui soutient la vision, et depuis quand"),
  ]

  public static let stakeholder: [FieldSpec] = [
    FieldSpec("name", .text, required: true),
    FieldSpec("group", .choice(StakeholderGroup.self), required: true),
    FieldSpec(
      "priorities", .map(key: .reference(.objective), value: .integer(0...5)),
      "objective id → how much this stakeholder values it, 0 (not a priority) to 5",
      fr: "identifiant d'objectif → l'importance que lui donne cette partie prenante, de 0 (pas une priorité) à 5"),
  ]

  public static let indicator: [FieldSpec] = [
    FieldSpec("id", .identifier(.indicator), required: true),
    FieldSpec("title", .text, required: true),
    FieldSpec("unit", .text, required: true),
    FieldSpec("direction", .choice(Direction.self), required: true),
    FieldSpec("baseline", .number(minimum: nil), required: true),
    FieldSpec("baseline_date", .date, required: true),
    FieldSpec("target", .number(minimum: nil), required: true),
    FieldSpec("target_date", .date, required: true),
    FieldSpec(
      "from_members", .choice(MemberCombination.self),
      "in a federating ledger: the members' latest values of the indicator of this id, summed or averaged",
      fr:
        "dans un registre fédérateur : les dernières valeurs de l'indicateur de même identifiant chez les membres, additionnées ou moyennées"
    ),
  ]

  public static let objective: [FieldSpec] = [
    FieldSpec("title", .text, required: true),
    FieldSpec("axis", .reference(.axis), required: true),
    FieldSpec("owner", .reference(.stakeholder), required: true),
    FieldSpec("status", .choice(ObjectiveStatus.self), "default `active`", fr: "`active` par défaut"),
    FieldSpec("indicators", .list(.object(indicator)), "measurable indicators", fr: "les indicateurs mesurables"),
    FieldSpec(
      "contributes_to", .list(.federatedReference(.objective)),
      "objectives of a federating ledger (a region's) that this objective serves; checked by that ledger",
      fr: "les objectifs d'un registre fédérateur (celui d'une région) que sert cet objectif ; ce registre les vérifie"),
  ]

  public static let usecase: [FieldSpec] = [
    FieldSpec("title", .text, required: true),
    FieldSpec(
      "objectives", .list(.reference(.objective), minimumCount: 1), required: true, "what it serves",
      fr: "ce qu'il sert"),
    FieldSpec("phase", .choice(Phase.self), required: true),
    FieldSpec("owner", .reference(.stakeholder), required: true),
    FieldSpec(
      "users", .list(.reference(.stakeholder)), "the end users or their representatives",
      fr: "les usagers finaux ou leurs représentants"),
    FieldSpec("rollout_step", .reference(.rolloutStep)),
    FieldSpec("depends_on", .list(.reference(.usecase))),
    FieldSpec(
      "effort", .number(minimum: 0), "in the ledger's effort unit; default 1",
      fr: "dans l'unité d'effort du registre ; 1 par défaut"),
  ]

  public static let workshop: [FieldSpec] = [
    FieldSpec(
      "title", .text,
      """
      what the workshop was about; wherever the workshop is named. Without it: the body's first heading, else \
      `workshop of <date>` in the reader's language. `\(DocumentKind.workshop.newCommand(Wording(.en))) "X"` writes it
      """,
      fr: """
        ce sur quoi l'atelier a porté ; partout où l'atelier est nommé. Sans lui : le premier titre du corps, \
        sinon `atelier du <date>` dans la langue du lecteur. `\(DocumentKind.workshop.newCommand(Wording(.fr))) "X"` l'écrit
        """),
    FieldSpec("date", .date, required: true),
    FieldSpec("phase", .choice(WorkshopPhase.self), required: true),
    FieldSpec("usecases", .list(.reference(.usecase), minimumCount: 1), required: true),
    FieldSpec("participants", .list(.reference(.stakeholder), minimumCount: 2), required: true),
    FieldSpec("facilitator", .reference(.stakeholder)),
    FieldSpec("decisions", .list(.text)),
  ]

  /// Phases a use case can be planned to reach.
  public static let targetPhase = FieldType.choice(Choices(Phase.ordered))

  public static let iteration: [FieldSpec] = [
    FieldSpec("title", .text, required: true),
    FieldSpec("start", .date, required: true),
    FieldSpec("end", .date, required: true),
    FieldSpec("status", .choice(IterationStatus.self), required: true),
    FieldSpec("goal", .text),
    FieldSpec(
      "capacity", .number(minimum: 0), "effort available in the iteration", fr: "l'effort disponible dans l'itération"),
    FieldSpec(
      "items",
      .list(
        .object([
          FieldSpec("usecase", .reference(.usecase), required: true),
          FieldSpec(
            "target", targetPhase, required: true, "the phase to reach by the end of the iteration",
            fr: "la phase à atteindre à la fin de l'itération"),
          FieldSpec("effort", .number(minimum: 0), "defaults to the use case's", fr: "celui du cas d'usage par défaut"),
        ]))),
  ]

  public static let retro: [FieldSpec] = [
    FieldSpec("date", .date, required: true),
    FieldSpec("participants", .list(.reference(.stakeholder), minimumCount: 1), required: true),
    FieldSpec(
      "delivered",
      .list(
        .object([
          FieldSpec("usecase", .reference(.usecase), required: true),
          FieldSpec(
            "phase", .choice(Phase.self), required: true, "the phase actually reached",
            fr: "la phase effectivement atteinte"),
        ]))),
    FieldSpec(
      "lessons",
      .list(
        .object([
          FieldSpec("text", .text, required: true),
          FieldSpec("tags", .list(.tag), "short lowercase words", fr: "des mots courts en minuscules"),
        ]))),
    FieldSpec(
      "actions",
      .list(
        .object([
          FieldSpec("text", .text, required: true),
          FieldSpec("owner", .reference(.stakeholder), required: true),
          FieldSpec(
            "due", .reference(.iteration), required: true, "the iteration it is due by",
            fr: "l'itération où elle est attendue"),
          FieldSpec("status", .choice(ActionStatus.self), required: true),
          FieldSpec(
            "id", .tag, "names the action across retrospectives (else its text and owner)",
            fr: "nomme l'action d'une rétrospective à l'autre (sinon, son texte et son responsable)"),
        ]))),
    FieldSpec(
      "measurements",
      .list(
        .object([
          FieldSpec("indicator", .reference(.indicator), required: true),
          FieldSpec("value", .number(minimum: nil), required: true),
          FieldSpec("date", .date, required: true),
        ]))),
  ]

  /// What a decision may concern.
  public static let decisionConcerns: [EntityKind] = [.usecase, .objective, .iteration, .rolloutStep]

  /// A count of a deliberation: members, present, votes.
  static let voteCount = FieldType.integer(0...100_000)

  public static let deliberation: [FieldSpec] = [
    FieldSpec(
      "body", .text, required: true, "the council that voted", fr: "l'assemblée qui a voté"),
    FieldSpec(
      "reference", .text, required: true, "the deliberation's number", fr: "le numéro de la délibération"),
    FieldSpec("date", .date, required: true, "the date of the vote", fr: "la date du vote"),
    FieldSpec("members", voteCount, "the council's members in office", fr: "les membres en exercice"),
    FieldSpec("present", voteCount, "members present or represented", fr: "les membres présents ou représentés"),
    FieldSpec("for", voteCount, "votes for", fr: "les voix pour"),
    FieldSpec("against", voteCount, "votes against", fr: "les voix contre"),
    FieldSpec("abstention", voteCount, "abstentions", fr: "les abstentions"),
    FieldSpec("url", .text, "where the deliberation is published", fr: "où la délibération est publiée"),
  ]

  public static let decision: [FieldSpec] = [
    FieldSpec(
      "title", .text, required: true, "the decision as a short sentence", fr: "la décision, en une phrase courte"),
    FieldSpec("date", .date, required: true, "when it was taken", fr: "la date où elle a été prise"),
    FieldSpec("status", .choice(DecisionStatus.self), required: true),
    FieldSpec(
      "decided_by", .list(.reference(.stakeholder), minimumCount: 1), required: true, "who took it",
      fr: "qui l'a prise"),
    FieldSpec(
      "consulted", .list(.reference(.stakeholder)), "whose opinion was sought before",
      fr: "qui a été consulté avant"),
    FieldSpec("informed", .list(.reference(.stakeholder)), "who is told after", fr: "qui en est informé après"),
    FieldSpec(
      "workshops", .list(.reference(.workshop)), "the co-construction workshops that prepared it",
      fr: "les ateliers de co-construction qui l'ont préparée"),
    FieldSpec(
      "concerns", .list(.referenceAmong(decisionConcerns)),
      "the use cases, objectives, iterations or rollout steps it decides about",
      fr: "les cas d'usage, objectifs, itérations ou étapes de déploiement sur lesquels elle porte"),
    FieldSpec(
      "supersedes", .list(.reference(.decision)), "the decisions it replaces; each must be `superseded`",
      fr: "les décisions qu'elle remplace ; chacune doit être `superseded`"),
    FieldSpec("options", .list(.text), "the options weighed", fr: "les options envisagées"),
    FieldSpec(
      "deliberation", .object(deliberation), "a council's vote on it", fr: "le vote d'une assemblée délibérante"),
  ]

  /// `.steer.yaml` at the repository root.
  public static let configuration: [FieldSpec] = [
    FieldSpec(
      "ledger", .text, "the ledger directory, relative to the repository root; default `vision`",
      fr: "le répertoire du registre, relatif à la racine du dépôt ; `vision` par défaut"),
    FieldSpec(
      "language", .choice(Language.self), "the language of summaries and messages",
      fr: "la langue des synthèses et des messages"),
    FieldSpec("effort_unit", .text, "the unit of `effort` and `capacity`", fr: "l'unité de `effort` et de `capacity`"),
    FieldSpec(
      "required_endorsements", .list(.choice(StakeholderGroup.self)), "groups that must endorse the vision",
      fr: "les groupes qui doivent soutenir la vision"),
    FieldSpec(
      "rules", .map(key: .ruleID, value: .choice(RuleSetting.self)), "severity overrides", fr: "les gravités redéfinies"
    ),
    FieldSpec(
      "gates", .map(key: .metricName, value: .number(minimum: nil)), "minimum value of a metric",
      fr: "la valeur minimale d'un indicateur"),
    FieldSpec(
      "federation", .list(.object(federationMember)), "the ledgers this one federates (a region's communes)",
      fr: "les registres que celui-ci fédère (les communes d'une région)"),
    FieldSpec(
      "publication", .object(publication), "what `steer export` says about the data it publishes",
      fr: "ce que `steer export` indique des données qu'il publie"),
  ]

  public static let publication: [FieldSpec] = [
    FieldSpec(
      "publisher", .text, "who publishes the data: the catalogue's `dct:publisher`",
      fr: "qui publie les données : le `dct:publisher` du catalogue"),
    FieldSpec(
      "licence", .text, "the data's licence: an SPDX-like id or a URL; default `etalab-2.0`",
      fr: "la licence des données : un identifiant SPDX ou une URL ; `etalab-2.0` par défaut"),
    FieldSpec(
      "contact", .text, "an e-mail address or a URL to write to about the data",
      fr: "une adresse électronique ou une URL pour écrire au sujet des données"),
    FieldSpec(
      "spatial", .text, "the territory's URI, such as `https://id.insee.fr/geo/commune/05061`",
      fr: "l'URI du territoire, par exemple `https://id.insee.fr/geo/commune/05061`"),
    FieldSpec(
      "site", .text,
      "the address where `steer site`'s pages are published: `calendar.ics` links each event's page there",
      fr: "l'adresse où les pages de `steer site` sont publiées : `calendar.ics` y lie la page de chaque événement"),
  ]

  public static let federationMember: [FieldSpec] = [
    FieldSpec(
      "name", .tag, required: true, "how findings and figures name the member",
      fr: "le nom sous lequel constats et chiffres désignent le membre"),
    FieldSpec(
      "repository", .text, required: true,
      "a path relative to this repository's root, or a git URL; neither this repository nor another entry's",
      fr: "un chemin relatif à la racine de ce dépôt, ou une URL git"),
    FieldSpec(
      "revision", .text, "a tag, branch or commit; default the member's HEAD",
      fr: "une étiquette, une branche ou un commit ; par défaut, le HEAD du membre"),
    FieldSpec(
      "ledger", .text, "the member's ledger directory; default its own `.steer.yaml`'s `ledger`, else `vision`",
      fr: "le répertoire du registre du membre ; par défaut, le `ledger` de son propre `.steer.yaml`, sinon `vision`"),
    FieldSpec(
      "title", .text, "how people read the member's name; default its vision's `territory`",
      fr: "le nom du membre tel que le lisent les personnes ; par défaut, le `territory` de sa vision"),
  ]
}
