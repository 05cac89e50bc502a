import SteerConcurrency
import SteerFiles
import SteerGit
import SteerModel

/// A ledger followed from commit to commit. Moving to a commit compares its ledger tree with
/// the previous one's and reads only the documents whose blob changed, so replaying a history
/// costs what changed in it, not its length times the size of the ledger. With a cache, the
/// versions it holds are decoded instead of read and parsed: a replay run again costs what
/// changed since the last one.
public final class LedgerReplay {
  /// A document that differs from the previous commit's: nil for `old` when it is new, for
  /// `new` when it is gone or cannot be built (its reading errors are `steer check`'s business).
  public struct Change: Sendable {
    public var path: String
    /// Nil for a measurement series.
    public var kind: DocumentKind?
    public var old: LedgerDocument?
    public var new: LedgerDocument?
  }

  private let repository: Repository
  private let directory: String
  private let cache: DocumentCache?
  /// Where the replay stands: a commit's ledger tree (nil when it has no ledger directory),
  /// or the work tree.
  private enum Position {
    case tree(ObjectID?)
    case workTree
  }

  private var position = Position.tree(nil)
  /// Every document of the current commit by path, built or not.
  private var documents: [String: LedgerDocument?] = [:]
  /// Document versions parsed so far, and taken from the cache: each version of each file once.
  public private(set) var parsed = 0
  public private(set) var cached = 0
  /// Every version replayed, encoded, for the cache to keep (only with a cache).
  private var versions: [(key: DocumentCache.Key, payload: ArraySlice<UInt8>)] = []
  /// Documents in the current commit's ledger, built or not.
  public var documentCount: Int { documents.count }

  public init(repository: Repository, directory: String, cache: DocumentCache? = nil) {
    self.repository = repository
    self.directory = directory
    self.cache = cache
  }

  /// The cache to keep after a replay: every version it met, when it parsed some (nil when the
  /// cache had them all, or there is none).
  public var updatedCache: DocumentCache? {
    guard let cache, parsed > 0 else { return nil }
    return DocumentCache(identity: cache.identity, contents: versions)
  }

  /// Starts from a ledger already read, so that its documents are not read again: as it stands
  /// at `commit`, or in the work tree when nil. Returns its documents, as new ones.
  public func start(from ledger: Ledger, at commit: Commit?) throws(SteerError) -> [Change] {
    documents = [:]
    var changes: [Change] = []
    func add(_ document: LedgerDocument, _ file: String, _ kind: DocumentKind?) {
      documents[file] = document
      changes.append(Change(path: file, kind: kind, old: nil, new: document))
    }
    if let vision = ledger.vision { add(.vision(vision), vision.file, .vision) }
    for stakeholder in ledger.stakeholders { add(.stakeholder(stakeholder), stakeholder.file, .stakeholder) }
    for objective in ledger.objectives { add(.objective(objective), objective.file, .objective) }
    for useCase in ledger.useCases { add(.useCase(useCase), useCase.file, .usecase) }
    for workshop in ledger.workshops { add(.workshop(workshop), workshop.file, .workshop) }
    for iteration in ledger.iterations { add(.iteration(iteration), iteration.file, .iteration) }
    for retro in ledger.retros { add(.retro(retro), retro.file, .retro) }
    for decision in ledger.decisions { add(.decision(decision), decision.file, .decision) }
    for series in ledger.series { add(.series(series), series.file, nil) }
    for path in ledger.unbuiltDocuments { documents.updateValue(nil, forKey: path) }
    if let commit {
      do {
        position = .tree(try ledgerTree(at: commit))
      } catch {
        throw SteerError(
          en: "cannot read the ledger at commit \(commit.id): \(error.message)",
          fr: "impossible de lire le registre au commit \(commit.id) : \(error.message)")
      }
    } else {
      position = .workTree
    }
    return changes.sorted { $0.path < $1.path }
  }

  /// Moves through `commits`, in order, calling `body` with each one's position and what
  /// changed since the previous one (in path order). Git is read on this thread (libgit2's
  /// objects belong to it); the documents of a chunk of commits are parsed over the cores.
  public func replay(
    _ commits: [Commit], chunk: Int = 16, _ body: (_ position: Int, _ changes: [Change]) throws -> Void
  ) throws {
    for start in stride(from: 0, to: commits.count, by: chunk) {
      let positions = start..<min(start + chunk, commits.count)
      let read = try positions.map { try changedFiles(at: commits[$0]) }
      let present = read.joined().compactMap { file in file.version.map { (file, $0) } }
      let encodes = cache != nil
      var results = present.concurrentMap(chunk: DocumentReader.chunk, state: { YAMLReader?.none }) {
        yaml, entry -> Parsed? in
        let (file, version) = entry
        switch version {
        case .cached(_, let payload):
          // A cache entry that does not decode is read again from its blob, below, on this thread.
          guard let document = payload.withUnsafeBytes({ try? ReadDocument.content(path: file.path, decoding: $0) })
          else { return nil }
          return Parsed(document: document, payload: payload, wasParsed: false)
        case .read(_, let contents):
          if yaml == nil { yaml = YAMLReader() }
          return Self.parse(contents, file, yaml!, encoding: encodes)
        }
      }
      for index in results.indices where results[index] == nil {
        let (file, version) = present[index]
        results[index] = Self.parse(
          try blobContents(version.blob, at: file.path), file, YAMLReader(), encoding: encodes)
      }
      for ((file, version), result) in zip(present, results.map { $0! }) {
        if result.wasParsed { parsed += 1 } else { cached += 1 }
        if let payload = result.payload {
          versions.append((DocumentCache.Key(path: file.path, blob: version.blob), payload))
        }
      }
      var documents = results.lazy.map { $0!.document }.makeIterator()
      for (position, files) in zip(positions, read) {
        try body(position, apply(files, parsed: &documents))
      }
    }
  }

  /// What a version gave: its document, and its encoded form for the cache (when there is one).
  private struct Parsed: Sendable {
    var document: LedgerDocument?
    var payload: ArraySlice<UInt8>?
    var wasParsed: Bool
  }

  private static func parse(_ contents: FileContents, _ file: File, _ yaml: YAMLReader, encoding: Bool) -> Parsed {
    let document =
      if let kind = file.kind {
        DocumentReader.read(contents, path: file.path, kind: kind, stem: file.stem, yaml: yaml)
      } else {
        SeriesReader.read(contents, path: file.path, indicator: file.stem, say: Wording())
      }
    return Parsed(document: document.content, payload: encoding ? document.encoded()[...] : nil, wasParsed: true)
  }

  private func blobContents(_ blob: ObjectID, at path: String) throws(SteerError) -> FileContents {
    do {
      return .limited(try repository.blobContents(blob))
    } catch {
      throw SteerError(en: "cannot read \(path): \(error.message)", fr: "impossible de lire \(path) : \(error.message)")
    }
  }

  /// Updates the documents with one commit's files, taking the parsed ones in order.
  private func apply(_ files: [File], parsed: inout some IteratorProtocol<LedgerDocument?>) -> [Change] {
    var changes: [Change] = []
    for file in files {
      if file.version == nil {
        guard let old = documents.removeValue(forKey: file.path) else { continue }
        changes.append(Change(path: file.path, kind: file.kind, old: old, new: nil))
      } else {
        let new = parsed.next()!
        let old = documents.updateValue(new, forKey: file.path) ?? nil
        changes.append(Change(path: file.path, kind: file.kind, old: old, new: new))
      }
    }
    return changes
  }

  /// A document file that changed: its new version, or nil when it is gone.
  private struct File: Sendable {
    var path: String
    /// Nil for a measurement series.
    var kind: DocumentKind?
    var stem: String
    var version: Version?
  }

  /// Where a version comes from: its blob read, or the cache's intact entry for that blob.
  private enum Version: Sendable {
    case read(ObjectID, FileContents)
    case cached(ObjectID, ArraySlice<UInt8>)

    var blob: ObjectID {
      switch self {
      case .read(let blob, _), .cached(let blob, _): blob
      }
    }
  }

  /// The document files that differ between where the replay stands and `commit`, which
  /// becomes where it stands.
  private func changedFiles(at commit: Commit) throws(SteerError) -> [File] {
    do {
      let next = try ledgerTree(at: commit)
      let prefix = directory.isEmpty ? "" : directory + "/"
      // Paths below the ledger directory, and their blob at `commit` (nil when absent).
      var changed: [(path: String, blob: ObjectID?)] = []
      switch position {
      case .tree(let tree):
        changed = try repository.changes(from: tree, to: next).map { (prefix + $0.path, $0.blob) }
      case .workTree:
        for path in try repository.changedPaths(
          from: commit, to: nil, under: directory, includingIgnored: true)
        where path.hasPrefix(prefix) {
          changed.append((path, try commit.file(at: path)?.id))
        }
      }
      position = .tree(next)
      var files: [File] = []
      for change in changed.sorted(by: { $0.path < $1.path }) {
        guard
          let listed = ListedDocument(
            LedgerFile(path: change.path, relativePath: String(change.path.dropFirst(prefix.count))))
        else { continue }
        let (kind, stem) = (listed.kind, listed.stem)
        var version: Version?
        if let blob = change.blob {
          if let payload = cache?.payload(change.path, blob: blob) {
            version = .cached(blob, payload)  // its blob is not even read
          } else {
            version = .read(blob, .limited(try repository.blobContents(blob)))
          }
        }
        files.append(File(path: change.path, kind: kind, stem: stem, version: version))
      }
      return files
    } catch {
      throw SteerError(
        en: "cannot read the ledger at commit \(commit.id): \(error.message)",
        fr: "impossible de lire le registre au commit \(commit.id) : \(error.message)")
    }
  }

  private func ledgerTree(at commit: Commit) throws(GitError) -> ObjectID? {
    try commit.hasDirectory(at: directory) ? commit.entryID(at: directory) : nil
  }
}
