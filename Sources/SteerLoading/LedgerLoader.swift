import SteerConcurrency
import SteerFiles
import SteerGit
import SteerModel

extension FileContents {
  /// Bytes read whole (a git blob), refused past the largest file a document may be.
  static func limited(_ bytes: [UInt8]) -> FileContents {
    bytes.count > FrontMatter.maximumFileSize ? .tooLarge(bytes.count) : .bytes(bytes)
  }
}

/// A ledger as read, with every reading finding and the text of each file read (to quote lines).
public struct LoadedLedger: Sendable {
  public var ledger: Ledger
  public var findings: [Finding]
  /// File path → bytes, for the files that were read (not those taken from a cache).
  public var sources: [String: [UInt8]]
}

/// A document file of a listing, with what its place says it is.
struct ListedDocument: Sendable {
  var file: LedgerFile
  /// Nil for a measurement series (`measurements/<indicator id>.csv`), which is no Markdown document.
  var kind: DocumentKind?
  var stem: String

  /// The file as a document to read; nil when it is none (ignored, or misplaced).
  init?(_ file: LedgerFile) {
    switch file.role {
    case .document(let kind, let stem): self.init(file: file, kind: kind, stem: stem)
    case .series(let indicator): self.init(file: file, kind: nil, stem: indicator)
    case .ignored, .misplaced: return nil
    }
  }

  init(file: LedgerFile, kind: DocumentKind?, stem: String) {
    self.file = file
    self.kind = kind
    self.stem = stem
  }
}

/// What reading one listed document gave: the document, the file's bytes when it was read, and
/// its encoded form when it was read from a blob that the cache did not hold.
struct ReadResult: Sendable {
  /// Nil for a measurement series.
  var kind: DocumentKind?
  var document: ReadDocument
  var bytes: [UInt8]?
  /// Where the result stands with the cache: nil when there is none, or the file has no blob.
  var cached: CacheState?

  enum CacheState: Sendable {
    /// Taken from the cache, which holds it under this blob.
    case kept(ObjectID)
    /// Read from the file, which holds this blob, and encoded for the cache.
    case read(ObjectID, [UInt8])
  }
}

/// The documents and misplaced files of a listing.
struct Listing: Sendable {
  /// Sorted by path.
  var documents: [ListedDocument] = []
  var misplaced: [LedgerFile] = []

  init(_ files: [LedgerFile]) {
    // Listings come sorted (a directory's, a tree's): then they are not sorted again.
    let isSorted = files.indices.dropFirst().allSatisfy { files[$0 - 1].path <= files[$0].path }
    for file in isSorted ? files : files.sorted(by: { $0.path < $1.path }) {
      if let document = ListedDocument(file) {
        documents.append(document)
      } else if file.role == .misplaced {
        misplaced.append(file)
      }
    }
  }
}

public enum LedgerLoader {
  /// Reads every document among `files` (paths under the ledger `directory`). `contents` may be
  /// called from several threads at once. Reports misplaced files and a missing vision.
  public static func load(
    directory: String, files: [LedgerFile], language: Language = .en,
    contents: @Sendable (LedgerFile) -> FileContents
  ) -> LoadedLedger {
    let listing = Listing(files)
    let results = read(listing.documents, language: language, contents: contents)
    return assemble(results, misplaced: listing.misplaced, directory: directory, language: language)
  }

  /// Reads every document among `files` like `load(directory:files:language:contents:)`, and
  /// keeps the reading whole, each document encoded, for `MemberCache`.
  static func loadKept(
    directory: String, files: [LedgerFile], language: Language, contents: @Sendable (LedgerFile) -> FileContents
  ) -> (loaded: LoadedLedger, kept: MemberCache.Ledger) {
    let listing = Listing(files)
    // An empty cache has every document encoded as it is read, over the cores.
    let results = read(listing.documents, language: language, cache: DocumentCache(identity: ""), contents: contents)
    let kept = MemberCache.Ledger(
      directory: directory, misplaced: listing.misplaced.map(\.path),
      documents: results.map { result in
        let payload = if case .read(_, let payload)? = result.cached { payload } else { result.document.encoded() }
        return MemberCache.Document(path: result.document.path, kind: result.kind, payload: payload)
      })
    return (assemble(results, misplaced: listing.misplaced, directory: directory, language: language), kept)
  }

  /// Reads the ledger in the directory at `path`, printing its files as `shownAs/…`.
  public static func load(directoryAt path: String, shownAs directory: String, language: Language = .en)
    -> LoadedLedger
  {
    var loaded = load(
      directory: directory, files: files(underDirectoryAt: path, shownAs: directory), language: language
    ) { file in
      FileSystem.contents(of: path + "/" + file.relativePath, limit: FrontMatter.maximumFileSize)
    }
    loaded.findings += unreadableDirectories(at: path, shownAs: directory, language: language)
    return loaded
  }

  /// A ledger directory (`workshops/`…) that stands there but cannot be listed — a link, a
  /// file, a directory without permission — is reported: its documents would be left out
  /// without a word.
  static func unreadableDirectories(at path: String, shownAs directory: String, language: Language) -> [Finding] {
    let say = Wording(language)
    return DocumentKind.allCases.compactMap(\.directory).compactMap { name in
      guard let problem = FileSystem.directoryProblem(path + "/" + name) else { return nil }
      let shown = (directory.isEmpty ? "" : directory + "/") + name + "/"
      let reason = problem.text(say)
      return Finding(
        rule: ReadingRule.frontMatter.rawValue, file: shown, location: nil,
        message: say(
          en: "the directory \(shown) cannot be read: \(reason); its documents are left out",
          fr: "le répertoire \(shown) ne peut pas être lu : \(reason) ; ses documents sont laissés de côté"),
        hint: say(
          en: "make it a readable directory of the ledger", fr: "faites-en un répertoire du registre lisible"))
    }
  }

  /// The files under the ledger directory at `path`, printed as `shownAs/…`.
  static func files(underDirectoryAt path: String, shownAs directory: String) -> [LedgerFile] {
    let prefix = directory.isEmpty ? "" : directory + "/"
    // Over the cores: what each file is follows from its path, and a ledger has thousands.
    return FileSystem.files(under: path).concurrentMap(chunk: 1024, state: {}) { _, file in
      LedgerFile(path: prefix + file, relativePath: file)
    }
  }

  /// Reads documents over the cores, each thread with a YAML reader of its own for a chunk of
  /// files; those whose blob `cache` holds are decoded from it instead, and those with a blob it
  /// lacks are encoded for it.
  static func read(
    _ documents: [ListedDocument], language: Language, cache: DocumentCache? = nil,
    contents: @Sendable (LedgerFile) -> FileContents
  ) -> [ReadResult] {
    let say = Wording(language)
    return documents.concurrentMap(chunk: DocumentReader.chunk, state: { YAMLReader?.none }) { yaml, listed in
      let blob = cache == nil ? nil : listed.file.blob
      if let blob, let cache, let document = cache.document(listed.file.path, blob: blob) {
        return ReadResult(kind: listed.kind, document: document, cached: .kept(blob))
      }
      let read = contents(listed.file)
      if yaml == nil { yaml = YAMLReader() }
      let document =
        if let kind = listed.kind {
          DocumentReader.read(read, path: listed.file.path, kind: kind, stem: listed.stem, say: say, yaml: yaml!)
        } else {
          SeriesReader.read(read, path: listed.file.path, indicator: listed.stem, say: say)
        }
      let bytes: [UInt8]? = if case .bytes(let bytes) = read { bytes } else { nil }
      return ReadResult(
        kind: listed.kind, document: document, bytes: bytes, cached: blob.map { .read($0, document.encoded()) })
    }
  }

  /// Puts the documents read (sorted by path) together into a ledger, with the findings of
  /// reading, the misplaced files and a missing vision.
  static func assemble(
    _ results: consuming [ReadResult], misplaced: [LedgerFile], directory: String, language: Language
  )
    -> LoadedLedger
  {
    var findings = misplacedFindings(misplaced, language: language)
    var ledger = Ledger(directory: directory)
    var sources: [String: [UInt8]] = [:]
    var results = results
    // Room made at once: grown step by step, the lists of a large ledger are copied many times.
    ledger.reserveCapacity(
      Dictionary(grouping: results.indices.filter { results[$0].kind != nil }, by: { results[$0].kind! })
        .mapValues(\.count))
    ledger.documentPaths.reserveCapacity(results.count)
    ledger.declarations.reserveCapacity(results.reduce(0) { $0 + $1.document.declarations.count })
    ledger.references.reserveCapacity(results.reduce(0) { $0 + $1.document.references.count })
    sources.reserveCapacity(results.count)
    for index in results.indices {
      // Moved out of the results, not copied: a copy would retain every string and list again.
      var read = ReadDocument(path: "")
      swap(&read, &results[index].document)
      ledger.documentPaths.append(read.path)
      ledger.declarations += read.declarations
      ledger.references += read.references
      ledger.suppressions += read.suppressions
      findings += read.findings
      if let content = read.content.take() { ledger.append(content) } else { ledger.unbuiltDocuments.append(read.path) }
      if let bytes = results[index].bytes.take() { sources[read.path] = bytes }
    }
    findings += missingVision(ledger, directory: directory, language: language)
    return LoadedLedger(ledger: ledger, findings: findings, sources: sources)
  }

  /// Markdown files that stand in no ledger directory.
  static func misplacedFindings(_ misplaced: [LedgerFile], language: Language) -> [Finding] {
    let say = Wording(language)
    return misplaced.map { file in
      Finding(
        rule: ReadingRule.schema.rawValue, file: file.path, location: .fileStart,
        message: say.schemaMisplaced(file.relativePath), hint: misplacedHint(file, say))
    }
  }

  /// A ledger without `vision.md`.
  static func missingVision(_ ledger: Ledger, directory: String, language: Language) -> [Finding] {
    let visionPath = (directory.isEmpty ? "" : directory + "/") + DocumentKind.visionFileName
    guard ledger.vision == nil && !ledger.documentPaths.sortedContains(visionPath) else { return [] }
    let say = Wording(language)
    return [
      Finding(
        rule: ReadingRule.schema.rawValue, file: directory.isEmpty ? "." : directory, location: nil,
        message: say.schemaNoVision(DocumentKind.visionFileName), hint: say.schemaNoVisionHint())
    ]
  }

  /// How the files listed from a commit stand in the work tree: the paths git's status reports
  /// (from the repository root) are replaced by what stands there on disk, a regular file or,
  /// for a directory git reports whole (`dir/`), every file below it.
  static func revision(
    reporting paths: some Sequence<String>, directoryAt path: String, shownAs directory: String
  ) -> (replaced: Set<String>, standing: [LedgerFile]) {
    let prefix = directory.isEmpty ? "" : directory + "/"
    var replaced: Set<String> = []
    var standing: [LedgerFile] = []
    for reported in paths {
      let inside = reported.hasPrefix(prefix)
      guard inside || (reported.hasSuffix("/") && prefix.hasPrefix(reported)) else { continue }
      let relative = inside ? String(reported.dropFirst(prefix.count)) : ""
      if relative.isEmpty || relative.hasSuffix("/") {
        for file in FileSystem.files(under: path + "/" + relative)
        where replaced.insert(prefix + relative + file).inserted {
          standing.append(LedgerFile(path: prefix + relative + file, relativePath: relative + file))
        }
      } else if replaced.insert(reported).inserted,
        FileSystem.isRegularFile(path + "/" + relative)
          || (relative.hasSuffix(".md") && FileSystem.exists(path + "/" + relative))
      {
        // As the directory walk lists it: a link or a pipe named like a document is reported.
        standing.append(LedgerFile(path: reported, relativePath: relative))
      }
    }
    return (replaced, standing)
  }

  private static func misplacedHint(_ file: LedgerFile, _ say: Wording) -> String {
    let directories = DocumentKind.allCases.compactMap(\.directory)
    let listed = directories.map { $0 + "/" }.joined(separator: ", ")
    let first = file.relativePath.split(separator: "/").first.map(String.init) ?? ""
    if let suggestion = Suggestion.closest(to: first, among: directories) {
      return say.schemaMisplacedSuggest(suggestion, listed)
    }
    return say.schemaMisplacedHint(listed)
  }
}

extension Wording {
  func schemaMisplaced(_ relativePath: String) -> String {
    self(
      en: "'\(relativePath)' is not in a ledger directory, so its kind is unknown",
      fr: "« \(relativePath) » n'est dans aucun répertoire du registre : son type est inconnu")
  }

  func schemaNoVision(_ visionFileName: String) -> String {
    self(
      en: "the ledger has no \(visionFileName)",
      fr: "le registre n'a pas de \(visionFileName)")
  }

  func schemaNoVisionHint() -> String {
    self(
      en: "create it with `\(DocumentKind.vision.newCommand(self)) \"Title\"`, or start a ledger with `steer init`",
      fr:
        "créez-la avec `\(DocumentKind.vision.newCommand(self)) \"Titre\"`, ou commencez un registre avec `steer init`")
  }

  func schemaMisplacedSuggest(_ suggestion: String, _ listed: String) -> String {
    self(
      en: "did you mean '\(suggestion)/'? Documents stand in: \(listed)",
      fr: "vouliez-vous dire « \(suggestion)/ » ? Les documents se rangent dans : \(listed)")
  }

  func schemaMisplacedHint(_ listed: String) -> String {
    self(
      en: "move it into one of \(listed), or start its name with '_' to keep it out of the ledger",
      fr: "déplacez-le dans l'un de \(listed), ou faites commencer son nom par « _ » pour l'exclure du registre")
  }
}
