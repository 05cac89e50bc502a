import SteerModel

/// Lookups built once per ledger, so that cross-document rules never scan all documents
/// for each document, and kept up to date file by file after an edit (`update`), as
/// `LiveLedger` keeps the ledger. Where an id is declared twice (which `duplicate-id`
/// reports), the first document in file order wins.
public struct LedgerIndex: Sendable {
  /// A planned item, with the place in the roadmap of the iteration that plans it.
  public struct PlannedItem: Hashable, Sendable {
    /// The iteration's position in `roadmap` (not a copy of it: thousands of items are planned).
    public var position: Int
    public var item: Item
  }

  /// The first declaration of each id, in file order.
  public private(set) var firstDeclarations: [String: Declaration]
  /// Every declaration of the ids declared more than once, in file order. Kept apart so that
  /// the common case, one declaration, costs no list.
  public private(set) var repeatedDeclarations: [String: [Declaration]]
  public private(set) var stakeholders: ByID<Stakeholder>
  public private(set) var objectives: ByID<Objective>
  public private(set) var useCases: ByID<UseCase>
  public private(set) var indicators: ByID<Indicator>
  /// Objective id → how many use cases that are not abandoned serve it.
  public private(set) var liveUseCasesByObjective: [String: Int] = [:]
  /// The iterations ordered by start, then id: the roadmap.
  public private(set) var roadmap: [Iteration]
  /// Use case id → the workshops that worked on it, in file order.
  public private(set) var workshopsByUseCase: [String: [Workshop]]
  /// Use case id → the items that plan it, in roadmap order.
  public private(set) var itemsByUseCase: [String: [PlannedItem]]
  public private(set) var retrosByIteration: ByID<Retro>
  public private(set) var iterations: ByID<Iteration>
  /// Stakeholder id → their latest endorsement (by date; the later entry wins a tie).
  public private(set) var latestEndorsements: [String: Endorsement]
  /// References written in documents that could not be built (a schema error): rules give
  /// those documents the benefit of the doubt rather than report what they may well say.
  public private(set) var unbuiltReferences: [Reference]
  /// Which index this is, and how many of its updates changed a declaration: what
  /// `IncrementalChecker` compares to know whether the declarations changed since its last check.
  var declarationsVersion = DeclarationsVersion()

  struct DeclarationsVersion: Hashable, Sendable {
    var lineage = UInt64.random(in: .min ... .max)
    var changes = 0
  }

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
    unbuiltReferences = ledger.references.within(ledger.unbuiltDocuments, [], path: \.file)
    countServing(ledger.useCases, by: 1)
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
      let sorted = list.sorted(by: Self.fileOrder)
      repeated[id] = sorted
      first[id] = sorted[0]
    }
    return (first, repeated)
  }

  private static func fileOrder(_ a: Declaration, _ b: Declaration) -> Bool {
    (a.file, a.location) < (b.file, b.location)
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

  /// What `file` holds in `ledger`: what `update` needs of the ledger before it changes.
  public static func entries(of file: String, in ledger: Ledger) -> Ledger {
    ledger.restricted(to: [file], keeping: [])
  }

  /// Brings the index up to date after `file` changed: `before` is what it held
  /// (`entries(of:in:)` on the ledger before), `ledger` the ledger after. The lookups over use
  /// cases, declarations and workshops change where the file stands in them; those over the
  /// small parts are built again when the file is one of theirs.
  public mutating func update(_ file: String, before: Ledger, in ledger: Ledger) {
    let after = Self.entries(of: file, in: ledger)
    if before.declarations != after.declarations {
      updateDeclarations(file, before.declarations, after.declarations)
      declarationsVersion.changes += 1
    }
    if before.useCases != after.useCases {
      useCases.update(file, old: before.useCases, new: after.useCases, all: ledger.useCases, id: \.id, file: \.file)
      countServing(before.useCases, by: -1)
      countServing(after.useCases, by: 1)
    }
    if before.workshops != after.workshops { updateWorkshops(file, before.workshops, after.workshops) }
    if before.stakeholders != after.stakeholders { stakeholders = ByID(ledger.stakeholders, \.id) }
    if before.objectives != after.objectives {
      objectives = ByID(ledger.objectives, \.id)
      indicators = ByID(ledger.objectives.flatMap(\.indicators), \.id.value)
    }
    if before.iterations != after.iterations {
      iterations = ByID(ledger.iterations, \.id)
      roadmap = Ledger.roadmap(ledger.iterations)
      itemsByUseCase = Self.itemsByUseCase(roadmap)
    }
    if before.retros != after.retros { retrosByIteration = ByID(ledger.retros, \.iteration) }
    if before.vision != after.vision { latestEndorsements = ledger.vision?.latestEndorsements ?? [:] }
    if before.unbuiltDocuments != after.unbuiltDocuments || !after.unbuiltDocuments.isEmpty {
      unbuiltReferences = ledger.references.within(ledger.unbuiltDocuments, [], path: \.file)
    }
  }

  /// Counts the objectives `useCases` serve, once each per use case that is not abandoned.
  private mutating func countServing(_ useCases: [UseCase], by step: Int) {
    for index in useCases.indices where useCases[index].phase != .abandoned {  // no copy of a use case
      for objective in Set(useCases[index].objectives.map(\.value)) {
        let count = liveUseCasesByObjective[objective, default: 0] + step
        liveUseCasesByObjective[objective] = count == 0 ? nil : count
      }
    }
  }

  /// Puts the declarations of `file` in place of those it had, id by id.
  private mutating func updateDeclarations(_ file: String, _ old: [Declaration], _ new: [Declaration]) {
    for id in Set(old.map(\.id)).union(new.map(\.id)) {
      var list = repeatedDeclarations[id] ?? firstDeclarations[id].map { [$0] } ?? []
      list.removeAll { $0.file == file }
      list += new.filter { $0.id == id }
      list.sort(by: Self.fileOrder)
      firstDeclarations[id] = list.first
      repeatedDeclarations[id] = list.count > 1 ? list : nil
    }
  }

  /// Puts the workshops of `file` in place of those it had, in each use case's list.
  private mutating func updateWorkshops(_ file: String, _ old: [Workshop], _ new: [Workshop]) {
    let named = { (workshops: [Workshop]) in workshops.flatMap { $0.useCases.map(\.value) } }
    for id in Set(named(old)).union(named(new)) {
      var list = workshopsByUseCase[id] ?? []
      list.removeAll { $0.file == file }
      for workshop in new where workshop.useCases.contains(where: { $0.value == id }) {
        list.insert(workshop, at: list.partitioningIndex { $0.file > workshop.file })
      }
      workshopsByUseCase[id] = list.isEmpty ? nil : list
    }
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

  /// The title (a stakeholder's name) the ledger gives `id` as a thing of `kind`, if any.
  public func title(_ kind: EntityKind, _ id: String) -> String? {
    switch kind {
    case .usecase: useCases[id]?.title
    case .objective: objectives[id]?.title
    case .stakeholder: stakeholders[id]?.name
    case .iteration: iterations[id]?.title
    case .indicator: indicators[id]?.title
    case .workshop, .decision, .axis, .rolloutStep: nil
    }
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

/// Values looked up by id. Where two values share an id, the first in file order wins.
public struct ByID<Value: Sendable>: Sendable {
  @usableFromInline var values: [String: Value]
  /// How many values have each id, for the ids more than one value has: when the first goes,
  /// the next takes its place.
  private var shared: [String: Int] = [:]

  public init(_ values: [Value], _ id: (Value) -> String) {
    var byID: [String: Value] = [:]
    byID.reserveCapacity(values.count)
    for index in values.indices {
      let key = id(values[index])
      if byID[key] == nil { byID[key] = values[index] } else { shared[key, default: 1] += 1 }
    }
    self.values = byID
  }

  @inlinable public subscript(id: String) -> Value? { values[id] }

  /// The ids, in no particular order.
  public var ids: Dictionary<String, Value>.Keys { values.keys }

  /// Puts the values of `changed`, now `new`, in place of `old`; `all` holds every value in
  /// file order, after the change, and is walked only when the first of ids shared goes.
  mutating func update(
    _ changed: String, old: [Value], new: [Value], all: [Value], id: (Value) -> String, file: (Value) -> String
  ) {
    for key in Set(old.map(id)).union(new.map(id)) {
      let count = (shared[key] ?? (values[key] == nil ? 0 : 1)) - old.count { id($0) == key }
      let first = new.first { id($0) == key }
      let total = count + new.count { id($0) == key }
      shared[key] = total > 1 ? total : nil
      if total == 0 {
        values[key] = nil
      } else if let first, count == 0 || changed < file(values[key]!) || file(values[key]!) == changed {
        // The changed file's value comes first: the others' files are after it, as before.
        values[key] = first
      } else if file(values[key]!) == changed {
        values[key] = all.first { id($0) == key }
      }
    }
  }
}

extension ByID: Equatable where Value: Equatable {}

extension LedgerIndex: Equatable {
  /// The same lookups, whichever index they were kept in.
  public static func == (a: LedgerIndex, b: LedgerIndex) -> Bool {
    a.firstDeclarations == b.firstDeclarations && a.repeatedDeclarations == b.repeatedDeclarations
      && a.stakeholders == b.stakeholders && a.objectives == b.objectives && a.useCases == b.useCases
      && a.indicators == b.indicators && a.roadmap == b.roadmap && a.workshopsByUseCase == b.workshopsByUseCase
      && a.itemsByUseCase == b.itemsByUseCase && a.retrosByIteration == b.retrosByIteration
      && a.iterations == b.iterations && a.latestEndorsements == b.latestEndorsements
      && a.liveUseCasesByObjective == b.liveUseCasesByObjective
      && a.unbuiltReferences == b.unbuiltReferences
  }
}
