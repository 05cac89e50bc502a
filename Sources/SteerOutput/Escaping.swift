/// The escapings of Steer's outputs, each written once: every text from the ledger goes
/// through one of these before it stands in markup, Markdown, a workflow command or a URI.
public enum Escaping {
  /// A CSV field (RFC 4180): quoted, its quotes doubled, when it holds a comma, a quote or a
  /// line break.
  public static func csv(_ field: String) -> String {
    field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
      ? "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : field
  }

  /// XML and HTML text and attribute values: the five special characters as entities, control
  /// characters XML 1.0 cannot carry dropped. With `encodingLineBreaks`, a line break is
  /// written `&#10;` (an attribute keeps it then).
  public static func markup(_ text: String, encodingLineBreaks: Bool = false) -> String {
    // The two noncharacters XML forbids too, rarer than any ASCII: looked for only in passing.
    let text =
      text.unicodeScalars.contains { $0.value == 0xFFFE || $0.value == 0xFFFF }
      ? String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value != 0xFFFE && $0.value != 0xFFFF }))
      : text
    return text.replacingASCII { byte in
      switch byte {
      case UInt8(ascii: "&"): "&amp;"
      case UInt8(ascii: "<"): "&lt;"
      case UInt8(ascii: ">"): "&gt;"
      case UInt8(ascii: "\""): "&quot;"
      case UInt8(ascii: "'"): "&#39;"
      case UInt8(ascii: "\n"): encodingLineBreaks ? "&#10;" : nil
      case UInt8(ascii: "\t"), UInt8(ascii: "\r"): nil
      case ..<0x20: ""
      default: nil
      }
    }
  }

  /// GitHub-flavoured Markdown inline text: nothing in it can open a table cell, a link,
  /// emphasis, code or raw HTML, and it stays on one line.
  public static func markdown(_ text: String) -> String {
    text.replacingASCII { byte in
      switch byte {
      case UInt8(ascii: "\\"): #"\\"#
      case UInt8(ascii: "`"): #"\`"#
      case UInt8(ascii: "*"): #"\*"#
      case UInt8(ascii: "_"): #"\_"#
      case UInt8(ascii: "["): #"\["#
      case UInt8(ascii: "]"): #"\]"#
      case UInt8(ascii: "<"): #"\<"#
      case UInt8(ascii: ">"): #"\>"#
      case UInt8(ascii: "|"): #"\|"#
      case UInt8(ascii: "#"): ##"\#"##
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"): " "
      default: nil
      }
    }
  }

  /// Percent-encoding of every ASCII byte that `kept` refuses, and with `encodingNonASCII`, of
  /// every byte of a multi-byte character: SARIF URIs keep RFC 3986's unreserved characters and
  /// `/`; GitHub's workflow commands keep all but `%`, CR, LF (and, in a property, `:` and `,`).
  public static func percent(_ text: String, encodingNonASCII: Bool = false, keeping kept: (UInt8) -> Bool) -> String {
    text.replacingASCII(percentEncodingNonASCII: encodingNonASCII) { byte in
      kept(byte) ? nil : "%" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }
  }

  /// RFC 3986's unreserved characters.
  public static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
      UInt8(ascii: "~"):
      true
    default: false
    }
  }
}

extension String {
  /// The text with every ASCII byte that `replacement` gives a replacement for replaced (and,
  /// when asked, every byte of a multi-byte character percent-encoded); the text itself when
  /// nothing is replaced. Byte by byte: no byte of a multi-byte character is ASCII.
  func replacingASCII(percentEncodingNonASCII: Bool = false, _ replacement: (UInt8) -> String?) -> String {
    let replaces = { (byte: UInt8) in byte < 0x80 ? replacement(byte) != nil : percentEncodingNonASCII }
    guard utf8.contains(where: replaces) else { return self }
    var escaped: [UInt8] = []
    escaped.reserveCapacity(utf8.count + 16)
    for byte in utf8 {
      if byte < 0x80, let replaced = replacement(byte) {
        escaped += replaced.utf8
      } else if byte >= 0x80 && percentEncodingNonASCII {
        escaped += ("%" + String(byte, radix: 16, uppercase: true)).utf8
      } else {
        escaped.append(byte)
      }
    }
    return String(decoding: escaped, as: UTF8.self)
  }
}
