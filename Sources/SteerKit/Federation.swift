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
  public var federated: FederatedMember { digest.federated(name: member.name.value) }
}

/// A member that could not be read, and why: it counts nowhere, and shows as unavailable.
public struct UnavailableMember: Sendable {
  public var member: FederationMember
  public var reason: SteerError
}

/// The federation as read: the members that could be, and those that could not.
public struct FederationReading: Sendable {
  public var members: [MemberLedger] = []
  public var unavailable: [UnavailableMember] = []

  public init() {}

  /// What the federating ledger's metrics read of its members, those that could not be read
  /// included (they count nowhere, but a combination from the members says it left them out).
  public var federated: [FederatedMember] {
    members.map(\.federated) + unavailable.map { FederatedMember(unavailable: $0.member.name.value) }
  }
  /// The members with their documents: every member read when they were asked for
  /// (`Session.federationMembers(documents:)`).
  public var ledgers: [(member: MemberLedger, loaded: LoadedLedger)] {
    members.compactMap { member in member.loaded.map { (member, $0) } }
  }
  /// `federation-member`'s findings at the members' entries in `.steer.yaml`: an error for each
  /// member that cannot be read, a warning for each whose ledger has files it cannot read.
  public func memberFindings(_ configuration: Configuration, _ say: Wording) -> [Diagnostic] {
    let unreadable = members.map { ($0.member, $0.unreadableFiles, $0.digest.rowsLeftOut) }
    return FederationMemberRule.regraded(
      FederationMemberRule.findings(unavailable.map { ($0.member, $0.reason) }, say)
        + FederationMemberRule.findings(unreadable, say), by: configuration)
  }

  /// Each member as pinned, read or not: what `steer diff` compares (read with its documents).
  public var pins: [MemberPin] {
    ledgers.map {
      MemberPin(
        name: $0.member.member.name.value, title: $0.member.title, revision: $0.member.member.revision,
        commit: $0.member.commit, ledger: $0.loaded.ledger)
    }
      + unavailable.map {
        MemberPin(
          name: $0.member.name.value, title: $0.member.title ?? $0.member.name.value, revision: $0.member.revision,
          commit: nil, ledger: nil)
      }
  }
  public var isEmpty: Bool { members.isEmpty && unavailable.isEmpty }
}

extension Session {
  /// The members of `.steer.yaml`'s `federation`, each read from its repository's object
  /// database at its revision, never checked out; over the cores, each with a repository
  /// handle of its own. A member that cannot be read is reported (`federation-member`), not a
  /// stop: the committee still gets the others' figures.
  /// - Parameters:
  ///   - federation: the members to read, when not the session's configuration's (an editor's
  ///     unsaved `.steer.yaml`).
  ///   - documents: read each member's documents, not only what the region computes of it
  ///     (`MemberDigest`): for the figures each member shows of itself.
  public func federationMembers(_ federation: [FederationMember]? = nil, documents: Bool = true) throws(SteerError)
    -> FederationReading
  {
    try membersReader(federation, documents: documents)()
  }

  /// What reads the members, to run on any thread (the language server reads them off its
  /// message loop, so that typing in `.steer.yaml` never waits for them).
  public func membersReader(_ federation: [FederationMember]? = nil, documents: Bool = true)
    -> @Sendable () throws(SteerError) -> FederationReading
  {
    let federation = federation ?? configuration.federation
    let (root, language) = (workspace.root, language)
    let mirrors = workspace.repository.map { FederationReader.mirrors(of: $0) }
    let caches = workspace.repository.map { FederationReader.memberCaches(of: $0) }
    return { () throws(SteerError) in
      guard !federation.isEmpty else { return FederationReading() }
      guard let root else {
        throw SteerError(
          en: "a federation is read from a work tree: the repository is bare",
          fr: "une fédération se lit depuis une copie de travail : le dépôt est nu")
      }
      let results = federation.concurrentMap { member in
        Result { () throws(SteerError) in
          try FederationReader.read(
            member, root: root, mirrors: mirrors, caches: caches, documents: documents,
            knownRules: RuleCatalogue.knownRules, language: language)
        }
      }
      var reading = FederationReading()
      for (member, result) in zip(federation, results) {
        switch result {
        case .success(let read): reading.members.append(read)
        case .failure(let reason): reading.unavailable.append(UnavailableMember(member: member, reason: reason))
        }
      }
      return reading
    }
  }

  /// The federation as each commit of the history pinned it, for `HistoryReader`; nil in a bare
  /// repository, where members' paths mean nothing.
  func federationHistory(in repository: Repository) -> ((Commit) throws -> FederationState)? {
    guard let root = workspace.root else { return nil }
    let history = FederationHistory(region: repository, root: root, language: language)
    return { commit in history.state(at: commit) }
  }

  /// What the federation adds to `steer check` beyond `readingErrors`: the members' entries
  /// that cannot be read whole (`federation-member`), and with `members` each member's own
  /// findings; every path prefixed by the member's name (`commune-a:vision/objectives/x.md`).
  /// Also the bytes of the members' files that `findings` and `reading` stand in, by the
  /// prefixed path, to quote their lines.
  func federationFindings(_ federation: FederationReading, reading: [Finding], members includeOwn: Bool) -> (
    findings: [Diagnostic], sources: [String: [UInt8]]
  ) {
    var diagnostics = federation.memberFindings(configuration, Wording(language))
    var sources: [String: [UInt8]] = [:]
    for member in federation.members {
      let name = member.member.name.value
      func prefixed(_ file: String) -> String { "\(name):\(file)" }
      if includeOwn, let loaded = member.loaded {
        let own = Checker(configuration: member.configuration).check(
          loaded.ledger, readingFindings: loaded.findings + member.configurationFindings)
        diagnostics += own.map { diagnostic in
          var finding = diagnostic.finding
          finding.file = prefixed(finding.file)
          finding.related = finding.related.map(prefixed)
          return Diagnostic(finding, severity: diagnostic.severity)
        }
      }
      for (file, bytes) in member.loaded?.sources ?? [:] { sources[prefixed(file)] = bytes }
    }
    let quoted = Set((diagnostics.map(\.file) + reading.map(\.file)).filter { sources[$0] == nil })
    sources.merge(quotedMemberFiles(quoted, federation)) { have, _ in have }
    return (diagnostics, sources)
  }

  /// The reading errors found before the rules run, which `steer check` (rule `gate`), `metrics`,
  /// the summaries and the site all give the checker (which adds the reading rules' own, as
  /// `Checker.readingErrors` does for `metrics`): no gate is evaluated while any stands
  /// (docs/metrics.md, Gates). The ledger's and `.steer.yaml`'s (`own`), and each member
  /// objective's `contributes_to` that names no objective here (`members`:
  /// `dangling-reference` in the member's file, prefixed by its name).
  /// A member's own unreadable files are not among them: like a member that cannot be read,
  /// they make its figures incomplete (`federation-member`, a warning), not the region's ledger.
  func readingErrors(_ loaded: LoadedLedger, _ federation: FederationReading) -> (
    own: [Finding], members: [Finding]
  ) {
    let say = Wording(language)
    let objectives = Set(loaded.ledger.objectives.map(\.id))
    var dangling: [Finding] = []
    for member in federation.members {
      for objective in member.digest.contributing {
        for contribution in objective.contributesTo where !objectives.contains(contribution.value) {
          let suggestion = Suggestion.closest(to: contribution.value, among: objectives.sorted())
          dangling.append(
            Finding(
              rule: ReadingRule.danglingReference.rawValue, file: "\(member.member.name.value):\(objective.file)",
              location: contribution.location, message: say.danglingContribution(contribution.value),
              hint: suggestion.map { say.didYouMean($0) } ?? say.danglingContributionHint(),
              fix: suggestion.map { Fix(.replace, $0) }))
        }
      }
    }
    return (loaded.findings + configurationFindings, dangling)
  }

  /// The bytes of the members' files that findings stand in and that were not read this run
  /// (a member taken from its cache), by the prefixed path: only these are read from git.
  private func quotedMemberFiles(_ wanted: Set<String>, _ federation: FederationReading) -> [String: [UInt8]] {
    guard let root = workspace.root else { return [:] }
    let mirrors = workspace.repository.map { FederationReader.mirrors(of: $0) }
    var sources: [String: [UInt8]] = [:]
    for member in federation.members {
      let prefix = member.member.name.value + ":"
      let files = wanted.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
      guard !files.isEmpty else { continue }
      for (file, bytes) in FederationReader.files(files.sorted(), of: member, root: root, mirrors: mirrors) {
        sources[prefix + file] = bytes
      }
    }
    return sources
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
