import SteerChecks
import SteerLoading
import SteerModel
import SteerOutput

/// `steer check`: find the workspace, read the configuration and the ledger, run the rules.
public struct CheckRequest: Sendable {
  public var currentDirectory: String?
  public var ledger: String?
  public var revision: String?
  public var strict: Bool

  public init(currentDirectory: String? = nil, ledger: String? = nil, revision: String? = nil, strict: Bool = false) {
    self.currentDirectory = currentDirectory
    self.ledger = ledger
    self.revision = revision
    self.strict = strict
  }
}

public struct CheckResult: Sendable {
  public var report: Report
  public var configuration: Configuration
  public var exitStatus: Int32
}

public enum CheckRunner {
  public static func run(_ request: CheckRequest) throws(SteerError) -> CheckResult {
    let workspace = try Workspace(
      currentDirectory: request.currentDirectory, ledgerArgument: request.ledger, revision: request.revision)
    let (configuration, configurationFindings, configurationBytes) = try workspace.configuration(
      knownRules: RuleCatalogue.knownRules)
    let directory = try workspace.ledgerDirectory(argument: request.ledger, configuration: configuration)
    let loaded = try workspace.loadLedger(at: directory)
    let diagnostics = Checker(configuration: configuration)
      .check(loaded.ledger, readingFindings: loaded.findings + configurationFindings)
    var sources = loaded.sources
    sources[workspace.configurationPath] = configurationBytes
    let report = Report(
      diagnostics: diagnostics, documentPaths: loaded.ledger.documentPaths, sources: sources, strict: request.strict)
    return CheckResult(
      report: report, configuration: configuration,
      exitStatus: CheckOutcome.exitStatus(diagnostics, strict: request.strict))
  }
}
