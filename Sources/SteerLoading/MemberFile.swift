import SteerFiles

/// A file of a region's `steer/members/` directory, or `check --since`'s state: a magic line,
/// the identity it was made for, a body, then a checksum of identity and body. It is read whole
/// for one identity or not at all (another identity, a file cut short or altered count as
/// missing), and replaced atomically.
protocol MemberFile: Sendable {
  static var magic: [UInt8] { get }
  /// Writes what follows the identity.
  func encodeBody(to writer: inout CacheWriter)
  /// Reads what follows the identity.
  init(body reader: inout CacheReader) throws(CacheReader.Malformed)
}

extension MemberFile {
  /// The file at `path`, if there is a whole one made for `identity`.
  static func read(from path: String, identity: String) -> Self? {
    guard case .bytes(let bytes) = FileSystem.contents(of: path, limit: Int.max) else { return nil }
    return Self(bytes: bytes, identity: identity)
  }

  /// Replaces the file at `path` atomically, making its directory. The file is an optimisation:
  /// when it cannot be written, the next run reads the member again.
  @discardableResult
  func write(to path: String, identity: String) -> Bool {
    (try? FileOutput.write(encoded(identity: identity), to: path)) != nil
  }

  func encoded(identity: String) -> [UInt8] {
    var writer = CacheWriter()
    writer.write(identity)
    encodeBody(to: &writer)
    let checksum = writer.bytes.withUnsafeBytes(DocumentCache.checksum)
    return Self.magic + writer.bytes + withUnsafeBytes(of: checksum.littleEndian, Array.init)
  }

  init?(bytes: [UInt8], identity: String) {
    guard bytes.count >= Self.magic.count + 8, bytes.starts(with: Self.magic) else { return nil }
    let decoded = bytes.withUnsafeBytes { raw -> Self? in
      let body = UnsafeRawBufferPointer(rebasing: raw[Self.magic.count..<raw.count - 8])
      guard
        DocumentCache.checksum(body)
          == UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self))
      else { return nil }
      var reader = CacheReader(body)
      guard (try? reader.string()) == identity, let file = try? Self(body: &reader), reader.isAtEnd else { return nil }
      return file
    }
    guard let decoded else { return nil }
    self = decoded
  }
}
