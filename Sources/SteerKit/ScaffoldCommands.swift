import Foundation
import SteerLoading
import SteerModel
import SteerScaffold

extension Session {
  /// `steer new`: writes a new document into the ledger; returns its path as printed.
  public func newDocument(_ kind: DocumentKind, title: String, id: String? = nil, today: CalendarDate = .today())
    throws -> String
  {
    let loaded = try loadLedger()
    let planned = try Scaffold.plan(
      kind, title: title, id: id, ledger: loaded.ledger, today: today, language: language)
    guard let base = workspace.workTreePath(ledgerDirectory) else {
      throw SteerError(
        en: "there is no work tree to write into (a bare repository)",
        fr: "il n'y a pas de copie de travail où écrire (dépôt nu)")
    }
    let shown = (ledgerDirectory.isEmpty ? "" : ledgerDirectory + "/") + planned.relativePath
    try Scaffold.write(planned.contents, to: base + "/" + planned.relativePath, shownAs: shown)
    return shown
  }

  /// `steer init`: writes a minimal valid ledger into `directory` (a path from the current
  /// directory; default: the session's ledger directory), in the session's language, and a
  /// `.steer.yaml` that names that language (and the ledger, when it is not `vision/`) if the
  /// root has none. Returns the paths written.
  public func initialise(_ directory: String? = nil, today: CalendarDate = .today()) throws -> [String] {
    let target: String
    let shown: String
    if let directory {
      (target, shown) = (absolute(directory), directory)
    } else {
      target = workspace.workTreePath(ledgerDirectory) ?? absolute(ledgerDirectory)
      // From the repository's root, as `.steer.yaml` beside it is shown.
      shown = ledgerDirectory
    }
    if let contents = try? FileManager.default.contentsOfDirectory(atPath: target), !contents.isEmpty {
      throw SteerError(
        en: "\(shown) already exists and is not empty", fr: "\(shown) existe déjà et n'est pas vide",
        hint: (
          en: "name another directory: steer init path/to/ledger",
          fr: "choisissez un autre répertoire : steer init chemin/du/registre"
        ))
    }
    let say = Wording(language)
    let steps: [(DocumentKind, String)] = [
      (.stakeholder, say(en: "Programme sponsor", fr: "Porteur du programme")),
      (.vision, say(en: "Our shared vision", fr: "Notre vision partagée")),
      (.objective, say(en: "First objective", fr: "Premier objectif")),
      (.usecase, say(en: "First use case", fr: "Premier cas d'usage")),
    ]
    var written: [String] = []
    for (kind, title) in steps {
      let ledger = LedgerLoader.load(directoryAt: target, shownAs: "").ledger
      let planned = try Scaffold.plan(kind, title: title, ledger: ledger, today: today, language: language)
      let path = shown + "/" + planned.relativePath
      try Scaffold.write(planned.contents, to: target + "/" + planned.relativePath, shownAs: path)
      written.append(path)
    }
    if let configuration = try writeConfiguration(ledger: target) { written.append(configuration) }
    return written
  }

  /// Writes `.steer.yaml` at the root for a new ledger at `ledgerPath`, unless one is there.
  private func writeConfiguration(ledger ledgerPath: String) throws -> String? {
    let root = workspace.root ?? absolute(".")
    let path = root + "/" + Configuration.fileName
    guard !FileManager.default.fileExists(atPath: path) else { return nil }
    let say = Wording(language)
    var lines = [
      say(
        en: "# Steer's configuration: docs/format.md lists every field.",
        fr: "# La configuration de Steer : docs/format.md en décrit chaque champ.")
    ]
    let resolved = URL(fileURLWithPath: ledgerPath).resolvingSymlinksInPath().path
    if resolved.hasPrefix(root + "/"), resolved != root + "/vision" {
      lines.append("ledger: \(resolved.dropFirst(root.count + 1))")
    }
    lines.append("language: \(language.rawValue)")
    try Scaffold.write(lines.joined(separator: "\n") + "\n", to: path, shownAs: Configuration.fileName)
    return Configuration.fileName
  }
}

extension Session {
  /// `steer new` as the command line runs it: the document written, and what to do next.
  public func newDocumentOutcome(_ kind: DocumentKind, title: String, id: String? = nil) throws -> CommandOutcome {
    let path = try newDocument(kind, title: title, id: id)
    var outcome = CommandOutcome(language: language)
    // The pronoun is the kind's gender: « Complétez-la » for a decision, a retrospective.
    let pronoun = kind.name.feminine ? "la" : "le"
    outcome.say(
      Wording(language)(
        en: "Wrote \(path). Fill it in, then run `steer check`.",
        fr: "Écrit : \(path). Complétez-\(pronoun), puis lancez `steer check`."))
    return outcome
  }

  /// `steer init` as the command line runs it: a line per file written, and what to do next.
  public func initialiseOutcome(_ directory: String? = nil) throws -> CommandOutcome {
    let say = Wording(language)
    var outcome = CommandOutcome(language: language)
    for path in try initialise(directory) { outcome.say(say(en: "Wrote \(path)", fr: "Écrit : \(path)")) }
    outcome.say(
      say(
        en: "Run `steer check` to validate it, then `\(DocumentKind.usecase.newCommand(say)) \"…\"` to add more.",
        fr:
          "Lancez `steer check` pour le valider, puis `\(DocumentKind.usecase.newCommand(say)) \"…\"` pour en ajouter.")
    )
    return outcome
  }
}
