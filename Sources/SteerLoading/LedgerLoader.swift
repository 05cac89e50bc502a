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

/// What git's status says of a listing taken from a commit's tree: the paths it cannot vouch
/// for, and the files that now stand there.
public struct ListingRevision: Sendable {
  /// Paths whose content or presence may differ from the listing's: their entries are dropped.
  public var replaced: Set<String>
  /// The files standing at those paths, and any others new to the listing.
  public var files: [LedgerFile]

  public init(replaced: Set<String> = [], files: [LedgerFile] = []) {
    self.replaced = replaced
    self.files = files
  }
}

public enum LedgerLoader {
  /// Reads every document under the ledger directory. `contents` may be called from several
  /// threads at once. Reports misplaced files and a missing vision.
  /// - Parameters:
  ///   - cache: results of earlier readings, taken instead of reading the files whose `blob`
  ///     it holds.
  ///   - revised: what changed since `files` were listed (a commit's files, as the work tree
  ///     stood). It is asked for once the listed files are read, so that the caller can work it
  ///     out meanwhile.
  public static func load(
    directory: String, files: [LedgerFile], language: Language = .en, cache: DocumentCache? = nil,
    revised: () -> ListingRevision = { ListingRevision() }, contents: @Sendable (LedgerFile) -> FileContents
  ) -> LoadedLedger {
    let say = Wording(language)
    var (documents, misplaced) = classify(files)

    // Read and parsed over the cores, with a YAML reader for each chunk of files that are not
    // in the cache. Those that belong in it are encoded there too, for the updated cache.
    @Sendable func read(_ document: ListedDocument, yaml: inout YAMLReader?) -> ReadResult {
      let path = document.file.path
      let blob = cache == nil ? nil : document.file.blob
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
      yaml, document in read(document, yaml: &yaml)
    }
    // The few paths git cannot vouch for lose their entries, and the files standing there are
    // read (not cached: their content is no blob git knows). Found by path, the documents being
    // sorted; those new to the listing are appended, and `order` is then the documents' order.
    let listed = documents.count
    func position(_ path: String) -> Int? {
      let index = documents[..<listed].partitioningIndex { $0.file.path >= path }
      return index < listed && documents[index].file.path == path ? index : nil
    }
    var order = Array(documents.indices)
    let revision = revised()
    if !revision.replaced.isEmpty || !revision.files.isEmpty {
      let (standing, standingMisplaced) = classify(revision.files)
      misplaced = misplaced.filter { !revision.replaced.contains($0.path) } + standingMisplaced
      var removed = Set(revision.replaced.compactMap(position))
      var yaml: YAMLReader?
      for document in standing {
        if let index = position(document.file.path) {
          removed.remove(index)
          (documents[index], results[index]) = (document, read(document, yaml: &yaml))
        } else {
          documents.append(document)
          results.append(read(document, yaml: &yaml))
        }
      }
      for index in removed { results[index].cacheable = nil }
      if !removed.isEmpty || documents.count > listed {
        order = merge(documents.indices[..<listed].filter { !removed.contains($0) }, documents.indices[listed...]) {
          documents[$0].file.path < documents[$1].file.path
        }
      }
    }
    let updatedCache = cache.flatMap { cache in Self.updated(cache, with: results) }
    let cacheWasDamaged = results.contains { if case .read(_, _, true)? = $0.cacheable { true } else { false } }

    var findings = misplaced.sorted { $0.path < $1.path }.map { file in
      Finding(
        rule: ReadingRule.schema.rawValue, file: file.path, location: .fileStart,
        message: say("schema.misplaced", file.relativePath), hint: misplacedHint(file, say))
    }
    var counts: [DocumentKind: Int] = [:]
    for index in order { counts[documents[index].kind, default: 0] += 1 }
    let (ledger, sources) = assemble(&results, in: order, directory: directory, counts: counts, findings: &findings)
    let hasVision = counts[.vision] != nil
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

  /// Two sorted sequences as one, in order; `first`'s elements before `second`'s equal ones.
  private static func merge(
    _ first: some Sequence<Int>, _ second: some Sequence<Int>, by areInIncreasingOrder: (Int, Int) -> Bool
  ) -> [Int] {
    var merged: [Int] = []
    var (left, right) = (first.makeIterator(), second.makeIterator())
    var (a, b) = (left.next(), right.next())
    while let x = a ?? b {
      if let y = b, a == nil || areInIncreasingOrder(y, x) {
        merged.append(y)
        b = right.next()
      } else {
        merged.append(x)
        a = left.next()
      }
    }
    return merged
  }

  /// A file that is a document of the ledger, with what its place says it is.
  private typealias ListedDocument = (file: LedgerFile, kind: DocumentKind, stem: String)
  private typealias ReadResult = (document: ReadDocument, bytes: [UInt8]?, cacheable: Cacheable?)

  /// The documents among `files`, sorted by path, and the misplaced files.
  private static func classify(_ files: [LedgerFile]) -> (documents: [ListedDocument], misplaced: [LedgerFile]) {
    var documents: [ListedDocument] = []
    var misplaced: [LedgerFile] = []
    // Listings come sorted (a directory's, a tree's): then they are not copied to be sorted.
    let isSorted = files.indices.dropFirst().allSatisfy { files[$0 - 1].path <= files[$0].path }
    let files = isSorted ? files : files.sorted { $0.path < $1.path }
    documents.reserveCapacity(files.count)
    for index in files.indices {
      switch files[index].role {
      case .ignored: continue
      case .misplaced: misplaced.append(files[index])
      case .document(let kind, let stem): documents.append((files[index], kind, stem))
      }
    }
    return (documents, misplaced)
  }

  /// Moves what reading each document produced into a ledger, in two halves of about the same
  /// cost at once: the typed documents into their lists (`counts` of each kind at most) with
  /// their paths and declarations, and the bytes of the files read by path; the references,
  /// findings and suppressions. Returns the ledger and those bytes; reading findings are added
  /// to `findings`.
  private static func assemble(
    _ results: inout [ReadResult], in order: [Int], directory: String,
    counts: [DocumentKind: Int], findings: inout [Finding]
  ) -> (Ledger, [String: [UInt8]]) {
    // Moved out first, in order, so that the halves only read them, through a buffer: reaching
    // a field of an array's element from a closure can copy the whole element (every string and
    // list retained once more), and in a debug build that copy would race with the other half.
    var contents = order.map { results[$0].document.content.take() }
    let bytes = order.map { results[$0].bytes.take() }
    let read = order.map { index in
      var document = ReadDocument(path: "")
      swap(&document, &results[index].document)
      return document
    }
    let (typed, beside) = contents.withUnsafeMutableBufferPointer { contents in
      read.withUnsafeBufferPointer { read in
        nonisolated(unsafe) let (contents, read) = (contents, read)  // `contents`: the first half's alone
        return concurrently(
          {
            var ledger = Ledger(directory: directory)
            ledger.reserveCapacity(counts)
            ledger.documentPaths.reserveCapacity(read.count)
            ledger.declarations.reserveCapacity(read.count)
            var sources: [String: [UInt8]] = [:]
            sources.reserveCapacity(bytes.count { $0 != nil })
            for position in read.indices {
              ledger.documentPaths.append(read[position].path)
              ledger.declarations += read[position].declarations
              if let content = contents[position].take() {
                ledger.append(content)
              } else {
                ledger.unbuiltDocuments.append(read[position].path)
              }
              if let bytes = bytes[position] { sources[read[position].path] = bytes }
            }
            return (ledger, sources)
          },
          {
            var (references, findings, suppressions): ([Reference], [Finding], [Suppression]) = ([], [], [])
            references.reserveCapacity(read.reduce(0) { $0 + $1.references.count })
            for position in read.indices {
              references += read[position].references
              findings += read[position].findings
              suppressions += read[position].suppressions
            }
            return (references, findings, suppressions)
          })
      }
    }
    discard(read)
    var (ledger, sources) = typed
    (ledger.references, ledger.suppressions) = (beside.0, beside.2)
    findings += beside.1
    return (ledger, sources)
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
    _ cache: DocumentCache, with results: [ReadResult]
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
    let ff = FileSystem.files(under: path)
    return ff.concurrentMap(chunk: 1024, state: {}) { _, file in LedgerFile(path: prefix + file, relativePath: file) }
  }

  /// How the files listed from a commit stand in the work tree: the paths git's status
  /// reports (from the repository root) are replaced by what stands there on disk, a regular
  /// file or, for a directory git reports whole (`dir/`), every file below it.
  static func revision(
    reporting paths: some Sequence<String>, directoryAt path: String, shownAs directory: String
  ) -> ListingRevision {
    let prefix = directory.isEmpty ? "" : directory + "/"
    var revision = ListingRevision()
    for reported in paths {
      let inside = reported.hasPrefix(prefix)
      guard inside || (reported.hasSuffix("/") && prefix.hasPrefix(reported)) else { continue }
      let relative = inside ? String(reported.dropFirst(prefix.count)) : ""
      if relative.isEmpty || relative.hasSuffix("/") {
        for file in FileSystem.files(under: path + "/" + relative)
        where revision.replaced.insert(prefix + relative + file).inserted {
          revision.files.append(LedgerFile(path: prefix + relative + file, relativePath: relative + file))
        }
      } else if revision.replaced.insert(reported).inserted, FileSystem.isRegularFile(path + "/" + relative) {
        revision.files.append(LedgerFile(path: reported, relativePath: relative))
      }
    }
    return revision
  }

  /// Reads `files`, listed under the ledger directory at `path`.
  static func load(
    files: [LedgerFile], directoryAt path: String, shownAs directory: String, language: Language,
    cache: DocumentCache? = nil, revised: () -> ListingRevision = { ListingRevision() }
  ) -> LoadedLedger {
    load(directory: directory, files: files, language: language, cache: cache, revised: revised) { file in
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
