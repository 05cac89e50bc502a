import SteerLoading
import SteerMetrics
import SteerModel
import SteerOutput

/// `steer metrics`: the ledger's metrics, and its gates as met or not — none while reading
/// errors stand, as `steer check` says (one cause, one finding).
public struct MetricsResult: Sendable {
  public var metrics: LedgerMetrics
  public var gates: [GateStatus]
  /// Reading errors: the metrics leave out the documents they concern.
  public var readingErrors: Int
  /// The federation's members, each with its own figures (empty without a federation).
  public var members: [MemberMetrics] = []
  /// The members that could not be read, counted nowhere.
  public var unavailable: [UnavailablePeer] = []
}

extension Session {
  public func metrics() throws -> MetricsResult {
    let loaded = try loadLedger()
    let federated = try federationMembers()
    let metrics = LedgerMetrics(loaded.ledger, members: federated.federated)
    // As `steer check`: a `.steer.yaml` with errors may have lost a gate's or a member's entry,
    // so no gate is evaluated while it stands.
    let unreadable = Set((loaded.findings + configurationFindings).map(\.file)).count
    // Each member's figures exactly as `steer metrics --rev REV` computes them in its repository.
    let members = federated.members.map { member in
      let metrics = LedgerMetrics(member.loaded.ledger)
      return MemberMetrics(
        name: member.member.name.value, revision: member.member.revision, commit: member.commit, metrics: metrics,
        gates: member.loaded.findings.isEmpty ? GateStatus.evaluate(member.configuration, metrics) : [])
    }
    return MetricsResult(
      metrics: metrics, gates: unreadable > 0 ? [] : GateStatus.evaluate(configuration, metrics),
      readingErrors: unreadable, members: members,
      unavailable: federated.unavailable.map { peer in
        UnavailablePeer(
          name: peer.member.name.value, revision: peer.member.revision, reason: peer.reason.message(Wording(language)))
      })
  }
}
