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
  let lineStarts: [Int]

  /// - Parameter lineStarts: the editor's line starts when the caller keeps them up to date
  ///   (an open document, edit by edit); else they are found here.
  init(_ bytes: [UInt8], lineStarts: [Int]? = nil) {
    self.bytes = bytes
    source = SourceText(bytes)
    self.lineStarts = lineStarts ?? [0] + Self.lineStarts(in: bytes, from: 0, before: bytes.count + 1)
  }

  /// The starts of the editor's lines after `start` and before `limit`, for breaks found
  /// from `start` on.
  static func lineStarts(in bytes: [UInt8], from start: Int, before limit: Int) -> [Int] {
    var starts: [Int] = []
    var offset = start
    while offset < bytes.count {
      if bytes[offset] == UInt8(ascii: "\r") && offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n") {
        offset += 1
      }
      if bytes[offset] == UInt8(ascii: "\n") || bytes[offset] == UInt8(ascii: "\r") {
        guard offset + 1 < limit else { break }
        starts.append(offset + 1)
      }
      offset += 1
    }
    return starts
  }

  /// The editor's line starts after `range` of the old text was replaced by `count` bytes, now
  /// in `bytes`: only the lines the edit touched are scanned again (a break may join or split
  /// with the byte before the edit, a CR then an LF), the others shifted.
  static func updatedLineStarts(_ old: [Int], replacing range: Swift.Range<Int>, count: Int, in bytes: [UInt8])
    -> [Int]
  {
    let delta = count - range.count
    // From the start of the line holding the byte before the edit…
    let first = old.partitioningIndex { $0 > max(0, range.lowerBound - 1) } - 1
    // …to the first line starting past the edit and its next byte, which stays as it was.
    let kept = old.partitioningIndex { $0 > range.upperBound + 1 }
    let limit = kept < old.count ? old[kept] + delta : bytes.count + 1
    return Array(old[...first]) + lineStarts(in: bytes, from: old[first], before: limit)
      + old[kept...].map { $0 + delta }
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
