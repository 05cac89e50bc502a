import Foundation
import SteerChecks
import SteerHistory
import SteerLoading
import SteerMetrics
import SteerModel
import SteerOutput
import SteerSummary

/// `steer summary`.
public struct SummaryRequest: Sendable {
  public var currentDirectory: String?
  public var ledger: String?
  public var revision: String?
  public var format: SummaryFormat
  public var language: Language?
  public var audience: Audience
  public var since: String?
  public var templates: String?
  public var today: CalendarDate

  public init(
    currentDirectory: String? = nil, ledger: String? = nil, revision: String? = nil, format: SummaryFormat = .md,
    language: Language? = nil, audience: Audience = .technical, since: String? = nil, templates: String? = nil,
    today: CalendarDate = .today()
  ) {
    self.currentDirectory = currentDirectory
    self.ledger = ledger
    self.revision = revision
    self.format = format
    self.language = language
    self.audience = audience
    self.since = since
    self.templates = templates
    self.today = today
  }
}

public enum SummaryRunner {
  public static func run(_ request: SummaryRequest) throws -> String {
    try SummaryRenderer.render(try model(request), format: request.format, templates: request.templates)
  }

  /// The summary's model: the ledger, its findings, metrics, history and changes.
  public static func model(_ request: SummaryRequest) throws -> SummaryModel {
    let workspace = try Workspace(
      currentDirectory: request.currentDirectory, ledgerArgument: request.ledger, revision: request.revision)
    let (configuration, configurationFindings, _) = try workspace.configuration(
      knownRules: RuleCatalogue.knownRules, language: request.language)
    let directory = try workspace.ledgerDirectory(argument: request.ledger, configuration: configuration)
    let loaded = try workspace.loadLedger(at: directory, language: configuration.language)
    let diagnostics = Checker(configuration: configuration)
      .check(loaded.ledger, readingFindings: loaded.findings + configurationFindings)
    let metrics = LedgerMetrics(loaded.ledger)
    // Trends need recorded iterations; reading them costs a pass over history, so only the
    // technical summary of a repository with iteration tags pays for it.
    var history: [Snapshot] = []
    if request.audience == .technical, let repository = workspace.repository,
      !(try repository.tags(matching: RetroRecorder.tagPrefix + "*")).isEmpty
    {
      history = try HistoryReader.read(currentDirectory: request.currentDirectory).snapshots
    }
    let since = try request.since.map {
      try LedgerDiff.compute(currentDirectory: request.currentDirectory, from: $0, to: request.revision)
    }
    let input = SummaryInput(
      ledger: loaded.ledger, configuration: configuration, diagnostics: diagnostics, metrics: metrics,
      gates: GateStatus.evaluate(configuration, metrics), history: history, since: since, today: request.today)
    return SummaryModel(input, audience: request.audience, language: configuration.language)
  }
}
