import SteerGit
import SteerLoading
import SteerModel

/// One recorded retrospective, read back from a commit that carries `Steer-Iteration`.
public struct RecordedLessons: Hashable, Sendable {
  public var iteration: String
  /// The iteration's title as its document stood in the commit; nil when it had none there.
  public var iterationTitle: String?
  public var commit: String
  public var date: CalendarDate
  public var author: String
  public var lessons: [Lesson]
}

/// `steer lessons`: the lessons ledger, read from history alone, newest first.
public enum LessonsReader {
  /// The retrospectives recorded in the history of `head` (default: HEAD) and not in that of
  /// `since`, newest first; with `tag`, only their lessons with that tag.
  public static func read(
    repository: Repository, directory: String, head: Commit? = nil, since: Commit? = nil, tag: String? = nil
  ) throws -> [RecordedLessons] {
    var entries: [RecordedLessons] = []
    for commit in try repository.log(from: head?.id, hiding: since?.id) {
      let info = commit.info
      guard let iteration = info.trailer("Steer-Iteration") else { continue }
      guard let (retro, iterationTitle) = try retro(iteration, in: commit, directory: directory) else { continue }
      let lessons = tag.map { tag in retro.lessons.filter { $0.tags.contains(tag) } } ?? retro.lessons
      if lessons.isEmpty && tag != nil { continue }
      entries.append(
        RecordedLessons(
          iteration: iteration, iterationTitle: iterationTitle, commit: info.id.description,
          date: CalendarDate(epochSeconds: info.time),
          author: info.author.name, lessons: lessons))
    }
    return entries
  }

  /// The retrospective of `iteration` as it stands in `commit`, and the iteration's title there.
  static func retro(_ iteration: String, in commit: Commit, directory: String) throws -> (Retro, String?)? {
    var files: [LedgerFile] = []
    var blobs: [String: [UInt8]] = [:]
    for kind in [DocumentKind.retro, .iteration] {
      let relative = "\(kind.directory ?? "")/\(iteration).md"
      let path = (directory.isEmpty ? "" : directory + "/") + relative
      guard let entry = try commit.file(at: path) else { continue }
      files.append(LedgerFile(path: path, relativePath: relative))
      blobs[path] = try commit.repository.blobContents(entry.id)
    }
    let contents = blobs
    let loaded = LedgerLoader.load(directory: directory, files: files) { .bytes(contents[$0.path] ?? []) }
    guard let retro = loaded.ledger.retros.first else { return nil }
    return (retro, loaded.ledger.iterations.first?.title)
  }
}
