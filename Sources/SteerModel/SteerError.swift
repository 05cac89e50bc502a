import Foundation

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

  /// What `words` says in each language (a value of the format, as `FormatWord.word` says it).
  public init(_ words: (Wording) -> String) {
    en = words(Wording(.en))
    fr = words(Wording(.fr))
  }

  public func callAsFunction(_ say: Wording) -> String { say.isFrench ? fr : en }
}

extension SteerError {
  /// A file that could not be written or read: the path, and why in plain words (never a
  /// Foundation domain and code).
  public static func file(_ path: String, _ error: any Error, reading: Bool = false) -> SteerError {
    let reason = plainReason(error, reading: reading)
    return reading
      ? SteerError(en: "cannot read \(path): \(reason.en)", fr: "impossible de lire \(path) : \(reason.fr.text)")
      : SteerError(en: "cannot write \(path): \(reason.en)", fr: "impossible d'écrire \(path) : \(reason.fr.text)")
  }

  /// Why a file operation failed, from the POSIX or Foundation error code behind it.
  static func plainReason(_ error: any Error, reading: Bool) -> (en: String, fr: French) {
    let error = error as NSError
    let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
    // The C library's codes (the same on Linux and macOS for these), and Foundation's own.
    let code =
      [error, underlying].compactMap { $0 }.first { $0.domain == NSPOSIXErrorDomain }.map { Int32($0.code) }
      ?? [4: 2, 260: 2, 257: 13, 513: 13, 516: 17, 640: 28, 642: 30][error.code]
    switch code {
    case 2 where reading: return ("the file does not exist", "le fichier n'existe pas")
    case 2: return ("a directory on the way does not exist", "un répertoire du chemin n'existe pas")
    case 13, 1: return ("permission denied", "accès refusé")
    case 17: return ("a file with that name already exists", "un fichier de ce nom existe déjà")
    case 20:
      return ("a part of the path is a file, not a directory", "une partie du chemin est un fichier, pas un répertoire")
    case 21: return ("it is a directory", "c'est un répertoire")
    case 28: return ("the disk is full", "le disque est plein")
    case 30: return ("the file system is read-only", "le système de fichiers est en lecture seule")
    default:
      return (
        "the system refused (code \(code ?? Int32(error.code)))",
        "le système a refusé (code \(code ?? Int32(error.code)))"
      )
    }
  }
}
