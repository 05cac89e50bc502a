import SteerModel

/// What a use case lacks to count as co-constructed (docs/rules.md, `co-construction`): an analysis
/// workshop, an ideation workshop, and one of its users among its workshops' participants.
/// The rule words it; the co-construction metric only asks whether anything is missing.
public struct CoConstructionGaps: Hashable, Sendable {
  public var noAnalysisWorkshop: Bool
  public var noIdeationWorkshop: Bool
  public var noUsers: Bool
  /// Its users, when none of them took part in its workshops.
  public var absentUsers: [String]

  public init(_ useCase: UseCase, workshops: [Workshop]) {
    // By index: `contains` would copy each workshop whole, for every use case.
    noAnalysisWorkshop = !workshops.indices.contains { workshops[$0].phase == .analysis }
    noIdeationWorkshop = !workshops.indices.contains { workshops[$0].phase == .ideation }
    noUsers = useCase.users.isEmpty
    let attended = useCase.users.contains { user in
      workshops.indices.contains { workshops[$0].participants.contains { $0.value == user.value } }
    }
    absentUsers = noUsers || attended ? [] : useCase.users.map(\.value)
  }

  public var isEmpty: Bool { !noAnalysisWorkshop && !noIdeationWorkshop && !noUsers && absentUsers.isEmpty }
}
