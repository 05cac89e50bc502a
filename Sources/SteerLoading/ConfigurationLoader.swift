import SteerModel

/// Reads `.steer.yaml`. Unknown keys, rule ids and metric names are `schema` findings at
/// their position, like in a document.
public enum ConfigurationLoader {
  /// - Parameter knownRules: rule id → whether it is a reading rule (which cannot be re-graded).
  public static func load(_ bytes: [UInt8], path: String, knownRules: [String: Bool]) -> (Configuration, [Finding]) {
    var configuration = Configuration()
    let node: YAMLNode?
    do throws(YAMLReadError) {
      if let bad = bytes.withUnsafeBufferPointer(FrontMatter.firstInvalidUTF8) {
        throw YAMLReadError(message: "the file is not valid UTF-8", location: bad, hint: "save it as UTF-8")
      }
      node = try YAMLReader.read(bytes)
    } catch {
      let finding = Finding(
        rule: ReadingRule.frontMatter.rawValue, file: path, location: error.location, message: error.message,
        hint: error.hint)
      return (configuration, [finding])
    }
    var validator = Validator(file: path, knownRules: knownRules)
    guard let root = node else { return (configuration, []) }
    guard let object = validator.validateObject(root, fields: FieldTables.configuration, noun: "the configuration")
    else { return (configuration, validator.findings) }

    if let ledger = object.fields["ledger"], case .text(let text) = ledger.value {
      let components = text.split(separator: "/")
      if text.hasPrefix("/") || components.contains("..") || components.isEmpty {
        validator.findings.append(
          Finding(
            rule: ReadingRule.schema.rawValue, file: path, location: ledger.location,
            message: "'ledger' is '\(text)', which is not a directory inside the repository",
            hint: "write a path relative to the repository root, such as `vision`"))
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
      if case .number(let minimum) = entry.value.value, let metric = MetricName(rawValue: entry.key.value) {
        configuration.gates[metric] = Located(minimum, at: entry.value.location)
      }
    }
    return (configuration, validator.findings)
  }
}
