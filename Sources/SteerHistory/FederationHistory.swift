import SteerChecks
import SteerGit
import SteerLoading
import SteerMetrics
import SteerModel

/// The federation as each commit of a federating ledger's history pinned it: `.steer.yaml` read
/// at that commit, each member at the revision it named then. A member's commit is read once,
/// however many snapshots pin it. Used on one thread (it keeps repository handles).
public final class FederationHistory {
  private let region: Repository
  private let root: String
  private let mirrors: String
  private let language: Language
  private var repositories: [String: Repository] = [:]
  /// By member repository and commit: what the region's metrics and the history read of it.
  private var members: [String: (federated: FederatedMember, values: [String: Double])] = [:]

  public init(region: Repository, root: String, language: Language) {
    self.region = region
    self.root = root
    mirrors = FederationReader.mirrors(of: region)
    self.language = language
  }

  /// The federation `commit` pinned; a member whose pin cannot be read is unavailable in it.
  public func state(at commit: Commit) -> FederationState {
    guard let bytes = ConfigurationLoader.bytes(at: commit, in: region) else {
      return FederationState(contributed: [], members: [])
    }
    let federation = ConfigurationLoader.configuration(bytes, knownRules: RuleCatalogue.knownRules, language: language)
      .0.federation
    var contributed: Set<String> = []
    var snapshots: [MemberSnapshot] = []
    for member in federation {
      let read: (federated: FederatedMember, values: [String: Double])
      let memberCommit: Commit
      do throws(SteerError) {
        (read, memberCommit) = try self.read(member)
      } catch {
        // A pin that can no longer be read (a tag since deleted) leaves the member out of that
        // snapshot, said, rather than failing the whole history.
        snapshots.append(
          MemberSnapshot(
            name: member.name.value, revision: member.revision, commit: "", values: [:], unavailable: error.message))
        continue
      }
      contributed.formUnion(read.federated.contributions.map(\.objective))
      snapshots.append(
        MemberSnapshot(
          name: member.name.value, revision: member.revision, commit: memberCommit.id.description, values: read.values))
    }
    return FederationState(contributed: contributed, members: snapshots)
  }

  /// The member at the revision it names, and its figures; each commit read once.
  private func read(_ member: FederationMember) throws(SteerError) -> (
    (federated: FederatedMember, values: [String: Double]), Commit
  ) {
    let repository: Repository
    if let known = repositories[member.repository] {
      repository = known
    } else {
      repository = try FederationReader.open(member, root: root, mirrors: mirrors)
      repositories[member.repository] = repository
    }
    let memberCommit = try FederationReader.commit(of: member, in: repository)
    let key = member.repository + "@" + memberCommit.id.description
    if let known = members[key] { return (known, memberCommit) }
    let ledger = try FederationReader.load(
      member, at: memberCommit, from: repository, knownRules: RuleCatalogue.knownRules, language: language
    ).ledger
    let metrics = LedgerMetrics(ledger)
    let read = (
      federated: FederatedMember(name: member.name.value, ledger: ledger),
      values: Dictionary(
        uniqueKeysWithValues: MetricRegistry.standard.gateable.compactMap { m in
          metrics.value(of: m).map { (m.id, $0) }
        })
    )
    members[key] = read
    return (read, memberCommit)
  }
}
