import Foundation
import SteerChecks
import SteerKit
import SteerLoading
import SteerModel

/// `steer lsp`: a Language Server Protocol 3.17 server over standard input and output. It
/// keeps the ledger in memory (`LiveLedger`), reads an edited document again alone, and runs
/// `steer check`'s rules on the editor's unsaved text. One thread reads messages; the loop
/// handles them one at a time on the calling thread, so the server's state needs no lock.
public final class LanguageServer {
  enum State { case waiting, running, shutDown }

  let options: SessionOptions
  let stream: MessageStream
  let queue = MessageQueue()
  var state = State.waiting
  var encoding = PositionEncoding.utf16
  var clientCapabilities: InitializeParams.ClientCapabilities?
  /// The ledger the server works on; nil when the editor's folder holds none.
  var project: Project?
  /// The documents the editor holds open, by path from the repository root.
  var documents: [String: OpenDocument] = [:]
  /// The URI the editor names each file by (as it wrote it), by path from the root.
  var uris: [String: String] = [:]
  /// What was last published, by path from the root.
  var published: [String: Published] = [:]
  /// The files of the diagnostics last published, as the diagnostics name them, in their order.
  var publishedFiles: [String] = []
  /// The files whose text changed since: their diagnostics are made again even if their
  /// findings are the same (a range may have moved within a line).
  var staleFiles: Set<String> = []
  /// The check of the ledger as it stands, made when first needed after a change.
  var currentAnalysis: Analysis?
  /// Each file's positions, made when first needed after it changed.
  var positionsCache: [String: TextPositions] = [:]
  var diagnosticsPending = false

  public init(options: SessionOptions, input: Int32 = 0, output: Int32 = 1) {
    self.options = options
    stream = MessageStream(input: input, output: output)
  }

  /// Serves until `exit` or the end of input; returns the exit status (LSP: 0 after `shutdown`, else 1).
  public func run() -> Int32 {
    let (stream, queue) = (stream, queue)
    let reader = Thread {
      stream.readMessages { incoming in
        if case .message(let message) = incoming, message.method == "$/cancelRequest", message.id == nil {
          if let parameters = try? message.parameters(CancelParams.self) { queue.cancel(parameters.id) }
          return
        }
        queue.push(incoming)
      }
    }
    reader.start()
    while true {
      switch queue.pop() {
      case .end:
        return state == .shutDown ? 0 : 1
      case .unparsable:
        sendError(nil, ResponseError(code: ResponseError.parseError, message: "the message is not JSON-RPC"))
      case .message(let message):
        if let status = handle(message) { return status }
      case .membersRead:
        // The gates count the members read: every file's diagnostics may change.
        if project?.adoptMembers() == true {
          staleFiles.formUnion(published.keys)
          invalidate()
        }
      }
      // Diagnostics wait until the editor has sent every change it had queued.
      if diagnosticsPending && queue.isEmpty { publishDiagnostics() }
    }
  }

  /// Handles one message; returns an exit status on `exit`.
  func handle(_ message: IncomingMessage) -> Int32? {
    guard let method = message.method else {
      // A response to one of the server's requests (`client/registerCapability`): nothing to do.
      if message.id == nil {
        sendError(nil, ResponseError(code: ResponseError.invalidRequest, message: "a message needs a method or an id"))
      }
      return nil
    }
    if method == "exit" { return state == .shutDown ? 0 : 1 }
    guard let id = message.id else {
      if state == .running { notify(method, message) }
      return nil
    }
    // A request sees the diagnostics of the changes before it published first: an editor
    // reads them in the order it made the changes and asked.
    if diagnosticsPending && state == .running { publishDiagnostics() }
    if queue.takeCancellation(of: id) {
      return sendError(id, ResponseError(code: ResponseError.requestCancelled, message: "cancelled"))
    }
    switch state {
    case .waiting where method != "initialize":
      sendError(id, ResponseError(code: ResponseError.serverNotInitialized, message: "initialize first"))
    case .shutDown:
      sendError(id, ResponseError(code: ResponseError.invalidRequest, message: "the server was shut down"))
    case .running where method == "initialize":
      sendError(id, ResponseError(code: ResponseError.invalidRequest, message: "already initialized"))
    default:
      do throws(ResponseError) {
        try respond(id, method, message)
      } catch {
        sendError(id, error)
      }
    }
    return nil
  }

  private func respond(_ id: RequestID, _ method: String, _ message: IncomingMessage) throws(ResponseError) {
    switch method {
    case "initialize": send(id, initialize(try message.parameters(InitializeParams.self)))
    case "shutdown":
      state = .shutDown
      send(id, Optional<Int>.none)
    case "textDocument/completion":
      send(id, completion(try message.parameters(TextDocumentPositionParams.self)))
    case "textDocument/hover": send(id, hover(try message.parameters(TextDocumentPositionParams.self)))
    case "textDocument/definition": send(id, definition(try message.parameters(TextDocumentPositionParams.self)))
    case "textDocument/references": send(id, references(try message.parameters(ReferenceParams.self)))
    case "textDocument/documentSymbol": send(id, documentSymbols(try message.parameters(DocumentSymbolParams.self)))
    case "workspace/symbol": send(id, workspaceSymbols(try message.parameters(WorkspaceSymbolParams.self)))
    case "textDocument/prepareRename":
      send(id, try prepareRename(try message.parameters(TextDocumentPositionParams.self)))
    case "textDocument/rename": send(id, try rename(try message.parameters(RenameParams.self)))
    case "textDocument/codeAction": send(id, codeActions(try message.parameters(CodeActionParams.self)))
    default:
      throw ResponseError(code: ResponseError.methodNotFound, message: "unknown method '\(method)'")
    }
  }

  private func notify(_ method: String, _ message: IncomingMessage) {
    do throws(ResponseError) {
      switch method {
      case "initialized": registerFileWatchers()
      case "textDocument/didOpen": didOpen(try message.parameters(DidOpenTextDocumentParams.self))
      case "textDocument/didChange": didChange(try message.parameters(DidChangeTextDocumentParams.self))
      case "textDocument/didClose": didClose(try message.parameters(DidCloseTextDocumentParams.self))
      case "workspace/didChangeWatchedFiles":
        didChangeWatchedFiles(try message.parameters(DidChangeWatchedFilesParams.self))
      default: break  // unknown notifications are ignored (`$/` ones included), as LSP says
      }
    } catch {
      log("\(method): \(error.message)")
    }
  }

  // MARK: Initialisation

  private func initialize(_ parameters: InitializeParams) -> InitializeResult {
    clientCapabilities = parameters.capabilities
    encoding = PositionEncoding.negotiated(parameters.capabilities?.general?.positionEncodings)
    let folder =
      parameters.workspaceFolders?.first?.uri ?? parameters.rootUri
      ?? parameters.rootPath.map { URL(fileURLWithPath: $0).absoluteString }
    var sessionOptions = options
    if let folder, let path = Self.path(ofURI: folder) { sessionOptions.currentDirectory = path }
    do {
      project = try Project(sessionOptions)
      project?.onMembersRead = { [queue] in queue.push(.membersRead) }
    } catch {
      // In the configuration's language when the configuration could be read.
      let language = Session.language(sessionOptions)
      showMessage(error.text(Wording(language)))
    }
    state = .running
    diagnosticsPending = project != nil
    return InitializeResult(
      capabilities: .init(positionEncoding: encoding.rawValue),
      serverInfo: .init(name: "steer", version: SteerVersion.current))
  }

  /// Asks the editor to report changes on disk to the ledger and the configuration, when it can.
  private func registerFileWatchers() {
    guard clientCapabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration == true else { return }
    struct Registration: Encodable {
      struct Options: Encodable {
        struct Watcher: Encodable { var globPattern: String }
        var watchers: [Watcher]
      }
      var id = "steer-watched-files"
      var method = "workspace/didChangeWatchedFiles"
      var registerOptions: Options
    }
    struct Parameters: Encodable { var registrations: [Registration] }
    let watchers = ["**/*.md", "**/*.csv", "**/" + Configuration.fileName].map(Registration.Options.Watcher.init)
    sendRequest(
      "client/registerCapability",
      Parameters(registrations: [Registration(registerOptions: .init(watchers: watchers))]))
  }

  // MARK: Text synchronisation

  private func didOpen(_ parameters: DidOpenTextDocumentParams) {
    guard let path = path(ofURI: parameters.textDocument.uri) else { return }
    uris[path] = parameters.textDocument.uri
    documents[path] = OpenDocument(
      version: parameters.textDocument.version, bytes: Array(parameters.textDocument.text.utf8))
    changed(path)
  }

  private func didChange(_ parameters: DidChangeTextDocumentParams) {
    guard let path = path(ofURI: parameters.textDocument.uri), var document = documents[path] else { return }
    for change in parameters.contentChanges {
      if let range = change.range {
        let positions = TextPositions(document.bytes, lineStarts: document.lineStarts)
        let start = positions.offset(of: range.start, encoding)
        let end = max(start, positions.offset(of: range.end, encoding))
        let text = Array(change.text.utf8)
        document.bytes.replaceSubrange(start..<end, with: text)
        document.lineStarts = TextPositions.updatedLineStarts(
          document.lineStarts, replacing: start..<end, count: text.count, in: document.bytes)
      } else {
        document = OpenDocument(version: document.version, bytes: Array(change.text.utf8))
      }
    }
    document.version = parameters.textDocument.version
    documents[path] = document
    changed(path)
  }

  private func didClose(_ parameters: DidCloseTextDocumentParams) {
    guard let path = path(ofURI: parameters.textDocument.uri), documents.removeValue(forKey: path) != nil else {
      return
    }
    // What stands on disk counts again: the editor may close without saving.
    changed(path)
  }

  private func didChangeWatchedFiles(_ parameters: DidChangeWatchedFilesParams) {
    let paths = parameters.changes.compactMap { path(ofURI: $0.uri) }
    // Many files at once is a branch checked out, or a pull: the whole ledger is read again.
    if paths.count > 64 {
      currentAnalysis = nil
      project?.rescan(keeping: documents)
      positionsCache.removeAll()
      staleFiles.formUnion(published.keys)
      invalidate()
      return
    }
    for path in paths where documents[path] == nil { changed(path) }
  }

  /// A file's text changed (in the editor, or on disk): what depends on it is made again.
  private func changed(_ path: String) {
    positionsCache[path] = nil
    staleFiles.insert(path)
    guard let project else { return }
    // The analysis goes first, so that the ledger it shared is changed in place, not copied.
    currentAnalysis = nil
    if path == Configuration.fileName {
      project.reconfigure(documents[path]?.bytes, keeping: documents)
      positionsCache.removeAll()
      staleFiles.formUnion(published.keys)
    } else {
      let documentCount = project.live.documentCount
      guard project.update(path, bytes: documents[path]?.bytes) else { return }
      // A document that appeared or went changes which related files exist.
      if project.live.documentCount != documentCount { staleFiles.formUnion(published.keys) }
    }
    invalidate()
  }

  private func invalidate() {
    currentAnalysis = nil
    diagnosticsPending = true
  }

  /// The check of the ledger as it stands now.
  var analysis: Analysis? {
    if currentAnalysis == nil, let project { currentAnalysis = Analysis(project) }
    return currentAnalysis
  }

  // MARK: Files and positions

  /// A path from the repository root, for a `file:` URI inside it.
  func path(ofURI uri: String) -> String? {
    guard let root = project?.root, let absolute = Self.path(ofURI: uri) else { return nil }
    guard absolute.hasPrefix(root + "/") else { return nil }
    return String(absolute.dropFirst(root.count + 1))
  }

  static func path(ofURI uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    return url.standardizedFileURL.path
  }

  /// The URI of a path from the root: the editor's own spelling when it named the file.
  func uri(of path: String) -> String {
    if let uri = uris[path] { return uri }
    let root = project?.root ?? "/"
    return URL(fileURLWithPath: root + "/" + path).absoluteString
  }

  /// The current text of a file: the editor's, else what the ledger read, else the disk's.
  func bytes(of path: String) -> [UInt8]? {
    if let document = documents[path] { return document.bytes }
    if path == Configuration.fileName, let bytes = project?.configurationBytes { return bytes }
    if let bytes = analysis?.loaded.sources[path] { return bytes }
    return project?.session.workspace.contents(of: path)
  }

  func positions(of path: String) -> TextPositions? {
    if let positions = positionsCache[path] { return positions }
    guard let bytes = bytes(of: path) else { return nil }
    let positions = TextPositions(bytes, lineStarts: documents[path]?.lineStarts)
    positionsCache[path] = positions
    return positions
  }

  var say: Wording { Wording(project?.configuration.language ?? options.language ?? .en) }

  // MARK: Sending

  private let encoder: JSONEncoder = {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.withoutEscapingSlashes]
    return encoder
  }()

  private func write(_ value: some Encodable) {
    do {
      stream.send(try encoder.encode(value))
    } catch {
      log("cannot encode a message: \(error)")
    }
  }

  func send<Result: Encodable>(_ id: RequestID, _ result: Result?) {
    write(Response(id: id, answer: .result(result)))
  }

  @discardableResult
  func sendError(_ id: RequestID?, _ error: ResponseError) -> Int32? {
    write(Response<Never>(id: id, answer: .error(error)))
    return nil
  }

  func sendNotification(_ method: String, _ parameters: some Encodable) {
    write(Outgoing(method: method, params: parameters))
  }

  private var nextRequest = 0

  func sendRequest(_ method: String, _ parameters: some Encodable) {
    nextRequest += 1
    write(Outgoing(id: "steer-\(nextRequest)", method: method, params: parameters))
  }

  func showMessage(_ text: String) {
    struct Parameters: Encodable {
      var type = 1  // error
      var message: String
    }
    sendNotification("window/showMessage", Parameters(message: text))
  }

  /// A line in the editor's log of the server (`window/logMessage`).
  func log(_ text: String) {
    struct Parameters: Encodable {
      var type = 3  // info
      var message: String
    }
    sendNotification("window/logMessage", Parameters(message: text))
  }
}

/// A document the editor holds open: its unsaved text, at the editor's version.
struct OpenDocument: Sendable {
  var version: Int
  var bytes: [UInt8]
  /// The editor's line starts, kept up to date edit by edit: an edit in a long document does
  /// not scan it whole.
  var lineStarts: [Int]

  init(version: Int, bytes: [UInt8]) {
    self.version = version
    self.bytes = bytes
    lineStarts = TextPositions(bytes).lineStarts
  }
}
