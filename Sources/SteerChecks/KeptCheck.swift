import SteerModel

/// What an `IncrementalChecker` found, kept between runs (`check --since` keeps it beside the
/// document cache): each rule's findings before suppressions, and the ids declared then.
public struct KeptCheck: Sendable {
  /// The ids of the rules that ran, in order.
  public var rules: [String]
  public var declarations: [Declaration]
  /// The findings of each of `rules`.
  public var findings: [[Finding]]

  public init(rules: [String], declarations: [Declaration], findings: [[Finding]]) {
    self.rules = rules
    self.declarations = declarations
    self.findings = findings
  }
}
