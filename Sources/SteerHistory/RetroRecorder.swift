import Foundation
import SteerChecks
import SteerGit
import SteerLoading
import SteerMetrics
import SteerModel

/// `steer retro record`: one commit with exactly the retrospective (and, with `close`, the
/// iteration marked closed), an annotated tag, and the index updated for those paths only.
public struct RecordRequest: Sendable {
  public var iteration: String
  public var close: Bool
  public var message: String?
  public var author: String?
  public var detached: Bool
  public var force: Bool

  public init(
    iteration: String, close: Bool = false, message: String? = nil, author: String? = nil, detached: Bool = false,
    force: Bool = false
  ) {
    self.iteration = iteration
    self.close = close
    self.message = message
    self.author = author
    self.detached = detached
    self.force = force
  }
}

public struct RecordResult: Sendable {
  public var commit: String
  public var tag: String
  public var subject: String
  public var paths: [String]
  /// How many times the commit had to be rebuilt because another writer moved the branch.
  public var retries: Int
}

/// The ledger has errors in the retrospective or in what it references: nothing was written.
public struct RecordRefused: Error, Sendable {
  public var report: Report
}

public enum RetroRecorder {
  public static let tagPrefix = "steer/iteration/"
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
    guard case .bytes(let retroBytes) = readFile(root + "/" + retroPath) else {
      throw SteerError(
        en: "there is no retrospective \(retroPath)", fr: "il n'y a pas de rétrospective \(retroPath)",
        hint: (
          en: "write it first: steer new retro \(iteration)", fr: "écrivez-la d'abord : steer new retro \(iteration)"
        ))
    }

    // The iteration as it will be committed: HEAD's version with `status: closed`, so that
    // other uncommitted edits of the file stay uncommitted.
    let head = try repository.head
    var updates: [(path: String, bytes: [UInt8])] = [(retroPath, retroBytes)]
    if request.close {
      guard case .bytes(let workTreeIteration) = readFile(root + "/" + iterationPath) else {
        throw SteerError(
          en: "there is no iteration \(iterationPath) to close", fr: "il n'y a pas d'itération \(iterationPath) à clore"
        )
      }
      var committed: [UInt8]?
      if let id = head.commit, let file = try repository.commit(id).file(at: iterationPath) {
        committed = try repository.blobContents(file.id)
      }
      updates.append((iterationPath, try IterationCloser.close(committed ?? workTreeIteration, path: iterationPath)))
    }

    // Validate the ledger as it will be: the work tree with the closed iteration.
    let overrides = Dictionary(uniqueKeysWithValues: updates.map { ($0.path, $0.bytes) })
    let base = root + (directory.isEmpty ? "" : "/" + directory)
    var loaded = LedgerLoader.load(directoryAt: base, shownAs: directory)
    if request.close {
      let files = loaded.ledger.documentPaths.map {
        LedgerFile(path: $0, belowPrefix: prefix)
      }
      loaded = LedgerLoader.load(directory: directory, files: files) { file in
        overrides[file.path].map(FileContents.bytes) ?? readFile(root + "/" + file.path)
      }
    }
    guard loaded.ledger.retros.contains(where: { $0.iteration == iteration }) || !loaded.findings.isEmpty else {
      throw SteerError(
        en: "\(retroPath) is not a retrospective Steer can read",
        fr: "\(retroPath) n'est pas une rétrospective que Steer sait lire")
    }
    let diagnostics = Checker(configuration: configuration).check(loaded.ledger, readingFindings: loaded.findings)
    let involved = involvedFiles(retroPath, iterationPath, loaded.ledger)
    let blocking = diagnostics.filter { $0.severity == .error && involved.contains($0.file) }
    if !blocking.isEmpty {
      throw RecordRefused(
        report: Report(
          diagnostics: blocking, documentPaths: loaded.ledger.documentPaths, sources: loaded.sources,
          language: configuration.language))
    }
    guard let retro = loaded.ledger.retros.first(where: { $0.iteration == iteration }) else {
      throw SteerError(
        en: "\(retroPath) is not a retrospective Steer can read",
        fr: "\(retroPath) n'est pas une rétrospective que Steer sait lire")
    }

    // Who, where, and whether anything stands in the way — all before writing anything.
    guard let committer = repository.configuredSignature() else {
      throw SteerError(
        en: "git does not know who you are: user.name and user.email are not set",
        fr: "git ne sait pas qui vous êtes : user.name et user.email ne sont pas renseignés",
        hint: (
          en:
            "git config user.name \"Your Name\" && git config user.email you@example.org (add --global for every repository)",
          fr:
            "git config user.name \"Votre Nom\" && git config user.email vous@exemple.fr (ajoutez --global pour tous les dépôts)"
        ))
    }
    let author =
      try request.author.map { text in
        guard let signature = Signature(parsing: text) else {
          throw SteerError(
            en: "--author must be \"Name <mail>\", not '\(text)'",
            fr: "--author doit être de la forme \"Nom <courriel>\", et non « \(text) »")
        }
        return signature
      } ?? committer
    if case .detached = head, !request.detached {
      throw SteerError(
        en: "HEAD is detached: the commit would belong to no branch",
        fr: "HEAD est détachée : le commit n'appartiendrait à aucune branche",
        hint: (
          en: "check out a branch first, or pass --detached to commit on the detached HEAD",
          fr: "placez-vous d'abord sur une branche, ou indiquez --detached pour commiter sur la HEAD détachée"
        ))
    }
    if repository.isIndexLocked {
      throw SteerError(
        en: "another git process is running in this repository (.git/index.lock exists); nothing was written",
        fr: "un autre processus git travaille dans ce dépôt (.git/index.lock existe) ; rien n'a été écrit",
        hint: (
          en: "wait for it to finish; if none is running, remove \(repository.gitDirectory)/index.lock",
          fr: "attendez qu'il se termine ; si aucun ne tourne, supprimez \(repository.gitDirectory)/index.lock"
        ))
    }
    let tag = tagPrefix + iteration
    if repository.tagReference(tag) != nil && !request.force {
      throw SteerError(
        en: "the tag \(tag) already exists: this iteration was recorded before",
        fr: "l'étiquette \(tag) existe déjà : cette itération a déjà été consignée",
        hint: (
          en: "pass --force to record it again and move the tag",
          fr: "indiquez --force pour la consigner de nouveau et déplacer l'étiquette"
        ))
    }

    let metrics = LedgerMetrics(loaded.ledger)
    let sayDo = metrics.sayDoByIteration.first { $0.iteration == iteration }?.value
    let message = commitMessage(
      retro, iteration: iteration, sayDo: sayDo, note: request.message, say: Wording(configuration.language))
    let blobs = try updates.map { TreeUpdate(path: $0.path, blob: try repository.writeBlob($0.bytes)) }

    let (commit, retries) = try commitWithRetry(
      repository, head: head, blobs: blobs, author: author, committer: committer, message: message,
      iteration: iteration)
    let subject = String(message.prefix { $0 != "\n" })
    // The commit is on the branch now: the tag and the index are retried briefly (another
    // record may be creating the same ref directories or holding the index), and if they still
    // fail the error says what was recorded and how to finish by hand.
    do {
      try retrying { () throws(GitError) in
        _ = try repository.createTag(tag, target: commit, tagger: committer, message: subject + "\n", force: true)
      }
      try retrying { () throws(GitError) in try repository.stage(blobs) }
    } catch {
      let paths = blobs.map(\.path).joined(separator: " ")
      let failure = String(describing: error)
      throw SteerError(
        en: "commit \(commit) records the retrospective, but finishing failed: \(failure)",
        fr: "le commit \(commit) consigne la rétrospective, mais la fin de l'opération a échoué : \(failure)",
        hint: (
          en: "finish by hand: git tag -f -a \(tag) -m '\(subject)' \(commit) && git reset -q -- \(paths)",
          fr: "terminez à la main : git tag -f -a \(tag) -m '\(subject)' \(commit) && git reset -q -- \(paths)"
        ))
    }
    if request.close, let closed = overrides[iterationPath] {
      // The work tree keeps its own edits; only the status changes there.
      if case .bytes(let current) = readFile(root + "/" + iterationPath) {
        let updated = (try? IterationCloser.close(current, path: iterationPath)) ?? closed
        try Data(updated).write(to: URL(fileURLWithPath: root + "/" + iterationPath), options: .atomic)
      }
    }
    return RecordResult(
      commit: commit.description, tag: tag, subject: subject, paths: updates.map(\.path), retries: retries)
  }

  /// Creates the commit on the current branch with a compare-and-swap: if another writer moved
  /// the branch since it was read, the commit is built again on the new HEAD (their commit
  /// kept), a few times, then the command gives up clearly.
  static func commitWithRetry(
    _ repository: Repository, head: Head, blobs: [TreeUpdate], author: Signature, committer: Signature,
    message: String, iteration: String
  ) throws -> (ObjectID, Int) {
    var current = head
    for retries in 0...attempts {
      if retries > 0 { current = try repository.head }
      let parent = current.commit
      let tree = try repository.tree(from: parent, updating: blobs)
      // An unchanged tree is fine: the retrospective was committed before Steer recorded it,
      // and this commit records it (trailers) for the lessons ledger and the tag.
      let commit = try repository.createCommit(
        tree: tree, parents: parent.map { [$0] } ?? [], author: author, committer: committer, message: message)
      let reference: String
      switch current {
      case .branch(let name, _): reference = name
      case .detached: reference = "HEAD"
      }
      do {
        try repository.updateReference(
          reference, to: commit, expecting: parent, message: "steer retro record \(iteration)")
        return (commit, retries)
      } catch {
        // Another writer moved the branch, or holds its lock right now: wait a moment, retry.
        guard error.isModified || error.isLocked else { throw error }
        usleep(UInt32.random(in: 5_000...40_000))
      }
    }
    throw SteerError(
      en: "another commit landed on the branch \(attempts + 1) times while recording; nothing was recorded",
      fr:
        "un autre commit est arrivé sur la branche \(attempts + 1) fois pendant l'enregistrement ; rien n'a été consigné",
      hint: (en: "run the command again", fr: "relancez la commande"))
  }

  /// The message: subject, lessons and actions in the reader's language, the user's note, then
  /// the trailers (machine keys, the same in every language).
  static func commitMessage(_ retro: Retro, iteration: String, sayDo: Double?, note: String?, say: Wording) -> String {
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
    if let note, !note.isEmpty { parts.append(note) }
    var trailers = [
      "Steer-Iteration: \(iteration)", "Steer-Lessons: \(retro.lessons.count)", "Steer-Actions: \(retro.actions.count)",
    ]
    if let sayDo { trailers.append("Steer-Say-Do: \(sayDo.plainText(digits: 4))") }
    parts.append(trailers.joined(separator: "\n"))
    return parts.joined(separator: "\n\n") + "\n"
  }

  /// The retrospective, its iteration, and every document the retrospective names.
  static func involvedFiles(_ retroPath: String, _ iterationPath: String, _ ledger: Ledger) -> Set<String> {
    var files: Set<String> = [retroPath, iterationPath]
    let index = LedgerIndex(ledger)
    for reference in ledger.references where reference.file == retroPath {
      for declaration in index.declarations(of: reference.id) { files.insert(declaration.file) }
    }
    return files
  }

  /// Runs a git step, retrying a moment later on a failure another writer can cause.
  static func retrying(_ step: () throws(GitError) -> Void) throws {
    for attempt in 1...50 {
      do {
        try step()
        return
      } catch {
        guard attempt < 50 else { throw error }
        usleep(UInt32.random(in: 5_000...30_000))
      }
    }
  }

  static func readFile(_ path: String) -> FileContents {
    guard let data = FileManager.default.contents(atPath: path) else { return .unreadable("cannot read \(path)") }
    return .bytes(Array(data))
  }
}
