import SteerModel

/// Checks positioned YAML against a field table. It reports `schema` findings at the exact
/// key or value, records the ids the document declares and references, and keeps every
/// value that is valid so that one bad field never hides the rest of the document.
struct Validator {
  let file: String
  /// Rule ids a configuration may name, and whether each is a reading rule.
  let knownRules: [String: Bool]
  var findings: [Finding] = []
  var declarations: [Declaration] = []
  var references: [Reference] = []

  init(file: String, knownRules: [String: Bool] = [:]) {
    self.file = file
    self.knownRules = knownRules
  }

  /// Validates a whole document's front matter (nil when it was empty).
  mutating func validateDocument(_ node: YAMLNode?, fields: [FieldSpec], noun: String) -> ValidatedObject? {
    let root = node ?? YAMLNode(.mapping([]), at: .fileStart)
    guard case .mapping = root.content else {
      report(
        "the front matter must be a mapping of fields (`name: value` lines)", at: root.location,
        hint: "write one field per line, for example `title: …`")
      return nil
    }
    return validateObject(root, fields: fields, noun: noun, missingAt: .fileStart)
  }

  private mutating func report(_ message: String, at location: SourceLocation, hint: String? = nil) {
    findings.append(
      Finding(rule: ReadingRule.schema.rawValue, file: file, location: location, message: message, hint: hint))
  }

  mutating func validateObject(
    _ node: YAMLNode, fields specs: [FieldSpec], noun: String, missingAt: SourceLocation? = nil
  ) -> ValidatedObject? {
    guard case .mapping(let entries) = node.content else {
      report(
        "\(noun) must be a mapping of fields, found \(describe(node))", at: node.location,
        hint: "write its fields as `name: value` lines: \(specs.map(\.name).joined(separator: ", "))")
      return nil
    }
    var object = ValidatedObject(locations: FieldLocations(start: node.location))
    var seen: [String: SourceLocation] = [:]
    for entry in entries {
      guard let key = uniqueKey(entry, seen: &seen, what: "field", in: "") else { continue }
      guard let spec = specs.first(where: { $0.name == key.text }) else {
        report(
          "unknown field '\(key.text)' in \(noun)", at: entry.key.location,
          hint: Suggestion.hint(for: key.text, among: specs.map(\.name), noun: "fields"))
        continue
      }
      object.locations.keys[spec.name] = entry.key.location
      object.locations.values[spec.name] = entry.value.location
      if entry.value.scalar?.isNull == true {
        if spec.isRequired {
          report("required field '\(spec.name)' has no value", at: entry.key.location, hint: example(spec))
        }
        continue
      }
      if let value = validate(entry.value, as: spec.type, field: spec.name) {
        object.fields[spec.name] = Located(value, at: entry.value.location)
      }
    }
    for spec in specs where spec.isRequired && seen[spec.name] == nil {
      report("required field '\(spec.name)' is missing in \(noun)", at: missingAt ?? node.location, hint: example(spec))
    }
    return object
  }

  private mutating func validate(_ node: YAMLNode, as type: FieldType, field: String) -> FieldValue? {
    switch type {
    case .list(let element, let minimumCount):
      guard case .sequence(let items) = node.content else {
        report(
          "'\(field)' must be \(type.summary), found \(describe(node))", at: node.location,
          hint: "write a list, e.g. `\(field): [\(sampleWord(element))]`, or one `- ` line per entry")
        return nil
      }
      if items.count < minimumCount {
        report(
          "'\(field)' needs at least \(minimumCount) \(minimumCount == 1 ? "entry" : "entries"), found \(items.count)",
          at: node.location)
      }
      let values = items.compactMap { item in
        validate(item, as: element, field: field).map { Located($0, at: item.location) }
      }
      return .list(values)
    case .map(let keyType, let valueType):
      guard case .mapping(let entries) = node.content else {
        report("'\(field)' must be \(type.summary), found \(describe(node))", at: node.location)
        return nil
      }
      var seen: [String: SourceLocation] = [:]
      var values: [MapEntry] = []
      for entry in entries {
        guard let keyScalar = uniqueKey(entry, seen: &seen, what: "key", in: " in '\(field)'") else { continue }
        guard case .word(let key)? = validate(entry.key, as: keyType, field: field),
          let value = validate(entry.value, as: valueType, field: "\(field).\(keyScalar.text)")
        else { continue }
        values.append(
          MapEntry(key: Located(key, at: entry.key.location), value: Located(value, at: entry.value.location)))
      }
      return .map(values)
    case .object(let specs):
      return validateObject(node, fields: specs, noun: "an entry of '\(field)'").map(FieldValue.object)
    default:
      guard let scalar = node.scalar else {
        let colonHint = type == .text ? "text that contains ': ' must be quoted: \"…\"" : nil
        report("'\(field)' must be \(type.summary), found \(describe(node))", at: node.location, hint: colonHint)
        return nil
      }
      return validateScalar(scalar, at: node.location, as: type, field: field)
    }
  }

  /// The entry's key if it is a scalar written once in its mapping; reports it otherwise.
  private mutating func uniqueKey(
    _ entry: YAMLEntry, seen: inout [String: SourceLocation], what: String, in context: String
  ) -> YAMLScalar? {
    guard let key = entry.key.scalar else {
      report("a \(what)\(context) must be a plain word", at: entry.key.location)
      return nil
    }
    if let first = seen[key.text] {
      report(
        "duplicate \(what) '\(key.text)'\(context) (first written on line \(first.line))", at: entry.key.location,
        hint: "keep one of the two")
      return nil
    }
    seen[key.text] = entry.key.location
    return key
  }

  private mutating func validateScalar(
    _ scalar: YAMLScalar, at location: SourceLocation, as type: FieldType, field: String
  ) -> FieldValue? {
    if let tag = scalar.tag, tag != YAMLScalar.stringTag, tag != "!" {
      report("the YAML tag '\(tag)' is not supported", at: location, hint: "remove the tag")
      return nil
    }
    let text = scalar.text
    // Where the word is one of the field's own allowed words (`rules: {capacity: off}`), it is
    // unambiguous; anywhere else a YAML 1.1 boolean is refused rather than read as `false`.
    let allowedWord: Bool = if case .choice(let allowed) = type { allowed.contains(text) } else { false }
    if scalar.isYAML11Boolean, type.expectsWord, !allowedWord {
      report(
        "'\(field)' is '\(text)', which YAML reads as a true/false value, not as text", at: location,
        hint: "quote it: \"\(text)\"")
      return nil
    }
    switch type {
    case .text:
      return .text(text)
    case .date:
      if let date = CalendarDate(iso: text) { return .date(date) }
      let looksLikeDate = text.utf8.count == 10 && text.split(separator: "-").count == 3
      report(
        looksLikeDate
          ? "'\(field)' is '\(text)', which is not a real calendar date"
          : "'\(field)' is '\(text)', which is not a date in the form YYYY-MM-DD",
        at: location, hint: "write the date as YYYY-MM-DD, e.g. 2026-11-21")
      return nil
    case .number(let minimum):
      guard let number = Self.decimal(scalar) else {
        report(
          "'\(field)' must be a number, found \(scalar.style == .plain ? "'\(text)'" : "the text \"\(text)\"")",
          at: location, hint: scalar.style == .plain ? "write a decimal number such as 12 or 3.5" : "remove the quotes")
        return nil
      }
      if let minimum, number < minimum {
        report("'\(field)' must be at least \(Self.format(minimum)), found \(text)", at: location)
        return nil
      }
      return .number(number)
    case .integer(let range):
      guard scalar.isResolvable, let integer = Int(text), range.contains(integer) else {
        report(
          "'\(field)' must be a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text)'",
          at: location)
        return nil
      }
      return .integer(integer)
    case .identifier(let kind), .reference(let kind):
      guard Identifier.isValid(text) else {
        report(
          "'\(text)' is not a valid \(kind.noun) id", at: location,
          hint:
            "ids use lowercase letters a-z, digits and '-', start with a letter or digit, and have at most 64 characters"
        )
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
          "'\(field)' is '\(text)', which is not one of: \(allowed.joined(separator: ", "))", at: location,
          hint: Suggestion.closest(to: text, among: allowed).map { "did you mean '\($0)'?" })
        return nil
      }
      return .word(text)
    case .tag:
      guard Tag.isValid(text) else {
        report(
          "'\(text)' is not a valid tag", at: location,
          hint: "a tag is one short lowercase word (letters, digits and '-', at most \(Tag.maximumLength) characters)")
        return nil
      }
      return .word(text)
    case .ruleID:
      guard let isReading = knownRules[text] else {
        report(
          "unknown rule '\(text)'", at: location,
          hint: Suggestion.hint(for: text, among: knownRules.keys.sorted(), noun: "rules"))
        return nil
      }
      if isReading {
        report("the reading rule '\(text)' cannot be re-graded: it is always an error", at: location)
        return nil
      }
      return .word(text)
    case .metricName:
      guard MetricName(rawValue: text) != nil else {
        report(
          "unknown metric '\(text)'", at: location,
          hint: Suggestion.hint(for: text, among: MetricName.allCases.map(\.rawValue), noun: "metrics a gate can name"))
        return nil
      }
      return .word(text)
    case .list, .map, .object:
      report("'\(field)' must be \(type.summary), found '\(text)'", at: location)
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

  static func format(_ number: Double) -> String {
    number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
  }

  private func describe(_ node: YAMLNode) -> String {
    switch node.content {
    case .scalar(let scalar): "'\(scalar.text)'"
    case .mapping: "a mapping"
    case .sequence: "a list"
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
    case .list, .object, .map: "add `\(spec.name):` followed by \(spec.type.summary)"
    default: "add `\(spec.name): …` with \(spec.type.summary)"
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
