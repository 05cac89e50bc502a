import SteerChecks
import SteerGit
import SteerHistory
import SteerLoading
import SteerMetrics
import SteerModel
import SteerWriting

extension Session {
  /// `steer history`: the metrics at each iteration tag of the ledger's history (up to the
  /// revision, when the session reads one).
  public func history() throws -> HistoryReport {
    let repository = try repository(for: "steer history")
    return try HistoryReader.read(
      repository: repository, directory: ledgerDirectory, head: workspace.commit,
      federation: federationHistory(in: repository))
  }

  /// `steer lessons`: the lessons recorded in git history, newest first.
  public func lessons(since: String? = nil, tag: String? = nil) throws -> [RecordedLessons] {
    try LessonsReader.read(
      repository: repository(for: "steer lessons"), directory: ledgerDirectory, head: workspace.commit,
      since: since.map { revision throws(SteerError) in try commit(named: revision, for: "--since") }, tag: tag)
  }

  /// `steer diff FROM [TO]`: what changed in the ledger between two revisions (TO: the work
  /// tree), each side read with its own configuration (a region's members as each side pins them).
  public func diff(from: String, to: String?) throws -> LedgerDiff {
    _ = try repository(for: "steer diff")
    func side(_ revision: String?) throws -> (ledger: Ledger, report: Report, members: [FederatedMember]) {
      var options = self.options
      (options.revision, options.language) = (revision, language)
      return try Session(options).checked()
    }
    let before = try side(from)
    let after = try side(to)
    let workTree = Wording(language)(en: "work tree", fr: "copie de travail")
    return LedgerDiff(
      from: before.ledger, before.report, to: after.ledger, after.report, labels: (from, to ?? workTree),
      members: (before.members, after.members))
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
