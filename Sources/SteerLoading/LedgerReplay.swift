import SteerGit
import SteerModel

/// A ledger followed from commit to commit. Moving to a commit compares its ledger tree with
/// the previous one's and reads only the documents whose blob changed, so replaying a history
/// costs what changed in it, not its length times the size of the ledger.
public final class LedgerReplay {
  /// A document that differs from the previous commit's: nil for `old` when it is new, for
  /// `new` when it is gone or cannot be built (its reading errors are `steer check`'s business).
  public struct Change: Sendable {
    public var path: String
    public var kind: DocumentKind
    public var old: LedgerDocument?
    public var new: LedgerDocument?
  }

  private let repository: Repository
  private let directory: String
  /// The ledger's tree at the current commit (nil when the commit has no ledger directory).
  private var tree: ObjectID?
  /// Every document of the current commit by path, built or not.
  private var documents: [String: LedgerDocument?] = [:]
  /// Documents parsed so far: each version of each file once.
  public private(set) var parsed = 0
  /// Documents in the current commit's ledger, built or not.
  public var documentCount: Int { documents.count }

  public init(repository: Repository, directory: String) {
    self.repository = repository
    self.directory = directory
  }

  /// Moves to `commit` and returns what changed, in path order.
  public func advance(to commit: Commit) throws(SteerError) -> [Change] {
    do {
      let next = try commit.hasDirectory(at: directory) ? commit.entryID(at: directory) : nil
      let changed = try repository.changes(from: tree, to: next)
      tree = next
      let prefix = directory.isEmpty ? "" : directory + "/"
      // libgit2 objects are not thread-safe: read the blobs here, parse them over the cores.
      var toRead: [(path: String, kind: DocumentKind, stem: String, contents: FileContents)] = []
      var changes: [Change] = []
      for change in changed {
        guard case .document(let kind, let stem) = LedgerFile.role(of: change.path) else { continue }
        let path = prefix + change.path
        if let blob = change.blob {
          let bytes = try repository.blobContents(blob)
          let contents: FileContents =
            bytes.count > FrontMatter.maximumFileSize ? .tooLarge(bytes.count) : .bytes(bytes)
          toRead.append((path, kind, stem, contents))
        } else if let old = documents.removeValue(forKey: path) {
          changes.append(Change(path: path, kind: kind, old: old, new: nil))
        }
      }
      let read = toRead.concurrentMap { file in
        DocumentReader.read(file.contents, path: file.path, kind: file.kind, stem: file.stem).content
      }
      parsed += read.count
      for (file, new) in zip(toRead, read) {
        let old = documents.updateValue(new, forKey: file.path) ?? nil
        changes.append(Change(path: file.path, kind: file.kind, old: old, new: new))
      }
      return changes.sorted { $0.path < $1.path }
    } catch {
      throw SteerError("cannot read the ledger at commit \(commit.id): \(error.message)")
    }
  }
}
