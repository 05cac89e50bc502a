import SteerGit
import SteerModel

/// The contents of one file, or why there are none.
public enum FileContents: Sendable {
  case bytes([UInt8])
  case tooLarge(Int)
  case unreadable(String)

  /// Bytes read whole (a git blob), refused past the largest file a document may be.
  static func limited(_ bytes: [UInt8]) -> FileContents {
    bytes.count > FrontMatter.maximumFileSize ? .tooLarge(bytes.count) : .bytes(bytes)
  }
}

/// A ledger as read, with every reading finding and the text of each file (to quote lines).
public struct LoadedLedger: Sendable {
  public var ledger: Ledger
  public var findings: [Finding]
  /// File path → bytes, for the files that were read (not those taken from a cache).
  public var sources: [String: [UInt8]]
  /// The cache to keep for next time, when reading used one and read files it lacked.
  public var updatedCache: DocumentCache? = nil
  /// Whether an entry of the cache was damaged: its file was read instead, if `contents` had it.
  public var cacheWasDamaged = false
}

public enum LedgerLoader {
  /// Reads every document under the ledger directory. `contents` may be called from several
  /// threads at once. Reports misplaced files and a missing vision.
  /// - Parameters:
  ///   - cache: results of earlier readings, taken instead of reading the files that `blobs`
  ///     names (path → the blob the file's content is known to be) when it holds them.
  ///   - changed: the files whose content may differ from their blob in `blobs`. It is asked
  ///     for once the other files are read, so that the caller can work it out meanwhile; the
  ///     ones among them that were taken from the cache are then read.
  public static func load(
    directory: String, files: [LedgerFile], language: Language = .en, cache: DocumentCache? = nil,
    blobs: [String: ObjectID] = [:], changed: () -> Set<String> = { [] },
    contents: @Sendable (LedgerFile) -> FileContents
  ) -> LoadedLedger {
    let say = Wording(language)
    var findings: [Finding] = []
    var documents: [(file: LedgerFile, kind: DocumentKind, stem: String)] = []
    for file in files.sorted(by: { $0.path < $1.path }) {
      switch file.role {
      case .ignored: continue
      case .misplaced:
        findings.append(
          Finding(
            rule: ReadingRule.schema.rawValue, file: file.path, location: .fileStart,
            message: say("schema.misplaced", file.relativePath), hint: misplacedHint(file, say)))
      case .document(let kind, let stem):
        documents.append((file, kind, stem))
      }
    }

    // Read and parsed over the cores, with a YAML reader for each chunk of files that are not
    // in the cache. Those that belong in it are encoded there too, for the updated cache.
    @Sendable func read(
      _ document: (file: LedgerFile, kind: DocumentKind, stem: String), blob: ObjectID?, yaml: inout YAMLReader?
    )
      -> (document: ReadDocument, bytes: [UInt8]?, cacheable: Cacheable?)
    {
      let path = document.file.path
      let cached = blob.flatMap { cache?.document(path, blob: $0) }
      if let blob, case .success(let document)? = cached { return (document, nil, .kept(blob)) }
      let read = contents(document.file)
      let bytes: [UInt8]? = if case .bytes(let bytes) = read { bytes } else { nil }
      if yaml == nil { yaml = YAMLReader() }
      let document = DocumentReader.read(
        read, path: path, kind: document.kind, stem: document.stem, say: say, yaml: yaml!)
      return (document, bytes, blob.map { .read($0, document.encoded(), replacingDamaged: cached != nil) })
    }
    var results = documents.concurrentMap(chunk: DocumentReader.chunk, state: { YAMLReader?.none }) {
      yaml, document in read(document, blob: cache == nil ? nil : blobs[document.file.path], yaml: &yaml)
    }
    // The few files changed since their blob: those taken from the cache as that blob, or read
    // to be cached as it, are read again and not cached. Found by path (the documents are sorted).
    var yaml: YAMLReader?
    for path in changed() {
      let index = documents.partitioningIndex { $0.file.path >= path }
      guard index < documents.count, documents[index].file.path == path, results[index].cacheable != nil else {
        continue
      }
      results[index] = read(documents[index], blob: nil, yaml: &yaml)
    }
    let updatedCache = cache.flatMap { cache in Self.updated(cache, with: results) }
    let cacheWasDamaged = results.contains { if case .read(_, _, true)? = $0.cacheable { true } else { false } }

    var counts: [DocumentKind: Int] = [:]
    for document in documents { counts[document.kind, default: 0] += 1 }
    var (ledger, sources) = assemble(&results, directory: directory, counts: counts, findings: &findings)
    let hasVision = documents.contains { $0.kind == .vision }
    discard(results)
    discard(documents)
    if !hasVision {
      findings.append(
        Finding(
          rule: ReadingRule.schema.rawValue, file: directory.isEmpty ? "." : directory, location: nil,
          message: say("schema.no_vision", DocumentKind.visionFileName), hint: say("schema.no_vision.hint")))
    }
    return LoadedLedger(
      ledger: ledger, findings: findings, sources: sources, updatedCache: updatedCache,
      cacheWasDamaged: cacheWasDamaged)
  }

  /// Moves what reading each document produced into a ledger, in two halves at once: the
  /// typed documents into their lists (`counts` of each kind at most) with their paths and
  /// declarations, and the references, findings and suppressions. Returns the ledger and the
  /// bytes of the files read; reading findings are added to `findings`.
  private static func assemble(
    _ results: inout [(document: ReadDocument, bytes: [UInt8]?, cacheable: Cacheable?)], directory: String,
    counts: [DocumentKind: Int], findings: inout [Finding]
  ) -> (Ledger, [String: [UInt8]]) {
    let (typed, beside) = results.withUnsafeMutableBufferPointer { buffer in
      // Each half touches its own fields of the results (`content`; `bytes`).
      nonisolated(unsafe) let results = buffer
      return concurrently(
        {
          var ledger = Ledger(directory: directory)
          ledger.reserveCapacity(counts)
          ledger.documentPaths.reserveCapacity(results.count)
          ledger.declarations.reserveCapacity(results.count)
          for index in results.indices {
            let path = results[index].document.path
            ledger.documentPaths.append(path)
            ledger.declarations += results[index].document.declarations
            // Moved, not copied: a document's strings and lists are not retained once more.
            if let content = results[index].document.content.take() {
              ledger.append(content)
            } else {
              ledger.unbuiltDocuments.append(path)
            }
          }
          return ledger
        },
        {
          var (references, findings, suppressions): ([Reference], [Finding], [Suppression]) = ([], [], [])
          var sources: [String: [UInt8]] = [:]
          references.reserveCapacity(results.reduce(0) { $0 + $1.document.references.count })
          for index in results.indices {
            references += results[index].document.references
            findings += results[index].document.findings
            suppressions += results[index].document.suppressions
            if let bytes = results[index].bytes.take() { sources[results[index].document.path] = bytes }
          }
          return (references, findings, suppressions, sources)
        })
    }
    var ledger = typed
    (ledger.references, ledger.suppressions) = (beside.0, beside.2)
    findings += beside.1
    return (ledger, beside.3)
  }

  /// How a document stands with the cache: taken from it, or read and encoded for it (in
  /// place of an entry that did not decode, or of none).
  private enum Cacheable: Sendable {
    case kept(ObjectID)
    case read(ObjectID, [UInt8], replacingDamaged: Bool)
  }

  /// The cache to write after a reading: every cacheable document, when some were not in
  /// `cache` (nil when all were: it is still right).
  private static func updated(
    _ cache: DocumentCache, with results: [(document: ReadDocument, bytes: [UInt8]?, cacheable: Cacheable?)]
  ) -> DocumentCache? {
    guard results.contains(where: { if case .read? = $0.cacheable { true } else { false } }) else { return nil }
    return DocumentCache(
      identity: cache.identity,
      contents: results.compactMap { result in
        let path = result.document.path
        return switch result.cacheable {
        case .kept(let blob)?: (path, blob, cache.payload(path, blob: blob)!)
        case .read(let blob, let payload, _)?: (path, blob, payload[...])
        case nil: nil
        }
      })
  }

  /// Reads the ledger in the directory at `path`, printing its files as `shownAs/…`.
  public static func load(directoryAt path: String, shownAs directory: String, language: Language = .en)
    -> LoadedLedger
  {
    load(
      files: files(underDirectoryAt: path, shownAs: directory), directoryAt: path, shownAs: directory,
      language: language)
  }

  /// The files under the ledger directory at `path`, printed as `shownAs/…`.
  static func files(underDirectoryAt path: String, shownAs directory: String) -> [LedgerFile] {
    let prefix = directory.isEmpty ? "" : directory + "/"
    return FileSystem.files(under: path).map { LedgerFile(path: prefix + $0, relativePath: $0) }
  }

  /// Reads `files`, listed under the ledger directory at `path`.
  static func load(
    files: [LedgerFile], directoryAt path: String, shownAs directory: String, language: Language,
    cache: DocumentCache? = nil, blobs: [String: ObjectID] = [:], changed: () -> Set<String> = { [] }
  ) -> LoadedLedger {
    load(directory: directory, files: files, language: language, cache: cache, blobs: blobs, changed: changed) {
      file in
      FileSystem.read(path + "/" + file.relativePath, limit: FrontMatter.maximumFileSize)
    }
  }

  private static func misplacedHint(_ file: LedgerFile, _ say: Wording) -> String {
    let directories = DocumentKind.allCases.compactMap(\.directory)
    let listed = directories.map { $0 + "/" }.joined(separator: ", ")
    let first = file.relativePath.split(separator: "/").first.map(String.init) ?? ""
    if let suggestion = Suggestion.closest(to: first, among: directories) {
      return say("schema.misplaced.suggest", suggestion, listed)
    }
    return say("schema.misplaced.hint", listed)
  }

}
