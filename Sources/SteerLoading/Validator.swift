import SteerMetrics
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
        say.schemaNotMapping(), at: root.location, hint: say.schemaNotMappingHint())
      return nil
    }
    return validateObject(root, fields: fields, noun: noun(), missingAt: .fileStart)
  }

  private mutating func report(_ message: String, at location: SourceLocation, hint: String? = nil, fix: Fix? = nil) {
    findings.append(
      Finding(
        rule: ReadingRule.schema.rawValue, file: file, location: location, message: message, hint: hint, fix: fix))
  }

  /// The replacement a "did you mean" hint names, as a fix.
  private func closest(to word: String, among candidates: [String]) -> Fix? {
    Suggestion.closest(to: word, among: candidates).map { Fix(.replace, $0) }
  }

  mutating func validateObject(
    _ node: YAMLNode, fields specs: [FieldSpec], noun: @autoclosure () -> String, missingAt: SourceLocation? = nil
  ) -> ValidatedObject? {
    let say = self.say
    guard case .mapping(let entries) = node.content else {
      report(
        say.schemaEntryNotMapping(noun(), describe(node)), at: node.location,
        hint: say.schemaEntryNotMappingHint(specs.map(\.name).joined(separator: ", ")))
      return nil
    }
    var object = ValidatedObject(locations: FieldLocations(start: node.location))
    object.values.reserveCapacity(entries.count)
    object.locations.fields.reserveCapacity(entries.count)
    let keys = EarlierKeys(entries)
    for (position, entry) in entries.enumerated() {
      guard let key = uniqueKey(entries, at: position, keys, what: say.nounField(), in: "") else { continue }
      guard let spec = specs.first(where: { $0.name == key.text }) else {
        if let split = DecimalComma(entries, at: position, specs) {
          // `value: 71,5` in a flow mapping: 71, then a field `5`. One finding, at the number.
          object.values.removeAll { $0.name == split.field }
          report(
            say.schemaDecimalCommaSplit(split.field, split.written), at: split.location,
            hint: say.schemaDecimalCommaHint(split.corrected),
            fix: Fix(.replace, split.corrected, span: split.written.unicodeScalars.count))
          continue
        }
        report(
          say.schemaUnknownField(key.text, noun()), at: entry.key.location,
          hint: Suggestion.hint(for: key.text, among: specs.map(\.name), noun: say.nounFields(), wording: say),
          fix: closest(to: key.text, among: specs.map(\.name)))
        continue
      }
      object.locations.record(spec.name, key: entry.key.location, value: entry.value.location)
      if entry.value.scalar?.isNull == true {
        if spec.isRequired {
          report(say.schemaRequiredEmpty(spec.name), at: entry.key.location, hint: example(spec))
        }
        continue
      }
      if let value = validate(entry.value, as: spec.type, field: spec.name) {
        object.set(spec.name, Located(value, at: entry.value.location))
      }
    }
    for spec in specs where spec.isRequired && object.locations.key(spec.name) == nil {
      // A field is added for the editor at the document's level only, where its place is certain.
      report(
        say.schemaRequiredMissing(spec.name, noun()), at: missingAt ?? node.location, hint: example(spec),
        fix: missingAt == nil ? nil : Fix(.addField, spec.name))
    }
    return object
  }

  /// - Parameter inList: `node` is an entry of the list `field`, not its value.
  private mutating func validate(_ node: YAMLNode, as type: FieldType, field: String, inList: Bool = false)
    -> FieldValue?
  {
    let say = self.say
    switch type {
    case .list(let element, let minimumCount):
      guard case .sequence(let items) = node.content else {
        report(
          say.schemaWrongType(field, type.summary(say), describe(node)), at: node.location,
          hint: say.schemaListHint(field, sampleWord(element)))
        return nil
      }
      if items.count < minimumCount {
        report(
          say.schemaTooShort(field, minimumCount, items.count),
          at: node.location)
      }
      var values: [Located<FieldValue>] = []
      values.reserveCapacity(items.count)
      for item in items {
        if let value = validate(item, as: element, field: field, inList: true) {
          values.append(Located(value, at: item.location))
        }
      }
      return .list(values)
    case .map(let keyType, let valueType):
      guard case .mapping(let entries) = node.content else {
        report(say.schemaWrongType(field, type.summary(say), describe(node)), at: node.location)
        return nil
      }
      let keys = EarlierKeys(entries)
      var values: [MapEntry] = []
      values.reserveCapacity(entries.count)
      for (position, entry) in entries.enumerated() {
        guard
          let keyScalar = uniqueKey(
            entries, at: position, keys, what: say.nounKey(), in: say.schemaInField(field))
        else { continue }
        guard case .word(let key)? = validate(entry.key, as: keyType, field: field),
          let value = validate(entry.value, as: valueType, field: "\(field).\(keyScalar.text)")
        else { continue }
        values.append(
          MapEntry(key: Located(key, at: entry.key.location), value: Located(value, at: entry.value.location)))
      }
      return .map(values)
    case .object(let specs):
      return validateObject(node, fields: specs, noun: inList ? say.schemaEntryOf(field) : say.schemaMapping(field))
        .map(FieldValue.object)
    default:
      guard let scalar = node.scalar else {
        let colonHint = type == .text ? say.schemaQuoteColonHint() : nil
        report(say.schemaWrongType(field, type.summary(say), describe(node)), at: node.location, hint: colonHint)
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
      report(say.schemaKeyNotWord(what(), context()), at: entry.key.location)
      return nil
    }
    if let first = keys.first(key.text, before: position, in: entries) {
      report(
        say.schemaDuplicateKey(what(), key.text, context(), first.line), at: entry.key.location,
        hint: say.schemaDuplicateKeyHint())
      return nil
    }
    return key
  }

  private mutating func validateScalar(
    _ scalar: YAMLScalar, at location: SourceLocation, as type: FieldType, field: String
  ) -> FieldValue? {
    if let tag = scalar.tag, tag != YAMLScalar.stringTag, tag != "!" {
      report(say.schemaTag(tag), at: location, hint: say.schemaTagHint())
      return nil
    }
    let text = scalar.text
    if scalar.isYAML11Boolean, type.expectsWord {
      guard allowsBoolean(text, as: type, at: location, field: field) else { return nil }
    }
    switch type {
    case .text:
      return .text(text)
    case .date:
      return validateDate(text, at: location, field: field)
    case .number(let minimum):
      return validateNumber(scalar, minimum: minimum, at: location, field: field)
    case .integer(let range):
      guard scalar.isResolvable, let integer = Int(text), range.contains(integer) else {
        report(
          say.schemaInteger(field, range.lowerBound, range.upperBound, text), at: location)
        return nil
      }
      return .integer(integer)
    case .identifier(let kind), .reference(let kind), .federatedReference(let kind):
      return validateID(text, kind: kind, as: type, at: location, field: field)
    case .referenceAmong(let kinds):
      return validateID(text, kind: kinds[0], as: type, at: location, field: field)
    case .choice(let choices):
      guard choices.words.contains(text) else {
        // A French writer may write what Steer prints: « hausse » for `increase`.
        let match = Suggestion.match(for: text, among: choices.words, frenchLabels: choices.labels.map(\.fr))
        report(
          say.schemaChoice(field, text, choices.words.joined(separator: ", ")), at: location,
          hint: match.map(say.suggestion), fix: match.map { Fix(.replace, $0.word) })
        return nil
      }
      return .word(text)
    case .tag:
      guard Tag.isValid(text) else {
        let lowered = text.lowercased()
        let match = Tag.isValid(lowered) ? Suggestion.Match(word: lowered, reason: .letterCase) : nil
        report(
          say.schemaTagWord(text), at: location,
          hint: match.map(say.suggestion) ?? say.schemaTagWordHint(Tag.maximumLength),
          fix: match.map { Fix(.replace, $0.word) })
        return nil
      }
      return .word(text)
    case .ruleID:
      guard let isReading = knownRules[text] else {
        report(
          say.schemaUnknownRule(text), at: location,
          hint: Suggestion.hint(for: text, among: knownRules.keys.sorted(), noun: say.nounRules(), wording: say),
          fix: closest(to: text, among: knownRules.keys.sorted()))
        return nil
      }
      if isReading {
        report(say.schemaReadingRule(text), at: location)
        return nil
      }
      return .word(text)
    case .metricName:
      let gateable = MetricRegistry.standard.gateable.map(\.id)
      guard gateable.contains(text) else {
        report(
          say.schemaUnknownMetric(text), at: location,
          hint: Suggestion.hint(for: text, among: gateable, noun: say.nounMetrics(), wording: say),
          fix: closest(to: text, among: gateable))
        return nil
      }
      return .word(text)
    case .list, .map, .object:
      report(say.schemaWrongType(field, type.summary(say), say.quoted(text)), at: location)
      return nil
    }
  }

  /// A `YYYY-MM-DD` date; one written day first (`10/02/2026`) is reported with the date to write.
  private mutating func validateDate(_ text: String, at location: SourceLocation, field: String) -> FieldValue? {
    if let date = CalendarDate(iso: text) { return .date(date) }
    if let date = CalendarDate(dayFirst: text) {
      report(
        say.schemaDateFormat(field, text), at: location, hint: say.schemaDateDayFirstHint(date.description),
        fix: Fix(.replace, date.description))
      return nil
    }
    guard CalendarDate.hasISOForm(text) else {
      report(say.schemaDateFormat(field, text), at: location, hint: say.schemaDateHint())
      return nil
    }
    report(say.schemaDateUnreal(field, text), at: location, hint: say.unrealDateHint(text) ?? say.schemaDateHint())
    return nil
  }

  /// An id declared or referenced, recorded as such.
  private mutating func validateID(
    _ text: String, kind: EntityKind, as type: FieldType, at location: SourceLocation, field: String
  ) -> FieldValue? {
    guard Identifier.isValid(text) else {
      let folded = Identifier.folded(text)
      if type.isReference, folded != nil {
        // `it-2026-été`: dangling-reference says it names nothing, and which id it means.
        references.append(reference(text, kind: kind, as: type, at: location, field: field))
        return .word(text)
      }
      let fold = folded.map { Suggestion.Match(word: $0, reason: .accents) }
      report(
        say.schemaId(text, kind), at: location, hint: fold.map(say.suggestion) ?? say.schemaIdHint(),
        fix: fold.map { Fix(.replace, $0.word) })
      return nil
    }
    switch type {
    case .identifier: declarations.append(Declaration(id: text, kind: kind, file: file, location: location))
    case .reference, .referenceAmong:
      references.append(reference(text, kind: kind, as: type, at: location, field: field))
    default: break  // the federating ledger checks it
    }
    return .word(text)
  }

  private func reference(_ id: String, kind: EntityKind, as type: FieldType, at location: SourceLocation, field: String)
    -> Reference
  {
    var otherKinds: [EntityKind] = []
    if case .referenceAmong(let kinds) = type { otherKinds = kinds.filter { $0 != kind } }
    return Reference(id: id, kind: kind, field: field, file: file, location: location, otherKinds: otherKinds)
  }

  /// Whether a YAML 1.1 boolean where a word is expected is allowed; one that is not is reported
  /// rather than read as `false`. Only the field's own allowed words are (`rules: {capacity: off}`).
  private mutating func allowsBoolean(_ text: String, as type: FieldType, at location: SourceLocation, field: String)
    -> Bool
  {
    if case .choice(let choices) = type, choices.words.contains(text) { return true }
    // Quoting helps only where the quoted word would be valid: not for a choice without it.
    var hint = say.schemaBooleanHint(text)
    var fix: Fix? = Fix(.replace, "\"\(text)\"")
    if case .choice(let choices) = type {
      hint = Suggestion.hint(for: text, among: choices.words, noun: say.theValues(), wording: say)
      fix = closest(to: text, among: choices.words)
    }
    report(say.schemaBoolean(field, text), at: location, hint: hint, fix: fix)
    return false
  }

  /// A number within the field's bounds, written as a plain decimal.
  private mutating func validateNumber(
    _ scalar: YAMLScalar, minimum: Double?, at location: SourceLocation, field: String
  )
    -> FieldValue?
  {
    let text = scalar.text
    // Beyond this a sum of efforts or capacities loses its units, or overflows to infinity.
    let limit = FieldType.largestNumber
    let infinite = [".inf", "+.inf", "-.inf", ".nan"].contains(text.lowercased()) && scalar.style == .plain
    if infinite || Self.decimal(scalar).map({ !$0.isFinite || abs($0) > limit }) == true {
      let low = say.number(minimum ?? -limit, digits: 6)
      report(say.schemaNumberRange(field, low, say.number(limit, digits: 0), text), at: location)
      return nil
    }
    guard let number = Self.decimal(scalar) else {
      let message = scalar.style == .plain ? say.schemaNumber(field, text) : say.schemaNumberQuoted(field, text)
      if let corrected = DecimalComma.corrected(text) {
        report(message, at: location, hint: say.schemaDecimalCommaHint(corrected), fix: Fix(.replace, corrected))
        return nil
      }
      report(
        message, at: location, hint: scalar.style == .plain ? say.schemaNumberHint() : say.schemaNumberQuotedHint())
      return nil
    }
    if let minimum, number < minimum {
      report(say.schemaMinimum(field, say.number(minimum, digits: 6), text), at: location)
      return nil
    }
    return .number(number)
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
    guard digits > 0, let value = Double(scalar.text) else { return nil }
    return value
  }

  private func describe(_ node: YAMLNode) -> String {
    switch node.content {
    case .scalar(let scalar): say.quoted(scalar.text)
    case .mapping: say.nounAMapping()
    case .sequence: say.nounAList()
    }
  }

  private func sampleWord(_ type: FieldType) -> String {
    switch type {
    case .reference(let kind), .identifier(let kind): "\(kind.rawValue)-id"
    case .referenceAmong(let kinds): "\(kinds[0].rawValue)-id"
    case .choice(let choices): choices.words.first ?? "…"
    default: "…"
    }
  }

  private func example(_ spec: FieldSpec) -> String {
    switch spec.type {
    case .list, .object, .map: say.schemaAddBlockHint(spec.name, spec.type.summary(say))
    default: say.schemaAddHint(spec.name, spec.type.summary(say))
    }
  }
}

extension FieldType {
  /// Whether the value names an existing thing of this ledger.
  var isReference: Bool {
    switch self {
    case .reference, .referenceAmong: true
    default: false
    }
  }

  /// Types whose value is a word YAML 1.1 could misread as a boolean.
  var expectsWord: Bool {
    switch self {
    case .text, .identifier, .reference, .referenceAmong, .choice, .tag, .ruleID, .metricName: true
    default: false
    }
  }
}

/// A decimal comma, as French writes decimals: `71,5` is no YAML number. In a block it is text;
/// in a flow mapping (`{value: 71,5}`) YAML reads the number 71 and then a field `5`.
struct DecimalComma {
  let field: String
  let written: String
  let corrected: String
  let location: SourceLocation

  /// The split at the entry at `position`, if it is the `5` of a number field's `71,5`: a key
  /// of digits without a value, right after the comma that follows a whole number.
  init?(_ entries: [YAMLEntry], at position: Int, _ specs: [FieldSpec]) {
    guard position > 0, let key = entries[position].key.scalar, key.isResolvable,
      entries[position].value.scalar?.isNull == true, !key.text.isEmpty, key.text.allSatisfy(\.isASCIIDigit)
    else { return nil }
    let previous = entries[position - 1]
    guard let name = previous.key.scalar?.text, case .number? = specs.first(where: { $0.name == name })?.type,
      let whole = previous.value.scalar, whole.isResolvable, Int(whole.text) != nil,
      entries[position].key.location.line == previous.value.location.line,
      entries[position].key.location.column == previous.value.location.column + whole.text.unicodeScalars.count + 1
    else { return nil }
    field = name
    written = whole.text + "," + key.text
    corrected = whole.text + "." + key.text
    location = previous.value.location
  }

  /// `71.5` for `71,5`; nil for anything else.
  static func corrected(_ text: String) -> String? {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2, Int(parts[0]) != nil, !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) else {
      return nil
    }
    return parts[0] + "." + parts[1]
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
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

extension Wording {
  func schemaNotMapping() -> String {
    self(
      en: "the front matter must be a mapping of fields (`name: value` lines)",
      fr: "l'en-tête doit être une table de champs (des lignes `nom: valeur`)")
  }

  func schemaNotMappingHint() -> String {
    self(
      en: "write one field per line, for example `title: …`",
      fr: "écrivez un champ par ligne, par exemple `title: …`")
  }

  func schemaEntryNotMapping(_ noun: String, _ describe: String) -> String {
    self(
      en: "\(noun) must be a mapping of fields, found \(describe)",
      fr: "\(noun) doit être une table de champs, et non \(describe)")
  }

  func schemaEntryNotMappingHint(_ specs: String) -> String {
    self(
      en: "write its fields as `name: value` lines: \(specs)",
      fr: "écrivez ses champs en lignes `nom: valeur` : \(specs)")
  }

  func nounField() -> String {
    self(
      en: "field",
      fr: "champ")
  }

  func schemaUnknownField(_ key: String, _ noun: String) -> String {
    self(
      en: "unknown field '\(key)' in \(noun)",
      fr: "champ inconnu « \(key) » dans \(noun)")
  }

  func nounFields() -> String {
    self(
      en: "fields",
      fr: "champs")
  }

  func schemaRequiredEmpty(_ spec: String) -> String {
    self(
      en: "required field '\(spec)' has no value",
      fr: "le champ obligatoire « \(spec) » n'a pas de valeur")
  }

  func schemaRequiredMissing(_ spec: String, _ noun: String) -> String {
    self(
      en: "required field '\(spec)' is missing in \(noun)",
      fr: "le champ obligatoire « \(spec) » manque dans \(noun)")
  }

  func schemaWrongType(_ field: String, _ type: String, _ describe: String) -> String {
    self(
      en: "'\(field)' must be \(type), found \(describe)",
      fr: "« \(field) » doit être \(type), et non \(describe)")
  }

  func schemaListHint(_ field: String, _ sampleWord: String) -> String {
    self(
      en: "write a list, e.g. `\(field): [\(sampleWord)]`, or one `- ` line per entry",
      fr: "écrivez une liste, par exemple `\(field): [\(sampleWord)]`, ou une ligne `- ` par élément")
  }

  func nounKey() -> String {
    self(
      en: "key",
      fr: "clé")
  }

  func schemaInField(_ field: String) -> String {
    self(
      en: " in '\(field)'",
      fr: " dans « \(field) »")
  }

  func schemaEntryOf(_ field: String) -> String {
    self(
      en: "an entry of '\(field)'",
      fr: "un élément de « \(field) »")
  }

  func schemaMapping(_ field: String) -> String {
    self(
      en: "'\(field)'",
      fr: "« \(field) »")
  }

  func schemaQuoteColonHint() -> String {
    self(
      en: "text that contains ': ' must be quoted: \"…\"",
      fr: "un texte qui contient « : » doit être entre guillemets : \"…\"")
  }

  func schemaKeyNotWord(_ what: String, _ place: String) -> String {
    self(
      en: "a \(what)\(place) must be a plain word",
      fr: "un nom de \(what)\(place) doit être un simple mot")
  }

  func schemaDuplicateKey(_ what: String, _ key: String, _ place: String, _ line: Int) -> String {
    self(
      en: "duplicate \(what) '\(key)'\(place) (first written on line \(line))",
      fr: "\(what) « \(key) » en double\(place) (déjà écrit ligne \(line: line))")
  }

  func schemaDuplicateKeyHint() -> String {
    self(
      en: "keep one of the two",
      fr: "gardez l'un des deux")
  }

  func schemaTag(_ tag: String) -> String {
    self(
      en: "the YAML tag '\(tag)' is not supported",
      fr: "l'étiquette YAML « \(tag) » n'est pas prise en charge")
  }

  func schemaTagHint() -> String {
    self(
      en: "remove the tag",
      fr: "retirez l'étiquette")
  }

  func theValues() -> String { self(en: "allowed values", fr: "valeurs admises") }

  func schemaBoolean(_ field: String, _ value: String) -> String {
    self(
      en: "'\(field)' is '\(value)', which YAML reads as a true/false value, not as text",
      fr: "« \(field) » vaut « \(value) », que YAML lit comme un booléen (vrai/faux) et non comme du texte")
  }

  func schemaBooleanHint(_ value: String) -> String {
    self(
      en: "quote it: \"\(value)\"",
      fr: "mettez-le entre guillemets : `\"\(value)\"`")
  }

  func schemaDateHint() -> String {
    self(
      en: "write the date as YYYY-MM-DD, e.g. 2026-11-21",
      fr: "écrivez la date sous la forme AAAA-MM-JJ, par exemple 2026-11-21")
  }

  func schemaMinimum(_ field: String, _ minimum: String, _ value: String) -> String {
    self(
      en: "'\(field)' must be at least \(minimum), found \(value)",
      fr: "« \(field) » doit valoir au moins \(minimum), et non \(value)")
  }

  func schemaInteger(_ field: String, _ lowerBound: Int, _ upperBound: Int, _ value: String) -> String {
    self(
      en: "'\(field)' must be a whole number from \(lowerBound) to \(upperBound), found '\(value)'",
      fr: "« \(field) » doit être un entier de \(lowerBound) à \(upperBound), et non « \(value) »")
  }

  func schemaId(_ id: String, _ kind: EntityKind) -> String {
    self(
      en: "'\(id)' is not a valid \(kind.noun(self)) id",
      fr: "« \(id) » n'est pas un identifiant \(de: kind.noun(self)) valide")
  }

  func schemaIdHint() -> String {
    self(
      en: "ids use lowercase letters a-z, digits and '-', start with a letter or digit, and have at most 64 characters",
      fr:
        "un identifiant s'écrit en minuscules a-z, chiffres et « - », commence par une lettre ou un chiffre, et compte au plus 64 caractères"
    )
  }

  func schemaChoice(_ field: String, _ value: String, _ allowed: String) -> String {
    self(
      en: "'\(field)' is '\(value)', which is not one of: \(allowed)",
      fr: "« \(field) » vaut « \(value) », qui n'est pas une valeur admise (\(allowed))")
  }

  func schemaTagWord(_ tag: String) -> String {
    self(
      en: "'\(tag)' is not a valid tag",
      fr: "« \(tag) » n'est pas une étiquette valide")
  }

  func schemaTagWordHint(_ maximumLength: Int) -> String {
    self(
      en: "a tag is one short lowercase word (letters, digits and '-', at most \(maximumLength) characters)",
      fr:
        "une étiquette est un mot court en minuscules (lettres, chiffres et « - », au plus \(maximumLength) caractères)"
    )
  }

  func schemaUnknownRule(_ rule: String) -> String {
    self(
      en: "unknown rule '\(rule)'",
      fr: "règle inconnue « \(rule) »")
  }

  func nounRules() -> String {
    self(
      en: "rules",
      fr: "règles")
  }

  func schemaReadingRule(_ rule: String) -> String {
    self(
      en: "the reading rule '\(rule)' cannot be re-graded: it is always an error",
      fr: "la règle de lecture « \(rule) » ne peut pas être reclassée : c'est toujours une erreur")
  }

  func schemaUnknownMetric(_ metric: String) -> String {
    self(
      en: "unknown metric '\(metric)'",
      fr: "indicateur inconnu « \(metric) »")
  }

  func nounMetrics() -> String {
    self(
      en: "metrics a gate can name",
      fr: "indicateurs qu'un seuil peut nommer")
  }

  func nounAMapping() -> String {
    self(
      en: "a mapping",
      fr: "une table")
  }

  func nounAList() -> String {
    self(
      en: "a list",
      fr: "une liste")
  }

  func schemaAddBlockHint(_ spec: String, _ type: String) -> String {
    self(
      en: "add `\(spec):` followed by \(type)",
      fr: "ajoutez `\(spec):` suivi \(de: type)")
  }

  func schemaAddHint(_ spec: String, _ type: String) -> String {
    self(
      en: "add `\(spec): …` with \(type)",
      fr: "ajoutez `\(spec): …` avec \(type)")
  }
}

extension Wording {
  func schemaTooShort(_ field: String, _ minimum: Int, _ found: Int) -> String {
    let entries = count(minimum, en: ("entry", "entries"), fr: ("élément", "éléments"))
    return self(
      en: "'\(field)' needs at least \(entries), found \(found)",
      fr: "« \(field) » demande au moins \(entries), il y en a \(found)")
  }

  func schemaDateUnreal(_ field: String, _ text: String) -> String {
    self(
      en: "'\(field)' is '\(text)', which is not a real calendar date",
      fr: "« \(field) » vaut « \(text) », qui n'est pas une date du calendrier")
  }

  func schemaDateFormat(_ field: String, _ text: String) -> String {
    self(
      en: "'\(field)' is '\(text)', which is not a date in the form YYYY-MM-DD",
      fr: "« \(field) » vaut « \(text) », qui n'est pas une date de la forme AAAA-MM-JJ")
  }

  func schemaNumber(_ field: String, _ text: String) -> String {
    self(en: "'\(field)' must be a number, found '\(text)'", fr: "« \(field) » doit être un nombre, et non « \(text) »")
  }

  func schemaNumberQuoted(_ field: String, _ text: String) -> String {
    self(
      en: "'\(field)' must be a number, found the text \"\(text)\"",
      fr: "« \(field) » doit être un nombre, et non le texte « \(text) »")
  }

  func schemaNumberHint() -> String {
    self(en: "write a decimal number such as 12 or 3.5", fr: "écrivez un nombre décimal, par exemple `12` ou `3.5`")
  }

  func schemaNumberRange(_ field: String, _ low: String, _ high: String, _ text: String) -> String {
    self(
      en: "'\(field)' must be a number from \(low) to \(high), found '\(text)'",
      fr: "« \(field) » doit être un nombre de \(low) à \(high), et non « \(text) »")
  }

  func schemaNumberQuotedHint() -> String { self(en: "remove the quotes", fr: "retirez les guillemets") }

  func schemaDecimalCommaHint(_ corrected: String) -> String {
    self(en: "write \(corrected) (a decimal point)", fr: "écrivez \(corrected) (avec un point décimal)")
  }

  func schemaDecimalCommaSplit(_ field: String, _ written: String) -> String {
    let (whole, decimals) = (written.prefix { $0 != "," }, written.drop { $0 != "," }.dropFirst())
    return self(
      en:
        "'\(field)' is written \(written), and in a {…} mapping a comma separates fields: YAML reads \(whole), then a field '\(decimals)'",
      fr:
        "« \(field) » est écrit \(written), or dans une table {…} la virgule sépare les champs : YAML lit \(String(whole)), puis un champ « \(String(decimals)) »"
    )
  }

  func schemaDateDayFirstHint(_ iso: String) -> String {
    self(
      en: "write the date as YYYY-MM-DD: \(iso)",
      fr: "écrivez la date sous la forme AAAA-MM-JJ : \(iso)")
  }
}
