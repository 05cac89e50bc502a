import SteerFiles
import SteerGit
import SteerLoading
import SteerMetrics
import SteerModel
import SteerOpenData

extension Session {
  /// `steer export`'s files for `audience`: the ledger as read (at `--rev`, else the work tree
  /// dated by HEAD's commit), with a region's members at their pinned revisions.
  public func exportFiles(audience: ExportAudience) throws -> (files: [ExportFile], unread: Int) {
    let loaded = try loadLedger()
    let federation = try federationMembers()
    let metrics = LedgerMetrics(loaded.ledger, members: federation.federated)
    let commit = workspace.commit ?? (try? workspace.repository?.commit(for: "HEAD"))
    let description = exportDescription(
      loaded.ledger, configuration, commit: commit.map { ($0.id.description, $0.time) })
    let available = federation.ledgers.map { member, loaded in
      ExportMember(
        name: member.member.name.value, title: member.title,
        revision: member.member.revision, commit: member.commit, metrics: LedgerMetrics(loaded.ledger))
    }
    let unavailable = federation.unavailable.map { peer in
      ExportMember(
        name: peer.member.name.value, title: peer.member.title, revision: peer.member.revision, commit: nil,
        metrics: nil)
    }
    let members = federation.ledgers.map { member, loaded in
      MemberExport(
        name: member.member.name.value, revision: member.member.revision,
        description: exportDescription(
          loaded.ledger, member.configuration, language: language, commit: (member.commit, nil)),
        input: ExportInput(ledger: loaded.ledger, metrics: LedgerMetrics(loaded.ledger), audience: audience))
    }
    let input = ExportInput(
      ledger: loaded.ledger, metrics: metrics, audience: audience, members: available + unavailable,
      isRegion: !configuration.federation.isEmpty)
    let unread = loaded.findings.count
    return (ExportPackage.files(input, description, members: members), unread)
  }

  private func exportDescription(
    _ ledger: Ledger, _ configuration: Configuration, language: Language? = nil, commit: (String, Int64?)?
  ) -> ExportDescription {
    ExportDescription(
      title: ledger.vision?.title ?? ledger.directory, territory: ledger.vision?.territory ?? ledger.directory,
      language: language ?? self.language, publication: configuration.publication, commitTime: commit?.1,
      commit: commit?.0)
  }

  /// `steer export --out DIR`: every file written under `directory` (each atomically, a link
  /// written through), and a line saying so.
  public func exportOutcome(audience: ExportAudience, to directory: String) throws -> CommandOutcome {
    let say = Wording(language)
    let (files, unread) = try exportFiles(audience: audience)
    let root = writable(directory)
    for file in files { try FileOutput.write(file.bytes, to: root + "/" + file.path) }
    var outcome = CommandOutcome(language: language)
    if unread > 0 {
      outcome.warn(say.exportLeavesOutUnread(unread))
    }
    let tables = files.filter { $0.path.hasSuffix(".csv") }.count
    outcome.say(
      say(
        en:
          "Wrote the open data in \(directory): \(ExportPackage.packageFile), \(say.count(tables, en: ("table", "tables"), fr: ("table", "tables"))) and the catalogue (\(ExportPackage.turtleFile), \(ExportPackage.jsonLDFile)).",
        fr:
          "Données ouvertes écrites dans \(directory) : \(ExportPackage.packageFile), \(say.count(tables, en: ("table", "tables"), fr: ("table", "tables"))) et le catalogue (\(ExportPackage.turtleFile), \(ExportPackage.jsonLDFile))."
      ))
    return outcome
  }
}

extension Wording {
  fileprivate func exportLeavesOutUnread(_ errors: Int) -> String {
    self(
      en:
        "steer: warning: the ledger has \(count(errors, en: ("reading error", "reading errors"), fr: ("", ""))): the export leaves out what could not be read (run `steer check`)",
      fr:
        "steer : avertissement : le registre a \(count(errors, en: ("", ""), fr: ("erreur de lecture", "erreurs de lecture"))) : l'export laisse de côté ce qui n'a pu être lu (lancez `steer check`)"
    )
  }
}
