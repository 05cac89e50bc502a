import SteerModel

/// What a rule's findings depend on, so that a check after an edit runs again only the rules,
/// and the documents, that the edit can change (`IncrementalChecker`). Every scope also depends
/// on the configuration, the day, the recorded iterations and the federation's members: a
/// change of any of these checks everything again.
///
/// A scope narrower than what the rule reads leaves stale findings behind, silently: the
/// differential test (`IncrementalCheckTests`) compares the incremental check with a full one
/// after every step of random edits.
public enum RuleScope: Hashable, Sendable {
  /// A finding that stands in a document depends on that document alone, on every document of
  /// the parts `reading`, and, when `declarations`, on the ids every document declares.
  case document(reading: Set<LedgerPart> = [], declarations: Bool = false)
  /// The findings depend on the documents of these parts, whichever document they stand in.
  case parts(Set<LedgerPart>)
  /// The findings depend on the whole ledger.
  case ledger
}

/// A part of a ledger: the documents of one kind, or the measurement series.
public enum LedgerPart: Hashable, Sendable, CaseIterable {
  case vision, stakeholders, objectives, useCases, workshops, iterations, retros, decisions, series

  public init(_ kind: DocumentKind) {
    switch kind {
    case .vision: self = .vision
    case .stakeholder: self = .stakeholders
    case .objective: self = .objectives
    case .usecase: self = .useCases
    case .workshop: self = .workshops
    case .iteration: self = .iterations
    case .retro: self = .retros
    case .decision: self = .decisions
    }
  }

  /// The part a file belongs to from where it stands in the ledger `directory`, or nil for a
  /// file that is in no part (the configuration, a file outside the ledger).
  public init?(path: String, directory: String) {
    let prefix = directory.isEmpty ? "" : directory + "/"
    guard path.hasPrefix(prefix) else { return nil }
    let relative = path.dropFirst(prefix.count)
    if relative == DocumentKind.visionFileName {
      self = .vision
      return
    }
    guard let slash = relative.firstIndex(of: "/") else { return nil }
    let first = relative[..<slash]
    if first == "measurements" {
      self = .series
      return
    }
    guard let kind = DocumentKind.allCases.first(where: { $0.directory.map { $0 == first } ?? false }) else {
      return nil
    }
    self.init(kind)
  }

  /// The start of the paths of this part's files in the ledger `directory`.
  func pathPrefix(in directory: String) -> String {
    let prefix = directory.isEmpty ? "" : directory + "/"
    switch self {
    case .vision: return prefix + DocumentKind.visionFileName
    case .series: return prefix + "measurements/"
    case .stakeholders: return prefix + "stakeholders/"
    case .objectives: return prefix + "objectives/"
    case .useCases: return prefix + "usecases/"
    case .workshops: return prefix + "workshops/"
    case .iterations: return prefix + "iterations/"
    case .retros: return prefix + "retros/"
    case .decisions: return prefix + "decisions/"
    }
  }
}

extension Ledger {
  /// The ledger with every document of `parts`, and of the other parts only those in `files`:
  /// what a `.document` rule needs to find again what stands in `files`.
  func restricted(to files: Set<String>, keeping parts: Set<LedgerPart>) -> Ledger {
    var sub = Ledger(directory: directory)
    let prefixes = parts.map { $0.pathPrefix(in: directory) }
    let keeps = { (file: String) in files.contains(file) || prefixes.contains { file.hasPrefix($0) } }
    let changed = Set(files.compactMap { LedgerPart(path: $0, directory: directory) })
    func kept<Value>(_ values: [Value], _ part: LedgerPart, _ file: (Value) -> String) -> [Value] {
      parts.contains(part) ? values : changed.contains(part) ? values.filter { files.contains(file($0)) } : []
    }
    sub.vision = vision.flatMap { keeps($0.file) ? $0 : nil }
    sub.stakeholders = kept(stakeholders, .stakeholders, \.file)
    sub.objectives = kept(objectives, .objectives, \.file)
    sub.useCases = kept(useCases, .useCases, \.file)
    sub.workshops = kept(workshops, .workshops, \.file)
    sub.iterations = kept(iterations, .iterations, \.file)
    sub.retros = kept(retros, .retros, \.file)
    sub.decisions = kept(decisions, .decisions, \.file)
    sub.series = kept(series, .series, \.file)
    sub.declarations = declarations.filter { keeps($0.file) }
    sub.references = references.filter { keeps($0.file) }
    sub.documentPaths = documentPaths.filter(keeps)
    sub.unbuiltDocuments = unbuiltDocuments.filter(keeps)
    sub.suppressions = suppressions.filter { keeps($0.file) }
    return sub
  }
}
