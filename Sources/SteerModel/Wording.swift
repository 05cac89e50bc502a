/// The words of `steer check` in the configured language. Each message is written once, its
/// English and French side by side; `{0}`, `{1}`… are its arguments (French may reorder them).
public struct Wording: Sendable, Hashable {
  public let language: Language

  public init(_ language: Language = .en) { self.language = language }

  public func callAsFunction(_ key: String, _ arguments: any CustomStringConvertible...) -> String {
    fill(key, arguments.map(\.description))
  }

  /// The message of `key`, or nil when the catalogue has none (an optional hint).
  public func optional(_ key: String) -> String? { WordingTable.entries[key] == nil ? nil : fill(key, []) }

  /// A message with its arguments given as a list.
  public func fill(_ key: String, _ arguments: [String]) -> String {
    guard let entry = WordingTable.entries[key] else { return key }
    var template = language == .fr ? entry.fr : entry.en
    guard !arguments.isEmpty else { return template }
    // One pass over the template's bytes (every message of a check is filled here, and
    // `Character`s would cost grapheme breaking): `{n}` becomes argument n.
    return template.withUTF8 { bytes in
      var text: [UInt8] = []
      text.reserveCapacity(bytes.count + arguments.reduce(0) { $0 + $1.utf8.count })
      var position = 0
      while position < bytes.count {
        if bytes[position] == UInt8(ascii: "{"), let (index, end) = Self.placeholder(in: bytes, at: position),
          arguments.indices.contains(index)
        {
          text.append(contentsOf: arguments[index].utf8)
          position = end
        } else {
          text.append(bytes[position])
          position += 1
        }
      }
      return String(decoding: text, as: UTF8.self)
    }
  }

  /// The argument number of the placeholder (`{0}` to `{99}`) that opens at `start`, and where it ends.
  private static func placeholder(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Int, end: Int)? {
    var number = 0
    var position = start + 1
    while position < bytes.count, position - start <= 2,
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position])
    {
      number = number * 10 + Int(bytes[position] - UInt8(ascii: "0"))
      position += 1
    }
    guard position > start + 1, position < bytes.count, bytes[position] == UInt8(ascii: "}") else { return nil }
    return (number, position + 1)
  }

  /// French `de`/`que` before a vowel becomes `d'`/`qu'`; English is unchanged.
  public func of(_ word: String) -> String {
    guard language == .fr else { return "of " + word }
    let vowels: Set<Character> = ["a", "e", "i", "o", "u", "é", "è", "ê", "à", "â", "î", "ô", "h", "y"]
    return (word.first.map { vowels.contains(Character($0.lowercased())) } ?? false ? "d'" : "de ") + word
  }

  /// A list of words joined for a sentence.
  public func list(_ words: [String]) -> String { words.joined(separator: ", ") }
}

extension EntityKind {
  /// How messages name this kind of thing, without an article.
  public func noun(_ wording: Wording) -> String {
    guard wording.language == .fr else { return noun }
    switch self {
    case .stakeholder: return "partie prenante"
    case .objective: return "objectif"
    case .usecase: return "cas d'usage"
    case .workshop: return "atelier"
    case .iteration: return "itération"
    case .axis: return "axe"
    case .rolloutStep: return "étape de déploiement"
    case .indicator: return "indicateur"
    }
  }
}

extension DocumentKind {
  public func noun(_ wording: Wording) -> String {
    guard wording.language == .fr else { return noun }
    switch self {
    case .vision: return "la vision"
    case .stakeholder: return "une partie prenante"
    case .objective: return "un objectif"
    case .usecase: return "un cas d'usage"
    case .workshop: return "un atelier"
    case .iteration: return "une itération"
    case .retro: return "une rétrospective"
    }
  }

  /// "a use case" / "un cas d'usage".
  public func nounWithArticle(_ wording: Wording) -> String {
    wording.language == .fr ? noun(wording) : nounWithArticle
  }
}

extension FieldType {
  /// How messages and documentation name a value of this type, in the language.
  public func summary(_ w: Wording) -> String {
    guard w.language == .fr else { return summary }
    switch self {
    case .text: return "du texte"
    case .date: return "une date (AAAA-MM-JJ)"
    case .number(let minimum): return minimum.map { "un nombre ≥ \(Int($0))" } ?? "un nombre"
    case .integer(let range): return "un entier de \(range.lowerBound) à \(range.upperBound)"
    case .identifier(let kind): return "un nouvel identifiant \(w.of(kind.noun(w)))"
    case .reference(let kind): return "un identifiant \(w.of(kind.noun(w)))"
    case .choice(let words): return "l'un de \(words.joined(separator: ", "))"
    case .tag: return "une étiquette"
    case .list(let element, _):
      let plural = element.pluralSummary(w)
      return "une liste " + w.of(plural)
    case .map(let key, let value): return "une table associant \(key.summary(w)) à \(value.summary(w))"
    case .object(let specs): return "une table avec les champs \(specs.map(\.name).joined(separator: ", "))"
    case .ruleID: return "un identifiant de règle"
    case .metricName: return "un nom d'indicateur de pilotage"
    }
  }

  func pluralSummary(_ w: Wording) -> String {
    guard w.language == .fr else { return pluralSummary }
    switch self {
    case .text: return "textes"
    case .identifier(let kind), .reference(let kind): return "identifiants \(w.of(kind.noun(w)))"
    case .choice(let words): return "mots parmi \(words.joined(separator: ", "))"
    case .tag: return "étiquettes"
    case .object(let specs): return "tables avec les champs \(specs.map(\.name).joined(separator: ", "))"
    default: return "valeurs (\(summary(w)))"
    }
  }
}
