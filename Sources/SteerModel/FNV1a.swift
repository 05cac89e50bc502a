/// FNV-1a, 64 bits: a short, stable name for a text (cache files, finding fingerprints). Not
/// for anything an adversary chooses: it is not a cryptographic hash.
public enum FNV1a {
  /// The state before anything is hashed.
  public static let offset: UInt64 = 0xcbf2_9ce4_8422_2325

  /// The hash of `text`, or of what was hashed into `state` followed by `text`.
  public static func hash(_ text: String, continuing state: UInt64 = offset) -> UInt64 {
    hash(bytes: text.utf8, continuing: state)
  }

  /// The hash of `bytes`, or of what was hashed into `state` followed by them.
  @inlinable public static func hash(bytes: some Sequence<UInt8>, continuing state: UInt64 = offset) -> UInt64 {
    var hash = state
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  /// The hash as sixteen hexadecimal digits.
  public static func hex(_ text: String) -> String { hex(hash(text)) }

  public static func hex(_ hash: UInt64) -> String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
