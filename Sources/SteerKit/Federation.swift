import SteerChecks
import SteerConcurrency
import SteerGit
import SteerLoading
import SteerModel

/// A member of the federation, read at its revision (ledger-format.md, Federation).
public struct MemberLedger: Sendable {
  public var member: FederationMember
  /// The commit read.
  public var commit: String
  public var configuration: Configuration
  public var configurationFindings: [Finding]
  public var loaded: LoadedLedger
}

extension Session {
  /// The members of `.steer.yaml`'s `federation`, each read from its repository's object
  /// database at its revision, never checked out; over the cores, each with a repository
  /// handle of its own. A member that cannot be read stops the command (exit 2) naming it.
  public func federationMembers() throws(SteerError) -> [MemberLedger] {
    guard !configuration.federation.isEmpty else { return [] }
    guard let root = workspace.root else {
      throw SteerError(
        en: "a federation is read from a work tree: the repository is bare",
        fr: "une fédération se lit depuis une copie de travail : le dépôt est nu")
    }
    let language = language
    let results = configuration.federation.concurrentMap { member in
      Result { () throws(SteerError) in try Self.read(member, root: root, language: language) }
    }
    return try results.map { result throws(SteerError) in try result.get() }
  }

  private static func read(_ member: FederationMember, root: String, language: Language) throws(SteerError)
    -> MemberLedger
  {
    let name = member.name.value
    if member.repository.contains("://") || member.repository.hasPrefix("git@") {
      throw SteerError(
        en:
          "federation member '\(name)': its repository is a URL (\(member.repository)), which Steer does not fetch yet",
        fr:
          "membre « \(name) » de la fédération : son dépôt est une URL (\(member.repository)), que Steer ne récupère pas encore",
        hint: (
          en: "clone it beside this repository and name its path in `repository`",
          fr: "clonez-le à côté de ce dépôt et indiquez son chemin dans `repository`"
        ))
    }
    let path = member.repository.hasPrefix("/") ? member.repository : root + "/" + member.repository
    let repository: Repository
    do {
      repository = try Repository.open(at: path)
    } catch {
      throw SteerError(
        en: "federation member '\(name)': there is no git repository at \(member.repository)",
        fr: "membre « \(name) » de la fédération : il n'y a pas de dépôt git en \(member.repository)",
        hint: (
          en: "check `repository` in \(Configuration.fileName): a path from this repository's root",
          fr: "vérifiez `repository` dans \(Configuration.fileName) : un chemin depuis la racine de ce dépôt"
        ))
    }
    let revision = member.revision ?? "HEAD"
    let commit: Commit
    do {
      commit = try repository.commit(for: revision)
    } catch {
      throw SteerError(
        en: "federation member '\(name)': revision '\(revision)' does not exist in \(member.repository)",
        fr: "membre « \(name) » de la fédération : la révision « \(revision) » n'existe pas dans \(member.repository)",
        hint: (
          en: "name a tag, branch or commit of the member (`git -C \(member.repository) tag`)",
          fr: "indiquez une étiquette, une branche ou un commit du membre (`git -C \(member.repository) tag`)"
        ))
    }
    // The member's own configuration at that revision: its ledger directory, its rules.
    var configuration = Configuration()
    var findings: [Finding] = []
    if let file = try? commit.file(at: Configuration.fileName), let bytes = try? repository.blobContents(file.id) {
      (configuration, findings) = ConfigurationLoader.load(
        bytes, path: Configuration.fileName, knownRules: RuleCatalogue.knownRules, language: language)
    }
    configuration.language = language
    let directory = member.ledger ?? configuration.ledger ?? Configuration.defaultLedger
    guard (try? commit.hasDirectory(at: directory)) == true else {
      throw SteerError(
        en: "federation member '\(name)': there is no ledger directory '\(directory)/' at \(revision)",
        fr:
          "membre « \(name) » de la fédération : il n'y a pas de répertoire de registre « \(directory)/ » à \(revision)",
        hint: (en: "name it with `ledger` in the member's entry", fr: "nommez-le avec `ledger` dans l'entrée du membre")
      )
    }
    let loaded = try Workspace.loadLedger(at: directory, in: commit, language: language)
    return MemberLedger(
      member: member, commit: commit.id.description, configuration: configuration,
      configurationFindings: findings, loaded: loaded)
  }

  /// What the federation adds to `steer check`: each member objective's `contributes_to` that
  /// names no objective here (`dangling-reference`), and with `members` each member's own
  /// findings; every path prefixed by the member's name (`commune-a:vision/objectives/x.md`).
  /// Also the bytes of their files, by the prefixed path, to quote their lines.
  func federationFindings(_ ledger: Ledger, members includeOwn: Bool) throws -> (
    findings: [Diagnostic], sources: [String: [UInt8]]
  ) {
    let members = try federationMembers()
    let say = Wording(language)
    let objectives = Set(ledger.objectives.map(\.id))
    var diagnostics: [Diagnostic] = []
    var sources: [String: [UInt8]] = [:]
    for member in members {
      let name = member.member.name.value
      func prefixed(_ file: String) -> String { "\(name):\(file)" }
      for objective in member.loaded.ledger.objectives {
        for contribution in objective.contributesTo where !objectives.contains(contribution.value) {
          let suggestion = Suggestion.closest(to: contribution.value, among: objectives.sorted())
          diagnostics.append(
            Diagnostic(
              Finding(
                rule: ReadingRule.danglingReference.rawValue, file: prefixed(objective.file),
                location: contribution.location, message: say.danglingContribution(contribution.value),
                hint: suggestion.map { say.didYouMean($0) } ?? say.danglingContributionHint(),
                fix: suggestion.map { Fix(.replace, $0) }), severity: .error))
        }
      }
      if includeOwn {
        let own = Checker(configuration: member.configuration).check(
          member.loaded.ledger, readingFindings: member.loaded.findings + member.configurationFindings)
        diagnostics += own.map { diagnostic in
          var finding = diagnostic.finding
          finding.file = prefixed(finding.file)
          finding.related = finding.related.map(prefixed)
          return Diagnostic(finding, severity: diagnostic.severity)
        }
      }
      for (file, bytes) in member.loaded.sources { sources[prefixed(file)] = bytes }
    }
    return (diagnostics, sources)
  }
}

extension Wording {
  fileprivate func danglingContribution(_ objective: String) -> String {
    self(
      en: "'contributes_to' names '\(objective)', but the federating ledger has no objective with that id",
      fr:
        "le champ « contributes_to » désigne « \(objective) », mais le registre fédérateur n'a aucun objectif de cet identifiant"
    )
  }

  fileprivate func danglingContributionHint() -> String {
    self(
      en: "use the id of one of the federating ledger's objectives",
      fr: "utilisez l'identifiant de l'un des objectifs du registre fédérateur")
  }
}
