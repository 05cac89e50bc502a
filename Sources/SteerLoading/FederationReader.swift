import SteerGit
import SteerModel

/// A member of the federation, read at its revision (README, "Federation").
public struct MemberLedger: Sendable {
  public var member: FederationMember
  /// The commit read.
  public var commit: String
  public var configuration: Configuration
  public var configurationFindings: [Finding]
  /// What the region computes of the member.
  public var digest: MemberDigest
  /// The member's ledger as read; nil when only its digest was asked for and the cache held it.
  public var loaded: LoadedLedger?

  public init(
    member: FederationMember, commit: String, configuration: Configuration, configurationFindings: [Finding],
    digest: MemberDigest, loaded: LoadedLedger?
  ) {
    self.member = member
    self.commit = commit
    self.configuration = configuration
    self.configurationFindings = configurationFindings
    self.digest = digest
    self.loaded = loaded
  }

  /// The name people read (`FederationMember.title(territory:)`).
  public var title: String { member.title(territory: digest.territory) }
  /// The files of its ledger and configuration that it cannot read, sorted.
  public var unreadableFiles: [String] { Set(digest.unreadable + configurationFindings.map(\.file)).sorted() }
}

/// Reads a federation's members (README, "Federation"): each from its repository's
/// object database — its mirror for a member given by URL, else the path from the region's
/// root — at its revision, never checked out, with its own configuration there.
public enum FederationReader {
  /// Where `steer federation fetch` keeps the members given by URL, one bare mirror each.
  public static func mirrors(of repository: Repository) -> String { repository.commonDirectory + "/steer/federation" }

  /// A member's mirror, named by the member and keyed by its URL: a member pointed at another
  /// URL gets a new mirror, and the old one still serves the history that pinned the old URL.
  public static func mirror(of member: FederationMember, in mirrors: String) -> String {
    mirrors + "/" + member.name.value + "-" + FNV1a.hex(member.repository)
  }

  /// Where a region keeps what it read of its members (`MemberCache`).
  public static func memberCaches(of repository: Repository) -> String { repository.commonDirectory + "/steer/members" }

  /// The member at its revision: its commit resolved, then taken from the member cache in
  /// `caches` when it holds that commit — only its digest unless `documents` — else read from
  /// git and kept there.
  public static func read(
    _ member: FederationMember, root: String, mirrors: String?, caches: String? = nil, documents: Bool = true,
    knownRules: [String: Bool], language: Language
  ) throws(SteerError) -> MemberLedger {
    let repository = try open(member, root: root, mirrors: mirrors)
    let commit = try commit(of: member, in: repository)
    guard let caches else {
      let directory = try ledgerDirectory(
        of: member, at: commit, in: repository, knownRules: knownRules, language: language)
      let loaded = try Workspace.loadLedger(at: directory.path, in: commit, language: language)
      return MemberLedger(member, at: commit, directory, loaded)
    }
    let id = commit.id.description
    let digestLocation = MemberDigest.location(of: member, commit: id, in: caches)
    let kept = MemberDigest.read(from: digestLocation.path, identity: digestLocation.identity)
    if !documents, let kept {
      let (configuration, findings) = ConfigurationLoader.configuration(
        kept.configuration, knownRules: knownRules, language: language)
      return MemberLedger(
        member: member, commit: id, configuration: configuration, configurationFindings: findings, digest: kept,
        loaded: nil)
    }
    let read = try readDocuments(
      member, at: commit, from: repository, caches: caches, knownRules: knownRules, language: language)
    if kept == nil { read.digest.write(to: digestLocation.path, identity: digestLocation.identity) }
    return read
  }

  /// The member's documents at `commit`: decoded from its cache when it holds them, else read
  /// from git and kept.
  private static func readDocuments(
    _ member: FederationMember, at commit: Commit, from repository: Repository, caches: String,
    knownRules: [String: Bool], language: Language
  ) throws(SteerError) -> MemberLedger {
    let id = commit.id.description
    let location = MemberCache.location(of: member, commit: id, in: caches, language: language)
    if let cache = MemberCache.read(from: location.path, identity: location.identity),
      let loaded = cache.loaded(language: language)
    {
      let (configuration, findings) = ConfigurationLoader.configuration(
        cache.configuration, knownRules: knownRules, language: language)
      return MemberLedger(
        member: member, commit: id, configuration: configuration, configurationFindings: findings,
        digest: MemberDigest(loaded, configuration: cache.configuration), loaded: loaded)
    }
    let (read, cache) = try loadKept(member, at: commit, from: repository, knownRules: knownRules, language: language)
    cache.write(to: location.path, identity: location.identity)
    return read
  }

  /// The bytes of a member's `files` at the commit read, for the findings that quote them (a
  /// member taken from the cache has none at hand); those that cannot be read are left out.
  public static func files(_ files: [String], of member: MemberLedger, root: String, mirrors: String?)
    -> [String: [UInt8]]
  {
    guard let repository = try? open(member.member, root: root, mirrors: mirrors),
      let commit = try? repository.commit(for: member.commit)
    else { return [:] }
    var contents: [String: [UInt8]] = [:]
    for file in files {
      if let blob = try? commit.file(at: file), let bytes = try? repository.blobContents(blob.id) {
        contents[file] = bytes
      }
    }
    return contents
  }

  /// The member's repository: its mirror for a URL, else the path from `root`.
  public static func open(_ member: FederationMember, root: String, mirrors: String?) throws(SteerError) -> Repository {
    let name = member.name.value
    let repository: Repository
    if member.isRemote {
      guard let mirrors, let mirror = try? Repository.open(at: Self.mirror(of: member, in: mirrors)) else {
        throw SteerError(
          en: "federation member '\(name)' has not been fetched from \(member.repository)",
          fr: "le membre « \(name) » de la fédération n'a pas été récupéré depuis \(member.repository)",
          hint: (
            en: "fetch it with `steer federation fetch \(name)`",
            fr: "récupérez-le avec `steer federation fetch \(name)`"
          ))
      }
      repository = mirror
    } else {
      let path = member.repository.hasPrefix("/") ? member.repository : root + "/" + member.repository
      do {
        repository = try Repository.open(at: path)
      } catch {
        throw SteerError(
          en: "federation member '\(name)': there is no git repository at \(member.repository)",
          fr: "membre « \(name) » de la fédération : il n'y a pas de dépôt git en \(member.repository)",
          hint: (
            en: "check `repository` in \(Configuration.fileName): a path from this repository's root",
            fr: "vérifiez `repository` dans \(Configuration.fileName) : un chemin depuis la racine de ce dépôt"
          ))
      }
    }
    return repository
  }

  /// The commit the member's revision names.
  public static func commit(of member: FederationMember, in repository: Repository) throws(SteerError) -> Commit {
    let name = member.name.value
    let revision = member.revision ?? "HEAD"
    do {
      return try repository.commit(for: revision)
    } catch {
      throw SteerError(
        en: "federation member '\(name)': revision '\(revision)' does not exist in \(member.repository)",
        fr: "membre « \(name) » de la fédération : la révision « \(revision) » n'existe pas dans \(member.repository)",
        hint: member.isRemote
          ? (
            en: "run `steer federation fetch` to bring its latest branches and tags, or name another revision",
            fr:
              "lancez `steer federation fetch` pour en récupérer les dernières branches et étiquettes, ou indiquez une autre révision"
          )
          : (
            en: "name a tag, branch or commit of the member (`git -C \(member.repository) tag`)",
            fr: "indiquez une étiquette, une branche ou un commit du membre (`git -C \(member.repository) tag`)"
          ))
    }
  }

  /// The member's ledger at `commit`, read with its own configuration there.
  public static func load(
    _ member: FederationMember, at commit: Commit, from repository: Repository, knownRules: [String: Bool],
    language: Language
  ) throws(SteerError) -> LoadedLedger {
    let directory = try ledgerDirectory(
      of: member, at: commit, in: repository, knownRules: knownRules, language: language)
    return try Workspace.loadLedger(at: directory.path, in: commit, language: language)
  }

  /// The member's ledger at `commit`, read as `load` does, and what to keep of it.
  static func loadKept(
    _ member: FederationMember, at commit: Commit, from repository: Repository, knownRules: [String: Bool],
    language: Language
  ) throws(SteerError) -> (MemberLedger, MemberCache) {
    let directory = try ledgerDirectory(
      of: member, at: commit, in: repository, knownRules: knownRules, language: language)
    let (loaded, kept) = try Workspace.loadLedgerKept(at: directory.path, in: commit, language: language)
    return (
      MemberLedger(member, at: commit, directory, loaded), MemberCache(configuration: directory.bytes, ledger: kept)
    )
  }

  /// What `ledgerDirectory` found of a member's configuration.
  typealias Directory = (path: String, configuration: Configuration, findings: [Finding], bytes: [UInt8]?)

  /// The member's own configuration at `commit` (its ledger directory, its rules), and the
  /// ledger directory it names, which must be there.
  private static func ledgerDirectory(
    of member: FederationMember, at commit: Commit, in repository: Repository, knownRules: [String: Bool],
    language: Language
  ) throws(SteerError) -> Directory {
    let name = member.name.value
    let revision = member.revision ?? "HEAD"
    let bytes = ConfigurationLoader.bytes(at: commit, in: repository)
    let (configuration, findings) = ConfigurationLoader.configuration(
      bytes, knownRules: knownRules, language: language)
    let directory = member.ledger ?? configuration.ledger ?? Configuration.defaultLedger
    guard (try? commit.hasDirectory(at: directory)) == true else {
      throw SteerError(
        en: "federation member '\(name)': there is no ledger directory '\(directory)/' at \(revision)",
        fr:
          "membre « \(name) » de la fédération : il n'y a pas de répertoire de registre « \(directory)/ » à \(revision)",
        hint: (en: "name it with `ledger` in the member's entry", fr: "nommez-le avec `ledger` dans l'entrée du membre")
      )
    }
    return (directory, configuration, findings, bytes)
  }
}

extension MemberLedger {
  /// The member read from git at `commit`, with its configuration there.
  init(_ member: FederationMember, at commit: Commit, _ directory: FederationReader.Directory, _ loaded: LoadedLedger) {
    self.init(
      member: member, commit: commit.id.description, configuration: directory.configuration,
      configurationFindings: directory.findings, digest: MemberDigest(loaded, configuration: directory.bytes),
      loaded: loaded)
  }
}
