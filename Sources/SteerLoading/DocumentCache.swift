import SteerFiles
import SteerGit
import SteerModel

/// What reading each document of a ledger produced, kept between runs so that `check --since`
/// and `history` cost what changed: an entry is the document's path, the id of the blob it was
/// read from, and the result in `CacheCoding`'s binary form. It is used only for files git knows
/// to hold that blob, so a stale entry is never read, only replaced. `check --since` keeps the
/// documents of the last tree it read (and is the only command that writes them); `history`
/// every version it replayed (`Contents`).
///
/// The file lives in the repository's git directory (`steer/`), apart from the index, the
/// work tree and the branches. It is written whole to a temporary file and renamed, so
/// concurrent runs and interrupted ones leave either the old cache or the new. A cache of
/// another format, another steer version, language or ledger, or cut short, counts as empty
/// (and is replaced); an entry whose checksum does not match its bytes, or that does not
/// decode, counts as missing, and its file is read again.
public struct DocumentCache: Sendable {
  /// The version of the binary form (`CacheCoding`); raised whenever a description changes.
  /// A test pins the encoding of the example ledger to it.
  public static let formatVersion = 12

  /// What a cache file keeps, and so its name.
  public enum Contents: String, Sendable {
    /// The documents of the tree `check --since` last read, one version of each path.
    case tree = "documents"
    /// Every version of every document that the last `history` replayed.
    case history
  }

  struct Key: Hashable, Sendable {
    var path: String
    var blob: ObjectID
  }

  /// What the cache must have been made for: this form, this version of steer, this language
  /// (messages are cached worded) and this ledger directory.
  public let identity: String
  /// The file's bytes.
  let bytes: [UInt8]
  /// Where an entry's path and payload lie in `bytes`, and the payload's checksum.
  struct Entry: Sendable {
    var path: Range<Int>
    var payload: Range<Int>
    var checksum: UInt64
  }

  /// The entries by blob: found by blob, then by path compared as bytes, so that tens of
  /// thousands of paths are neither decoded into strings nor hashed. A blob with several paths
  /// (identical files, a renamed one in `history`'s cache) keeps its other entries apart.
  private let entries: [ObjectID: Entry]
  private let moreEntries: [ObjectID: [Entry]]

  private static let magic = Array("steer document cache\n".utf8)

  public static func identity(language: Language, ledgerDirectory directory: String) -> String {
    "format \(formatVersion); steer \(SteerVersion.current); language \(language.rawValue); ledger \(directory)"
  }

  /// A cache holding nothing yet.
  public init(identity: String) {
    self.init(identity: identity, contents: [])
  }

  /// A cache holding `contents`: each a path, the blob it was read from and its encoded result
  /// (a version met twice, as when a file changes back, is kept once).
  init(identity: String, contents: [(key: Key, payload: ArraySlice<UInt8>)]) {
    var writer = CacheWriter()
    writer.bytes = Self.magic
    writer.write(identity)
    var kept: Set<Key> = []
    let unique = contents.filter { kept.insert($0.key).inserted }
    writer.write(unique.count)
    var index = Index()
    for (key, payload) in unique {
      writer.write(key.path)
      let path = writer.bytes.count - key.path.utf8.count..<writer.bytes.count
      key.blob.withUnsafeBytes { writer.bytes.append(contentsOf: $0) }
      let checksum = payload.withUnsafeBytes(Self.checksum)
      withUnsafeBytes(of: checksum.littleEndian) { writer.bytes.append(contentsOf: $0) }
      writer.write(payload.count)
      index.add(
        Entry(path: path, payload: writer.bytes.count..<writer.bytes.count + payload.count, checksum: checksum),
        blob: key.blob)
      writer.bytes.append(contentsOf: payload)
    }
    self.identity = identity
    bytes = writer.bytes
    (entries, moreEntries) = (index.first, index.more)
  }

  private struct Index {
    var first: [ObjectID: Entry] = [:]
    var more: [ObjectID: [Entry]] = [:]

    mutating func add(_ entry: Entry, blob: ObjectID) {
      if first[blob] == nil { first[blob] = entry } else { more[blob, default: []].append(entry) }
    }
  }

  /// Reads a cache's bytes; nil if they are not a whole cache made for `identity`.
  init?(bytes: [UInt8], identity: String) {
    let index = bytes.withUnsafeBytes { raw -> Index? in
      guard raw.starts(with: Self.magic) else { return nil }
      var reader = CacheReader(UnsafeRawBufferPointer(rebasing: raw[Self.magic.count...]))
      let offset = Self.magic.count  // the reader's offsets start after the magic
      do throws(CacheReader.Malformed) {
        guard try reader.string() == identity else { return nil }
        let count = try reader.count()
        var index = Index()
        index.first.reserveCapacity(count)
        for _ in 0..<count {
          let pathLength = try reader.count()
          let path = offset + reader.offset..<offset + reader.offset + pathLength
          _ = try reader.bytes(pathLength)
          guard let blob = ObjectID(bytes: try reader.bytes(ObjectID.byteCount)) else { return nil }
          let checksum = UInt64(littleEndian: try reader.bytes(8).loadUnaligned(as: UInt64.self))
          let length = try reader.count()
          let payload = offset + reader.offset..<offset + reader.offset + length
          _ = try reader.bytes(length)
          index.add(Entry(path: path, payload: payload, checksum: checksum), blob: blob)
        }
        return reader.isAtEnd ? index : nil
      } catch {
        return nil
      }
    }
    guard let index else { return nil }
    self.identity = identity
    self.bytes = bytes
    (entries, moreEntries) = (index.first, index.more)
  }

  public var count: Int { entries.count + moreEntries.values.reduce(0) { $0 + $1.count } }

  /// The encoded result of reading `path` from `blob`, if the cache holds it and its bytes are
  /// what was written.
  func payload(_ path: String, blob: ObjectID) -> ArraySlice<UInt8>? {
    guard let first = entries[blob] else { return nil }
    let isPath = { (entry: Entry) in
      entry.path.count == path.utf8.count && self.bytes[entry.path].elementsEqual(path.utf8)
    }
    guard let entry = isPath(first) ? first : moreEntries[blob]?.first(where: isPath) else { return nil }
    let payload = bytes[entry.payload]
    return payload.withUnsafeBytes(Self.checksum) == entry.checksum ? payload : nil
  }

  /// The result of reading `path` from `blob`, if the cache holds it intact.
  func document(_ path: String, blob: ObjectID) -> ReadDocument? {
    payload(path, blob: blob)?.withUnsafeBytes { bytes in try? ReadDocument(path: path, decoding: bytes) }
  }

  /// A hash of an entry's bytes, eight at a time: it catches a file altered on disk (not a
  /// deliberate forgery: the git directory is trusted as much as the objects it holds).
  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    func mix(_ word: UInt64) {
      hash = ((hash ^ word) &* 0xFF51_AFD7_ED55_8CCD)
      hash ^= hash >> 29
    }
    var offset = 0
    while offset + 8 <= bytes.count {
      mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      offset += 8
    }
    var tail: UInt64 = 0
    for byte in bytes[offset...].reversed() { tail = tail << 8 | UInt64(byte) }
    mix(tail)
    return hash
  }

  // MARK: - On disk

  /// Where the cache of the ledger at `directory` is kept, and what it must have been made for.
  public static func location(
    gitDirectory: String, ledgerDirectory directory: String, language: Language, contents: Contents = .tree
  ) -> (path: String, identity: String) {
    // One file per ledger and language, named by a hash: directories may hold any character.
    let name = FNV1a.hex("\(language.rawValue)/\(directory)")
    return (
      "\(gitDirectory)/steer/\(contents.rawValue)-\(name)", identity(language: language, ledgerDirectory: directory)
    )
  }

  /// The cache at `path`, or an empty one when there is none made for `identity`.
  public static func read(from path: String, identity: String) -> DocumentCache {
    guard case .bytes(let bytes) = FileSystem.contents(of: path, limit: Int.max),
      let cache = DocumentCache(bytes: bytes, identity: identity)
    else { return DocumentCache(identity: identity) }
    return cache
  }

  /// Replaces the cache at `path` atomically, creating its directory. A cache is an
  /// optimisation: when it cannot be written, the next run reads the files again.
  @discardableResult
  public func write(to path: String) -> Bool {
    (try? FileOutput.write(bytes, to: path)) != nil
  }

  /// The cache to keep after a reading that used this one: every result that is in it or was
  /// read from a blob, when some were read (nil when all came from it: it is still right).
  func updated(with results: [ReadResult]) -> DocumentCache? {
    guard results.contains(where: { if case .read? = $0.cached { true } else { false } }) else { return nil }
    return DocumentCache(
      identity: identity,
      contents: results.compactMap { result in
        let path = result.document.path
        switch result.cached {
        case .kept(let blob)?: return payload(path, blob: blob).map { (Key(path: path, blob: blob), $0) }
        case .read(let blob, let payload)?: return (Key(path: path, blob: blob), payload[...])
        case nil: return nil
        }
      })
  }
}
