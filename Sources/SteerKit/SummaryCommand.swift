import Foundation
import SteerChecks
import SteerFiles
import SteerGit
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
    try SummaryRenderer.render(
      try summaryModel(request), format: request.format, templates: request.templates.map(absolute),
      shown: request.templates)
  }

  /// `steer summary` as the command line runs it: the summary printed, or written to `out`
  /// with a line saying so.
  public func summaryOutcome(_ request: SummaryRequest, out: String? = nil) throws -> CommandOutcome {
    var outcome = CommandOutcome(language: language)
    let summary = try summary(request)
    if let templates = request.templates {
      let unused = try SummaryRenderer.unusedTemplates(in: absolute(templates), shown: templates, Wording(language))
      for warning in unused { outcome.warn(warning) }
    }
    try deliver(summary, to: out, in: &outcome)
    return outcome
  }

  /// The summary's model: the ledger, its findings, metrics, history and changes.
  public func summaryModel(_ request: SummaryRequest) throws -> SummaryModel {
    let loaded = try loadLedger()
    let index = LedgerIndex(loaded.ledger)
    // The same findings as `steer check`, the federation's included.
    let federation = try federationMembers()
    let reading = readingErrors(loaded, federation)
    let diagnostics =
      (Checker(configuration: configuration).check(
        loaded.ledger, index: index, readingFindings: reading.own, members: federation.federated,
        memberReadingFindings: reading.members, circumstances: circumstances(today: request.today))
      + federationFindings(federation, reading: [], members: false).findings).sorted(by: Diagnostic.sortOrder)
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
    let since = try request.since.map { try diff(from: $0, to: options.revision, namedBy: (.since, .rev)) }
    let input = SummaryInput(
      ledger: loaded.ledger, configuration: configuration, diagnostics: diagnostics, metrics: metrics,
      gates: GateStatus.evaluate(
        configuration, metrics, unreadable: diagnostics.map(\.finding).filter(\.isReadingError)),
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
    let gates = GateStatus.evaluate(
      member.configuration, metrics, unreadable: diagnostics.map(\.finding).filter(\.isReadingError))
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
  /// hold a site Steer wrote before (its pages that no longer exist are removed, and those
  /// whose digest did not change are not written again), through the bundled templates or
  /// those of `templates` that replace them.
  @discardableResult
  public func site(
    audience: Audience, to directory: String, templates: String? = nil, today: CalendarDate = .today()
  ) throws -> SiteWritten {
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
    let site = try Site(
      model, recordedCommits: commits, templates: templates.map(absolute), shownTemplates: templates)
    let root = absolute(directory)
    let previous = try previousSite(in: root, named: directory)
    let pages = site.pages { path, digest in previous.holds(path, digest, root: root) }
    // The open data and the calendar the pages' footers link, for the same audience and revision.
    let data = try exportFiles(audience: audience == .public ? .public : .technical).files.map {
      ExportFile(path: Site.openDataDirectory + $0.path, bytes: $0.bytes)
    }
    let calendar = try calendarFile(
      site, head: workspace.commit ?? (try? workspace.repository?.commit(for: "HEAD")), model: model
    ) {
      previous.holds(Site.calendarFile, $0, root: root)
    }
    let files =
      pages.map { page in (page.path, page.digest, page.html.map { Array($0.utf8) }) }
      + data.map { ($0.path, FNV1a.hash(bytes: $0.bytes), Optional($0.bytes)) } + [calendar]
    let written = try write(files, root: root, previous: previous)
    return SiteWritten(pages: pages.count - 1, written: written, warnings: site.unusedTemplateWarnings)
  }

  /// The site's calendar: its digest (all it shows but the SEQUENCEs, and the commit whose
  /// history gives them), and its bytes unless `unchanged` says the file written with that
  /// digest is still there, in which case that history is not read.
  private func calendarFile(
    _ site: Site, head: Commit?, model: SummaryModel, unchanged: (UInt64) -> Bool
  ) throws -> (path: String, digest: UInt64, bytes: [UInt8]?) {
    let draft = site.calendarDraft(stamp: head?.time)
    let digest = FNV1a.hash((head?.id.description ?? "") + "\n" + ledgerDirectory, continuing: draft.digest)
    guard !unchanged(digest) else { return (Site.calendarFile, digest, nil) }
    let sequences = try workspace.repository.map { repository in
      try EventSequences.read(repository: repository, directory: ledgerDirectory, head: head, current: model.ledger)
    }
    return (Site.calendarFile, digest, site.calendar(draft, sequences: sequences ?? EventSequences()))
  }

  /// The marker of the site already in `root`, empty when `root` is new or empty; a directory
  /// that holds other files and no marker is refused, so that nothing of another's is replaced.
  private func previousSite(in root: String, named directory: String) throws -> SiteMarker {
    try FileOutput.makeDirectory(root)
    if let text = try? String(contentsOfFile: root + "/" + SiteMarker.name, encoding: .utf8),
      let marker = SiteMarker(text)
    {
      return marker
    }
    guard ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).isEmpty else {
      throw SteerError(
        en: "\(directory) is not empty and holds no site of Steer's: nothing was written",
        fr: "\(directory) n'est pas vide et ne contient pas de site écrit par Steer : rien n'a été écrit",
        hint: (en: "choose an empty or new directory", fr: "choisissez un répertoire vide ou nouveau"))
    }
    return SiteMarker()
  }

  /// What `steer site` wrote: how many pages the site has, and how many of them were written
  /// (the others were found unchanged).
  public struct SiteWritten: Sendable {
    public var pages: Int
    public var written: Int
    /// A warning for each file of the template directory that replaces nothing.
    public var warnings: [String] = []
  }

  /// `steer site` as the command line runs it: the site written, and a line saying so.
  public func siteOutcome(audience: Audience, to directory: String, templates: String? = nil) throws -> CommandOutcome {
    let say = Wording(language)
    let written = try site(audience: audience, to: directory, templates: templates)
    var pages = say.count(written.pages, en: ("page", "pages"), fr: ("page", "pages"))
    if written.written < written.pages {
      let count = say.count(written.written, en: ("written", "written"), fr: ("écrite", "écrites"))
      pages +=
        written.written == 0
        ? say(en: " (all unchanged)", fr: " (toutes inchangées)")
        : say(en: " (\(count), the others unchanged)", fr: " (\(count), les autres inchangées)")
    }
    var outcome = CommandOutcome(language: language)
    for warning in written.warnings { outcome.warn(warning) }
    outcome.say(
      say(
        en:
          "Wrote \(pages), a stylesheet, the calendar (\(Site.calendarFile)) and the open data (\(Site.openDataDirectory)) in \(directory).",
        fr:
          "Écrit : \(pages), une feuille de style, le calendrier (\(Site.calendarFile)) et les données ouvertes (\(Site.openDataDirectory)) dans \(directory)."
      ))
    return outcome
  }

  /// Writes the files whose digest changed since `previous` or that are no longer as written
  /// (`nil` bytes: a page found unchanged, not even rendered), then the marker naming them all,
  /// then removes the files `previous` named that this site no longer has (documents gone):
  /// only those, only regular files, so that what others keep in the directory (an
  /// `about.html`, a verification file) stays. Returns how many pages were written.
  private func write(_ files: [(path: String, digest: UInt64, bytes: [UInt8]?)], root: String, previous: SiteMarker)
    throws -> Int
  {
    var marker = SiteMarker()
    var pages = 0
    for file in files {
      if let bytes = file.bytes, !previous.holds(file.path, file.digest, root: root) {
        let stamp = try FileOutput.writeOwned(bytes, root: root, relativePath: file.path)
        marker.record(file.path, SiteMarker.Entry(digest: file.digest, stamp: stamp))
        if file.path.hasSuffix(".html") { pages += 1 }
      } else if let entry = previous.entries[file.path] {
        marker.record(file.path, entry)
      }
    }
    try FileOutput.writeOwned(Array(marker.text.utf8), root: root, relativePath: SiteMarker.name)
    for path in Set(previous.paths).subtracting(files.map(\.path)) where !path.contains("..") {
      FileOutput.removeOwned(root: root, relativePath: path)
    }
    return pages
  }
}
