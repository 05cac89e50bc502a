import SteerGit
import SteerModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What reading each document of a ledger produced, kept between runs so that `check --since`
/// and `history` cost what changed: an entry is the document's path, the id of the blob it was
/// read from, and the result in `CacheCoding`'s binary form. It is used only for files git knows
/// to hold that blob, so a stale entry is never read, only replaced. `check --since` keeps the
/// documents of the last tree it read; `history` every version it replayed (`Contents`).
///
/// The file lives in the repository's git directory (`steer/`), apart from the index, the
/// work tree and the branches. It is written whole to a temporary file and renamed, so
/// concurrent runs and interrupted ones leave either the old cache or the new. A cache made
/// by another steer build or for another language, or cut short, counts as empty; an entry
/// whose checksum does not match its bytes counts as damaged, and its file is read again.
public struct DocumentCache: Sendable {
  /// What a cache file keeps, and so its name.
  public enum Contents: String, Sendable {
    /// The documents of the tree `check --since` last read, one version of each path.
    case tree = "documents"
    /// Every version of every document that the last `history` replayed.
    case history
  }

  /// Where an entry's path and result lie in the file's bytes, and its checksum.
  struct Entry: Sendable {
    var path: Range<Int>
    var blob: ObjectID
    var checksum: UInt64
    var payload: Range<Int>
    /// The next entry read from the same blob (another path, in `history`'s cache), or -1.
    var next: Int32 = -1
  }

  /// Which build of steer made the cache, for which ledger and language: the binary form
  /// and every message follow the build, so another build's cache is not read.
  public let identity: String
  /// The file's bytes.
  let storage: [UInt8]
  private let index: Index

  private static let magic = Array("steer document cache\n".utf8)

  /// A cache holding nothing yet.
  public init(identity: String) {
    self.init(identity: identity, contents: [])
  }

  /// A cache holding `contents`, each a path, the blob it was read from and its encoded result
  /// (a version met twice, as when a file changes back, is kept once).
  init(identity: String, contents: [(path: String, blob: ObjectID, payload: ArraySlice<UInt8>)]) {
    var body = CacheWriter(path: "")  // the entries, found in it while it is written
    var index = Index(capacity: contents.count)
    for (path, blob, payload) in contents {
      var path = path
      guard path.withUTF8({ index.find(UnsafeRawBufferPointer($0), blob: blob, in: body.bytes) }) == nil else {
        continue
      }
      body.write(path)
      let pathRange = body.bytes.count - path.utf8.count..<body.bytes.count
      blob.withUnsafeBytes { body.bytes.append(contentsOf: $0) }
      let checksum = payload.withUnsafeBytes(Self.checksum)
      withUnsafeBytes(of: checksum.littleEndian) { body.bytes.append(contentsOf: $0) }
      body.write(payload.count)
      index.add(
        Entry(
          path: pathRange, blob: blob, checksum: checksum, payload: body.bytes.count..<body.bytes.count + payload.count)
      )
      body.bytes.append(contentsOf: payload)
    }
    var writer = CacheWriter(path: "")
    writer.bytes = Self.magic
    writer.write(identity)
    writer.write(index.entries.count)
    index.shift(by: writer.bytes.count)
    writer.bytes += body.bytes
    self.identity = identity
    self.storage = writer.bytes
    self.index = index
  }

  /// Reads a cache's bytes; nil if they are not one made with `identity`.
  init?(bytes: [UInt8], identity: String) {
    let index = bytes.withUnsafeBytes { raw -> Index? in
      guard raw.starts(with: Self.magic) else { return nil }
      var reader = CacheReader(UnsafeRawBufferPointer(rebasing: raw[Self.magic.count...]), path: "")
      do throws(CacheReader.Malformed) {
        guard try reader.string() == identity else { return nil }
        let count = try reader.count()
        var index = Index(capacity: count)
        for _ in 0..<count {
          let pathLength = try reader.count()
          let pathStart = reader.offset
          _ = try reader.bytes(pathLength)
          guard let blob = ObjectID(bytes: try reader.bytes(ObjectID.byteCount)) else { return nil }
          let checksum = UInt64(littleEndian: try reader.bytes(8).loadUnaligned(as: UInt64.self))
          let length = try reader.count()
          let start = reader.offset
          _ = try reader.bytes(length)
          index.add(
            Entry(
              path: pathStart..<pathStart + pathLength, blob: blob, checksum: checksum, payload: start..<start + length)
          )
        }
        guard reader.isAtEnd else { return nil }
        index.shift(by: Self.magic.count)
        return index
      } catch {
        return nil
      }
    }
    guard let index else { return nil }
    self.identity = identity
    self.storage = bytes
    self.index = index
  }

  /// Where each entry lies, and the first entry of each blob. Entries are found by blob and
  /// their path compared as bytes in the file: tens of thousands of paths are neither copied
  /// into strings nor hashed.
  private struct Index: Sendable {
    private(set) var entries: [Entry] = []
    private var first: [ObjectID: Int32] = [:]

    init(capacity: Int) {
      entries.reserveCapacity(capacity)
      first.reserveCapacity(capacity)
    }

    mutating func add(_ entry: Entry) {
      var entry = entry
      if let previous = first.updateValue(Int32(entries.count), forKey: entry.blob) { entry.next = previous }
      entries.append(entry)
    }

    /// Moves every range by `offset` bytes: they were found in part of the file.
    mutating func shift(by offset: Int) {
      for index in entries.indices {
        entries[index].path = entries[index].path.lowerBound + offset..<entries[index].path.upperBound + offset
        entries[index].payload = entries[index].payload.lowerBound + offset..<entries[index].payload.upperBound + offset
      }
    }

    /// The entry for `path` (its UTF-8 bytes) read from `blob`, its path being in `storage`.
    func find(_ path: UnsafeRawBufferPointer, blob: ObjectID, in storage: [UInt8]) -> Entry? {
      var position = first[blob] ?? -1
      while position >= 0 {
        let entry = entries[Int(position)]
        let same =
          entry.path.count == path.count
          && storage.withUnsafeBytes { bytes in
            path.isEmpty || memcmp(bytes.baseAddress! + entry.path.lowerBound, path.baseAddress!, path.count) == 0
          }
        if same { return entry }
        position = entry.next
      }
      return nil
    }
  }

  private func entry(_ path: String, blob: ObjectID) -> Entry? {
    var path = path
    return path.withUTF8 { index.find(UnsafeRawBufferPointer($0), blob: blob, in: storage) }
  }

  public var count: Int { index.entries.count }

  /// The encoded result of reading `path`, if the cache holds it for exactly `blob`.
  func payload(_ path: String, blob: ObjectID) -> ArraySlice<UInt8>? {
    entry(path, blob: blob).map { storage[$0.payload] }
  }

  /// The encoded result of reading `path` from `blob`, if the cache holds it and its bytes are
  /// what was written.
  func intactPayload(_ path: String, blob: ObjectID) -> ArraySlice<UInt8>? {
    guard let entry = entry(path, blob: blob) else { return nil }
    let payload = storage[entry.payload]
    return payload.withUnsafeBytes(Self.checksum) == entry.checksum ? payload : nil
  }

  /// The result of reading `path`, if the cache holds it for exactly `blob`: nil when it does
  /// not, a failure when the entry's bytes are not what was written.
  func document(_ path: String, blob: ObjectID) -> Result<ReadDocument, CacheReader.Malformed>? {
    guard let entry = entry(path, blob: blob) else { return nil }
    return storage[entry.payload].withUnsafeBytes { bytes in
      guard Self.checksum(bytes) == entry.checksum else { return .failure(CacheReader.Malformed()) }
      return Result { () throws(CacheReader.Malformed) in try ReadDocument(path: path, decoding: bytes) }
    }
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

  /// Where the cache of the ledger at `directory` is kept, and what it must have been made by.
  /// Nil when this build cannot name itself (then nothing is cached).
  public static func location(
    gitDirectory: String, ledgerDirectory directory: String, language: Language, contents: Contents = .tree
  ) -> (path: String, identity: String)? {
    guard let build = FileSystem.executableStamp() else { return nil }
    let identity = "format 3; build \(build); language \(language.rawValue); ledger \(directory)"
    // One file per ledger and language, named by a hash: directories may hold any character.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
    for byte in "\(language.rawValue)/\(directory)".utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    let name = String(hash, radix: 16)
    let file = "\(contents.rawValue)-\(String(repeating: "0", count: 16 - name.count))\(name)"
    return ("\(gitDirectory)/steer/\(file)", identity)
  }

  /// The cache at `path`, or an empty one when there is none made with `identity`.
  public static func read(from path: String, identity: String) -> DocumentCache {
    guard case .bytes(let bytes) = FileSystem.read(path, limit: Int.max),
      let cache = DocumentCache(bytes: bytes, identity: identity)
    else { return DocumentCache(identity: identity) }
    return cache
  }

  /// Replaces the cache at `path` atomically, creating its directory. A cache is an
  /// optimisation: when it cannot be written, the next run reads the files again.
  @discardableResult
  public func write(to path: String) -> Bool {
    let directory = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    if !directory.isEmpty { mkdir(directory, 0o755) }
    return FileSystem.replace(path, with: storage)
  }
}
