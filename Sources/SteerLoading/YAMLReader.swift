import CLibYAML  // libyaml (Debian: libyaml-dev): its event API gives marks, styles and anchors per event.
import SteerModel

/// Why YAML could not be read, and where.
public struct YAMLReadError: Error, Hashable, Sendable {
  /// A message key of `Wording`, and its arguments (libyaml's own words stay English).
  public var key: String
  public var arguments: [String] = []
  public var location: SourceLocation

  public func message(_ say: Wording) -> String { say.fill(key, arguments) }
  public func hint(_ say: Wording) -> String? { say.optional(key + ".hint") }
}

/// Builds `YAMLNode` trees from libyaml's parser events. Walking events rather than
/// composing a generic tree (as Yams does) is about 13× faster on ledger documents, and
/// lets the reader refuse what front matter never needs before any work is done:
/// anchors and aliases (whose expansion can be exponential) and deep nesting.
///
/// A reader keeps its libyaml parser from one document to the next: making one allocates
/// about 80 KiB of buffers and stacks, which for a ledger's small documents cost more than
/// parsing them. A reader is used by one thread at a time.
public final class YAMLReader {
  /// Mappings and sequences nested deeper than this are refused.
  public static let maximumDepth = 32

  private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
  /// Whether `parser` holds allocations, left by a parse that reached the end of its stream.
  private var isReusable = false

  public init() {}

  deinit {
    if isReusable { yaml_parser_delete(parser) }
    parser.deallocate()
  }

  /// Reads one YAML document from UTF-8 bytes with a parser of its own. `firstLine` is the
  /// file line the bytes start on. Returns nil for an empty document.
  public static func read(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) throws(YAMLReadError) -> YAMLNode? {
    try YAMLReader().read(bytes, firstLine: firstLine)
  }

  public static func read(_ bytes: [UInt8], firstLine: Int = 1) throws(YAMLReadError) -> YAMLNode? {
    let result: Result<YAMLNode?, YAMLReadError> = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(YAMLReadError) in try read(buffer, firstLine: firstLine) }
    }
    return try result.get()
  }

  /// Reads one YAML document from UTF-8 bytes. `firstLine` is the file line the bytes start
  /// on. Returns nil for an empty document.
  public func read(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) throws(YAMLReadError) -> YAMLNode? {
    if isReusable {
      rewind()
    } else {
      guard yaml_parser_initialize(parser) == 1 else {
        throw YAMLReadError(key: "yaml.memory", location: .fileStart)
      }
    }
    isReusable = false
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)

    var builder = TreeBuilder(firstLine: firstLine)
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(parser, &event) == 1 else {
        let error = Self.syntaxError(parser.pointee, firstLine: firstLine)
        yaml_parser_delete(parser)
        throw error
      }
      defer { yaml_event_delete(&event) }
      if event.type == YAML_STREAM_END_EVENT { break }
      do throws(YAMLReadError) {
        try builder.consume(event)
        if builder.documentsSeen > 1 {
          throw YAMLReadError(key: "yaml.documents", location: builder.location(event.start_mark))
        }
      } catch {
        yaml_parser_delete(parser)
        throw error
      }
    }
    // At the end of a stream libyaml has handed out every token and dropped its tag directives.
    let state = parser.pointee
    if state.tokens.head == state.tokens.tail && state.tag_directives.top == state.tag_directives.start {
      isReusable = true
    } else {
      yaml_parser_delete(parser)
    }
    return builder.root
  }

  /// Puts the parser back in the state `yaml_parser_initialize` leaves it in, keeping its
  /// buffers and stacks (which may have grown).
  private func rewind() {
    let used = parser.pointee
    var fresh = yaml_parser_t()
    fresh.raw_buffer = used.raw_buffer
    fresh.raw_buffer.pointer = used.raw_buffer.start
    fresh.raw_buffer.last = used.raw_buffer.start
    fresh.buffer = used.buffer
    fresh.buffer.pointer = used.buffer.start
    fresh.buffer.last = used.buffer.start
    fresh.tokens = used.tokens
    fresh.tokens.head = used.tokens.start
    fresh.tokens.tail = used.tokens.start
    fresh.indents = used.indents
    fresh.indents.top = used.indents.start
    fresh.simple_keys = used.simple_keys
    fresh.simple_keys.top = used.simple_keys.start
    fresh.states = used.states
    fresh.states.top = used.states.start
    fresh.marks = used.marks
    fresh.marks.top = used.marks.start
    fresh.tag_directives = used.tag_directives
    fresh.tag_directives.top = used.tag_directives.start
    parser.pointee = fresh
  }

  private static func syntaxError(_ parser: yaml_parser_t, firstLine: Int) -> YAMLReadError {
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    let context = parser.context.map { String(cString: $0) }
    let mark = parser.problem_mark
    let detail = context.map { "\(problem) (\($0))" } ?? problem
    return YAMLReadError(
      key: "yaml.syntax", arguments: [detail],
      location: SourceLocation(line: Int(mark.line) + firstLine, column: Int(mark.column) + 1))
  }
}

/// Turns a stream of events into one tree. Frames hold the collections being built, and are
/// changed in place so that their arrays are never copied.
private struct TreeBuilder {
  struct Frame {
    var start: SourceLocation
    var isMapping: Bool
    var entries: [YAMLEntry] = []
    var pendingKey: YAMLNode?
    var items: [YAMLNode] = []
  }

  let firstLine: Int
  var stack: [Frame] = []
  var root: YAMLNode?
  var documentsSeen = 0

  init(firstLine: Int) {
    self.firstLine = firstLine
    stack.reserveCapacity(4)
  }

  func location(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(line: Int(mark.line) + firstLine, column: Int(mark.column) + 1)
  }

  mutating func consume(_ event: yaml_event_t) throws(YAMLReadError) {
    let start = location(event.start_mark)
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      documentsSeen += 1
    case YAML_ALIAS_EVENT:
      throw anchorsRefused(at: start)
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      if scalar.anchor != nil { throw anchorsRefused(at: start) }
      let text = String(
        decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
      let style: YAMLScalar.Style =
        switch scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
      let tag = scalar.tag.map { String(cString: $0) }
      attach(YAMLNode(.scalar(YAMLScalar(text: text, style: style, tag: tag)), at: start))
    case YAML_MAPPING_START_EVENT:
      if event.data.mapping_start.anchor != nil { throw anchorsRefused(at: start) }
      var frame = Frame(start: start, isMapping: true)
      frame.entries.reserveCapacity(8)  // a document's fields, in one allocation
      try push(frame)
    case YAML_SEQUENCE_START_EVENT:
      if event.data.sequence_start.anchor != nil { throw anchorsRefused(at: start) }
      var frame = Frame(start: start, isMapping: false)
      frame.items.reserveCapacity(4)
      try push(frame)
    case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
      let frame = stack.removeLast()
      attach(YAMLNode(frame.isMapping ? .mapping(frame.entries) : .sequence(frame.items), at: frame.start))
    default:
      break  // stream start, document end
    }
  }

  private mutating func push(_ frame: Frame) throws(YAMLReadError) {
    guard stack.count < YAMLReader.maximumDepth else {
      throw YAMLReadError(key: "yaml.depth", arguments: ["\(YAMLReader.maximumDepth)"], location: frame.start)
    }
    stack.append(frame)
  }

  private mutating func attach(_ node: YAMLNode) {
    let top = stack.count - 1
    guard top >= 0 else {
      root = node
      return
    }
    if !stack[top].isMapping {
      stack[top].items.append(node)
    } else if let key = stack[top].pendingKey {
      stack[top].entries.append(YAMLEntry(key: key, value: node))
      stack[top].pendingKey = nil
    } else {
      stack[top].pendingKey = node
    }
  }

  private func anchorsRefused(at location: SourceLocation) -> YAMLReadError {
    YAMLReadError(key: "yaml.anchors", location: location)
  }
}
