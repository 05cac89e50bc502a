import SteerModel

public struct StaleMeasurementRule: Rule {
  public static let description = RuleDescription(
    id: "stale-measurement", category: .governance, defaultSeverity: .warning, scope: .document(reading: [.objectives]),
    summary: Localized(
      en:
        "A measurement (a retrospective's or a series file's row) is dated before its indicator's baseline date, or a retrospective's after the retrospective's date.",
      fr:
        "Une mesure (d'une rétrospective ou d'une ligne de série) est datée d'avant la date de référence de son indicateur, ou celle d'une rétrospective d'après la date de la rétrospective."
    ),
    rationale: Localized(
      en:
        "A measurement older than the baseline, or from after the retrospective that reports it, is not evidence of this iteration's progress.",
      fr:
        "Une mesure plus ancienne que la référence, ou postérieure à la rétrospective qui la rapporte, ne prouve rien des progrès de cette itération."
    ),
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
    retroFindings(context) + seriesFindings(context)
  }

  /// A series file's rows are the same series as the retrospectives' (docs/format.md): one
  /// before the baseline is as stale. A series has no date of its own to be after.
  private func seriesFindings(_ context: RuleContext) -> [Finding] {
    context.ledger.series.flatMap { series -> [Finding] in
      guard let indicator = context.index.indicators[series.indicator] else { return [] }
      return series.rows.filter { $0.date < indicator.baselineDate }.map { row in
        finding(
          series.file, SourceLocation(line: row.location.line, column: 1),
          context.say.staleMeasurementBefore(
            context.say.named(indicator.id.value, title: indicator.title), row.date, indicator.baselineDate),
          hint: context.say.staleMeasurementBeforeHint(), related: [context.directory(.objective)])
      }
    }
  }

  private func retroFindings(_ context: RuleContext) -> [Finding] {
    context.ledger.retros.flatMap { retro in
      retro.measurements.compactMap { measurement -> Finding? in
        guard let indicator = context.index.indicators[measurement.indicator.value] else { return nil }
        let location = measurement.locations["date"]
        let named = context.say.named(indicator.id.value, title: indicator.title)
        if measurement.date < indicator.baselineDate {
          return finding(
            retro.file, location,
            context.say.staleMeasurementBefore(named, measurement.date, indicator.baselineDate),
            hint: context.say.staleMeasurementBeforeHint(), related: [context.directory(.objective)])
        }
        if measurement.date > retro.date {
          return finding(
            retro.file, location,
            context.say.staleMeasurementAfter(named, measurement.date, retro.date),
            hint: context.say.staleMeasurementAfterHint())
        }
        return nil
      }
    }
  }
}

extension Wording {
  func staleMeasurementBefore(_ indicator: String, _ date: CalendarDate, _ baselineDate: CalendarDate) -> String {
    self(
      en:
        "the measurement of indicator \(indicator) is dated \(date.description), before the indicator's baseline date (\(baselineDate.description))",
      fr:
        "la mesure de l'indicateur \(indicator) est datée du \(inSentence(date)), avant la date de référence de cet indicateur (\(inSentence(baselineDate)))"
    )
  }

  func staleMeasurementBeforeHint() -> String {
    self(
      en: "check the date, or move the baseline",
      fr: "vérifiez la date, ou déplacez la référence")
  }

  func staleMeasurementAfter(_ indicator: String, _ date: CalendarDate, _ retroDate: CalendarDate) -> String {
    self(
      en:
        "the measurement of indicator \(indicator) is dated \(date.description), after this retrospective (\(retroDate.description))",
      fr:
        "la mesure de l'indicateur \(indicator) est datée du \(inSentence(date)), après cette rétrospective (\(inSentence(retroDate)))"
    )
  }

  func staleMeasurementAfterHint() -> String {
    self(
      en: "report it in the retrospective of a later iteration",
      fr: "reportez-la dans la rétrospective d'une itération suivante")
  }
}
