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
  /// The findings depend on every document of the parts `reading`, and of the parts `naming`
  /// only on the documents linked to those they involve (`Finding.involves`). After an edit of
  /// documents of `naming` alone, the rule brings its findings up to date itself
  /// (`Rule.update(_:changed:previously:)`), finding again only around the changed documents:
  /// a use case edited re-runs it on its neighbours, not on every use case.
  case linked(reading: Set<LedgerPart>, naming: Set<LedgerPart>)
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
  /// what a `.document` rule needs to find again what stands in `files`. Each list is sorted by
  /// path, as the loader assembles it and `LiveLedger` keeps it: what is kept is found by binary
  /// search, never by a walk through the whole ledger.
  func restricted(to files: Set<String>, keeping parts: Set<LedgerPart>) -> Ledger {
    let sortedFiles = files.sorted()
    let prefixes = parts.map { $0.pathPrefix(in: directory) }
    let changed = Set(files.compactMap { LedgerPart(path: $0, directory: directory) })
    func kept<Value>(_ values: [Value], _ part: LedgerPart, _ file: (Value) -> String) -> [Value] {
      parts.contains(part) ? values : changed.contains(part) ? values.within(sortedFiles, [], path: file) : []
    }
    var sub = Ledger(directory: directory)
    sub.vision = vision.flatMap { parts.contains(.vision) || files.contains($0.file) ? $0 : nil }
    sub.stakeholders = kept(stakeholders, .stakeholders, \.file)
    sub.objectives = kept(objectives, .objectives, \.file)
    sub.useCases = kept(useCases, .useCases, \.file)
    sub.workshops = kept(workshops, .workshops, \.file)
    sub.iterations = kept(iterations, .iterations, \.file)
    sub.retros = kept(retros, .retros, \.file)
    sub.decisions = kept(decisions, .decisions, \.file)
    sub.series = kept(series, .series, \.file)
    sub.declarations = declarations.within(sortedFiles, prefixes, path: \.file)
    sub.references = references.within(sortedFiles, prefixes, path: \.file)
    sub.documentPaths = documentPaths.within(sortedFiles, prefixes) { $0 }
    sub.unbuiltDocuments = unbuiltDocuments.within(sortedFiles, prefixes) { $0 }
    sub.suppressions = suppressions.within(sortedFiles, prefixes, path: \.file)
    return sub
  }
}

extension Array {
  /// The elements, sorted by `path`, whose path is one of `files` or starts with one of
  /// `prefixes`, in their order.
  func within(_ files: [String], _ prefixes: [String], path: (Element) -> String) -> [Element] {
    var ranges: [Range<Int>] = files.map { file in
      let start = partitioningIndex { path($0) >= file }
      return start..<self[start...].partitioningIndex { path($0) > file }
    }
    for prefix in prefixes {
      let start = partitioningIndex { path($0) >= prefix }
      ranges.append(start..<self[start...].partitioningIndex { !path($0).hasPrefix(prefix) })
    }
    var elements: [Element] = []
    var end = 0
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.upperBound > end {
      elements += self[Swift.max(range.lowerBound, end)..<range.upperBound]
      end = range.upperBound
    }
    return elements
  }
}
