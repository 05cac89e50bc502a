import Foundation
import SteerLoading
import SteerModel
import SteerScaffold

extension CalendarDate {
  /// Today's date in UTC.
  public static func today() -> CalendarDate {
    let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
    return CalendarDate(daysSinceEpoch: days)
  }
}

/// `steer new` and `steer init`.
public enum ScaffoldRunner {
  /// Writes a new document into the ledger of the current repository; returns its path as printed.
  public static func new(
    _ kind: DocumentKind, title: String, id: String? = nil, ledger ledgerArgument: String? = nil,
    currentDirectory: String? = nil, today: CalendarDate = .today()
  ) throws -> String {
    let workspace = try Workspace(currentDirectory: currentDirectory, ledgerArgument: ledgerArgument)
    let (configuration, _, _) = try workspace.configuration(knownRules: [:])
    let directory = try workspace.ledgerDirectory(argument: ledgerArgument, configuration: configuration)
    let loaded = try workspace.loadLedger(at: directory)
    let planned = try Scaffold.plan(kind, title: title, id: id, ledger: loaded.ledger, today: today)
    guard let base = workspace.workTreePath(directory) else {
      throw SteerError("there is no work tree to write into (a bare repository)")
    }
    try Scaffold.write(planned.contents, to: base + "/" + planned.relativePath)
    return (directory.isEmpty ? "" : directory + "/") + planned.relativePath
  }

  /// Writes a minimal valid ledger into `directory` (default: `vision/` at the repository root,
  /// or in the current directory outside a repository). Returns the paths written.
  public static func initialise(
    _ directory: String? = nil, currentDirectory: String? = nil, today: CalendarDate = .today()
  ) throws -> [String] {
    let current = currentDirectory ?? FileManager.default.currentDirectoryPath
    let target: String
    let shown: String
    if let directory {
      target = directory.hasPrefix("/") ? directory : current + "/" + directory
      shown = directory
    } else {
      let workspace = try Workspace(currentDirectory: current)
      target = workspace.workTreePath(Configuration.defaultLedger) ?? current + "/" + Configuration.defaultLedger
      shown = target
    }
    if let contents = try? FileManager.default.contentsOfDirectory(atPath: target), !contents.isEmpty {
      throw SteerError(
        "\(target) already exists and is not empty", hint: "name another directory: steer init path/to/ledger")
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
