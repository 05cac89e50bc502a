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
    let metrics = LedgerMetrics(context.ledger, index: context.index)
    return context.configuration.gates.sorted { $0.key.rawValue < $1.key.rawValue }.compactMap { metric, minimum in
      let threshold = format(minimum.value)
      guard let value = metrics.value(of: metric) else {
        return finding(
          Configuration.fileName, minimum.location,
          context.say("rule.gate.undefined", metric.rawValue), hint: context.say("rule.gate.undefined.hint"))
      }
      guard value < minimum.value else { return nil }
      return finding(
        Configuration.fileName, minimum.location,
        context.say("rule.gate", metric.rawValue, format(value, digits: 3), threshold),
        hint: context.say("rule.gate.hint"))
    }
  }
}

/// A metric value for messages: at most `digits` decimals, no trailing zeros.
func format(_ number: Double, digits: Int) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  return format((number * scale).rounded() / scale)
}
