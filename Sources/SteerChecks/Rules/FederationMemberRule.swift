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

  /// A warning at each member's entry whose ledger has files it cannot read, naming them.
  public static func findings(_ members: [(FederationMember, [String])], _ say: Wording) -> [Diagnostic] {
    members.filter { !$0.1.isEmpty }.map { member, files in
      let name = member.name.value
      let count = say.count(files.count, en: ("file", "files"), fr: ("fichier", "fichiers"))
      let unread = say.agreeing(
        with: files.count, en: ("", ""), fr: ("illisible, écarté", "illisibles, écartés"))
      let message = say(
        en: "federation member '\(name)' has \(count) that cannot be read, left out of its figures: \(say.list(files))",
        fr: "le membre « \(name) » de la fédération a \(count) \(unread) de ses chiffres : \(say.list(files))")
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
