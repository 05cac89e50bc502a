import SteerChecks
import SteerGit
import SteerLoading
import SteerMetrics
import SteerModel

/// The result of `steer check`: the report, and how the run exits.
public struct CheckResult: Sendable {
  public var report: Report
  public var exitStatus: Int32
}

extension Session {
  /// `steer check`: reads the ledger and the configuration, runs the rules.
  /// - Parameters:
  ///   - since: only the findings in files changed since this revision, or that involve one.
  ///   - baseline: leave out the findings this baseline file accepts.
  ///   - members: add each federation member's own findings.
  ///   - today: the day the check runs.
  public func check(
    strict: Bool = false, since: String? = nil, baseline: String? = nil, members: Bool = false,
    today: CalendarDate = .today()
  ) throws -> CheckResult {
    var report = try checked(strict: strict, since: since, members: members, documents: members, today: today).report
    if let baseline {
      let all = report.diagnostics.count
      report = try Baseline.read(absolute(baseline)).filter(report)
      report.baselined = BaselinedFindings(count: all - report.diagnostics.count, file: baseline)
    }
    return CheckResult(report: report, exitStatus: CheckOutcome.exitStatus(report.diagnostics, strict: strict))
  }

  /// `steer check` as the command line runs it: the report in every requested format, each
  /// written as the outcome is (files first, then the one without a path to standard
  /// output), exiting as `check` says; or, with `writeBaseline`, every finding recorded in that
  /// file and a line saying so (exit 0).
  public func checkOutcome(
    _ requests: [OutputRequest], strict: Bool = false, since: String? = nil, baseline: String? = nil,
    writeBaseline: String? = nil, members: Bool = false, color: Bool = false
  ) throws -> CommandOutcome {
    let result = try check(
      strict: strict, since: since, baseline: writeBaseline == nil ? baseline : nil, members: members)
    var outcome = CommandOutcome(language: language)
    if let writeBaseline {
      try Baseline(result.report).write(to: writable(writeBaseline))
      let say = Wording(language)
      let findings = say.count(
        result.report.diagnostics.count, en: ("finding", "findings"), fr: ("constat", "constats"))
      outcome.say(
        say(
          en: "Wrote \(writeBaseline) with \(findings); pass it with --baseline.",
          fr: "Écrit : \(writeBaseline), avec \(findings) ; passez-le avec --baseline."))
      return outcome
    }
    let (report, directory) = (result.report, options.currentDirectory)
    outcome.stream { sink in
      try OutputRequest.deliver(report, to: requests, color: color, currentDirectory: directory, standardOutput: sink)
    }
    outcome.status = result.exitStatus
    return outcome
  }

  /// The ledger read, the report of its check, and the federation's members it read (none
  /// under `--since` when `.steer.yaml` did not change), with their documents when `documents`
  /// (the check needs them only with `members`).
  func checked(
    strict: Bool = false, since: String? = nil, members: Bool = false, documents: Bool = true,
    today: CalendarDate = .today()
  )
    throws -> (
      ledger: Ledger, report: Report, federation: FederationReading
    )
  {
    let loaded: LoadedLedger
    var changed: Set<String>?
    var resumable: (base: Commit, readFromDisk: Set<String>)?
    if let since {
      let base = try commit(named: since, for: "--since")
      let read = try workspace.loadLedger(at: ledgerDirectory, language: language, changedSince: base)
      (loaded, changed) = (read.loaded, read.changed)
      resumable = read.readFromDisk.map { (base, $0) }
    } else {
      loaded = try loadLedger()
    }
    // The federation's findings stand in the members' files, and its gates at the
    // configuration: `--since` keeps them when the configuration, which pins the members, changed.
    // An objective changed needs them too: the members' use cases may be what serves it.
    let objectives = ledgerDirectory.isEmpty ? "objectives/" : ledgerDirectory + "/objectives/"
    let federated =
      changed.map { $0.contains(Configuration.fileName) || $0.contains { $0.hasPrefix(objectives) } } ?? true
      ? try federationMembers(documents: documents || members) : FederationReading()
    let reading = readingErrors(loaded, federated)
    var diagnostics: [Diagnostic]
    // In the work tree, without members, the last `--since` check is resumed.
    if let changed, let resumable, federated.members.isEmpty, let repository = workspace.repository {
      diagnostics = resumedCheck(
        loaded, readingFindings: reading.own, changed: changed, readFromDisk: resumable.readFromDisk,
        base: resumable.base, gitDirectory: repository.commonDirectory, circumstances: circumstances(today: today))
    } else {
      diagnostics = Checker(configuration: configuration).check(
        loaded.ledger, readingFindings: reading.own, scope: changed, members: federated.federated,
        memberReadingFindings: reading.members, circumstances: circumstances(today: today))
    }
    var memberSources: [String: [UInt8]] = [:]
    if !federated.isEmpty {
      let federation = federationFindings(federated, reading: reading.members, members: members)
      diagnostics = (diagnostics + federation.findings).sorted(by: Diagnostic.sortOrder)
      memberSources = federation.sources
    }
    // The files findings stand in, to quote their lines; the document cache may have spared
    // reading some.
    var quoted: [String: [UInt8]] = [:]
    for file in Set(diagnostics.map(\.file)) {
      if file == Configuration.fileName {
        quoted[file] = configurationBytes
      } else if let bytes = loaded.sources[file] ?? memberSources[file] {
        quoted[file] = bytes
      } else if loaded.ledger.documentPaths.sortedContains(file) {
        quoted[file] = workspace.contents(of: file)
      }
    }
    // With `--members`, the members' findings count in the summary line: so do their documents.
    let memberDocuments =
      members
      ? federated.ledgers.flatMap { member, loaded in
        loaded.ledger.documentPaths.map { "\(member.member.name.value):\($0)" }
      } : []
    let report = Report(
      diagnostics: diagnostics, documentPaths: loaded.ledger.documentPaths + memberDocuments, sources: quoted,
      strict: strict, language: language)
    return (loaded.ledger, report, federated)
  }

  /// What a check of this session's ledger knows beyond it: the day, and the iterations
  /// recorded (none known outside a repository).
  public func circumstances(today: CalendarDate = .today()) -> CheckCircumstances {
    let names = try? workspace.repository?.tagNames(matching: IterationTag.prefix + "*")
    let recorded = names.map { Set($0.map { String($0.dropFirst(IterationTag.prefix.count)) }) }
    return CheckCircumstances(today: today, recordedIterations: recorded)
  }
}
