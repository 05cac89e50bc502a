import SteerChecks
import SteerGit
import SteerHistory
import SteerLoading
import SteerMetrics
import SteerModel
import SteerOutput
import SteerWriting

extension Session {
  /// `steer history`: the metrics at each iteration tag of the ledger's history (up to the
  /// revision, when the session reads one).
  public func history() throws -> HistoryReport {
    let repository = try committedRepository(for: "steer history")
    return try HistoryReader.read(
      repository: repository, directory: ledgerDirectory, head: workspace.commit,
      federation: federationHistory(in: repository))
  }

  /// `steer lessons`: the lessons recorded in git history, newest first.
  public func lessons(since: String? = nil, tag: String? = nil) throws -> [RecordedLessons] {
    try LessonsReader.read(
      repository: committedRepository(for: "steer lessons"), directory: ledgerDirectory, head: workspace.commit,
      since: since.map { revision throws(SteerError) in try commit(named: revision, for: "--since") }, tag: tag)
  }

  /// The repository for a command that only reads its history, or why there is none to read.
  func committedRepository(for purpose: String) throws(SteerError) -> Repository {
    let repository = try repository(for: purpose)
    guard workspace.commit == nil, repository.isHeadUnborn else { return repository }
    throw SteerError(
      en: "\(purpose) reads the git history, and the repository has no commits yet",
      fr: "\(purpose) lit l'historique git, et le dépôt n'a encore aucun commit",
      hint: (en: "commit the ledger first", fr: "commitez d'abord le registre"))
  }

  /// `steer diff FROM [TO]`: what changed in the ledger between two revisions (TO: the work
  /// tree), each side read with its own configuration (a region's members as each side pins them).
  /// `namedBy`: how the user gave each revision (`steer diff`'s arguments, or `--since` and `--rev`).
  public func diff(
    from: String, to: String?, namedBy sources: (from: RevisionSource, to: RevisionSource) = (.argument, .argument)
  ) throws -> LedgerDiff {
    _ = try repository(for: "steer diff")
    func side(_ revision: String?, _ source: RevisionSource) throws
      -> (ledger: Ledger, report: Report, federation: FederationReading)
    {
      var options = self.options
      (options.revision, options.revisionSource, options.language) = (revision, source, language)
      return try Session(options).checked()
    }
    let before = try side(from, sources.from)
    let after = try side(to, sources.to)
    return LedgerDiff(
      from: before.ledger, before.report, to: after.ledger, after.report, labels: (from, to),
      members: (before.federation.pins, after.federation.pins))
  }

  /// `steer retro record`: one commit with the retrospective, and the iteration's tag.
  public func recordRetro(_ request: RecordRequest) throws -> RecordResult {
    guard let repository = workspace.repository, let root = workspace.root, workspace.commit == nil else {
      throw SteerError(
        en: "recording a retrospective needs a git repository with a work tree",
        fr: "consigner une rétrospective demande un dépôt git avec une copie de travail",
        hint: (
          en: "run it inside the clone that holds the ledger",
          fr: "lancez la commande dans le clone qui contient le registre"
        ))
    }
    return try RetroRecorder.record(
      request, repository: repository, root: root, directory: ledgerDirectory, configuration: configuration)
  }
}

/// The formats of `steer lessons`.
public enum LessonsFormat: String, CaseIterable, Sendable { case text, json }

/// The formats of `steer history`.
public enum HistoryFormat: String, CaseIterable, Sendable { case text, json, csv }

/// The formats of `steer diff`.
public enum DiffFormat: String, CaseIterable, Sendable { case text, md, json }

extension Session {
  /// `steer lessons` as the command line runs it.
  public func lessonsOutcome(since: String? = nil, tag: String? = nil, format: LessonsFormat) throws
    -> CommandOutcome
  {
    let entries = try lessons(since: since, tag: tag)
    var outcome = CommandOutcome(language: language)
    switch format {
    case .text: outcome.write(HistoryRendering.lessonsText(entries, tag: tag, Wording(language)))
    case .json: outcome.write(HistoryRendering.lessonsJSON(entries))
    }
    return outcome
  }

  /// `steer history` as the command line runs it.
  public func historyOutcome(format: HistoryFormat) throws -> CommandOutcome {
    let report = try history()
    var outcome = CommandOutcome(language: language)
    switch format {
    case .text: outcome.write(HistoryRendering.historyText(report, Wording(language)))
    case .json: outcome.write(HistoryRendering.historyJSON(report, Wording(language)))
    case .csv: outcome.write(HistoryRendering.historyCSV(report))
    }
    return outcome
  }

  /// `steer diff` as the command line runs it.
  public func diffOutcome(from: String, to: String?, format: DiffFormat) throws -> CommandOutcome {
    let diff = try diff(from: from, to: to)
    var outcome = CommandOutcome(language: language)
    switch format {
    case .text, .md: outcome.write(HistoryRendering.diffText(diff, markdown: format == .md, Wording(language)))
    case .json: outcome.write(HistoryRendering.diffJSON(diff))
    }
    return outcome
  }

  /// `steer retro record` as the command line runs it: what was recorded; or, when the
  /// retrospective or what it references has errors, those findings and why nothing was
  /// recorded, on standard error (exit 1).
  public func recordRetroOutcome(_ request: RecordRequest) throws -> CommandOutcome {
    let say = Wording(language)
    var outcome = CommandOutcome(language: language)
    do {
      outcome.write(try recordRetro(request).text(say))
    } catch let refused as RecordRefused {
      outcome.warn(TextReporter(color: false).render(refused.report) + refused.explanation(say))
      outcome.status = 1
    }
    return outcome
  }
}
