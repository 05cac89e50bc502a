import SteerLoading
import SteerModel

/// `steer import measurements` (docs/format.md, Measurement series): the rows of a source CSV
/// read with a spreadsheet's date formats and decimal commas, then merged into an indicator's
/// series file — rows already there kept as they are written, new ones put in date order.
public enum MeasurementImport {
  /// Which columns of the source hold what, by name (matched without regard to case or
  /// surrounding spaces).
  public struct Columns: Sendable {
    public var date: String
    public var value: String
    public var source: String?
    public var note: String?

    public init(date: String = "date", value: String = "value", source: String? = nil, note: String? = nil) {
      self.date = date
      self.value = value
      self.source = source
      self.note = note
    }
  }

  /// One row of the source, as it will be written.
  public struct Row: Hashable, Sendable {
    public var date: CalendarDate
    public var value: Double
    public var source: String?
    public var note: String?
    /// Its line in the source.
    public var line: Int
  }

  /// A row of the source that cannot be read, and why.
  public struct UnreadableRow: Hashable, Sendable {
    public var line: Int
    public var reason: Localized
  }

  /// The rows of `bytes` (a CSV with a header line); `source` is written as every row's source
  /// where the source's own column gives none. Throws when a column is missing or any row
  /// cannot be read, naming every such row.
  public static func rows(
    _ bytes: [UInt8], columns: Columns, source: String?, separator: UInt8? = nil, shownAs name: String
  ) throws(SteerError) -> [Row] {
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw SteerError(
        en: "\(name) is not UTF-8 text", fr: "\(name) n'est pas un texte UTF-8",
        hint: (
          en: "export it from the spreadsheet as \"CSV UTF-8\"",
          fr: "exportez-le depuis le tableur au format « CSV UTF-8 »"
        ))
    }
    let text = SourceText(bytes)
    let table = CSVTable(text, separator: separator ?? CSVTable.likelySeparator(of: text))
    guard let header = table.records.first else {
      throw SteerError(en: "\(name) is empty", fr: "\(name) est vide")
    }
    let names = header.fields.map { $0.text.trimmingSpaces.lowercased() }
    func position(_ column: String) throws(SteerError) -> Int {
      if let found = names.firstIndex(of: column.trimmingSpaces.lowercased()) { return found }
      throw missingColumn(column, among: header.fields.map(\.text), in: name)
    }
    let positions = ImportPositions(
      date: try position(columns.date), value: try position(columns.value),
      source: try columns.source.map { c throws(SteerError) in try position(c) },
      note: try columns.note.map { c throws(SteerError) in try position(c) })
    var rows: [Row] = []
    var unreadable: [UnreadableRow] = []
    for problem in table.problems {
      switch problem {
      case .unterminatedQuote(let location), .textAfterQuote(let location):
        unreadable.append(UnreadableRow(line: location.line, reason: Localized { $0.importBadQuote() }))
      }
    }
    var seen: [CalendarDate: Row] = [:]
    for record in table.records.dropFirst() {
      switch positions.row(record, fieldCount: header.fields.count, source: source) {
      case .failure(let problem): unreadable.append(problem)
      case .success(let row):
        if let earlier = seen[row.date] {
          if earlier.value != row.value {
            unreadable.append(
              UnreadableRow(
                line: row.line,
                reason: Localized { $0.importTwoValues(row.date, earlier.value, earlier.line, row.value) }))
          }
          continue
        }
        seen[row.date] = row
        rows.append(row)
      }
    }
    guard unreadable.isEmpty else { throw unreadableRows(unreadable, in: name) }
    return rows.sorted { $0.date < $1.date }
  }

  private static func missingColumn(_ column: String, among available: [String], in name: String) -> SteerError {
    let listed = available.map { "'\($0)'" }.joined(separator: ", ")
    let listedFr = available.map { Wording(.fr).quoted($0) }.joined(separator: ", ")
    let closest = Suggestion.closest(to: column.lowercased(), among: available.map { $0.lowercased() })
    return SteerError(
      en: "\(name) has no column '\(column)'; its columns are \(listed)",
      fr: "\(name) n'a pas de colonne « \(column) » ; ses colonnes sont \(listedFr)",
      hint: (
        en: (closest.map { "did you mean '\($0)'? Name" } ?? "name")
          + " the columns with --date-column, --value-column, --source-column and --note-column",
        fr:
          "\(closest.map { "vouliez-vous dire « \($0) » ? N" } ?? "n")ommez les colonnes avec --date-column, --value-column, --source-column et --note-column"
      ))
  }

  private static func unreadableRows(_ rows: [UnreadableRow], in name: String) -> SteerError {
    let sorted = rows.sorted { $0.line < $1.line }
    let en = sorted.map { "\n  \(name):\($0.line): \($0.reason.en)" }.joined()
    let fr = sorted.map { French("\n  \(name):\(line: $0.line) : \($0.reason.fr)").text }.joined()
    let count = sorted.count
    return SteerError(
      en: "\(count) row\(count == 1 ? "" : "s") of \(name) cannot be read; nothing was written:\(en)",
      fr:
        "\(count) ligne\(count == 1 ? "" : "s") de \(name) ne peu\(count == 1 ? "t" : "vent") pas être lue\(count == 1 ? "" : "s") ; rien n'a été écrit :\(fr)",
      hint: (
        en:
          "correct \(count == 1 ? "that row" : "those rows") in the source (or choose other columns), then import again",
        fr:
          "corrigez \(count == 1 ? "cette ligne" : "ces lignes") dans la source (ou choisissez d'autres colonnes), puis importez à nouveau"
      ))
  }

  /// A date as data portals and spreadsheets write it: `2026-01-31`, `2026-01-31T08:00:00Z`,
  /// `2026/01/31`, `31/01/2026` (day first, also with `.` or `-`); a month (`2026-01`,
  /// `01/2026`) stands for its last day.
  public static func date(_ written: String) -> CalendarDate? {
    let text = written.trimmingSpaces
    if let date = CalendarDate(iso: text) ?? CalendarDate(dayFirst: text) { return date }
    let utf8 = Array(text.utf8)
    if utf8.count > 10, utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: " "),
      let date = CalendarDate(iso: text.prefix(10))
    {
      return date
    }
    if utf8.count == 10, utf8[4] == UInt8(ascii: "/"), utf8[7] == UInt8(ascii: "/") {
      return CalendarDate(
        iso: String(decoding: utf8.map { $0 == UInt8(ascii: "/") ? UInt8(ascii: "-") : $0 }, as: UTF8.self))
    }
    let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
    guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isWholeNumber } }) else { return nil }
    let (year, month) = parts[0].count == 4 ? (parts[0], parts[1]) : (parts[1], parts[0])
    guard year.count == 4, (1...2).contains(month.count), let y = Int(year), let m = Int(month), (1...12).contains(m),
      (1...9999).contains(y)
    else { return nil }
    return CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y))
  }

  /// A value with a decimal point or comma, and spaces between thousands (`1 234,5`).
  public static func value(_ written: String) -> Double? {
    let text = written.trimmingSpaces
    if let value = MeasurementSeries.value(text) { return value }
    if let pointed = MeasurementSeries.decimalPointForm(of: text) { return MeasurementSeries.value(pointed) }
    var unspaced = ""
    unspaced.unicodeScalars.append(
      contentsOf: text.unicodeScalars.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" })
    return MeasurementSeries.value(unspaced)
  }
}

/// Where the columns an import reads stand in the source's rows.
private struct ImportPositions {
  var date: Int
  var value: Int
  var source: Int?
  var note: Int?

  func row(_ record: CSVTable.Record, fieldCount: Int, source fallback: String?)
    -> Result<MeasurementImport.Row, MeasurementImport.UnreadableRow>
  {
    let fields = record.fields
    func failure(_ reason: @escaping (Wording) -> String) -> Result<
      MeasurementImport.Row, MeasurementImport.UnreadableRow
    > {
      .failure(MeasurementImport.UnreadableRow(line: record.line, reason: Localized(reason)))
    }
    guard fields.count == fieldCount else {
      // `2026-01-31,71,5`: a decimal comma in a comma-separated file splits the value in two.
      if fields.count == fieldCount + 1, value + 1 < fields.count,
        MeasurementSeries.decimalPointForm(of: fields[value].text + "," + fields[value + 1].text) != nil
      {
        let written = fields[value].text + "," + fields[value + 1].text
        return failure { $0.importSplitDecimal(written) }
      }
      return failure { $0.importFieldCount(fields.count, fieldCount) }
    }
    let dateText = fields[date].text
    guard let parsedDate = MeasurementImport.date(dateText) else {
      let trimmed = dateText.trimmingSpaces
      return failure { say in
        say.unrealDateHint(trimmed).map { say.importUnrealDate(trimmed, $0) } ?? say.importBadDate(dateText)
      }
    }
    let valueText = fields[value].text
    guard let parsedValue = MeasurementImport.value(valueText) else {
      return failure { valueText.trimmingSpaces.isEmpty ? $0.importNoValue() : $0.importBadValue(valueText) }
    }
    func text(_ position: Int?) -> String? {
      position.map { fields[$0].text.trimmingSpaces }.flatMap { $0.isEmpty ? nil : $0 }
    }
    return .success(
      MeasurementImport.Row(
        date: parsedDate, value: parsedValue, source: text(source) ?? fallback, note: text(note), line: record.line))
  }
}

extension MeasurementImport.UnreadableRow: Error {}

extension StringProtocol {
  /// Without the spaces (and tabs) a spreadsheet leaves around a cell's text.
  var trimmingSpaces: String {
    let isSpace = { (c: Character) in c == " " || c == "\t" || c == "\u{A0}" }
    return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}

extension Wording {
  func importBadQuote() -> String {
    self(
      en: "a quoted field is not closed, or text follows its closing quote",
      fr: "un champ entre guillemets n'est pas refermé, ou du texte suit son guillemet fermant")
  }

  func importFieldCount(_ found: Int, _ expected: Int) -> String {
    self(
      en: "the row has \(found) field\(found == 1 ? "" : "s") where the header names \(expected) columns",
      fr: "la ligne a \(found) champ\(found > 1 ? "s" : "") alors que l'en-tête nomme \(expected) colonnes")
  }

  func importSplitDecimal(_ text: String) -> String {
    self(
      en:
        "the value \(text) has a decimal comma in a comma-separated file: quote it (\"\(text)\") or export with semicolons",
      fr:
        "la valeur \(text) a une virgule décimale dans un fichier séparé par des virgules : mettez-la entre guillemets (\"\(text)\") ou exportez avec des points-virgules"
    )
  }

  func importBadDate(_ text: String) -> String {
    self(
      en: "'\(text)' is not a date (2026-01-31, 31/01/2026 or 2026-01)",
      fr: "« \(text) » n'est pas une date (2026-01-31, 31/01/2026 ou 2026-01)")
  }

  /// `'2026-02-30' is not a real calendar date: February 2026 has 28 days`.
  func importUnrealDate(_ text: String, _ why: String) -> String {
    self(
      en: "'\(text)' is not a real calendar date: \(why)", fr: "« \(text) » n'est pas une date du calendrier : \(why)")
  }

  func importNoValue() -> String {
    self(en: "the row has no value", fr: "la ligne n'a pas de valeur")
  }

  func importBadValue(_ text: String) -> String {
    self(en: "the value '\(text)' is not a number", fr: "la valeur « \(text) » n'est pas un nombre")
  }

  func importTwoValues(_ date: CalendarDate, _ first: Double, _ firstLine: Int, _ second: Double) -> String {
    self(
      en: "\(date.description) is given \(second.plainText()) here and \(first.plainText()) on line \(firstLine)",
      fr:
        "le \(inSentence(date)) reçoit ici la valeur \(number(second, digits: 9)), et \(number(first, digits: 9)) à la ligne \(line: firstLine)"
    )
  }
}
