import Foundation
import SteerChecks
import SteerFiles
import SteerGit
import SteerKit
import SteerModel
import Testing

@testable import SteerLoading

/// `check --since` takes unchanged documents from a cache in the git directory: what it gives
/// must be exactly what reading the files gives, whatever the cache holds.
@Suite struct DocumentCacheTests {
  /// A ledger committed in a new repository: a fixture over the minimal one, or the bundled example.
  private func committed(_ ledger: String) throws -> TemporaryDirectory {
    let directory: TemporaryDirectory
    if ledger == "bundled" {
      directory = try TemporaryDirectory()
      let bundled = testsDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(
        "vision")
      try FileManager.default.copyItem(atPath: bundled.path, toPath: directory.path + "/vision")
    } else {
      directory = try ledger == "minimal" ? fixtureLedger() : fixtureLedger(ledger)
    }
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    return directory
  }

  private func cacheFiles(in directory: TemporaryDirectory) -> [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: directory.path + "/.git/steer"))?.sorted() ?? []
  }

  /// Reads the ledger from a fresh workspace, through the cache (every file unchanged since HEAD).
  private func cachedReading(_ directory: TemporaryDirectory, language: Language, revision: String? = nil) throws
    -> LoadedLedger
  {
    let workspace = try Workspace(currentDirectory: directory.path, revision: revision)
    let head = try workspace.repository!.commit(for: "HEAD")
    return try workspace.loadLedger(at: "vision", language: language, changedSince: head).loaded
  }

  /// Reads the ledger's files, with no cache whatever the git directory holds.
  private func freshReading(_ directory: TemporaryDirectory, language: Language) -> LoadedLedger {
    LedgerLoader.load(directoryAt: directory.path + "/vision", shownAs: "vision", language: language)
  }

  /// The ledgers the cache is tried on; between them they set every field of the format.
  static let ledgers = ["minimal", "front-matter", "references", "schema", "every-field", "bundled"]

  @Test(arguments: ledgers, Language.allCases)
  func theCacheGivesWhatReadingGives(ledger: String, language: Language) throws {
    let directory = try committed(ledger)
    defer { directory.remove() }
    let read = freshReading(directory, language: language)
    #expect(!read.ledger.documentPaths.isEmpty)

    let cold = try cachedReading(directory, language: language)
    #expect(cacheFiles(in: directory).count == 1)
    let warm = try cachedReading(directory, language: language)
    #expect(warm.sources.isEmpty, "every document comes from the cache")
    for loaded in [cold, warm] {
      #expect(loaded.ledger == read.ledger)
      #expect(loaded.findings == read.findings)
    }
    // At a revision the cache is not used: the blobs are read from the object database.
    let atRevision = try cachedReading(directory, language: language, revision: "HEAD")
    #expect(atRevision.ledger == read.ledger)
  }

  /// A directory is listed in the order of git's trees (a subdirectory's name read as ending in
  /// `/`), each top-level directory on its own thread: the cached reading merges the two
  /// listings, and the loader does not sort a listing again when it comes sorted.
  /// The cache's encoding lists each type's fields by hand: a field left out would come back
  /// empty. Between them, the ledgers above set every field of the field tables, so that the
  /// test above fails for a field the encoding forgets.
  @Test(arguments: DocumentKind.allCases)
  func theCachedLedgersSetEveryField(_ kind: DocumentKind) throws {
    var text = ""
    for ledger in Self.ledgers {
      let root =
        ledger == "bundled"
        ? testsDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("vision")
        : fixturesDirectory.appendingPathComponent(ledger)
      let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
      for file in files where file.hasSuffix(".md") {
        text += (try? String(contentsOfFile: root.path + "/" + file, encoding: .utf8)) ?? ""
      }
    }
    let inner: [DocumentKind: [FieldSpec]] = [.objective: FieldTables.indicator, .decision: FieldTables.deliberation]
    let fields = FieldTables.fields(of: kind) + (inner[kind] ?? [])
    for field in fields.map(\.name) {
      #expect(text.contains("\n\(field):") || text.contains(" \(field):") || text.contains("{\(field):"), "\(field)")
    }
  }

  @Test func aDirectoryIsListedInTheOrderOfGitsTrees() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let names = [
      "vision.md", "a.md", "a/b.md", "a.b/c.md", "a-b.md", "B.md", "é.md", "e.md", "usecases/x.md",
      "usecases/sub/y.md", "usecases/sub.md", "usecases/su.md", "workshops/w2.md", "workshops/w10.md", "notes.txt",
      "_draft.md", "usecases/_draft.md", ".hidden/z.md",
    ]
    for name in names { try directory.write("vision/" + name, "x\n") }
    try FileManager.default.createSymbolicLink(atPath: directory.path + "/vision/link.md", withDestinationPath: "a.md")
    try git(["init", "-q"], in: directory.path)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "names"], in: directory.path)

    let listed = LedgerLoader.files(underDirectoryAt: directory.path + "/vision", shownAs: "vision").map(\.path)
    let tree = try Repository.open(at: directory.path).commit(for: "HEAD").files(under: "vision").map(\.path)
      .filter { !$0.split(separator: "/").contains { $0.hasPrefix("_") || $0.hasPrefix(".") } }
    #expect(listed == tree)
    #expect(listed.count == names.count - 3 + 1, "the link is listed, to be reported")
    #expect(listed == listed.sorted(), "the loader's own order agrees")
  }

  @Test func messagesFollowTheLanguageNotTheCache() throws {
    let directory = try committed("schema")
    defer { directory.remove() }
    _ = try cachedReading(directory, language: .fr)
    let english = try cachedReading(directory, language: .en)
    #expect(cacheFiles(in: directory).count == 2)
    let read = freshReading(directory, language: .en)
    #expect(!read.findings.isEmpty)
    #expect(english.findings == read.findings)
  }

  @Test func aFileChangedSinceTheCacheIsReadAgain() throws {
    let directory = try committed("minimal")
    defer { directory.remove() }
    _ = try cachedReading(directory, language: .en)
    try directory.write("vision/objectives/clean-water.md", "---\ntitle: Water\naxis: data\nowner: nobody\n---\n")
    try git(["commit", "-q", "-am", "edit"], in: directory.path)
    // The cache holds the old blob for this path: it must not be used for the new one.
    let loaded = try cachedReading(directory, language: .en)
    #expect(Array(loaded.sources.keys) == ["vision/objectives/clean-water.md"])
    let read = freshReading(directory, language: .en)
    #expect(loaded.ledger == read.ledger)
    #expect(try cachedReading(directory, language: .en).sources.isEmpty, "the cache was brought up to date")
  }

  /// Entries are found by path and blob: one blob under several paths (identical files, or a
  /// rename in `history`'s cache) gives each path its own entry; a version given twice is kept
  /// once; the same holds once the cache is written and read back.
  @Test func entriesAreFoundByPathAndBlob() throws {
    let ids = try (1...2).map { byte in
      try #require([UInt8](repeating: byte, count: ObjectID.byteCount).withUnsafeBytes { ObjectID(bytes: $0) })
    }
    let (a, b) = (ids[0], ids[1])
    let entries: [(String, ObjectID, [UInt8])] = [
      ("x.md", a, [1, 2, 3]), ("y.md", a, [4]), ("x.md", b, [5]), ("x.md", a, [9]), ("", b, []),
    ]
    let made = DocumentCache(
      identity: "test", contents: entries.map { (DocumentCache.Key(path: $0.0, blob: $0.1), $0.2[...]) })
    #expect(made.count == 4)
    let reread = try #require(DocumentCache(bytes: made.bytes, identity: "test"))
    for cache in [made, reread] {
      #expect(cache.payload("x.md", blob: a).map(Array.init) == [1, 2, 3])
      #expect(cache.payload("y.md", blob: a).map(Array.init) == [4])
      #expect(cache.payload("x.md", blob: b).map(Array.init) == [5])
      #expect(cache.payload("", blob: b).map(Array.init) == [])
      #expect(cache.payload("y.md", blob: b) == nil)
      #expect(cache.payload("x.m", blob: a) == nil)
      #expect(cache.payload("x.mdx", blob: a) == nil)
    }
    #expect(DocumentCache(bytes: made.bytes, identity: "another") == nil)
  }

  @Test(arguments: [false, true])
  func aFileEditedInTheWorkTreeIsReadAndNotCachedAsItsBlob(warm: Bool) throws {
    let directory = try committed("minimal")
    defer { directory.remove() }
    let path = "vision/objectives/clean-water.md"
    if warm { _ = try cachedReading(directory, language: .en) }
    let original = try directory.read(path)
    try directory.write(path, "---\ntitle: Water\naxis: data\nowner: nobody\n---\n")
    let edited = try cachedReading(directory, language: .en)
    if warm { #expect(Array(edited.sources.keys) == [path]) }
    let read = freshReading(directory, language: .en)
    #expect(edited.ledger == read.ledger)
    #expect(edited.ledger.objectives.map(\.owner.value) == ["nobody"])

    try directory.write(path, original)
    let undone = try cachedReading(directory, language: .en)
    #expect(undone.ledger == freshReading(directory, language: .en).ledger)
    #expect(undone.ledger.objectives.map(\.owner.value) != ["nobody"])
  }

  /// Ways the work tree can stand against HEAD, each set up by shell commands in the repository.
  static let workTreeStates: [(name: String, commands: String)] = [
    (
      "untracked document",
      "printf -- '---\\ntitle: New\\naxis: data\\nowner: mayor\\n---\\n' > vision/objectives/new.md"
    ),
    ("deleted, not staged", "rm vision/objectives/clean-water.md"),
    ("deleted, staged", "git rm -q vision/stakeholders/residents.md"),
    ("renamed, not staged", "mv vision/objectives/clean-water.md vision/objectives/water.md"),
    (
      "staged, then undone in the work tree",
      "cp vision/objectives/clean-water.md /tmp/steer-kept.$$ && echo 'extra' >> vision/objectives/clean-water.md && git add -A && cp /tmp/steer-kept.$$ vision/objectives/clean-water.md && rm /tmp/steer-kept.$$"
    ),
    ("ignored document", "echo 'new.md' > .gitignore && cp vision/objectives/clean-water.md vision/objectives/new.md"),
    (
      "ignored directory, misplaced inside",
      "echo 'notes/' > .gitignore && mkdir -p vision/notes && echo '# n' > vision/notes/a.md"
    ),
    ("untracked directory, misplaced inside", "mkdir -p vision/notes/deep && echo '# n' > vision/notes/deep/a.md"),
    (
      "a file become a link",
      "rm vision/objectives/clean-water.md && ln -s ../vision.md vision/objectives/clean-water.md"
    ),
    (
      "a nested repository", "mkdir -p vision/nested && git -C vision/nested init -q && echo '# n' > vision/nested/a.md"
    ),
    ("the ledger ignored whole", "echo 'vision/' > .gitignore && git rm -r -q --cached vision"),
  ]

  /// The reading through the cache lists the files of HEAD and replaces those git's status
  /// reports by what stands on disk: whatever that is, it reads what listing the directory reads.
  @Test(arguments: workTreeStates.indices)
  func theCachedReadingListsWhatTheWorkTreeHolds(_ state: Int) throws {
    let directory = try committed("minimal")
    defer { directory.remove() }
    _ = try cachedReading(directory, language: .en)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-ec", Self.workTreeStates[state].commands]
    process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
    process.environment = ["PATH": "/usr/bin:/bin", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"]
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "\(Self.workTreeStates[state].name)")
    let read = freshReading(directory, language: .en)
    let cached = try cachedReading(directory, language: .en)
    #expect(cached.ledger == read.ledger, "\(Self.workTreeStates[state].name)")
    #expect(cached.findings == read.findings, "\(Self.workTreeStates[state].name)")
  }

  /// Damage to the cache file: one byte altered anywhere (at tenths of its length: the header,
  /// paths, blob ids, checksums, lengths, encodings), or the file cut short. Whatever it hits,
  /// the ledger is what reading the files gives, and the cache is replaced.
  @Test(arguments: [nil] + (0..<10).map { Double($0) / 10 })
  func aDamagedCacheIsReadAgain(alteredAt fraction: Double?) throws {
    let directory = try committed("references")
    defer { directory.remove() }
    _ = try cachedReading(directory, language: .en)
    let path = directory.path + "/.git/steer/" + cacheFiles(in: directory)[0]
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    if let fraction {
      let index = bytes.startIndex + Int(Double(bytes.count - 1) * fraction)
      bytes[index] ^= 0x01
    } else {
      bytes.removeLast(7)
    }
    try bytes.write(to: URL(fileURLWithPath: path))

    let loaded = try cachedReading(directory, language: .en)
    #expect(!loaded.sources.isEmpty)
    let read = freshReading(directory, language: .en)
    #expect(loaded.ledger == read.ledger)
    #expect(loaded.findings == read.findings)
    #expect(try cachedReading(directory, language: .en).sources.isEmpty)
  }

  /// Only `check --since` reads and writes the cache: a plain reading (`check`, `metrics`,
  /// `summary`…) reads the files, in a fresh clone as after `--since`, and leaves the cache as
  /// it was.
  @Test(arguments: [nil, "HEAD"])
  func aPlainReadingNeverTouchesTheCache(revision: String?) throws {
    let directory = try committed("references")
    defer { directory.remove() }
    func plainReading() throws -> LoadedLedger {
      try Workspace(currentDirectory: directory.path, revision: revision).loadLedger(at: "vision", language: .en)
    }
    _ = try plainReading()
    #expect(cacheFiles(in: directory).isEmpty)

    _ = try cachedReading(directory, language: .en)
    let cachePath = directory.path + "/.git/steer/" + cacheFiles(in: directory)[0]
    let before = try Data(contentsOf: URL(fileURLWithPath: cachePath))
    try directory.write("vision/objectives/clean-water.md", "---\ntitle: Water\naxis: data\nowner: nobody\n---\n")
    let plain = try plainReading()
    #expect(plain.sources.count == plain.ledger.documentPaths.count)
    #expect(try Data(contentsOf: URL(fileURLWithPath: cachePath)) == before)
  }

  /// The cached form of every kind of document gives back exactly what was encoded: the
  /// reference ledger has every kind, with every field filled somewhere.
  @Test func everyDocumentKindRoundTrips() throws {
    let root = testsDirectory.deletingLastPathComponent().deletingLastPathComponent().path
    let files = LedgerLoader.files(underDirectoryAt: root + "/vision", shownAs: "vision")
    let listing = Listing(files)
    let results = LedgerLoader.read(listing.documents, language: .fr) { file in
      FileSystem.contents(of: root + "/" + file.path, limit: FrontMatter.maximumFileSize)
    }
    #expect(Set(listing.documents.compactMap(\.kind)) == Set(DocumentKind.allCases))
    #expect(listing.documents.contains { $0.kind == nil }, "a measurement series")
    for result in results {
      let document = result.document
      let decoded = try document.encoded().withUnsafeBytes { try ReadDocument(path: document.path, decoding: $0) }
      #expect(decoded.content == document.content, "\(document.path)")
      #expect(decoded.findings == document.findings)
      #expect(decoded.declarations == document.declarations)
      #expect(decoded.references == document.references)
      #expect(decoded.suppressions == document.suppressions)
    }
  }

  /// The cached form is named by `DocumentCache.formatVersion`: a change to any type's cached
  /// description changes the encoding of the example ledger, and this test then asks for the
  /// version to be raised (so that no build reads another form as its own).
  @Test func theEncodingIsPinnedToItsFormatVersion() throws {
    let files = ExampleLedger.base.keys.sorted().map { LedgerFile(path: "vision/" + $0, relativePath: $0) }
    let results = LedgerLoader.read(Listing(files).documents, language: .en) { file in
      .bytes(Array(ExampleLedger.base[file.relativePath]!.utf8))
    }
    let encoded = results.map {
      $0.document.path + ":" + $0.document.encoded().map { String($0) }.joined(separator: ",")
    }
    let pinned = "format \(DocumentCache.formatVersion): \(FNV1a.hex(encoded.joined(separator: "\n")))\n"
    try expectGolden(pinned, "cache-format.txt")
  }

  /// `--since` and a full check report the same with the cache cold (or absent) and warm, and
  /// quote the lines of the files the cache spared reading.
  @Test(arguments: ["HEAD", nil])
  func aCheckReportsTheSameWithTheCacheWarm(since: String?) throws {
    let directory = try committed("minimal")
    defer { directory.remove() }
    try git(["rm", "-q", "vision/stakeholders/residents.md"], in: directory.path)
    let cold = try session(directory.path).check(since: since).report
    _ = try session(directory.path).check(since: "HEAD")
    let warm = try session(directory.path).check(since: since).report
    #expect(!warm.diagnostics.isEmpty)
    #expect(warm.diagnostics == cold.diagnostics)
    for diagnostic in warm.diagnostics {
      guard let location = diagnostic.location else { continue }
      #expect(warm.line(location.line, of: diagnostic.file) != nil, "\(diagnostic.file)")
      #expect(warm.line(location.line, of: diagnostic.file) == cold.line(location.line, of: diagnostic.file))
    }
  }
}
