import SteerChecks
import SteerGit
import SteerLoading
import SteerModel
import SteerOutput

/// `steer check`: find the workspace, read the configuration and the ledger, run the rules.
public struct CheckRequest: Sendable {
  public var currentDirectory: String?
  public var ledger: String?
  public var revision: String?
  public var strict: Bool
  /// Only the findings in files changed since this revision, or that involve one.
  public var since: String?
  /// Leave out the findings this baseline file accepts.
  public var baseline: String?
  /// The language of the messages (default: `.steer.yaml`'s `language`).
  public var language: Language?

  public init(
    currentDirectory: String? = nil, ledger: String? = nil, revision: String? = nil, strict: Bool = false,
    since: String? = nil, baseline: String? = nil, language: Language? = nil
  ) {
    self.language = language
    self.currentDirectory = currentDirectory
    self.ledger = ledger
    self.revision = revision
    self.strict = strict
    self.since = since
    self.baseline = baseline
  }
}

public struct CheckResult: Sendable {
  public var report: Report
  public var configuration: Configuration
  public var exitStatus: Int32
}

public enum CheckRunner {
  public static func run(_ request: CheckRequest) throws -> CheckResult {
    let workspace = try Workspace(
      currentDirectory: request.currentDirectory, ledgerArgument: request.ledger, revision: request.revision)
    let (configuration, configurationFindings, configurationBytes) = try workspace.configuration(
      knownRules: RuleCatalogue.knownRules, language: request.language)
    let directory = try workspace.ledgerDirectory(argument: request.ledger, configuration: configuration)
    // With --since, the files unchanged are taken from the document cache (which `--since`
    // writes, and every later reading of the ledger uses): the cost is what changed.
    var (loaded, changed): (LoadedLedger, Set<String>?)
    if let since = request.since {
      (loaded, changed) = try workspace.loadLedger(
        at: directory, language: configuration.language, changedSince: try baseCommit(since, in: workspace))
    } else {
      (loaded, changed) = (try workspace.loadLedger(at: directory, language: configuration.language), nil)
    }
    let diagnostics = Checker(configuration: configuration)
      .check(loaded.ledger, readingFindings: loaded.findings + configurationFindings, scope: changed)
    // The lines quoted stand in documents that the document cache spared reading.
    let unread = Set(diagnostics.lazy.map(\.file).filter { loaded.sources[$0] == nil })
      .filter(loaded.ledger.documentPaths.sortedContains)
    loaded.sources.merge(workspace.contents(of: Array(unread))) { read, _ in read }
    // In place: a copy of every file's text would cost as much as a rule.
    loaded.sources[workspace.configurationPath] = configurationBytes
    var report = Report(
      diagnostics: diagnostics, documentPaths: loaded.ledger.documentPaths, sources: loaded.sources,
      strict: request.strict,
      language: configuration.language)
    discard(loaded)
    if let baseline = request.baseline {
      report = try Baseline.read(baseline).filter(report)
    }
    return CheckResult(
      report: report, configuration: configuration,
      exitStatus: CheckOutcome.exitStatus(report.diagnostics, strict: request.strict))
  }

  /// The commit `--since` names.
  static func baseCommit(_ since: String, in workspace: Workspace) throws(SteerError) -> Commit {
    guard let repository = workspace.repository else {
      throw SteerError("--since needs a git repository", hint: "run the command inside the repository")
    }
    do {
      return try repository.commit(for: since)
    } catch {
      if repository.isShallow {
        throw SteerError(
          "revision '\(since)' is not in this shallow clone, so the change cannot be computed",
          hint: "fetch the history: with actions/checkout, set `fetch-depth: 0`; elsewhere run `git fetch --unshallow`")
      }
      throw SteerError("revision '\(since)' does not exist: \(error.message)", hint: "name a branch, a tag or a commit")
    }
  }
}
