import Foundation
import SteerFiles
import SteerLoading
import SteerModel

/// What `steer rename` changes: each file's new text, and the files that move.
public struct RenamePlan: Sendable {
  public struct Change: Sendable {
    /// Where the file stands now, and where it will stand (the same unless its name is the id).
    public var path: String
    public var newPath: String
    public var before: [UInt8]
    public var after: [UInt8]
    /// Where the old id is written in `before`.
    public var locations: [SourceLocation]
  }

  public var old: String
  public var new: String
  public var kind: EntityKind
  /// Sorted by path.
  public var changes: [Change]

  /// The changes as a unified diff (`diff -U0`, paths from the root), renames included.
  public var unifiedDiff: String {
    var out = ""
    for change in changes {
      out += "--- a/\(change.path)\n+++ b/\(change.newPath)\n"
      let before = SourceText(change.before)
      let after = SourceText(change.after)
      // Steer only replaces ids inside lines: the files keep their line count.
      for number in 1...before.lineCount {
        guard let old = before.line(number), let new = after.line(number), old != new else { continue }
        out += "@@ -\(number) +\(number) @@\n-\(old)\n+\(new)\n"
      }
    }
    return out
  }
}

extension RenamePlan {
  /// The plan of renaming `old` to `new` in `ledger`, with the text of each file from
  /// `contents` (a path from the root: on disk for `steer rename`, an editor's unsaved text
  /// for `steer lsp`). The checks of `Session.rename` are made here, for both.
  public init(
    renaming old: String, to new: String, in ledger: Ledger, force: Bool = false, isRecorded: (String) -> Bool,
    contents: (String) -> [UInt8]?
  ) throws(SteerError) {
    let declarations = ledger.declarations.filter { $0.id == old }
    guard let declaration = declarations.first else {
      let close = Suggestion.closest(to: old, among: ledger.declarations.map(\.id))
      throw SteerError(
        en: "there is no id '\(old)' in the ledger", fr: "il n'y a pas d'identifiant « \(old) » dans le registre",
        hint: close.map { (en: "did you mean '\($0)'?", fr: "vouliez-vous dire « \($0) » ?") })
    }
    guard declarations.count == 1 else {
      throw SteerError(
        en: "the id '\(old)' is declared \(declarations.count) times: fix the duplicate-id finding first",
        fr:
          "l'identifiant « \(old) » est déclaré \(declarations.count) fois : corrigez d'abord le doublon (duplicate-id)"
      )
    }
    try Identifier.ensureValid(
      new,
      hint: (
        en: "ids use lowercase letters a-z, digits and '-', at most 64 characters",
        fr: "un identifiant s'écrit en minuscules a-z, chiffres et « - », au plus 64 caractères"
      ))
    try ledger.ensureFree(new)
    let kind = declaration.kind
    if kind == .iteration, !force, isRecorded(old) {
      throw SteerError(
        en:
          "iteration '\(old)' was recorded (tag \(IterationTag.prefix)\(old)): its commits and tag keep the old id",
        fr:
          "l'itération « \(old) » a été consignée (étiquette \(IterationTag.prefix)\(old)) : ses commits et son étiquette gardent l'ancien identifiant",
        hint: (
          en: "pass --force to rename it anyway; history will then see two iterations",
          fr: "indiquez --force pour la renommer quand même ; l'historique verra alors deux itérations"
        ))
    }

    // Every place the id is written: its declaration (unless the file name is the id) and the
    // references of its kind, by file.
    var places: [String: [SourceLocation]] = [:]
    if kind.directoryKind == nil { places[declaration.file, default: []].append(declaration.location) }
    for reference in ledger.references where reference.id == old && reference.kinds.contains(kind) {
      guard reference.field != Reference.fileNameField else { continue }
      places[reference.file, default: []].append(reference.location)
    }
    // Files named after the id: the document itself, and for an iteration its retrospective.
    var moves: [String: String] = [:]
    if let directoryKind = kind.directoryKind {
      moves[declaration.file] = RenamePlan.renamed(declaration.file, to: new)
      if directoryKind == .iteration, let retro = ledger.retros.first(where: { $0.iteration == old }) {
        moves[retro.file] = RenamePlan.renamed(retro.file, to: new)
      }
    }

    var changes: [RenamePlan.Change] = []
    for path in Set(places.keys).union(moves.keys).sorted() {
      guard let before = contents(path) else {
        throw SteerError(en: "cannot read \(path)", fr: "impossible de lire \(path)")
      }
      let locations = places[path] ?? []
      let after = try RenamePlan.replacing(old, with: new, at: locations, in: before, path: path)
      changes.append(
        RenamePlan.Change(path: path, newPath: moves[path] ?? path, before: before, after: after, locations: locations))
    }
    self.init(old: old, new: new, kind: kind, changes: changes)
  }
}

extension RenamePlan {
  /// `dir/old.md` → `dir/new.md`.
  static func renamed(_ path: String, to id: String) -> String {
    let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    return (directory.isEmpty ? "" : directory + "/") + id + ".md"
  }

  /// The text with `old` replaced by `new` at each location (a plain or quoted scalar, a
  /// flow-list item, a mapping key), and nowhere else.
  public static func replacing(
    _ old: String, with new: String, at locations: [SourceLocation], in bytes: [UInt8], path: String
  )
    throws(SteerError) -> [UInt8]
  {
    let source = SourceText(bytes)
    let oldBytes = Array(old.utf8)
    var edits: [(range: Range<Int>, text: String)] = []
    for location in Set(locations) {
      guard var start = source.offset(of: location) else { continue }
      if start < bytes.count, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") { start += 1 }
      guard bytes[start...].starts(with: oldBytes) else {
        throw SteerError(
          en:
            "\(path):\(location.line):\(location.column) does not hold '\(old)' where the ledger says: nothing was written",
          fr:
            "\(path):\(location.line):\(location.column) ne contient pas « \(old) » là où le registre l'indique : rien n'a été écrit"
        )
      }
      edits.append((start..<(start + oldBytes.count), new))
    }
    guard let renamed = source.replacing(edits) else {
      throw SteerError(
        en: "\(path) names '\(old)' twice at one place: nothing was written",
        fr: "\(path) nomme « \(old) » deux fois au même endroit : rien n'a été écrit")
    }
    return renamed
  }

  /// Writes every changed file beside itself first (with its mode), then moves them into
  /// place: a file that cannot be written stops the rename before any file has changed.
  public func write(root: String) throws {
    var staged: [(file: FileOutput.StagedFile, change: RenamePlan.Change)] = []
    for change in changes {
      let target = root + change.newPath
      if change.newPath != change.path, FileManager.default.fileExists(atPath: target) {
        throw SteerError(
          en: "\(change.newPath) already exists: nothing was written",
          fr: "\(change.newPath) existe déjà : rien n'a été écrit")
      }
      do {
        // A moved file keeps the mode of the file it was.
        let file = try FileOutput.StagedFile(for: root + change.path) { try $0(change.after) }
        staged.append((file, change))
      } catch {
        throw SteerError(
          en: "cannot write \(change.newPath): nothing was written",
          fr: "impossible d'écrire \(change.newPath) : rien n'a été écrit")
      }
    }
    for (file, change) in staged {
      do { try file.commit(to: root + change.newPath) } catch { throw SteerError.file(change.newPath, error) }
      if change.newPath != change.path { try? FileManager.default.removeItem(atPath: root + change.path) }
    }
  }
}
