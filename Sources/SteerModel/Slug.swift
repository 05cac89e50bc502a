import Foundation

/// Turns a title into an id: lowercase ASCII, accents folded, words joined by `-`.
/// "Plages connectées" → `plages-connectees`.
public enum Slug {
  public static func make(_ title: String) -> String {
    var slug = ""
    var pendingDash = false
    // Canonical decomposition turns "é" into "e" and a combining accent, which is dropped.
    for scalar in title.decomposedStringWithCanonicalMapping.unicodeScalars {
      let folded: String
      if let special = letters[scalar] {
        folded = special
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue
      } else if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        folded = String(scalar).lowercased()
      } else {
        pendingDash = !slug.isEmpty
        continue
      }
      if pendingDash {
        slug += "-"
        pendingDash = false
      }
      slug += folded
    }
    // Keep within the id's 64 characters without ending on a dash.
    var limited = String(slug.prefix(64))
    while limited.hasSuffix("-") { limited.removeLast() }
    return limited
  }

  /// Letters that canonical decomposition does not split into a base and an accent.
  private static let letters: [Unicode.Scalar: String] = [
    "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
    "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i", "ĳ": "ij", "Ĳ": "ij",
  ]
}
