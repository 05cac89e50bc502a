/// The enumerations of the ledger format. Their raw values are the words users write.

/// One of the format's enumerations: each value is written as its raw value, and Steer says it
/// in words (`word`, in Wording.swift): `deployed` is « déployé » in French.
public protocol FormatWord: CaseIterable, RawRepresentable<String>, Sendable {
  func word(_ say: Wording) -> String
}

/// The phases of a use case, in order; `abandoned` stands outside the order.
public enum Phase: String, CaseIterable, Hashable, Sendable, FormatWord {
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
public enum WorkshopPhase: String, CaseIterable, Hashable, Sendable, FormatWord {
  case analysis, ideation, prototyping
}

public enum StakeholderGroup: String, CaseIterable, Hashable, Sendable, FormatWord {
  case elected, management, technical, `operator`, citizen, it, partner
}

public enum ObjectiveStatus: String, CaseIterable, Hashable, Sendable, FormatWord {
  case active, achieved, retired
}

public enum Direction: String, CaseIterable, Hashable, Sendable, FormatWord {
  case increase, decrease
}

/// How a federating ledger's indicator combines its members' latest values (README, "Federation").
public enum MemberCombination: String, CaseIterable, Hashable, Sendable, FormatWord {
  case sum, mean
}

public enum IterationStatus: String, CaseIterable, Hashable, Sendable, FormatWord {
  case planned, active, closed
}

public enum Stance: String, CaseIterable, Hashable, Sendable, FormatWord {
  case endorse, reservations, oppose
}

/// Where a decision of the register stands.
public enum DecisionStatus: String, CaseIterable, Hashable, Sendable, FormatWord {
  case proposed, accepted, rejected, superseded
}

public enum ActionStatus: String, CaseIterable, Hashable, Sendable, FormatWord {
  case open, done, dropped
}

public enum Language: String, CaseIterable, Hashable, Sendable, FormatWord {
  case en, fr
}

/// Severities a configuration may give a rule.
public enum RuleSetting: String, CaseIterable, Hashable, Sendable, FormatWord {
  case error, warning, off
}
