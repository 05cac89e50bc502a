import SteerChecks
import SteerModel
import SteerOutput

extension LanguageServer {
  /// Publishes the diagnostics of every file whose diagnostics changed since last published:
  /// an edit in one file updates the files it affects, and the first call publishes them all.
  func publishDiagnostics() {
    diagnosticsPending = false
    guard let analysis else { return }
    var current: [String: [LSPDiagnostic]] = [:]
    var converted: [String: [Diagnostic: LSPDiagnostic]] = [:]
    for diagnostic in analysis.diagnostics {
      // A finding about a directory (a ledger without vision, an unreadable directory) is
      // shown on the directory itself.
      let file = diagnostic.file.hasSuffix("/") ? String(diagnostic.file.dropLast()) : diagnostic.file
      let shown = self.converted[diagnostic.file]?[diagnostic] ?? lspDiagnostic(diagnostic, analysis)
      converted[diagnostic.file, default: [:]][diagnostic] = shown
      current[file, default: []].append(shown)
    }
    self.converted = converted
    for path in Set(published.keys).union(current.keys).sorted() where published[path] != current[path] {
      let diagnostics = current[path] ?? []
      sendNotification(
        "textDocument/publishDiagnostics",
        PublishDiagnosticsParams(uri: uri(of: path), version: documents[path]?.version, diagnostics: diagnostics))
      published[path] = diagnostics.isEmpty ? nil : diagnostics
    }
  }

  /// A finding as the editor shows it: its range (the key or value it points at), severity,
  /// rule, message and hint, and the other files it involves.
  func lspDiagnostic(_ diagnostic: Diagnostic, _ analysis: Analysis) -> LSPDiagnostic {
    var range = Range(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0))
    if let location = diagnostic.location, let positions = positions(of: diagnostic.file) {
      let end = analysis.report.endColumn(of: diagnostic) ?? location.column + 1
      range = positions.range(of: location, scalars: end - location.column, encoding)
    }
    // The other documents the finding involves, if they exist (a dangling reference's does not).
    let documents = analysis.loaded.ledger.documentPaths
    let related = diagnostic.finding.related.filter { $0 != diagnostic.file && documents.sortedContains($0) }.map { path in
      LSPDiagnostic.RelatedInformation(
        location: Location(uri: uri(of: path), range: Range(start: .init(line: 0, character: 0), end: .init(line: 0, character: 0))),
        message: say.alsoInvolved(path))
    }
    return LSPDiagnostic(
      range: range, severity: diagnostic.severity == .error ? 1 : 2, code: diagnostic.rule,
      message: analysis.report.messageWithHint(diagnostic, separator: "\n"),
      relatedInformation: related.isEmpty ? nil : related)
  }
}

extension Wording {
  func alsoInvolved(_ path: String) -> String {
    self(en: "\(path) is involved too", fr: "\(path) est aussi en cause")
  }
}
