import SteerChecks
import SteerGit
import SteerLoading
import SteerMetrics
import SteerModel

/// The ledger's metrics at one point of its history.
public struct Snapshot: Sendable {
  public func value(of metric: MetricDefinition) -> Double? { values[metric.id] }

  /// The iteration a tag names, or the commit's short id.
  public var label: String
  /// The iteration a tag names; nil for a snapshot at a commit, labelled by its short id.
  public var iteration: String? {
    label.count == Self.commitLabelLength && commit.hasPrefix(label) ? nil : label
  }
  /// How many hex digits of its commit label a snapshot that no tag names.
  static let commitLabelLength = 7
  public var commit: String
  public var date: CalendarDate
  public var documentCount: Int
  /// Each metric a gate may name, by id (docs/metrics.md's trend); the full breakdown is not kept,
  /// so that hundreds of snapshots of a large ledger stay small in memory.
  public var values: [String: Double]
  /// Commits that changed vision.md or objectives/ since the previous snapshot.
  public var visionChanges: [String]
  /// A federating ledger's members as that commit pinned them.
  public var members: [MemberSnapshot] = []
}

/// A federation member at one point of the federating ledger's history.
public struct MemberSnapshot: Sendable {
  public var name: String
  /// As pinned then; nil for the member's HEAD.
  public var revision: String?
  /// The commit read.
  public var commit: String
  /// The member's own metrics there that a gate may name, by id.
  public var values: [String: Double]
  /// Why the pin could not be read then (a tag since deleted): the member counts nowhere in
  /// that snapshot, with no commit and no values. Nil when it was read.
  public var unavailable: Localized?

  public init(
    name: String, revision: String?, commit: String, values: [String: Double], unavailable: Localized? = nil
  ) {
    self.name = name
    self.revision = revision
    self.commit = commit
    self.values = values
    self.unavailable = unavailable
  }
}

/// What a federating ledger's history needs of its members at one of its commits: the
/// objectives their contributing use cases serve, and each member as pinned then.
public struct FederationState: Sendable {
  public var contributed: Set<String>
  public var members: [MemberSnapshot]

  public init(contributed: Set<String>, members: [MemberSnapshot]) {
    self.contributed = contributed
    self.members = members
  }
}

/// How long a use case stayed in a phase, between the commits that moved it in and out.
public struct PhaseStay: Hashable, Sendable {
  public var phase: Phase
  public var entered: CalendarDate
  public var left: CalendarDate
  public var days: Int { left.daysSinceEpoch - entered.daysSinceEpoch }
}

public struct HistoryReport: Sendable {
  public var snapshots: [Snapshot]
  /// Use case id → its completed stays in each phase, oldest first.
  public var phaseLeadTimes: [String: [PhaseStay]]
  /// Whether the snapshots are iteration tags (else: commits that changed retros/).
  public var fromTags: Bool
  /// Documents parsed in all (each version of each file once), and documents read in all snapshots.
  public var parsedDocuments: Int
  public var snapshotDocuments: Int
  /// Document versions taken from the cache of an earlier run instead of being parsed.
  public var cachedDocuments: Int
  /// The iterations' and use cases' titles, by id, in the ledger at the last commit read: what
  /// people call what the snapshots and lead times name (an id that is gone has none).
  public var iterationTitles: [String: String] = [:]
  public var useCaseTitles: [String: String] = [:]
}

/// `steer history`: the metrics at each iteration tag (or each commit that changed
/// `retros/`), oldest first, read from the object database. The ledger is replayed commit by
/// commit, so a snapshot costs what changed since the previous one.
public enum HistoryReader {
  /// - Parameters:
  ///   - directory: the ledger directory, relative to the repository's root.
  ///   - head: the commit whose history is read (default: HEAD).
  ///   - federation: the federation as a commit of this repository pinned it (docs/metrics.md, Federation).
  public static func read(
    repository: Repository, directory: String, head: Commit? = nil,
    federation: ((Commit) throws -> FederationState)? = nil
  ) throws -> HistoryReport {
    let timeline = try Timeline(repository: repository, directory: directory, head: head)
    // Every version replayed is kept in the git directory: run again, the history decodes them
    // instead of parsing them (only documents are read from it, so any language's messages do).
    let location = DocumentCache.location(
      gitDirectory: timeline.repository.commonDirectory, ledgerDirectory: timeline.directory, language: .en,
      contents: .history)
    let replay = LedgerReplay(
      repository: timeline.repository, directory: timeline.directory,
      cache: DocumentCache.read(from: location.path, identity: location.identity))
    var tracker = MetricsTracker()
    var snapshots: [Snapshot] = []
    var snapshotDocuments = 0
    var previous = -1
    var leadTimes = PhaseLeadTimes()
    try replay.replay(timeline.history) { position, changes in
      for change in changes {
        tracker.replace(change.old, with: change.new)
        if case .useCase(let useCase)? = change.new { leadTimes.moved(useCase.id, to: useCase.phase) }
      }
      guard let labels = timeline.labels[position] else { return }
      let state = try federation?(timeline.history[position])
      let values = tracker.values(contributed: state?.contributed ?? [])
      for label in labels {
        var snapshot = try timeline.snapshot(
          label, at: position, after: previous, values: values, documents: replay.documentCount,
          recorded: tracker.recordedDate(iteration: timeline.fromTags ? label : nil))
        snapshot.members = state?.members ?? []
        snapshots.append(snapshot)
        snapshotDocuments += replay.documentCount
        previous = position
        // A phase change is dated as the snapshot that first holds it.
        leadTimes.date(snapshot.date)
      }
    }
    // Changes after the last snapshot: no snapshot holds them, their commit dates them.
    if let last = timeline.history.indices.last { leadTimes.date(timeline.date(at: last)) }
    replay.updatedCache?.write(to: location.path)
    let titles = tracker.titles
    return HistoryReport(
      snapshots: snapshots, phaseLeadTimes: leadTimes.stays, fromTags: timeline.fromTags,
      parsedDocuments: replay.parsed,
      snapshotDocuments: snapshotDocuments, cachedDocuments: replay.cached, iterationTitles: titles.iterations,
      useCaseTitles: titles.useCases)
  }

  /// The snapshots of the last `count` points of history, oldest first, replayed backwards from
  /// a ledger already read (the work tree's, or `commit`'s): only what changed since those
  /// points is read, so a summary shows the recent trend without the cost of all history.
  public static func recent(
    _ count: Int, from ledger: Ledger, at commit: Commit?, repository: Repository, directory: String,
    federation: ((Commit) throws -> FederationState)? = nil
  ) throws -> [Snapshot] {
    let timeline = try Timeline(repository: repository, directory: directory, head: commit)
    let all = timeline.labels.keys.sorted()
    let positions = Array(all.suffix(count))
    let replay = LedgerReplay(repository: timeline.repository, directory: timeline.directory)
    var tracker = MetricsTracker()
    for change in try replay.start(from: ledger, at: commit) { tracker.replace(nil, with: change.new) }
    var newestFirst: [[Snapshot]] = []
    try replay.replay(positions.reversed().map { timeline.history[$0] }) { step, changes in
      for change in changes { tracker.replace(change.old, with: change.new) }
      let index = all.count - 1 - step
      let state = try federation?(timeline.history[all[index]])
      let values = tracker.values(contributed: state?.contributed ?? [])
      var previous = index > 0 ? all[index - 1] : -1
      var here: [Snapshot] = []
      for label in timeline.labels[all[index]]! {
        var snapshot = try timeline.snapshot(
          label, at: all[index], after: previous, values: values, documents: replay.documentCount,
          recorded: tracker.recordedDate(iteration: timeline.fromTags ? label : nil))
        snapshot.members = state?.members ?? []
        here.append(snapshot)
        previous = all[index]
      }
      newestFirst.append(here)
    }
    return newestFirst.reversed().flatMap { $0 }
  }

}

/// Each use case's completed stays in its phases. A phase change waits for the date of the
/// snapshot that first holds it; several changes of one use case before that count as the last.
private struct PhaseLeadTimes {
  private(set) var stays: [String: [PhaseStay]] = [:]
  private var current: [String: (phase: Phase, since: CalendarDate)] = [:]
  private var pending: [String: Phase] = [:]
  private var order: [String] = []

  mutating func moved(_ useCase: String, to phase: Phase) {
    if pending.updateValue(phase, forKey: useCase) == nil { order.append(useCase) }
  }

  mutating func date(_ date: CalendarDate) {
    for useCase in order {
      let phase = pending[useCase]!
      if let before = current[useCase] {
        guard before.phase != phase else { continue }
        stays[useCase, default: []].append(PhaseStay(phase: before.phase, entered: before.since, left: date))
      }
      current[useCase] = (phase, date)
    }
    pending = [:]
    order = []
  }
}

/// The commits of a repository, oldest first, and the points of its history that get a
/// snapshot: the iteration tags, or else the commits that changed `retros/`.
private struct Timeline {
  let repository: Repository
  let directory: String
  let history: [Commit]
  let infos: [CommitInfo]
  /// Position in `history` → the labels of the points there, in order.
  let labels: [Int: [String]]
  let fromTags: Bool
  private let position: [ObjectID: Int]
  private let prefix: String

  init(repository: Repository, directory: String, head: Commit?) throws {
    self.repository = repository
    self.directory = directory
    prefix = directory.isEmpty ? "" : directory + "/"
    history = try repository.log(from: head?.id).reversed().map { $0 }
    infos = history.map(\.info)
    position = Dictionary(history.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

    var points: [(label: String, position: Int)] = []
    for (name, commit) in try repository.tags(matching: IterationTag.prefix + "*") {
      if let at = position[commit.id] { points.append((String(name.dropFirst(IterationTag.prefix.count)), at)) }
    }
    fromTags = !points.isEmpty
    if !fromTags {
      for index in history.indices where try Self.changed(prefix + "retros", at: index, history, infos, position) {
        points.append((String(infos[index].id.description.prefix(Snapshot.commitLabelLength)), index))
      }
    }
    // A commit that moves a member's pin changes a region's figures: it is a snapshot too.
    for index in history.indices where !points.contains(where: { $0.position == index }) {
      guard try Self.changed(Configuration.fileName, at: index, history, infos, position) else { continue }
      var parent: Commit?
      if let first = infos[index].parents.first, let at = position[first] { parent = history[at] }
      if Self.pins(at: history[index], in: repository) != Self.pins(at: parent, in: repository) {
        points.append((String(infos[index].id.description.prefix(Snapshot.commitLabelLength)), index))
      }
    }
    labels = Dictionary(grouping: points.sorted { ($0.position, $0.label) < ($1.position, $1.label) }, by: \.position)
      .mapValues { $0.map(\.label) }
  }

  func date(at position: Int) -> CalendarDate { CalendarDate(epochSeconds: infos[position].time) }

  /// The snapshot at `position`; its vision changes are the commits after `previous` (a position,
  /// or -1 for the start of history) that changed vision.md or objectives/.
  /// `recorded`: the date of what the snapshot records; the commit's date without one.
  func snapshot(
    _ label: String, at position: Int, after previous: Int, values: [String: Double], documents: Int,
    recorded: CalendarDate?
  ) throws -> Snapshot {
    var visionChanges: [String] = []
    if previous < position {
      for index in (previous + 1)...position
      where try changed(prefix + DocumentKind.visionFileName, at: index) || changed(prefix + "objectives", at: index) {
        visionChanges.append(infos[index].id.description)
      }
    }
    return Snapshot(
      label: label, commit: infos[position].id.description, date: recorded ?? date(at: position),
      documentCount: documents,
      values: values, visionChanges: visionChanges)
  }

  /// Whether the commit at `index` changed `path`, compared with its first parent.
  private func changed(_ path: String, at index: Int) throws -> Bool {
    try Self.changed(path, at: index, history, infos, position)
  }

  /// The federation's members as `.steer.yaml` pins them at `commit`: what moves a region's figures.
  private static func pins(at commit: Commit?, in repository: Repository) -> [[String]] {
    guard let commit, let bytes = ConfigurationLoader.bytes(at: commit, in: repository) else { return [] }
    return ConfigurationLoader.configuration(bytes, knownRules: RuleCatalogue.knownRules, language: .en).0.federation
      .map { [$0.name.value, $0.repository, $0.revision ?? "", $0.ledger ?? ""] }
  }

  private static func changed(
    _ path: String, at index: Int, _ history: [Commit], _ infos: [CommitInfo], _ position: [ObjectID: Int]
  ) throws -> Bool {
    let here = try history[index].entryID(at: path)
    guard let parent = infos[index].parents.first, let before = position[parent] else { return here != nil }
    return try history[before].entryID(at: path) != here
  }
}
