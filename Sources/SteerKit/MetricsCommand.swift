import SteerLoading
import SteerMetrics
import SteerModel
import SteerOutput

/// `steer metrics`: the ledger's metrics, and its gates as met or not — none while reading
/// errors stand, as `steer check` says (one cause, one finding).
public struct MetricsResult: Sendable {
  public var metrics: LedgerMetrics
  public var gates: [GateStatus]
  /// Reading errors: the metrics leave out the documents they concern.
  public var readingErrors: Int
  /// The federation's members, each with its own figures (empty without a federation).
  public var members: [MemberMetrics] = []
  /// The members that could not be read, counted nowhere.
  public var unavailable: [UnavailablePeer] = []
}

extension Session {
  public func metrics() throws -> MetricsResult {
    let loaded = try loadLedger()
    let federated = try federationMembers()
    let metrics = LedgerMetrics(loaded.ledger, members: federated.federated)
    // As `steer check`: a `.steer.yaml` with errors may have lost a gate's or a member's entry,
    // so no gate is evaluated while it stands.
    let unreadable = Set((loaded.findings + configurationFindings).map(\.file)).count
    // Each member's figures exactly as `steer metrics --rev REV` computes them in its repository.
    let members = federated.ledgers.map { member, loaded in
      let metrics = LedgerMetrics(loaded.ledger)
      return MemberMetrics(
        name: member.member.name.value, revision: member.member.revision, commit: member.commit, metrics: metrics,
        gates: loaded.findings.isEmpty ? GateStatus.evaluate(member.configuration, metrics) : [])
    }
    return MetricsResult(
      metrics: metrics, gates: unreadable > 0 ? [] : GateStatus.evaluate(configuration, metrics),
      readingErrors: unreadable, members: members,
      unavailable: federated.unavailable.map { peer in
        UnavailablePeer(
          name: peer.member.name.value, revision: peer.member.revision, reason: peer.reason.message(Wording(language)))
      })
  }
}

/// The formats of `steer metrics`.
public enum MetricsFormat: String, CaseIterable, Sendable {
  case text, json, csv
}

extension MetricsResult {
  /// The metrics as `steer metrics` prints them, the federation's members compared with this
  /// ledger: text (after the metrics' tables), the JSON document's `federation` member, or CSV
  /// (a column per member).
  /// - Parameter unreadable: the files with reading errors the text names where gates would be
  ///   (0 when none are configured).
  public func rendered(_ format: MetricsFormat, unreadable: Int, language: Language) -> String {
    switch format {
    case .text:
      let text = MetricsText.render(
        metrics, gates: gates, unreadable: unreadable, unavailableMembers: unavailable.count, language: language)
      guard !members.isEmpty || !unavailable.isEmpty else { return text }
      return text + "\n"
        + PeerComparison.text(region: metrics, members: members, unavailable: unavailable, language: language) + "\n"
    case .json:
      var document = MetricsJSON.document(metrics, gates: gates)
      if !members.isEmpty || !unavailable.isEmpty, case .object(var fields) = document {
        fields.append(
          ("federation", PeerComparison.json(region: metrics, members: members, unavailable: unavailable)))
        document = .object(fields)
      }
      return document.serialized() + "\n"
    case .csv:
      return PeerComparison.csv(region: metrics, members: members, unavailable: unavailable)
    }
  }

  /// The warning that the metrics leave out what could not be read; nil when all was read.
  public func readingErrorsWarning(_ say: Wording) -> String? {
    guard readingErrors > 0 else { return nil }
    let files = say.count(readingErrors, en: ("file has", "files have"), fr: ("fichier a", "fichiers ont"))
    return say(
      en: "steer: warning: \(files) reading errors; the metrics leave out what cannot be read (run `steer check`)",
      fr:
        "steer : avertissement : \(files) des erreurs de lecture ; les indicateurs laissent de côté ce qui ne peut pas être lu (lancez `steer check`)"
    )
  }
}

extension Session {
  /// `steer metrics` as the command line runs it: the warning about reading errors, then the
  /// metrics in `format`.
  public func metricsOutcome(format: MetricsFormat) throws -> CommandOutcome {
    let result = try metrics()
    var outcome = CommandOutcome(language: language)
    if let warning = result.readingErrorsWarning(Wording(language)) { outcome.warn(warning) }
    let unreadable = configuration.gates.isEmpty ? 0 : result.readingErrors
    outcome.write(result.rendered(format, unreadable: unreadable, language: language))
    return outcome
  }
}
