import SteerModel

/// What every report is made from.
public struct Report: Sendable {
  public var diagnostics: [Diagnostic]
  /// Every document read, sorted: JUnit makes a test case of each.
  public var documentPaths: [String]
  /// File path → bytes, to quote the offending line.
  public var sources: [String: [UInt8]]
  /// Whether warnings count as failures (`--strict`).
  public var strict: Bool
  /// The language of the text report's own words.
  public var language: Language

  public init(
    diagnostics: [Diagnostic], documentPaths: [String], sources: [String: [UInt8]] = [:], strict: Bool = false,
    language: Language = .en
  ) {
    self.diagnostics = diagnostics
    self.documentPaths = documentPaths
    self.sources = sources
    self.strict = strict
    self.language = language
  }

  public var documentCount: Int { documentPaths.count }

  public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }

  /// Whether a diagnostic fails the run.
  public func fails(_ diagnostic: Diagnostic) -> Bool { diagnostic.severity == .error || strict }

  /// Line `number` (1-based) of a file, without its line break; a leading BOM is dropped.
  public func line(_ number: Int, of file: String) -> String? {
    guard let bytes = sources[file] else { return nil }
    var current = 1
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while current < number {
      guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
      start = newline + 1
      current += 1
    }
    guard start <= bytes.count else { return nil }
    var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// The column just after the key or value a diagnostic points at (a quoted scalar up to
  /// its closing quote, else up to a space, `,`, `]`, `}` or `#`), for formats that mark a range.
  public func endColumn(of diagnostic: Diagnostic) -> Int? {
    guard let location = diagnostic.location else { return nil }
    guard let text = line(location.line, of: diagnostic.file) else { return location.column + 1 }
    let scalars = Array(text.unicodeScalars.dropFirst(location.column - 1))
    guard let first = scalars.first else { return location.column + 1 }
    var length = 1
    if first == "\"" || first == "'" {
      while length < scalars.count, scalars[length] != first { length += 1 }
      length = min(length + 1, scalars.count)
    } else {
      // In a flow collection a plain scalar ends at `,`, `]` or `}`; in a block, at ` #` or the line's end.
      let before = text.unicodeScalars.prefix(location.column - 1)
      let depth = before.count { $0 == "[" || $0 == "{" } - before.count { $0 == "]" || $0 == "}" }
      while length < scalars.count {
        let scalar = scalars[length]
        if depth > 0 && (scalar == "," || scalar == "]" || scalar == "}") { break }
        if scalar == "#" && (scalars[length - 1] == " " || scalars[length - 1] == "\t") { break }
        length += 1
      }
      while length > 1 && (scalars[length - 1] == " " || scalars[length - 1] == "\t") { length -= 1 }
    }
    return location.column + length
  }

  /// A fingerprint that does not change when lines move: the rule, the file, the text of the
  /// offending line and its rank among identical findings (FNV-1a, 64 bits, hexadecimal).
  public func fingerprints() -> [String] {
    var seen: [String: Int] = [:]
    return diagnostics.map { diagnostic in
      let text =
        diagnostic.location.flatMap { line($0.line, of: diagnostic.file) }?.trimmingBlanks ?? diagnostic.message
      let key = "\(diagnostic.rule)\u{0}\(diagnostic.file)\u{0}\(text)"
      let occurrence = seen[key, default: 0]
      seen[key] = occurrence + 1
      return fnv1a("\(key)\u{0}\(occurrence)")
    }
  }
}

private func fnv1a(_ text: String) -> String {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in text.utf8 {
    hash ^= UInt64(byte)
    hash = hash &* 0x0000_0100_0000_01b3
  }
  let hex = String(hash, radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}

extension String {
  var trimmingBlanks: String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
    return String(scalars[start...end])
  }
}

/// The output formats of `steer check`. Each reporter is a pure function of the report.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, json, sarif, github, gitlab, junit

  public func render(_ report: Report, color: Bool = false) -> String {
    switch self {
    case .text: TextReporter(color: color).render(report)
    case .json: JSONReporter.render(report)
    case .sarif: SARIFReporter.render(report)
    case .github: GitHubReporter.render(report)
    case .gitlab: GitLabReporter.render(report)
    case .junit: JUnitReporter.render(report)
    }
  }
}
