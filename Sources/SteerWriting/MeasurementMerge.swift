import SteerLoading
import SteerModel

extension MeasurementImport {
  /// What an import changes in a series file.
  public struct Merge: Sendable {
    /// Rows of dates the series did not have.
    public var added: [Row] = []
    /// Rows of dates the series gives another value: replaced with `--replace`, else refused.
    public var conflicts: [(old: MeasurementSeries.Row, new: Row)] = []
    /// Rows the series already has, with the same value: kept as they are written.
    public var unchanged = 0
    /// The file's new bytes; nil when nothing changes (or conflicts refuse the import).
    public var bytes: [UInt8]?
  }

  /// Merges `rows` into the series file `existing` (nil: there is none yet). The rows already
  /// in the file keep their bytes; a new one is written in date order; the file keeps its
  /// line breaks and byte-order mark, and gains the `source` and `note` columns when the
  /// rows bring them. Throws when the file has reading errors of its own.
  public static func merge(
    _ rows: [Row], into existing: [UInt8]?, path: String, indicator: String, replace: Bool, language: Language
  ) throws(SteerError) -> Merge {
    var merge = Merge()
    guard let existing else {
      merge.added = rows
      if !rows.isEmpty { merge.bytes = newFile(rows) }
      return merge
    }
    let (series, findings) = SeriesFile.read(existing, path: path, indicator: indicator, language: language)
    guard let series, findings.isEmpty else {
      throw SteerError(
        en: "\(path) has errors of its own, so nothing was imported",
        fr: "\(path) comporte lui-même des erreurs : rien n'a été importé",
        hint: (en: "run `steer check` and correct them first", fr: "lancez `steer check` et corrigez-les d'abord"))
    }
    let byDate = Dictionary(series.rows.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
    for row in rows {
      guard let old = byDate[row.date] else {
        merge.added.append(row)
        continue
      }
      if old.value == row.value { merge.unchanged += 1 } else { merge.conflicts.append((old, row)) }
    }
    guard !merge.added.isEmpty || (replace && !merge.conflicts.isEmpty) else { return merge }
    guard replace || merge.conflicts.isEmpty else { return merge }
    merge.bytes = rewrite(existing, adding: merge.added, replacing: merge.conflicts.map(\.new))
    return merge
  }

  private static func newFile(_ rows: [Row]) -> [UInt8] {
    var columns = MeasurementSeries.requiredColumns
    if rows.contains(where: { $0.source != nil }) { columns.append("source") }
    if rows.contains(where: { $0.note != nil }) { columns.append("note") }
    let lines = [columns.joined(separator: ",")] + rows.map { line($0, columns: columns) }
    return Array(lines.map { $0 + "\n" }.joined().utf8)
  }

  /// A row as a series file writes it, in the file's columns.
  private static func line(_ row: Row, columns: [String]) -> String {
    columns.map { column in
      switch column {
      case "date": row.date.description
      case "value": row.value.plainText()
      case "source": CSVTable.quoted(row.source ?? "")
      default: CSVTable.quoted(row.note ?? "")
      }
    }.joined(separator: ",")
  }

  /// The existing file's records as written, with `added` inserted in date order, `replaced`
  /// in place of the rows of their dates, and the columns they need appended.
  private static func rewrite(_ existing: [UInt8], adding added: [Row], replacing replaced: [Row]) -> [UInt8] {
    let text = SourceText(existing)
    let table = CSVTable(text)
    let header = table.records[0]
    var columns = header.fields.map(\.text)
    let changed = added + replaced
    let extra = ["source", "note"].filter { column in
      !columns.contains(column)
        && changed.contains { column == "source" ? $0.source != nil : $0.note != nil }
    }
    columns += extra
    func verbatim(_ record: CSVTable.Record) -> String {
      let start = text.range(ofLine: record.line)!.lowerBound
      let end = text.range(ofLine: record.lastLine)!.upperBound
      return String(decoding: text.bytes[start..<end], as: UTF8.self)
    }
    let replacing = Dictionary(replaced.map { ($0.date, $0) }, uniquingKeysWith: { first, _ in first })
    let dateColumn = columns.firstIndex(of: "date")!
    var lines = [verbatim(header) + extra.map { "," + $0 }.joined()]
    var pending = added[...]
    for record in table.records.dropFirst() {
      let date = CalendarDate(iso: record.fields[dateColumn].text)!
      while let next = pending.first, next.date < date {
        lines.append(line(next, columns: columns))
        pending = pending.dropFirst()
      }
      if let row = replacing[date] {
        lines.append(line(row, columns: columns))
      } else {
        lines.append(verbatim(record) + String(repeating: ",", count: extra.count))
      }
    }
    lines += pending.map { line($0, columns: columns) }
    let byteOrderMark = existing.starts(with: SourceText.byteOrderMark) ? SourceText.byteOrderMark : []
    return byteOrderMark + Array(lines.map { $0 + table.lineBreak }.joined().utf8)
  }
}
