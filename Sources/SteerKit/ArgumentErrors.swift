import SteerModel

/// swift-argument-parser's error lines in French. The parser writes them in English; each line
/// it can print (1.8.2's `ErrorMessageGenerator` and `MessageInfo`) is matched here, English
/// pattern beside its French. Its usage line stays as it is (`--help`'s text, which stays
/// English), and so does a value it lists; its `Help:` line, an argument's English help, is
/// left out: the line after it names `--help`.
public enum ArgumentErrors {
  public static func french(_ message: String) -> String {
    var lines: [String] = []
    var listing = false
    for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
      // The values the parser lists one per line (`  - vision`) join the line that announces them.
      if listing, line.hasPrefix("  - ") {
        let value = "«\u{A0}\(line.dropFirst(4))\u{A0}»"
        lines[lines.count - 1] += lines[lines.count - 1].hasSuffix("»") ? ", " + value : " " + value
        continue
      }
      listing = line.hasSuffix("Please provide one of the following:")
      if line.hasPrefix("Help:  ") { continue }
      if line.hasPrefix("Error: ") {
        lines.append(French("Erreur : \(sentence(String(line.dropFirst(7))))").text)
      } else {
        lines.append(sentence(String(line)))
      }
    }
    return lines.joined(separator: "\n")
  }

  /// One line, translated when it is one the parser writes; as it is otherwise (a value listed,
  /// the usage).
  static func sentence(_ line: String) -> String {
    if let match = line.wholeMatch(of: #/The value '(.*?)' is invalid(?: for '(.*?)')?(\.?.*)/#) {
      let value = String(match.1)
      let rest = String(match.3)
      let sentence: French =
        match.2.map { "la valeur « \(value) » n'est pas admise pour « \(String($0)) »" }
        ?? "la valeur « \(value) » n'est pas admise"
      return sentence.text + allowed(rest)
    }
    for (pattern, translation) in table() {
      if let match = try? pattern.wholeMatch(in: line) {
        let captures = match.output.dropFirst().map { $0.substring.map(String.init) ?? "" }
        return translation(captures).text
      }
    }
    return line
  }

  /// What follows an invalid value: the values allowed, or the reason.
  private static func allowed(_ rest: String) -> String {
    if rest.isEmpty || rest == "." { return rest }
    if rest == ". Please provide one of the following:" { return French(". Valeurs admises :").text }
    if rest.hasPrefix(". Please provide one of "), rest.hasSuffix(".") {
      let list = rest.dropFirst(". Please provide one of ".count).dropLast()
      return French(". Valeurs admises : \(quotedList(String(list))).").text
    }
    if rest.hasPrefix(": ") { return French(" : \(String(rest.dropFirst(2)))").text }
    return rest
  }

  /// `'a', 'b' or 'c'` (or `'a' and 'b'`, or `'a', 'b'`) as French quotes it: `« a », « b » ou « c »`.
  static func quotedList(_ list: String) -> String {
    var text = list
    for (english, french) in [("' or '", "' ou '"), ("' and '", "' et '")] {
      text = text.replacing(english, with: french)
    }
    var quoted = ""
    var open = true
    for character in text {
      if character == "'" {
        quoted += open ? "«\u{A0}" : "\u{A0}»"
        open.toggle()
      } else {
        quoted.append(character)
      }
    }
    return quoted
  }

  /// Every other line the parser writes, English pattern → French. (Regexes are not Sendable:
  /// the table is made when an argument is wrong, not kept.)
  private static func table() -> [(Regex<AnyRegexOutput>, ([String]) -> French)] {
    [
      (
        regex(#"Unknown option '(.*)'\. Did you mean '(.*)'\?"#),
        { "option inconnue « \($0[0]) » ; vouliez-vous dire « \($0[1]) » ?" }
      ),
      (regex(#"Unknown option '(.*)'"#), { "option inconnue « \($0[0]) »" }),
      (
        regex(#"   or: Missing value for '(.*)' in '(.*)'"#),
        { "   ou : il manque la valeur de « \($0[0]) » dans « \($0[1]) »" }
      ),
      (regex(#"Missing value for '(.*)'"#), { "il manque la valeur de « \($0[0]) »" }),
      (
        regex(#"The option '(.*)' does not take any value, but '(.*)' was specified\."#),
        { "l'option « \($0[0]) » ne prend pas de valeur, et « \($0[1]) » lui a été donné." }
      ),
      (regex(#"Unexpected argument '(.*)'"#), { "argument inattendu « \($0[0]) »" }),
      (
        regex(#"(\d+) unexpected arguments: '(.*)'"#),
        { "\($0[0]) arguments inattendus : \(quotedList("'" + $0[1] + "'"))" }
      ),
      (
        regex(#"Value to be set with (.*) had already been set with (.*)"#),
        { "\(origin($0[0])) donne une valeur déjà donnée par \(origin($0[1]))" }
      ),
      (
        regex(#"No value set for non-argument var (.*)\. Replace with a static variable, or let constant\."#),
        { "erreur interne : aucune valeur pour « \($0[0]) », qui n'est pas un argument." }
      ),
      (regex(#"Missing expected argument '(.*)'"#), { "il manque l'argument « \($0[0]) »" }),
      (regex(#"Missing one of: '(.*)'"#), { "il manque l'un des arguments \(quotedList("'" + $0[0] + "'"))" }),
      (regex(#"Invalid option: (.*)"#), { "option non valide : \($0[0])" }),
      (regex(#"Missing required subcommand\."#), { _ in "il manque la sous-commande." }),
      (
        regex(#"Command '(.*)' is not a parent of the current command\."#),
        { "la commande « \($0[0]) » ne contient pas la commande demandée." }
      ),
      (
        regex(#"Internal error\. Parsing command-line arguments hit unimplemented code path\."#),
        { _ in "erreur interne : la lecture des arguments a atteint un cas non prévu." }
      ),
      (
        regex(#"Internal error\. Invalid state while parsing command-line arguments\."#),
        { _ in "erreur interne : état incohérent pendant la lecture des arguments." }
      ),
      (regex(#"Can't autodetect a supported shell\."#), { _ in "impossible de reconnaître un shell pris en charge." }),
      (
        regex(#"Can't generate completion scripts for '(.*)'\."#),
        { "impossible de produire le script de complétion pour « \($0[0]) »." }
      ),
      (
        regex(#"Please use --generate-completion-script=<shell> with one of:"#),
        { _ in "indiquez --generate-completion-script=<shell> avec l'un de ces shells :" }
      ),
      (regex(#"  See '(.*)' for more information\."#), { "  Voir « \($0[0]) » pour en savoir plus." }),
      (regex(#"Usage: (.*)"#), { "Usage : \($0[0])" }),
    ]
  }

  private static func regex(_ pattern: String) -> Regex<AnyRegexOutput> {
    try! Regex(pattern)  // the patterns above are literals
  }

  /// `flag '-v'`, `flag 'v' in '-vx'`, `position 2`: where a value came from.
  private static func origin(_ english: String) -> String {
    if let match = english.wholeMatch(of: #/flag '(.*)' in '(.*)'/#) {
      return French("l'option « \(String(match.1)) » de « \(String(match.2)) »").text
    }
    if let match = english.wholeMatch(of: #/flag '(.*)'/#) { return French("l'option « \(String(match.1)) »").text }
    if let match = english.wholeMatch(of: #/position (.*)/#) { return French("la position \(String(match.1))").text }
    return english
  }
}

extension Wording {
  /// Why `--trend` takes no value that is not a whole number (often the next option, as in
  /// `--trend --lang en`), with the examples that show what it wants.
  public var trendTakesANumber: String {
    self(
      en: "--trend takes a number of iterations, for example --trend 3 (the latest 3) or --trend 0 (none)",
      fr: "--trend demande un nombre d'itérations, par exemple --trend 3 (les 3 dernières) ou --trend 0 (aucune)")
  }

  /// Why `--timeout` takes no value that is not a whole number.
  public var timeoutTakesANumber: String {
    self(
      en: "--timeout takes a number of seconds, for example --timeout 60",
      fr: "--timeout demande un nombre de secondes, par exemple --timeout 60")
  }
}
