import SteerConcurrency
import SteerFiles
import SteerGit
import SteerModel

/// How the user gave a revision: `--rev`, `--since`, or as a command's argument (`steer diff`'s).
public enum RevisionSource: Sendable { case rev, since, argument }

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
  ///   - revisionSource: how the user gave `revision`, for an error's hint to name it.
  public init(
    currentDirectory: String? = nil, ledgerArgument: String? = nil, revision: String? = nil,
    revisionSource: RevisionSource = .rev
  ) throws(SteerError) {
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
      if let root = error.ownedRepository {
        throw SteerError(
          en: "the repository at \(root) belongs to another user, so git refuses to open it",
          fr: "le dépôt situé en \(root) appartient à un autre utilisateur : git refuse de l'ouvrir",
          hint: (
            en: "if you trust it, run: git config --global --add safe.directory \(root)",
            fr: "si vous lui faites confiance, lancez : git config --global --add safe.directory \(root)"
          ))
      }
      throw SteerError(
        en: "cannot open the git repository: \(error.message)",
        fr: "impossible d'ouvrir le dépôt git : \(error.message)")
    }
    guard let repository else {
      if revision != nil {
        throw SteerError(
          en: "--rev needs a git repository, and '\(searchFrom)' is not in one",
          fr: "--rev demande un dépôt git, et « \(searchFrom) » n'est dans aucun",
          hint: (
            en: "run the command inside the repository, or drop --rev to read the directory as it is",
            fr: "lancez la commande dans le dépôt, ou retirez --rev pour lire le répertoire tel qu'il est"
          ))
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
      if repository.isHeadUnborn { throw Self.noCommitYet(effectiveRevision, namedBy: revisionSource) }
      // libgit2's words add nothing to "does not exist" (and are English).
      let detail = error.isNotFound ? (en: "", fr: "") : (en: ": \(error.message)", fr: "\u{202F}: \(error.message)")
      throw SteerError(
        en: "revision '\(effectiveRevision)' does not exist\(detail.en)",
        fr: "la révision « \(effectiveRevision) » n'existe pas\(detail.fr)",
        hint: (
          en: "name a branch, a tag or a commit id (see `git log --oneline`)",
          fr: "indiquez une branche, une étiquette ou un identifiant de commit (voir `git log --oneline`)"
        ))
    }
  }

  /// A revision named in a repository without any commit: the hint speaks of what the user typed.
  public static func noCommitYet(_ revision: String, namedBy source: RevisionSource) -> SteerError {
    let hint: (en: String, fr: French) =
      switch source {
      case .rev:
        (
          en: "commit the ledger first, or drop --rev to check the work tree",
          fr: "commitez d'abord le registre, ou retirez --rev pour vérifier la copie de travail"
        )
      case .since:
        (en: "commit the ledger first, or drop --since", fr: "commitez d'abord le registre, ou retirez --since")
      case .argument:
        (
          en: "commit the ledger first: '\(revision)' will then name that commit",
          fr: "commitez d'abord le registre : « \(revision) » désignera alors ce commit"
        )
      }
    return SteerError(
      en: "revision '\(revision)' does not exist: the repository has no commits yet",
      fr: "la révision « \(revision) » n'existe pas : le dépôt n'a encore aucun commit", hint: hint)
  }

  /// Where the configuration file is, as printed.
  public var configurationPath: String { Configuration.fileName }

  /// The bytes of `.steer.yaml` at the root, or nil when there is none. One that stands there
  /// but cannot be read (a directory, a FIFO, a link that goes nowhere, no permission) stops
  /// the command: its gates and language must not silently fall back to the defaults.
  public func configurationBytes() throws(SteerError) -> [UInt8]? {
    if let commit {
      do {
        return try commit.file(at: Configuration.fileName).map { file throws(GitError) in
          try commit.repository.blobContents(file.id)
        }
      } catch {
        throw SteerError(
          en: "cannot read \(Configuration.fileName) at the revision: \(error.message)",
          fr: "impossible de lire \(Configuration.fileName) à cette révision : \(error.message)")
      }
    }
    guard let root else { return nil }
    let path = root + "/" + Configuration.fileName
    switch FileSystem.contents(of: path, limit: FrontMatter.maximumFileSize) {
    case .bytes(let bytes): return bytes
    case .tooLarge:
      throw SteerError(
        en: "\(Configuration.fileName) is larger than 1 MiB", fr: "\(Configuration.fileName) dépasse 1 Mio")
    case .unreadable(let reason):
      guard FileSystem.exists(path) else { return nil }
      let (en, fr) = (reason.text(Wording(.en)), reason.text(Wording(.fr)))
      throw SteerError(
        en: "cannot read \(path): \(en)", fr: "impossible de lire \(path) : \(fr)",
        hint: (
          en: "make it a readable file, or remove it to use the defaults",
          fr: "faites-en un fichier lisible, ou supprimez-le pour garder les réglages par défaut"
        ))
    }
  }

  /// The ledger directory, relative to the root: the LEDGER argument (a path from the
  /// current directory), else the configuration's `ledger`, else `vision`.
  /// Either way the directory is resolved, symbolic links included, and must be inside the
  /// repository: a committed link must not lead the ledger outside it.
  public func ledgerDirectory(argument: String?, configuration: Configuration) throws(SteerError) -> String {
    guard let argument else {
      let configured = configuration.ledger ?? Configuration.defaultLedger
      guard let root, commit == nil, let resolved = FileSystem.realPath(root + "/" + configured) else {
        return configured
      }
      if resolved == root { return "" }
      guard resolved.hasPrefix(root + "/") else {
        throw SteerError(
          en: "the ledger '\(configured)' of \(Configuration.fileName) leads outside the repository, to \(resolved)",
          fr: "le registre « \(configured) » de \(Configuration.fileName) mène hors du dépôt, vers \(resolved)",
          hint: (
            en: "name a directory inside the repository in `ledger`, not a link that leaves it",
            fr: "indiquez dans `ledger` un répertoire du dépôt, pas un lien qui en sort"
          ))
      }
      return String(resolved.dropFirst(root.count + 1))
    }
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
        en: "the ledger '\(argument)' is outside the repository at \(root)",
        fr: "le registre « \(argument) » est hors du dépôt situé en \(root)",
        hint: (
          en: "run the command from inside the repository that holds the ledger",
          fr: "lancez la commande depuis le dépôt qui contient le registre"
        ))
    }
    return String(resolved.dropFirst(root.count + 1))
  }

  /// The absolute path of `relative` (a path from the root) in the work tree, if there is one.
  public func workTreePath(_ relative: String) -> String? {
    guard let root, commit == nil else { return nil }
    if relative.hasPrefix("/") { return relative }
    return relative.isEmpty ? root : root + "/" + relative
  }

  /// Reads every document of the ledger at `directory` (relative to the root): in the work
  /// tree, or at the revision, straight from the object database.
  public func loadLedger(at directory: String, language: Language = .en) throws(SteerError) -> LoadedLedger {
    let shown = directory.isEmpty ? "." : directory
    if let commit {
      guard (try? commit.hasDirectory(at: directory)) == true else {
        throw SteerError(
          en: "there is no ledger directory '\(shown)/' at the revision",
          fr: "il n'y a pas de répertoire de registre « \(shown)/ » à cette révision",
          hint: (
            en: "check the path, or the revision: `git ls-tree --name-only \(commit.id) \(shown)`",
            fr: "vérifiez le chemin, ou la révision : `git ls-tree --name-only \(commit.id) \(shown)`"
          ))
      }
      return try Self.loadLedger(at: directory, in: commit, language: language)
    }
    return LedgerLoader.load(directoryAt: try workTreeLedger(directory), shownAs: directory, language: language)
  }

  /// The absolute path of the ledger directory in the work tree, which must exist.
  private func workTreeLedger(_ directory: String) throws(SteerError) -> String {
    guard let base = workTreePath(directory), FileSystem.isDirectory(base) else {
      throw SteerError(
        en: "there is no ledger directory '\(directory.isEmpty ? "." : directory)/' in \(root ?? currentDirectory)",
        fr:
          "il n'y a pas de répertoire de registre « \(directory.isEmpty ? "." : directory)/ » dans \(root ?? currentDirectory)",
        hint: (
          en:
            "create one with `steer init`, name it in \(Configuration.fileName) (`ledger: path`), or pass it: `steer check path/to/ledger`",
          fr:
            "créez-en un avec `steer init`, nommez-le dans \(Configuration.fileName) (`ledger: chemin`), ou indiquez-le : `steer check chemin/du/registre`"
        ))
    }
    return base
  }

  /// Reads the ledger at `directory` as it stands in `commit` (none: an unborn branch's empty
  /// tree), straight from the object database, with the files of `overriding` (paths from the
  /// root) in place of, or beside, the commit's: the tree a commit of those files would have.
  /// libgit2's objects are not shared between threads: the blobs are read here, then parsed
  /// over the cores.
  public static func loadLedger(
    at directory: String, in commit: Commit?, overriding: [String: [UInt8]] = [:], language: Language = .en
  ) throws(SteerError) -> LoadedLedger {
    let (files, contents) = try listing(at: directory, in: commit, overriding: overriding)
    return LedgerLoader.load(directory: directory, files: files, language: language) {
      contents[$0.path] ?? .unreadable(.missingBlob)
    }
  }

  /// Reads the ledger at `directory` in `commit` like `loadLedger(at:in:language:)`, with each
  /// document encoded for a cache (`MemberCache`): the whole reading, to keep for that commit.
  static func loadLedgerKept(at directory: String, in commit: Commit, language: Language) throws(SteerError)
    -> (loaded: LoadedLedger, kept: MemberCache.Ledger)
  {
    let (files, contents) = try listing(at: directory, in: commit, overriding: [:])
    return LedgerLoader.loadKept(directory: directory, files: files, language: language) {
      contents[$0.path] ?? .unreadable(.missingBlob)
    }
  }

  /// The files below `directory` in `commit`, with `overriding`'s in place, sorted, and the
  /// contents of those that are documents (blobs are read here: libgit2's objects stay on
  /// this thread).
  private static func listing(at directory: String, in commit: Commit?, overriding: [String: [UInt8]])
    throws(SteerError) -> (files: [LedgerFile], contents: [String: FileContents])
  {
    do {
      let prefix = directory.isEmpty ? "" : directory + "/"
      var files: [LedgerFile] = []
      var contents: [String: FileContents] = [:]
      for file in try commit?.files(under: directory) ?? [] where overriding[file.path] == nil {
        let ledgerFile = LedgerFile(path: file.path, belowPrefix: prefix, blob: file.id)
        files.append(ledgerFile)
        if ListedDocument(ledgerFile) != nil {
          contents[file.path] =
            file.isSymbolicLink ? .unreadable(.symbolicLink) : .limited(try commit!.repository.blobContents(file.id))
        }
      }
      for (path, bytes) in overriding where path.hasPrefix(prefix) {
        files.append(LedgerFile(path: path, belowPrefix: prefix))
        contents[path] = .limited(bytes)
      }
      files.sort { $0.path < $1.path }
      return (files, contents)
    } catch {
      throw SteerError(
        en: "cannot read the ledger at commit \(commit?.id.description ?? "HEAD"): \(error.message)",
        fr: "impossible de lire le registre au commit \(commit?.id.description ?? "HEAD") : \(error.message)")
    }
  }

  /// Reads the ledger like `loadLedger(at:language:)`, with the paths that changed since `base`
  /// (git's comparison of the work tree, with its index, or of the revision read). In the work
  /// tree, the base's files are taken from the document cache where it holds their blob, and
  /// the few paths git reports are read from disk; the cache is then brought up to date. This
  /// is the only reading that writes the cache. `readFromDisk` is what the work tree put in
  /// place of the base's files (nil at a revision).
  public func loadLedger(at directory: String, language: Language, changedSince base: Commit)
    throws(SteerError) -> (loaded: LoadedLedger, changed: Set<String>, readFromDisk: Set<String>?)
  {
    guard let repository else {
      throw SteerError(en: "--since needs a git repository", fr: "--since demande un dépôt git")
    }
    let failure = { (error: GitError) in
      SteerError(
        en: "cannot compute the change since \(base.id): \(error.message)",
        fr: "impossible de calculer les changements depuis \(base.id) : \(error.message)")
    }
    guard commit == nil, let root else {
      let changed: Set<String>
      do { changed = try repository.changedPaths(from: base, to: commit!) } catch { throw failure(error) }
      return (try loadLedger(at: directory, language: language), changed, nil)
    }
    let path = try workTreeLedger(directory)
    // Only the ledger and the configuration are compared: nothing else can be in a finding,
    // and the rest of a large repository then costs nothing.
    let limits = directory.isEmpty ? [] : [directory, configurationPath]
    // Git compares the work tree with the base (it stats every file below the ledger) on a
    // thread of its own, with its own handle on the repository, while the base's files are read.
    let baseID = base.id.description
    let comparison = Future {
      Result { () throws(GitError) in
        let repository = try Repository.open(at: root)
        return try repository.status(against: repository.commit(for: baseID), limitedTo: limits)
      }
    }
    let location = DocumentCache.location(
      gitDirectory: repository.commonDirectory, ledgerDirectory: directory, language: language)
    // The cache is read on a thread of its own too (no git there), while the base is listed.
    let cached = Future { DocumentCache.read(from: location.path, identity: location.identity) }
    let prefix = directory.isEmpty ? "" : directory + "/"
    let listing: Listing
    do {
      listing = Listing(
        try base.files(under: directory).map { LedgerFile(path: $0.path, belowPrefix: prefix, blob: $0.id) })
    } catch {
      (_, _) = (comparison.wait(), cached.wait())
      throw failure(error)
    }
    let diskContents: @Sendable (LedgerFile) -> FileContents = { file in
      FileSystem.contents(of: path + "/" + file.relativePath, limit: FrontMatter.maximumFileSize)
    }
    let cache = cached.wait()
    var results = LedgerLoader.read(listing.documents, language: language, cache: cache, contents: diskContents)
    let status: WorkTreeStatus
    do { status = try comparison.wait().get() } catch { throw failure(error) }

    // The paths git reports are replaced by what stands there now, read from disk and not
    // cached: their content is no blob git knows.
    let (replaced, standing) = LedgerLoader.revision(
      reporting: status.changed.union(status.ignored), directoryAt: path, shownAs: directory)
    var misplaced = listing.misplaced
    if !replaced.isEmpty {
      // A few paths in thousands, found by path in the sorted results.
      func position(_ path: String) -> Int { results.partitioningIndex { $0.document.path >= path } }
      for path in replaced.sorted().reversed() {
        let index = position(path)
        if index < results.count && results[index].document.path == path { results.remove(at: index) }
      }
      let now = Listing(standing)
      for result in LedgerLoader.read(now.documents, language: language, contents: diskContents) {
        results.insert(result, at: position(result.document.path))
      }
      misplaced = misplaced.filter { !replaced.contains($0.path) } + now.misplaced
    }
    cache.updated(with: results)?.write(to: location.path)
    var loaded = LedgerLoader.assemble(results, misplaced: misplaced, directory: directory, language: language)
    loaded.findings += LedgerLoader.unreadableDirectories(at: path, shownAs: directory, language: language)
    return (loaded, status.changed, replaced)
  }

  /// The bytes of a file (a path from the root) as read: in the work tree, or at the revision.
  public func contents(of path: String) -> [UInt8]? {
    if let commit {
      return try? commit.file(at: path).flatMap { file throws(GitError) in try commit.repository.blobContents(file.id) }
    }
    guard let absolute = workTreePath(path),
      case .bytes(let bytes) = FileSystem.contents(of: absolute, limit: FrontMatter.maximumFileSize)
    else { return nil }
    return bytes
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
