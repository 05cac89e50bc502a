import Foundation
import SteerChecks
import SteerConcurrency
import SteerGit
import SteerHistory
import SteerLoading
import SteerMetrics
import SteerModel

/// A member of the federation, read at its revision (ledger-format.md, Federation).
public struct MemberLedger: Sendable {
  public var member: FederationMember
  /// The commit read.
  public var commit: String
  public var configuration: Configuration
  public var configurationFindings: [Finding]
  public var loaded: LoadedLedger

  /// What the federating ledger's metrics read of it.
  public var federated: FederatedMember { FederatedMember(name: member.name.value, ledger: loaded.ledger) }
}

extension Session {
  /// The members of `.steer.yaml`'s `federation`, each read from its repository's object
  /// database at its revision, never checked out; over the cores, each with a repository
  /// handle of its own. A member that cannot be read stops the command (exit 2) naming it.
  /// - Parameter federation: the members to read, when not the session's configuration's (an
  ///   editor's unsaved `.steer.yaml`).
  public func federationMembers(_ federation: [FederationMember]? = nil) throws(SteerError) -> [MemberLedger] {
    try membersReader(federation)()
  }

  /// What reads the members, to run on any thread (the language server reads them off its
  /// message loop, so that typing in `.steer.yaml` never waits for them).
  public func membersReader(_ federation: [FederationMember]? = nil)
    -> @Sendable () throws(SteerError) -> [MemberLedger]
  {
    let federation = federation ?? configuration.federation
    let (root, language) = (workspace.root, language)
    let mirrors = workspace.repository.map { Self.mirrors(of: $0) }
    return { () throws(SteerError) in
      guard !federation.isEmpty else { return [] }
      guard let root else {
        throw SteerError(
          en: "a federation is read from a work tree: the repository is bare",
          fr: "une fédération se lit depuis une copie de travail : le dépôt est nu")
      }
      let results = federation.concurrentMap { member in
        Result { () throws(SteerError) in try Self.read(member, root: root, mirrors: mirrors, language: language) }
      }
      return try results.map { result throws(SteerError) in try result.get() }
    }
  }

  /// The federation as each commit of the history pinned it, for `HistoryReader`; nil in a bare
  /// repository, where members' paths mean nothing.
  func federationHistory(in repository: Repository) -> ((Commit) throws -> FederationState)? {
    guard let root = workspace.root else { return nil }
    let history = FederationHistory(region: repository, root: root, language: language)
    return { commit in try history.state(at: commit) }
  }

  /// Where `steer federation fetch` keeps the members given by URL, one bare mirror each.
  static func mirrors(of repository: Repository) -> String { repository.commonDirectory + "/steer/federation" }

  /// A member's mirror, named by the member and keyed by its URL: a member pointed at another
  /// URL gets a new mirror, and the old one still serves the history that pinned the old URL.
  static func mirror(of member: FederationMember, in mirrors: String) -> String {
    mirrors + "/" + member.name.value + "-" + FNV1a.hex(member.repository)
  }

  private static func read(_ member: FederationMember, root: String, mirrors: String?, language: Language)
    throws(SteerError) -> MemberLedger
  {
    let repository = try open(member, root: root, mirrors: mirrors)
    return try load(member, at: try commit(of: member, in: repository), from: repository, language: language)
  }

  /// The member's repository: its mirror for a URL, else the path from `root`.
  static func open(_ member: FederationMember, root: String, mirrors: String?) throws(SteerError) -> Repository {
    let name = member.name.value
    let repository: Repository
    if member.isRemote {
      guard let mirrors, let mirror = try? Repository.open(at: Self.mirror(of: member, in: mirrors)) else {
        throw SteerError(
          en: "federation member '\(name)' has not been fetched from \(member.repository)",
          fr: "le membre « \(name) » de la fédération n'a pas été récupéré depuis \(member.repository)",
          hint: (en: "run `steer federation fetch`", fr: "lancez `steer federation fetch`"))
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
  static func commit(of member: FederationMember, in repository: Repository) throws(SteerError) -> Commit {
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
  static func load(_ member: FederationMember, at commit: Commit, from repository: Repository, language: Language)
    throws(SteerError) -> MemberLedger
  {
    let name = member.name.value
    let revision = member.revision ?? "HEAD"
    // The member's own configuration at that revision: its ledger directory, its rules.
    var configuration = Configuration()
    var findings: [Finding] = []
    if let file = try? commit.file(at: Configuration.fileName), let bytes = try? repository.blobContents(file.id) {
      (configuration, findings) = ConfigurationLoader.load(
        bytes, path: Configuration.fileName, knownRules: RuleCatalogue.knownRules, language: language)
    }
    configuration.language = language
    let directory = member.ledger ?? configuration.ledger ?? Configuration.defaultLedger
    guard (try? commit.hasDirectory(at: directory)) == true else {
      throw SteerError(
        en: "federation member '\(name)': there is no ledger directory '\(directory)/' at \(revision)",
        fr:
          "membre « \(name) » de la fédération : il n'y a pas de répertoire de registre « \(directory)/ » à \(revision)",
        hint: (en: "name it with `ledger` in the member's entry", fr: "nommez-le avec `ledger` dans l'entrée du membre")
      )
    }
    let loaded = try Workspace.loadLedger(at: directory, in: commit, language: language)
    return MemberLedger(
      member: member, commit: commit.id.description, configuration: configuration,
      configurationFindings: findings, loaded: loaded)
  }

  /// What `steer federation fetch` did for one member given by URL.
  public struct FetchedMember: Sendable {
    public var name: String
    public var url: String
    /// The revision read (the member's `revision`, else its default branch) and the commit
    /// it now names; an error when the fetch or the revision failed.
    public var outcome: Result<(revision: String, commit: String), SteerError>
    /// The tags the member moved upstream: the mirror keeps the commits they named.
    public var movedTags: [Repository.MovedTag] = []

    /// The warning about a moved tag, in the reader's language.
    public func movedTagWarning(_ tag: Repository.MovedTag, _ say: Wording) -> String {
      let (kept, upstream) = (tag.kept.description.prefix(12), tag.upstream.description.prefix(12))
      return say(
        en:
          "steer: warning: federation member '\(name)' moved its tag '\(tag.name)' from \(kept) to \(upstream): the mirror keeps \(kept), which the region may have pinned; pin the new commit by its id if it is the one to read",
        fr:
          "steer : avertissement : le membre « \(name) » de la fédération a déplacé son étiquette « \(tag.name) » de \(kept) vers \(upstream) : le miroir garde \(kept), que la région a pu épingler ; épinglez le nouveau commit par son identifiant si c'est lui qu'il faut lire"
      )
    }
  }

  /// Brings every member given by URL (or those `names` lists) into its mirror under
  /// `.git/steer/federation/`: the only command that uses the network. Members given by a
  /// path are read in place and need no fetch.
  public func fetchFederation(_ names: [String] = []) throws(SteerError) -> [FetchedMember] {
    let known = configuration.federation.map(\.name.value)
    if let unknown = names.first(where: { !known.contains($0) }) {
      throw SteerError(
        en: "'\(unknown)' is not a member of the federation in \(Configuration.fileName)",
        fr: "« \(unknown) » n'est pas membre de la fédération de \(Configuration.fileName)",
        hint: Suggestion.closest(to: unknown, among: known).map {
          (en: "did you mean '\($0)'?", fr: "vouliez-vous dire « \($0) » ?")
        }
      )
    }
    let members = configuration.federation.filter { $0.isRemote && (names.isEmpty || names.contains($0.name.value)) }
    guard !members.isEmpty else { return [] }
    let mirrors = Self.mirrors(of: try repository(for: "steer federation fetch"))
    return members.concurrentMap { member in
      let name = member.name.value
      var movedTags: [Repository.MovedTag] = []
      let outcome = Result { () throws(SteerError) -> (revision: String, commit: String) in
        let mirror: Repository
        let branch: String?
        let path = Self.mirror(of: member, in: mirrors)
        let isNew = !FileManager.default.fileExists(atPath: path)
        do throws(GitError) {
          mirror = try Repository.mirror(at: path)
          let fetched = try mirror.fetchMirror(from: member.repository)
          branch = fetched.defaultBranch
          movedTags = fetched.movedTags
        } catch {
          // A mirror that never received anything must not read as a member without that revision.
          if isNew { try? FileManager.default.removeItem(atPath: path) }
          throw SteerError(
            en: "federation member '\(name)' could not be fetched from \(member.repository): \(error.message)",
            fr:
              "le membre « \(name) » de la fédération n'a pas pu être récupéré depuis \(member.repository)\u{202F}: \(error.message)",
            hint: (
              en: "check the URL and that this machine may read it (`git ls-remote URL`)",
              fr: "vérifiez l'URL et que cette machine peut la lire (`git ls-remote URL`)"
            ))
        }
        guard branch != nil || member.revision != nil else {
          throw SteerError(
            en:
              "federation member '\(name)': \(member.repository) has no default branch (an empty repository, or its HEAD names no branch)",
            fr:
              "membre « \(name) » de la fédération : \(member.repository) n'a pas de branche par défaut (un dépôt vide, ou dont le HEAD ne désigne aucune branche)",
            hint: (
              en: "name a branch or tag in `revision`, or fetch again once the member has pushed its ledger",
              fr:
                "indiquez une branche ou une étiquette dans `revision`, ou récupérez-le de nouveau une fois son registre poussé"
            ))
        }
        let revision = member.revision ?? branch.map { String($0.dropFirst("refs/heads/".count)) } ?? "HEAD"
        guard let commit = try? mirror.commit(for: member.revision ?? "HEAD") else {
          throw SteerError(
            en: "federation member '\(name)': revision '\(revision)' does not exist in \(member.repository)",
            fr:
              "membre « \(name) » de la fédération : la révision « \(revision) » n'existe pas dans \(member.repository)",
            hint: (
              en: "name one of its branches, tags or commits in `revision`",
              fr: "indiquez l'une de ses branches, étiquettes ou l'un de ses commits dans `revision`"
            ))
        }
        return (revision, commit.id.description)
      }
      return FetchedMember(name: name, url: member.repository, outcome: outcome, movedTags: movedTags)
    }
  }

  /// What the federation adds to `steer check`: each member objective's `contributes_to` that
  /// names no objective here (`dangling-reference`), and with `members` each member's own
  /// findings; every path prefixed by the member's name (`commune-a:vision/objectives/x.md`).
  /// Also the bytes of their files, by the prefixed path, to quote their lines.
  func federationFindings(_ ledger: Ledger, _ members: [MemberLedger], members includeOwn: Bool) -> (
    findings: [Diagnostic], sources: [String: [UInt8]]
  ) {
    let say = Wording(language)
    let objectives = Set(ledger.objectives.map(\.id))
    var diagnostics: [Diagnostic] = []
    var sources: [String: [UInt8]] = [:]
    for member in members {
      let name = member.member.name.value
      func prefixed(_ file: String) -> String { "\(name):\(file)" }
      for objective in member.loaded.ledger.objectives {
        for contribution in objective.contributesTo where !objectives.contains(contribution.value) {
          let suggestion = Suggestion.closest(to: contribution.value, among: objectives.sorted())
          diagnostics.append(
            Diagnostic(
              Finding(
                rule: ReadingRule.danglingReference.rawValue, file: prefixed(objective.file),
                location: contribution.location, message: say.danglingContribution(contribution.value),
                hint: suggestion.map { say.didYouMean($0) } ?? say.danglingContributionHint(),
                fix: suggestion.map { Fix(.replace, $0) }), severity: .error))
        }
      }
      if includeOwn {
        let own = Checker(configuration: member.configuration).check(
          member.loaded.ledger, readingFindings: member.loaded.findings + member.configurationFindings)
        diagnostics += own.map { diagnostic in
          var finding = diagnostic.finding
          finding.file = prefixed(finding.file)
          finding.related = finding.related.map(prefixed)
          return Diagnostic(finding, severity: diagnostic.severity)
        }
      }
      for (file, bytes) in member.loaded.sources { sources[prefixed(file)] = bytes }
    }
    return (diagnostics, sources)
  }
}

extension Wording {
  fileprivate func danglingContribution(_ objective: String) -> String {
    self(
      en: "'contributes_to' names '\(objective)', but the federating ledger has no objective with that id",
      fr:
        "le champ « contributes_to » désigne « \(objective) », mais le registre fédérateur n'a aucun objectif de cet identifiant"
    )
  }

  fileprivate func danglingContributionHint() -> String {
    self(
      en: "use the id of one of the federating ledger's objectives",
      fr: "utilisez l'identifiant de l'un des objectifs du registre fédérateur")
  }
}

/// The federation as each commit of a federating ledger's history pinned it: `.steer.yaml` read
/// at that commit, each member at the revision it named then. A member's commit is read once,
/// however many snapshots pin it. Used on one thread (it keeps repository handles).
final class FederationHistory {
  private let region: Repository
  private let root: String
  private let mirrors: String
  private let language: Language
  private var repositories: [String: Repository] = [:]
  /// By member repository and commit: what the region's metrics and the history read of it.
  private var members: [String: (federated: FederatedMember, values: [String: Double])] = [:]

  init(region: Repository, root: String, language: Language) {
    self.region = region
    self.root = root
    mirrors = Session.mirrors(of: region)
    self.language = language
  }

  func state(at commit: Commit) throws(SteerError) -> FederationState {
    guard let file = try? commit.file(at: Configuration.fileName), let bytes = try? region.blobContents(file.id)
    else { return FederationState(contributed: [], members: []) }
    let federation = ConfigurationLoader.load(
      bytes, path: Configuration.fileName, knownRules: RuleCatalogue.knownRules, language: language
    ).0.federation
    var contributed: Set<String> = []
    var snapshots: [MemberSnapshot] = []
    for member in federation {
      let read: (federated: FederatedMember, values: [String: Double])
      let memberCommit: Commit
      do throws(SteerError) {
        let repository: Repository
        if let known = repositories[member.repository] {
          repository = known
        } else {
          repository = try Session.open(member, root: root, mirrors: mirrors)
          repositories[member.repository] = repository
        }
        memberCommit = try Session.commit(of: member, in: repository)
        let key = member.repository + "@" + memberCommit.id.description
        if let known = members[key] {
          read = known
        } else {
          let ledger = try Session.load(member, at: memberCommit, from: repository, language: language).loaded.ledger
          let metrics = LedgerMetrics(ledger)
          read = (
            FederatedMember(name: member.name.value, ledger: ledger),
            Dictionary(
              uniqueKeysWithValues: MetricRegistry.standard.gateable.compactMap { m in
                metrics.value(of: m).map { (m.id, $0) }
              })
          )
          members[key] = read
        }
      } catch {
        // Said with the region's commit whose pin could not be read.
        let at = String(commit.id.description.prefix(12))
        var error = error
        error.message = Localized(
          en: "at \(at) in the history, \(error.message.en)", fr: "à \(at) dans l'historique, \(error.message.fr)")
        throw error
      }
      contributed.formUnion(read.federated.contributions.map(\.objective))
      snapshots.append(
        MemberSnapshot(
          name: member.name.value, revision: member.revision, commit: memberCommit.id.description, values: read.values))
    }
    return FederationState(contributed: contributed, members: snapshots)
  }
}
