import SteerChecks
import SteerModel

/// How positions count characters within a line: negotiated at initialisation (LSP 3.17),
/// UTF-16 code units unless the editor offers another.
enum PositionEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case utf16 = "utf-16"
  case utf32 = "utf-32"

  func units(of scalar: Unicode.Scalar) -> Int {
    switch self {
    case .utf8: UTF8.width(scalar)
    case .utf16: UTF16.width(scalar)
    case .utf32: 1
    }
  }

  /// The first of the editor's encodings, in its order of preference, that Steer speaks.
  static func negotiated(_ offered: [String]?) -> PositionEncoding {
    offered?.lazy.compactMap(PositionEncoding.init(rawValue:)).first ?? .utf16
  }
}

/// A file's text with both ways of numbering its lines: the editor's (breaks at LF, CR LF and
/// CR, as LSP says) and Steer's (libyaml's, which also breaks at NEL, LS and PS). Positions
/// go through byte offsets between the two, so that neither numbering leaks into the other.
struct TextPositions: Sendable {
  let bytes: [UInt8]
  let source: SourceText
  /// The byte offset where each of the editor's lines starts.
  private let lineStarts: [Int]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    source = SourceText(bytes)
    var starts = [0]
    var offset = 0
    while offset < bytes.count {
      if bytes[offset] == UInt8(ascii: "\n") {
        starts.append(offset + 1)
      } else if bytes[offset] == UInt8(ascii: "\r") {
        if offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n") { offset += 1 }
        starts.append(offset + 1)
      }
      offset += 1
    }
    lineStarts = starts
  }

  /// The end of the editor's line `line`, before its break.
  private func lineEnd(_ line: Int) -> Int {
    guard line + 1 < lineStarts.count else { return bytes.count }
    var end = lineStarts[line + 1] - 1
    if end > lineStarts[line] && bytes[end] == UInt8(ascii: "\n") && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return end
  }

  /// The length of the scalar whose first byte is `byte` (1 for a byte that starts none).
  private static func scalarLength(_ byte: UInt8) -> Int {
    switch byte {
    case 0xF0...0xF7: 4
    case 0xE0...0xEF: 3
    case 0xC0...0xDF: 2
    default: 1
    }
  }

  private func scalar(at offset: Int, length: Int) -> Unicode.Scalar {
    guard offset + length <= bytes.count else { return "\u{FFFD}" }
    var decoder = UTF8()
    var iterator = bytes[offset..<(offset + length)].makeIterator()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return "\u{FFFD}"
  }

  /// The byte offset of an editor's position: past the line's end, the line's end; past the
  /// last line, the end of the text (LSP: a position beyond is taken back to the end).
  func offset(of position: Position, _ encoding: PositionEncoding) -> Int {
    guard position.line >= 0 else { return 0 }
    guard position.line < lineStarts.count else { return bytes.count }
    let end = lineEnd(position.line)
    var offset = lineStarts[position.line]
    var units = 0
    while offset < end {
      let length = Self.scalarLength(bytes[offset])
      let width = encoding.units(of: scalar(at: offset, length: length))
      guard units + width <= position.character else { break }
      units += width
      offset = min(offset + length, end)
    }
    return offset
  }

  /// The editor's position of a byte offset.
  func position(ofOffset target: Int, _ encoding: PositionEncoding) -> Position {
    let target = max(0, min(target, bytes.count))
    let line = lineStarts.partitioningIndex { $0 > target } - 1
    var offset = lineStarts[line]
    var units = 0
    let end = min(target, lineEnd(line))
    while offset < end {
      let length = Self.scalarLength(bytes[offset])
      units += encoding.units(of: scalar(at: offset, length: length))
      offset += length
    }
    return Position(line: line, character: units)
  }

  /// The editor's position of a location Steer reports (its line numbered as libyaml does,
  /// its column in Unicode scalars).
  func position(of location: SourceLocation, _ encoding: PositionEncoding) -> Position {
    position(ofOffset: source.offset(of: location) ?? bytes.count, encoding)
  }

  /// The range of `scalars` Unicode scalars from a location, within its line.
  func range(of location: SourceLocation, scalars: Int, _ encoding: PositionEncoding) -> Range {
    let start = position(of: location, encoding)
    let end = position(of: SourceLocation(line: location.line, column: location.column + scalars), encoding)
    return Range(start: start, end: end.line == start.line ? end : start)
  }

  /// The text of the editor's line `line` up to a position, and the whole line.
  func line(_ line: Int) -> String {
    guard line >= 0 && line < lineStarts.count else { return "" }
    return String(decoding: bytes[lineStarts[line]..<lineEnd(line)], as: UTF8.self)
  }

  var lineCount: Int { lineStarts.count }
}
