/// What a use case lacks to count as co-constructed (checks.md `co-construction`): an analysis
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

  /// The gaps in words, joined; nil when there are none.
  public func description(_ say: Wording) -> String? {
    var missing: [String] = []
    if noAnalysisWorkshop { missing.append(say("rule.co-construction.no_analysis")) }
    if noIdeationWorkshop { missing.append(say("rule.co-construction.no_ideation")) }
    if noUsers { missing.append(say("rule.co-construction.no_users")) }
    if !absentUsers.isEmpty {
      missing.append(say("rule.co-construction.absent_users", absentUsers.joined(separator: ", ")))
    }
    return missing.isEmpty ? nil : missing.joined(separator: say("rule.co-construction.and"))
  }
}
