import SteerChecks
import SteerModel

/// The output formats of `steer check`. Each reporter is a pure function of the report.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, json, sarif, github, gitlab, junit

  public func render(_ report: Report, color: Bool = false) -> String {
    switch self {
    case .text: TextReporter(color: color).render(report)
    case .json: JSONReporter.render(report)
    case .sarif: SARIFReporter.render(report)
    case .github: GitHubReporter.render(report)
    case .gitlab: GitLabReporter.render(report)
    case .junit: JUnitReporter.render(report)
    }
  }

  /// The same bytes as `render`, handed to `sink` a chunk at a time: the JSON formats are
  /// written as they are made, so that a report of hundreds of thousands of findings is never
  /// held whole.
  public func stream(_ report: Report, color: Bool = false, to sink: ([UInt8]) throws -> Void) throws {
    switch self {
    case .sarif: try SARIFReporter.document(report).stream(to: sink)
    case .json: try JSONReporter.document(report).stream(to: sink)
    default: try sink(Array(render(report, color: color).utf8))
    }
  }
}

extension Report {
  /// A finding's message followed by its hint, for the formats that carry one text per finding.
  public func messageWithHint(_ diagnostic: Diagnostic, separator: String = ". ") -> String {
    guard let hint = diagnostic.hint else { return diagnostic.message }
    let say = Wording(language)
    return diagnostic.message + separator + say(en: "Hint: ", fr: "Conseil : ") + hint
  }
}
