/// Where lines end, as libyaml ends them — LF, CR LF, a lone CR, NEL (U+0085), LS (U+2028), PS
/// (U+2029) — so that every reader and writer of Steer numbers a file's lines as YAML does, and
/// the line a finding names is the line quoted, rewritten or suppressed.
public enum LineBreak {
  /// The length in bytes of the line break starting at `offset`, or 0 when none starts there.
  @inlinable
  public static func length<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at offset: Bytes.Index) -> Int {
    let byte = bytes[offset]
    if byte == UInt8(ascii: "\n") { return 1 }
    let next = bytes.index(after: offset)
    if byte == UInt8(ascii: "\r") { return next != bytes.endIndex && bytes[next] == UInt8(ascii: "\n") ? 2 : 1 }
    if byte == 0xC2 { return next != bytes.endIndex && bytes[next] == 0x85 ? 2 : 0 }  // NEL
    if byte == 0xE2, bytes.distance(from: offset, to: bytes.endIndex) >= 3, bytes[next] == 0x80 {
      let third = bytes[bytes.index(after: next)]
      return third == 0xA8 || third == 0xA9 ? 3 : 0  // LS, PS
    }
    return 0
  }

  /// Whether a Unicode scalar breaks a line on its own (CR LF is two scalars, each a break
  /// here: count the pair once where it matters).
  @inlinable
  public static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
    default: false
    }
  }
}

/// The text of a file with where each of its lines starts and ends, built once: the one line
/// table through which reports quote lines, rewriters splice values and positions convert.
/// Line 1 starts after a UTF-8 byte-order mark, as libyaml's columns do.
public struct SourceText: Sendable {
  public let bytes: [UInt8]
  /// The byte range of each line, without its break.
  private let lines: [Range<Int>]

  /// UTF-8's byte-order mark, which a file may start with (Windows' Notepad writes it); it
  /// belongs to no line.
  public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var lines: [Range<Int>] = []
    var start = bytes.starts(with: Self.byteOrderMark) ? Self.byteOrderMark.count : 0
    var offset = start
    while offset < bytes.count {
      let breakLength = LineBreak.length(in: bytes, at: offset)
      if breakLength > 0 {
        lines.append(start..<offset)
        offset += breakLength
        start = offset
      } else {
        offset += 1
      }
    }
    lines.append(start..<bytes.count)
    self.lines = lines
  }

  public var lineCount: Int { lines.count }

  /// The break that ends the first line (LF when there is none): what a writer adding a line
  /// uses, so that a file keeps its own line endings.
  public var lineBreak: String {
    guard lines.count > 1 else { return "\n" }
    return String(decoding: bytes[lines[0].upperBound..<lines[1].lowerBound], as: UTF8.self)
  }

  /// The byte range of line `number` (1-based), without its line break.
  public func range(ofLine number: Int) -> Range<Int>? {
    lines.indices.contains(number - 1) ? lines[number - 1] : nil
  }

  /// Line `number` (1-based), without its line break.
  public func line(_ number: Int) -> String? {
    range(ofLine: number).map { String(decoding: bytes[$0], as: UTF8.self) }
  }

  /// The lines that start within `byteRange`, numbered from 1, each without its break.
  public func lines(in byteRange: Range<Int>) -> [(number: Int, text: String)] {
    let first = lines.partitioningIndex { $0.lowerBound >= byteRange.lowerBound }
    return lines[first...].prefix { $0.lowerBound < byteRange.upperBound }.enumerated().map { index, range in
      (
        first + index + 1,
        String(decoding: bytes[range.lowerBound..<min(range.upperBound, byteRange.upperBound)], as: UTF8.self)
      )
    }
  }

  /// The byte offset of a location (its column counts Unicode scalars from 1), at most its
  /// line's end; nil past the last line.
  public func offset(of location: SourceLocation) -> Int? {
    guard let line = range(ofLine: location.line) else { return nil }
    var offset = line.lowerBound
    var column = 1
    while column < location.column && offset < line.upperBound {
      offset += 1
      // Continuation bytes (10xxxxxx) belong to the scalar already counted.
      while offset < line.upperBound && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
      column += 1
    }
    return offset
  }

  /// The bytes with each byte range replaced by its text and every other byte — line breaks,
  /// a byte-order mark, comments — as it was. Nil when a range does not lie within the text
  /// or two ranges overlap.
  public func replacing(_ edits: [(range: Range<Int>, text: String)]) -> [UInt8]? {
    var result = bytes
    var limit = bytes.count
    for (range, text) in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      guard range.lowerBound >= 0, range.upperBound <= limit else { return nil }
      result.replaceSubrange(range, with: text.utf8)
      limit = range.lowerBound
    }
    return result
  }
}
