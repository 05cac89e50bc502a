import SteerChecks
import SteerKit
import SteerModel
import SteerWriting

extension LanguageServer {
  // MARK: Rename

  func prepareRename(_ parameters: TextDocumentPositionParams) throws(ResponseError) -> PrepareRenameResult? {
    guard let path = path(ofURI: parameters.textDocument.uri), let found = id(at: parameters.position, in: path)
    else {
      throw ResponseError(code: ResponseError.requestFailed, message: say.renameNothing())
    }
    return PrepareRenameResult(range: found.range, placeholder: found.id)
  }

  /// The same plan as `steer rename`, on the editor's unsaved text: a text edit at every place
  /// the id is written, and the files named after it renamed.
  func rename(_ parameters: RenameParams) throws(ResponseError) -> WorkspaceEdit? {
    guard let path = path(ofURI: parameters.textDocument.uri), let found = id(at: parameters.position, in: path),
      let analysis, let project
    else {
      throw ResponseError(code: ResponseError.requestFailed, message: say.renameNothing())
    }
    let plan: RenamePlan
    do {
      plan = try RenamePlan(
        renaming: found.id, to: parameters.newName, in: analysis.loaded.ledger, isRecorded: project.session.isRecorded,
        contents: bytes(of:))
    } catch {
      throw ResponseError(code: ResponseError.requestFailed, message: error.text(say))
    }
    let capabilities = clientCapabilities?.workspace?.workspaceEdit
    let moves = plan.changes.filter { $0.path != $0.newPath }
    let canRename =
      capabilities?.documentChanges == true && capabilities?.resourceOperations?.contains("rename") == true
    guard moves.isEmpty || canRename else {
      throw ResponseError(
        code: ResponseError.requestFailed, message: say.renameNeedsFiles(found.id, parameters.newName))
    }
    var edits: [String: [TextEdit]] = [:]
    for change in plan.changes where !change.locations.isEmpty {
      let positions = TextPositions(change.before)
      edits[change.path] = change.locations.map { location in
        let range = idRange(found.id, at: location, in: positions)
        let text = positions.text(in: range, encoding)
        let quote = text.first.map { $0 == "\"" || $0 == "'" } == true ? String(text.first!) : ""
        return TextEdit(range: range, newText: quote + parameters.newName + quote)
      }
    }
    guard canRename else {
      return WorkspaceEdit(changes: Dictionary(uniqueKeysWithValues: edits.map { (uri(of: $0.key), $0.value) }))
    }
    // Text first, at the files' present names; then the renames.
    var changes: [DocumentChange] = edits.keys.sorted().map { path in
      .edit(uri: uri(of: path), version: documents[path]?.version, edits: edits[path]!)
    }
    changes += moves.map { .rename(oldUri: uri(of: $0.path), newUri: uri(of: $0.newPath)) }
    return WorkspaceEdit(documentChanges: changes)
  }

  // MARK: Code actions

  /// Quick fixes for the findings in the range that carry a fix.
  func codeActions(_ parameters: CodeActionParams) -> [CodeAction] {
    guard let path = path(ofURI: parameters.textDocument.uri), let analysis, let positions = positions(of: path)
    else { return [] }
    let diagnostics = analysis.diagnostics.filter { $0.file == path }
    let report = report(diagnostics, analysis)
    var actions: [CodeAction] = []
    for diagnostic in diagnostics {
      guard let fix = diagnostic.finding.fix else { continue }
      let shown = lspDiagnostic(diagnostic, report, analysis)
      guard shown.range.overlaps(parameters.range) else { continue }
      let edit: WorkspaceEdit
      let title: String
      switch fix.action {
      case .replace:
        // The key or value the finding points at, or the span the fix gives from there.
        let range =
          fix.span.flatMap { span in diagnostic.location.map { positions.range(of: $0, scalars: span, encoding) } }
          ?? shown.range
        edit = WorkspaceEdit(changes: [uri(of: path): [TextEdit(range: range, newText: fix.text)]])
        title = say.fixReplace(positions.text(in: range, encoding), fix.text)
      case .addField:
        guard let added = addedField(fix.text, in: path, positions) else { continue }
        edit = added
        title = say.fixAddField(fix.text)
      }
      actions.append(CodeAction(title: title, diagnostics: [shown], isPreferred: true, edit: edit))
    }
    return actions
  }

  /// The field added on a line of its own before the front matter's closing `---`, with a value
  /// to replace: a snippet's placeholder, which the editor selects, when the client takes
  /// snippet edits; else a sensible value, so that the fix brings no new finding.
  private func addedField(_ name: String, in path: String, _ positions: TextPositions) -> WorkspaceEdit? {
    guard
      let closing = (1..<positions.lineCount).first(where: {
        let line = positions.line($0).trimmingBlanks
        return line == "---" || line == "..."
      })
    else { return nil }
    let start = Position(line: closing, character: 0)
    let range = Range(start: start, end: start)
    let spec = documentKind(of: path).flatMap { kind in FieldTables.fields(of: kind).first { $0.name == name } }
    let value = spec.map { placeholder(for: $0.type) } ?? ""
    let lineBreak = positions.source.lineBreak
    let capabilities = clientCapabilities?.workspace?.workspaceEdit
    guard capabilities?.snippetEditSupport == true, capabilities?.documentChanges == true else {
      return WorkspaceEdit(changes: [uri(of: path): [TextEdit(range: range, newText: "\(name): \(value)" + lineBreak)]])
    }
    let snippet = SnippetTextEdit(
      range: range, snippet: .init(value: "\(name): ${1:\(Self.snippetEscaped(value))}" + lineBreak))
    return WorkspaceEdit(documentChanges: [
      .snippet(uri: uri(of: path), version: documents[path]?.version, edit: snippet)
    ])
  }

  /// Text inside a snippet's placeholder, where `$`, `}` and `\` have a meaning.
  static func snippetEscaped(_ text: String) -> String {
    var escaped = ""
    for character in text {
      if character == "$" || character == "}" || character == "\\" { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }

  /// The kind of document a file of the ledger is, if it is one.
  func documentKind(of path: String) -> DocumentKind? {
    guard let file = project?.live.ledgerFile(path), case .document(let kind, _) = file.role else { return nil }
    return kind
  }

  /// A value of `type` a writer replaces: valid where it can be (a date is today, a choice its
  /// first word, a reference the first id of its kind), so that inserting it is no new error.
  func placeholder(for type: FieldType) -> String {
    let say = self.say
    switch type {
    case .text: return say(en: "to be written", fr: "à compléter")
    case .date: return CalendarDate.today().description
    case .number(let minimum): return (minimum ?? 0).plainText()
    case .integer(let range): return String(range.lowerBound)
    case .choice(let choices): return choices.words.first ?? ""
    case .identifier(let kind): return Slug.make(kind.noun(say)) + "-1"
    case .reference(let kind), .federatedReference(let kind):
      let ids = analysis?.loaded.ledger.declarations.lazy.filter { $0.kind == kind }.map(\.id)
      return ids?.min() ?? Slug.make(kind.noun(say))
    case .referenceAmong(let kinds):
      let ids = analysis?.loaded.ledger.declarations.lazy.filter { kinds.contains($0.kind) }.map(\.id)
      return ids?.min() ?? Slug.make(kinds[0].noun(say))
    case .tag: return Slug.make(say(en: "tag", fr: "étiquette"))
    case .list(let element, let minimumCount): return minimumCount > 0 ? "[\(placeholder(for: element))]" : "[]"
    case .map, .ruleID, .metricName: return "{}"
    case .object(let specs):
      return "{" + specs.filter(\.isRequired).map { "\($0.name): \(placeholder(for: $0.type))" }.joined(separator: ", ")
        + "}"
    }
  }
}

extension TextPositions {
  /// The text within a range.
  func text(in range: Range, _ encoding: PositionEncoding) -> String {
    let start = offset(of: range.start, encoding)
    let end = max(start, offset(of: range.end, encoding))
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}

extension Wording {
  func renameNothing() -> String {
    self(
      en: "put the cursor on an id to rename it (a reference, or an axis, rollout step or indicator id)",
      fr:
        "placez le curseur sur un identifiant pour le renommer (une référence, ou l'identifiant d'un axe, d'une étape ou d'un indicateur)"
    )
  }

  func renameNeedsFiles(_ old: String, _ new: String) -> String {
    self(
      en: "renaming '\(old)' renames its file, which this editor cannot do: run `steer rename \(old) \(new)`",
      fr:
        "renommer « \(old) » renomme son fichier, ce que cet éditeur ne sait pas faire : lancez `steer rename \(old) \(new)`"
    )
  }

  func fixReplace(_ old: String, _ new: String) -> String {
    self(en: "Replace '\(old)' with '\(new)'", fr: "Remplacer « \(old) » par « \(new) »")
  }

  func fixAddField(_ field: String) -> String {
    self(en: "Add the field '\(field)'", fr: "Ajouter le champ « \(field) »")
  }
}
