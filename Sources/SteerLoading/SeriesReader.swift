import SteerFiles
import SteerModel

/// Reads one measurement series, `measurements/<indicator id>.csv` (docs/format.md): its header,
/// then each row, with a finding at the line and column of whatever does not read. Pure: bytes
/// in, values out.
enum SeriesReader {
  static func read(_ contents: FileContents, path: String, indicator: String, say: Wording) -> ReadDocument {
    var result = ReadDocument(path: path)
    if Identifier.isValid(indicator) {
      // The file's name is a reference to its indicator: dangling-reference reports an unknown one.
      result.references.append(
        Reference(id: indicator, kind: .indicator, field: Reference.fileNameField, file: path, location: .fileStart))
    } else {
      result.findings.append(
        Finding(
          rule: ReadingRule.schema.rawValue, file: path, location: .fileStart,
          message: say.seriesFileName(indicator), hint: say.schemaFileNameHint()))
    }
    let bytes: [UInt8]
    switch contents {
    case .bytes(let read): bytes = read
    case .tooLarge(let size):
      result.findings.append(
        Finding(
          rule: ReadingRule.frontMatter.rawValue, file: path, location: .fileStart,
          message: say.frontmatterTooLarge(size / 1024, FrontMatter.maximumFileSize >> 20)))
      return result
    case .unreadable(let reason):
      result.findings.append(
        Finding(
          rule: ReadingRule.frontMatter.rawValue, file: path, location: .fileStart,
          message: say.frontmatterUnreadable(reason.text(say))))
      return result
    }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      result.findings.append(
        Finding(
          rule: ReadingRule.frontMatter.rawValue, file: path, location: .fileStart, message: say.seriesNotUTF8(),
          hint: say.seriesNotUTF8Hint()))
      return result
    }
    var reading = SeriesReading(path: path, say: say)
    let rows = reading.rows(of: CSVTable(SourceText(bytes)))
    result.findings += reading.findings
    if let rows { result.content = .series(MeasurementSeries(indicator: indicator, file: path, rows: rows)) }
    return result
  }
}

/// A series file read on its own, as `steer check` reads it (for a command that rewrites one).
public enum SeriesFile {
  /// The series the bytes hold, nil when they cannot be read, and every finding of reading them.
  public static func read(_ bytes: [UInt8], path: String, indicator: String, language: Language)
    -> (series: MeasurementSeries?, findings: [Finding])
  {
    let read = SeriesReader.read(.limited(bytes), path: path, indicator: indicator, say: Wording(language))
    guard case .series(let series)? = read.content else { return (nil, read.findings) }
    return (series, read.findings)
  }
}

/// The findings of one series file as it is read.
struct SeriesReading {
  let path: String
  let say: Wording
  var findings: [Finding] = []

  private mutating func report(_ location: SourceLocation, _ message: String, hint: String?) {
    findings.append(
      Finding(rule: ReadingRule.schema.rawValue, file: path, location: location, message: message, hint: hint))
  }

  /// The rows that read, in the file's order; nil when the header does not (then no row can).
  mutating func rows(of table: CSVTable) -> [MeasurementSeries.Row]? {
    for problem in table.problems {
      switch problem {
      case .unterminatedQuote(let location):
        report(location, say.seriesUnterminatedQuote(), hint: say.seriesQuoteHint())
      case .textAfterQuote(let location): report(location, say.seriesTextAfterQuote(), hint: say.seriesQuoteHint())
      }
    }
    guard let header = table.records.first else {
      report(.fileStart, say.seriesEmpty(), hint: say.seriesColumnsHint())
      return nil
    }
    guard let columns = columns(of: header) else { return nil }
    var rows: [MeasurementSeries.Row] = []
    var lineOfDate: [CalendarDate: Int] = [:]
    var latest: (date: CalendarDate, line: Int)?
    for record in table.records.dropFirst() {
      guard let row = row(record, columns: columns) else { continue }
      let line = record.line
      let dateLocation = record.fields[columns["date"]!].location
      if let earlier = lineOfDate[row.date] {
        report(dateLocation, say.seriesDuplicateDate(row.date, earlier), hint: say.seriesDuplicateDateHint())
        continue
      }
      if let latest, row.date < latest.date {
        report(
          dateLocation, say.seriesOutOfOrder(row.date, latest.date, latest.line),
          hint: say.seriesOutOfOrderHint())
      }
      lineOfDate[row.date] = line
      if latest == nil || row.date > latest!.date { latest = (row.date, line) }
      rows.append(row)
    }
    return rows
  }

  /// Column name → its position, when the header names `date` and `value` and nothing unknown.
  private mutating func columns(of header: CSVTable.Record) -> [String: Int]? {
    // `date;value`: a spreadsheet's French CSV. Said once, rather than as unknown and missing columns.
    if let field = header.fields.first(where: { $0.text.contains(";") }) {
      let names = header.fields.flatMap { $0.text.split(separator: ";", omittingEmptySubsequences: false) }
      let known = names.allSatisfy { MeasurementSeries.columns.contains(String($0)) }
      report(
        field.location, say.seriesSemicolons(),
        hint: say.seriesSemicolonsHint(known ? names.joined(separator: ",") : "date,value"))
      return nil
    }
    var positions: [String: Int] = [:]
    var readable = true
    for (position, field) in header.fields.enumerated() {
      let name = field.text
      guard MeasurementSeries.columns.contains(name) else {
        let hint = Suggestion.closest(to: name.lowercased(), among: MeasurementSeries.columns).map {
          say.seriesUnknownColumnHint($0)
        }
        report(field.location, say.seriesUnknownColumn(name), hint: hint ?? say.seriesColumnsHint())
        readable = false
        continue
      }
      guard positions[name] == nil else {
        report(field.location, say.seriesDuplicateColumn(name), hint: say.seriesColumnsHint())
        readable = false
        continue
      }
      positions[name] = position
    }
    for required in MeasurementSeries.requiredColumns where positions[required] == nil {
      report(
        SourceLocation(line: header.line, column: 1), say.seriesMissingColumn(required), hint: say.seriesColumnsHint())
      readable = false
    }
    return readable ? positions : nil
  }

  /// One row, or nil (with its findings) when its date or value does not read.
  private mutating func row(_ record: CSVTable.Record, columns: [String: Int]) -> MeasurementSeries.Row? {
    let fields = record.fields
    let valueAt = columns["value"]!
    if fields.count != columns.count {
      // `2026-01-31,71,5`: a value written with a decimal comma splits into two fields.
      if fields.count == columns.count + 1, valueAt + 1 < fields.count,
        let fixed = MeasurementSeries.decimalPointForm(of: fields[valueAt].text + "," + fields[valueAt + 1].text)
      {
        report(
          fields[valueAt].location, say.seriesDecimalComma(fields[valueAt].text + "," + fields[valueAt + 1].text),
          hint: say.seriesDecimalCommaHint(fixed))
        return nil
      }
      let location = fields.count > columns.count ? fields[columns.count].location : fields.last!.location
      report(location, say.seriesFieldCount(fields.count, columns.count), hint: say.seriesFieldCountHint())
      return nil
    }
    let dateField = fields[columns["date"]!]
    let valueField = fields[valueAt]
    let date = CalendarDate(iso: dateField.text)
    if date == nil {
      let hint = CalendarDate(dayFirst: dateField.text).map { say.seriesBadDateRewrite($0.description) }
      if CalendarDate.hasISOForm(dateField.text) {
        report(
          dateField.location, say.seriesUnrealDate(dateField.text),
          hint: say.unrealDateHint(dateField.text) ?? say.seriesBadDateHint())
      } else {
        report(dateField.location, say.seriesBadDate(dateField.text), hint: hint ?? say.seriesBadDateHint())
      }
    }
    let value = MeasurementSeries.value(valueField.text)
    if value == nil {
      if let fixed = MeasurementSeries.decimalPointForm(of: valueField.text) {
        report(valueField.location, say.seriesDecimalComma(valueField.text), hint: say.seriesDecimalCommaHint(fixed))
      } else if valueField.text.isEmpty {
        report(valueField.location, say.seriesNoValue(), hint: say.seriesBadValueHint())
      } else {
        report(valueField.location, say.seriesBadValue(valueField.text), hint: say.seriesBadValueHint())
      }
    }
    guard let date, let value else { return nil }
    func optional(_ column: String) -> String? {
      columns[column].map { fields[$0].text }.flatMap { $0.isEmpty ? nil : $0 }
    }
    return MeasurementSeries.Row(
      date: date, value: value, source: optional("source"), note: optional("note"), location: valueField.location)
  }
}

extension Wording {
  func seriesFileName(_ stem: String) -> String {
    self(
      en: "the file name '\(stem).csv' is not a valid indicator id",
      fr: "le nom de fichier « \(stem).csv » n'est pas un identifiant d'indicateur valide")
  }

  func seriesNotUTF8() -> String {
    self(en: "the measurement series is not UTF-8 text", fr: "la série de mesures n'est pas un texte UTF-8")
  }

  func seriesNotUTF8Hint() -> String {
    self(
      en: "save it as UTF-8 CSV (a spreadsheet's \"CSV UTF-8\"), or import it with `steer import measurements`",
      fr:
        "enregistrez-la en CSV UTF-8 (« CSV UTF-8 » d'un tableur), ou importez-la avec `steer import measurements`")
  }

  func seriesEmpty() -> String {
    self(
      en: "the measurement series is empty: it has no header line",
      fr: "la série de mesures est vide : elle n'a pas de ligne d'en-tête")
  }

  func seriesColumnsHint() -> String {
    self(
      en: "the first line names the columns: date and value, then source and note if wanted (date,value,source,note)",
      fr:
        "la première ligne nomme les colonnes : date et value, puis source et note au besoin (date,value,source,note)")
  }

  func seriesUnknownColumn(_ name: String) -> String {
    self(
      en: "unknown column '\(name)' in a measurement series",
      fr: "colonne « \(name) » inconnue dans une série de mesures")
  }

  func seriesUnknownColumnHint(_ suggestion: String) -> String {
    self(
      en: "did you mean '\(suggestion)'? The columns are date, value, source and note",
      fr: "vouliez-vous dire « \(suggestion) » ? Les colonnes sont date, value, source et note")
  }

  func seriesDuplicateColumn(_ name: String) -> String {
    self(en: "the column '\(name)' is named twice", fr: "la colonne « \(name) » est nommée deux fois")
  }

  func seriesMissingColumn(_ name: String) -> String {
    self(en: "the series has no '\(name)' column", fr: "la série n'a pas de colonne « \(name) »")
  }

  func seriesUnterminatedQuote() -> String {
    self(en: "a quoted field is never closed", fr: "un champ entre guillemets n'est jamais refermé")
  }

  func seriesTextAfterQuote() -> String {
    self(en: "text follows the closing quote of a field", fr: "du texte suit le guillemet fermant d'un champ")
  }

  func seriesQuoteHint() -> String {
    self(
      en: "put the whole field in double quotes, writing each quote inside it twice (\"\")",
      fr: "mettez tout le champ entre guillemets droits, en doublant chaque guillemet qu'il contient (\"\")")
  }

  func seriesFieldCount(_ found: Int, _ expected: Int) -> String {
    self(
      en: "the row has \(found) field\(found == 1 ? "" : "s") where the header names \(expected) columns",
      fr: "la ligne a \(found) champ\(found > 1 ? "s" : "") alors que l'en-tête nomme \(expected) colonnes")
  }

  func seriesFieldCountHint() -> String {
    self(
      en: "give each row one field per column; a source or note holding a comma goes in double quotes",
      fr:
        "donnez à chaque ligne un champ par colonne ; une source ou une note qui contient une virgule se met entre guillemets"
    )
  }

  func seriesDecimalComma(_ text: String) -> String {
    self(
      en: "the value '\(text)' is written with a decimal comma",
      fr: "la valeur « \(text) » est écrite avec une virgule décimale")
  }

  func seriesDecimalCommaHint(_ fixed: String) -> String {
    self(
      en:
        "write it with a decimal point: \(fixed) (`steer import measurements` converts a spreadsheet's decimal commas)",
      fr:
        "écrivez-la avec un point décimal : \(fixed) (`steer import measurements` convertit les virgules décimales d'un tableur)"
    )
  }

  func seriesSemicolons() -> String {
    self(
      en: "the series separates its columns with semicolons, where the format wants commas",
      fr: "la série sépare ses colonnes par des points-virgules, alors que le format demande des virgules")
  }

  func seriesSemicolonsHint(_ header: String) -> String {
    self(
      en:
        "separate them with commas: \(header) (`steer import measurements` converts a spreadsheet's semicolons and decimal commas)",
      fr:
        "séparez-les par des virgules : \(header) (`steer import measurements` convertit les points-virgules et les virgules décimales d'un tableur)"
    )
  }

  func seriesBadValue(_ text: String) -> String {
    self(en: "the value '\(text)' is not a number", fr: "la valeur « \(text) » n'est pas un nombre")
  }

  func seriesNoValue() -> String {
    self(en: "the row has no value", fr: "la ligne n'a pas de valeur")
  }

  func seriesBadValueHint() -> String {
    self(
      en: "write a number with a decimal point, such as 412 or 71.5, or remove the row",
      fr: "écrivez un nombre avec un point décimal, par exemple 412 ou 71.5, ou supprimez la ligne")
  }

  func seriesBadDate(_ text: String) -> String {
    self(en: "'\(text)' is not a date YYYY-MM-DD", fr: "« \(text) » n'est pas une date AAAA-MM-JJ")
  }

  func seriesUnrealDate(_ text: String) -> String {
    self(
      en: "'\(text)' is not a real calendar date", fr: "« \(text) » n'est pas une date du calendrier")
  }

  /// Why a text written as a date (`2026-04-31`, `31/04/2026`) is none: `April 2026 has 30 days`
  /// / `avril 2026 compte 30 jours`, `months run from 01 to 12` / `les mois vont de 01 à 12`; nil
  /// for a year 0000 or a text of no date's form.
  package func unrealDateHint(_ text: String) -> String? {
    guard let written = CalendarDate.writtenNumbers(text), (1...9999).contains(written.year) else { return nil }
    guard let month = CalendarDate(year: written.year, month: written.month, day: 1) else {
      return self(en: "months run from 01 to 12", fr: "les mois vont de 01 à 12")
    }
    let days = count(
      CalendarDate.daysIn(month: written.month, year: written.year), en: ("day", "days"), fr: ("jour", "jours"))
    return self(en: "\(self.month(month)) has \(days)", fr: "\(self.month(month)) compte \(days)")
  }

  func seriesBadDateRewrite(_ date: String) -> String {
    self(en: "write it \(date)", fr: "écrivez-la \(date)")
  }

  func seriesBadDateHint() -> String {
    self(
      en: "write dates as YYYY-MM-DD, such as 2026-01-31",
      fr: "écrivez les dates sous la forme AAAA-MM-JJ, par exemple 2026-01-31")
  }

  func seriesDuplicateDate(_ date: CalendarDate, _ line: Int) -> String {
    self(
      en: "a measurement of \(date.description) is already on line \(line)",
      fr: "une mesure du \(inSentence(date)) figure déjà à la ligne \(line: line)")
  }

  func seriesDuplicateDateHint() -> String {
    self(
      en: "keep one row per date: remove or correct one of the two",
      fr: "gardez une ligne par date : supprimez ou corrigez l'une des deux")
  }

  func seriesOutOfOrder(_ date: CalendarDate, _ previous: CalendarDate, _ line: Int) -> String {
    self(
      en:
        "the row of \(date.description) comes after that of \(previous.description) (line \(line)): rows go in date order",
      fr:
        "la ligne du \(inSentence(date)) vient après celle du \(inSentence(previous)) (ligne \(line: line)) : les lignes suivent l'ordre des dates"
    )
  }

  func seriesOutOfOrderHint() -> String {
    self(
      en: "move the row to its place by date",
      fr: "déplacez la ligne à sa place dans l'ordre des dates")
  }
}
