import SteerGit
import SteerModel

/// Where a command reads the ledger from: the repository containing the current directory
/// (its work tree, or any revision straight from the object database), or a plain directory
/// outside any repository.
public final class Workspace {
  public let repository: Repository?
  /// Absolute directory that printed paths are relative to: the work tree's root, or the
  /// current directory outside a repository. Nil for a bare repository.
  public let root: String?
  /// The commit read with `--rev` (always one in a bare repository); nil for the work tree.
  public let commit: Commit?
  let currentDirectory: String

  /// - Parameters:
  ///   - ledgerArgument: the LEDGER path given on the command line, if any: the repository
  ///     is looked for from there.
  ///   - revision: read the ledger as it stood at this revision instead of the work tree.
  public init(currentDirectory: String? = nil, ledgerArgument: String? = nil, revision: String? = nil)
    throws(SteerError)
  {
    let current = FileSystem.realPath(currentDirectory ?? FileSystem.currentDirectory()) ?? currentDirectory ?? "."
    self.currentDirectory = current
    var searchFrom = current
    if let ledgerArgument, let resolved = FileSystem.realPath(Self.absolute(ledgerArgument, from: current)),
      FileSystem.isDirectory(resolved)
    {
      searchFrom = resolved
    }
    do {
      repository = try Repository.discover(containing: searchFrom)
    } catch {
      throw SteerError("cannot open the git repository: \(error.message)")
    }
    guard let repository else {
      if revision != nil {
        throw SteerError(
          "--rev needs a git repository, and '\(searchFrom)' is not in one",
          hint: "run the command inside the repository, or drop --rev to read the directory as it is")
      }
      // A plain directory: an explicit LEDGER's root is the directory that holds it (its
      // .steer.yaml sits there); otherwise the current directory.
      root = searchFrom == current ? current : Self.parent(of: searchFrom)
      commit = nil
      return
    }
    root = repository.workingDirectory.map { FileSystem.realPath($0) ?? $0 }
    let effectiveRevision = revision ?? (repository.isBare ? "HEAD" : nil)
    guard let effectiveRevision else {
      commit = nil
      return
    }
    do {
      commit = try repository.commit(for: effectiveRevision)
    } catch {
      if repository.isHeadUnborn {
        throw SteerError(
          "revision '\(effectiveRevision)' does not exist: the repository has no commits yet",
          hint: "commit the ledger first, or drop --rev to check the work tree")
      }
      throw SteerError(
        "revision '\(effectiveRevision)' does not exist: \(error.message)",
        hint: "name a branch, a tag or a commit id (see `git log --oneline`)")
    }
  }

  /// Where the configuration file is, as printed.
  public var configurationPath: String { Configuration.fileName }

  /// `.steer.yaml` at the root, or the defaults when there is none.
  /// `.steer.yaml` at the root, or the defaults when there is none; `language` overrides its own.
  public func configuration(knownRules: [String: Bool], language: Language? = nil) throws(SteerError)
    -> (Configuration, [Finding], [UInt8]?)
  {
    let bytes: [UInt8]?
    if let commit {
      do {
        bytes = try commit.file(at: Configuration.fileName).map { file throws(GitError) in
          try commit.repository.blobContents(file.id)
        }
      } catch {
        throw SteerError("cannot read \(Configuration.fileName) at the revision: \(error.message)")
      }
    } else if let root {
      switch FileSystem.read(root + "/" + Configuration.fileName, limit: FrontMatter.maximumFileSize) {
      case .bytes(let read): bytes = read
      case .tooLarge: throw SteerError("\(Configuration.fileName) is larger than 1 MiB")
      case .unreadable: bytes = nil
      }
    } else {
      bytes = nil
    }
    guard let bytes else {
      var defaults = Configuration()
      defaults.language = language ?? defaults.language
      return (defaults, [], nil)
    }
    var (configuration, findings) = ConfigurationLoader.load(
      bytes, path: Configuration.fileName, knownRules: knownRules, language: language)
    configuration.language = language ?? configuration.language
    return (configuration, findings, bytes)
  }

  /// The ledger directory, relative to the root: the LEDGER argument (a path from the
  /// current directory), else the configuration's `ledger`, else `vision`.
  public func ledgerDirectory(argument: String?, configuration: Configuration) throws(SteerError) -> String {
    guard let argument else { return configuration.ledger ?? Configuration.defaultLedger }
    guard let root else {
      // A bare repository has no current-directory meaning: the path is inside the tree.
      return argument.split(separator: "/").joined(separator: "/")
    }
    let absolute = Self.absolute(argument, from: currentDirectory)
    let resolved = FileSystem.realPath(absolute) ?? Self.normalised(absolute)
    if resolved == root { return "" }
    guard resolved.hasPrefix(root + "/") else {
      if repository == nil { return resolved }
      throw SteerError(
        "the ledger '\(argument)' is outside the repository at \(root)",
        hint: "run the command from inside the repository that holds the ledger")
    }
    return String(resolved.dropFirst(root.count + 1))
  }

  /// The absolute path of `relative` (a path from the root) in the work tree, if there is one.
  public func workTreePath(_ relative: String) -> String? {
    guard let root, commit == nil else { return nil }
    if relative.hasPrefix("/") { return relative }
    return relative.isEmpty ? root : root + "/" + relative
  }

  /// Reads every document of the ledger at `directory` (relative to the root). Where
  /// `check --since` has left a document cache made by this build for this ledger and
  /// language, the files git knows to hold a blob (at the revision read, all of them; in the
  /// work tree, those unchanged since HEAD) are taken from it, and it is brought up to date.
  /// It is not created here: a fresh clone, as in a CI job, reads the files and writes nothing.
  public func loadLedger(at directory: String, language: Language = .en) throws(SteerError) -> LoadedLedger {
    let shown = directory.isEmpty ? "." : directory
    let cache = repository.flatMap { repository in
      DocumentCache.location(gitDirectory: repository.commonDirectory, ledgerDirectory: directory, language: language)
    }.flatMap { FileSystem.isFile($0.path) ? $0 : nil }
    if let commit {
      guard (try? commit.hasDirectory(at: directory)) == true else {
        throw SteerError(
          "there is no ledger directory '\(shown)/' at the revision",
          hint: "check the path, or the revision: `git ls-tree --name-only \(commit.id) \(shown)`")
      }
      guard let cache else { return try Self.loadLedger(at: directory, in: commit, language: language) }
      return try Self.loadLedger(at: directory, in: commit, language: language, cacheAt: cache)
    }
    guard let base = workTreePath(directory), FileSystem.isDirectory(base) else {
      throw SteerError(
        "there is no ledger directory '\(shown)/' in \(root ?? currentDirectory)",
        hint:
          "create one with `steer init`, name it in \(Configuration.fileName) (`ledger: path`), or pass it: `steer check path/to/ledger`"
      )
    }
    // The cache is an optimisation: when git cannot compare the work tree, the files are read.
    if cache != nil, let head = try? repository?.commit(for: "HEAD"),
      let (loaded, _) = try? loadLedger(at: directory, language: language, changedSince: head)
    {
      return loaded
    }
    return LedgerLoader.load(directoryAt: base, shownAs: directory, language: language)
  }

  /// Reads the ledger at `directory` as it stands in `commit`, straight from the object database.
  public static func loadLedger(at directory: String, in commit: Commit, language: Language = .en)
    throws(SteerError) -> LoadedLedger
  {
    try loadLedger(at: directory, in: commit, language: language, cache: nil)
  }

  /// Reads the ledger like `loadLedger(at:language:)`, with the files changed since `base`
  /// (git's comparison of the work tree, with its index, or of the revision read), and takes
  /// from the document cache every file whose content git knows: at the revision read, all
  /// of them; in the work tree, those unchanged since `base`. The cache is then brought up to
  /// date. Outside a repository, or when this build cannot name itself, nothing is cached.
  public func loadLedger(at directory: String, language: Language, changedSince base: Commit)
    throws(SteerError) -> (loaded: LoadedLedger, changed: Set<String>)
  {
    guard let repository else { throw SteerError("--since needs a git repository") }
    let failure = { (error: GitError) in SteerError("cannot compute the change since \(base.id): \(error.message)") }
    let location = DocumentCache.location(
      gitDirectory: repository.commonDirectory, ledgerDirectory: directory, language: language)
    // Only the ledger and the configuration are compared: nothing else can be in a finding,
    // and the rest of a large repository then costs nothing.
    let limits = directory.isEmpty ? [] : [directory, configurationPath]
    guard let (cachePath, identity) = location, commit == nil, let root, let path = workTreePath(directory),
      FileSystem.isDirectory(path)
    else {
      let changed: Set<String>
      do {
        changed =
          if let commit { try repository.changedPaths(from: base, to: commit) } else {
            try repository.status(against: base, limitedTo: limits).changed
          }
      } catch { throw failure(error) }
      guard let location, let commit else {
        return (try loadLedger(at: directory, language: language), changed)  // or what is missing
      }
      return (try Self.loadLedger(at: directory, in: commit, language: language, cacheAt: location), changed)
    }

    // Git compares the work tree and its index with the base (it stats every file below the
    // ledger) on a thread of its own. Meanwhile the cache is read, the base's files are listed
    // and taken from it as though unchanged; then the paths git reports are replaced by the
    // files standing there. Each side has its own handle on the repository: libgit2 objects
    // are not shared between threads.
    let baseID = base.id.description
    let comparison = Background {
      Result { () throws(GitError) in
        let repository = try Repository.open(at: root)
        let status = try repository.status(against: repository.commit(for: baseID), limitedTo: limits)
        let revision = LedgerLoader.revision(
          reporting: status.changed.union(status.ignored), directoryAt: path, shownAs: directory)
        return (status.changed, revision)
      }
    }
    let prefix = directory.isEmpty ? "" : directory + "/"
    let (cache, listed) = concurrently(
      { DocumentCache.read(from: cachePath, identity: identity) },
      {
        Result { () throws(GitError) in
          try Repository.open(at: root).commit(for: baseID).files(under: directory).map { file in
            LedgerFile(path: file.path, belowPrefix: prefix, blob: file.id)
          }
        }
      })
    let files: [LedgerFile]
    do { files = try listed.get() } catch { throw failure(error) }
    var loaded = LedgerLoader.load(
      files: files, directoryAt: path, shownAs: directory, language: language, cache: cache,
      revised: { (try? comparison.wait().get())?.1 ?? ListingRevision() })
    let changed: Set<String>
    do { changed = try comparison.wait().get().0 } catch { throw failure(error) }
    // Hundreds of thousands of strings: not freed on the way to the rules (`discard`).
    discard((cache, files))
    loaded.updatedCache.take()?.write(to: cachePath)
    return (loaded, changed)
  }

  /// Reads the ledger at a revision with the cache at `location`, and brings the cache up to date.
  private static func loadLedger(
    at directory: String, in commit: Commit, language: Language, cacheAt location: (path: String, identity: String)
  ) throws(SteerError) -> LoadedLedger {
    let cache = DocumentCache.read(from: location.path, identity: location.identity)
    var loaded = try loadLedger(at: directory, in: commit, language: language, cache: cache)
    if loaded.cacheWasDamaged {  // its blob was not read: read them all again, and replace the cache
      loaded = try loadLedger(
        at: directory, in: commit, language: language, cache: DocumentCache(identity: location.identity))
    }
    loaded.updatedCache.take()?.write(to: location.path)
    return loaded
  }

  private static func loadLedger(at directory: String, in commit: Commit, language: Language, cache: DocumentCache?)
    throws(SteerError) -> LoadedLedger
  {
    do {
      let prefix = directory.isEmpty ? "" : directory + "/"
      var files: [LedgerFile] = []
      var contents: [String: FileContents] = [:]
      // libgit2 objects are not thread-safe: read the blobs here, parse them in parallel.
      for file in try commit.files(under: directory) {
        let ledgerFile = LedgerFile(path: file.path, belowPrefix: prefix, blob: file.id)
        files.append(ledgerFile)
        guard case .document = ledgerFile.role else { continue }
        if cache?.payload(file.path, blob: file.id) == nil {
          contents[file.path] = .limited(try commit.repository.blobContents(file.id))
        }
      }
      let read = contents
      return LedgerLoader.load(directory: directory, files: files, language: language, cache: cache) {
        read[$0.path] ?? .unreadable("missing blob")
      }
    } catch {
      throw SteerError("cannot read the ledger at commit \(commit.id): \(error.message)")
    }
  }

  /// The bytes of a file (a path from the root) as read: in the work tree, or at the revision.
  public func contents(of path: String) -> [UInt8]? {
    if let commit {
      return try? commit.file(at: path).flatMap { file throws(GitError) in try commit.repository.blobContents(file.id) }
    }
    guard let absolute = workTreePath(path),
      case .bytes(let bytes) = FileSystem.read(absolute, limit: FrontMatter.maximumFileSize)
    else { return nil }
    return bytes
  }

  /// The bytes of each of `paths` that can be read, like `contents(of:)`; in the work tree,
  /// over the cores (a full check with its cache warm quotes lines from thousands of files).
  public func contents(of paths: [String]) -> [String: [UInt8]] {
    guard commit == nil else {
      return Dictionary(uniqueKeysWithValues: paths.compactMap { path in contents(of: path).map { (path, $0) } })
    }
    let read = paths.map { workTreePath($0) ?? $0 }.concurrentMap { absolute -> [UInt8]? in
      guard case .bytes(let bytes) = FileSystem.read(absolute, limit: FrontMatter.maximumFileSize) else { return nil }
      return bytes
    }
    var found: [String: [UInt8]] = [:]
    for (path, bytes) in zip(paths, read) { found[path] = bytes }
    return found
  }

  static func absolute(_ path: String, from directory: String) -> String {
    normalised(path.hasPrefix("/") ? path : directory + "/" + path)
  }

  static func parent(of path: String) -> String {
    let components = path.split(separator: "/")
    return "/" + components.dropLast().joined(separator: "/")
  }

  /// Removes `.`, `..` and empty components.
  static func normalised(_ path: String) -> String {
    var components: [Substring] = []
    for component in path.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": if !components.isEmpty { components.removeLast() }
      default: components.append(component)
      }
    }
    return "/" + components.joined(separator: "/")
  }
}
