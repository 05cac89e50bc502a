import SteerModel

/// A member of a federation as the federating ledger's metrics and checks read it: what they
/// compute of its ledger at the pinned revision, which is all a region keeps of a member whose
/// pin did not move (`MemberDigest`).
public struct FederatedMember: Sendable {
  /// A member's live use case as the region counts it.
  public struct Share: Hashable, Sendable {
    public var id: String
    public var phase: Phase
    public var effort: Double

    public init(id: String, phase: Phase, effort: Double) {
      self.id = id
      self.phase = phase
      self.effort = effort
    }
  }

  public var name: String
  /// The member's live use cases, by id, each with every objective of the federating ledger it
  /// serves through a member objective's `contributes_to` (once per objective).
  public var contributions: [(objective: String, useCase: Share)]
  /// The unit of each of the member's indicators, by id (the first objective's that defines it).
  public var units: [String: String]
  /// The latest reading of each of the member's indicators that has one, by id.
  public var latest: [String: IndicatorProgress.Reading]
  /// False for a member that could not be read: it counts nowhere, but an indicator combined
  /// from the members knows that it left it out.
  public var isRead = true

  public init(
    name: String, contributions: [(objective: String, useCase: Share)], units: [String: String],
    latest: [String: IndicatorProgress.Reading]
  ) {
    self.name = name
    self.contributions = contributions
    self.units = units
    self.latest = latest
  }

  /// A member that could not be read.
  public init(unavailable name: String) {
    self.init(name: name, contributions: [], units: [:], latest: [:])
    isRead = false
  }

  public init(name: String, ledger: Ledger) {
    let contributing = Dictionary(
      ledger.objectives.map { ($0.id, $0.contributesTo.map(\.value)) }, uniquingKeysWith: { first, _ in first })
    var found: [(objective: String, useCase: Share)] = []
    for useCase in ledger.useCases.sorted(by: { $0.id < $1.id }) where useCase.phase != .abandoned {
      var served: [String] = []
      for objective in useCase.objectives {
        for target in contributing[objective.value] ?? [] where !served.contains(target) { served.append(target) }
      }
      let share = Share(id: useCase.id, phase: useCase.phase, effort: useCase.effort)
      found += served.map { ($0, share) }
    }
    let latest = LedgerMetrics.indicators(objectives: ledger.objectives, measurements: ledger.measurementsByIndicator)
      .compactMap { i in i.latest.map { (i.indicator, $0) } }
    self.init(
      name: name, contributions: found,
      units: Dictionary(
        ledger.objectives.flatMap(\.indicators).map { ($0.id.value, $0.unit) }, uniquingKeysWith: { first, _ in first }),
      latest: Dictionary(latest, uniquingKeysWith: { first, _ in first }))
  }
}

/// An indicator of the federating ledger computed `from_members`: the latest value of each
/// member's indicator of the same id, summed or averaged (docs/metrics.md, Federation).
public struct MemberValues: Hashable, Sendable {
  public struct Value: Hashable, Sendable {
    public var member: String
    public var value: Double
    public var date: CalendarDate
  }

  public var combination: MemberCombination
  /// The members whose indicator has a measurement, in the federation's order.
  public var values: [Value]
  /// The members without that indicator, or without a measurement of it.
  public var notMeasured: [String]
  /// The members that could not be read.
  public var unavailable: [String]

  init(_ indicator: String, _ combination: MemberCombination, members: [FederatedMember]) {
    self.combination = combination
    values = []
    notMeasured = []
    unavailable = []
    for member in members {
      if let latest = member.latest[indicator] {
        values.append(Value(member: member.name, value: latest.value, date: latest.date))
      } else if member.isRead {
        notMeasured.append(member.name)
      } else {
        unavailable.append(member.name)
      }
    }
  }

  /// How many members the federation has, read or not.
  public var members: Int { values.count + notMeasured.count + unavailable.count }

  /// A sum over part of the members: not the quantity the region's baseline and target measure,
  /// so neither its progress nor its forecast can be said. A mean over part of them estimates
  /// the same quantity on fewer members: it is kept, saying how many it covers.
  public var isPartialSum: Bool { combination == .sum && values.count < members }

  /// The combination as a measurement dated on the most recent of the members' values; nil
  /// when no member measured the indicator.
  public var combined: IndicatorProgress.Reading? {
    guard let date = values.map(\.date).max() else { return nil }
    let sum = values.reduce(0) { $0 + $1.value }
    let value = combination == .sum ? sum : sum / Double(values.count)
    return IndicatorProgress.Reading(value: value, date: date, file: Self.file)
  }

  /// What the combined measurement names as its file.
  public static let file = "federation"
}

extension LedgerMetrics {
  /// `objective_progress` and `coverage` of a federating ledger: an objective is also served by
  /// every member's live use case that serves a member objective contributing to it, named
  /// `member:usecase` (effort-weighted, the same phase values; each use case once per objective).
  mutating func countContributions(of members: [FederatedMember], to ledger: Ledger, active: ActiveObjectives) {
    // Objective → the members' use cases serving it, in the federation's order, then by id.
    var contributions: [String: [(id: String, useCase: FederatedMember.Share)]] = [:]
    for member in members {
      for (objective, useCase) in member.contributions {
        contributions[objective, default: []].append(("\(member.name):\(useCase.id)", useCase))
      }
    }
    for objective in ledger.objectives.map(\.id) {
      guard let theirs = contributions[objective] else { continue }
      var progress = useCases.objectiveProgress[objective] ?? Progress(value: nil, useCases: [], effort: 0)
      // The ledger's own use cases weigh their mean times their effort, as they were summed.
      var weighted = (progress.value ?? 0) * progress.effort
      for (id, useCase) in theirs {
        progress.useCases.append(id)
        progress.effort += useCase.effort
        weighted += useCase.effort * (useCase.phase.progress ?? 0)
      }
      progress.value = progress.effort > 0 ? weighted / progress.effort : nil
      useCases.objectiveProgress[objective] = progress
    }
    useCases.totals.serve(Set(contributions.keys), active: active)
    useCases.coverage = useCases.totals.coverage(of: active)
  }
}
