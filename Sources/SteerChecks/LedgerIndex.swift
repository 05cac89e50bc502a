import SteerModel

/// Lookups built once per check, so that cross-document rules never scan all documents
/// for each document. Where an id is declared twice (which `duplicate-id` reports), the
/// first document in file order wins.
public struct LedgerIndex: Sendable {
  /// A planned item, with the place in the roadmap of the iteration that plans it.
  public struct PlannedItem: Sendable {
    /// The iteration's position in `roadmap` (not a copy of it: thousands of items are planned).
    public var position: Int
    public var item: Item
  }

  /// The first declaration of each id, in file order.
  public let firstDeclarations: [String: Declaration]
  /// Every declaration of the ids declared more than once, in file order. Kept apart so that
  /// the common case, one declaration, costs no list.
  public let repeatedDeclarations: [String: [Declaration]]
  public let stakeholders: ByID<Stakeholder>
  public let objectives: ByID<Objective>
  public let useCases: ByID<UseCase>
  public let indicators: ByID<Indicator>
  /// The iterations ordered by start, then id: the roadmap.
  public let roadmap: [Iteration]
  /// Use case id → the workshops that worked on it.
  public let workshopsByUseCase: [String: [Workshop]]
  /// Use case id → the items that plan it, in roadmap order.
  public let itemsByUseCase: [String: [PlannedItem]]
  public let retrosByIteration: ByID<Retro>
  public let iterations: ByID<Iteration>
  /// Stakeholder id → their latest endorsement (by date; the later entry wins a tie).
  public let latestEndorsements: [String: Endorsement]
  /// References written in documents that could not be built (a schema error): rules give
  /// those documents the benefit of the doubt rather than report what they may well say.
  public let unbuiltReferences: [Reference]

  public init(_ ledger: Ledger) {
    (firstDeclarations, repeatedDeclarations) = Self.declarationsByID(ledger.declarations)
    stakeholders = ByID(ledger.stakeholders, \.id)
    objectives = ByID(ledger.objectives, \.id)
    useCases = ByID(ledger.useCases, \.id)
    indicators = ByID(ledger.objectives.flatMap(\.indicators), \.id.value)
    iterations = ByID(ledger.iterations, \.id)
    retrosByIteration = ByID(ledger.retros, \.iteration)
    roadmap = Ledger.roadmap(ledger.iterations)
    workshopsByUseCase = ledger.workshopsByUseCase
    itemsByUseCase = Self.itemsByUseCase(roadmap)
    latestEndorsements = ledger.vision?.latestEndorsements ?? [:]

    let unbuilt = Set(ledger.unbuiltDocuments)
    unbuiltReferences = unbuilt.isEmpty ? [] : ledger.references.filter { unbuilt.contains($0.file) }
  }

  /// The first declaration of each id, and every declaration of the ids declared more than once.
  private static func declarationsByID(
    _ declarations: [Declaration]
  ) -> (first: [String: Declaration], repeated: [String: [Declaration]]) {
    var first: [String: Declaration] = [:]
    var repeated: [String: [Declaration]] = [:]
    first.reserveCapacity(declarations.count)
    for declaration in declarations {
      // One hash lookup in the common case; a repeated id puts the first back.
      guard let earlier = first.updateValue(declaration, forKey: declaration.id) else { continue }
      first[declaration.id] = earlier
      repeated[declaration.id, default: [earlier]].append(declaration)
    }
    // Only ids declared more than once need an order (the first in file order is the original).
    for (id, list) in repeated {
      let sorted = list.sorted { ($0.file, $0.location) < ($1.file, $1.location) }
      repeated[id] = sorted
      first[id] = sorted[0]
    }
    return (first, repeated)
  }

  private static func itemsByUseCase(_ roadmap: [Iteration]) -> [String: [PlannedItem]] {
    var items: [String: [PlannedItem]] = [:]
    for (position, iteration) in roadmap.enumerated() {
      for item in iteration.items {
        items[item.useCase.value, default: []].append(PlannedItem(position: position, item: item))
      }
    }
    return items
  }

  /// The ids of `kind` that unbuilt documents of `documentKind` name.
  public func unbuiltReferences(to kind: EntityKind, from documentKind: DocumentKind) -> Set<String> {
    let directory = "/\(documentKind.directory ?? "")/"
    return Set(unbuiltReferences.filter { $0.kind == kind && $0.file.contains(directory) }.map(\.id))
  }

  /// The path a document of `kind` named `id` has in `ledger`'s directory.
  public static func path(of kind: DocumentKind, id: String, in directory: String) -> String {
    let prefix = directory.isEmpty ? "" : directory + "/"
    return prefix + (kind.directory.map { "\($0)/\(id).md" } ?? DocumentKind.visionFileName)
  }

  /// Every declaration of `id`, in file order.
  public func declarations(of id: String) -> [Declaration] {
    repeatedDeclarations[id] ?? firstDeclarations[id].map { [$0] } ?? []
  }

  /// Whether `id` is declared as a thing of `kind`.
  public func declares(_ id: String, as kind: EntityKind) -> Bool {
    guard let first = firstDeclarations[id] else { return false }
    return first.kind == kind || repeatedDeclarations[id]?.contains { $0.kind == kind } == true
  }

  /// The effort an item plans: its own, else its use case's, else the default.
  public func effort(of item: Item) -> Double {
    item.effort ?? useCases[item.useCase.value]?.effort ?? UseCase.defaultEffort
  }

  /// Whether the use case `id` serves at least one active objective (nil: no such use case).
  public func servesActiveObjective(useCase id: String) -> Bool? {
    // Fields read in place: a use case or an objective copied whole retains all it holds.
    useCases[id]?.objectives.contains { objectives[$0.value]?.status == .active }
  }
}

/// Values looked up by id, kept in their own array: the index holds positions, not copies.
/// Where two values share an id, the first wins.
public struct ByID<Value: Sendable>: Sendable {
  @usableFromInline let values: [Value]
  @usableFromInline let position: [String: Int]

  public init(_ values: [Value], _ id: (Value) -> String) {
    self.values = values
    var position: [String: Int] = [:]
    position.reserveCapacity(values.count)
    // By index, not `enumerated()`: that would copy each value (every string and list retained).
    for index in values.indices {
      let key = id(values[index])
      if let earlier = position.updateValue(index, forKey: key) { position[key] = earlier }
    }
    self.position = position
  }

  // Inlinable, so that a caller who reads one field of the value does not copy all of it.
  @inlinable public subscript(id: String) -> Value? {
    guard let index = position[id] else { return nil }
    return values[index]
  }

  /// The ids, in no particular order.
  public var ids: Dictionary<String, Int>.Keys { position.keys }
}
