import SteerChecks
import SteerModel

/// `--format gitlab`: a Code Quality report (a JSON array), for a `codequality` artifact.
public enum GitLabReporter {
  public static func render(_ report: Report) -> String {
    let issues = zip(report.diagnostics, report.fingerprints()).map { diagnostic, fingerprint -> JSONValue in
      let description = report.messageWithHint(diagnostic)
      return .object([
        ("description", .string(description)),
        ("check_name", .string(diagnostic.rule)),
        ("fingerprint", .string(fingerprint)),
        ("severity", .string(severity(diagnostic, strict: report.strict))),
        (
          "location",
          .object([
            ("path", .string(diagnostic.file)),
            ("lines", .object([("begin", .integer(diagnostic.location?.line ?? 1))])),
          ])
        ),
      ])
    }
    return JSONValue.array(issues).serialized() + "\n"
  }

  /// Errors block the merge request's quality gate; warnings are worth a look.
  static func severity(_ diagnostic: Diagnostic, strict: Bool) -> String {
    diagnostic.severity == .error ? "critical" : strict ? "major" : "minor"
  }
}
