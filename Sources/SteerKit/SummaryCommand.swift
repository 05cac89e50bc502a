import Foundation
import SteerChecks
import SteerFiles
import SteerHistory
import SteerLoading
import SteerMetrics
import SteerModel
import SteerOpenData
import SteerOutput
import SteerSite
import SteerSummary

/// What `steer summary` is asked for, beyond the session's ledger, revision and language.
public struct SummaryRequest: Sendable {
  public var format: SummaryFormat
  public var audience: Audience
  /// Add a "since the last committee" section: what changed since this revision.
  public var since: String?
  /// A directory of templates to use instead of the built-in ones.
  public var templates: String?
  /// How many of the latest iteration snapshots the technical summary's trend shows (0: none).
  public var trend: Int
  public var today: CalendarDate

  public static let defaultTrend = 12

  /// What the request alone makes wrong.
  public func validate() throws(SteerError) {
    guard trend >= 0 else {
      throw SteerError(
        en: "--trend takes a number of iterations, 0 or more", fr: "--trend demande un nombre d'itérations, 0 ou plus")
    }
  }

  public init(
    format: SummaryFormat = .md, audience: Audience = .technical, since: String? = nil, templates: String? = nil,
    trend: Int = Self.defaultTrend, today: CalendarDate = .today()
  ) {
    self.format = format
    self.audience = audience
    self.since = since
    self.templates = templates
    self.trend = trend
    self.today = today
  }
}

extension Session {
  /// `steer summary`.
  public func summary(_ request: SummaryRequest) throws -> String {
    try SummaryRenderer.render(try summaryModel(request), format: request.format, templates: request.templates)
  }

  /// `steer summary` as the command line runs it: the summary printed, or written to `out`
  /// with a line saying so.
  public func summaryOutcome(_ request: SummaryRequest, out: String? = nil) throws -> CommandOutcome {
    var outcome = CommandOutcome(language: language)
    try deliver(try summary(request), to: out, in: &outcome)
    return outcome
  }

  /// The summary's model: the ledger, its findings, metrics, history and changes.
  public func summaryModel(_ request: SummaryRequest) throws -> SummaryModel {
    let loaded = try loadLedger()
    let index = LedgerIndex(loaded.ledger)
    // The same findings as `steer check`, the federation's included.
    let federation = try federationMembers()
    let diagnostics =
      (Checker(configuration: configuration).check(
        loaded.ledger, index: index, readingFindings: loaded.findings + configurationFindings,
        members: federation.federated, circumstances: circumstances(today: request.today))
      + federationFindings(loaded.ledger, federation, members: false).findings).sorted(by: Diagnostic.sortOrder)
    let metrics = LedgerMetrics(loaded.ledger, members: federation.federated)
    // Trends need recorded iterations: the latest ones, replayed backwards from the ledger just
    // read, so the cost is what changed since them. Only the technical summary shows them.
    var history: [Snapshot] = []
    if request.audience == .technical, request.trend > 0, let repository = workspace.repository,
      !(try repository.tags(matching: IterationTag.prefix + "*")).isEmpty
    {
      history = try HistoryReader.recent(
        request.trend, from: loaded.ledger, at: workspace.commit, repository: repository, directory: ledgerDirectory,
        federation: federationHistory(in: repository))
    }
    let since = try request.since.map { try diff(from: $0, to: options.revision) }
    let input = SummaryInput(
      ledger: loaded.ledger, configuration: configuration, diagnostics: diagnostics, metrics: metrics,
      gates: loaded.findings.isEmpty && configurationFindings.isEmpty
        ? GateStatus.evaluate(configuration, metrics) : [],
      history: history, since: since, today: request.today,
      members: federation.ledgers.map { summary(of: $0, $1, request) },
      unavailable: federation.unavailable.map { peer in
        UnavailablePeer(
          name: peer.member.name.value, title: peer.member.title, revision: peer.member.revision,
          reason: peer.reason.message(Wording(language)))
      })
    return SummaryModel(input, audience: request.audience, language: language, index: index)
  }

  /// A member's status and figures, as its own summary computes them.
  private func summary(of member: MemberLedger, _ loaded: LoadedLedger, _ request: SummaryRequest) -> MemberSummary {
    let ledger = loaded.ledger
    let diagnostics = Checker(configuration: member.configuration)
      .check(
        ledger, readingFindings: loaded.findings + member.configurationFindings,
        circumstances: CheckCircumstances(today: request.today))
    let metrics = LedgerMetrics(ledger)
    let gates = loaded.findings.isEmpty ? GateStatus.evaluate(member.configuration, metrics) : []
    let input = SummaryInput(
      ledger: ledger, configuration: member.configuration, diagnostics: diagnostics, metrics: metrics, gates: gates,
      today: request.today)
    let documents = MemberSummary.documents(of: ledger)
    return MemberSummary(
      name: member.member.name.value, title: member.title, revision: member.member.revision, commit: member.commit,
      status: SummaryModel(input, audience: request.audience, language: language).status, metrics: metrics,
      useCases: documents.useCases, workshops: documents.workshops,
      unreadableFiles: member.unreadableFiles)
  }
}

extension Session {
  /// `steer site`: every page of the site written under `directory`, which must be empty or
  /// hold a site Steer wrote before (its pages that no longer exist are removed), through the
  /// bundled templates or those of `templates` that replace them. Returns the number of pages
  /// written.
  public func site(
    audience: Audience, to directory: String, templates: String? = nil, today: CalendarDate = .today()
  ) throws -> Int {
    guard audience != .elected else {
      throw SteerError(
        en: "the site is for the technical audience or the public: --audience technical or public",
        fr: "le site s'adresse au public technique ou aux citoyens : --audience technical ou public")
    }
    let model = try summaryModel(SummaryRequest(format: .html, audience: audience, trend: 0, today: today))
    var commits: [String: String] = [:]
    if let repository = workspace.repository {
      for (name, commit) in try repository.tags(matching: IterationTag.prefix + "*") {
        commits[String(name.dropFirst(IterationTag.prefix.count))] = commit.id.description
      }
    }
    let site = try Site(model, recordedCommits: commits, templates: templates.map(absolute))
    let pages = site.pages()
    // The open data and the calendar the pages' footers link, for the same audience and revision.
    let data = try exportFiles(audience: audience == .public ? .public : .technical).files.map {
      ExportFile(path: Site.openDataDirectory + $0.path, bytes: $0.bytes)
    }
    let head = workspace.commit ?? (try? workspace.repository?.commit(for: "HEAD"))
    let sequences = try workspace.repository.map { repository in
      try EventSequences.read(repository: repository, directory: ledgerDirectory, head: head, current: model.ledger)
    }
    let calendar = ExportFile(
      path: Site.calendarFile, bytes: site.calendar(sequences: sequences ?? EventSequences(), stamp: head?.time))
    let root = absolute(directory)
    let marker = root + "/" + Self.siteMarker
    let fileManager = FileManager.default
    try FileOutput.makeDirectory(root)
    let isEmpty = ((try? fileManager.contentsOfDirectory(atPath: root)) ?? []).isEmpty
    guard let previous = try? String(contentsOfFile: marker, encoding: .utf8), previous.hasPrefix(Self.markerHeading)
    else {
      guard isEmpty else {
        throw SteerError(
          en: "\(directory) is not empty and holds no site of Steer's: nothing was written",
          fr: "\(directory) n'est pas vide et ne contient pas de site écrit par Steer : rien n'a été écrit",
          hint: (en: "choose an empty or new directory", fr: "choisissez un répertoire vide ou nouveau"))
      }
      return try write(pages, data: data + [calendar], root: root, marker: marker, previous: [])
    }
    return try write(
      pages, data: data + [calendar], root: root, marker: marker,
      previous: previous.split(separator: "\n").dropFirst().map(String.init))
  }

  /// `steer site` as the command line runs it: the site written, and a line saying so.
  public func siteOutcome(audience: Audience, to directory: String, templates: String? = nil) throws -> CommandOutcome {
    let say = Wording(language)
    let written = try site(audience: audience, to: directory, templates: templates)
    let pages = say.count(written - 1, en: ("page", "pages"), fr: ("page", "pages"))
    var outcome = CommandOutcome(language: language)
    outcome.say(
      say(
        en:
          "Wrote \(pages), a stylesheet, the calendar (\(Site.calendarFile)) and the open data (\(Site.openDataDirectory)) in \(directory).",
        fr:
          "Écrit : \(pages), une feuille de style, le calendrier (\(Site.calendarFile)) et les données ouvertes (\(Site.openDataDirectory)) dans \(directory)."
      ))
    return outcome
  }

  /// The first line of a site's marker; the pages Steer wrote follow, one a line.
  static let markerHeading = "steer site"

  /// Writes the pages and the marker naming them, then removes the pages the previous run
  /// wrote that this one did not (documents gone): only those, only regular files, so that
  /// what others keep in the directory (an `about.html`, a verification file) stays.
  private func write(_ pages: [Site.Page], data: [ExportFile], root: String, marker: String, previous: [String])
    throws -> Int
  {
    for page in pages { try FileOutput.writeOwned(Array(page.html.utf8), root: root, relativePath: page.path) }
    for file in data { try FileOutput.writeOwned(file.bytes, root: root, relativePath: file.path) }
    let written = pages.map(\.path) + data.map(\.path)
    try FileOutput.writeOwned(
      Array(([Self.markerHeading] + written).joined(separator: "\n").utf8) + [UInt8(ascii: "\n")], root: root,
      relativePath: Self.siteMarker)
    for path in Set(previous).subtracting(written) where !path.contains("..") {
      FileOutput.removeOwned(root: root, relativePath: path)
    }
    return pages.count
  }

  static let siteMarker = ".steer-site"
}
