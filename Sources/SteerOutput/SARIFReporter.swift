import SteerChecks
import SteerModel

/// `--format sarif`: SARIF 2.1.0 for code scanning. Every rule of the catalogue is described
/// in `tool.driver.rules`; columns count Unicode code points, as everywhere in Steer.
public enum SARIFReporter {
  public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

  public static func render(_ report: Report) -> String {
    document(report).serialized() + "\n"
  }

  /// The report as a SARIF log, its results made one at a time as they are written.
  public static func document(_ report: Report) -> JSONValue {
    let rules = RuleCatalogue.descriptions
    let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
    let fingerprints = report.fingerprints()
    let results = JSONValue.elements(count: report.diagnostics.count) { index -> JSONValue in
      let (diagnostic, fingerprint) = (report.diagnostics[index], fingerprints[index])
      var physical: [(String, JSONValue)] = [
        ("artifactLocation", .object([("uri", .string(uri(diagnostic.file))), ("uriBaseId", .string("%SRCROOT%"))]))
      ]
      if let location = diagnostic.location {
        physical.append(
          (
            "region",
            .object([
              ("startLine", .integer(location.line)), ("startColumn", .integer(location.column)),
              ("endLine", .integer(location.line)),
              ("endColumn", .integer(report.endColumn(of: diagnostic) ?? location.column + 1)),
            ])
          ))
      }
      var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.rule))]
      if let index = ruleIndex[diagnostic.rule] { members.append(("ruleIndex", .integer(index))) }
      let text = report.messageWithHint(diagnostic)
      members += [
        ("level", .string(diagnostic.severity == .error ? "error" : "warning")),
        ("message", .object([("text", .string(text))])),
        ("locations", .array([.object([("physicalLocation", .object(physical))])])),
        ("partialFingerprints", .object([("steerFindingHash/v1", .string(fingerprint))])),
      ]
      return .object(members)
    }
    let say = Wording(report.language)
    let driverRules = rules.map { rule -> JSONValue in
      let (summary, rationale) = (rule.summary(say), rule.rationale(say))
      let help = say(
        en: "\(summary) \(rationale) Run `steer explain \(rule.id)`.",
        fr: "\(summary) \(rationale) Lancez `steer explain \(rule.id)`.")
      return .object([
        ("id", .string(rule.id)),
        ("shortDescription", .object([("text", .string(summary))])),
        ("fullDescription", .object([("text", .string(rationale))])),
        ("help", .object([("text", .string(help))])),
        ("defaultConfiguration", .object([("level", .string(rule.defaultSeverity == .error ? "error" : "warning"))])),
        ("properties", .object([("category", .string(rule.category.rawValue))])),
      ])
    }
    let run = JSONValue.object([
      (
        "tool",
        .object([
          (
            "driver",
            .object([
              ("name", .string("steer")),
              ("semanticVersion", .string(SteerVersion.current)), ("rules", .array(driverRules)),
            ])
          )
        ])
      ),
      (
        "originalUriBaseIds",
        .object([("%SRCROOT%", .object([("description", .object([("text", .string("The repository root"))]))]))])
      ),
      ("columnKind", .string("unicodeCodePoints")),
      ("results", results),
    ])
    return JSONValue.object([("$schema", .string(schema)), ("version", .string("2.1.0")), ("runs", .array([run]))])
  }

  /// A relative URI reference: `/` separators, every byte outside RFC 3986's unreserved set
  /// and `/` percent-encoded (UTF-8).
  static func uri(_ path: String) -> String {
    Escaping.percent(path, encodingNonASCII: true) { Escaping.isUnreserved($0) || $0 == UInt8(ascii: "/") }
  }
}
