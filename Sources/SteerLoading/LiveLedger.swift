import SteerModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A ledger kept in memory and read again one file at a time: an editor's unsaved text, or a
/// file that changed on disk, replaces what was read of that file alone (`steer lsp`).
public struct LiveLedger: Sendable {
  /// The ledger directory, relative to the repository root.
  public let directory: String
  /// Where the ledger directory stands on disk.
  public let path: String
  public let language: Language
  /// Every document read, sorted by path.
  private var results: [ReadResult]
  private var misplaced: [LedgerFile]
  private var directoryFindings: [Finding]

  /// Reads every document of the ledger directory at `path`, shown as `directory`.
  public init(directoryAt path: String, shownAs directory: String, language: Language) {
    self.directory = directory
    self.path = path
    self.language = language
    let listing = Listing(LedgerLoader.files(underDirectoryAt: path, shownAs: directory))
    results = LedgerLoader.read(listing.documents, language: language) { file in
      FileSystem.contents(of: path + "/" + file.relativePath, limit: FrontMatter.maximumFileSize)
    }
    misplaced = listing.misplaced
    directoryFindings = LedgerLoader.unreadableDirectories(at: path, shownAs: directory, language: language)
  }

  /// The file at `file` (a path from the repository root), if it stands below the ledger directory.
  public func ledgerFile(_ file: String) -> LedgerFile? {
    let prefix = directory.isEmpty ? "" : directory + "/"
    guard file.hasPrefix(prefix), file.count > prefix.count else { return nil }
    return LedgerFile(path: file, belowPrefix: prefix)
  }

  /// Whether the ledger reads the file at `file` as a document.
  public func isDocument(_ file: String) -> Bool {
    guard let listed = ledgerFile(file), case .document = listed.role else { return false }
    return true
  }

  /// Reads the file at `file` again: from `bytes` when given (an editor's text), else from
  /// disk, where it may have appeared or gone. Returns whether the ledger changed.
  @discardableResult
  public mutating func update(_ file: String, bytes: [UInt8]? = nil) -> Bool {
    guard let listed = ledgerFile(file) else { return false }
    let contents =
      bytes.map(FileContents.limited)
      ?? FileSystem.contents(of: path + "/" + listed.relativePath, limit: FrontMatter.maximumFileSize)
    let gone: Bool = if case .unreadable(.system(ENOENT)) = contents { true } else { false }
    switch listed.role {
    case .ignored:
      return false
    case .misplaced:
      let index = misplaced.partitioningIndex { $0.path >= file }
      let present = index < misplaced.count && misplaced[index].path == file
      if gone && present { misplaced.remove(at: index) }
      if !gone && !present { misplaced.insert(listed, at: index) }
      return gone == present
    case .document(let kind, let stem):
      let index = results.partitioningIndex { $0.document.path >= file }
      let present = index < results.count && results[index].document.path == file
      if gone {
        if present { results.remove(at: index) }
        return present
      }
      let read = LedgerLoader.read([ListedDocument(file: listed, kind: kind, stem: stem)], language: language) { _ in
        contents
      }[0]
      if present { results[index] = read } else { results.insert(read, at: index) }
      return true
    }
  }

  /// Reads the ledger directory again, files that appeared and went included (a branch
  /// checked out); the files in `keeping` keep what was read of them (open in an editor).
  public mutating func rescan(keeping: Set<String> = []) {
    var fresh = LiveLedger(directoryAt: path, shownAs: directory, language: language)
    for result in results where keeping.contains(result.document.path) {
      let index = fresh.results.partitioningIndex { $0.document.path >= result.document.path }
      if index < fresh.results.count && fresh.results[index].document.path == result.document.path {
        fresh.results[index] = result
      } else {
        fresh.results.insert(result, at: index)
      }
    }
    self = fresh
  }

  /// The ledger as it stands now, with every reading finding and the bytes of every document.
  public func loaded() -> LoadedLedger {
    var loaded = LedgerLoader.assemble(results, misplaced: misplaced, directory: directory, language: language)
    loaded.findings += directoryFindings
    return loaded
  }
}
