import SteerMetrics
import SteerModel

/// What every rule states about itself: the catalogue, `steer rules`, `steer explain`,
/// docs/rules.md and the configuration's known rule ids all read it.
public struct RuleDescription: Hashable, Sendable {
  public enum Category: String, Hashable, Sendable, CaseIterable {
    case reading = "Reading"
    case roadmap = "Roadmap consistency"
    case governance = "Governance and learning"
    case gates = "Gates"
  }

  public var id: String
  public var category: Category
  public var defaultSeverity: Severity
  /// What its findings depend on: what an edit makes it run again over.
  public var scope: RuleScope
  /// One line: what the rule checks.
  public var summary: Localized
  /// Why it matters for a shared vision.
  public var rationale: Localized
  /// At least one example that triggers the rule and one that does not. They run through
  /// the real checker in the test suite.
  public var examples: [RuleExample]

  /// Reading rules are always errors: nothing else can be trusted when they fire.
  public var canBeRegraded: Bool { category != .reading }

  public init(
    id: String, category: Category, defaultSeverity: Severity, scope: RuleScope, summary: Localized,
    rationale: Localized, examples: [RuleExample]
  ) {
    self.id = id
    self.category = category
    self.defaultSeverity = defaultSeverity
    self.scope = scope
    self.summary = summary
    self.rationale = rationale
    self.examples = examples
  }
}

/// Everything a rule may look at: the ledger, indexes built once for all rules, and the
/// configuration (required endorsements, effort unit).
public struct RuleContext: Sendable {
  public var ledger: Ledger
  public var index: LedgerIndex
  public var configuration: Configuration
  /// The files whose findings are wanted (`check --since`: those changed), or nil for all.
  public var scope: Set<String>?
  /// The files that reading found errors in (`front-matter`, `schema`…): what depends on
  /// their content is unknown, and gates are not evaluated (one cause, one finding).
  public var unreadable: Set<String>
  /// A federating ledger's members, whose contributions its gates count (docs/metrics.md, Federation).
  public var members: [FederatedMember]
  /// What the check knows beyond the ledger: the day, and the iterations git recorded.
  public var circumstances: CheckCircumstances

  public init(
    ledger: Ledger, index: LedgerIndex? = nil, configuration: Configuration = Configuration(),
    scope: Set<String>? = nil, unreadable: Set<String> = [], members: [FederatedMember] = [],
    circumstances: CheckCircumstances = CheckCircumstances()
  ) {
    self.ledger = ledger
    self.index = index ?? LedgerIndex(ledger)
    self.configuration = configuration
    self.scope = scope
    self.unreadable = unreadable
    self.members = members
    self.circumstances = circumstances
  }

  /// Whether a finding in `file` that depends on `related` would be kept. The checker drops
  /// the others anyway; a rule that can find thousands of things asks first, so as not to
  /// word findings nobody reads (`co-construction` on a ledger adopting Steer).
  public func wants(_ file: String, related: [String]) -> Bool {
    scope.map { Finding.involves(file: file, related: related, $0) } ?? true
  }
}

/// What a check knows beyond the ledger and its configuration. Given by the caller, never
/// read by a rule itself, so that a test (and a rule's examples) can say which day it is.
public struct CheckCircumstances: Hashable, Sendable {
  /// The day the check runs: what is under way depends on it.
  public var today: CalendarDate
  /// The iterations `steer retro record` recorded (a `steer/iteration/ID` tag names them), or
  /// nil when the ledger is not in a git repository.
  public var recordedIterations: Set<String>?

  public init(today: CalendarDate = .today(), recordedIterations: Set<String>? = nil) {
    self.today = today
    self.recordedIterations = recordedIterations
  }
}

/// A rule of the catalogue.
public protocol Rule: Sendable {
  static var description: RuleDescription { get }
  /// Reports what the rule finds. Rules that the loader or the checker apply themselves
  /// (`front-matter`, `schema`, `unused-suppression`) find nothing here.
  func check(_ context: RuleContext) -> [Finding]
  /// Its findings after the documents `changed` changed, given those it found before: for a
  /// rule whose scope is `.linked`, when only documents of its `naming` parts changed. All
  /// found again by default.
  func update(_ context: RuleContext, changed: Set<String>, previously: [Finding]) -> [Finding]
}

extension Rule {
  public func update(_ context: RuleContext, changed: Set<String>, previously: [Finding]) -> [Finding] {
    check(context)
  }

  /// The findings of `previously` that involve none of `files`, and those of `found` that
  /// involve one: `update` for a rule whose findings depend on nothing but the documents they
  /// involve and its `reading` parts.
  func replacing(_ previously: [Finding], involving files: Set<String>, with found: [Finding]) -> [Finding] {
    previously.filter { !$0.involves(files) } + found.filter { $0.involves(files) }
  }

  /// The ids of the documents of `kind` among `files` (a document's id is its file's name).
  func ids(_ kind: DocumentKind, in files: Set<String>, _ context: RuleContext) -> [String] {
    let directory = context.directory(kind)
    return files.compactMap { file in
      guard file.hasPrefix(directory), file.hasSuffix(".md") else { return nil }
      let id = file.dropFirst(directory.count).dropLast(3)
      return id.contains("/") ? nil : String(id)
    }.sorted()
  }
}

extension Rule {
  func finding(
    _ file: String, _ location: SourceLocation?, _ message: String, hint: String? = nil, related: [String] = [],
    fix: Fix? = nil
  ) -> Finding {
    Finding(
      rule: Self.description.id, file: file, location: location, message: message, hint: hint, related: related,
      fix: fix)
  }
}

extension RuleContext {
  /// The path of a document of `kind`, existing or not (a deleted file is still a change).
  func path(_ kind: DocumentKind, _ id: String) -> String {
    LedgerIndex.path(of: kind, id: id, in: ledger.directory)
  }

  /// A directory of the ledger, as a `related` entry.
  func directory(_ kind: DocumentKind) -> String {
    (ledger.directory.isEmpty ? "" : ledger.directory + "/") + (kind.directory ?? "") + "/"
  }

  var visionPath: String { path(.vision, "vision") }

  /// Whether a document of `kind` could not be read at all (a front-matter error): what it
  /// references is unknown, so a rule that counts references to others cannot conclude.
  func hasOpaqueDocument(_ kind: DocumentKind) -> Bool {
    let directory = directory(kind)
    let unread = unreadable.filter { $0.hasPrefix(directory) }
    guard !unread.isEmpty else { return false }
    // Found by binary search: the references are sorted by file.
    let referencing = Set(ledger.references.within(unread.sorted(), [], path: \.file).map(\.file))
    return unread.contains { !referencing.contains($0) }
  }

  /// The words of messages, in the configured language.
  var say: Wording { Wording(configuration.language) }

  /// `Title (id)` for a message, the id alone when the ledger gives `id` no title.
  func named(_ kind: EntityKind, _ id: String) -> String { say.named(id, title: index.title(kind, id)) }
}
