import SteerModel

/// A share: what counted over what could count, with the ids on each side so that a
/// summary can say which use cases, objectives or stakeholders made the number.
public struct Ratio: Hashable, Sendable {
  /// Nil when the denominator is 0 (docs/metrics.md's "undefined when").
  public var value: Double?
  public var numerator: Double
  public var denominator: Double
  /// The ids counted in the numerator.
  public var counted: [String]
  /// The ids counted only in the denominator.
  public var notCounted: [String]

  init(counted: [(String, Double)], notCounted: [(String, Double)]) {
    self.init(
      counted: counted.map(\.0), notCounted: notCounted.map(\.0),
      weights: RatioWeights(counted: counted.reduce(0) { $0 + $1.1 }, notCounted: notCounted.reduce(0) { $0 + $1.1 }))
  }

  init(counted: [String], notCounted: [String], weights: RatioWeights) {
    numerator = weights.counted
    denominator = weights.counted + weights.notCounted
    value = weights.value
    self.counted = counted.sorted()
    self.notCounted = notCounted.sorted()
  }

  /// What its two sides weigh.
  var weights: RatioWeights { RatioWeights(counted: numerator, notCounted: denominator - numerator) }
}

/// What a ratio's two sides weigh, summed in one order by whoever computes them.
struct RatioWeights: Hashable, Sendable {
  var counted = 0.0
  var notCounted = 0.0

  /// Nil when nothing could count.
  var value: Double? {
    let denominator = counted + notCounted
    return denominator > 0 ? counted / denominator : nil
  }
}

public struct Concordance: Hashable, Sendable {
  public var value: Double?
  /// W without the tie correction, for reference.
  public var uncorrected: Double?
  /// The stakeholders who state at least one priority on an active objective, by id.
  public var raters: [String]
  /// The active objectives, by id.
  public var objectives: [String]
  /// Objective id → the sum of its ranks over the raters (rank 1 = highest weight).
  public var rankSums: [String: Double]
  public var s: Double
  public var ties: Double
}

public struct StakeholderAgreement: Hashable, Sendable {
  public struct Entry: Hashable, Sendable {
    public var stakeholder: String
    public var group: StakeholderGroup
    /// Spearman ρ with the mean ranking of the other raters; nil for a stakeholder who states no
    /// priority, or when either ranking has zero variance.
    public var value: Double?
  }

  public var entries: [Entry]
  /// The stakeholders with the lowest agreement, lowest first (at most three).
  public var leastAligned: [String]
  /// Group → the mean agreement of its stakeholders who have one.
  public var byGroup: [StakeholderGroup: Double]
}

public struct PortfolioFit: Hashable, Sendable {
  public var value: Double?
  /// p: objective → shared priority (each rater normalised to 1, then averaged).
  public var sharedPriorities: [String: Double]
  /// q: objective → share of the effort of live, not-yet-scaled use cases.
  public var effortShares: [String: Double]
}

public struct Transversality: Hashable, Sendable {
  public var value: Double?
  /// Use case id → distinct stakeholder groups among its workshops' participants.
  public var groupsByUseCase: [String: Int]
}

/// An effort-weighted mean of phase progress.
public struct Progress: Hashable, Sendable {
  public var value: Double?
  public var useCases: [String]
  public var effort: Double
}

public struct IndicatorProgress: Hashable, Sendable {
  public struct Reading: Hashable, Sendable {
    public var value: Double
    public var date: CalendarDate
    public var file: String

    public init(value: Double, date: CalendarDate, file: String) {
      self.value = value
      self.date = date
      self.file = file
    }
  }

  public struct Forecast: Hashable, Sendable {
    /// The value of the least-squares line on the target date.
    public var value: Double
    public var progress: Double?
    /// Whether the line reaches the target by the target date.
    public var onTrack: Bool?
    /// When the line reaches the target, if it ever does.
    public var reachesTargetOn: CalendarDate?
    public var points: Int
  }

  /// The indicator as the objective defines it (baseline, target, dates, direction, unit).
  public var definition: Indicator
  public var objective: String
  public var indicator: String { definition.id.value }
  /// The latest measurement, if any.
  public var latest: Reading?
  /// (latest − baseline) ÷ (target − baseline), not clamped.
  public var value: Double?
  public var forecast: Forecast?
  /// Its measurements, the members' combination included.
  public var measurements: Int
  /// For an indicator computed `from_members`: each member's latest value and their combination.
  public var fromMembers: MemberValues?
}

public struct SayDo: Hashable, Sendable {
  /// The iteration, or nil for the overall figure.
  public var iteration: String?
  public var value: Double?
  public var items: Int
  /// Use cases delivered at or beyond the planned phase.
  public var delivered: [String]
  /// Use cases planned but not delivered that far.
  public var missed: [String]
}

public struct RolloutReach: Hashable, Sendable {
  /// 1-based index of the last step with a deployed or scaled use case; 0 when none; nil
  /// without a rollout.
  public var value: Int?
  public var step: String?
}

public struct OverdueAction: Hashable, Sendable {
  public var text: String
  public var owner: String
  public var due: String
  /// The retrospective that decided it.
  public var retro: String
}

public struct RecurringLesson: Hashable, Sendable {
  public var tag: String
  /// The iterations whose retrospectives carry the tag.
  public var retros: [String]
}

/// Every metric of docs/metrics.md (Alignment, Progress, Learning), computed from one ledger.
public struct LedgerMetrics: Hashable, Sendable {
  /// The groups that compute the metrics, each with the ids that make its numbers.
  var useCases: UseCaseMetrics
  var stakeholders: StakeholderMetrics
  var learning: LearningMetrics
  var rollout: [RolloutStep]?

  // Alignment
  public var traceability: Ratio { useCases.traceability }
  public var coverage: Ratio { useCases.coverage }
  public var concordance: Concordance { stakeholders.concordance }
  public var stakeholderAgreement: StakeholderAgreement { stakeholders.agreement }
  public var portfolioFit: PortfolioFit {
    PortfolioFit(
      value: numbers.portfolioFit,
      sharedPriorities: Dictionary(
        uniqueKeysWithValues: zip(stakeholders.activeObjectives, stakeholders.sharedPriorities)),
      effortShares: Dictionary(
        uniqueKeysWithValues: zip(useCases.activeObjectives, useCases.totals.effortShares ?? useCases.totals.effort)))
  }
  public var endorsement: Ratio { stakeholders.endorsement }
  public var groupEndorsement: Ratio { stakeholders.groupEndorsement }
  public var coConstruction: Ratio { useCases.coConstruction }
  public var transversality: Transversality { useCases.transversality }
  // Progress
  /// Each use case's phase progress (nil when abandoned), sorted by id.
  public var phaseProgress: [UseCaseProgress] { useCases.phaseProgress }
  public var objectiveProgress: [String: Progress] { useCases.objectiveProgress }
  public var progress: Progress { useCases.progress }
  public var indicators: [IndicatorProgress]
  /// One per closed iteration, in roadmap order.
  public var sayDoByIteration: [SayDo] { learning.sayDoByIteration }
  public var sayDo: SayDo { learning.sayDo }
  public var rolloutReach: RolloutReach { useCases.rolloutReach }
  /// Live use cases per phase (abandoned ones under `.abandoned`).
  public var phaseCounts: [Phase: Int] { useCases.phaseCounts }
  // Learning
  public var retroCoverage: Ratio { learning.retroCoverage }
  public var actionClosure: Ratio { learning.actionClosure }
  public var overdueActions: [OverdueAction] { learning.overdueActions }
  public var recurringLessons: [RecurringLesson] { learning.recurringLessons }
  /// Accepted decisions prepared in a workshop ÷ accepted decisions.
  public var decisionCoconstruction: Ratio

  /// The totals the single-number metrics are read from.
  var numbers: MetricNumbers {
    MetricNumbers(
      useCases: useCases.totals, stakeholders: stakeholders, learning: learning.totals, rollout: rollout,
      decisions: decisionCoconstruction.weights)
  }

  /// A single-number metric's value.
  public func value(of metric: MetricDefinition) -> Double? { metric.value(in: self) }
}

public struct UseCaseProgress: Hashable, Sendable {
  public var useCase: String
  public var value: Double?
}

extension Phase {
  /// analysis 0, ideation 0.2, prototype 0.4, test 0.6, deployed 0.8, scaled 1.0; nil when abandoned.
  public var progress: Double? { rank.map { Double($0) / 5 } }
}
