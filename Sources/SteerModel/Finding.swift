/// How much a finding matters. Assigned by the checker from the rule's default and the
/// configuration, never by the code that found it.
public enum Severity: String, Hashable, Comparable, Sendable, CaseIterable {
  case error
  case warning

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs == .error && rhs == .warning
  }
}

/// What a rule or the loader found, before a severity is given to it.
public struct Finding: Hashable, Sendable {
  public var rule: String
  /// Path relative to the repository root, with `/` separators.
  public var file: String
  /// Absent only for findings about the ledger as a whole.
  public var location: SourceLocation?
  public var message: String
  public var hint: String?
  /// Other files the finding depends on (a path ending in `/` stands for a whole directory):
  /// `--since` keeps a finding in an unchanged file when one of these changed.
  public var related: [String]
  /// The edit that resolves the finding, when one is certain enough to offer (an editor's
  /// quick fix): what the hint says, as an edit.
  public var fix: Fix?

  public init(
    rule: String, file: String, location: SourceLocation?, message: String, hint: String? = nil, related: [String] = [],
    fix: Fix? = nil
  ) {
    self.rule = rule
    self.file = file
    self.location = location
    self.message = message
    self.hint = hint
    self.related = related
    self.fix = fix
  }

  /// Whether the finding stands in, or depends on, one of `paths`.
  public func involves(_ paths: Set<String>) -> Bool {
    Self.involves(file: file, related: related, paths)
  }

  /// Whether a finding in `file` that depends on `related` stands in, or depends on, one of `paths`.
  public static func involves(file: String, related: [String], _ paths: Set<String>) -> Bool {
    paths.contains(file)
      || related.contains { entry in
        entry.hasSuffix("/") ? paths.contains { $0.hasPrefix(entry) } : paths.contains(entry)
      }
  }
}

/// An edit that resolves a finding, offered by editors as a quick fix (`steer lsp`).
public struct Fix: Hashable, Sendable {
  public enum Action: String, Hashable, Sendable, CaseIterable {
    /// Write `text` in place of the key or value the finding points at: a word misspelt, a
    /// YAML 1.1 boolean quoted.
    case replace
    /// Add the field named `text`, empty, to the document's front matter.
    case addField = "add-field"
  }

  public var action: Action
  public var text: String
  /// How many characters (Unicode scalars) a replacement covers from the finding's location,
  /// when more than the key or value there: `71,5` in a flow mapping, which YAML splits.
  public var span: Int?

  public init(_ action: Action, _ text: String, span: Int? = nil) {
    self.action = action
    self.text = text
    self.span = span
  }
}

/// A finding with its severity: what the user sees.
public struct Diagnostic: Hashable, Sendable {
  public var finding: Finding
  public var severity: Severity

  public init(_ finding: Finding, severity: Severity) {
    self.finding = finding
    self.severity = severity
  }

  public var rule: String { finding.rule }
  public var file: String { finding.file }
  public var location: SourceLocation? { finding.location }
  public var message: String { finding.message }
  public var hint: String? { finding.hint }

  /// File, line, column, rule: two runs print the same bytes.
  public static func sortOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    if lhs.file != rhs.file { return lhs.file < rhs.file }
    let left = lhs.location ?? SourceLocation(line: 0, column: 0)
    let right = rhs.location ?? SourceLocation(line: 0, column: 0)
    if left != right { return left < right }
    if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
    return lhs.message < rhs.message
  }
}

/// The rules that reading reports. They are errors and cannot be re-graded.
public enum ReadingRule: String, CaseIterable, Sendable {
  case frontMatter = "front-matter"
  case schema
  case duplicateID = "duplicate-id"
  case danglingReference = "dangling-reference"
}

extension Finding {
  /// Whether reading reported it: while one stands no gate is evaluated (docs/metrics.md, Gates).
  public var isReadingError: Bool { ReadingRule(rawValue: rule) != nil }
}
