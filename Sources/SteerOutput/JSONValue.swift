import SteerChecks
import SteerModel

/// A JSON value whose objects keep their keys in the order written, so that documented
/// shapes print as documented, byte for byte on every run.
public indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case integer(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
  public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

  /// Two-space indented JSON, ending without a newline.
  public func serialized() -> String {
    var output: [UInt8] = []
    write(into: &output, indent: 0)
    return String(decoding: output, as: UTF8.self)
  }

  // Written as bytes: appending many short pieces to a `String` costs several times more
  // (the metrics of a large ledger are 1.9 MB of JSON).
  private func write(into output: inout [UInt8], indent: Int) {
    switch self {
    case .null: output += "null".utf8
    case .bool(let value): output += (value ? "true" : "false").utf8
    case .integer(let value): output += String(value).utf8
    case .number(let value): output += (value.isFinite ? value.plainText() : "null").utf8
    case .string(let value): Self.writeString(value, into: &output)
    case .array(let values):
      guard !values.isEmpty else {
        output += "[]".utf8
        return
      }
      output += "[\n".utf8
      for (index, value) in values.enumerated() {
        Self.writeIndent(indent + 1, into: &output)
        value.write(into: &output, indent: indent + 1)
        output += (index < values.count - 1 ? ",\n" : "\n").utf8
      }
      Self.writeIndent(indent, into: &output)
      output.append(UInt8(ascii: "]"))
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
        value.write(into: &output, indent: indent + 1)
        output += (index < members.count - 1 ? ",\n" : "\n").utf8
      }
      Self.writeIndent(indent, into: &output)
      output.append(UInt8(ascii: "}"))
    }
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
