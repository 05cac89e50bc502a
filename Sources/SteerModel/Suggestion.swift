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

  /// "did you mean 'x'? the fields are: …", or only the list when nothing is close.
  public static func hint(for word: String, among candidates: [String], noun: String, wording say: Wording) -> String {
    let list = say.candidates(noun, candidates)
    guard let suggestion = closest(to: word, among: candidates) else { return list }
    // A sentence of its own after the question.
    return say.didYouMean(suggestion) + " " + list.prefix(1).uppercased() + list.dropFirst()
  }

  /// Edit distance over Unicode scalars, a swap of two neighbours counting as one edit
  /// (optimal string alignment): `titel` is one edit from `title`, as a reader sees it.
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}

extension Wording {
  public func didYouMean(_ word: String) -> String {
    self(en: "did you mean '\(word)'?", fr: "vouliez-vous dire « \(word) » ?")
  }

  /// `the fields are: a, b` — `noun` is plural.
  func candidates(_ noun: String, _ candidates: [String]) -> String {
    self(en: "the \(noun) are: \(list(candidates))", fr: "les \(noun) sont : \(list(candidates))")
  }
}
