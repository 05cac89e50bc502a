/// A JSON value whose objects keep their keys in the order written, so that documented
/// shapes print as documented, byte for byte on every run.
public indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  /// An array whose elements are made one at a time as they are written, so that a large one
  /// (a SARIF report's results) is never held whole.
  case elements(count: Int, element: @Sendable (Int) -> JSONValue)
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
  public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

  /// Two-space indented JSON, ending without a newline.
  public func serialized() -> String {
    var output: [UInt8] = []
    write(into: &output, indent: 0)
    return String(decoding: output, as: UTF8.self)
  }

  /// The same bytes as `serialized()` and a newline, handed to `sink` a chunk at a time as
  /// they are made: a large document is never held whole.
  public func stream(to sink: ([UInt8]) throws -> Void) throws {
    var output: [UInt8] = []
    output.reserveCapacity(Self.chunk)
    // An optional closure escapes by type; this one does not outlive the call.
    try withoutActuallyEscaping(sink) { sink in try write(into: &output, indent: 0, flush: sink) }
    output.append(UInt8(ascii: "\n"))
    try sink(output)
  }

  private static let chunk = 1 << 20

  // Written as bytes: appending many short pieces to a `String` costs several times more
  // (the metrics of a large ledger are 1.9 MB of JSON).
  private func write(into output: inout [UInt8], indent: Int) {
    // Without a sink nothing is flushed, so nothing throws.
    try! write(into: &output, indent: indent, flush: nil)
  }

  /// Writes into `output`, handing it to `flush` (and emptying it) whenever it passes a chunk.
  private func write(into output: inout [UInt8], indent: Int, flush: (([UInt8]) throws -> Void)?) throws {
    if let flush, output.count >= Self.chunk {
      try flush(output)
      output.removeAll(keepingCapacity: true)
    }
    switch self {
    case .null: output += "null".utf8
    case .bool(let value): output += (value ? "true" : "false").utf8
    case .integer(let value): output += String(value).utf8
    case .number(let value): output += (value.isFinite ? value.plainText() : "null").utf8
    case .string(let value): Self.writeString(value, into: &output)
    case .array(let values):
      try Self.writeArray(count: values.count, { values[$0] }, into: &output, indent: indent, flush: flush)
    case .elements(let count, let element):
      try Self.writeArray(count: count, element, into: &output, indent: indent, flush: flush)
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}".utf8
        return
      }
      output += "{\n".utf8
      for (index, (key, value)) in members.enumerated() {
        Self.writeIndent(indent + 1, into: &output)
        Self.writeString(key, into: &output)
        output += ": ".utf8
        try value.write(into: &output, indent: indent + 1, flush: flush)
        output += (index < members.count - 1 ? ",\n" : "\n").utf8
      }
      Self.writeIndent(indent, into: &output)
      output.append(UInt8(ascii: "}"))
    }
  }

  private static func writeArray(
    count: Int, _ element: (Int) -> JSONValue, into output: inout [UInt8], indent: Int,
    flush: (([UInt8]) throws -> Void)?
  ) throws {
    guard count > 0 else {
      output += "[]".utf8
      return
    }
    output += "[\n".utf8
    for index in 0..<count {
      writeIndent(indent + 1, into: &output)
      try element(index).write(into: &output, indent: indent + 1, flush: flush)
      output += (index < count - 1 ? ",\n" : "\n").utf8
    }
    writeIndent(indent, into: &output)
    output.append(UInt8(ascii: "]"))
  }

  private static func writeIndent(_ depth: Int, into output: inout [UInt8]) {
    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
  }

  private static func writeString(_ value: String, into output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    defer { output.append(UInt8(ascii: "\"")) }
    // Most strings (ids, titles, paths) need no escape: copied whole.
    guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
      output += value.utf8
      return
    }
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): output += #"\""#.utf8
      case UInt8(ascii: "\\"): output += #"\\"#.utf8
      case UInt8(ascii: "\n"): output += #"\n"#.utf8
      case UInt8(ascii: "\r"): output += #"\r"#.utf8
      case UInt8(ascii: "\t"): output += #"\t"#.utf8
      case ..<0x20:
        let hex = String(byte, radix: 16)
        output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
      default: output.append(byte)
      }
    }
  }
}
