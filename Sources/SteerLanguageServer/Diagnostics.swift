import SteerChecks
import SteerModel
import SteerOutput

extension LanguageServer {
  /// Publishes the diagnostics of every file whose diagnostics changed since last published:
  /// an edit in one file updates the files it affects, and the first call publishes them all.
  /// What was published is changed in place, file by file: an edit costs no new table of
  /// every file's diagnostics.
  func publishDiagnostics() {
    diagnosticsPending = false
    guard let analysis else { return }
    var changed: [String] = []
    var files: [String] = []
    // The diagnostics come sorted by file: each file's are one slice.
    var start = 0
    let all = analysis.diagnostics
    while start < all.count {
      var end = start + 1
      while end < all.count && all[end].file == all[start].file { end += 1 }
      let slice = Array(all[start..<end])
      files.append(slice[0].file)
      let file = Self.shownPath(slice[0].file)
      start = end
      if let earlier = published[file], earlier.diagnostics == slice, !staleFiles.contains(file) { continue }
      let report = self.report(slice, analysis)
      let shown = slice.map { lspDiagnostic($0, report, analysis) }
      if published[file]?.shown != shown { changed.append(file) }
      published[file] = Published(diagnostics: slice, shown: shown)
    }
    // The files that had diagnostics and have none now: both lists are in the diagnostics' order.
    var next = 0
    for file in publishedFiles {
      while next < files.count && files[next] < file { next += 1 }
      guard next == files.count || files[next] != file else { continue }
      let path = Self.shownPath(file)
      if published.removeValue(forKey: path)?.shown.isEmpty == false { changed.append(path) }
    }
    publishedFiles = files
    staleFiles.removeAll()
    for path in changed.sorted() {
      sendNotification(
        "textDocument/publishDiagnostics",
        PublishDiagnosticsParams(
          uri: uri(of: path), version: documents[path]?.version, diagnostics: published[path]?.shown ?? []))
    }
  }

  /// Where a finding is shown: on the directory itself for a finding about a directory (a
  /// ledger without vision, an unreadable directory).
  static func shownPath(_ file: String) -> String {
    file.hasSuffix("/") ? String(file.dropLast()) : file
  }

  /// What places one file's diagnostics in their lines.
  func report(_ diagnostics: [Diagnostic], _ analysis: Analysis) -> Report {
    let file = diagnostics.first?.file ?? ""
    return Report(
      diagnostics: diagnostics, documentPaths: [], sources: [file: bytes(of: file) ?? []],
      language: project?.configuration.language ?? .en)
  }

  /// A finding as the editor shows it: its range (the key or value it points at), severity,
  /// rule, message and hint, and the other files it involves.
  func lspDiagnostic(_ diagnostic: Diagnostic, _ report: Report, _ analysis: Analysis) -> LSPDiagnostic {
    var range = Range(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0))
    if let location = diagnostic.location, let positions = positions(of: diagnostic.file) {
      let end = report.endColumn(of: diagnostic) ?? location.column + 1
      range = positions.range(of: location, scalars: end - location.column, encoding)
    }
    // The other documents the finding involves, if they exist (a dangling reference's does not).
    let documents = analysis.loaded.ledger.documentPaths
    let related = diagnostic.finding.related.filter { $0 != diagnostic.file && documents.sortedContains($0) }.map {
      path in
      LSPDiagnostic.RelatedInformation(
        location: Location(
          uri: uri(of: path), range: Range(start: .init(line: 0, character: 0), end: .init(line: 0, character: 0))),
        message: say.alsoInvolved(path))
    }
    return LSPDiagnostic(
      range: range, severity: diagnostic.severity == .error ? 1 : 2, code: diagnostic.rule,
      message: report.messageWithHint(diagnostic, separator: "\n"),
      relatedInformation: related.isEmpty ? nil : related)
  }
}

/// A file's diagnostics as last published, and the findings they were made from.
struct Published {
  var diagnostics: [Diagnostic]
  var shown: [LSPDiagnostic]
}

extension Wording {
  func alsoInvolved(_ path: String) -> String {
    self(en: "\(path) is involved too", fr: "\(path) est aussi en cause")
  }
}
