import ArgumentParser
import SteerKit
import SteerModel

extension Language: ExpressibleByArgument {}

/// `--lang`, which every command takes.
struct LanguageOption: ParsableArguments {
  @Option(help: "The language of what is printed: fr or en (default: .steer.yaml's `language`, else en).")
  var lang: Language?

  var options: SessionOptions { SessionOptions(language: lang) }
}

/// The ledger a reading command reads: a positional LEDGER, `--rev` and `--lang`.
struct LedgerSelection: ParsableArguments {
  @Argument(help: "The ledger directory (default: .steer.yaml's `ledger`, else vision/).")
  var ledger: String?

  @Option(help: "Read the ledger as it stood at this revision (a branch, tag or commit), without a checkout.")
  var rev: String?

  @OptionGroup var languageOption: LanguageOption

  var options: SessionOptions { SessionOptions(ledger: ledger, revision: rev, language: languageOption.lang) }
}

/// The ledger of a command whose positional arguments say something else: `--ledger` and `--lang`.
struct LedgerOption: ParsableArguments {
  @Option(help: "The ledger directory (default: .steer.yaml's `ledger`, else vision/).")
  var ledger: String?

  @OptionGroup var languageOption: LanguageOption

  var options: SessionOptions { SessionOptions(ledger: ledger, language: languageOption.lang) }
}

/// Why a numeric option's value is refused, in the reader's language: the parser prints it
/// after `The value '…' is invalid for '…'`.
struct NumberRefused: Error, CustomStringConvertible {
  let description: String
}

extension Int {
  /// The `transform` of a whole-number option parsed `.unconditional` (so that `-1` is its
  /// value, refused by the command in its own words): any other text is refused with `why`,
  /// in the language of argument errors — the value is often the next option (`--trend --lang en`).
  static func refusing(_ why: @escaping @Sendable (Wording) -> String) -> @Sendable (String) throws -> Int {
    { text in
      guard let value = Int(text) else { throw NumberRefused(description: why(Wording(Steer.argumentLanguage()))) }
      return value
    }
  }
}
