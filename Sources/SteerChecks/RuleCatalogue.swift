import SteerModel

/// Every rule Steer knows, in the order docs/rules.md lists them.
public enum RuleCatalogue {
  public static let rules: [any Rule] = [
    FrontMatterRule(), SchemaRule(), DuplicateIDRule(), DanglingReferenceRule(),
    IterationDatesRule(), IterationOverlapRule(), IterationStatusRule(), PhaseRegressionRule(),
    DependencyCycleRule(), DependencyOrderRule(), CapacityRule(), UnalignedItemRule(), FederationMemberRule(),
    MissingRetroRule(), PlannedIterationStartedRule(), OverdueActionRule(), CoConstructionRule(), EndorsementRule(),
    OrphanObjectiveRule(), IndicatorRule(), RolloutOrderRule(), StaleMeasurementRule(), MeasurementConflictRule(),
    DeliveryMismatchRule(), DecisionSupersessionRule(), DecisionConsultationRule(), DeliberationVotesRule(),
    UnusedSuppressionRule(), GateRule(),
  ]

  public static let descriptions: [RuleDescription] = rules.map { type(of: $0).description }

  public static func description(of id: String) -> RuleDescription? {
    descriptions.first { $0.id == id }
  }

  /// Rule id → whether it is a reading rule: what `.steer.yaml` may name.
  public static let knownRules: [String: Bool] = Dictionary(
    uniqueKeysWithValues: descriptions.map { ($0.id, !$0.canBeRegraded) })
}
