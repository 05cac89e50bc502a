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
/// `retros/`), oldest first, read from the object database. Listings are cached by tree id
/// and parsed documents by blob id, so a snapshot costs what changed since the previous one.
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

    // Which commits touched what, by comparing tree entries with the first parent.
    func changed(_ path: String, at position: Int) throws -> Bool {
      let here = try history[position].entryID(at: path)
      guard let parent = infos[position].parents.first,
        let before = history[..<position].lastIndex(where: { $0.id == parent })
      else { return here != nil }
      return try history[before].entryID(at: path) != here
    }

    var points: [(label: String, position: Int)] = []
    let tags = try repository.tags(matching: RetroRecorder.tagPrefix + "*")
    let position = Dictionary(history.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
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

    let listings = TreeListingCache()
    let documents = DocumentCache()
    var snapshots: [Snapshot] = []
    var snapshotDocuments = 0
    var previous = -1
    for (label, at) in points {
      listings.nextGeneration()
      documents.nextGeneration()
      let loaded = try Workspace.loadLedger(at: directory, in: history[at], listings: listings, documents: documents)
      snapshotDocuments += loaded.ledger.documentPaths.count
      var visionChanges: [String] = []
      if previous < at {
        for index in (previous + 1)...at
        where try changed(prefix + DocumentKind.visionFileName, at: index) || changed(prefix + "objectives", at: index)
        {
          visionChanges.append(infos[index].id.description)
        }
      }
      previous = max(previous, at)
      snapshots.append(
        Snapshot(
          label: label, commit: infos[at].id.description, date: day(infos[at].time),
          documentCount: loaded.ledger.documentPaths.count, values: Self.values(LedgerMetrics(loaded.ledger)),
          visionChanges: visionChanges))
    }

    // Phase lead times: replay the commits that changed usecases/, oldest first, with caches
    // of their own (the snapshots left them at the newest revision).
    let useCaseListings = TreeListingCache()
    let useCaseDocuments = DocumentCache()
    var current: [String: (phase: Phase, since: CalendarDate)] = [:]
    var stays: [String: [PhaseStay]] = [:]
    for index in history.indices where try changed(prefix + "usecases", at: index) {
      let date = day(infos[index].time)
      useCaseListings.nextGeneration()
      useCaseDocuments.nextGeneration()
      let useCases = try Workspace.loadLedger(
        at: directory, in: history[index], listings: useCaseListings, documents: useCaseDocuments, only: .usecase
      ).ledger.useCases
      for useCase in useCases {
        if let before = current[useCase.id], before.phase == useCase.phase { continue }
        if let before = current[useCase.id] {
          stays[useCase.id, default: []].append(PhaseStay(phase: before.phase, entered: before.since, left: date))
        }
        current[useCase.id] = (useCase.phase, date)
      }
    }
    return HistoryReport(
      snapshots: snapshots, phaseLeadTimes: stays, fromTags: fromTags, parsedDocuments: documents.parsed,
      snapshotDocuments: snapshotDocuments)
  }

  static func values(_ metrics: LedgerMetrics) -> [MetricName: Double] {
    var values: [MetricName: Double] = [:]
    for metric in MetricName.allCases { values[metric] = metrics.value(of: metric) }
    return values
  }

  static func day(_ time: Int64) -> CalendarDate {
    CalendarDate(daysSinceEpoch: Int((Double(time) / 86_400).rounded(.down)))
  }
}
