/// "Did you mean" suggestions: the word a writer meant, among the words a place allows (field
/// names, allowed values, ids, rule ids…), and why it is that one.
public enum Suggestion {
  /// Why a word is suggested in place of what was written.
  public enum Reason: Hashable, Sendable {
    /// The same word with capitals: `Prototype`.
    case letterCase
    /// The same word with accents (and perhaps capitals): `it-2026-été`.
    case accents
    /// What Steer prints for the word in French, with this label: `hausse` for `increase`.
    case frenchLabel(String)
    /// The beginning of one word only: `dsi` for `dsi-mutualisee`.
    case prefix
    /// A word a few letters away: `titel`.
    case spelling
  }

  public struct Match: Hashable, Sendable {
    public var word: String
    public var reason: Reason

    public init(word: String, reason: Reason) {
      self.word = word
      self.reason = reason
    }
  }

  /// The word a writer meant, if one is certain enough to offer: the same but for capitals or
  /// accents; the one whose French label (`frenchLabels`, in the order of `candidates`) it is,
  /// whatever its accents, capitals, plural or gender; the closest spelling; the one word it
  /// begins.
  public static func match(for written: String, among candidates: [String], frenchLabels: [String]? = nil)
    -> Match?
  {
    let lowered = written.lowercased()
    if let word = candidates.first(where: { $0.lowercased() == lowered }) {
      return Match(word: word, reason: .letterCase)
    }
    // Only a word written with letters outside ASCII has accents to fold (`rollout-step` is a
    // misspelling of `rollout_step`, not an accent).
    if !written.unicodeScalars.allSatisfy(\.isASCII) {
      let folded = Slug.make(written)
      if !folded.isEmpty, let word = candidates.first(where: { $0 == folded }) {
        return Match(word: word, reason: .accents)
      }
    }
    if let labels = frenchLabels {
      let hits = labels.indices.filter { sameLabel(written, labels[$0]) }
      if hits.count == 1 {
        let (word, label) = (candidates[hits[0]], labels[hits[0]])
        // A label that is the word itself (`test`, `prototype`) is no French word to explain.
        return Match(word: word, reason: Slug.make(label) == word ? .spelling : .frenchLabel(label))
      }
    }
    if let word = closestSpelling(to: lowered, among: candidates) { return Match(word: word, reason: .spelling) }
    let beginning = candidates.filter { $0.hasPrefix(lowered) }
    if lowered.count >= 3, beginning.count == 1 { return Match(word: beginning[0], reason: .prefix) }
    return nil
  }

  /// The word `match` finds, whatever the reason.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    match(for: word, among: candidates)?.word
  }

  /// "did you mean 'x'? the fields are: …", or only the list when nothing is close.
  public static func hint(for word: String, among candidates: [String], noun: String, wording say: Wording) -> String {
    let list = say.candidates(noun, candidates)
    guard let match = match(for: word, among: candidates) else { return list }
    // A sentence of its own after the suggestion.
    let suggestion = say.suggestion(match)
    return suggestion + (suggestion.hasSuffix("?") ? " " : ". ") + list.prefix(1).uppercased() + list.dropFirst()
  }

  private static func closestSpelling(to lowered: String, among candidates: [String]) -> String? {
    let limit = max(1, lowered.count / 3)
    return
      candidates
      .map { ($0, distance(lowered, $0.lowercased())) }
      .filter { $0.1 <= limit }
      .min { $0.1 < $1.1 }?.0
  }

  /// Whether a writer wrote `label`, whatever its accents and capitals, and with or without
  /// the plural's `s` and the feminine's `e` on each word (`Réserve` for `réserves`, `prévu`
  /// for `prévue`, `clos` for `close`).
  private static func sameLabel(_ written: String, _ label: String) -> Bool {
    let writtenWords = Slug.make(written).split(separator: "-")
    let labelWords = Slug.make(label).split(separator: "-")
    guard !labelWords.isEmpty, writtenWords.count == labelWords.count else { return false }
    return zip(writtenWords, labelWords).allSatisfy { !stems($0).isDisjoint(with: stems($1)) }
  }

  /// A word and the word without a final `s`, `e` or `es`.
  private static func stems(_ word: Substring) -> Set<Substring> {
    var stems: Set<Substring> = [word]
    for ending in ["s", "e", "es"] where word.count > ending.count + 2 && word.hasSuffix(ending) {
      stems.insert(word.dropLast(ending.count))
    }
    return stems
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

  /// What to write instead, and why when it is not a slip of the keyboard.
  public func suggestion(_ match: Suggestion.Match) -> String {
    let word = match.word
    return switch match.reason {
    case .spelling, .prefix: didYouMean(word)
    case .letterCase: self(en: "write '\(word)', in lowercase", fr: "écrivez « \(word) », en minuscules")
    case .accents:
      self(en: "write '\(word)', without accents or capitals", fr: "écrivez « \(word) », sans accents ni majuscules")
    case .frenchLabel(let label):
      self(
        en: "'\(label)' is what Steer prints in French; the file takes '\(word)'",
        fr: "« \(label) » est ce qu'affiche Steer ; le fichier, lui, attend « \(word) »")
    }
  }

  /// `the fields are: a, b` — `noun` is plural.
  func candidates(_ noun: String, _ candidates: [String]) -> String {
    self(en: "the \(noun) are: \(list(candidates))", fr: "les \(noun) sont : \(list(candidates))")
  }
}
