/// An indicator's measured values kept in `measurements/<indicator id>.csv`, one row a
/// measurement (docs/format.md, Measurement series). Only the rows that read are here.
public struct MeasurementSeries: Hashable, Sendable {
  /// The indicator the file is named after (its stem).
  public var indicator: String
  public var file: String
  /// In the file's order.
  public var rows: [Row]

  public init(indicator: String, file: String, rows: [Row]) {
    self.indicator = indicator
    self.file = file
    self.rows = rows
  }

  public struct Row: Hashable, Sendable {
    public var date: CalendarDate
    public var value: Double
    /// Where the value comes from (`source` column), when given.
    public var source: String?
    public var note: String?
    /// Where the row's value is written.
    public var location: SourceLocation

    public init(date: CalendarDate, value: Double, source: String?, note: String?, location: SourceLocation) {
      self.date = date
      self.value = value
      self.source = source
      self.note = note
      self.location = location
    }
  }

  /// The columns a series file may have, in the order a writer puts them.
  public static let columns = ["date", "value", "source", "note"]
  /// The columns every series file must have.
  public static let requiredColumns = ["date", "value"]
  /// The directory of the ledger the series files stand in.
  public static let directory = "measurements"
}

/// One measured value of an indicator, wherever it is written: a retrospective's
/// `measurements:` or a series file's row.
public struct MeasuredValue: Hashable, Sendable {
  public var value: Double
  public var date: CalendarDate
  public var file: String
  /// Where the value is written.
  public var location: SourceLocation
  /// A series row's `source` and `note`; a retrospective has neither.
  public var source: String?
  public var note: String?

  public init(
    value: Double, date: CalendarDate, file: String, location: SourceLocation, source: String? = nil,
    note: String? = nil
  ) {
    self.value = value
    self.date = date
    self.file = file
    self.location = location
    self.source = source
    self.note = note
  }
}

extension Ledger {
  /// Indicator id → its measurements, retrospectives' and series files' as one series: the
  /// retrospectives' in file order, then each series file's rows that no retrospective already
  /// gives (same date, same value). A date given two different values keeps both (the
  /// `measurement-conflict` rule reports them).
  public static func measurements(retros: some Sequence<Retro>, series: some Sequence<MeasurementSeries>)
    -> [String: [MeasuredValue]]
  {
    var byIndicator: [String: [MeasuredValue]] = [:]
    for retro in retros.sorted(by: { $0.file < $1.file }) {
      for measurement in retro.measurements {
        byIndicator[measurement.indicator.value, default: []].append(
          MeasuredValue(
            value: measurement.value, date: measurement.date, file: retro.file,
            location: measurement.locations["value"]))
      }
    }
    for file in series.sorted(by: { $0.file < $1.file }) {
      let fromRetros = Set((byIndicator[file.indicator] ?? []).map { DatedValue(date: $0.date, value: $0.value) })
      for row in file.rows where !fromRetros.contains(DatedValue(date: row.date, value: row.value)) {
        byIndicator[file.indicator, default: []].append(
          MeasuredValue(
            value: row.value, date: row.date, file: file.file, location: row.location, source: row.source,
            note: row.note))
      }
    }
    return byIndicator
  }

  /// Every measurement of the ledger by indicator: `measurements(retros:series:)` of its own.
  public var measurementsByIndicator: [String: [MeasuredValue]] {
    Self.measurements(retros: retros, series: series)
  }

  private struct DatedValue: Hashable {
    var date: CalendarDate
    var value: Double
  }
}
