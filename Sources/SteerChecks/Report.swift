import SteerModel

/// The text of a file with where each of its lines starts, built once: a report quotes the
/// line of each of its findings without scanning the file again for each.
public struct SourceText: Sendable {
  public let bytes: [UInt8]
  /// The offset of each line's first byte; line 1 starts after a byte-order mark.
  private let lineStarts: [Int]

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
    lineStarts = starts
  }

  /// Line `number` (1-based), without its line break.
  public func line(_ number: Int) -> String? {
    guard lineStarts.indices.contains(number - 1) else { return nil }
    let start = lineStarts[number - 1]
    var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}

/// What makes two findings the same one from run to run, whatever their wording, their
/// language and wherever their line moved: the rule, the file, and the text of the offending
/// line (trimmed), or, for a finding about a whole file or the ledger, the files it involves.
/// Baselines, fingerprints and `steer diff` all match findings by it.
public struct FindingIdentity: Hashable, Codable, Sendable {
  public var rule: String
  public var file: String
  public var text: String

  public init(rule: String, file: String, text: String) {
    self.rule = rule
    self.file = file
    self.text = text
  }
}

/// What every report is made from.
public struct Report: Sendable {
  public var diagnostics: [Diagnostic]
  /// Every document read, sorted: JUnit makes a test case of each.
  public var documentPaths: [String]
  /// The files that findings stand in, to quote the offending line.
  public var sources: [String: SourceText]
  /// Whether warnings count as failures (`--strict`).
  public var strict: Bool
  /// The language of the text report's own words.
  public var language: Language

  public init(
    diagnostics: [Diagnostic], documentPaths: [String], sources: [String: [UInt8]] = [:], strict: Bool = false,
    language: Language
  ) {
    self.diagnostics = diagnostics
    self.documentPaths = documentPaths
    var texts: [String: SourceText] = [:]
    for file in Set(diagnostics.map(\.file)) { texts[file] = sources[file].map(SourceText.init) }
    self.sources = texts
    self.strict = strict
    self.language = language
  }

  public var documentCount: Int { documentPaths.count }

  public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }

  /// Whether a diagnostic fails the run.
  public func fails(_ diagnostic: Diagnostic) -> Bool { diagnostic.severity == .error || strict }

  /// Line `number` (1-based) of a file, without its line break.
  public func line(_ number: Int, of file: String) -> String? { sources[file]?.line(number) }

  /// What identifies a finding from run to run (`FindingIdentity`).
  public func identity(of diagnostic: Diagnostic) -> FindingIdentity {
    let text = diagnostic.location.flatMap { line($0.line, of: diagnostic.file) }?.trimmingBlanks
    return FindingIdentity(
      rule: diagnostic.rule, file: diagnostic.file, text: text ?? diagnostic.finding.related.joined(separator: " "))
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

  /// A fingerprint that does not change when lines move: the finding's identity and its rank
  /// among identical findings (FNV-1a, 64 bits, hexadecimal).
  public func fingerprints() -> [String] {
    var seen: [FindingIdentity: Int] = [:]
    return diagnostics.map { diagnostic in
      let identity = identity(of: diagnostic)
      let occurrence = seen[identity, default: 0]
      seen[identity] = occurrence + 1
      return FNV1a.hex("\(identity.rule)\u{0}\(identity.file)\u{0}\(identity.text)\u{0}\(occurrence)")
    }
  }
}

extension String {
  /// Without the spaces and tabs at either end.
  public var trimmingBlanks: String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
    return String(scalars[start...end])
  }
}
