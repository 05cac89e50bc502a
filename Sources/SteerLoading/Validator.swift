import SteerModel

/// Checks positioned YAML against a field table. It reports `schema` findings at the exact
/// key or value, records the ids the document declares and references, and keeps every
/// value that is valid so that one bad field never hides the rest of the document.
struct Validator {
  let file: String
  /// Rule ids a configuration may name, and whether each is a reading rule.
  let knownRules: [String: Bool]
  let say: Wording
  var findings: [Finding] = []
  var declarations: [Declaration] = []
  var references: [Reference] = []

  init(file: String, knownRules: [String: Bool] = [:], wording: Wording = Wording()) {
    self.file = file
    self.knownRules = knownRules
    self.say = wording
  }

  /// Validates a whole document's front matter (nil when it was empty).
  mutating func validateDocument(_ node: YAMLNode?, fields: [FieldSpec], noun: @autoclosure () -> String)
    -> ValidatedObject?
  {
    let root = node ?? YAMLNode(.mapping([]), at: .fileStart)
    guard case .mapping = root.content else {
      report(
        say("schema.not_mapping"), at: root.location, hint: say("schema.not_mapping.hint"))
      return nil
    }
    return validateObject(root, fields: fields, noun: noun(), missingAt: .fileStart)
  }

  private mutating func report(_ message: String, at location: SourceLocation, hint: String? = nil) {
    findings.append(
      Finding(rule: ReadingRule.schema.rawValue, file: file, location: location, message: message, hint: hint))
  }

  mutating func validateObject(
    _ node: YAMLNode, fields specs: [FieldSpec], noun: @autoclosure () -> String, missingAt: SourceLocation? = nil
  ) -> ValidatedObject? {
    let say = self.say
    guard case .mapping(let entries) = node.content else {
      report(
        say("schema.entry_not_mapping", noun(), describe(node)), at: node.location,
        hint: say("schema.entry_not_mapping.hint", specs.map(\.name).joined(separator: ", ")))
      return nil
    }
    var object = ValidatedObject(locations: FieldLocations(start: node.location))
    object.values.reserveCapacity(entries.count)
    object.locations.fields.reserveCapacity(entries.count)
    let keys = EarlierKeys(entries)
    for (position, entry) in entries.enumerated() {
      guard let key = uniqueKey(entries, at: position, keys, what: say("noun.field"), in: "") else { continue }
      guard let spec = specs.first(where: { $0.name == key.text }) else {
        report(
          say("schema.unknown_field", key.text, noun()), at: entry.key.location,
          hint: Suggestion.hint(for: key.text, among: specs.map(\.name), noun: say("noun.fields"), wording: say))
        continue
      }
      object.locations.record(spec.name, key: entry.key.location, value: entry.value.location)
      if entry.value.scalar?.isNull == true {
        if spec.isRequired {
          report(say("schema.required_empty", spec.name), at: entry.key.location, hint: example(spec))
        }
        continue
      }
      if let value = validate(entry.value, as: spec.type, field: spec.name) {
        object.set(spec.name, Located(value, at: entry.value.location))
      }
    }
    for spec in specs where spec.isRequired && object.locations.key(spec.name) == nil {
      report(say("schema.required_missing", spec.name, noun()), at: missingAt ?? node.location, hint: example(spec))
    }
    return object
  }

  private mutating func validate(_ node: YAMLNode, as type: FieldType, field: String) -> FieldValue? {
    let say = self.say
    switch type {
    case .list(let element, let minimumCount):
      guard case .sequence(let items) = node.content else {
        report(
          say("schema.wrong_type", field, type.summary(say), describe(node)), at: node.location,
          hint: say("schema.list.hint", field, sampleWord(element)))
        return nil
      }
      if items.count < minimumCount {
        report(
          say(minimumCount == 1 ? "schema.too_short.one" : "schema.too_short", field, minimumCount, items.count),
          at: node.location)
      }
      var values: [Located<FieldValue>] = []
      values.reserveCapacity(items.count)
      for item in items {
        if let value = validate(item, as: element, field: field) { values.append(Located(value, at: item.location)) }
      }
      return .list(values)
    case .map(let keyType, let valueType):
      guard case .mapping(let entries) = node.content else {
        report(say("schema.wrong_type", field, type.summary(say), describe(node)), at: node.location)
        return nil
      }
      let keys = EarlierKeys(entries)
      var values: [MapEntry] = []
      values.reserveCapacity(entries.count)
      for (position, entry) in entries.enumerated() {
        guard
          let keyScalar = uniqueKey(
            entries, at: position, keys, what: say("noun.key"), in: say("schema.in_field", field))
        else { continue }
        guard case .word(let key)? = validate(entry.key, as: keyType, field: field),
          let value = validate(entry.value, as: valueType, field: "\(field).\(keyScalar.text)")
        else { continue }
        values.append(
          MapEntry(key: Located(key, at: entry.key.location), value: Located(value, at: entry.value.location)))
      }
      return .map(values)
    case .object(let specs):
      return validateObject(node, fields: specs, noun: say("schema.entry_of", field)).map(FieldValue.object)
    default:
      guard let scalar = node.scalar else {
        let colonHint = type == .text ? say("schema.quote_colon.hint") : nil
        report(say("schema.wrong_type", field, type.summary(say), describe(node)), at: node.location, hint: colonHint)
        return nil
      }
      return validateScalar(scalar, at: node.location, as: type, field: field)
    }
  }

  /// The key of the entry at `position` if it is a scalar not written earlier in its mapping;
  /// reports it otherwise.
  private mutating func uniqueKey(
    _ entries: [YAMLEntry], at position: Int, _ keys: EarlierKeys, what: @autoclosure () -> String,
    in context: @autoclosure () -> String
  ) -> YAMLScalar? {
    let entry = entries[position]
    guard let key = entry.key.scalar else {
      report(say("schema.key_not_word", what(), context()), at: entry.key.location)
      return nil
    }
    if let first = keys.first(key.text, before: position, in: entries) {
      report(
        say("schema.duplicate_key", what(), key.text, context(), first.line), at: entry.key.location,
        hint: say("schema.duplicate_key.hint"))
      return nil
    }
    return key
  }

  private mutating func validateScalar(
    _ scalar: YAMLScalar, at location: SourceLocation, as type: FieldType, field: String
  ) -> FieldValue? {
    if let tag = scalar.tag, tag != YAMLScalar.stringTag, tag != "!" {
      report(say("schema.tag", tag), at: location, hint: say("schema.tag.hint"))
      return nil
    }
    let text = scalar.text
    // Where the word is one of the field's own allowed words (`rules: {capacity: off}`), it is
    // unambiguous; anywhere else a YAML 1.1 boolean is refused rather than read as `false`.
    let allowedWord: Bool = if case .choice(let allowed) = type { allowed.contains(text) } else { false }
    if scalar.isYAML11Boolean, type.expectsWord, !allowedWord {
      report(
        say("schema.boolean", field, text), at: location, hint: say("schema.boolean.hint", text))
      return nil
    }
    switch type {
    case .text:
      return .text(text)
    case .date:
      if let date = CalendarDate(iso: text) { return .date(date) }
      let looksLikeDate = text.utf8.count == 10 && text.split(separator: "-").count == 3
      report(
        say(looksLikeDate ? "schema.date.unreal" : "schema.date.format", field, text), at: location,
        hint: say("schema.date.hint"))
      return nil
    case .number(let minimum):
      guard let number = Self.decimal(scalar) else {
        report(
          say(scalar.style == .plain ? "schema.number" : "schema.number.quoted", field, text), at: location,
          hint: say(scalar.style == .plain ? "schema.number.hint" : "schema.number.quoted.hint"))
        return nil
      }
      if let minimum, number < minimum {
        report(say("schema.minimum", field, minimum.plainText(), text), at: location)
        return nil
      }
      return .number(number)
    case .integer(let range):
      guard scalar.isResolvable, let integer = Int(text), range.contains(integer) else {
        report(
          say("schema.integer", field, range.lowerBound, range.upperBound, text), at: location)
        return nil
      }
      return .integer(integer)
    case .identifier(let kind), .reference(let kind):
      guard Identifier.isValid(text) else {
        report(
          say("schema.id", text, kind.noun(say), say.of(kind.noun(say))), at: location, hint: say("schema.id.hint"))
        return nil
      }
      if case .identifier = type {
        declarations.append(Declaration(id: text, kind: kind, file: file, location: location))
      } else {
        references.append(Reference(id: text, kind: kind, field: field, file: file, location: location))
      }
      return .word(text)
    case .choice(let allowed):
      guard allowed.contains(text) else {
        report(
          say("schema.choice", field, text, allowed.joined(separator: ", ")), at: location,
          hint: Suggestion.closest(to: text, among: allowed).map { say("hint.did_you_mean", $0) })
        return nil
      }
      return .word(text)
    case .tag:
      guard Tag.isValid(text) else {
        report(
          say("schema.tag_word", text), at: location, hint: say("schema.tag_word.hint", Tag.maximumLength))
        return nil
      }
      return .word(text)
    case .ruleID:
      guard let isReading = knownRules[text] else {
        report(
          say("schema.unknown_rule", text), at: location,
          hint: Suggestion.hint(for: text, among: knownRules.keys.sorted(), noun: say("noun.rules"), wording: say))
        return nil
      }
      if isReading {
        report(say("schema.reading_rule", text), at: location)
        return nil
      }
      return .word(text)
    case .metricName:
      guard MetricName(rawValue: text) != nil else {
        report(
          say("schema.unknown_metric", text), at: location,
          hint: Suggestion.hint(
            for: text, among: MetricName.allCases.map(\.rawValue), noun: say("noun.metrics"), wording: say))
        return nil
      }
      return .word(text)
    case .list, .map, .object:
      report(say("schema.wrong_type", field, type.summary(say), "'\(text)'"), at: location)
      return nil
    }
  }

  /// A plain decimal number (YAML's octal, hexadecimal and `.inf` forms are refused).
  static func decimal(_ scalar: YAMLScalar) -> Double? {
    guard scalar.isResolvable else { return nil }
    var digits = 0
    var sawDot = false
    var sawExponent = false
    var previous: UInt8 = 0
    for (index, byte) in scalar.text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
      case UInt8(ascii: "-"), UInt8(ascii: "+"):
        guard index == 0 || previous == UInt8(ascii: "e") || previous == UInt8(ascii: "E") else { return nil }
      case UInt8(ascii: "."):
        guard !sawDot, !sawExponent else { return nil }
        sawDot = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        guard digits > 0, !sawExponent else { return nil }
        sawExponent = true
      default: return nil
      }
      previous = byte
    }
    guard digits > 0, let value = Double(scalar.text), value.isFinite else { return nil }
    return value
  }

  private func describe(_ node: YAMLNode) -> String {
    switch node.content {
    case .scalar(let scalar): "'\(scalar.text)'"
    case .mapping: say("noun.a_mapping")
    case .sequence: say("noun.a_list")
    }
  }

  private func sampleWord(_ type: FieldType) -> String {
    switch type {
    case .reference(let kind), .identifier(let kind): "\(kind.rawValue)-id"
    case .choice(let words): words.first ?? "…"
    default: "…"
    }
  }

  private func example(_ spec: FieldSpec) -> String {
    switch spec.type {
    case .list, .object, .map: say("schema.add_block.hint", spec.name, spec.type.summary(say))
    default: say("schema.add.hint", spec.name, spec.type.summary(say))
    }
  }
}

extension FieldType {
  /// Types whose value is a word YAML 1.1 could misread as a boolean.
  var expectsWord: Bool {
    switch self {
    case .text, .identifier, .reference, .choice, .tag, .ruleID, .metricName: true
    default: false
    }
  }
}

/// Finds a key written earlier in the same mapping. Most mappings have a few keys, searched
/// in place without allocating; past a dozen (a stakeholder's priorities may name hundreds of
/// objectives) the first position of each key is looked up in a table.
struct EarlierKeys {
  private let firstPositions: [String: Int]?

  init(_ entries: [YAMLEntry]) {
    guard entries.count > 12 else {
      firstPositions = nil
      return
    }
    var table: [String: Int] = [:]
    for (position, entry) in entries.enumerated() {
      if let key = entry.key.scalar?.text, table[key] == nil { table[key] = position }
    }
    firstPositions = table
  }

  /// Where `key` was first written, if that is before `position`.
  func first(_ key: String, before position: Int, in entries: [YAMLEntry]) -> SourceLocation? {
    if let firstPositions {
      guard let first = firstPositions[key], first < position else { return nil }
      return entries[first].key.location
    }
    return entries[..<position].first { $0.key.scalar?.text == key }?.key.location
  }
}
