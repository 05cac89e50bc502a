import Foundation
import SteerChecks
import SteerConcurrency
import SteerGit
import SteerHistory
import SteerLoading
import SteerMetrics
import SteerModel

extension MemberLedger {
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
    let mirrors = workspace.repository.map { FederationReader.mirrors(of: $0) }
    return { () throws(SteerError) in
      guard !federation.isEmpty else { return [] }
      guard let root else {
        throw SteerError(
          en: "a federation is read from a work tree: the repository is bare",
          fr: "une fédération se lit depuis une copie de travail : le dépôt est nu")
      }
      let results = federation.concurrentMap { member in
        Result { () throws(SteerError) in
          try FederationReader.read(
            member, root: root, mirrors: mirrors, knownRules: RuleCatalogue.knownRules, language: language)
        }
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

  /// What `steer federation fetch` did for one member given by URL.
  public struct FetchedMember: Sendable {
    public var name: String
    public var url: String
    /// The revision read (the member's `revision`, else its default branch) and the commit
    /// it now names; an error when the fetch or the revision failed.
    public var outcome: Result<(revision: String, commit: String), SteerError>
    /// The tags the member moved upstream: the mirror keeps the commits they named.
    public var movedTags: [Repository.MovedTag] = []

    /// The line saying what was fetched.
    public func text(_ say: Wording) -> String {
      guard case .success(let (revision, commit)) = outcome else { return "" }
      return say(
        en: "\(name): \(revision) (\(commit.prefix(12))), fetched from \(url)",
        fr: "\(name) : \(revision) (\(commit.prefix(12))), récupéré depuis \(url)")
    }

    /// Said when no member is given by URL: there is nothing to fetch.
    public static func noneByURL(_ say: Wording) -> String {
      say(
        en: "No member is given by URL: members given by a path are read in place.",
        fr: "Aucun membre n'est donné par une URL : les membres donnés par un chemin se lisent sur place.")
    }

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
    let mirrors = FederationReader.mirrors(of: try repository(for: "steer federation fetch"))
    return members.concurrentMap { member in
      let name = member.name.value
      var movedTags: [Repository.MovedTag] = []
      let outcome = Result { () throws(SteerError) -> (revision: String, commit: String) in
        let mirror: Repository
        let branch: String?
        let path = FederationReader.mirror(of: member, in: mirrors)
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

  /// `steer federation fetch` as the command line runs it: a line per member fetched, a
  /// warning per tag a member moved, and the error of each member that could not be fetched
  /// (exit 2).
  public func fetchOutcome(_ names: [String] = []) throws -> CommandOutcome {
    let say = Wording(language)
    let fetched = try fetchFederation(names)
    var outcome = CommandOutcome(language: language)
    if fetched.isEmpty { outcome.say(FetchedMember.noneByURL(say)) }
    for member in fetched {
      for tag in member.movedTags { outcome.warn(member.movedTagWarning(tag, say)) }
      switch member.outcome {
      case .success: outcome.say(member.text(say))
      case .failure(let error): outcome.fail(error)
      }
    }
    return outcome
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
