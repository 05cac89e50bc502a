import Foundation
import SteerChecks
import SteerFiles
import SteerGit
import SteerLoading
import SteerMetrics
import SteerModel

/// `steer retro record`: one commit that closes the loop of an iteration — the retrospective,
/// the use cases it says were delivered moved to their phase, and, with `close`, the iteration
/// marked closed — checked as it will be committed, an annotated tag, and the index updated
/// for those paths only.
public struct RecordRequest: Sendable {
  public var iteration: String
  public var close: Bool
  public var message: String?
  public var author: String?
  public var detached: Bool
  public var force: Bool
  /// The day of the record: an iteration that starts after it cannot be recorded.
  public var today: CalendarDate
  /// Where `GIT_AUTHOR_*` and `GIT_COMMITTER_*` are read (default: the process's environment).
  public var environment: [String: String]
  /// Told after each step that changes the repository; one that throws stops the record there,
  /// as a kill would (tests check that the next run finishes it).
  public var afterStep: @Sendable (RecordStep) throws -> Void

  public init(
    iteration: String, close: Bool = false, message: String? = nil, author: String? = nil, detached: Bool = false,
    force: Bool = false, today: CalendarDate = .today(),
    environment: [String: String] = ProcessInfo.processInfo.environment,
    afterStep: @escaping @Sendable (RecordStep) throws -> Void = { _ in }
  ) {
    self.iteration = iteration
    self.close = close
    self.message = message
    self.author = author
    self.detached = detached
    self.force = force
    self.today = today
    self.environment = environment
    self.afterStep = afterStep
  }
}

/// The steps of a record that change the repository, in order.
public enum RecordStep: Sendable {
  case commit, tag, index
}

public struct RecordResult: Sendable {
  public var commit: String
  public var tag: String
  public var subject: String
  public var paths: [String]
  /// The use cases moved to the phase the retrospective says they reached.
  public var moved: [PhaseMove]
  /// Deliveries the ledger is already past: not applied (the file's phase is later).
  public var notApplied: [PhaseMove]
  /// How many times the commit had to be rebuilt because another writer moved the branch.
  public var retries: Int
  /// Whether HEAD already recorded this retrospective: the run only finished what was missing.
  public var resumed = false
}

/// A use case's phase as its file states it, and as the retrospective says it was delivered.
public struct PhaseMove: Hashable, Sendable {
  public var useCase: String
  public var from: Phase
  public var to: Phase

  public init(useCase: String, from: Phase, to: Phase) {
    self.useCase = useCase
    self.from = from
    self.to = to
  }
}

/// The ledger has errors in the retrospective or in what it references: nothing was written.
public struct RecordRefused: Error, Sendable {
  public var report: Report
}

public enum RetroRecorder {
  static let attempts = 20

  /// - Parameters:
  ///   - root: the work tree's root; `directory`, the ledger directory below it.
  public static func record(
    _ request: RecordRequest, repository: Repository, root: String, directory: String, configuration: Configuration
  ) throws -> RecordResult {
    let prefix = directory.isEmpty ? "" : directory + "/"
    let iteration = request.iteration
    let retroPath = "\(prefix)retros/\(iteration).md"
    let iterationPath = "\(prefix)iterations/\(iteration).md"
    let language = configuration.language
    guard case .bytes(let retroBytes) = readFile(root + "/" + retroPath) else {
      throw missingRetrospective(iteration, retroPath: retroPath, iterationPath: iterationPath, root: root)
    }

    // What the commit will hold: HEAD's tree, the retrospective from the work tree, and the
    // files Steer rewrites, each from HEAD's version (other uncommitted edits stay uncommitted).
    let head = try repository.head
    let headCommit = try head.commit.map { id throws(GitError) in try repository.commit(id) }
    // HEAD already records this retrospective as it stands: a run stopped after its commit (or
    // the record is complete). Finish what is missing rather than commit twice; `--force`
    // records again, and a retrospective edited since is recorded anew (or refused by its tag).
    if !request.force, let headCommit, headCommit.info.trailer("Steer-Iteration") == iteration,
      let file = try headCommit.file(at: retroPath), try repository.blobContents(file.id) == retroBytes
    {
      return try resume(
        headCommit, iteration: iteration, directory: directory, repository: repository, root: root,
        request: request, language: language)
    }
    func committed(_ path: String) throws -> [UInt8]? {
      try headCommit?.file(at: path).map { file throws in try repository.blobContents(file.id) }
    }
    var updates: [String: [UInt8]] = [retroPath: retroBytes]
    let withRetro = try Workspace.loadLedger(at: directory, in: headCommit, overriding: updates, language: language)
    try refuseNotStarted(withRetro.ledger.iterations.first { $0.id == iteration }, today: request.today)

    // The deliveries the retrospective states move their use cases forward.
    let (moved, notApplied) = try moveDeliveredUseCases(
      of: iteration, in: withRetro.ledger, updates: &updates, committed)
    if request.close {
      let bytes = try committed(iterationPath) ?? readFile(root + "/" + iterationPath).bytes
      updates[iterationPath] = try closed(bytes, path: iterationPath)
    }

    let (loaded, retro) = try checkedAsCommitted(
      iteration, retroPath: retroPath, updates: updates, headCommit: headCommit, directory: directory, root: root,
      configuration: configuration)

    // Who, where, and whether anything stands in the way — all before writing anything.
    let identity = try Identity(environment: request.environment, author: request.author, repository: repository)
    let tag = IterationTag.prefix + iteration
    try refuseWhatStandsInTheWay(head: head, tag: tag, request: request, repository: repository)

    let sayDo = LedgerMetrics(loaded.ledger).sayDoByIteration.first { $0.iteration == iteration }?.value
    let message = commitMessage(
      retro, iteration: iteration, sayDo: sayDo, note: request.message, moved: moved, say: Wording(language))
    let blobs = try updates.keys.sorted().map { TreeUpdate(path: $0, blob: try repository.writeBlob(updates[$0]!)) }

    let (commit, retries) = try commitWithRetry(
      repository, head: head, blobs: blobs, author: identity.author, committer: identity.committer, message: message,
      iteration: iteration)
    try request.afterStep(.commit)
    // The fields Steer changed, to change in the work tree too.
    let fields = moved.map { move in
      (path: loaded.ledger.useCases.first { $0.id == move.useCase }!.file, field: "phase", value: move.to.rawValue)
    }
    let subject = String(message.prefix { $0 != "\n" })
    try finish(
      commit, subject: subject, blobs: blobs,
      fields: fields + (request.close ? [(iterationPath, "status", "closed")] : []), tag: tag,
      tagger: identity.committer,
      repository: repository, root: root, request: request)
    return RecordResult(
      commit: commit.description, tag: tag, subject: subject, paths: updates.keys.sorted(), moved: moved,
      notApplied: notApplied, retries: retries)
  }

  /// The ledger as the commit will hold it, and its retrospective: refused when the commit
  /// would bring an error that HEAD does not have, or leave one in a file it writes.
  static func checkedAsCommitted(
    _ iteration: String, retroPath: String, updates: [String: [UInt8]], headCommit: Commit?, directory: String,
    root: String, configuration: Configuration
  ) throws -> (LoadedLedger, Retro) {
    let loaded = try Workspace.loadLedger(
      at: directory, in: headCommit, overriding: updates, language: configuration.language)
    guard loaded.ledger.retros.contains(where: { $0.iteration == iteration }) || !loaded.findings.isEmpty else {
      throw unreadableRetrospective(retroPath)
    }
    try refuseNewErrors(
      in: loaded, written: Set(updates.keys), headCommit: headCommit, directory: directory, root: root,
      configuration: configuration)
    guard let retro = loaded.ledger.retros.first(where: { $0.iteration == iteration }) else {
      throw unreadableRetrospective(retroPath)
    }
    return (loaded, retro)
  }

  /// An iteration that has not begun has nothing to record, and closing it would tell the
  /// committee that work not done was: refused whatever the options, before anything is written.
  static func refuseNotStarted(_ iteration: Iteration?, today: CalendarDate) throws {
    guard let iteration, iteration.start > today else { return }
    let (id, start, file) = (iteration.id, iteration.start, iteration.file)
    let french = Wording(.fr)
    throw SteerError(
      en:
        "iteration '\(id)' starts on \(start.description), after today (\(today.description)): its retrospective cannot be recorded, nor the iteration closed, before it has begun",
      fr:
        "l'itération « \(id) » commence le \(french.date(start)), après aujourd'hui (\(french.date(today))) : sa rétrospective ne peut être consignée, ni l'itération close, avant qu'elle ait commencé",
      hint: (
        en:
          "record it once the iteration has run; if its dates are wrong, correct `start` in \(file) and commit that first",
        fr:
          "consignez-la une fois l'itération déroulée ; si ses dates sont fausses, corrigez `start` dans \(file) et commitez d'abord cette correction"
      ))
  }

  static func unreadableRetrospective(_ path: String) -> SteerError {
    SteerError(
      en: "\(path) is not a retrospective Steer can read", fr: "\(path) n'est pas une rétrospective que Steer sait lire"
    )
  }

  /// The iteration's file with its `status` closed.
  static func closed(_ bytes: [UInt8]?, path: String) throws -> [UInt8] {
    guard let bytes else {
      throw SteerError(en: "there is no iteration \(path) to close", fr: "il n'y a pas d'itération \(path) à clore")
    }
    return try FieldRewriter.replace("status", with: "closed", in: bytes, path: path)
  }

  /// Why there is nothing to record: no retrospective, or no such iteration (with the ones
  /// there are).
  static func missingRetrospective(_ iteration: String, retroPath: String, iterationPath: String, root: String)
    -> SteerError
  {
    // `steer new retro X` is advice only when iteration X exists.
    guard FileManager.default.fileExists(atPath: root + "/" + iterationPath) else {
      let directory = (root + "/" + iterationPath as NSString).deletingLastPathComponent
      let iterations = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      let ids = iterations.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
      let known = ids.joined(separator: ", ")
      let listed =
        ids.isEmpty
        ? DocumentKind.iteration.noneYet : (en: "the iterations are: \(known)", fr: "les itérations sont : \(known)")
      return SteerError(
        en: "there is no iteration '\(iteration)' (\(iterationPath))",
        fr: "il n'y a pas d'itération « \(iteration) » (\(iterationPath))",
        hint: Suggestion.closest(to: iteration, among: ids).map {
          (en: "did you mean '\($0)'?", fr: "vouliez-vous dire « \($0) » ?")
        } ?? listed)
    }
    return SteerError(
      en: "there is no retrospective \(retroPath)", fr: "il n'y a pas de rétrospective \(retroPath)",
      hint: (
        en: "write it first: \(DocumentKind.retro.newCommand(Wording(.en))) \(iteration)",
        fr: "écrivez-la d'abord : \(DocumentKind.retro.newCommand(Wording(.fr))) \(iteration)"
      ))
  }

  /// Moves each use case the retrospective says was delivered further to that phase (in
  /// `updates`, from HEAD's version of its file); a delivery behind its phase is not applied.
  static func moveDeliveredUseCases(
    of iteration: String, in ledger: Ledger, updates: inout [String: [UInt8]],
    _ committed: (String) throws -> [UInt8]?
  ) throws -> (moved: [PhaseMove], notApplied: [PhaseMove]) {
    var moved: [PhaseMove] = []
    var notApplied: [PhaseMove] = []
    guard let retro = ledger.retros.first(where: { $0.iteration == iteration }) else { return ([], []) }
    let useCases = ByID(ledger.useCases, \.id)
    for item in retro.delivered {
      guard let useCase = useCases[item.useCase.value], let current = useCase.phase.rank,
        let delivered = item.phase.rank, let bytes = try committed(useCase.file)
      else { continue }
      let move = PhaseMove(useCase: useCase.id, from: useCase.phase, to: item.phase)
      if delivered > current {
        updates[useCase.file] = try FieldRewriter.replace(
          "phase", with: item.phase.rawValue, in: updates[useCase.file] ?? bytes, path: useCase.file)
        moved.append(move)
      } else if delivered < current {
        notApplied.append(move)
      }
    }
    return (moved, notApplied)
  }

  /// Refuses a commit that would bring an error HEAD does not have, or leave one in a file it
  /// writes. `loaded` is HEAD's ledger with the files of `written` as they will be committed.
  static func refuseNewErrors(
    in loaded: LoadedLedger, written: Set<String>, headCommit: Commit?, directory: String, root: String,
    configuration: Configuration
  ) throws {
    let language = configuration.language
    var checker = IncrementalChecker(Checker(configuration: configuration))
    var before: Set<FindingIdentity> = []
    if let headCommit {
      let headLedger = try Workspace.loadLedger(at: directory, in: headCommit, language: language)
      let headReport = Report(
        diagnostics: checker.check(headLedger.ledger, readingFindings: headLedger.findings, changed: nil),
        documentPaths: headLedger.ledger.documentPaths, sources: headLedger.sources, language: language)
      before = Set(headReport.diagnostics.filter { $0.severity == .error }.map(headReport.identity))
    }
    // HEAD's ledger but for the files written: only what they can affect is checked again.
    let diagnostics = checker.check(loaded.ledger, readingFindings: loaded.findings, changed: written)
    let report = Report(
      diagnostics: diagnostics, documentPaths: loaded.ledger.documentPaths, sources: loaded.sources,
      language: language)
    let blocking = diagnostics.filter {
      $0.severity == .error && (written.contains($0.file) || !before.contains(report.identity(of: $0)))
    }
    guard blocking.isEmpty else {
      try refuseUncommitted(loaded.ledger, written: written, root: root, directory: directory)
      throw RecordRefused(
        report: Report(
          diagnostics: blocking, documentPaths: loaded.ledger.documentPaths, sources: loaded.sources,
          language: language))
    }
  }

  /// A detached HEAD (unless asked for), another git process holding the index, the tag
  /// already there (unless `--force`): each said before anything is written.
  static func refuseWhatStandsInTheWay(head: Head, tag: String, request: RecordRequest, repository: Repository) throws {
    if case .detached = head, !request.detached {
      throw SteerError(
        en: "HEAD is detached: the commit would belong to no branch",
        fr: "HEAD est détachée : le commit n'appartiendrait à aucune branche",
        hint: (
          en: "check out a branch first, or pass --detached to commit on the detached HEAD",
          fr: "placez-vous d'abord sur une branche, ou indiquez --detached pour commiter sur la HEAD détachée"
        ))
    }
    if !indexFreed(in: repository) {
      throw SteerError(
        en: "another git process is running in this repository (.git/index.lock exists); nothing was written",
        fr: "un autre processus git travaille dans ce dépôt (.git/index.lock existe) ; rien n'a été écrit",
        hint: (
          en: "wait for it to finish; if none is running, remove \(repository.gitDirectory)/index.lock",
          fr: "attendez qu'il se termine ; si aucun ne tourne, supprimez \(repository.gitDirectory)/index.lock"
        ))
    }
    if repository.tagReference(tag) != nil && !request.force {
      throw SteerError(
        en: "the tag \(tag) already exists: this iteration was recorded before",
        fr: "l'étiquette \(tag) existe déjà : cette itération a déjà été consignée",
        hint: (
          en: "pass --force to record it again and move the tag",
          fr: "indiquez --force pour la consigner de nouveau et déplacer l'étiquette"
        ))
    }
  }

  /// Finishes a record whose commit is HEAD: the tag, the index and the work tree are brought
  /// to what the commit says, each only where it is not already.
  static func resume(
    _ commit: Commit, iteration: String, directory: String, repository: Repository, root: String,
    request: RecordRequest, language: Language
  ) throws -> RecordResult {
    let info = commit.info
    let parent = try info.parents.first.map { id throws(GitError) in try repository.commit(id) }
    var paths: [String] = []
    if let parent {
      paths = try repository.changedPaths(from: parent, to: commit, under: directory).sorted()
    }
    let blobs = try paths.compactMap { path throws(GitError) in
      try commit.file(at: path).map { TreeUpdate(path: path, blob: $0.id) }
    }
    // The fields the commit changed, as the commit holds them.
    let ledger = try Workspace.loadLedger(at: directory, in: commit, language: language).ledger
    var fields: [(path: String, field: String, value: String)] = []
    for path in paths {
      if let useCase = ledger.useCases.first(where: { $0.file == path }) {
        fields.append((path, "phase", useCase.phase.rawValue))
      } else if let recorded = ledger.iterations.first(where: { $0.file == path }), recorded.status == .closed {
        fields.append((path, "status", "closed"))
      }
    }
    let subject = String(info.message.prefix { $0 != "\n" })
    let tag = IterationTag.prefix + iteration
    let tagger =
      (try? Identity(environment: request.environment, author: request.author, repository: repository))?
      .committer ?? info.author
    try finish(
      commit.id, subject: subject, blobs: blobs, fields: fields, tag: tag, tagger: tagger, repository: repository,
      root: root, request: request)
    return RecordResult(
      commit: commit.id.description, tag: tag, subject: subject, paths: paths, moved: [], notApplied: [], retries: 0,
      resumed: true)
  }

  /// What follows the commit, each step atomic and each safe to do again: the tag, the index
  /// for the paths committed, the work tree's changed fields. A run interrupted anywhere in
  /// between is finished by the next (`resume`), never committed twice.
  static func finish(
    _ commit: ObjectID, subject: String, blobs: [TreeUpdate], fields: [(path: String, field: String, value: String)],
    tag: String, tagger: Signature, repository: Repository, root: String, request: RecordRequest
  ) throws {
    // The tag and the index are retried briefly (another record may be creating the same ref
    // directories or holding the index); if they still fail, the error says how to finish.
    do {
      if try repository.tags(matching: tag).first(where: { $0.name == tag })?.commit.id != commit {
        try retrying { () throws(GitError) in
          _ = try repository.createTag(tag, target: commit, tagger: tagger, message: subject + "\n", force: true)
        }
      }
      try request.afterStep(.tag)
      try retrying { () throws(GitError) in try repository.stage(blobs) }
      try request.afterStep(.index)
    } catch {
      let failure = String(describing: error)
      throw SteerError(
        en: "commit \(commit) records the retrospective, but finishing failed: \(failure)",
        fr: "le commit \(commit) consigne la rétrospective, mais la fin de l'opération a échoué : \(failure)",
        hint: (
          en: "run the same command again: it finishes what is missing",
          fr: "relancez la même commande : elle termine ce qui manque"
        ))
    }
    // The work tree keeps its own edits; only the fields Steer changed change there.
    for (path, field, value) in fields {
      guard case .bytes(let current) = readFile(root + "/" + path),
        let updated = try? FieldRewriter.replace(field, with: value, in: current, path: path), updated != current
      else { continue }
      do {
        FileOutput.StagedFile.removeLeftovers(beside: root + "/" + path)
        try FileOutput.StagedFile(for: root + "/" + path) { try $0(updated) }.commit()
      } catch {
        throw SteerError(
          en: "commit \(commit) records the retrospective, but \(path) could not be updated in the work tree",
          fr:
            "le commit \(commit) consigne la rétrospective, mais \(path) n'a pas pu être mis à jour dans la copie de travail",
          hint: (
            en: "make it writable, then run the same command again: it finishes what is missing",
            fr: "rendez-le modifiable, puis relancez la même commande : elle termine ce qui manque"
          ))
      }
    }
  }

  /// A commit of the retrospective would name what exists only in the work tree: says which
  /// files to commit first, before anything is written.
  static func refuseUncommitted(_ committed: Ledger, written: Set<String>, root: String, directory: String) throws {
    let declared = Set(committed.declarations.map(\.id))
    let workTree = LedgerLoader.load(directoryAt: root + (directory.isEmpty ? "" : "/" + directory), shownAs: directory)
    var files: [String] = []
    for reference in committed.references where written.contains(reference.file) && !declared.contains(reference.id) {
      for declaration in workTree.ledger.declarations where declaration.id == reference.id {
        if !files.contains(declaration.file) { files.append(declaration.file) }
      }
    }
    guard !files.isEmpty else { return }
    let list = files.sorted().joined(separator: ", ")
    let add = files.sorted().joined(separator: " ")
    throw SteerError(
      en: "the retrospective names what exists only uncommitted, in \(list): nothing was written",
      fr: "la rétrospective nomme ce qui n'existe que dans des fichiers non commités (\(list)) : rien n'a été écrit",
      hint: (
        en: "commit them first: git add \(add) && git commit", fr: "commitez-les d'abord : git add \(add) && git commit"
      ))
  }

  /// Creates the commit on the current branch with a compare-and-swap: if another writer moved
  /// the branch since it was read, the commit is built again on the new HEAD (their commit
  /// kept), a few times, then the command gives up clearly.
  static func commitWithRetry(
    _ repository: Repository, head: Head, blobs: [TreeUpdate], author: Signature, committer: Signature,
    message: String, iteration: String
  ) throws -> (ObjectID, Int) {
    var current = head
    var locked = false
    for retries in 0...attempts {
      if retries > 0 { current = try repository.head }
      let parent = current.commit
      let tree = try repository.tree(from: parent, updating: blobs)
      // An unchanged tree is fine: the retrospective was committed before Steer recorded it,
      // and this commit records it (trailers) for the lessons ledger and the tag.
      let commit = try repository.createCommit(
        tree: tree, parents: parent.map { [$0] } ?? [], author: author, committer: committer, message: message)
      let reference = reference(of: current)
      do {
        try repository.updateReference(
          reference, to: commit, expecting: parent, message: "steer retro record \(iteration)")
        return (commit, retries)
      } catch {
        // Another writer moved the branch, or holds its lock right now: wait a moment, retry.
        guard error.isModified || error.isLocked else { throw error }
        locked = error.isLocked
        pause()
      }
    }
    if locked {
      let lock = "\(repository.gitDirectory)/\(reference(of: current)).lock"
      throw SteerError(
        en: "the branch stayed locked by another git process (\(lock)); nothing was recorded",
        fr: "la branche est restée verrouillée par un autre processus git (\(lock)) ; rien n'a été consigné",
        hint: (
          en: "if no git command is running, the lock is stale: remove \(lock), then run the command again",
          fr: "si aucune commande git ne tourne, le verrou est périmé : supprimez \(lock), puis relancez la commande"
        ))
    }
    throw SteerError(
      en: "another commit landed on the branch \(attempts + 1) times while recording; nothing was recorded",
      fr:
        "un autre commit est arrivé sur la branche \(attempts + 1) fois pendant l'enregistrement ; rien n'a été consigné",
      hint: (en: "run the command again", fr: "relancez la commande"))
  }

  /// The message: subject, lessons and actions in the reader's language, the user's note, then
  /// the trailers (machine keys, the same in every language).
  static func commitMessage(
    _ retro: Retro, iteration: String, sayDo: Double?, note: String?, moved: [PhaseMove] = [], say: Wording
  ) -> String {
    func line(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }
    let lessons = say.count(retro.lessons.count, en: ("lesson", "lessons"), fr: ("enseignement", "enseignements"))
    let actions = say.count(retro.actions.count, en: ("action", "actions"), fr: ("action", "actions"))
    // `retro(ID): ` is the conventional-commit prefix that tools read: the same in every language.
    var parts = ["retro(\(iteration)): \(lessons), \(actions)"]
    if !retro.lessons.isEmpty {
      parts.append(
        say(en: "Lessons:", fr: "Enseignements :") + "\n"
          + retro.lessons.map {
            "- \(line($0.text))" + ($0.tags.isEmpty ? "" : " [\($0.tags.joined(separator: ", "))]")
          }
          .joined(separator: "\n"))
    }
    if !retro.actions.isEmpty {
      parts.append(
        say(en: "Actions:", fr: "Actions :") + "\n"
          + retro.actions.map { action in
            let (owner, due, status) = (action.owner.value, action.due.value, action.status.word(say))
            return "- \(line(action.text)) "
              + say(en: "(\(owner), due \(due), \(status))", fr: "(\(owner), échéance \(due), \(status))")
          }
          .joined(separator: "\n"))
    }
    if !moved.isEmpty {
      parts.append(
        say(en: "Delivered:", fr: "Livré :") + "\n"
          + moved.map { "- " + say.move($0) }.joined(separator: "\n"))
    }
    if let note, !note.isEmpty { parts.append(note) }
    var trailers = [
      "Steer-Iteration: \(iteration)", "Steer-Lessons: \(retro.lessons.count)", "Steer-Actions: \(retro.actions.count)",
    ]
    if let sayDo { trailers.append("Steer-Say-Do: \(sayDo.plainText(digits: 4))") }
    parts.append(trailers.joined(separator: "\n"))
    return parts.joined(separator: "\n\n") + "\n"
  }

  /// The reference a commit moves: the branch's full name, or HEAD when detached.
  static func reference(of head: Head) -> String {
    switch head {
    case .branch(let name, _): name
    case .detached: "HEAD"
    }
  }

  /// Runs a git step, retrying a moment later on a failure another writer can cause.
  static func retrying(_ step: () throws(GitError) -> Void) throws {
    for attempt in 1...50 {
      do {
        try step()
        return
      } catch {
        guard attempt < 50 else { throw error }
        pause()
      }
    }
  }

  /// Whether the index is free, or freed within about a second: another record holds it only
  /// while it stages its own paths, whereas a lock that lasts is another git command's, or stale.
  static func indexFreed(in repository: Repository) -> Bool {
    for _ in 1...50 {
      if !repository.isIndexLocked { return true }
      pause()
    }
    return !repository.isIndexLocked
  }

  /// A short random wait, so that two writers that collided do not collide again in step.
  static func pause() { usleep(UInt32.random(in: 5_000...30_000)) }

  static func readFile(_ path: String) -> FileContents {
    guard let data = FileManager.default.contents(atPath: path) else { return .unreadable(.system(ENOENT)) }
    return .bytes(Array(data))
  }
}

extension FileContents {
  /// The bytes, when the file was read.
  var bytes: [UInt8]? {
    if case .bytes(let bytes) = self { return bytes }
    return nil
  }
}

extension RecordResult {
  /// What `steer retro record` tells its reader: the commit, the files committed and the tag,
  /// each use case moved, and each delivery left as it was.
  public func text(_ say: Wording) -> String {
    var lines = ["[\(commit.prefix(12))] \(subject)"]
    guard !resumed else {
      lines.append(
        say(
          en: "HEAD already records this retrospective: its tag, the index and the work tree are up to date.",
          fr: "HEAD consigne déjà cette rétrospective : son étiquette, l'index et la copie de travail sont à jour."))
      return lines.joined(separator: "\n") + "\n"
    }
    let files = paths.joined(separator: ", ")
    lines.append(
      say(en: "Committed \(files); tagged \(tag).", fr: "Enregistré dans git : \(files) ; étiquette \(tag)."))
    for move in moved { lines.append("  " + say.move(move)) }
    for move in notApplied {
      let (delivered, current) = (move.to.word(say), move.from.word(say))
      lines.append(
        say(
          en:
            "  \(move.useCase): the retrospective says '\(delivered)', the file is already at '\(current)': left as it is",
          fr:
            "  \(move.useCase) : la rétrospective dit « \(delivered) », le fichier est déjà en « \(current) » : laissé tel quel"
        ))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension Wording {
  /// A use case moved by a record, as the console and the commit's body say it:
  /// `eclairage-parcs: prototype → test` / `eclairage-parcs : prototype → test`.
  func move(_ move: PhaseMove) -> String {
    let (useCase, from, to) = (move.useCase, move.from.word(self), move.to.word(self))
    return self(en: "\(useCase): \(from) → \(to)", fr: "\(useCase) : \(from) → \(to)")
  }
}

extension RecordRefused {
  /// What follows the findings that refused the record.
  public func explanation(_ say: Wording) -> String {
    say(
      en: "steer: nothing was recorded: fix the errors above, then run the command again.",
      fr: "steer : rien n'a été consigné : corrigez les erreurs ci-dessus, puis relancez la commande.")
  }
}
