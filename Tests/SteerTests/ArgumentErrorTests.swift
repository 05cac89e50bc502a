import Foundation
import SteerKit
import Testing

/// swift-argument-parser's errors in the reader's language.
@Suite struct ArgumentErrorTests {
  /// French typography's spaces as plain spaces, to compare with what is written below.
  private func plain(_ text: String) -> String {
    text.replacing("\u{A0}", with: " ").replacing("\u{202F}", with: " ")
  }

  /// Every error line swift-argument-parser 1.8.2 can print (its `ErrorMessageGenerator` and
  /// `MessageInfo`), as it prints it, and in French.
  @Test(arguments: [
    ("Error: Unknown option '--bogus'", "Erreur : option inconnue « --bogus »"),
    (
      "Error: Unknown option '--strictt'. Did you mean '--strict'?",
      "Erreur : option inconnue « --strictt » ; vouliez-vous dire « --strict » ?"
    ),
    ("   or: Missing value for '-f <format>' in '-fx'", "   ou : il manque la valeur de « -f <format> » dans « -fx »"),
    ("Error: Missing value for '--format <format>'", "Erreur : il manque la valeur de « --format <format> »"),
    (
      "Error: The option '--strict' does not take any value, but 'oui' was specified.",
      "Erreur : l'option « --strict » ne prend pas de valeur, et « oui » lui a été donné."
    ),
    ("Error: Unexpected argument 'b'", "Erreur : argument inattendu « b »"),
    ("Error: 2 unexpected arguments: 'b', 'c'", "Erreur : 2 arguments inattendus : « b », « c »"),
    (
      "Error: Value to be set with flag 'v' in '-vx' had already been set with flag '--verbose'",
      "Erreur : l'option « v » de « -vx » donne une valeur déjà donnée par l'option « --verbose »"
    ),
    (
      "Error: No value set for non-argument var x. Replace with a static variable, or let constant.",
      "Erreur : erreur interne : aucune valeur pour « x », qui n'est pas un argument."
    ),
    ("Error: Missing expected argument '<title>'", "Erreur : il manque l'argument « <title> »"),
    ("Error: Missing one of: '--a', '--b'", "Erreur : il manque l'un des arguments « --a », « --b »"),
    (
      "Error: The value 'committee' is invalid for '--audience <audience>'. Please provide one of 'elected', 'technical' or 'public'.",
      "Erreur : la valeur « committee » n'est pas admise pour « --audience <audience> ». Valeurs admises : « elected », « technical » ou « public »."
    ),
    (
      "Error: The value 'x' is invalid for '<kind>'. Please provide one of the following:",
      "Erreur : la valeur « x » n'est pas admise pour « <kind> ». Valeurs admises :"
    ),
    ("Error: The value 'x' is invalid.", "Erreur : la valeur « x » n'est pas admise."),
    (
      "Error: The value 'x' is invalid for '--n <n>': not a number",
      "Erreur : la valeur « x » n'est pas admise pour « --n <n> » : not a number"
    ),
    ("Error: Invalid option: --=", "Erreur : option non valide : --="),
    ("Error: Missing required subcommand.", "Erreur : il manque la sous-commande."),
    (
      "Error: Command 'steer' is not a parent of the current command.",
      "Erreur : la commande « steer » ne contient pas la commande demandée."
    ),
    (
      "Error: Internal error. Parsing command-line arguments hit unimplemented code path.",
      "Erreur : erreur interne : la lecture des arguments a atteint un cas non prévu."
    ),
    (
      "Error: Internal error. Invalid state while parsing command-line arguments.",
      "Erreur : erreur interne : état incohérent pendant la lecture des arguments."
    ),
    ("Error: Can't autodetect a supported shell.", "Erreur : impossible de reconnaître un shell pris en charge."),
    (
      "Error: Can't generate completion scripts for 'tcsh'.",
      "Erreur : impossible de produire le script de complétion pour « tcsh »."
    ),
    (
      "Please use --generate-completion-script=<shell> with one of:",
      "indiquez --generate-completion-script=<shell> avec l'un de ces shells :"
    ),
    ("  See 'steer check --help' for more information.", "  Voir « steer check --help » pour en savoir plus."),
    ("Usage: steer check [<ledger>]", "Usage : steer check [<ledger>]"),
    ("Help:  --audience <audience>  Who reads it.\nUsage: steer summary", "Usage : steer summary"),
    (
      "Error: The value 'x' is invalid for '<kind>'. Please provide one of the following:\n  - vision\n  - retro",
      "Erreur : la valeur « x » n'est pas admise pour « <kind> ». Valeurs admises : « vision », « retro »"
    ),
  ])
  func everyLineIsFrench(_ english: String, _ french: String) {
    #expect(plain(ArgumentErrors.french(english)) == french)
  }

  /// What the command line prints for a wrong argument, in French: no English prose left.
  @Test(arguments: [
    ["summary", "--audience", "committee"], ["check", "--strictt"], ["check", "--format"], ["check", "--strict=oui"],
    ["check", "a", "b"], ["check", "a", "b", "c"], ["new", "vision"], ["new", "chose", "Titre"], ["federation"],
    ["--generate-completion-script", "tcsh"],
  ])
  func theCommandLineSaysItInFrench(_ arguments: [String]) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let result = try run(steerExecutable, arguments + ["--lang", "fr"], in: directory.path)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("Erreur\u{202F}: "), "\(result.stderr)")
    let words = FrenchThroughoutTests.english(result.stderr)
    #expect(words.isEmpty, "\(words)\n\(result.stderr)")
  }

  /// `--rev` outside git is said in the language of the directory's `.steer.yaml`.
  @Test func aRevisionOutsideGitIsSaidInTheConfigurationsLanguage() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(".steer.yaml", "language: fr\n")
    let result = try run(steerExecutable, ["check", "--rev", "HEAD"], in: directory.path)
    #expect(result.status == 2)
    #expect(result.stderr.contains("--rev demande un dépôt git"), "\(result.stderr)")
  }

  @Test func anInvalidAudienceListsTheAllowedOnes() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let result = try run(steerExecutable, ["summary", "--audience", "committee", "--lang", "fr"], in: directory.path)
    #expect(
      plain(result.stderr).hasPrefix(
        "Erreur : la valeur « committee » n'est pas admise pour « --audience <audience> ». Valeurs admises : « elected », « technical » ou « public ».\n"
      ), "\(result.stderr)")
    // In English, the parser's own words.
    let english = try run(steerExecutable, ["summary", "--audience", "committee"], in: directory.path)
    #expect(english.stderr.hasPrefix("Error: The value 'committee' is invalid for '--audience <audience>'"))
  }
}
