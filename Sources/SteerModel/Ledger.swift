/// The kinds of things an id can name. Ids are unique across all of them.
public enum EntityKind: String, CaseIterable, Hashable, Sendable {
  case stakeholder, objective, usecase, workshop, iteration, decision, axis
  case rolloutStep = "rollout-step"
  case indicator
}

extension EntityKind {
  /// The kind of document whose file name is an id of this kind (nil for axes, rollout steps
  /// and indicators, which are declared inside a document): the inverse of `DocumentKind.declares`.
  public var directoryKind: DocumentKind? { DocumentKind.allCases.first { $0.declares == self } }
}

/// An id introduced by the ledger: a document's file stem, or an axis, rollout step or indicator id.
public struct Declaration: Hashable, Sendable {
  public var id: String
  public var kind: EntityKind
  public var file: String
  public var location: SourceLocation
  public init(id: String, kind: EntityKind, file: String, location: SourceLocation) {
    self.id = id
    self.kind = kind
    self.file = file
    self.location = location
  }
}

/// A place where the ledger names an id of a given kind.
public struct Reference: Hashable, Sendable {
  public var id: String
  public var kind: EntityKind
  /// The field that holds the reference, as written (`owner`, `objectives`, …), or
  /// `fileNameField` when the file's own name is the reference (a retro names its iteration).
  public var field: String
  public static let fileNameField = "file name"
  public var file: String
  public var location: SourceLocation
  /// Other kinds the id may name as well (a decision's `concerns`: a use case, an objective…).
  public var otherKinds: [EntityKind]
  public init(
    id: String, kind: EntityKind, field: String, file: String, location: SourceLocation, otherKinds: [EntityKind] = []
  ) {
    self.id = id
    self.kind = kind
    self.field = field
    self.file = file
    self.location = location
    self.otherKinds = otherKinds
  }

  /// Every kind the id may name.
  public var kinds: [EntityKind] { [kind] + otherKinds }
}

/// One typed document of a ledger, whichever its kind.
public enum LedgerDocument: Hashable, Sendable {
  case vision(Vision), stakeholder(Stakeholder), objective(Objective), useCase(UseCase)
  case workshop(Workshop), iteration(Iteration), retro(Retro), decision(Decision)
  /// A measurement series, `measurements/<indicator id>.csv`.
  case series(MeasurementSeries)
}

/// A whole ledger, as read. Documents that could not be read are absent from the typed
/// lists, but their ids stay in `declarations` so that references to them still resolve.
public struct Ledger: Hashable, Sendable {
  /// The ledger directory, relative to the repository root (`vision`).
  public var directory: String
  public var vision: Vision?
  public var stakeholders: [Stakeholder] = []
  public var objectives: [Objective] = []
  public var useCases: [UseCase] = []
  public var workshops: [Workshop] = []
  public var iterations: [Iteration] = []
  public var retros: [Retro] = []
  public var decisions: [Decision] = []
  /// The measurement series files, sorted by path.
  public var series: [MeasurementSeries] = []
  public var declarations: [Declaration] = []
  public var references: [Reference] = []
  /// Paths of every document read, valid or not, sorted.
  public var documentPaths: [String] = []
  /// Paths of the documents read whose typed value could not be built (a reading error).
  public var unbuiltDocuments: [String] = []
  public var suppressions: [Suppression] = []

  public init(directory: String) {
    self.directory = directory
  }

  /// Makes room in the typed lists for `counts` documents of each kind.
  public mutating func reserveCapacity(_ counts: [DocumentKind: Int]) {
    stakeholders.reserveCapacity(counts[.stakeholder] ?? 0)
    objectives.reserveCapacity(counts[.objective] ?? 0)
    useCases.reserveCapacity(counts[.usecase] ?? 0)
    workshops.reserveCapacity(counts[.workshop] ?? 0)
    iterations.reserveCapacity(counts[.iteration] ?? 0)
    retros.reserveCapacity(counts[.retro] ?? 0)
    decisions.reserveCapacity(counts[.decision] ?? 0)
  }

  /// Adds a document to the typed lists.
  public mutating func append(_ document: consuming LedgerDocument) {
    switch consume document {
    case .vision(let vision): self.vision = vision
    case .stakeholder(let stakeholder): stakeholders.append(stakeholder)
    case .objective(let objective): objectives.append(objective)
    case .useCase(let useCase): useCases.append(useCase)
    case .workshop(let workshop): workshops.append(workshop)
    case .iteration(let iteration): iterations.append(iteration)
    case .retro(let retro): retros.append(retro)
    case .decision(let decision): decisions.append(decision)
    case .series(let file): series.append(file)
    }
  }
}

extension Ledger {
  /// Refuses an id that something in the ledger already declares, whatever its kind: a new
  /// document's, or a renamed one's.
  public func ensureFree(_ id: String, hint: (en: String, fr: French)? = nil) throws(SteerError) {
    guard let taken = declarations.first(where: { $0.id == id }) else { return }
    throw SteerError(
      en: "the id '\(id)' is already used by \(taken.file)",
      fr: "l'identifiant « \(id) » est déjà pris par \(taken.file)", hint: hint)
  }

  /// Use case id → the workshops that worked on it (each once, in the ledger's order).
  public var workshopsByUseCase: [String: [Workshop]] {
    var byUseCase: [String: [Workshop]] = [:]
    for workshop in workshops {
      for (position, useCase) in workshop.useCases.enumerated()
      where !workshop.useCases[..<position].contains(where: { $0.value == useCase.value }) {
        byUseCase[useCase.value, default: []].append(workshop)
      }
    }
    return byUseCase
  }

  /// The iterations ordered by start, then id: the roadmap.
  public static func roadmap(_ iterations: [Iteration]) -> [Iteration] {
    iterations.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
  }

  /// Each action as its latest statement says it (docs/format.md: an action restated in a
  /// later retrospective — same `id`, or same text and owner — carries over): the statements in
  /// `retros`, retrospectives ordered by their iteration's place in the roadmap of
  /// `iterations`, with the earlier statements of the same action left out.
  public static func currentActions(_ retros: some Sequence<Retro>, iterations: [String: Iteration])
    -> [(retro: Retro, position: Int, action: Action)]
  {
    let ordered = retros.sorted { left, right in
      // A retrospective of an unknown iteration sorts first: it cannot be later than a known one.
      let l = iterations[left.iteration]?.start.daysSinceEpoch ?? Int.min
      let r = iterations[right.iteration]?.start.daysSinceEpoch ?? Int.min
      return (l, left.iteration, left.file) < (r, right.iteration, right.file)
    }
    var latest: [String: (retro: Retro, position: Int, action: Action)] = [:]
    var order: [String] = []
    for retro in ordered {
      for (position, action) in retro.actions.enumerated() {
        if latest[action.key] == nil { order.append(action.key) }
        latest[action.key] = (retro, position, action)
      }
    }
    return order.map { latest[$0]! }
  }

  /// Values by an id; the first wins where two share one.
  public static func byID<T>(_ values: [T], _ key: (T) -> String) -> [String: T] {
    var table: [String: T] = [:]
    table.reserveCapacity(values.count)
    for value in values where table[key(value)] == nil { table[key(value)] = value }
    return table
  }
}

extension Vision {
  /// Stakeholder id → their latest endorsement of the vision (by date; the later entry wins a tie).
  public var latestEndorsements: [String: Endorsement] {
    var latest: [String: Endorsement] = [:]
    for endorsement in endorsements {
      let id = endorsement.stakeholder.value
      if let current = latest[id], current.date > endorsement.date { continue }
      latest[id] = endorsement
    }
    return latest
  }
}
