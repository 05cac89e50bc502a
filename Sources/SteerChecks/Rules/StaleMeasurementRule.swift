import SteerModel

public struct StaleMeasurementRule: Rule {
  public static let description = RuleDescription(
    id: "stale-measurement", category: .governance, defaultSeverity: .warning,
    summary: "A measurement is dated before its indicator's baseline date or after the retrospective's date.",
    rationale:
      "A measurement older than the baseline, or from after the retrospective that reports it, is not evidence of this iteration's progress.",
    examples: [
      RuleExample(
        triggers: true,
        [
          "retros/sprint-1.md":
            "---\ndate: 2026-04-01\nparticipants: [mayor]\nmeasurements:\n  - {indicator: open-days, value: 74, date: ↓2025-12-15}\n  - {indicator: open-days, value: 75, date: ↓2026-04-15}\n---\n"
        ]
      ),
      RuleExample(triggers: false, [:]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    context.ledger.retros.flatMap { retro in
      retro.measurements.compactMap { measurement -> Finding? in
        guard let indicator = context.index.indicators[measurement.indicator.value] else { return nil }
        let location = measurement.locations["date"]
        if measurement.date < indicator.baselineDate {
          return finding(
            retro.file, location,
            context.say("rule.stale-measurement.before", indicator.id.value, measurement.date, indicator.baselineDate),
            hint: context.say("rule.stale-measurement.before.hint"), related: [context.directory(.objective)])
        }
        if measurement.date > retro.date {
          return finding(
            retro.file, location,
            context.say("rule.stale-measurement.after", indicator.id.value, measurement.date, retro.date),
            hint: context.say("rule.stale-measurement.after.hint"))
        }
        return nil
      }
    }
  }
}
