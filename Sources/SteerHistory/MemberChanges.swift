import SteerMetrics
import SteerModel

/// A federation member as one side of a diff pins it (ledger-format.md, Federation).
public struct MemberPin: Sendable {
  /// Its `name` in `.steer.yaml`.
  public var name: String
  /// The name people read (`FederationMember.title(territory:)`).
  public var title: String
  /// As pinned; nil for the member's HEAD.
  public var revision: String?
  /// The commit read; nil when the member could not be read on that side.
  public var commit: String?
  public var ledger: Ledger?

  public init(name: String, title: String, revision: String?, commit: String?, ledger: Ledger?) {
    self.name = name
    self.title = title
    self.revision = revision
    self.commit = commit
    self.ledger = ledger
  }

  /// What the federating ledger's metrics read of it; nil when it could not be read.
  public var federated: FederatedMember? { ledger.map { FederatedMember(name: name, ledger: $0) } }
}

extension LedgerDiff {
  /// What changed of one member: its pin (revision, commit, whether it could be read) and its
  /// use cases' phases.
  public struct MemberChange: Sendable {
    public struct Side: Hashable, Sendable {
      public var revision: String?
      /// Nil when the member could not be read.
      public var commit: String?
    }

    public var name: String
    public var title: String
    /// Nil when it was no member on that side.
    public var before: Side?
    public var after: Side?
    public var phaseMoves: [PhaseMove]
    /// The member's use cases' titles, by id, for `phaseMoves`.
    public var useCaseTitles: [String: String]

    public var pinMoved: Bool { before != after }
  }

  /// An objective whose progress changed (counting the members' use cases in a region).
  public struct ProgressChange: Sendable {
    public var objective: String
    public var before: Double?
    public var after: Double?
  }

  /// Each member whose pin moved or whose use cases changed phase, in the order the newer side
  /// names them, then those it no longer names.
  static func memberChanges(_ before: [MemberPin], _ after: [MemberPin]) -> [MemberChange] {
    let old = Ledger.byID(before, \.name)
    let names = Set(after.map(\.name))
    let pairs =
      after.map { (old[$0.name], Optional($0)) } + before.filter { !names.contains($0.name) }.map { ($0, nil) }
    return pairs.compactMap { was, now -> MemberChange? in
      guard let pin = now ?? was else { return nil }
      let moves: [PhaseMove]
      var titles: [String: String] = [:]
      if let oldLedger = was?.ledger, let newLedger = now?.ledger {
        let oldPhases = Dictionary(
          oldLedger.useCases.map { ($0.id, $0.phase) }, uniquingKeysWith: { first, _ in first })
        moves = newLedger.useCases.compactMap { useCase in
          guard let phase = oldPhases[useCase.id], phase != useCase.phase else { return nil }
          titles[useCase.id] = useCase.title
          return PhaseMove(useCase: useCase.id, from: phase, to: useCase.phase)
        }
      } else {
        moves = []
      }
      let change = MemberChange(
        name: pin.name, title: pin.title, before: was.map { .init(revision: $0.revision, commit: $0.commit) },
        after: now.map { .init(revision: $0.revision, commit: $0.commit) }, phaseMoves: moves, useCaseTitles: titles)
      return change.pinMoved || !moves.isEmpty ? change : nil
    }
  }

  static func progressChanges(_ before: LedgerMetrics, _ after: LedgerMetrics) -> [ProgressChange] {
    after.objectiveProgress.keys.sorted().compactMap { objective in
      let (was, now) = (before.objectiveProgress[objective]?.value, after.objectiveProgress[objective]?.value)
      guard before.objectiveProgress[objective] != nil, was != now else { return nil }
      return ProgressChange(objective: objective, before: was, after: now)
    }
  }
}
