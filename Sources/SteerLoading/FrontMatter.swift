import SteerModel

/// A document file cut into its YAML front matter and its Markdown body.
public struct FrontMatter: Hashable, Sendable {
  /// Byte range of the YAML between the `---` lines.
  public var yaml: Range<Int>
  /// The file line the YAML starts on.
  public var yamlFirstLine: Int
  /// Byte range of the body, after the closing line.
  public var body: Range<Int>
  public var bodyFirstLine: Int

  /// Files larger than this are refused before they are parsed.
  public static let maximumFileSize = 1 << 20

  /// Why a file has no readable front matter.
  public struct Problem: Error, Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case invalidUTF8, missing, unterminated }
    public var kind: Kind
    public var location: SourceLocation

    public func message(_ say: Wording) -> String {
      switch kind {
      case .invalidUTF8: say.invalidUTF8(line: location.line, column: location.column)
      case .missing:
        say(
          en: "no front matter: a ledger document starts with a line '---'",
          fr: "pas d'en-tête : un document du registre commence par une ligne « --- »")
      case .unterminated:
        say(en: "the front matter opened on line 1 is never closed", fr: "l'en-tête ouvert ligne 1 n'est jamais fermé")
      }
    }

    public func hint(_ say: Wording) -> String? {
      switch kind {
      case .invalidUTF8: say.saveAsUTF8()
      case .missing:
        say(
          en: "start the file with '---', the YAML fields, then another '---' line",
          fr: "commencez le fichier par « --- », puis les champs YAML, puis une autre ligne « --- »")
      case .unterminated:
        say(en: "add a line '---' after the last field", fr: "ajoutez une ligne « --- » après le dernier champ")
      }
    }
  }

  /// Splits a whole file. A UTF-8 byte-order mark is accepted, and lines end where YAML ends
  /// them (`LineBreak`).
  public static func split(_ bytes: UnsafeBufferPointer<UInt8>) throws(Problem) -> FrontMatter {
    if let problem = firstInvalidUTF8(bytes) {
      throw Problem(kind: .invalidUTF8, location: problem)
    }
    let start = bytes.starts(with: SourceText.byteOrderMark) ? SourceText.byteOrderMark.count : 0

    var lines = LineCursor(bytes: bytes, offset: start)
    guard let first = lines.next(), isFence(bytes, first.content, allowDots: false) else {
      throw Problem(kind: .missing, location: .fileStart)
    }
    let yamlStart = first.next
    while let line = lines.next() {
      if isFence(bytes, line.content, allowDots: true) {
        return FrontMatter(
          yaml: yamlStart..<line.content.lowerBound, yamlFirstLine: 2, body: line.next..<bytes.count,
          bodyFirstLine: line.number + 1)
      }
    }
    throw Problem(kind: .unterminated, location: .fileStart)
  }

  /// `---` (or `...` to close), alone on its line but for trailing blanks.
  private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, allowDots: Bool) -> Bool {
    var end = range.upperBound
    while end > range.lowerBound, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") {
      end -= 1
    }
    guard end - range.lowerBound == 3 else { return false }
    let first = bytes[range.lowerBound]
    guard first == UInt8(ascii: "-") || (allowDots && first == UInt8(ascii: ".")) else { return false }
    return bytes[range.lowerBound + 1] == first && bytes[range.lowerBound + 2] == first
  }

  /// The position of the first byte that is not part of valid UTF-8, if any.
  static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation? {
    // The standard library's validation is fast; find the position only when it fails.
    if String(validating: bytes, as: UTF8.self) != nil { return nil }
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var line = 1
    var column = 1
    var previous: Unicode.Scalar = " "
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        defer { previous = scalar }
        if scalar == "\n" && previous == "\r" { continue }  // CR LF: one break
        if LineBreak.isBreak(scalar) {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput:
        return nil
      case .error:
        return SourceLocation(line: line, column: column)
      }
    }
  }
}

/// Walks the lines of a buffer; `content` excludes the line break.
private struct LineCursor {
  struct Line {
    var number: Int
    var content: Range<Int>
    /// Offset of the next line.
    var next: Int
  }

  let bytes: UnsafeBufferPointer<UInt8>
  var offset: Int
  var number = 0

  init(bytes: UnsafeBufferPointer<UInt8>, offset: Int) {
    self.bytes = bytes
    self.offset = offset
  }

  mutating func next() -> Line? {
    guard offset < bytes.count else { return nil }
    number += 1
    var end = offset
    var breakLength = 0
    while end < bytes.count {
      breakLength = LineBreak.length(in: bytes, at: end)
      if breakLength > 0 { break }
      end += 1
    }
    let next = end + breakLength
    defer { offset = next }
    return Line(number: number, content: offset..<end, next: next)
  }
}
