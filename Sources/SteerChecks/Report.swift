import SteerModel

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

/// The findings a baseline left out of a report: how many, and the baseline's path as the
/// user gave it.
public struct BaselinedFindings: Sendable, Hashable {
  public var count: Int
  public var file: String

  public init(count: Int, file: String) {
    self.count = count
    self.file = file
  }
}

/// What every report is made from.
public struct Report: Sendable {
  public var diagnostics: [Diagnostic]
  /// Every document read, sorted: JUnit makes a test case of each.
  public var documentPaths: [String]
  /// Whether warnings count as failures (`--strict`).
  public var strict: Bool
  /// The language of the text report's own words.
  public var language: Language
  /// The findings a baseline left out (`check --baseline`), said beside the counts so that a
  /// clean report does not read as a clean ledger.
  public var baselined: BaselinedFindings?
  /// Each line a diagnostic points at, made once however many diagnostics share it: every
  /// format stays linear in the number of findings, even for thousands on one long line.
  private let quoted: [LineKey: QuotedLine]

  struct LineKey: Hashable, Sendable {
    var file: String
    var line: Int
  }

  /// A quoted line, its scalars (to measure columns), how deep in flow brackets each column
  /// stands, and its text trimmed (its identity).
  struct QuotedLine: Sendable {
    let text: String
    let scalars: [Unicode.Scalar]
    let flowDepth: [Int32]
    let trimmed: String

    init(_ text: String) {
      self.text = text
      scalars = Array(text.unicodeScalars)
      var depth: Int32 = 0
      var depths = [Int32](repeating: 0, count: scalars.count)
      for (index, scalar) in scalars.enumerated() {
        depths[index] = depth
        if scalar == "[" || scalar == "{" { depth += 1 } else if scalar == "]" || scalar == "}" { depth -= 1 }
      }
      flowDepth = depths
      trimmed = text.trimmingBlanks
    }
  }

  public init(
    diagnostics: [Diagnostic], documentPaths: [String], sources: [String: [UInt8]] = [:], strict: Bool = false,
    language: Language
  ) {
    self.diagnostics = diagnostics
    self.documentPaths = documentPaths
    self.strict = strict
    self.language = language
    var texts: [String: SourceText] = [:]
    var quoted: [LineKey: QuotedLine] = [:]
    for diagnostic in diagnostics {
      guard let location = diagnostic.location else { continue }
      let key = LineKey(file: diagnostic.file, line: location.line)
      guard quoted[key] == nil else { continue }
      if texts[diagnostic.file] == nil, let bytes = sources[diagnostic.file] {
        texts[diagnostic.file] = SourceText(bytes)
      }
      guard let text = texts[diagnostic.file]?.line(location.line) else { continue }
      quoted[key] = QuotedLine(text)
    }
    self.quoted = quoted
  }

  public var documentCount: Int { documentPaths.count }

  public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }

  /// Whether a diagnostic fails the run.
  public func fails(_ diagnostic: Diagnostic) -> Bool { diagnostic.severity == .error || strict }

  /// Line `number` (1-based) of a file that a diagnostic points at, without its line break.
  public func line(_ number: Int, of file: String) -> String? { quoted[LineKey(file: file, line: number)]?.text }

  /// The line a diagnostic points at, cut to about `width` characters around its column when
  /// it is longer (a line of a quarter of a million ids stays readable, and a report of one
  /// finding per id stays linear), with the column within the excerpt.
  public func excerpt(of diagnostic: Diagnostic, width: Int = 160) -> (text: String, column: Int)? {
    guard let location = diagnostic.location, let line = quoted[LineKey(file: diagnostic.file, line: location.line)]
    else { return nil }
    let scalars = line.scalars
    guard scalars.count > width else { return (line.text, location.column) }
    let start = max(0, min(location.column - 1 - width / 2, scalars.count - width))
    let end = min(scalars.count, start + width)
    var view = String.UnicodeScalarView()
    if start > 0 { view.append("…") }
    view.append(contentsOf: scalars[start..<end])
    if end < scalars.count { view.append("…") }
    return (String(view), location.column - start + (start > 0 ? 1 : 0))
  }

  /// What identifies a finding from run to run (`FindingIdentity`).
  public func identity(of diagnostic: Diagnostic) -> FindingIdentity {
    let text = diagnostic.location.flatMap { quoted[LineKey(file: diagnostic.file, line: $0.line)]?.trimmed }
    return FindingIdentity(
      rule: diagnostic.rule, file: diagnostic.file, text: text ?? diagnostic.finding.related.joined(separator: " "))
  }

  /// The column just after the key or value a diagnostic points at (a quoted scalar up to
  /// its closing quote, else up to `: `, ` #` or, in a flow collection, `,`, `]`, `}`), for
  /// formats that mark a range.
  public func endColumn(of diagnostic: Diagnostic) -> Int? {
    guard let location = diagnostic.location else { return nil }
    guard let quotedLine = quoted[LineKey(file: diagnostic.file, line: location.line)] else {
      return location.column + 1
    }
    let line = quotedLine.scalars
    let start = location.column - 1
    guard line.indices.contains(start) else { return location.column + 1 }
    let first = line[start]
    var end = start + 1
    if first == "\"" || first == "'" {
      while end < line.count, line[end] != first { end += 1 }
      end = min(end + 1, line.count)
    } else {
      // In a flow collection a plain scalar ends at `,`, `]` or `}`; in a block, at ` #` or the
      // line's end; a key, at `: ` or a `:` ending the line. Only the value's own characters
      // are read: never the whole line again.
      let inFlow = quotedLine.flowDepth[start] > 0
      while end < line.count {
        let scalar = line[end]
        if inFlow && (scalar == "," || scalar == "]" || scalar == "}") { break }
        if scalar == "#" && (line[end - 1] == " " || line[end - 1] == "\t") { break }
        if scalar == ":" && (end + 1 == line.count || line[end + 1] == " " || line[end + 1] == "\t") { break }
        end += 1
      }
      while end > start + 1 && (line[end - 1] == " " || line[end - 1] == "\t") { end -= 1 }
    }
    return end + 1
  }

  /// A fingerprint that does not change when lines move: the finding's identity and its rank
  /// among identical findings (FNV-1a, 64 bits, hexadecimal). Each rule and quoted line is
  /// hashed once, and findings are counted by that hash: thousands of findings on one long
  /// line never hash the line again.
  public func fingerprints() -> [String] {
    struct RuleLine: Hashable {
      var rule: String
      var line: LineKey
    }
    var hashes: [RuleLine: UInt64] = [:]
    var occurrences: [UInt64: Int] = [:]
    return diagnostics.map { diagnostic in
      func identityHash() -> UInt64 {
        let identity = identity(of: diagnostic)
        return FNV1a.hash("\(identity.rule)\u{0}\(identity.file)\u{0}\(identity.text)\u{0}")
      }
      var base: UInt64
      if let location = diagnostic.location, quoted[LineKey(file: diagnostic.file, line: location.line)] != nil {
        let key = RuleLine(rule: diagnostic.rule, line: LineKey(file: diagnostic.file, line: location.line))
        base = hashes[key] ?? identityHash()
        hashes[key] = base
      } else {
        base = identityHash()
      }
      let occurrence = occurrences[base, default: 0]
      occurrences[base] = occurrence + 1
      return FNV1a.hex(FNV1a.hash(String(occurrence), continuing: base))
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
