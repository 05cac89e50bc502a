/// `.steer.yaml`, as read.
public struct Configuration: Hashable, Sendable {
  public static let fileName = ".steer.yaml"
  public static let defaultLedger = "vision"

  public var ledger: String?
  public var language: Language = .en
  public var effortUnit: String?
  public var requiredEndorsements: [StakeholderGroup] = []
  /// Rule id → setting, with where it was written.
  public var rules: [String: Located<RuleSetting>] = [:]
  public var gates: [MetricName: Located<Double>] = [:]

  public init() {}
}
