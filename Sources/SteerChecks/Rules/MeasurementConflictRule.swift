import SteerModel

public struct MeasurementConflictRule: Rule {
  public static let description = RuleDescription(
    id: "measurement-conflict", category: .governance, defaultSeverity: .warning,
    scope: .parts([.series, .retros, .objectives]),
    summary: Localized(
      en: "A measurement series gives a date another value than a retrospective's measurement of the same indicator.",
      fr:
        "Une série de mesures donne à une date une autre valeur que la mesure d'une rétrospective pour le même indicateur."
    ),
    rationale: Localized(
      en:
        "A series file and the retrospectives' measurements are one series: an indicator has one value on a given day. With two, its progress and forecast rest on whichever is read last, and a published figure cannot be traced back.",
      fr:
        "Un fichier de série et les mesures des rétrospectives forment une seule série : un indicateur a une valeur par jour. Avec deux, sa progression et sa prévision reposent sur celle lue en dernier, et un chiffre publié ne peut plus être rattaché à sa source."
    ),
    examples: [
      RuleExample(
        triggers: true,
        ["measurements/open-days.csv": "date,value,source\n2026-02-28,70,counter\n2026-03-15,↓80,counter\n"]
      ),
      RuleExample(
        triggers: false,
        ["measurements/open-days.csv": "date,value,source\n2026-02-28,70,counter\n2026-03-15,74,counter\n"]
      ),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    context.ledger.series.flatMap { series -> [Finding] in
      var fromRetros: [CalendarDate: [(retro: Retro, measurement: Measurement)]] = [:]
      for retro in context.ledger.retros {
        for measurement in retro.measurements where measurement.indicator.value == series.indicator {
          fromRetros[measurement.date, default: []].append((retro, measurement))
        }
      }
      return series.rows.compactMap { row -> Finding? in
        guard let other = fromRetros[row.date]?.first(where: { $0.measurement.value != row.value }) else {
          return nil
        }
        let say = context.say
        // The values as the ledger records them, to the last digit: they differ, perhaps by little.
        let unit = context.index.indicators[series.indicator]?.unit ?? ""
        return finding(
          series.file, row.location,
          say.measurementConflict(
            context.named(.indicator, series.indicator), row.date, say.quantity(row.value, unit, digits: 9),
            say.quantity(other.measurement.value, unit, digits: 9), other.retro.file,
            other.measurement.locations["value"].line),
          hint: context.say.measurementConflictHint(), related: [other.retro.file])
      }
    }
  }
}

extension Wording {
  func measurementConflict(
    _ indicator: String, _ date: CalendarDate, _ value: String, _ other: String, _ file: String, _ line: Int
  ) -> String {
    self(
      en:
        "indicator \(indicator) measures \(value) on \(date.description) here, and \(other) in \(file) (line \(line))",
      fr:
        "l'indicateur \(indicator) vaut ici \(value) le \(inSentence(date)), et \(other) dans \(file) (ligne \(line: line))"
    )
  }

  func measurementConflictHint() -> String {
    self(
      en: "keep one value for the date: correct the row or the retrospective's measurement, or remove one of them",
      fr:
        "gardez une valeur pour cette date : corrigez la ligne ou la mesure de la rétrospective, ou supprimez l'une des deux"
    )
  }
}
