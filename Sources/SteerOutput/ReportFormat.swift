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
}
