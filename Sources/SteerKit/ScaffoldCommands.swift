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
    let planned = try Scaffold.plan(kind, title: title, id: id, ledger: loaded.ledger, today: today)
    guard let base = workspace.workTreePath(ledgerDirectory) else {
      throw SteerError(
        en: "there is no work tree to write into (a bare repository)",
        fr: "il n'y a pas de copie de travail où écrire (dépôt nu)")
    }
    try Scaffold.write(planned.contents, to: base + "/" + planned.relativePath)
    return (ledgerDirectory.isEmpty ? "" : ledgerDirectory + "/") + planned.relativePath
  }

  /// `steer init`: writes a minimal valid ledger into `directory` (a path from the current
  /// directory; default: the session's ledger directory). Returns the paths written.
  public func initialise(_ directory: String? = nil, today: CalendarDate = .today()) throws -> [String] {
    let target: String
    let shown: String
    if let directory {
      (target, shown) = (absolute(directory), directory)
    } else {
      target = workspace.workTreePath(ledgerDirectory) ?? absolute(ledgerDirectory)
      shown = target
    }
    if let contents = try? FileManager.default.contentsOfDirectory(atPath: target), !contents.isEmpty {
      throw SteerError(
        en: "\(target) already exists and is not empty", fr: "\(target) existe déjà et n'est pas vide",
        hint: (
          en: "name another directory: steer init path/to/ledger",
          fr: "choisissez un autre répertoire : steer init chemin/du/registre"
        ))
    }
    let steps: [(DocumentKind, String)] = [
      (.stakeholder, "Programme sponsor"),
      (.vision, "Our shared vision"),
      (.objective, "First objective"),
      (.usecase, "First use case"),
    ]
    var written: [String] = []
    for (kind, title) in steps {
      let ledger = LedgerLoader.load(directoryAt: target, shownAs: "").ledger
      let planned = try Scaffold.plan(kind, title: title, ledger: ledger, today: today)
      try Scaffold.write(planned.contents, to: target + "/" + planned.relativePath)
      written.append(shown + "/" + planned.relativePath)
    }
    return written
  }
}
