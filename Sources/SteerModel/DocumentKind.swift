/// The eight kinds of ledger document. The directory a file stands in decides its kind.
public enum DocumentKind: String, CaseIterable, Hashable, Sendable {
  case vision, stakeholder, objective, usecase, workshop, iteration, retro, decision

  /// The directory under the ledger root; nil for the vision, which is `vision.md` at the root.
  public var directory: String? {
    switch self {
    case .vision: nil
    case .stakeholder: "stakeholders"
    case .objective: "objectives"
    case .usecase: "usecases"
    case .workshop: "workshops"
    case .iteration: "iterations"
    case .retro: "retros"
    case .decision: "decisions"
    }
  }

  /// What a document's stem declares, if anything: retros are keyed by their iteration.
  public var declares: EntityKind? {
    switch self {
    case .vision, .retro: nil
    case .stakeholder: .stakeholder
    case .objective: .objective
    case .usecase: .usecase
    case .workshop: .workshop
    case .iteration: .iteration
    case .decision: .decision
    }
  }

  public static let visionFileName = "vision.md"

  public static func forDirectory(_ name: String) -> DocumentKind? {
    allCases.first { $0.directory == name }
  }

  /// The kind a writer names on the command line: its word (`usecase`) or its name in either
  /// language, whatever its accents, case and spaces (`cas-d-usage`, `itération`, `rétro`,
  /// `partie prenante`).
  public init?(named word: String) {
    let slug = Slug.make(word)
    guard
      let kind = Self.allCases.first(where: { kind in
        kind.rawValue == slug || kind.names.contains(slug)
      })
    else { return nil }
    self = kind
  }

  /// The kind's names in both languages, as slugs: `use-case`, `cas-d-usage`.
  public var names: [String] {
    Language.allCases.map { Slug.make(noun(Wording($0))) }
  }

  /// What a document of this kind is, for documentation and JSON Schema.
  public func summary(_ say: Wording) -> String {
    switch self {
    case .vision:
      say(
        en: "The vision: strategic axes, an ordered rollout and endorsements (exactly one, `vision.md`).",
        fr: "La vision : axes stratégiques, déploiement ordonné et soutiens (une seule, `vision.md`).")
    case .stakeholder:
      say(
        en: "Who takes part, and what each of them prioritises.",
        fr: "Qui prend part au programme, et ce que chacun juge prioritaire.")
    case .objective:
      say(
        en: "What the vision aims at, with measurable indicators.",
        fr: "Ce que vise la vision, avec des indicateurs mesurables.")
    case .usecase:
      say(
        en: "A concrete project that serves objectives, moving through phases.",
        fr: "Un projet concret qui sert des objectifs et passe de phase en phase.")
    case .workshop:
      say(
        en: "A co-construction workshop with the use case's users.",
        fr: "Un atelier de co-construction avec les usagers du cas d'usage.")
    case .iteration: say(en: "One iteration of the roadmap.", fr: "Une itération de la feuille de route.")
    case .retro:
      say(
        en: "The retrospective of one iteration (the file's stem is the iteration id).",
        fr: "La rétrospective d'une itération (le nom du fichier est l'identifiant de l'itération).")
    case .decision:
      say(
        en: "A governance decision: what was decided, by whom, after which workshops, and the council's vote if any.",
        fr:
          "Une décision de gouvernance : ce qui a été décidé, par qui, après quels ateliers, et le vote du conseil s'il y en a eu un."
      )
    }
  }

  public var fields: [FieldSpec] { FieldTables.fields(of: self) }
}
