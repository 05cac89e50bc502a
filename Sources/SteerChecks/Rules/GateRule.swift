import SteerMetrics
import SteerModel

/// checks.md "Gates": a metric below the minimum that `.steer.yaml` sets for it.
public struct GateRule: Rule {
  public static let description = RuleDescription(
    id: "gate", category: .gates, defaultSeverity: .error,
    summary:
      "A metric named under `gates:` in .steer.yaml is below its minimum, or undefined (see `steer metrics`).",
    rationale:
      "A gate turns a steering-committee commitment (\"every use case serves an objective\", \"we agree on priorities\") into a check that CI enforces on every change.",
    examples: [
      RuleExample(
        triggers: true, [:],
        configuration: "required_endorsements: [elected, technical, citizen]\ngates:\n  coverage: 1\n  say_do: ↓1.1\n"),
      RuleExample(
        triggers: false, [:],
        configuration: "required_endorsements: [elected, technical, citizen]\ngates:\n  coverage: 1\n  say_do: 0.9\n"),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    guard !context.configuration.gates.isEmpty else { return [] }
    return GateStatus.evaluate(context.configuration, LedgerMetrics(context.ledger)).compactMap { gate in
      guard let value = gate.value else {
        return finding(
          Configuration.fileName, gate.location, context.say("rule.gate.undefined", gate.metric.rawValue),
          hint: context.say("rule.gate.undefined.hint"))
      }
      guard !gate.met else { return nil }
      return finding(
        Configuration.fileName, gate.location,
        context.say("rule.gate", gate.metric.rawValue, value.plainText(digits: 3), gate.minimum.plainText()),
        hint: context.say("rule.gate.hint"))
    }
  }
}
