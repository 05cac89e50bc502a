import SteerModel

/// What every report is made from.
public struct Report: Sendable {
  public var diagnostics: [Diagnostic]
  /// How many documents were read.
  public var documentCount: Int
  /// File path → bytes, to quote the offending line.
  public var sources: [String: [UInt8]]

  public init(diagnostics: [Diagnostic], documentCount: Int, sources: [String: [UInt8]] = [:]) {
    self.diagnostics = diagnostics
    self.documentCount = documentCount
    self.sources = sources
  }

  public func count(_ severity: Severity) -> Int { diagnostics.count { $0.severity == severity } }
}

/// The output formats of `steer check`. Each reporter is a pure function of the report.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, json

  public func render(_ report: Report, color: Bool = false) -> String {
    switch self {
    case .text: TextReporter(color: color).render(report)
    case .json: JSONReporter.render(report)
    }
  }
}
