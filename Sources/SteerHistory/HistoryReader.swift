import SteerChecks
import SteerGit
import SteerLoading
import SteerMetrics
import SteerModel

/// The ledger's metrics at one point of its history.
public struct Snapshot: Sendable {
  public func value(of metric: MetricName) -> Double? { values[metric] }

  /// The iteration a tag names, or the commit's short id.
  public var label: String
  public var commit: String
  public var date: CalendarDate
  public var documentCount: Int
  /// Each single-number metric (metrics.md's trend); the full breakdown is not kept, so that
  /// hundreds of snapshots of a large ledger stay small in memory.
  public var values: [MetricName: Double]
  /// Commits that changed vision.md or objectives/ since the previous snapshot.
  public var visionChanges: [String]
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
}

/// `steer history`: the metrics at each iteration tag (or each commit that changed
/// `retros/`), oldest first, read from the object database. The ledger is replayed commit by
/// commit, so a snapshot costs what changed since the previous one.
public enum HistoryReader {
  public static func read(currentDirectory: String? = nil) throws -> HistoryReport {
    let workspace = try Workspace(currentDirectory: currentDirectory)
    guard let repository = workspace.repository else {
      throw SteerError("the history is read from git, and this is not a git repository")
    }
    let (configuration, _, _) = try workspace.configuration(knownRules: RuleCatalogue.knownRules)
    let directory = try workspace.ledgerDirectory(argument: nil, configuration: configuration)
    let prefix = directory.isEmpty ? "" : directory + "/"
    let history = try repository.log().reversed().map { $0 }  // oldest first
    let infos = history.map(\.info)

    let position = Dictionary(history.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    // Whether a commit changed a path, by comparing tree entries with its first parent's.
    func changed(_ path: String, at index: Int) throws -> Bool {
      let here = try history[index].entryID(at: path)
      guard let parent = infos[index].parents.first, let before = position[parent] else { return here != nil }
      return try history[before].entryID(at: path) != here
    }

    var points: [(label: String, position: Int)] = []
    let tags = try repository.tags(matching: RetroRecorder.tagPrefix + "*")
    for (name, commit) in tags {
      if let at = position[commit.id] { points.append((String(name.dropFirst(RetroRecorder.tagPrefix.count)), at)) }
    }
    let fromTags = !points.isEmpty
    if !fromTags {
      for index in history.indices where try changed(prefix + "retros", at: index) {
        points.append((String(infos[index].id.description.prefix(7)), index))
      }
    }
    points.sort { ($0.position, $0.label) < ($1.position, $1.label) }

    // One replay over every commit, oldest first: each reads only the documents that changed,
    // and the metrics recompute only what those documents feed.
    let replay = LedgerReplay(repository: repository, directory: directory)
    var tracker = MetricsTracker()
    var labels: [Int: [String]] = [:]
    for (label, at) in points { labels[at, default: []].append(label) }
    var snapshots: [Snapshot] = []
    var snapshotDocuments = 0
    var visionChanges: [String] = []
    // Phase lead times: the phase each use case is in, and since when.
    var current: [String: (phase: Phase, since: CalendarDate)] = [:]
    var stays: [String: [PhaseStay]] = [:]
    try replay.replay(history) { position, changes in
      let date = day(infos[position].time)
      if changes.contains(where: { $0.kind == .vision || $0.kind == .objective }) {
        visionChanges.append(infos[position].id.description)
      }
      for change in changes {
        tracker.replace(change.old, with: change.new)
        guard case .useCase(let useCase)? = change.new else { continue }
        if let before = current[useCase.id], before.phase == useCase.phase { continue }
        if let before = current[useCase.id] {
          stays[useCase.id, default: []].append(PhaseStay(phase: before.phase, entered: before.since, left: date))
        }
        current[useCase.id] = (useCase.phase, date)
      }
      guard let names = labels[position] else { return }
      let values = tracker.values()
      for label in names {
        snapshots.append(
          Snapshot(
            label: label, commit: infos[position].id.description, date: date, documentCount: replay.documentCount,
            values: values, visionChanges: visionChanges))
        snapshotDocuments += replay.documentCount
        visionChanges = []
      }
    }
    return HistoryReport(
      snapshots: snapshots, phaseLeadTimes: stays, fromTags: fromTags, parsedDocuments: replay.parsed,
      snapshotDocuments: snapshotDocuments)
  }

  static func day(_ time: Int64) -> CalendarDate {
    CalendarDate(daysSinceEpoch: Int((Double(time) / 86_400).rounded(.down)))
  }
}
