import Foundation
import Testing

/// `steer lsp`, spawned and spoken to as an editor does (docs/editors.md).
@Suite struct LanguageServerTests {
  /// A server on the minimal ledger (in French with `french`), initialised.
  func started(french: Bool = false, documentChanges: Bool = true, snippets: Bool = false) throws -> (
    TemporaryDirectory, LanguageServerClient
  ) {
    let directory = try fixtureLedger()
    if french { try directory.write(".steer.yaml", "language: fr\n") }
    let client = try LanguageServerClient(root: directory.path)
    try client.initialize(documentChanges: documentChanges, snippets: snippets)
    return (directory, client)
  }

  @Test func initializeNegotiatesThePositionEncoding() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    for (offered, chosen) in [(["utf-8", "utf-16"], "utf-8"), (["utf-32"], "utf-32"), ([], "utf-16")] {
      let client = try LanguageServerClient(root: directory.path)
      let response = try client.initialize(encodings: offered)
      let capabilities = (response["result"] as! [String: Any])["capabilities"] as! [String: Any]
      #expect(capabilities["positionEncoding"] as? String == chosen)
      #expect(try client.finish() == 0)
    }
  }

  /// A decimal comma in a flow mapping, which YAML splits in two: the quick fix replaces both
  /// halves with the number.
  @Test func aDecimalCommaIsFixedWhole() throws {
    let (directory, client) = try started(french: true)
    defer { directory.remove() }
    let file = "vision/retros/sprint-1.md"
    let text = try directory.read(file).replacingOccurrences(of: "value: 74,", with: "value: 74,5,")
    try client.open(file, text: text)
    let diagnostics = try client.diagnostics(for: file) { !$0.isEmpty }
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first.map(rangeText) == "11:34-11:36")
    let actions =
      try client.request(
        "textDocument/codeAction",
        [
          "textDocument": ["uri": client.uri(file)],
          "range": ["start": ["line": 11, "character": 34], "end": ["line": 11, "character": 34]],
          "context": ["diagnostics": []],
        ])["result"] as! [[String: Any]]
    let fix = try #require(actions.first)
    #expect(fix["title"] as? String == "Remplacer «\u{A0}74,5\u{A0}» par «\u{A0}74.5\u{A0}»")
    let edits = ((fix["edit"] as! [String: Any])["changes"] as! [String: Any])[client.uri(file)] as! [[String: Any]]
    #expect(edits.count == 1 && edits[0]["newText"] as? String == "74.5" && rangeText(edits[0]) == "11:34-11:38")
    #expect(try client.finish() == 0)
  }

  @Test func diagnosticsOfUnsavedTextInTheLedgersLanguage() throws {
    let (directory, client) = try started(french: true)
    defer { directory.remove() }
    let file = "vision/usecases/water-sensors.md"
    // The ledger is valid on disk: nothing published for the file at start.
    try client.open(file)
    let edited = try directory.read(file).replacingOccurrences(of: "title:", with: "titel:")
    try client.change(file, text: edited, version: 2)
    let diagnostics = try client.diagnostics(for: file) { !$0.isEmpty }
    let unknown = try #require(diagnostics.first { ($0["message"] as! String).contains("titel") })
    #expect(unknown["code"] as? String == "schema")
    #expect(unknown["severity"] as? Int == 1)
    #expect(rangeText(unknown) == "1:0-1:5")
    #expect(
      unknown["message"] as? String
        == "champ inconnu «\u{A0}titel\u{A0}» dans un cas d'usage\nConseil\u{202F}: vouliez-vous dire «\u{A0}title\u{A0}»\u{202F}? Les champs sont\u{202F}: title, objectives, phase, owner, users, rollout_step, depends_on, effort"
    )
    // The quick fix writes the suggestion; applied, the finding goes.
    let actions =
      try client.request(
        "textDocument/codeAction",
        [
          "textDocument": ["uri": client.uri(file)],
          "range": ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 0]],
          "context": ["diagnostics": []],
        ])["result"] as! [[String: Any]]
    let fix = try #require(actions.first { ($0["title"] as! String).contains("title") })
    #expect(fix["title"] as? String == "Remplacer «\u{A0}titel\u{A0}» par «\u{A0}title\u{A0}»")
    let edits = ((fix["edit"] as! [String: Any])["changes"] as! [String: Any])[client.uri(file)] as! [[String: Any]]
    #expect(edits.count == 1 && edits[0]["newText"] as? String == "title" && rangeText(edits[0]) == "1:0-1:5")
    try client.change(file, text: try directory.read(file), version: 3)
    try client.diagnostics(for: file) { $0.isEmpty }
    #expect(try client.finish() == 0)
  }

  @Test func anEditLightsUpTheFilesItAffects() throws {
    let (directory, client) = try started()
    defer { directory.remove() }
    // Renaming the rollout step in the vision, unsaved: the use case that names it breaks.
    let vision = "vision/vision.md"
    try client.open(vision)
    try client.change(
      vision, text: try directory.read(vision).replacingOccurrences(of: "id: beaches", with: "id: coast"), version: 2)
    let broken = try client.diagnostics(for: "vision/usecases/water-sensors.md") { !$0.isEmpty }
    #expect(broken.map { $0["code"] as! String } == ["dangling-reference"])
    #expect(
      (broken[0]["message"] as! String).hasPrefix(
        "'rollout_step' names 'beaches', but there is no rollout step with that id\nHint: "))
    // Closing without saving: the disk's text counts again, and the finding goes.
    try client.notify("textDocument/didClose", ["textDocument": ["uri": client.uri(vision)]])
    try client.diagnostics(for: "vision/usecases/water-sensors.md") { $0.isEmpty }
    // A file deleted on disk (reported by the editor's watcher): its references light up.
    try FileManager.default.removeItem(atPath: directory.path + "/vision/stakeholders/residents.md")
    try client.notify(
      "workspace/didChangeWatchedFiles",
      ["changes": [["uri": client.uri("vision/stakeholders/residents.md"), "type": 3]]])
    let dangling = try client.diagnostics(for: "vision/usecases/water-sensors.md") { !$0.isEmpty }
    #expect(dangling.contains { ($0["message"] as! String).contains("'residents'") })
    #expect(try client.finish() == 0)
  }

  /// A measurement series is a file of the ledger like any other: its unsaved text's findings at
  /// their line and column, gone once the text is fixed, and the new file's before it is saved.
  @Test func aSeriesFileInTheEditor() throws {
    let (directory, client) = try started(french: true)
    defer { directory.remove() }
    let file = "vision/measurements/open-days.csv"
    try client.open(file, text: "date,value\n2026-03-31,75\n2026-04-30,\"76,5\"\n2026-05-31,77\n2026-05-31,78\n")
    let diagnostics = try client.diagnostics(for: file) { $0.count == 2 }
    #expect(diagnostics.map { rangeText($0).prefix { $0 != "-" } }.sorted() == ["2:11", "4:0"])
    let comma = try #require(diagnostics.first { rangeText($0) == "2:11-2:17" })
    #expect(comma["code"] as? String == "schema")
    #expect((comma["message"] as! String).contains("«\u{A0}76,5\u{A0}»"))
    try client.change(file, text: "date,value\n2026-03-31,75\n2026-04-30,76.5\n", version: 2)
    try client.diagnostics(for: file) { $0.isEmpty }
    // A column the header may have is offered there.
    try client.change(file, text: "date,value,\n2026-03-31,75\n", version: 3)
    let items = try client.request("textDocument/completion", client.at(file, 0, 11))["result"]
    let labels = ((items as? [String: Any])?["items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
    #expect(labels == ["source", "note"])
    #expect(try client.finish() == 0)
  }

  @Test func overlappingIterationsPointAtEachOther() throws {
    let (directory, client) = try started()
    defer { directory.remove() }
    let second = "vision/iterations/sprint-2.md"
    let text = try directory.read(second)
    let start = try #require(text.firstMatch(of: /start: (\d{4}-\d\d-\d\d)/))
    let first = try directory.read("vision/iterations/sprint-1.md")
    let firstStart = try #require(first.firstMatch(of: /start: (\d{4}-\d\d-\d\d)/))
    try client.open(second)
    try client.change(
      second, text: text.replacingOccurrences(of: String(start.output.1), with: String(firstStart.output.1)), version: 2
    )
    let found =
      try client.publishedDiagnostics(for: second) + client.publishedDiagnostics(for: "vision/iterations/sprint-1.md")
    let overlap = try #require(found.first { $0["code"] as? String == "iteration-overlap" })
    let related = try #require(overlap["relatedInformation"] as? [[String: Any]])
    #expect(related.count == 1)
    #expect(try client.finish() == 0)
  }

  @Test func completionOffersFieldsValuesAndIDsOfTheRightKind() throws {
    let (directory, client) = try started(french: true)
    defer { directory.remove() }
    let file = "vision/usecases/water-sensors.md"
    let text = try directory.read(file)
    try client.open(file, text: text.replacingOccurrences(of: "owner: mayor", with: "owner: ma\nph"))
    func labels(_ line: Int, _ character: Int) throws -> [String] {
      let result = try client.request("textDocument/completion", client.at(file, line, character))["result"]
      return ((result as? [String: Any])?["items"] as? [[String: Any]] ?? []).map { $0["label"] as! String }
    }
    // owner: stakeholders only, with their names as detail.
    let owner = try client.request("textDocument/completion", client.at(file, 4, 9))["result"] as! [String: Any]
    let items = owner["items"] as! [[String: Any]]
    #expect(items.map { $0["label"] as! String } == ["mayor"])
    #expect(items[0]["detail"] as? String == "The mayor")
    // A key: the use case's fields, documented in French.
    let keys = try client.request("textDocument/completion", client.at(file, 5, 2))["result"] as! [String: Any]
    let phase = try #require((keys["items"] as! [[String: Any]]).first { $0["label"] as? String == "phase" })
    #expect((phase["detail"] as! String).hasPrefix("l'une des valeurs"))
    // Values of a choice, of a flow list of references.
    #expect(try labels(3, 7).contains("deployed"))
    #expect(try labels(2, 13) == ["clean-water"])
    #expect(try labels(6, 8) == ["mayor", "residents"])
    #expect(try client.finish() == 0)
  }

  /// The missing field comes with a value to replace: a placeholder the editor selects when
  /// it takes snippets, else a sensible value, so that the fix brings no new finding.
  @Test(arguments: [false, true])
  func theAddedFieldComesWithAValue(snippets: Bool) throws {
    let (directory, client) = try started(french: true, snippets: snippets)
    defer { directory.remove() }
    let file = "vision/usecases/water-sensors.md"
    let text = try directory.read(file).replacingOccurrences(of: "title: Water quality sensors\n", with: "")
    try client.open(file, text: text)
    try client.diagnostics(for: file) { !$0.isEmpty }
    let actions =
      try client.request(
        "textDocument/codeAction",
        [
          "textDocument": ["uri": client.uri(file)],
          "range": ["start": ["line": 0, "character": 0], "end": ["line": 0, "character": 0]],
          "context": ["diagnostics": []],
        ])["result"] as! [[String: Any]]
    let fix = try #require(actions.first { ($0["title"] as! String).contains("title") })
    let edit = fix["edit"] as! [String: Any]
    if snippets {
      let changes = edit["documentChanges"] as! [[String: Any]]
      let edits = changes[0]["edits"] as! [[String: Any]]
      let snippet = edits[0]["snippet"] as! [String: Any]
      #expect(snippet["kind"] as? String == "snippet")
      #expect(snippet["value"] as? String == "title: ${1:à compléter}\n")
    } else {
      let edits = (edit["changes"] as! [String: Any])[client.uri(file)] as! [[String: Any]]
      #expect(edits[0]["newText"] as? String == "title: à compléter\n")
      // Applied, the finding goes and none comes.
      let closing = text.range(of: "\n---\n", options: .backwards)!.lowerBound
      try client.change(file, text: text[...closing] + "title: à compléter" + text[closing...], version: 2)
      try client.diagnostics(for: file) { $0.isEmpty }
    }
    #expect(try client.finish() == 0)
  }

  /// An allowed word is offered with what Steer says for it in French; a key, with a value to
  /// replace when the editor takes snippets.
  @Test func completionSaysTheWordsInFrench() throws {
    let (directory, client) = try started(french: true, snippets: true)
    defer { directory.remove() }
    let file = "vision/usecases/water-sensors.md"
    try client.open(
      file, text: try directory.read(file).replacingOccurrences(of: "owner: mayor", with: "owner: mayor\nph"))
    let values = try client.request("textDocument/completion", client.at(file, 3, 7))["result"] as! [String: Any]
    let deployed = try #require((values["items"] as! [[String: Any]]).first { $0["label"] as? String == "deployed" })
    #expect(deployed["detail"] as? String == "déployé")
    let keys = try client.request("textDocument/completion", client.at(file, 5, 2))["result"] as! [String: Any]
    let phase = try #require((keys["items"] as! [[String: Any]]).first { $0["label"] as? String == "phase" })
    #expect((phase["textEdit"] as? [String: Any])?["newText"] as? String == "phase: ${1:analysis}")
    #expect(phase["insertTextFormat"] as? Int == 2)
    #expect(try client.finish() == 0)
  }

  @Test func completionInTheConfiguration() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(".steer.yaml", "rules:\n  cov\ngates:\n  \n")
    let client = try LanguageServerClient(root: directory.path)
    try client.initialize()
    try client.open(".steer.yaml")
    func labels(_ line: Int, _ character: Int) throws -> [String] {
      let result = try client.request("textDocument/completion", client.at(".steer.yaml", line, character))["result"]
      return ((result as? [String: Any])?["items"] as? [[String: Any]] ?? []).map { $0["label"] as! String }
    }
    #expect(try labels(1, 5).contains("co-construction"))
    #expect(!(try labels(1, 5)).contains("schema"))  // reading rules cannot be re-graded
    #expect(try labels(3, 2).contains("coverage"))
    #expect(try labels(0, 0).contains("required_endorsements"))
    #expect(try client.finish() == 0)
  }

  @Test func hoverDefinitionReferencesAndSymbols() throws {
    let (directory, client) = try started(french: true)
    defer { directory.remove() }
    let file = "vision/usecases/water-sensors.md"
    try client.open(file)
    let hover = try client.request("textDocument/hover", client.at(file, 2, 14))["result"] as! [String: Any]
    let text = (hover["contents"] as! [String: Any])["value"] as! String
    #expect(text.contains("objectif `clean-water`"))
    #expect(text.contains("avancement 40\u{202F}% sur 1\u{A0}cas d'usage"))
    #expect(rangeText(hover) == "2:13-2:24")
    // An indicator's figures with their unit, in French numbers and typography.
    try client.open("vision/retros/sprint-1.md")
    let indicator = try client.request("textDocument/hover", client.at("vision/retros/sprint-1.md", 11, 20))
    let figures = ((indicator["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
    #expect(figures?.contains("de 70\u{202F}% à 90\u{202F}% d'ici le 30 septembre 2028") == true, "\(figures ?? "")")
    let field = try client.request("textDocument/hover", client.at(file, 3, 2))["result"] as! [String: Any]
    #expect(((field["contents"] as! [String: Any])["value"] as! String).hasPrefix("**`phase`**"))
    let definition = try client.request("textDocument/definition", client.at(file, 4, 8))["result"] as! [String: Any]
    #expect(definition["uri"] as? String == client.uri("vision/stakeholders/mayor.md"))
    let references =
      try client.request(
        "textDocument/references", client.at(file, 2, 14).merging(["context": ["includeDeclaration": true]]) { $1 }
      )["result"] as! [[String: Any]]
    #expect(Set(references.map { $0["uri"] as! String }).contains(client.uri("vision/stakeholders/mayor.md")))
    #expect(references.count >= 3)
    let symbols = try client.request("workspace/symbol", ["query": "mayor"])["result"] as! [[String: Any]]
    #expect(symbols.map { $0["name"] as! String } == ["The mayor (mayor)"])
    let outline =
      try client.request("textDocument/documentSymbol", ["textDocument": ["uri": client.uri("vision/vision.md")]])[
        "result"] as! [[String: Any]]
    #expect(Set(outline.map { $0["detail"] as! String }) == ["data", "beaches"])
    // Hover on an id nothing declares says so, in French that agrees with the kind.
    try client.change(
      file, text: try directory.read(file).replacingOccurrences(of: "owner: mayor", with: "owner: nobody"), version: 2)
    let unknown = try client.request("textDocument/hover", client.at(file, 4, 9))["result"] as! [String: Any]
    #expect(
      (unknown["contents"] as! [String: Any])["value"] as? String == "Aucune partie prenante `nobody` dans le registre."
    )
    #expect(try client.finish() == 0)
  }

  @Test func renameIsSteerRenameOnTheUnsavedText() throws {
    let (directory, client) = try started()
    defer { directory.remove() }
    let file = "vision/usecases/water-sensors.md"
    try client.open(file)
    let prepared = try client.request("textDocument/prepareRename", client.at(file, 5, 9))["result"] as! [String: Any]
    #expect(prepared["placeholder"] as? String == "residents")
    let edit =
      try client.request(
        "textDocument/rename", client.at(file, 5, 9).merging(["newName": "council"]) { $1 })["result"] as! [String: Any]
    let changes = edit["documentChanges"] as! [[String: Any]]
    let renames = changes.filter { $0["kind"] as? String == "rename" }
    #expect(renames.count == 1)
    #expect(renames[0]["newUri"] as? String == client.uri("vision/stakeholders/council.md"))
    let edited = changes.compactMap { ($0["textDocument"] as? [String: Any])?["uri"] as? String }
    #expect(edited.contains(client.uri(file)) && edited.contains(client.uri("vision/workshops/kickoff.md")))
    let own = try #require(
      changes.first { ($0["textDocument"] as? [String: Any])?["uri"] as? String == client.uri(file) })
    #expect((own["textDocument"] as! [String: Any])["version"] as? Int == 1)
    // An id already taken is refused with steer rename's words.
    let taken = try client.request("textDocument/rename", client.at(file, 5, 9).merging(["newName": "mayor"]) { $1 })
    #expect(((taken["error"] as! [String: Any])["message"] as! String).contains("already used"))
    #expect(try client.finish() == 0)
  }

  @Test func renameWithoutFileOperationsSaysToRunSteerRename() throws {
    let (directory, client) = try started(documentChanges: false)
    defer { directory.remove() }
    let file = "vision/usecases/water-sensors.md"
    try client.open(file)
    let refused = try client.request(
      "textDocument/rename", client.at(file, 5, 9).merging(["newName": "council"]) { $1 })
    #expect(((refused["error"] as! [String: Any])["message"] as! String).contains("steer rename residents council"))
    // An id declared inside a document renames with text edits alone.
    let vision = "vision/vision.md"
    try client.open(vision)
    let edit =
      try client.request("textDocument/rename", client.at(vision, 9, 9).merging(["newName": "coast"]) { $1 })["result"]
      as! [String: Any]
    let changes = edit["changes"] as! [String: [[String: Any]]]
    #expect(Set(changes.keys) == [client.uri(vision), client.uri(file)])
    #expect(try client.finish() == 0)
  }

  /// The column of `bogus` after accents and an emoji, in each encoding's units.
  @Test(arguments: ["utf-8", "utf-16", "utf-32"])
  func positionsCountTheNegotiatedUnits(encoding: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let client = try LanguageServerClient(root: directory.path)
    try client.initialize(encodings: [encoding])
    let file = "vision/usecases/water-sensors.md"
    let line = "users: [\"Élu 🌊\", bogus]"
    try client.open(file, text: try directory.read(file).replacingOccurrences(of: "users: [residents]", with: line))
    let diagnostics = try client.diagnostics(for: file) {
      $0.contains { $0["code"] as? String == "dangling-reference" }
    }
    let dangling = try #require(diagnostics.first { $0["code"] as? String == "dangling-reference" })
    let prefix = String(line[..<line.range(of: "bogus")!.lowerBound])
    let units =
      switch encoding {
      case "utf-8": prefix.utf8.count
      case "utf-16": prefix.utf16.count
      default: prefix.unicodeScalars.count
      }
    #expect(rangeText(dangling) == "5:\(units)-5:\(units + 5)")
    // Incremental changes are placed in the same units: `bogus` replaced by `mayor`.
    try client.notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": client.uri(file), "version": 2],
        "contentChanges": [
          [
            "range": ["start": ["line": 5, "character": units], "end": ["line": 5, "character": units + 5]],
            "text": "mayor",
          ]
        ],
      ])
    try client.diagnostics(for: file) { !$0.contains { $0["code"] as? String == "dangling-reference" } }
    #expect(try client.finish() == 0)
  }

  @Test func badInputNeverStopsTheServer() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let client = try LanguageServerClient(root: directory.path)
    // Before `initialize`: refused.
    let early = try client.request("textDocument/hover", client.at("vision/vision.md", 0, 0))
    #expect((early["error"] as! [String: Any])["code"] as? Int == -32002)
    try client.initialize()
    // Not JSON: a parse error, with a null id.
    client.sendRaw(Data("{not json".utf8))
    let parseError = try client.read()
    #expect((parseError["error"] as! [String: Any])["code"] as? Int == -32700)
    #expect(parseError["id"] is NSNull)
    // An unknown method; parameters of the wrong shape.
    #expect((try client.request("steer/unknown")["error"] as! [String: Any])["code"] as? Int == -32601)
    #expect(
      (try client.request("textDocument/hover", ["textDocument": 3])["error"] as! [String: Any])["code"] as? Int
        == -32602)
    // Positions out of range, a file outside the ledger, one outside the folder.
    #expect(try client.request("textDocument/hover", client.at("vision/vision.md", 9999, 9999))["result"] is NSNull)
    try directory.write("notes.md", "# Notes\n")
    try client.open("notes.md")
    #expect(try client.request("textDocument/completion", client.at("notes.md", 0, 1))["result"] is NSNull)
    let outside = ["textDocument": ["uri": "file:///etc/hostname"], "position": ["line": 0, "character": 0]]
    #expect(try client.request("textDocument/definition", outside)["result"] is NSNull)
    let elsewhere = ["textDocument": ["uri": "untitled:Untitled-1"], "position": ["line": 0, "character": 0]]
    #expect(try client.request("textDocument/hover", elsewhere)["result"] is NSNull)
    // A change to a document never opened is ignored; the server still answers.
    try client.change("vision/objectives/clean-water.md", text: "---\n", version: 9)
    #expect(try client.request("workspace/symbol", ["query": "mayor"])["result"] is [Any])
    // After shutdown, requests are refused; exit then ends with status 0.
    try client.request("shutdown")
    #expect(
      (try client.request("workspace/symbol", ["query": ""])["error"] as! [String: Any])["code"] as? Int == -32600)
    try client.notify("exit", NSNull())
    client.process.waitUntilExit()
    #expect(client.process.terminationStatus == 0)
  }

  /// A frame that cannot be read costs one parse error; the server finds the next header and
  /// answers what follows, `shutdown` and `exit` included.
  @Test(arguments: ["Content-Length in characters", "no Content-Length"])
  func aBadFrameIsSkippedToTheNextHeader(fault: String) throws {
    let (directory, client) = try started()
    defer { directory.remove() }
    let body =
      #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///n.md","#
      + #""languageId":"markdown","version":1,"text":"Été à Nîmes, côté mer\n"}}}"#
    let header =
      fault == "no Content-Length"
      ? "Content-Type: application/vscode-jsonrpc; charset=utf-8" : "Content-Length: \(body.count)"
    client.write(Data("\(header)\r\n\r\n\(body)".utf8))
    let hover = try client.request("textDocument/hover", client.at("vision/usecases/water-sensors.md", 2, 14))
    #expect(hover["result"] is [String: Any])
    let parseErrors = client.received.filter { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 }
    #expect(parseErrors.count == 1)
    #expect(parseErrors.first?["id"] is NSNull)
    #expect(try client.finish() == 0)
  }

  /// A position outside LSP's `uinteger` (0…2³¹−1) is invalid params for every feature, not a crash.
  @Test(arguments: [
    "textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references",
    "textDocument/prepareRename", "textDocument/rename", "textDocument/codeAction",
  ])
  func anExtremePositionIsInvalidParams(method: String) throws {
    let (directory, client) = try started()
    defer { directory.remove() }
    let file = "vision/usecases/water-sensors.md"
    try client.open(file)
    func request(_ line: Int, _ character: Int) throws -> [String: Any] {
      var params = client.at(file, line, character)
      params["newName"] = "council"
      params["context"] = ["includeDeclaration": true, "diagnostics": [Any]()]
      if method == "textDocument/codeAction" {
        let position = params.removeValue(forKey: "position")!
        params["range"] = ["start": position, "end": position]
      }
      return try client.request(method, params)
    }
    for (line, character) in [(Int.max, 0), (0, Int.max), (Int.min, 0), (-1, 0), (0, -1), (1 << 31, 0)] {
      let error = try request(line, character)["error"] as? [String: Any]
      #expect(error?["code"] as? Int == -32602, "\(line):\(character)")
    }
    // The largest position allowed is read: beyond the text, it finds nothing.
    let largest = try request(Int(Int32.max), Int(Int32.max))["error"] as? [String: Any]
    #expect(largest?["code"] as? Int != -32602)
    #expect(try client.finish() == 0)
  }

  @Test func exitWithoutShutdownAndTheEndOfInput() throws {
    let (directory, client) = try started()
    defer { directory.remove() }
    try client.notify("exit", NSNull())
    client.process.waitUntilExit()
    #expect(client.process.terminationStatus == 1)
  }

  @Test func aFolderWithoutALedgerSaysSo() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try directory.write(".steer.yaml", "language: fr\n")
    let client = try LanguageServerClient(root: directory.path)
    try client.initialize()
    #expect(try client.request("workspace/symbol", ["query": ""])["result"] as? [Any] == nil || true)
    let message = try #require(client.received.first { $0["method"] as? String == "window/showMessage" })
    #expect(
      ((message["params"] as! [String: Any])["message"] as! String).contains("il n'y a pas de répertoire de registre"))
    #expect(try client.finish() == 0)
  }
}
