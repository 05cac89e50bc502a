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
    var output = ""
    write(into: &output, indent: 0)
    return output
  }

  private func write(into output: inout String, indent: Int) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .integer(let value): output += String(value)
    case .number(let value):
      if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        output += String(Int(value))
      } else if value.isFinite {
        output += String(value)
      } else {
        output += "null"
      }
    case .string(let value): Self.writeString(value, into: &output)
    case .array(let values):
      guard !values.isEmpty else {
        output += "[]"
        return
      }
      output += "[\n"
      for (index, value) in values.enumerated() {
        output += String(repeating: "  ", count: indent + 1)
        value.write(into: &output, indent: indent + 1)
        output += index < values.count - 1 ? ",\n" : "\n"
      }
      output += String(repeating: "  ", count: indent) + "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{\n"
      for (index, (key, value)) in members.enumerated() {
        output += String(repeating: "  ", count: indent + 1)
        Self.writeString(key, into: &output)
        output += ": "
        value.write(into: &output, indent: indent + 1)
        output += index < members.count - 1 ? ",\n" : "\n"
      }
      output += String(repeating: "  ", count: indent) + "}"
    }
  }

  private static func writeString(_ value: String, into output: inout String) {
    output += "\""
    defer { output += "\"" }
    // Most strings (ids, titles, paths) need no escape: appended whole, not scalar by scalar.
    guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
      output += value
      return
    }
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
  }
}
