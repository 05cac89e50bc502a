import SteerChecks
import SteerMetrics
import SteerModel

/// JSON Schema (draft 2020-12) for the front matter of each kind and for `.steer.yaml`,
/// written from the field tables that validation reads; titles and descriptions in the
/// reader's language (what editors show on hover).
public enum JSONSchemaExport {
  public static let dialect = "https://json-schema.org/draft/2020-12/schema"
  public static let configurationName = "config"

  /// The schemas by name: each kind's raw value, and `config`.
  public static func all(_ say: Wording = Wording()) -> [(name: String, schema: JSONValue)] {
    DocumentKind.allCases.map { ($0.rawValue, schema(for: $0, say)) }
      + [(configurationName, configurationSchema(say))]
  }

  public static func schema(for kind: DocumentKind, _ say: Wording = Wording()) -> JSONValue {
    let place = kind.directory.map { "\($0)/<id>.md" } ?? DocumentKind.visionFileName
    return document(
      title: say(en: "Steer \(kind.noun(say)) (\(place))", fr: "Steer : \(kind.noun(say)) (\(place))"),
      description: kind.summary(say)
        + say(en: " The front matter of the Markdown file.", fr: " L'en-tête du fichier Markdown."),
      fields: kind.fields, say)
  }

  public static func configurationSchema(_ say: Wording = Wording()) -> JSONValue {
    document(
      title: say(
        en: "Steer configuration (\(Configuration.fileName))", fr: "Configuration de Steer (\(Configuration.fileName))"),
      description: say(en: "The configuration at the repository root.", fr: "La configuration, à la racine du dépôt."),
      fields: FieldTables.configuration, say)
  }

  private static func document(title: String, description: String, fields: [FieldSpec], _ say: Wording) -> JSONValue {
    guard case .object(let members) = object(fields, say) else { return .null }
    return .object(
      [("$schema", .string(dialect)), ("title", .string(title)), ("description", .string(description))] + members)
  }

  private static func object(_ fields: [FieldSpec], _ say: Wording) -> JSONValue {
    var members: [(String, JSONValue)] = [("type", .string("object"))]
    members.append(
      (
        "properties",
        .object(
          fields.map { spec in
            var schema = self.schema(for: spec.type, say)
            let summary = spec.summary(say)
            if !summary.isEmpty, case .object(let members) = schema {
              schema = .object([("description", .string(summary))] + members)
            }
            return (spec.name, schema)
          })
      ))
    let required = fields.filter(\.isRequired).map { JSONValue.string($0.name) }
    if !required.isEmpty { members.append(("required", .array(required))) }
    members.append(("additionalProperties", .bool(false)))
    return .object(members)
  }

  static func schema(for type: FieldType, _ say: Wording = Wording()) -> JSONValue {
    switch type {
    case .text:
      return .object([("type", .string("string"))])
    case .date:
      return .object([
        ("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")), ("format", .string("date")),
      ])
    case .number(let minimum):
      let limit = FieldType.largestNumber
      return .object([
        ("type", .string("number")), ("minimum", .number(minimum ?? -limit)), ("maximum", .number(limit)),
      ])
    case .integer(let range):
      return .object([
        ("type", .string("integer")), ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound)),
      ])
    case .identifier, .reference, .referenceAmong, .federatedReference:
      return .object([("type", .string("string")), ("pattern", .string(Identifier.pattern))])
    case .choice(let choices):
      let words = choices.words
      return .object([("enum", .array(words.map(JSONValue.string) + yaml11Booleans(words)))])
    case .tag:
      return .object([("type", .string("string")), ("pattern", .string(Tag.pattern))])
    case .list(let element, let minimum):
      var members: [(String, JSONValue)] = [("type", .string("array")), ("items", schema(for: element, say))]
      if minimum > 0 { members.append(("minItems", .integer(minimum))) }
      return .object(members)
    case .map(let key, let value):
      return .object([
        ("type", .string("object")), ("propertyNames", schema(for: key, say)),
        ("additionalProperties", schema(for: value, say)),
      ])
    case .object(let fields):
      return object(fields, say)
    case .ruleID:
      return .object([("enum", .array(RuleCatalogue.descriptions.filter(\.canBeRegraded).map { .string($0.id) }))])
    case .metricName:
      return .object([("enum", .array(MetricRegistry.standard.gateable.map { .string($0.id) }))])
    }
  }

  /// An allowed word that YAML 1.1 reads as a boolean (`off`) reaches a YAML 1.1 consumer
  /// as `false`: accept that too, as Steer does.
  private static func yaml11Booleans(_ words: [String]) -> [JSONValue] {
    var values: [Bool] = []
    for word in words {
      if ["off", "no", "n", "false"].contains(word.lowercased()) && !values.contains(false) { values.append(false) }
      if ["on", "yes", "y", "true"].contains(word.lowercased()) && !values.contains(true) { values.append(true) }
    }
    return values.map(JSONValue.bool)
  }
}
