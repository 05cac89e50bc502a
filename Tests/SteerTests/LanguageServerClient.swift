import Foundation

/// A test's editor: spawns `steer lsp`, speaks JSON-RPC to it over pipes, and keeps the
/// notifications it receives. A watchdog ends the server after a while, so that a server that
/// stops answering fails the test instead of hanging it.
final class LanguageServerClient {
  let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private var buffer = Data()
  private var nextID = 0
  /// Every notification (and request) the server sent, in order.
  private(set) var received: [[String: Any]] = []
  let root: String

  init(root: String, arguments: [String] = [], timeout: TimeInterval = 60) throws {
    self.root = root
    process.executableURL = URL(fileURLWithPath: steerExecutable)
    process.arguments = ["lsp"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: root)
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    // A thread of its own: the test's threads may all be waiting on servers.
    let identifier = process.processIdentifier
    let watchdog = Thread {
      Thread.sleep(forTimeInterval: timeout)
      kill(identifier, SIGKILL)
    }
    watchdog.start()
  }

  deinit { if process.isRunning { process.terminate() } }

  func uri(_ relative: String) -> String { URL(fileURLWithPath: root + "/" + relative).absoluteString }

  /// Bytes as they are, framed or not.
  func write(_ bytes: Data) { input.fileHandleForWriting.write(bytes) }

  func sendRaw(_ body: Data) { write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body) }

  func send(_ message: [String: Any]) throws {
    var message = message
    message["jsonrpc"] = "2.0"
    sendRaw(try JSONSerialization.data(withJSONObject: message))
  }

  func notify(_ method: String, _ params: Any) throws { try send(["method": method, "params": params]) }

  /// Sends a request and returns its response, keeping what came before it.
  @discardableResult
  func request(_ method: String, _ params: Any = NSNull()) throws -> [String: Any] {
    nextID += 1
    let id = nextID
    try send(["id": id, "method": method, "params": params])
    return try response(to: id)
  }

  func response(to id: Int) throws -> [String: Any] {
    while true {
      let message = try read()
      if message["method"] == nil, (message["id"] as? Int) == id { return message }
      received.append(message)
    }
  }

  /// The next message from the server.
  func read() throws -> [String: Any] {
    while true {
      if let headerEnd = buffer.range(of: Data("\r\n\r\n".utf8)) {
        let header = String(decoding: buffer[buffer.startIndex..<headerEnd.lowerBound], as: UTF8.self)
        let length = header.split(separator: "\r\n").compactMap { line -> Int? in
          let parts = line.split(separator: ":", maxSplits: 1)
          return parts.count == 2 && parts[0].lowercased() == "content-length"
            ? Int(parts[1].trimmingCharacters(in: .whitespaces)) : nil
        }.first
        guard let length else { throw ClientError.malformed(header) }
        let bodyStart = headerEnd.upperBound
        if buffer.distance(from: bodyStart, to: buffer.endIndex) >= length {
          let end = buffer.index(bodyStart, offsetBy: length)
          let body = buffer[bodyStart..<end]
          buffer = Data(buffer[end...])
          guard let message = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw ClientError.malformed(String(decoding: body, as: UTF8.self))
          }
          return message
        }
      }
      let more = output.fileHandleForReading.availableData
      guard !more.isEmpty else { throw ClientError.ended }
      buffer += more
    }
  }

  /// Reads until the server has published diagnostics for `relative` satisfying `condition`
  /// (or already had), and returns them.
  @discardableResult
  func diagnostics(
    for relative: String, where condition: ([[String: Any]]) -> Bool = { _ in true }
  ) throws -> [[String: Any]] {
    let uri = uri(relative)
    func latest() -> [[String: Any]]? {
      for message in received.reversed() where message["method"] as? String == "textDocument/publishDiagnostics" {
        let params = message["params"] as! [String: Any]
        if params["uri"] as? String == uri { return params["diagnostics"] as? [[String: Any]] }
      }
      return nil
    }
    while true {
      if let found = latest(), condition(found) { return found }
      received.append(try read())
    }
  }

  /// The diagnostics last published for `relative`, once every change sent before has been
  /// handled (the server publishes them before it answers a request).
  func publishedDiagnostics(for relative: String) throws -> [[String: Any]] {
    try request("workspace/symbol", ["query": "\u{0}"])
    let uri = uri(relative)
    for message in received.reversed() where message["method"] as? String == "textDocument/publishDiagnostics" {
      let params = message["params"] as! [String: Any]
      if params["uri"] as? String == uri { return params["diagnostics"] as! [[String: Any]] }
    }
    return []
  }

  /// `initialize` and `initialized`, with the capabilities of a capable editor.
  @discardableResult
  /// With `snippets`, the client takes snippets in completions and in workspace edits.
  func initialize(encodings: [String] = ["utf-16"], documentChanges: Bool = true, snippets: Bool = false) throws
    -> [String: Any]
  {
    let response = try request(
      "initialize",
      [
        "processId": NSNull(), "rootUri": URL(fileURLWithPath: root).absoluteString,
        "capabilities": [
          "general": ["positionEncodings": encodings],
          "workspace": [
            "workspaceEdit": [
              "documentChanges": documentChanges, "resourceOperations": ["create", "rename", "delete"],
              "snippetEditSupport": snippets,
            ],
            "didChangeWatchedFiles": ["dynamicRegistration": false],
          ],
          "textDocument": ["completion": ["completionItem": ["snippetSupport": snippets]]],
        ],
      ])
    try notify("initialized", [String: Any]())
    return response
  }

  func open(_ relative: String, text: String? = nil, version: Int = 1) throws {
    let text = try text ?? String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    try notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": uri(relative), "languageId": "markdown", "version": version, "text": text]])
  }

  func change(_ relative: String, text: String, version: Int) throws {
    try notify(
      "textDocument/didChange",
      ["textDocument": ["uri": uri(relative), "version": version], "contentChanges": [["text": text]]])
  }

  /// Parameters naming a position in a file.
  func at(_ relative: String, _ line: Int, _ character: Int) -> [String: Any] {
    ["textDocument": ["uri": uri(relative)], "position": ["line": line, "character": character]]
  }

  /// `shutdown` then `exit`; the server's exit status.
  func finish() throws -> Int32 {
    try request("shutdown")
    try notify("exit", NSNull())
    process.waitUntilExit()
    return process.terminationStatus
  }

  enum ClientError: Error {
    case malformed(String)
    case ended
  }
}

/// A diagnostic's range as `line:character-line:character`.
func rangeText(_ object: [String: Any]) -> String {
  let range = (object["range"] ?? object) as! [String: Any]
  let start = range["start"] as! [String: Any]
  let end = range["end"] as! [String: Any]
  return "\(start["line"]!):\(start["character"]!)-\(end["line"]!):\(end["character"]!)"
}
