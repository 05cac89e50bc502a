/// The words Steer prints, in the reader's language: the one catalogue of messages.
///
/// Each sentence is a method of `Wording`, written in an extension beside the code that emits
/// it (a rule's messages in the rule's file), with typed arguments and its English and French
/// side by side: `say(en: "'\(id)' depends on itself", fr: "« \(id) » dépend de lui-même")`.
/// Both texts are required, so a missing translation does not compile; only the reader's is
/// built. The French text is a `French` value, whose written parts are set in French
/// typography (see `French`); plurals, elision, numbers, dates and the words for the format's
/// values come from the helpers below, not from each message.
public struct Wording: Sendable, Hashable {
  public let language: Language

  public init(_ language: Language = .en) { self.language = language }

  /// The sentence in the reader's language.
  @inlinable
  public func callAsFunction(en: @autoclosure () -> String, fr: @autoclosure () -> French) -> String {
    language == .fr ? fr().text : en()
  }

  public var isFrench: Bool { language == .fr }

  /// `n` with its noun, singular or plural as each language wants it: `1 error`, `0 errors`;
  /// `0 erreur`, `1 erreur`, `2 erreurs` (French takes the singular below 2).
  public func count(_ n: Int, en: (String, String), fr: (String, String)) -> String {
    number(n) + (isFrench ? "\u{A0}" : " ") + agreeing(with: n, en: en, fr: fr)
  }

  /// The singular or plural form of words that agree with `n`, as each language counts.
  public func agreeing(with n: Int, en: (String, String), fr: (String, String)) -> String {
    isFrench ? (n < 2 ? fr.0 : fr.1) : (n == 1 ? en.0 : en.1)
  }

  /// A value quoted inside a sentence: `'x'` / `« x »`.
  public func quoted(_ value: String) -> String { self(en: "'\(value)'", fr: "« \(value) »") }

  /// A thing named for a person: its title, then the id its file uses (what whoever fixes the
  /// file searches for): `Bike counts (bike-counts)`; the id alone when no title is known (a
  /// dangling reference) or the title is the id. `code` sets the id (Markdown's backticks).
  public func named(_ id: String, title: String?, code: (String) -> String = { $0 }) -> String {
    guard let title, !title.isEmpty, title != id else { return code(id) }
    return "\(title) (\(code(id)))"
  }

  /// A list of words joined for a sentence.
  public func list(_ words: [String]) -> String { words.joined(separator: ", ") }

  /// Files named in a sentence: the first in path order, then how many more.
  /// `vision/a.md` / `vision/a.md and 2 other files` / `vision/a.md et 2 autres fichiers`.
  public func files(_ paths: some Collection<String>) -> String {
    guard let first = paths.min() else { return "" }
    guard paths.count > 1 else { return first }
    let others = count(paths.count - 1, en: ("other file", "other files"), fr: ("autre fichier", "autres fichiers"))
    return self(en: "\(first) and \(others)", fr: "\(first) et \(others)")
  }

  /// Items joined for a sentence: `a, b and c` / `a, b et c`.
  public func conjunction(_ words: [String]) -> String {
    guard let last = words.last, words.count > 1 else { return words.first ?? "" }
    return words.dropLast().joined(separator: ", ") + self(en: " and ", fr: " et ") + last
  }

  /// Alternatives joined for a sentence: `a, b or c` / `a, b ou c`.
  public func alternatives(_ words: [String]) -> String {
    guard let last = words.last, words.count > 1 else { return words.first ?? "" }
    return words.dropLast().joined(separator: ", ") + self(en: " or ", fr: " ou ") + last
  }

  // MARK: Numbers and dates

  /// U+202F NARROW NO-BREAK SPACE: French thousands separator and space before `%`, `;`, `:`, `!`, `?`.
  public static let narrowSpace = "\u{202F}"

  /// A whole number: `4,200` / `4 200`, its thousands grouped in both languages (a value of
  /// four digits sits beside larger ones in tables and series: grouped alike, they align).
  public func number(_ value: Int) -> String {
    let digits = String(value.magnitude)
    let separator = isFrench ? Self.narrowSpace : ","
    var grouped = digits
    if digits.count > 3 {
      grouped = ""
      for (index, character) in digits.reversed().enumerated() {
        if index > 0 && index % 3 == 0 { grouped = separator + grouped }
        grouped = String(character) + grouped
      }
    }
    return (value < 0 ? "−" : "") + grouped
  }

  /// A number with at most `digits` decimals: `1,234.5` / `1 234,5`. Never traps: a number
  /// too large for an integer, an infinity or NaN is written as Swift writes it.
  public func number(_ value: Double, digits: Int = 1) -> String {
    // Past nine decimals the fraction could leave an integer's range: nobody reads them.
    let digits = min(max(digits, 0), 9)
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    guard rounded.isFinite, abs(rounded) < 1e15 else { return value.plainText() }
    let magnitude = abs(rounded)
    let whole = magnitude.rounded(.down)
    var text = number(Int(whole))
    var fraction = String(Int(((magnitude - whole) * scale).rounded()))
    if fraction != "0" {
      fraction = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
      while fraction.hasSuffix("0") { fraction.removeLast() }
      text += (isFrench ? "," : ".") + fraction
    }
    return (rounded < 0 && text != "0" ? "−" : "") + text
  }

  /// An undefined value inside a sentence, where a table's `—` would run into the dashes and
  /// arrows around it (`Actions — — → 100 %`).
  public var notMeasurable: String { self(en: "not measurable", fr: "non mesurable") }

  /// A number with its unit, kept on one line: `74%`, `1,200 MWh` / `74 %`, `1 200 MWh` (a
  /// no-break space before the unit, a narrow one before `%` in French).
  public func quantity(_ value: Double, _ unit: String, digits: Int = 1) -> String {
    guard !unit.isEmpty else { return number(value, digits: digits) }
    let space = unit == "%" ? (isFrench ? Self.narrowSpace : "") : "\u{A0}"
    return number(value, digits: digits) + space + unit
  }

  /// A ratio as a percentage: `45.6%` / `45,6 %`; an em dash when undefined.
  public func percent(_ ratio: Double?, digits: Int = 0) -> String {
    guard let ratio else { return "—" }
    return number(ratio * 100, digits: digits) + (isFrench ? Self.narrowSpace + "%" : "%")
  }

  /// A date inside a check's sentence: as the ledger writes it in English (`2026-10-01`), written
  /// out in French (`1er octobre 2026`), where `le 2026-10-01` would not read as French.
  public func inSentence(_ date: CalendarDate) -> String { isFrench ? self.date(date) : date.description }

  /// `1 October 2026` / `1er octobre 2026`.
  public func date(_ date: CalendarDate) -> String {
    let day = isFrench && date.day == 1 ? "1er" : String(date.day)
    return "\(day) \(monthName(date.month)) \(date.year)"
  }

  /// `October 2026` / `octobre 2026`: a month on a time axis.
  public func month(_ date: CalendarDate) -> String { "\(monthName(date.month)) \(date.year)" }

  private func monthName(_ month: Int) -> String {
    let months =
      isFrench
      ? [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
      ]
      : [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
      ]
    return months[month - 1]
  }
}

/// French text: its written parts (the literal segments of the string) are set in French
/// typography, its interpolated values are inserted as they are (an id, a title or a line of
/// the ledger is never altered). The typography: « » with a no-break space inside, a narrow
/// no-break space before `;` `:` `!` `?` and `%`, written in the source as ordinary spaces.
public struct French: ExpressibleByStringInterpolation, Sendable {
  public let text: String

  public init(stringLiteral value: String) { text = Self.typeset(value) }

  public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

  public struct Interpolation: StringInterpolationProtocol {
    var text = ""

    public init(literalCapacity: Int, interpolationCount: Int) {
      text.reserveCapacity(literalCapacity + 16 * interpolationCount)
    }

    public mutating func appendLiteral(_ literal: String) { text += French.typeset(literal) }

    public mutating func appendInterpolation(_ value: String) { text += value }

    /// A piece of French already set: a clause chosen apart from the sentence around it.
    public mutating func appendInterpolation(_ value: French) { text += value.text }

    /// Any other value (a commit id, a path), as it describes itself.
    public mutating func appendInterpolation(_ value: some CustomStringConvertible) { text += value.description }

    /// A whole number as French writes it.
    public mutating func appendInterpolation(_ value: Int) { text += Wording(.fr).number(value) }

    /// A line or column number: a rank, which French writes without grouping (`ligne 1234`).
    public mutating func appendInterpolation(line value: Int) { text += String(value) }

    /// `de` before `word`, elided before a vowel or a mute h: `d'un atelier`, `de la vision`.
    public mutating func appendInterpolation(de word: String) { text += French.elide("de", before: word) + word }

  }

  /// `de ` or `d'` (and so for any word ending in `e`), as the next word starts.
  public static func elide(_ word: String, before next: String) -> String {
    let vowels: Set<Character> = ["a", "e", "i", "o", "u", "é", "è", "ê", "à", "â", "î", "ô", "h", "y"]
    let elided = next.first.map { vowels.contains(Character($0.lowercased())) } ?? false
    return elided ? String(word.dropLast()) + "'" : word + " "
  }

  /// The written part of a French text in French typography. One pass over the bytes: every
  /// French message goes through it.
  static func typeset(_ literal: String) -> String {
    let space = UInt8(ascii: " ")
    guard literal.utf8.contains(space) else { return literal }
    let noBreak: [UInt8] = [0xC2, 0xA0]  // U+00A0
    let narrow: [UInt8] = [0xE2, 0x80, 0xAF]  // U+202F
    let bytes = Array(literal.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + 8)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let next = index + 1 < bytes.count ? bytes[index + 1] : 0
      if byte == space,
        [UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "%")]
          .contains(next),
        index + 2 >= bytes.count || bytes[index + 2] == space || bytes[index + 2] == UInt8(ascii: "\n")
      {
        result += narrow
      } else if byte == space, next == 0xC2, index + 2 < bytes.count, bytes[index + 2] == 0xBB {  // " »"
        result += noBreak
      } else if byte == 0xC2, next == 0xAB, index + 2 < bytes.count, bytes[index + 2] == space {  // "« "
        result += [0xC2, 0xAB] + noBreak
        index += 3
        continue
      } else {
        result.append(byte)
      }
      index += 1
    }
    return String(decoding: result, as: UTF8.self)
  }
}

// MARK: The format's values, as words

extension StakeholderGroup {
  /// The group as a sentence names it (plural): `citizens` / `citoyens`.
  public func word(_ say: Wording) -> String {
    switch self {
    case .elected: say(en: "elected officials", fr: "élus")
    case .management: say(en: "management", fr: "direction")
    case .technical: say(en: "technical staff", fr: "services techniques")
    case .operator: say(en: "operators", fr: "exploitants")
    case .citizen: say(en: "citizens", fr: "citoyens")
    case .it: say(en: "IT department", fr: "DSI")
    case .partner: say(en: "partners", fr: "partenaires")
    }
  }

  /// Whether French (and English) treat the group as one body: `la DSI est`, `la direction est`.
  public var isSingular: Bool { self == .management || self == .it }

  /// `of the citizens` / `des citoyens`, `de la DSI`.
  public func ofTheGroup(_ say: Wording) -> String {
    switch self {
    case .management: say(en: "of management", fr: "de la direction")
    case .it: say(en: "of the IT department", fr: "de la DSI")
    default: say(en: "of the \(word(say))", fr: "des \(word(say))")
    }
  }

  /// The group with its article, as the subject of a sentence: `the citizens` / `les citoyens`,
  /// `la DSI`, `la direction`.
  public func withArticle(_ say: Wording) -> String {
    switch self {
    case .management: say(en: "management", fr: "la direction")
    case .it: say(en: "the IT department", fr: "la DSI")
    default: say(en: "the \(word(say))", fr: "les \(word(say))")
    }
  }
}

extension Phase {
  /// `deployed` / `déployé`.
  public func word(_ say: Wording) -> String {
    switch self {
    case .analysis: say(en: "analysis", fr: "analyse")
    case .ideation: say(en: "ideation", fr: "idéation")
    case .prototype: say(en: "prototype", fr: "prototype")
    case .test: say(en: "test", fr: "test")
    case .deployed: say(en: "deployed", fr: "déployé")
    case .scaled: say(en: "scaled", fr: "généralisé")
    case .abandoned: say(en: "abandoned", fr: "abandonné")
    }
  }
}

extension WorkshopPhase {
  /// `prototyping` / `prototypage`.
  public func word(_ say: Wording) -> String {
    switch self {
    case .analysis: say(en: "analysis", fr: "analyse")
    case .ideation: say(en: "ideation", fr: "idéation")
    case .prototyping: say(en: "prototyping", fr: "prototypage")
    }
  }
}

extension Direction {
  /// `increase` / `hausse`.
  public func word(_ say: Wording) -> String {
    switch self {
    case .increase: say(en: "increase", fr: "hausse")
    case .decrease: say(en: "decrease", fr: "baisse")
    }
  }
}

extension MemberCombination {
  /// `sum` / `somme`.
  public func word(_ say: Wording) -> String {
    switch self {
    case .sum: say(en: "sum", fr: "somme")
    case .mean: say(en: "mean", fr: "moyenne")
    }
  }
}

extension Language {
  /// `French` / `français`.
  public func word(_ say: Wording) -> String {
    switch self {
    case .en: say(en: "English", fr: "anglais")
    case .fr: say(en: "French", fr: "français")
    }
  }
}

extension RuleSetting {
  /// `off` / `désactivée` (a rule is feminine in French).
  public func word(_ say: Wording) -> String {
    switch self {
    case .error: say(en: "error", fr: "erreur")
    case .warning: say(en: "warning", fr: "avertissement")
    case .off: say(en: "off", fr: "désactivée")
    }
  }
}

extension IterationStatus {
  /// `closed` / `close` (an iteration is feminine in French).
  public func word(_ say: Wording) -> String {
    switch self {
    case .planned: say(en: "planned", fr: "prévue")
    case .active: say(en: "active", fr: "en cours")
    case .closed: say(en: "closed", fr: "close")
    }
  }
}

extension DecisionStatus {
  /// `superseded` / `remplacée` (a decision is feminine in French).
  public func word(_ say: Wording) -> String {
    switch self {
    case .proposed: say(en: "proposed", fr: "proposée")
    case .accepted: say(en: "accepted", fr: "adoptée")
    case .rejected: say(en: "rejected", fr: "rejetée")
    case .superseded: say(en: "superseded", fr: "remplacée")
    }
  }
}

extension ActionStatus {
  /// `open` / `ouverte` (an action is feminine in French).
  public func word(_ say: Wording) -> String {
    switch self {
    case .open: say(en: "open", fr: "ouverte")
    case .done: say(en: "done", fr: "faite")
    case .dropped: say(en: "dropped", fr: "abandonnée")
    }
  }
}

extension Stance {
  /// What a stakeholder does: `endorses` / `soutient`.
  public func verb(_ say: Wording) -> String {
    switch self {
    case .endorse: say(en: "endorses", fr: "soutient")
    case .reservations: say(en: "has reservations", fr: "émet des réserves")
    case .oppose: say(en: "opposes", fr: "s'oppose")
    }
  }
}

extension ObjectiveStatus {
  /// `retired` / `abandonné`.
  public func word(_ say: Wording) -> String {
    switch self {
    case .active: say(en: "active", fr: "actif")
    case .achieved: say(en: "achieved", fr: "atteint")
    case .retired: say(en: "retired", fr: "abandonné")
    }
  }
}

extension Stance {
  /// The stance as a noun: `reservations` / `réserves`.
  public func word(_ say: Wording) -> String {
    switch self {
    case .endorse: say(en: "endorse", fr: "soutien")
    case .reservations: say(en: "reservations", fr: "réserves")
    case .oppose: say(en: "oppose", fr: "opposition")
    }
  }
}

extension Severity {
  /// `error` / `erreur`.
  public func word(_ say: Wording) -> String {
    switch self {
    case .error: say(en: "error", fr: "erreur")
    case .warning: say(en: "warning", fr: "avertissement")
    }
  }
}

/// A noun of the format as messages use it, with what its articles need: its English article
/// and its French gender. One entry per kind; the forms with articles are derived.
public struct Noun: Sendable {
  let en: String
  let enArticle: String
  let fr: String
  /// Whether the French noun is feminine: `aucune itération`, `créez-en une`.
  public let feminine: Bool

  static func masculine(_ en: String, _ fr: String, an: Bool = false) -> Noun {
    Noun(en: en, enArticle: an ? "an" : "a", fr: fr, feminine: false)
  }

  static func feminine(_ en: String, _ fr: String, an: Bool = false) -> Noun {
    Noun(en: en, enArticle: an ? "an" : "a", fr: fr, feminine: true)
  }

  /// `use case` / `cas d'usage`.
  public func bare(_ say: Wording) -> String { say(en: en, fr: "\(fr)") }

  /// `a use case` / `un cas d'usage`.
  public func indefinite(_ say: Wording) -> String {
    say(en: "\(enArticle) \(en)", fr: "\(feminine ? "une" : "un") \(fr)")
  }

  /// `no use case` / `aucun cas d'usage`, `aucune itération`.
  public func none(_ say: Wording) -> String { say(en: "no \(en)", fr: "\(feminine ? "aucune" : "aucun") \(fr)") }
}

extension EntityKind {
  public var name: Noun {
    switch self {
    case .stakeholder: .feminine("stakeholder", "partie prenante")
    case .objective: .masculine("objective", "objectif", an: true)
    case .usecase: .masculine("use case", "cas d'usage")
    case .workshop: .masculine("workshop", "atelier")
    case .iteration: .feminine("iteration", "itération", an: true)
    case .decision: .feminine("decision", "décision")
    case .axis: .masculine("axis", "axe", an: true)
    case .rolloutStep: .feminine("rollout step", "étape de déploiement")
    case .indicator: .masculine("indicator", "indicateur", an: true)
    }
  }

  /// How messages name this kind of thing, without an article.
  public func noun(_ say: Wording) -> String { name.bare(say) }

  /// With its indefinite article: `a use case` / `un cas d'usage`.
  public func withArticle(_ say: Wording) -> String { name.indefinite(say) }

  /// `no use case` / `aucun cas d'usage`, `aucune itération`.
  public func noneOf(_ say: Wording) -> String { name.none(say) }
}

extension DocumentKind {
  public var name: Noun {
    switch self {
    case .vision: .feminine("vision", "vision")
    case .stakeholder: EntityKind.stakeholder.name
    case .objective: EntityKind.objective.name
    case .usecase: EntityKind.usecase.name
    case .workshop: EntityKind.workshop.name
    case .iteration: EntityKind.iteration.name
    case .decision: EntityKind.decision.name
    case .retro: .feminine("retrospective", "rétrospective")
    }
  }

  /// `use case` / `cas d'usage`.
  public func noun(_ say: Wording) -> String { name.bare(say) }

  /// The command that writes one, as a hint names it in the reader's language: `steer new
  /// usecase` / `steer new cas-d-usage` (both words are what `steer new` accepts).
  public func newCommand(_ say: Wording) -> String {
    "steer new " + (say.isFrench ? Slug.make(noun(say)) : rawValue)
  }

  /// What to do when the ledger has none of this kind and needs one: `create one first: steer
  /// new iteration "…"` / `créez-en une d'abord : steer new iteration "…"`.
  public var createFirst: (en: String, fr: French) {
    (
      en: "create one first: \(newCommand(Wording(.en))) \"…\"",
      fr: "créez-en \(name.feminine ? "une" : "un") d'abord : \(newCommand(Wording(.fr))) \"…\""
    )
  }

  /// A hint that would list this kind's ids, when the ledger has none: `the ledger has no
  /// iteration yet; create one first: steer new iteration "…"` (not a list ending in nothing).
  public var noneYet: (en: String, fr: French) {
    let create = createFirst
    return (
      en: "the ledger has \(name.none(Wording(.en))) yet; \(create.en)",
      fr: "le registre n'a encore \(name.none(Wording(.fr))) ; \(create.fr)"
    )
  }

  /// With its indefinite article: `a use case` / `un cas d'usage`; `the vision` / `la vision`
  /// (a ledger has one).
  public func withArticle(_ say: Wording) -> String {
    self == .vision ? say(en: "the vision", fr: "la vision") : name.indefinite(say)
  }
}
