import SteerChecks
import SteerConcurrency
import SteerFiles
import SteerKit
import SteerLoading
import SteerMetrics
import SteerModel

/// The ledger the server works on: the session that found it, the configuration (the
/// editor's unsaved `.steer.yaml` when open), the ledger in memory and the checker. A class:
/// the ledger is changed in place, never copied.
final class Project {
  let session: Session
  /// The work tree's root: every path is relative to it.
  let root: String
  var configuration: Configuration
  var configurationFindings: [Finding]
  /// The configuration's text, to place its findings.
  var configurationBytes: [UInt8]?
  var ledgerDirectory: String
  var live: LiveLedger
  /// The ledger's index, kept up to date file by file as `live` is.
  private(set) var index: LedgerIndex
  /// Checks again only what the files changed since the last check can affect.
  private var checker: IncrementalChecker
  /// The files changed since the last check; nil when anything else changed (everything is checked).
  private var changedSinceCheck: Set<String>?
  /// A federating ledger's members, read when the configuration is: its gates count them as
  /// `steer check` does, and those that cannot be read are `federation-member` findings at
  /// their entries in `.steer.yaml`.
  var federation = FederationReading()
  var members: [FederatedMember] { federation.federated }
  /// What `federation` was read for: an edit elsewhere in `.steer.yaml` does not read it again.
  private var membersRead: [[String]] = []
  /// Members being read off the message loop, for a configuration the editor changed: until
  /// they are, the previous ones count.
  private var membersReading: Future<FederationReading>?
  /// Tells the message loop that `membersReading` is done.
  var onMembersRead: @Sendable () -> Void = {}

  init(_ options: SessionOptions) throws(SteerError) {
    session = try Session(options)
    guard let root = session.workspace.root, session.workspace.commit == nil else {
      throw SteerError(
        en: "steer lsp needs a work tree: the repository is bare",
        fr: "steer lsp demande une copie de travail : le dépôt est nu")
    }
    self.root = root
    configuration = session.configuration
    configurationFindings = session.configurationFindings
    configurationBytes = try session.workspace.configurationBytes()
    ledgerDirectory = session.ledgerDirectory
    live = try Self.read(session, ledgerDirectory, language: configuration.language)
    index = LedgerIndex(live.ledger)
    checker = IncrementalChecker(Checker(configuration: configuration))
    readMembers(waiting: true)
  }

  /// Reads the configuration's members: at start, before the first check; after an edit of
  /// `.steer.yaml`, on a thread of its own (a large member takes seconds), `onMembersRead`
  /// saying when they can be adopted.
  private func readMembers(waiting: Bool) {
    let wanted = configuration.federation.map { [$0.name.value, $0.repository, $0.revision ?? "", $0.ledger ?? ""] }
    // Read again when the members named changed, or when the last read failed.
    guard wanted != membersRead || wanted.isEmpty != federation.isEmpty else { return }
    membersRead = wanted
    let read = session.membersReader(configuration.federation, documents: false)
    guard !waiting && !wanted.isEmpty else {
      federation = (try? read()) ?? FederationReading()
      membersReading = nil
      return
    }
    let done = onMembersRead
    membersReading = Future {
      defer { done() }
      return (try? read()) ?? FederationReading()
    }
  }

  /// Adopts the members read off the loop; false when there were none to adopt.
  func adoptMembers() -> Bool {
    guard let reading = membersReading else { return false }
    federation = reading.wait()
    membersReading = nil
    changedSinceCheck = nil
    return true
  }

  private static func read(_ session: Session, _ directory: String, language: Language) throws(SteerError) -> LiveLedger
  {
    guard let path = session.workspace.workTreePath(directory), FileSystem.isDirectory(path) else {
      throw SteerError(
        en: "there is no ledger directory '\(directory.isEmpty ? "." : directory)/' in \(session.workspace.root ?? "")",
        fr:
          "il n'y a pas de répertoire de registre « \(directory.isEmpty ? "." : directory)/ » dans \(session.workspace.root ?? "")",
        hint: (
          en: "create one with `steer init`, or name it in \(Configuration.fileName) (`ledger: path`)",
          fr: "créez-en un avec `steer init`, ou nommez-le dans \(Configuration.fileName) (`ledger: chemin`)"
        ))
    }
    return LiveLedger(directoryAt: path, shownAs: directory, language: language)
  }

  /// Reads the configuration again: the editor's text when given, else the file on disk. A
  /// new language or ledger directory reads the ledger again, with the open documents' text.
  func reconfigure(_ bytes: [UInt8]?, keeping documents: [String: OpenDocument]) {
    let options = session.options
    configurationBytes = bytes ?? ((try? session.workspace.configurationBytes()) ?? nil)
    (configuration, configurationFindings) = ConfigurationLoader.configuration(
      configurationBytes, knownRules: RuleCatalogue.knownRules, language: options.language)
    restart(keeping: documents)
  }

  /// Makes the checker of the configuration, and reads the ledger again if the configuration
  /// names another directory or language.
  private func restart(keeping documents: [String: OpenDocument]) {
    checker = IncrementalChecker(Checker(configuration: configuration))
    changedSinceCheck = nil
    readMembers(waiting: false)
    let directory =
      (try? session.workspace.ledgerDirectory(argument: session.options.ledger, configuration: configuration))
      ?? ledgerDirectory
    guard directory != ledgerDirectory || configuration.language != live.language,
      let fresh = try? Self.read(session, directory, language: configuration.language)
    else { return }
    ledgerDirectory = directory
    live = fresh
    for (path, document) in documents { live.update(path, bytes: document.bytes) }
    index = LedgerIndex(live.ledger)
  }

  /// Reads the whole ledger again from disk, but for the documents open in the editor.
  func rescan(keeping documents: [String: OpenDocument]) {
    live.rescan(keeping: documents.mapValues(\.bytes))
    index = LedgerIndex(live.ledger)
    changedSinceCheck = nil
  }

  /// Reads a file of the ledger again: the editor's text when given, else the disk's. False
  /// when it is not one of the ledger's files.
  func update(_ path: String, bytes: [UInt8]?) -> Bool {
    let before = LedgerIndex.entries(of: path, in: live.ledger)
    guard live.update(path, bytes: bytes) else { return false }
    index.update(path, before: before, in: live.ledger)
    changedSinceCheck?.insert(path)
    return true
  }

  /// The diagnostics of the ledger as it stands, found again around what changed since the last check.
  func check(_ loaded: LoadedLedger) -> [Diagnostic] {
    let memberFindings = federation.memberFindings(configuration, Wording(configuration.language))
    let diagnostics = checker.check(
      loaded.ledger, index: index, readingFindings: configurationFindings + loaded.findings,
      changed: changedSinceCheck, members: members, circumstances: session.circumstances())
    changedSinceCheck = []
    // The checker's come sorted: only the members' need placing among them.
    return memberFindings.isEmpty ? diagnostics : (diagnostics + memberFindings).sorted(by: Diagnostic.sortOrder)
  }
}

/// The ledger as it stands, checked: what every feature reads.
struct Analysis {
  let loaded: LoadedLedger
  let index: LedgerIndex
  let diagnostics: [Diagnostic]
  /// The metrics, computed when a hover first shows one.
  let metrics: Lazy<LedgerMetrics>

  init(_ project: Project) {
    // The configuration's bytes are the project's (`LanguageServer.bytes(of:)`): set in the
    // ledger's sources, they would copy all of them at every edit.
    loaded = project.live.current()
    index = project.index
    diagnostics = project.check(loaded)
    metrics = Lazy { [ledger = loaded.ledger, members = project.members] in LedgerMetrics(ledger, members: members) }
  }
}

/// A value computed the first time it is read, on the server's one thread.
final class Lazy<Value> {
  private var computed: Value?
  private let compute: () -> Value

  init(_ compute: @escaping () -> Value) { self.compute = compute }

  var value: Value {
    if let computed { return computed }
    let value = compute()
    computed = value
    return value
  }
}
