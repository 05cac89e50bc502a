import SteerModel

/// Every rule Steer knows, in the order of the design's catalogue.
public enum RuleCatalogue {
  public static let rules: [any Rule] = [
    FrontMatterRule(),
    SchemaRule(),
    DuplicateIDRule(),
    DanglingReferenceRule(),
  ]

  public static var descriptions: [RuleDescription] { rules.map { type(of: $0).description } }

  public static func description(of id: String) -> RuleDescription? {
    descriptions.first { $0.id == id }
  }

  /// Rule id → whether it is a reading rule: what `.steer.yaml` may name.
  public static var knownRules: [String: Bool] {
    Dictionary(uniqueKeysWithValues: descriptions.map { ($0.id, !$0.canBeRegraded) })
  }
}
