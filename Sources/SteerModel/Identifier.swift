/// Ids match `^[a-z0-9][a-z0-9-]{0,63}$` and are unique across the ledger.
public enum Identifier {
  public static let pattern = "^[a-z0-9][a-z0-9-]{0,63}$"

  public static func isValid(_ text: String) -> Bool {
    // Called for every id of every document: scan the UTF-8 bytes directly.
    var text = text
    return text.withUTF8 { bytes in
      guard (1...64).contains(bytes.count), isLowerAlphanumeric(bytes[0]) else { return false }
      for byte in bytes where !isLowerAlphanumeric(byte) && byte != UInt8(ascii: "-") { return false }
      return true
    }
  }

  /// Refuses a text that is not an id; `hint` says what the command takes instead.
  public static func ensureValid(_ text: String, hint: (en: String, fr: French)) throws(SteerError) {
    guard !isValid(text) else { return }
    throw SteerError(en: "'\(text)' is not a valid id", fr: "« \(text) » n'est pas un identifiant valide", hint: hint)
  }

  /// The id a writer meant by `text`, written with accents or capitals (`it-2026-été`,
  /// `Mayor`): the same letters, folded, when that is an id; nil for anything else (too long,
  /// other signs than `-`).
  public static func folded(_ text: String) -> String? {
    let folded = Slug.make(text)
    guard folded != text, isValid(folded), folded.unicodeScalars.count == text.unicodeScalars.count,
      text.unicodeScalars.allSatisfy({ $0 == "-" || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    else { return nil }
    return folded
  }

  private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}

/// Lesson tags: short lowercase words — ASCII letters and digits, the lowercase accented
/// letters of Latin-1 (é, è, à, ç, ô…) and œ, and `-` after the first character. The pattern is
/// written so that every JSON Schema validator's regular expressions can apply it too.
public enum Tag {
  public static let maximumLength = 32
  public static let pattern = "^[a-z0-9à-öø-ÿœ][a-z0-9à-öø-ÿœ-]{0,31}$"

  public static func isValid(_ text: String) -> Bool {
    let scalars = text.unicodeScalars
    guard let first = scalars.first, (1...maximumLength).contains(scalars.count), first != "-" else { return false }
    return scalars.allSatisfy { scalar in
      ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "œ"
        || ("à"..."ö").contains(scalar) || ("ø"..."ÿ").contains(scalar)
    }
  }
}

/// The tags `steer retro record` makes, one per recorded iteration: `steer/iteration/ID`.
public enum IterationTag {
  public static let prefix = "steer/iteration/"
}
