import SteerFiles
import SteerGit
import SteerModel

/// What `check --since` keeps of its last check, beside the document cache (`steer/check-*`),
/// so that the next run checks again only what changed since (`SteerChecks.IncrementalChecker`):
/// each rule's findings before suppressions and the ids declared, for the ledger that stood
/// then — the base's tree of the ledger directory, with `workTree` in place of some of its files.
///
/// Everything else the findings depend on is its identity: the steer version and this form, the
/// language and the ledger directory, that tree, `.steer.yaml`'s bytes, the day, the iterations
/// recorded and the files reading found errors in. It is framed like a member file (one
/// identity, a checksum, replaced atomically): a file made for another identity, cut short or
/// altered is no state, and the next check runs every rule.
public struct CheckState: Sendable {
  /// Raised whenever the body's form changes.
  static let formatVersion = 1

  /// The files that stood in the work tree in place of the base's, by path, each with a digest
  /// of what stood there (`digest`).
  public var workTree: [String: String]
  /// The ids of the rules that ran, in order.
  public var rules: [String]
  public var declarations: [Declaration]
  /// The findings of each of `rules`, before suppressions.
  public var findings: [[Finding]]

  public init(workTree: [String: String], rules: [String], declarations: [Declaration], findings: [[Finding]]) {
    self.workTree = workTree
    self.rules = rules
    self.declarations = declarations
    self.findings = findings
  }

  /// The paths whose content differs between this state's work tree and `other`, over the same
  /// base: a file changed, or put back as the base has it.
  public func changes(to other: [String: String]) -> Set<String> {
    Set(workTree.keys.filter { other[$0] != workTree[$0] } + other.keys.filter { workTree[$0] != other[$0] })
  }

  /// What stood at each of `paths` (those a reading took from the work tree rather than the
  /// base) as far as a check can see: the bytes read, a document that could not be read as
  /// bytes, or nothing the ledger holds.
  public static func digests(of paths: Set<String>, in loaded: LoadedLedger) -> [String: String] {
    var digests: [String: String] = [:]
    for path in paths {
      if let bytes = loaded.sources[path] {
        digests[path] = "\(bytes.count) \(FNV1a.hex(FNV1a.hash(bytes: bytes)))"
      } else {
        digests[path] = loaded.ledger.documentPaths.sortedContains(path) ? "unread" : "none"
      }
    }
    return digests
  }

  /// What a state must have been made for.
  public static func identity(
    language: Language, ledgerDirectory directory: String, base: ObjectID?, configuration: [UInt8]?,
    today: CalendarDate, recordedIterations: Set<String>?, unreadable: Set<String>
  ) -> String {
    // Lists are written length first, so that no two lists give one identity.
    func list(_ items: some Collection<String>) -> String {
      "\(items.count)" + items.sorted().map { " \($0.utf8.count):\($0)" }.joined()
    }
    return [
      "format \(formatVersion)", "steer \(SteerVersion.current)", "language \(language.rawValue)",
      "ledger \(directory.utf8.count):\(directory)", "base \(base?.description ?? "none")",
      "configuration " + (configuration.map { "\($0.count) \(FNV1a.hex(FNV1a.hash(bytes: $0)))" } ?? "none"),
      "today \(today)", "recorded " + (recordedIterations.map(list) ?? "none"), "unreadable " + list(unreadable),
    ].joined(separator: "; ")
  }

  /// Where the state of the ledger at `directory` is kept, in the git directory.
  public static func path(gitDirectory: String, ledgerDirectory directory: String, language: Language) -> String {
    "\(gitDirectory)/steer/check-\(FNV1a.hex("\(language.rawValue)/\(directory)"))"
  }

  /// The state at `path`, if there is a whole one made for `identity`.
  public static func load(from path: String, identity: String) -> CheckState? {
    read(from: path, identity: identity)
  }

  /// Replaces the state at `path` atomically; when it cannot be written, the next run checks
  /// every rule.
  @discardableResult
  public func save(to path: String, identity: String) -> Bool {
    write(to: path, identity: identity)
  }
}

extension CheckState: MemberFile {
  static let magic = Array("steer check state\n".utf8)

  func encodeBody(to writer: inout CacheWriter) {
    let paths = workTree.keys.sorted()
    paths.encode(to: &writer)
    paths.map { workTree[$0]! }.encode(to: &writer)
    rules.encode(to: &writer)
    declarations.encode(to: &writer)
    findings.encode(to: &writer)
  }

  init(body reader: inout CacheReader) throws(CacheReader.Malformed) {
    let paths = try [String](from: &reader)
    let digests = try [String](from: &reader)
    guard paths.count == digests.count else { throw CacheReader.Malformed() }
    workTree = Dictionary(zip(paths, digests), uniquingKeysWith: { first, _ in first })
    rules = try [String](from: &reader)
    declarations = try [Declaration](from: &reader)
    findings = try [[Finding]](from: &reader)
    guard findings.count == rules.count else { throw CacheReader.Malformed() }
  }
}
