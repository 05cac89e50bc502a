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
  /// How many of the latest iteration snapshots the technical summary's trend shows (0: none).
  public var trend: Int
  public var today: CalendarDate

  public static let defaultTrend = 12

  public init(
    currentDirectory: String? = nil, ledger: String? = nil, revision: String? = nil, format: SummaryFormat = .md,
    language: Language? = nil, audience: Audience = .technical, since: String? = nil, templates: String? = nil,
    trend: Int = Self.defaultTrend, today: CalendarDate = .today()
  ) {
    self.currentDirectory = currentDirectory
    self.ledger = ledger
    self.revision = revision
    self.format = format
    self.language = language
    self.audience = audience
    self.since = since
    self.templates = templates
    self.trend = trend
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
    let index = LedgerIndex(loaded.ledger)
    // The rules and the metrics read the same ledger and index, each on a core.
    let (diagnostics, metrics) = concurrently(
      {
        Checker(configuration: configuration)
          .check(loaded.ledger, index: index, readingFindings: loaded.findings + configurationFindings)
      }, { LedgerMetrics(loaded.ledger, index: index) })
    // Trends need recorded iterations: the latest ones, replayed backwards from the ledger just
    // read, so the cost is what changed since them. Only the technical summary shows them.
    var history: [Snapshot] = []
    if request.audience == .technical, request.trend > 0, let repository = workspace.repository,
      !(try repository.tags(matching: RetroRecorder.tagPrefix + "*")).isEmpty
    {
      history = try HistoryReader.recent(
        request.trend, from: loaded.ledger, at: workspace.commit, currentDirectory: request.currentDirectory)
    }
    let since = try request.since.map {
      try LedgerDiff.compute(currentDirectory: request.currentDirectory, from: $0, to: request.revision)
    }
    let input = SummaryInput(
      ledger: loaded.ledger, configuration: configuration, diagnostics: diagnostics, metrics: metrics,
      gates: GateStatus.evaluate(configuration, metrics), history: history, since: since, today: request.today)
    return SummaryModel(input, audience: request.audience, language: configuration.language, index: index)
  }
}
