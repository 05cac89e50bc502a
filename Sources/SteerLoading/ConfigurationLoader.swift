import SteerFiles
import SteerGit
import SteerMetrics
import SteerModel

/// Reads `.steer.yaml`. Unknown keys, rule ids and metric names are `schema` findings at
/// their position, like in a document.
public enum ConfigurationLoader {
  /// `.steer.yaml` as every reader takes it — the session, the language server, a federation's
  /// members and the history's snapshots: nil bytes (no file) give the defaults; `language`,
  /// when given, overrides the file's.
  /// - Parameter root: the work tree's root, to tell which members' paths name this repository
  ///   or one another once resolved; without it, paths compare as written.
  public static func configuration(
    _ bytes: [UInt8]?, knownRules: [String: Bool], language: Language? = nil, root: String? = nil
  ) -> (Configuration, [Finding]) {
    var (configuration, findings) =
      bytes.map { load($0, path: Configuration.fileName, knownRules: knownRules, language: language, root: root) }
      ?? (Configuration(), [])
    configuration.language = language ?? configuration.language
    return (configuration, findings)
  }

  /// The bytes of `.steer.yaml` at a commit; nil when it has none.
  public static func bytes(at commit: Commit, in repository: Repository) -> [UInt8]? {
    guard let file = try? commit.file(at: Configuration.fileName) else { return nil }
    return try? repository.blobContents(file.id)
  }

  /// - Parameter knownRules: rule id → whether it is a reading rule (which cannot be re-graded).
  /// Its findings are worded in the language it names (or `language`, which overrides it).
  public static func load(
    _ bytes: [UInt8], path: String, knownRules: [String: Bool], language: Language? = nil, root: String? = nil
  ) -> (Configuration, [Finding]) {
    let first = loadOnce(bytes, path: path, knownRules: knownRules, say: Wording(language ?? .en), workTree: root)
    let wanted = language ?? first.0.language
    return wanted == (language ?? .en)
      ? first : loadOnce(bytes, path: path, knownRules: knownRules, say: Wording(wanted), workTree: root)
  }

  static func loadOnce(_ bytes: [UInt8], path: String, knownRules: [String: Bool], say: Wording, workTree: String?)
    -> (Configuration, [Finding])
  {
    var configuration = Configuration()
    let node: YAMLNode?
    do throws(YAMLReadError) {
      if let bad = bytes.withUnsafeBufferPointer(FrontMatter.firstInvalidUTF8) {
        throw YAMLReadError(problem: .invalidUTF8(line: bad.line, column: bad.column), location: bad)
      }
      node = try YAMLReader.read(bytes)
    } catch {
      let finding = Finding(
        rule: ReadingRule.frontMatter.rawValue, file: path, location: error.location, message: error.message(say),
        hint: error.hint(say))
      return (configuration, [finding])
    }
    var validator = Validator(file: path, knownRules: knownRules, wording: say)
    guard let root = node else { return (configuration, []) }
    guard
      let object = validator.validateObject(root, fields: FieldTables.configuration, noun: say.theConfiguration())
    else { return (configuration, validator.findings) }

    if let ledger = object["ledger"], case .text(let text) = ledger.value {
      let components = text.split(separator: "/")
      if text.hasPrefix("/") || components.contains("..") || components.isEmpty {
        validator.findings.append(
          Finding(
            rule: ReadingRule.schema.rawValue, file: path, location: ledger.location,
            message: say.schemaConfigLedger(text), hint: say.schemaConfigLedgerHint()))
      } else {
        configuration.ledger = components.joined(separator: "/")
      }
    }
    configuration.language = object.choice("language", as: Language.self) ?? .en
    configuration.effortUnit = object.text("effort_unit")
    configuration.requiredEndorsements = object.words("required_endorsements").compactMap {
      StakeholderGroup(rawValue: $0.value)
    }
    for entry in object.entries("rules") {
      if case .word(let word) = entry.value.value, let setting = RuleSetting(rawValue: word) {
        configuration.rules[entry.key.value] = Located(setting, at: entry.value.location)
      }
    }
    for entry in object.entries("gates") {
      guard case .number(let minimum) = entry.value.value, let metric = MetricRegistry.standard[entry.key.value],
        metric.isGateable
      else { continue }
      guard !metric.isRatio || minimum <= 1 else {
        validator.findings.append(
          Finding(
            rule: ReadingRule.schema.rawValue, file: path, location: entry.value.location,
            message: say.gateAboveOne(metric.id, say.number(minimum, digits: 6)), hint: say.gateAboveOneHint()))
        continue
      }
      configuration.gates[metric.id] = Located(minimum, at: entry.value.location)
    }
    if case .object(let publication)? = object["publication"]?.value {
      configuration.publication = Publication(
        publisher: publication.text("publisher"), licence: publication.text("licence") ?? Publication.defaultLicence,
        contact: publication.text("contact"), spatial: publication.text("spatial"), site: publication.text("site"))
    }
    (configuration.federation, validator.findings) = federation(
      object.objects("federation"), path: path, root: workTree, findings: validator.findings, say: say)
    return (configuration, validator.findings)
  }

  /// The members of `federation:`; an entry that repeats a name or a repository, or names this
  /// repository, is a `schema` finding at its name and is left out.
  static func federation(
    _ entries: [ValidatedObject], path: String, root: String?, findings: [Finding], say: Wording
  ) -> ([FederationMember], [Finding]) {
    var (members, findings) = ([FederationMember](), findings)
    var repositories: [String: String] = [:]
    let own = repositoryKey(".", root: root)
    for member in entries {
      guard let name = member.word("name"), let repository = member.text("repository") else { continue }
      let key = repositoryKey(repository, root: root)
      let message: (String, String)? =
        if members.contains(where: { $0.name.value == name.value }) {
          (say.federationNameTwice(name.value), say.federationNameTwiceHint())
        } else if key == own {
          (say.federationOwnRepository(repository), say.federationOwnRepositoryHint())
        } else if let other = repositories[key] {
          (say.federationRepositoryTwice(other, repository), say.federationRepositoryTwiceHint())
        } else { nil }
      if let (message, hint) = message {
        findings.append(
          Finding(rule: ReadingRule.schema.rawValue, file: path, location: name.location, message: message, hint: hint))
        continue
      }
      repositories[key] = name.value
      members.append(
        FederationMember(
          name: name, repository: repository, revision: member.text("revision"), ledger: member.text("ledger"),
          title: member.text("title")))
    }
    return (members, findings)
  }

  /// What tells two members' repositories apart: a URL without its trailing `/` or `.git`, a
  /// path resolved from `root` (links and `..` followed) when it exists, else as written.
  static func repositoryKey(_ repository: String, root: String?) -> String {
    var key = repository
    while key.count > 1, key.hasSuffix("/") { key.removeLast() }
    if FederationMember.isURL(key) { return key.hasSuffix(".git") ? String(key.dropLast(4)) : key }
    let absolute = key.hasPrefix("/") ? key : (root ?? "") + "/" + key
    if root != nil || key.hasPrefix("/"), let resolved = FileSystem.realPath(absolute) {
      return resolved.hasSuffix("/.git") ? String(resolved.dropLast(5)) : resolved
    }
    var components: [Substring] = []
    for component in key.split(separator: "/") where component != "." {
      if component == "..", let last = components.last, last != ".." {
        components.removeLast()
      } else {
        components.append(component)
      }
    }
    return (key.hasPrefix("/") ? "/" : "") + components.joined(separator: "/")
  }
}

extension Wording {
  fileprivate func federationOwnRepository(_ repository: String) -> String {
    self(
      en: "the member's repository '\(repository)' is this region's own: a region does not federate itself",
      fr:
        "le dépôt « \(repository) » du membre est celui de la région elle-même : une région ne se fédère pas elle-même")
  }

  fileprivate func federationOwnRepositoryHint() -> String {
    self(
      en: "name a commune's repository, or remove the entry",
      fr: "indiquez le dépôt d'une commune, ou retirez l'entrée")
  }

  fileprivate func federationRepositoryTwice(_ other: String, _ repository: String) -> String {
    self(
      en: "'\(repository)' is already the repository of the member '\(other)': each member has a repository of its own",
      fr: "« \(repository) » est déjà le dépôt du membre « \(other) » : chaque membre a son propre dépôt")
  }

  fileprivate func federationRepositoryTwiceHint() -> String {
    self(
      en: "remove one of the two entries, or correct its `repository`",
      fr: "retirez l'une des deux entrées, ou corrigez son champ « repository »")
  }
}

extension Wording {
  fileprivate func federationNameTwice(_ name: String) -> String {
    self(
      en: "two members of the federation are named '\(name)'",
      fr: "deux membres de la fédération s'appellent « \(name) »")
  }

  fileprivate func federationNameTwiceHint() -> String {
    self(en: "give each member a name of its own", fr: "donnez à chaque membre un nom qui lui soit propre")
  }
}

extension Wording {
  fileprivate func gateAboveOne(_ metric: String, _ minimum: String) -> String {
    self(
      en: "the gate on '\(metric)' asks for at least \(minimum), but it is a ratio from 0 to 1: it could never be met",
      fr:
        "le seuil de « \(metric) » demande au moins \(minimum), mais c'est un ratio de 0 à 1 : il ne serait jamais tenu"
    )
  }

  fileprivate func gateAboveOneHint() -> String {
    self(
      en: "write a share from 0 to 1, such as 0.9 for 90%", fr: "écrivez une part de 0 à 1, par exemple 0.9 pour 90 %")
  }

  func theConfiguration() -> String {
    self(
      en: "the configuration",
      fr: "la configuration")
  }

  func schemaConfigLedger(_ path: String) -> String {
    self(
      en: "'ledger' is '\(path)', which is not a directory inside the repository",
      fr: "« ledger » vaut « \(path) », qui n'est pas un répertoire du dépôt")
  }

  func schemaConfigLedgerHint() -> String {
    self(
      en: "write a path relative to the repository root, such as `vision`",
      fr: "écrivez un chemin relatif à la racine du dépôt, comme `vision`")
  }
}
