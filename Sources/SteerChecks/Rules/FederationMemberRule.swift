import SteerModel

/// docs/rules.md, `federation-member`: a member of `.steer.yaml`'s `federation` that cannot be
/// read, or whose ledger has reading errors. Reported by the session, which reads the members.
public struct FederationMemberRule: Rule {
  public static let description = RuleDescription(
    id: "federation-member", category: .roadmap, defaultSeverity: .error, scope: .document(),
    summary: Localized(
      en:
        "A member of `federation:` in .steer.yaml cannot be read (repository gone, revision missing, never fetched): an error; or its ledger has files it cannot read: a warning.",
      fr:
        "Un membre de `federation:` dans .steer.yaml ne peut pas être lu (dépôt disparu, révision absente, jamais récupéré) : une erreur ; ou son registre a des fichiers illisibles : un avertissement."
    ),
    rationale: Localized(
      en:
        "The region's figures are the sum of its communes': a commune left out without a word makes them drop for no reason the committee can see. The unreadable member counts nowhere and every command still runs, saying why. Its examples cannot show it: an example is a single ledger, and the rule needs another repository; the test suite shows it with real git repositories.",
      fr:
        "Les chiffres de la région sont la somme de ceux de ses communes : une commune écartée sans un mot les fait baisser sans raison visible du comité. Le membre illisible ne compte nulle part et chaque commande s'exécute quand même, en disant pourquoi. Ses exemples ne peuvent pas le montrer : un exemple est un registre seul, et la règle demande un autre dépôt ; la suite de tests le montre avec de vrais dépôts git."
    ),
    examples: [RuleExample(triggers: false, [:])])

  public func check(_ context: RuleContext) -> [Finding] { [] }

  /// The findings as `.steer.yaml`'s `rules:` re-grades them; as found (an error for an
  /// unreadable member, a warning for reading errors) when it does not name the rule.
  public static func regraded(_ diagnostics: [Diagnostic], by configuration: Configuration) -> [Diagnostic] {
    guard configuration.rules[description.id] != nil else { return diagnostics }
    let severity = Checker(configuration: configuration).severity(of: description.id)
    return severity.map { severity in diagnostics.map { Diagnostic($0.finding, severity: severity) } } ?? []
  }

  /// An error at each member's entry that could not be read, saying why.
  public static func findings(_ unavailable: [(FederationMember, SteerError)], _ say: Wording) -> [Diagnostic] {
    unavailable.map { member, reason in
      let message = say(
        en: "\(reason.message.en); it counts in no figure",
        fr: "\(reason.message.fr) ; il ne compte dans aucun chiffre")
      return diagnostic(member, message, hint: reason.hint.map { $0(say) }, severity: .error)
    }
  }

  /// A warning at each member's entry whose ledger has files it cannot read, naming what its
  /// figures leave out: the files, or only the rows of a measurement series read in part, whose
  /// indicator the region then counts as not measured (the row left out may be the latest).
  /// - Parameter members: each member, its files with reading errors, and of those the series
  ///   read in part with the lines of the rows left out.
  public static func findings(_ members: [(FederationMember, [String], [String: [Int]])], _ say: Wording)
    -> [Diagnostic]
  {
    members.filter { !$0.1.isEmpty }.map { member, files, rows in
      let name = member.name.value
      let leftOut = files.map { file in
        rows[file].map { say.rowsOf(file, $0) } ?? file
      }
      let what = say.conjunction(leftOut)
      var message = say(
        en: "the ledger of federation member '\(name)' has reading errors; its figures leave out \(what)",
        fr:
          "le registre du membre « \(name) » de la fédération comporte des erreurs de lecture ; ses chiffres laissent de côté \(what)"
      )
      if !rows.isEmpty {
        let indicators = say.agreeing(
          with: rows.count, en: ("that series' indicator", "those series' indicators"),
          fr: ("de l'indicateur de cette série", "des indicateurs de ces séries"))
        message += say(
          en: "; the region counts no value of \(indicators)", fr: " ; la région ne compte aucune valeur \(indicators)")
      }
      return diagnostic(
        member, message, hint: say(en: "run `steer check --members`", fr: "lancez `steer check --members`"),
        related: files.map { "\(name):\($0)" }, severity: .warning)
    }
  }

  /// A finding at the member's entry in the configuration.
  private static func diagnostic(
    _ member: FederationMember, _ message: String, hint: String?, related: [String] = [], severity: Severity
  ) -> Diagnostic {
    Diagnostic(
      Finding(
        rule: description.id, file: Configuration.fileName, location: member.name.location, message: message,
        hint: hint, related: related), severity: severity)
  }
}

extension Wording {
  /// `line 3 of vision/measurements/x.csv`, `lines 3 and 5 of …`.
  fileprivate func rowsOf(_ file: String, _ lines: [Int]) -> String {
    let numbers = conjunction(lines.map { number($0) })
    return agreeing(
      with: lines.count, en: ("line \(numbers) of \(file)", "lines \(numbers) of \(file)"),
      fr: ("la ligne \(numbers) de \(file)", "les lignes \(numbers) de \(file)"))
  }
}
