import SteerChecks
import SteerLoading
import SteerMetrics
import SteerModel
import SteerOutput

/// `steer metrics`: the ledger's metrics, and its gates as met or not — none while reading
/// errors stand, as `steer check` says (one cause, one finding).
public struct MetricsResult: Sendable {
  public var metrics: LedgerMetrics
  /// What the text calls the stakeholders, objectives, use cases and iterations it lists.
  public var names: LedgerNames
  public var gates: [GateStatus]
  /// The files with reading errors, in path order: the metrics leave out the documents among
  /// them; `.steer.yaml` among them stops the gates only.
  public var unreadableFiles: [String]
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
    let reading = readingErrors(loaded, federated)
    let errors =
      Checker(configuration: configuration).readingErrors(loaded.ledger, reading: reading.own) + reading.members
    let unreadable = Set(errors.map(\.file)).sorted()
    // Each member's figures exactly as `steer metrics --rev REV` computes them in its repository.
    let members = federated.ledgers.map { member, loaded in
      let metrics = LedgerMetrics(loaded.ledger)
      let errors = Checker(configuration: member.configuration).readingErrors(
        loaded.ledger, reading: loaded.findings + member.configurationFindings)
      return MemberMetrics(
        name: member.member.name.value, title: member.title, revision: member.member.revision, commit: member.commit,
        metrics: metrics,
        gates: GateStatus.evaluate(member.configuration, metrics, unreadable: errors),
        readingErrors: Set(errors.map(\.file)).sorted())
    }
    return MetricsResult(
      metrics: metrics, names: LedgerNames(loaded.ledger),
      gates: GateStatus.evaluate(configuration, metrics, unreadable: errors),
      unreadableFiles: unreadable, members: members,
      unavailable: federated.unavailable.map { peer in
        UnavailablePeer(
          name: peer.member.name.value, title: peer.member.title, revision: peer.member.revision,
          reason: peer.reason.message(Wording(language)))
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
  public func rendered(_ format: MetricsFormat, unreadable: [String], language: Language) -> String {
    switch format {
    case .text:
      let text = MetricsText.render(
        metrics, names: names, gates: gates, unreadable: unreadable, language: language)
      guard !members.isEmpty || !unavailable.isEmpty else { return text }
      return text + "\n"
        + PeerComparison.text(region: metrics, members: members, unavailable: unavailable, language: language) + "\n"
    case .json:
      var document = MetricsJSON.document(metrics, gates: gates, readingErrors: unreadableFiles)
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

  /// The warning that the metrics leave out what could not be read, or, when only `.steer.yaml`
  /// has errors, that every document was read but `gates` (read from it) are not evaluated; nil
  /// when all was read.
  public func readingErrorsWarning(_ say: Wording, gates: [MetricDefinition]) -> String? {
    guard !unreadableFiles.isEmpty else { return nil }
    let files = say.files(unreadableFiles)
    guard unreadableFiles == [Configuration.fileName] else {
      let have = say.agreeing(
        with: unreadableFiles.count, en: ("has", "have"), fr: ("comporte", "comportent"))
      return say(
        en:
          "steer: warning: \(files) \(have) reading errors; the metrics leave out what cannot be read (run `steer check`)",
        fr:
          "steer : avertissement : \(files) \(have) des erreurs de lecture ; les indicateurs laissent de côté ce qui ne peut pas être lu (lancez `steer check`)"
      )
    }
    let read = say(
      en: "steer: warning: \(files) has reading errors (run `steer check`); every document was read",
      fr:
        "steer : avertissement : \(files) comporte des erreurs de lecture (lancez `steer check`) ; tous les documents ont été lus"
    )
    guard !gates.isEmpty else { return read }
    let names = say.conjunction(gates.map { say.quoted($0.label(say)) })
    let notEvaluated = say.agreeing(
      with: gates.count, en: ("the gate \(names) is", "the gates \(names) are"),
      fr: ("le seuil \(names) n'est pas évalué", "les seuils \(names) ne sont pas évalués"))
    return say(en: "\(read), but \(notEvaluated) not evaluated", fr: "\(read), mais \(notEvaluated)")
  }
}

extension Session {
  /// `steer metrics` as the command line runs it: the warning about reading errors, then the
  /// metrics in `format`.
  public func metricsOutcome(format: MetricsFormat) throws -> CommandOutcome {
    let result = try metrics()
    var outcome = CommandOutcome(language: language)
    let gates = configuration.gates.keys.sorted().compactMap { MetricRegistry.standard[$0] }
    if let warning = result.readingErrorsWarning(Wording(language), gates: gates) { outcome.warn(warning) }
    let unreadable = configuration.gates.isEmpty ? [] : result.unreadableFiles
    outcome.write(result.rendered(format, unreadable: unreadable, language: language))
    return outcome
  }
}
