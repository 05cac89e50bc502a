import SteerGit
import SteerMetrics
import SteerModel

/// Reads `.steer.yaml`. Unknown keys, rule ids and metric names are `schema` findings at
/// their position, like in a document.
public enum ConfigurationLoader {
  /// `.steer.yaml` as every reader takes it — the session, the language server, a federation's
  /// members and the history's snapshots: nil bytes (no file) give the defaults; `language`,
  /// when given, overrides the file's.
  public static func configuration(_ bytes: [UInt8]?, knownRules: [String: Bool], language: Language? = nil)
    -> (Configuration, [Finding])
  {
    var (configuration, findings) =
      bytes.map { load($0, path: Configuration.fileName, knownRules: knownRules, language: language) }
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
  public static func load(_ bytes: [UInt8], path: String, knownRules: [String: Bool], language: Language? = nil)
    -> (Configuration, [Finding])
  {
    let first = loadOnce(bytes, path: path, knownRules: knownRules, say: Wording(language ?? .en))
    let wanted = language ?? first.0.language
    return wanted == (language ?? .en)
      ? first : loadOnce(bytes, path: path, knownRules: knownRules, say: Wording(wanted))
  }

  static func loadOnce(_ bytes: [UInt8], path: String, knownRules: [String: Bool], say: Wording)
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
    for member in object.objects("federation") {
      guard let name = member.word("name"), let repository = member.text("repository") else { continue }
      if configuration.federation.contains(where: { $0.name.value == name.value }) {
        validator.findings.append(
          Finding(
            rule: ReadingRule.schema.rawValue, file: path, location: name.location,
            message: say.federationNameTwice(name.value), hint: say.federationNameTwiceHint()))
        continue
      }
      configuration.federation.append(
        FederationMember(
          name: name, repository: repository, revision: member.text("revision"), ledger: member.text("ledger")))
    }
    return (configuration, validator.findings)
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
