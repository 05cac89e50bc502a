/// A CSV file read as RFC 4180 writes it — fields separated by commas (or another separator), a field in double quotes
/// may hold commas, line breaks and doubled quotes (`""`) — over `SourceText`'s lines, so that a
/// field's line and column are those every other report of the file names, whatever its line
/// ends (LF, CR LF, CR) and with a byte-order mark skipped. Blank lines are no records.
public struct CSVTable: Sendable {
  /// One field as written, with where it starts (its opening quote, when quoted).
  public struct Field: Hashable, Sendable {
    public var text: String
    public var location: SourceLocation
    public var isQuoted: Bool
  }

  /// One record: its fields, and the lines it starts and ends on (more than one when a quoted
  /// field holds a line break).
  public struct Record: Hashable, Sendable {
    public var fields: [Field]
    public var line: Int
    public var lastLine: Int
  }

  /// Where the text is not CSV.
  public enum Problem: Hashable, Sendable {
    /// A quoted field that no closing quote ends, opened at this location.
    case unterminatedQuote(SourceLocation)
    /// Text after a field's closing quote, before the next comma.
    case textAfterQuote(SourceLocation)
  }

  public private(set) var records: [Record] = []
  public private(set) var problems: [Problem] = []
  /// The line break the file's first line ends with (LF when it has none): a writer keeps it.
  public let lineBreak: String
  /// What separates fields: a comma, as RFC 4180 and series files have it, or a spreadsheet's
  /// semicolon or tab.
  public let separator: UInt8

  public init(_ text: SourceText, separator: UInt8 = UInt8(ascii: ",")) {
    lineBreak = text.lineBreak
    self.separator = separator
    var line = 1
    while line <= text.lineCount {
      line = readRecord(startingAt: line, in: text)
    }
  }

  /// Reads the record that starts on line `first`; returns the line after it.
  private mutating func readRecord(startingAt first: Int, in text: SourceText) -> Int {
    let bytes = text.bytes
    var line = first
    var range = text.range(ofLine: line)!
    guard !range.isEmpty else { return line + 1 }
    var fields: [Field] = []
    var offset = range.lowerBound
    var column = 1
    /// Moves past one scalar (its continuation bytes included).
    func advance() {
      offset += 1
      while offset < range.upperBound && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
      column += 1
    }
    while true {
      let start = SourceLocation(line: line, column: column)
      var field: [UInt8] = []
      let quoted = offset < range.upperBound && bytes[offset] == UInt8(ascii: "\"")
      if quoted {
        advance()
        quotedLoop: while true {
          if offset == range.upperBound {
            // A line break inside quotes belongs to the field, as the file writes it.
            guard let next = text.range(ofLine: line + 1) else {
              problems.append(.unterminatedQuote(start))
              records.append(
                Record(
                  fields: fields + [Field(text: decode(field), location: start, isQuoted: true)], line: first,
                  lastLine: line))
              return line + 1
            }
            field += bytes[range.upperBound..<next.lowerBound]
            line += 1
            range = next
            offset = range.lowerBound
            column = 1
            continue
          }
          let byte = bytes[offset]
          if byte == UInt8(ascii: "\"") {
            if offset + 1 < range.upperBound && bytes[offset + 1] == UInt8(ascii: "\"") {
              field.append(byte)
              advance()
              advance()
              continue
            }
            advance()
            break quotedLoop
          }
          let scalarStart = offset
          advance()
          field += bytes[scalarStart..<offset]
        }
        if offset < range.upperBound && bytes[offset] != separator {
          problems.append(.textAfterQuote(SourceLocation(line: line, column: column)))
          while offset < range.upperBound && bytes[offset] != separator { advance() }
        }
      } else {
        let fieldStart = offset
        while offset < range.upperBound && bytes[offset] != separator { advance() }
        field += bytes[fieldStart..<offset]
      }
      fields.append(Field(text: decode(field), location: start, isQuoted: quoted))
      guard offset < range.upperBound else { break }
      advance()  // the separator
    }
    records.append(Record(fields: fields, line: first, lastLine: line))
    return line + 1
  }

  private func decode(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}

extension CSVTable {
  /// A field as a CSV writer writes it: quoted when it holds a comma, a quote or a line break.
  public static func quoted(_ text: String) -> String {
    let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || LineBreak.isBreak($0) }
    guard needsQuotes else { return text }
    return "\"" + text.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
  }
}

extension CSVTable {
  /// The separator a spreadsheet's export uses, judged from its first line: a semicolon or a
  /// tab when the line holds more of them than commas (outside quotes), else a comma.
  public static func likelySeparator(of text: SourceText) -> UInt8 {
    guard let line = text.range(ofLine: 1) else { return UInt8(ascii: ",") }
    var counts: [UInt8: Int] = [:]
    var quoted = false
    for byte in text.bytes[line] {
      if byte == UInt8(ascii: "\"") { quoted.toggle() } else if !quoted { counts[byte, default: 0] += 1 }
    }
    let commas = counts[UInt8(ascii: ","), default: 0]
    return [UInt8(ascii: ";"), UInt8(ascii: "\t")].first { counts[$0, default: 0] > commas } ?? UInt8(ascii: ",")
  }
}
