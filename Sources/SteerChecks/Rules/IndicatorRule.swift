import SteerModel

public struct IndicatorRule: Rule {
  public static let description = RuleDescription(
    id: "indicator", category: .governance, defaultSeverity: .warning,
    summary:
      "An indicator's target equals its baseline, its direction disagrees with baseline → target, or its target date is after the vision's horizon.",
    rationale:
      "An indicator that cannot move, moves the wrong way, or is measured after the vision ends cannot tell the committee whether the objective is met.",
    examples: [
      RuleExample(
        triggers: true,
        [
          "objectives/clean-water.md": """
          ---
          title: Clean bathing water
          axis: data
          owner: mayor
          indicators:
            - {id: open-days, title: Open days, unit: "%", direction: ↓decrease, baseline: 70,
               baseline_date: 2026-01-01, target: 90, target_date: ↓2031-09-30}
          ---

          """
        ]),
      RuleExample(triggers: false, [:]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let horizon = context.ledger.vision?.horizon
    let say = context.say
    return context.ledger.objectives.flatMap { objective in
      objective.indicators.flatMap { indicator -> [Finding] in
        var findings: [Finding] = []
        let id = indicator.id.value
        if indicator.target == indicator.baseline {
          findings.append(
            finding(
              objective.file, indicator.locations["target"],
              say("rule.indicator.flat", id, indicator.target.plainText()), hint: say("rule.indicator.flat.hint")))
        } else if (indicator.target > indicator.baseline) != (indicator.direction == .increase) {
          let actual: Direction = indicator.target > indicator.baseline ? .increase : .decrease
          findings.append(
            finding(
              objective.file, indicator.locations["direction"],
              say(
                actual == .increase ? "rule.indicator.above" : "rule.indicator.below", id, indicator.direction.rawValue,
                indicator.target.plainText(), indicator.baseline.plainText()),
              hint: say("rule.indicator.direction.hint", actual.rawValue)))
        }
        if let horizon, indicator.targetDate > horizon {
          findings.append(
            finding(
              objective.file, indicator.locations["target_date"],
              say("rule.indicator.horizon", id, indicator.targetDate, horizon),
              hint: say("rule.indicator.horizon.hint"),
              related: [context.visionPath]))
        }
        return findings
      }
    }
  }
}
