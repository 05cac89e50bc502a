import Foundation
import SteerConcurrency
import SteerGit
import SteerLoading
import SteerModel

extension Session {
  /// How long `steer federation fetch` waits for a connection, or for a read or a write to
  /// progress, before it gives up on a member: seconds.
  public static let defaultFetchTimeout = 60

  /// What `steer federation fetch` did for one member.
  public struct FetchedMember: Sendable {
    public var name: String
    /// The member's `repository`: a URL, or a path for a member named that needs no fetch.
    public var url: String
    /// The revision read (the member's `revision`, else its default branch) and the commit
    /// it now names; nil for a member given by a path, which needs no fetch; an error when the
    /// fetch or the revision failed.
    public var outcome: Result<(revision: String, commit: String)?, SteerError>
    /// The tags the member moved upstream: the mirror keeps the commits they named.
    public var movedTags: [Repository.MovedTag] = []

    /// The line saying what was fetched, or that a member given by a path needs no fetch.
    public func text(_ say: Wording) -> String {
      guard case .success(let fetched) = outcome else { return "" }
      guard let (revision, commit) = fetched else {
        return say(
          en: "\(name) is given by a path (\(url)): it is read in place and needs no fetch",
          fr: "\(name) est donné par un chemin (\(url)) : il se lit sur place et n'a pas besoin d'être récupéré")
      }
      return say(
        en: "\(name): \(revision) (\(commit.prefix(12))), fetched from \(url)",
        fr: "\(name) : \(revision) (\(commit.prefix(12))), récupéré depuis \(url)")
    }

    /// Said when `.steer.yaml` names no member at all: there is nothing to fetch, and how a
    /// region declares its members.
    public static func noMembers(_ say: Wording) -> String {
      say(
        en:
          "This ledger federates no member: \(Configuration.fileName) has no `federation:` list. A region names its communes' ledgers there, each with a `name` and a `repository` (a path, or a git URL to fetch); see README, \"Federation\".",
        fr:
          "Ce registre ne fédère aucun membre : \(Configuration.fileName) n'a pas de liste `federation:`. Une région y nomme les registres de ses communes, chacun avec un `name` et un `repository` (un chemin, ou une URL git à récupérer) ; voir le README, « Federation »."
      )
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
  /// path are read in place and need no fetch: one that `names` lists is said so. A connection,
  /// a read or a write that makes no progress for `timeout` seconds fails that member.
  public func fetchFederation(_ names: [String] = [], timeout: Int = defaultFetchTimeout) throws(SteerError)
    -> [FetchedMember]
  {
    try Download.validate(timeout: timeout)
    let known = configuration.federation.map(\.name.value)
    if known.isEmpty, let first = names.first {
      throw SteerError(
        en:
          "'\(first)' is not a member: this ledger federates none (\(Configuration.fileName) has no `federation:` list)",
        fr:
          "« \(first) » n'est pas membre : ce registre n'en fédère aucun (\(Configuration.fileName) n'a pas de liste `federation:`)",
        hint: (
          en: "name the members in `federation:`, each with a `name` and a `repository` (README, \"Federation\")",
          fr: "nommez les membres dans `federation:`, chacun avec un `name` et un `repository` (README, « Federation »)"
        ))
    }
    if let unknown = names.first(where: { !known.contains($0) }) {
      throw SteerError(
        en: "'\(unknown)' is not a member of the federation in \(Configuration.fileName)",
        fr: "« \(unknown) » n'est pas membre de la fédération de \(Configuration.fileName)",
        hint: Suggestion.closest(to: unknown, among: known).map {
          (en: "did you mean '\($0)'?", fr: "vouliez-vous dire « \($0) » ?")
        }
      )
    }
    let named = configuration.federation.filter { names.isEmpty || names.contains($0.name.value) }
    let paths = names.isEmpty ? [] : named.filter { !$0.isRemote }
    let members = named.filter(\.isRemote)
    let inPlace = paths.map { FetchedMember(name: $0.name.value, url: $0.repository, outcome: .success(nil)) }
    guard !members.isEmpty else { return inPlace }
    let mirrors = FederationReader.mirrors(of: try repository(for: "steer federation fetch"))
    return inPlace
      + members.concurrentMap { member in
        var movedTags: [Repository.MovedTag] = []
        let outcome = Result { () throws(SteerError) -> (revision: String, commit: String)? in
          try Self.fetch(member, into: FederationReader.mirror(of: member, in: mirrors), timeout: timeout, &movedTags)
        }
        return FetchedMember(name: member.name.value, url: member.repository, outcome: outcome, movedTags: movedTags)
      }
  }

  /// Fetches `member` into its mirror at `path`; the revision it reads and its commit.
  private static func fetch(
    _ member: FederationMember, into path: String, timeout: Int, _ movedTags: inout [Repository.MovedTag]
  ) throws(SteerError) -> (revision: String, commit: String) {
    let name = member.name.value
    let mirror: Repository
    let branch: String?
    let isNew = !FileManager.default.fileExists(atPath: path)
    do throws(GitError) {
      mirror = try Repository.mirror(at: path)
      let fetched = try mirror.fetchMirror(from: member.repository, timeout: timeout)
      branch = fetched.defaultBranch
      movedTags = fetched.movedTags
    } catch {
      // A mirror that never received anything must not read as a member without that revision.
      if isNew { try? FileManager.default.removeItem(atPath: path) }
      throw fetchError(name, member.repository, error)
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

  /// A failed fetch, naming the member and the cause in the reader's language: libgit2's own
  /// English text only in the English message, when Steer cannot name the cause.
  private static func fetchError(_ name: String, _ url: String, _ error: GitError) -> SteerError {
    let checkURL = (
      en: "check the URL and that this machine may read it (`git ls-remote \(url)`)",
      fr: French("vérifiez l'URL et que cette machine peut la lire (`git ls-remote \(url)`)")
    )
    guard let failure = error.failure else {
      return SteerError(
        en: "federation member '\(name)' could not be fetched from \(url): \(error.message)",
        fr: "le membre « \(name) » de la fédération n'a pas pu être récupéré depuis \(url)",
        hint: (en: checkURL.en, fr: "`git ls-remote \(url)` en dit la cause"))
    }
    let cause = failure.cause
    return SteerError(
      en: "federation member '\(name)' could not be fetched from \(url): \(cause.en)",
      fr: "le membre « \(name) » de la fédération n'a pas pu être récupéré depuis \(url) : \(cause.fr.text)",
      hint: failure.hint ?? checkURL)
  }
}

extension FetchFailure {
  /// What went wrong, in both languages.
  fileprivate var cause: (en: String, fr: French) {
    switch self {
    case .unknownHost(let host):
      (
        "the host '\(host)' is unknown: its name does not resolve",
        "l'hôte « \(host) » est inconnu : son nom ne se résout pas"
      )
    case .connectionRefused: ("the server refused the connection", "le serveur a refusé la connexion")
    case .timedOut(let seconds):
      ("the server did not answer within \(seconds) s", "le serveur n'a pas répondu en \(seconds)\u{A0}s")
    case .unreachable: ("the host cannot be reached from this machine", "l'hôte est injoignable depuis cette machine")
    case .connectionLost:
      ("the server closed the connection midway", "le serveur a coupé la connexion en cours de route")
    case .notFound: ("there is no repository at that URL", "il n'y a pas de dépôt à cette URL")
    case .authenticationRequired:
      (
        "the server asks for credentials, which Steer never gives",
        "le serveur demande une authentification, que Steer ne fournit jamais"
      )
    case .secureConnection:
      (
        "the secure connection failed (TLS, or the server's certificate)",
        "la connexion sécurisée a échoué (TLS, ou le certificat du serveur)"
      )
    }
  }

  /// What to do about it, when it is not checking the URL.
  fileprivate var hint: (en: String, fr: French)? {
    switch self {
    case .timedOut:
      (
        "try again later, or give it more time with `--timeout SECONDS`",
        "réessayez plus tard, ou laissez-lui plus de temps avec `--timeout SECONDES`"
      )
    case .authenticationRequired:
      (
        "clone it beside the region's repository with git and name its path in `repository`",
        "clonez-le avec git à côté du dépôt de la région et indiquez son chemin dans `repository`"
      )
    default: nil
    }
  }
}

extension Session {
  /// `steer federation fetch` as the command line runs it: a line per member fetched (or said
  /// to need no fetch), a warning per tag a member moved, and the error of each member that
  /// could not be fetched (exit 2).
  public func fetchOutcome(_ names: [String] = [], timeout: Int = defaultFetchTimeout) throws -> CommandOutcome {
    let say = Wording(language)
    let fetched = try fetchFederation(names, timeout: timeout)
    var outcome = CommandOutcome(language: language)
    if fetched.isEmpty {
      outcome.say(configuration.federation.isEmpty ? FetchedMember.noMembers(say) : FetchedMember.noneByURL(say))
    }
    for member in fetched {
      for tag in member.movedTags { outcome.warn(member.movedTagWarning(tag, say)) }
      switch member.outcome {
      case .success: outcome.say(member.text(say))
      case .failure(let error): outcome.fail(error)
      }
    }
    return outcome
  }
}
