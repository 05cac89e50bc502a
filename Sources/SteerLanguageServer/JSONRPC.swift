import Foundation
import SteerFiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A request's id: JSON-RPC allows a number or a string.
enum RequestID: Hashable, Sendable, Codable {
  case number(Int)
  case string(String)

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Int.self) {
      self = .number(number)
    } else {
      self = .string(try container.decode(String.self))
    }
  }

  func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let number): try container.encode(number)
    case .string(let string): try container.encode(string)
    }
  }
}

/// JSON-RPC's and LSP's error codes.
struct ResponseError: Error, Codable, Sendable {
  var code: Int
  var message: String

  static let parseError = -32700
  static let invalidRequest = -32600
  static let methodNotFound = -32601
  static let invalidParams = -32602
  static let internalError = -32603
  static let serverNotInitialized = -32002
  static let requestCancelled = -32800
  static let requestFailed = -32803
}

/// One message as received: its id and method when it has them, and its bytes, from which
/// the parameters are decoded once the method says their type.
struct IncomingMessage: Sendable {
  var id: RequestID?
  var method: String?
  var body: Data

  private struct Envelope: Decodable {
    var id: RequestID?
    var method: String?
  }

  /// Nil when the body is not a JSON object.
  init?(body: Data) {
    guard let envelope = try? JSONDecoder().decode(Envelope.self, from: body) else { return nil }
    id = envelope.id
    method = envelope.method
    self.body = body
  }

  /// The parameters as `Parameters`.
  func parameters<Parameters: Decodable>(_: Parameters.Type) throws(ResponseError) -> Parameters {
    do {
      return try JSONDecoder().decode(ParametersOf<Parameters>.self, from: body).params
    } catch {
      throw ResponseError(code: ResponseError.invalidParams, message: "invalid params: \(error)")
    }
  }
}

private struct ParametersOf<Parameters: Decodable>: Decodable {
  var params: Parameters
}

/// A response to one of the editor's requests: its result, `null` when there is none, or its
/// error; the id is `null` for a message that could not be read. Both are written even when null.
struct Response<Result: Encodable>: Encodable {
  enum Answer {
    case result(Result?)
    case error(ResponseError)
  }

  var id: RequestID?
  var answer: Answer

  private enum CodingKeys: String, CodingKey { case jsonrpc, id, result, error }

  func encode(to encoder: Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode("2.0", forKey: .jsonrpc)
    try container.encode(id, forKey: .id)
    switch answer {
    case .result(let result): try container.encode(result, forKey: .result)
    case .error(let error): try container.encode(error, forKey: .error)
    }
  }
}

/// A notification, or (with an id) a request, from the server to the editor.
struct Outgoing<Parameters: Encodable>: Encodable {
  var jsonrpc = "2.0"
  var id: String?
  var method: String
  var params: Parameters
}

/// What the reader thread hands over: a message, bytes that are no JSON, or the end of input;
/// and the server's own news from its other threads (members read).
enum Incoming: Sendable {
  case message(IncomingMessage)
  case unparsable
  case end
  case membersRead
}

/// Messages framed by `Content-Length` headers (the base protocol of LSP) over two file
/// descriptors: standard input and output for `steer lsp`.
final class MessageStream: Sendable {
  let input: Int32
  let output: Int32

  init(input: Int32 = 0, output: Int32 = 1) {
    self.input = input
    self.output = output
  }

  /// The largest message accepted: beyond it the message is skipped, not buffered.
  static let largestMessage = 256 << 20

  /// Reads messages until the end of input, handing each to `deliver`: on the calling thread,
  /// which does nothing else (see `MessageQueue`).
  func readMessages(_ deliver: (Incoming) -> Void) {
    var buffer: [UInt8] = []
    var start = 0
    var chunk = [UInt8](repeating: 0, count: 64 << 10)
    func fill() -> Bool {
      while true {
        let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return false }
        buffer += chunk[0..<count]
        return true
      }
    }
    /// Where `needle` next occurs from `offset`, reading as needed; nil at the end of input.
    func seek(_ needle: [UInt8], from offset: Int) -> Int? {
      var offset = offset
      while true {
        if let found = Self.find(needle, in: buffer, from: offset) { return found }
        offset = max(offset, buffer.count - needle.count + 1)
        guard fill() else { return nil }
      }
    }
    // After a frame that could not be read, what comes before the next header may be its rest
    // (a `Content-Length` that counted characters, not bytes): skipped without another error.
    var resynchronising = false
    while true {
      // What was handed over is dropped: the buffer holds at most the message being read.
      if start > 0 {
        buffer.removeFirst(start)
        start = 0
      }
      // The header: lines up to an empty one.
      guard let headerEnd = seek(Self.headerEnd, from: start) else { return deliver(.end) }
      guard let length = Self.contentLength(buffer[start..<headerEnd]) else {
        if !resynchronising { deliver(.unparsable) }
        resynchronising = true
        // The next header may follow a body's rest on the same line: it is looked for anywhere.
        guard let next = seek(Self.contentLengthName, from: start + 1) else { return deliver(.end) }
        start = next
        continue
      }
      start = headerEnd + Self.headerEnd.count
      resynchronising = false
      if length > Self.largestMessage {
        // Skipped as it arrives, so that a bogus length cannot exhaust memory.
        var remaining = length
        while remaining > 0 {
          let available = buffer.count - start
          if available == 0 {
            buffer.removeAll(keepingCapacity: true)
            start = 0
            guard fill() else { return deliver(.end) }
            continue
          }
          let taken = min(available, remaining)
          start += taken
          remaining -= taken
        }
        deliver(.unparsable)
        resynchronising = true
        continue
      }
      while buffer.count - start < length {
        guard fill() else { return deliver(.end) }
      }
      let body = Data(buffer[start..<(start + length)])
      start += length
      if let message = IncomingMessage(body: body) {
        deliver(.message(message))
      } else {
        deliver(.unparsable)
        resynchronising = true
      }
    }
  }

  private static let headerEnd = Array("\r\n\r\n".utf8)
  private static let contentLengthName = Array("content-length:".utf8)

  /// A header's `Content-Length`; nil when it has none, or one that is not a length.
  private static func contentLength(_ header: ArraySlice<UInt8>) -> Int? {
    var length: Int?
    for line in String(decoding: header, as: UTF8.self).split(separator: "\r\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      if parts.count == 2, parts[0].lowercased() == "content-length" {
        length = Int(parts[1].trimmingCharacters(in: .whitespaces))
      }
    }
    return length.flatMap { $0 >= 0 ? $0 : nil }
  }

  /// Where `needle` (in lower case) first occurs in `haystack` from `from`, ignoring ASCII case.
  private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
    guard from >= 0, haystack.count >= needle.count else { return nil }
    var index = from
    while index <= haystack.count - needle.count {
      var matched = 0
      while matched < needle.count && lowercased(haystack[index + matched]) == needle[matched] { matched += 1 }
      if matched == needle.count { return index }
      index += 1
    }
    return nil
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
  }

  /// Writes one message whole (only the server's loop writes).
  func send(_ body: Data) {
    // An editor that went away is not an error: `exit` or the end of input follows.
    try? FileOutput.writeAll(Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body, to: output)
  }
}

/// The messages read and not yet handled, handed from the reader thread to the server's loop.
/// The loop looks ahead in it: a request cancelled before it is handled is answered at once,
/// and diagnostics wait until no more edits are queued.
final class MessageQueue: @unchecked Sendable {
  // `items` and `cancelled` are only touched under `condition`'s lock.
  private var items: [Incoming] = []
  private var cancelled: Set<RequestID> = []
  private let condition = NSCondition()

  /// Notes that the client cancelled a request (`$/cancelRequest`).
  func cancel(_ id: RequestID) {
    condition.lock()
    cancelled.insert(id)
    condition.unlock()
  }

  /// Whether the client cancelled the request (forgetting it: an id is answered once).
  func takeCancellation(of id: RequestID) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    return cancelled.remove(id) != nil
  }

  func push(_ item: Incoming) {
    condition.lock()
    items.append(item)
    condition.signal()
    condition.unlock()
  }

  /// The next item, waiting for one.
  func pop() -> Incoming {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty { condition.wait() }
    return items.removeFirst()
  }

  var isEmpty: Bool {
    condition.lock()
    defer { condition.unlock() }
    return items.isEmpty
  }

  /// Whether a queued message satisfies `predicate`.
  func contains(where predicate: (Incoming) -> Bool) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    return items.contains(where: predicate)
  }
}
