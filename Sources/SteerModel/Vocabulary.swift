/// The enumerations of the ledger format. Their raw values are the words users write.

/// The phases of a use case, in order; `abandoned` stands outside the order.
public enum Phase: String, CaseIterable, Hashable, Sendable {
  case analysis, ideation, prototype, test, deployed, scaled, abandoned

  /// The ordered phases, without `abandoned`.
  public static let ordered: [Phase] = allCases.filter { $0.rank != nil }

  /// Position in the order; nil for `abandoned`. A switch, not a search: history's metrics
  /// ask it of every use case at every snapshot.
  public var rank: Int? {
    switch self {
    case .analysis: 0
    case .ideation: 1
    case .prototype: 2
    case .test: 3
    case .deployed: 4
    case .scaled: 5
    case .abandoned: nil
    }
  }
}

extension Phase {
  /// Deployed or scaled: in the users' hands.
  public var isDeployed: Bool { self == .deployed || self == .scaled }
}

/// The three phases of a co-construction workshop.
public enum WorkshopPhase: String, CaseIterable, Hashable, Sendable {
  case analysis, ideation, prototyping
}

public enum StakeholderGroup: String, CaseIterable, Hashable, Sendable {
  case elected, management, technical, `operator`, citizen, it, partner
}

public enum ObjectiveStatus: String, CaseIterable, Hashable, Sendable {
  case active, achieved, retired
}

public enum Direction: String, CaseIterable, Hashable, Sendable {
  case increase, decrease
}

/// How a federating ledger's indicator combines its members' latest values (ledger-format.md, Federation).
public enum MemberCombination: String, CaseIterable, Hashable, Sendable {
  case sum, mean
}

public enum IterationStatus: String, CaseIterable, Hashable, Sendable {
  case planned, active, closed
}

public enum Stance: String, CaseIterable, Hashable, Sendable {
  case endorse, reservations, oppose
}

public enum ActionStatus: String, CaseIterable, Hashable, Sendable {
  case open, done, dropped
}

public enum Language: String, CaseIterable, Hashable, Sendable {
  case en, fr
}

/// Severities a configuration may give a rule.
public enum RuleSetting: String, CaseIterable, Hashable, Sendable {
  case error, warning, off
}

/// The metrics a gate may name (metrics.md): the ones with a single number.
public enum MetricName: String, CaseIterable, Hashable, Sendable {
  case traceability, coverage, concordance
  case portfolioFit = "portfolio_fit"
  case endorsement
  case groupEndorsement = "group_endorsement"
  case coConstruction = "co_construction"
  case transversality, progress
  case sayDo = "say_do"
  case rolloutReach = "rollout_reach"
  case retroCoverage = "retro_coverage"
  case actionClosure = "action_closure"

  /// Whether the metric is a ratio from 0 to 1 (transversality is a count of groups, rollout
  /// reach a step's position): a gate above 1 on it could never be met.
  public var isRatio: Bool { self != .transversality && self != .rolloutReach }

  /// What people read in place of the metric's name: a summary never shows `portfolio_fit`.
  public var label: Localized {
    switch self {
    case .traceability: Localized(en: "Effort serving an active objective", fr: "Effort au service d'un objectif actif")
    case .coverage: Localized(en: "Objectives served", fr: "Objectifs couverts")
    case .concordance:
      Localized(en: "Agreement on priorities (Kendall's W)", fr: "Accord sur les priorités (W de Kendall)")
    case .portfolioFit:
      Localized(en: "Effort where the shared priorities are", fr: "Effort placé sur les priorités partagées")
    case .endorsement: Localized(en: "Stakeholders who endorse", fr: "Parties prenantes qui soutiennent")
    case .groupEndorsement: Localized(en: "Groups that endorse", fr: "Groupes qui soutiennent")
    case .coConstruction: Localized(en: "Use cases built with their users", fr: "Cas d'usage co-construits")
    case .transversality: Localized(en: "Groups per use case's workshops", fr: "Groupes par cas d'usage en atelier")
    case .progress: Localized(en: "Progress", fr: "Avancement")
    case .sayDo: Localized(en: "Delivered as planned", fr: "Livré comme prévu")
    case .rolloutReach: Localized(en: "Rollout step reached", fr: "Étape de déploiement atteinte")
    case .retroCoverage:
      Localized(en: "Closed iterations with a retrospective", fr: "Itérations closes avec rétrospective")
    case .actionClosure: Localized(en: "Actions carried out", fr: "Actions menées à bien")
    }
  }

  /// A value of the metric as people read it: a percentage for a share, else a number
  /// (Kendall's W, a count of groups, a step's position).
  public func display(_ value: Double?, _ say: Wording) -> String {
    guard let value else { return "—" }
    switch self {
    case .concordance: return say.number(value, digits: 2)
    case .transversality: return say.number(value, digits: 1)
    case .rolloutReach: return say.number(value, digits: 0)
    default: return say.percent(value)
    }
  }
}
