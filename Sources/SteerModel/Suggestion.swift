/// "Did you mean" suggestions for misspelled field names, enum values and rule ids.
public enum Suggestion {
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let limit = max(1, word.count / 3)
    return
      candidates
      .map { ($0, distance(word.lowercased(), $0.lowercased())) }
      .filter { $0.1 <= limit }
      .min { $0.1 < $1.1 }?.0
  }

  public static func hint(for word: String, among candidates: [String], noun: String, wording: Wording = Wording())
    -> String
  {
    let list = wording("hint.candidates", noun, candidates.joined(separator: ", "))
    if let suggestion = closest(to: word, among: candidates) {
      return wording("hint.did_you_mean", suggestion) + " " + list
    }
    return list
  }

  /// Levenshtein distance over Unicode scalars.
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

/// "a use case", "an objective": how messages name one thing of a kind.
public func withArticle(_ noun: String) -> String {
  let vowelSound = (noun.first.map { "aeio".contains($0) } ?? false) || noun.hasPrefix("un")
  return (vowelSound ? "an " : "a ") + noun
}
