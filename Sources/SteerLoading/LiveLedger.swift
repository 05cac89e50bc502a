import SteerFiles
import SteerModel

/// A ledger kept in memory and read again one file at a time: an editor's unsaved text, or a
/// file that changed on disk, replaces what was read of that file alone, in place in the
/// assembled ledger (`steer lsp`).
public struct LiveLedger: Sendable {
  /// The ledger directory, relative to the repository root.
  public let directory: String
  /// Where the ledger directory stands on disk.
  public let path: String
  public let language: Language
  /// The ledger as assembled, kept up to date file by file.
  private var loaded: LoadedLedger
  /// Every document read, sorted by path, with what reading it found.
  private var documents: [DocumentFindings]
  private var misplaced: [LedgerFile]
  private var directoryFindings: [Finding]

  private struct DocumentFindings: Sendable {
    var path: String
    var findings: [Finding]
  }

  /// Reads every document of the ledger directory at `path`, shown as `directory`.
  public init(directoryAt path: String, shownAs directory: String, language: Language) {
    self.directory = directory
    self.path = path
    self.language = language
    let listing = Listing(LedgerLoader.files(underDirectoryAt: path, shownAs: directory))
    let results = LedgerLoader.read(listing.documents, language: language) { file in
      FileSystem.contents(of: path + "/" + file.relativePath, limit: FrontMatter.maximumFileSize)
    }
    documents = results.map { DocumentFindings(path: $0.document.path, findings: $0.document.findings) }
    loaded = LedgerLoader.assemble(results, misplaced: [], directory: directory, language: language)
    misplaced = listing.misplaced
    directoryFindings = LedgerLoader.unreadableDirectories(at: path, shownAs: directory, language: language)
  }

  /// The ledger as it stands now. Not to be held across an `update`: that would copy its lists.
  public var ledger: Ledger { loaded.ledger }

  /// How many documents the ledger reads.
  public var documentCount: Int { documents.count }

  /// The file at `file` (a path from the repository root), if it stands below the ledger directory.
  public func ledgerFile(_ file: String) -> LedgerFile? {
    let prefix = directory.isEmpty ? "" : directory + "/"
    guard file.hasPrefix(prefix), file.count > prefix.count else { return nil }
    return LedgerFile(path: file, belowPrefix: prefix)
  }

  /// Reads the file at `file` again: from `bytes` when given (an editor's text), else from
  /// disk, where it may have appeared or gone. Returns whether the ledger changed.
  @discardableResult
  public mutating func update(_ file: String, bytes: [UInt8]? = nil) -> Bool {
    guard let listed = ledgerFile(file) else { return false }
    let contents =
      bytes.map(FileContents.limited)
      ?? FileSystem.contents(of: path + "/" + listed.relativePath, limit: FrontMatter.maximumFileSize)
    let gone = contents.isGone
    guard let document = ListedDocument(listed) else {
      guard listed.role == .misplaced else { return false }
      let index = misplaced.partitioningIndex { $0.path >= file }
      let present = index < misplaced.count && misplaced[index].path == file
      if gone && present { misplaced.remove(at: index) }
      if !gone && !present { misplaced.insert(listed, at: index) }
      return gone == present
    }
    let index = documents.partitioningIndex { $0.path >= file }
    let present = index < documents.count && documents[index].path == file
    guard !gone else {
      guard present else { return false }
      documents.remove(at: index)
      var none: ReadResult?
      loaded.replace(file, with: &none)
      return true
    }
    var read: ReadResult? = LedgerLoader.read([document], language: language) { _ in contents }[0]
    let entry = DocumentFindings(path: file, findings: read!.document.findings)
    if present { documents[index] = entry } else { documents.insert(entry, at: index) }
    loaded.replace(file, with: &read)
    return true
  }

  /// Reads the ledger directory again, files that appeared and went included (a branch
  /// checked out); the files in `keeping` are read from the text given (open in an editor).
  public mutating func rescan(keeping: [String: [UInt8]] = [:]) {
    self = LiveLedger(directoryAt: path, shownAs: directory, language: language)
    for (file, bytes) in keeping { update(file, bytes: bytes) }
  }

  /// The ledger as it stands now, with every reading finding and the bytes of every document.
  public func current() -> LoadedLedger {
    var current = loaded
    current.findings = LedgerLoader.misplacedFindings(misplaced, language: language)
    for document in documents where !document.findings.isEmpty { current.findings += document.findings }
    current.findings += LedgerLoader.missingVision(current.ledger, directory: directory, language: language)
    current.findings += directoryFindings
    return current
  }
}

extension LoadedLedger {
  /// Puts what reading `file` gave in place of what the ledger held of it (nil: the file went).
  /// Every list of the ledger is sorted by path, as `LedgerLoader.assemble` makes it: the
  /// file's entries are found by binary search and replaced where they stand.
  mutating func replace(_ file: String, with read: inout ReadResult?) {
    func replace<Element>(_ list: inout [Element], _ path: (Element) -> String, with new: [Element]) {
      let start = list.partitioningIndex { path($0) >= file }
      let end = list[start...].partitioningIndex { path($0) > file }
      list.replaceSubrange(start..<end, with: new)
    }
    var document = ReadDocument(path: file)
    var bytes: [UInt8]?
    if read != nil {
      swap(&document, &read!.document)
      bytes = read!.bytes.take()
    }
    let present = read != nil
    replace(&ledger.documentPaths, { $0 }, with: present ? [file] : [])
    replace(&ledger.declarations, \.file, with: document.declarations)
    replace(&ledger.references, \.file, with: document.references)
    replace(&ledger.suppressions, \.file, with: document.suppressions)
    let content = document.content.take()
    replace(&ledger.unbuiltDocuments, { $0 }, with: present && content == nil ? [file] : [])
    switch content {
    case .vision(let vision): ledger.vision = vision
    case .stakeholder(let stakeholder): replace(&ledger.stakeholders, \.file, with: [stakeholder])
    case .objective(let objective): replace(&ledger.objectives, \.file, with: [objective])
    case .useCase(let useCase): replace(&ledger.useCases, \.file, with: [useCase])
    case .workshop(let workshop): replace(&ledger.workshops, \.file, with: [workshop])
    case .iteration(let iteration): replace(&ledger.iterations, \.file, with: [iteration])
    case .retro(let retro): replace(&ledger.retros, \.file, with: [retro])
    case .decision(let decision): replace(&ledger.decisions, \.file, with: [decision])
    case .series(let series): replace(&ledger.series, \.file, with: [series])
    case nil:
      // The file went, or can no longer be built: it leaves its kind's list.
      if ledger.vision?.file == file { ledger.vision = nil }
      replace(&ledger.stakeholders, \.file, with: [])
      replace(&ledger.objectives, \.file, with: [])
      replace(&ledger.useCases, \.file, with: [])
      replace(&ledger.workshops, \.file, with: [])
      replace(&ledger.iterations, \.file, with: [])
      replace(&ledger.retros, \.file, with: [])
      replace(&ledger.decisions, \.file, with: [])
      replace(&ledger.series, \.file, with: [])
    }
    sources[file] = bytes
  }
}
