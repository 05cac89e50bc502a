/// Why a command could not run at all (exit status 2): no ledger, an unknown revision, a file
/// that already exists… The message says what happened, the hint what to do; both exist in
/// English and French, side by side where the error is thrown, and the command line prints
/// them in the reader's language.
public struct SteerError: Error, CustomStringConvertible, Sendable {
  public var message: Localized
  public var hint: Localized?

  public init(en: String, fr: French, hint: (en: String, fr: French)? = nil) {
    message = Localized(en: en, fr: fr)
    self.hint = hint.map { Localized(en: $0.en, fr: $0.fr) }
  }

  /// The message and its hint, in English (for logs and tests).
  public var description: String { text(Wording()) }

  /// The message and its hint as the command line prints them.
  public func text(_ say: Wording) -> String {
    let label = say(en: "hint:", fr: "conseil :")
    return hint.map { "\(message(say))\n  \(label) \($0(say))" } ?? message(say)
  }
}

/// A sentence in both languages, both built at once: for what is rare (an error) and must be
/// said in a language known only later.
public struct Localized: Hashable, Sendable {
  public let en: String
  public let fr: String

  public init(en: String, fr: French) {
    self.en = en
    self.fr = fr.text
  }

  public func callAsFunction(_ say: Wording) -> String { say.isFrench ? fr : en }
}
