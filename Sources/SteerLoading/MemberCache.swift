import SteerFiles
import SteerModel

/// What a region read of a federation member at one commit, kept between runs so that a member
/// whose pin did not move is not read from git again: the bytes of its `.steer.yaml` there (read
/// again on use: cheap, and the region's language words its findings), its ledger directory,
/// its misplaced files and each document's reading in `CacheCoding`'s binary form.
///
/// One file per member, in the region's git directory (`steer/members/`), written whole to a
/// temporary file and renamed by the thread that read the member: concurrent runs leave the old
/// file or the new, and no two threads share one. A commit names its whole tree, so the file is
/// good for as long as its identity — format, steer version, language, commit, ledger directory
/// asked for — is the one looked for; any other, a file cut short or altered (its checksum),
/// counts as missing, and the member is read again and the file replaced.
public struct MemberCache: MemberFile {
  /// A document as read, encoded (`ReadDocument.encoded()`).
  struct Document: Sendable {
    var path: String
    /// Nil for a measurement series.
    var kind: DocumentKind?
    var payload: [UInt8]
  }

  /// A member's ledger as read at a commit.
  struct Ledger: Sendable {
    var directory: String
    var misplaced: [String]
    var documents: [Document]
  }

  /// The member's `.steer.yaml` at the commit; nil when it has none.
  public var configuration: [UInt8]?
  var ledger: Ledger

  static let magic = Array("steer member cache\n".utf8)
  /// The layout of the file around the documents, whose form is `DocumentCache.formatVersion`'s.
  private static let layoutVersion = 1

  /// Where the cache of `member` is kept below `directory`, and what it must have been made for.
  public static func location(of member: FederationMember, commit: String, in directory: String, language: Language)
    -> (path: String, identity: String)
  {
    // Named by the member, where it is read from and the language (messages are cached
    // worded); the commit is in the identity, so a pin that moved replaces the file instead of
    // adding one.
    let name =
      member.name.value + "-" + FNV1a.hex("\(language.rawValue)\n\(member.repository)\n\(member.ledger ?? "")")
    let identity =
      "member layout \(layoutVersion); format \(DocumentCache.formatVersion); steer \(SteerVersion.current); "
      + "language \(language.rawValue); commit \(commit); ledger \(member.ledger ?? "(its own)")"
    return (directory + "/" + name, identity)
  }

  init(configuration: [UInt8]?, ledger: Ledger) {
    self.configuration = configuration
    self.ledger = ledger
  }

  func encodeBody(to writer: inout CacheWriter) {
    writer.write(configuration?.count ?? -1)
    writer.bytes += configuration ?? []
    writer.write(ledger.directory)
    ledger.misplaced.encode(to: &writer)
    writer.write(ledger.documents.count)
    for document in ledger.documents {
      writer.write(document.path)
      document.kind.encode(to: &writer)
      writer.write(document.payload.count)
      writer.bytes += document.payload
    }
  }

  init(body reader: inout CacheReader) throws(CacheReader.Malformed) {
    let length = try reader.int()
    configuration = length < 0 ? nil : Array(try reader.bytes(length))
    ledger = Ledger(directory: try reader.string(), misplaced: try [String](from: &reader), documents: [])
    let count = try reader.count()
    ledger.documents.reserveCapacity(count)
    for _ in 0..<count {
      let path = try reader.string()
      let kind = try DocumentKind?(from: &reader)
      ledger.documents.append(Document(path: path, kind: kind, payload: Array(try reader.bytes(try reader.count()))))
    }
  }

  /// The ledger as it was read; nil when a document does not decode.
  public func loaded(language: Language) -> LoadedLedger? {
    var results: [ReadResult] = []
    results.reserveCapacity(ledger.documents.count)
    for document in ledger.documents {
      guard
        let read = document.payload.withUnsafeBytes({ try? ReadDocument(path: document.path, decoding: $0) })
      else { return nil }
      results.append(ReadResult(kind: document.kind, document: read))
    }
    let prefix = ledger.directory.isEmpty ? "" : ledger.directory + "/"
    return LedgerLoader.assemble(
      results, misplaced: ledger.misplaced.map { LedgerFile(path: $0, belowPrefix: prefix) },
      directory: ledger.directory, language: language)
  }
}
