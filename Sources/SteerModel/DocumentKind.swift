/// The seven kinds of ledger document. The directory a file stands in decides its kind.
public enum DocumentKind: String, CaseIterable, Hashable, Sendable {
  case vision, stakeholder, objective, usecase, workshop, iteration, retro

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
    }
  }

  public static let visionFileName = "vision.md"

  public static func forDirectory(_ name: String) -> DocumentKind? {
    allCases.first { $0.directory == name }
  }

  public var summary: String {
    switch self {
    case .vision: "The vision: strategic axes, an ordered rollout and endorsements (exactly one, `vision.md`)."
    case .stakeholder: "Who takes part, and what each of them prioritises."
    case .objective: "What the vision aims at, with measurable indicators."
    case .usecase: "A concrete project that serves objectives, moving through phases."
    case .workshop: "A co-construction workshop with the use case's users."
    case .iteration: "One iteration of the roadmap."
    case .retro: "The retrospective of one iteration (the file's stem is the iteration id)."
    }
  }

  public var fields: [FieldSpec] { FieldTables.fields(of: self) }
}
