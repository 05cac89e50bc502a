import CLibYAML  // libyaml (Debian: libyaml-dev): its event API gives marks, styles and anchors per event.
import Foundation
import SteerModel

/// Why YAML could not be read, and where.
public struct YAMLReadError: Error, Hashable, Sendable {
  public enum Problem: Hashable, Sendable {
    /// libyaml's own words, which stay English.
    case syntax(String)
    case invalidUTF8(line: Int, column: Int)
    case outOfMemory, severalDocuments, tooDeep, anchors
    /// A tab where YAML wants spaces.
    case tabIndentation
    /// A plain value holding `: `, on this line.
    case colonInValue(line: String)
    /// A quote, `[` or `{` opened at the error's location and never closed.
    case unclosed(String)
  }

  public var problem: Problem
  public var location: SourceLocation

  public func message(_ say: Wording) -> String {
    switch problem {
    case .syntax(let detail):
      say(en: "YAML syntax error: \(detail)", fr: "erreur de syntaxe YAML : \(Self.french(detail))")
    case .invalidUTF8(let line, let column): say.invalidUTF8(line: line, column: column)
    case .tabIndentation:
      say(
        en: "YAML forbids tabs for indentation: indent with spaces",
        fr: "YAML interdit les tabulations dans l'indentation : indentez avec des espaces")
    case .colonInValue:
      say(
        en: "a value that contains ': ' must be in quotes",
        fr: "une valeur qui contient « : » doit être entre guillemets")
    case .unclosed(let opening):
      opening == "\""
        ? say(en: "the quote opened here is never closed", fr: "le guillemet ouvert ici n'est jamais fermé")
        : say(en: "the '\(opening)' opened here is never closed", fr: "le « \(opening) » ouvert ici n'est jamais fermé")
    case .outOfMemory:
      say(
        en: "the YAML parser could not start (out of memory)",
        fr: "l'analyseur YAML n'a pas pu démarrer (mémoire épuisée)")
    case .severalDocuments: say(en: "more than one YAML document", fr: "plus d'un document YAML")
    case .tooDeep:
      say(
        en: "YAML nested deeper than \(YAMLReader.maximumDepth) levels",
        fr: "YAML imbriqué sur plus de \(YAMLReader.maximumDepth) niveaux")
    case .anchors:
      say(
        en: "YAML anchors and aliases (& and *) are not allowed in Steer's files",
        fr: "les ancres et alias YAML (& et *) ne sont pas admis dans les fichiers de Steer")
    }
  }

  /// libyaml's explanation, in French where it is one of the usual ones (the others stay as
  /// libyaml words them).
  static func french(_ detail: String) -> String {
    var text = detail
    for (english, french) in libyamlInFrench { text = text.replacingOccurrences(of: english, with: french) }
    return text
  }

  private static let libyamlInFrench: [(String, String)] = [
    ("mapping values are not allowed in this context", "un « : » n'est pas admis à cet endroit"),
    ("did not find expected key", "une clé était attendue"),
    ("did not find expected ',' or ']'", "« , » ou « ] » était attendu"),
    ("did not find expected ',' or '}'", "« , » ou « } » était attendu"),
    ("could not find expected ':'", "« : » était attendu"),
    ("did not find expected '-' indicator", "un « - » était attendu"),
    ("did not find expected node content", "une valeur était attendue"),
    ("found character that cannot start any token", "caractère qui ne peut pas commencer une valeur"),
    ("found a tab character that violates indentation", "tabulation dans l'indentation"),
    (
      "found a tab character where an indentation space is expected", "tabulation à la place d'une espace d'indentation"
    ),
    ("found unexpected end of stream", "fin de texte inattendue"),
    ("found unknown escape character", "séquence d'échappement inconnue"),
    ("found unexpected ':'", "« : » inattendu"),
    (
      "block sequence entries are not allowed in this context",
      "un élément de liste « - » n'est pas admis à cet endroit"
    ),
    ("while parsing a block mapping", "dans une table"),
    ("while parsing a block collection", "dans une liste ou une table"),
    ("while parsing a flow sequence", "dans une liste entre crochets"),
    ("while parsing a flow mapping", "dans une table entre accolades"),
    ("while parsing a block node", "dans une valeur"),
    ("while parsing a flow node", "dans une valeur"),
    ("while scanning a simple key", "en lisant une clé"),
    ("while scanning a quoted scalar", "dans un texte entre guillemets"),
    ("while scanning a plain scalar", "dans un texte"),
    ("while scanning a block scalar", "dans un bloc de texte"),
  ]

  public func hint(_ say: Wording) -> String? {
    switch problem {
    case .syntax:
      say(
        en: "check the indentation, and quote values that contain ': ', ' #' or start with a special character",
        fr:
          "vérifiez l'indentation, et mettez entre guillemets les valeurs qui contiennent « : » ou « # », ou commencent par un caractère spécial"
      )
    case .invalidUTF8: say.saveAsUTF8()
    case .tabIndentation:
      say(
        en: "replace the tab at the start of the line with spaces",
        fr: "remplacez la tabulation en début de ligne par des espaces")
    case .colonInValue(let line): Self.quotedValueHint(line, say)
    case .unclosed(let opening):
      opening == "\""
        ? say(en: "close it at the end of the value", fr: "fermez-le à la fin de la valeur")
        : say(
          en: "close it with '\(opening == "[" ? "]" : "}")' after the last entry",
          fr: "fermez-le par « \(opening == "[" ? "]" : "}") » après le dernier élément")
    case .outOfMemory: nil
    case .severalDocuments:
      say(en: "front matter holds a single mapping of fields", fr: "l'en-tête contient une seule table de champs")
    case .tooDeep:
      say(
        en: "front matter fields are at most a few levels deep", fr: "les champs d'en-tête ont au plus quelques niveaux"
      )
    case .anchors:
      say(
        en: "write the value out in full; if '&' or '*' starts a text, quote it",
        fr: "écrivez la valeur en entier ; si « & » ou « * » commence un texte, mettez-le entre guillemets")
    }
  }
}

extension YAMLReadError {
  /// `write it as title: "Plages : capteurs"`, from the line itself.
  static func quotedValueHint(_ line: String, _ say: Wording) -> String {
    guard let separator = line.range(of: ": ") else {
      return say(en: "put the whole value in quotes", fr: "mettez toute la valeur entre guillemets")
    }
    let key = line[..<separator.lowerBound]
    let value = line[separator.upperBound...].trimmingCharacters(in: .whitespaces)
      .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    let fixed = "\(key): \"\(value)\""
    return say(en: "write it in quotes: `\(fixed)`", fr: "écrivez-la entre guillemets : `\(fixed)`")
  }
}

extension Wording {
  func invalidUTF8(line: Int, column: Int) -> String {
    self(
      en: "the file is not valid UTF-8 (first bad byte at line \(line), column \(column))",
      fr: "le fichier n'est pas en UTF-8 valide (premier octet fautif ligne \(line: line), colonne \(line: column))")
  }

  func saveAsUTF8() -> String { self(en: "save the file as UTF-8", fr: "enregistrez le fichier en UTF-8") }
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
        throw YAMLReadError(problem: .outOfMemory, location: .fileStart)
      }
    }
    isReusable = false
    // libyaml skips a byte-order mark but counts it as a column, so that a second key at column 0
    // no longer lines up with the first: the mark is left out here, as the line table leaves it.
    let bytes =
      bytes.starts(with: SourceText.byteOrderMark)
      ? UnsafeBufferPointer(rebasing: bytes[SourceText.byteOrderMark.count...]) : bytes
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)

    var builder = TreeBuilder(firstLine: firstLine)
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(parser, &event) == 1 else {
        let error = Self.syntaxError(parser.pointee, in: bytes, firstLine: firstLine)
        yaml_parser_delete(parser)
        throw error
      }
      defer { yaml_event_delete(&event) }
      if event.type == YAML_STREAM_END_EVENT { break }
      do throws(YAMLReadError) {
        try builder.consume(event)
        if builder.documentsSeen > 1 {
          throw YAMLReadError(problem: .severalDocuments, location: builder.location(event.start_mark))
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

  /// libyaml's error, in people's words where it is one a person makes (a tab in the
  /// indentation, an unquoted `: ` in a value, a quote or bracket never closed), with the caret
  /// on the character to fix; else libyaml's own explanation.
  private static func syntaxError(_ parser: yaml_parser_t, in bytes: UnsafeBufferPointer<UInt8>, firstLine: Int)
    -> YAMLReadError
  {
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    let context = parser.context.map { String(cString: $0) }
    func location(_ mark: yaml_mark_t) -> SourceLocation {
      SourceLocation(line: Int(mark.line) + firstLine, column: Int(mark.column) + 1)
    }
    let mark = parser.problem_mark
    let source = SourceText(Array(bytes))
    // A tab in the indentation of the line libyaml stopped at, or of the line before it.
    for index in [Int(mark.line), Int(mark.line) - 1] {
      guard let line = source.range(ofLine: index + 1) else { continue }
      let indentation = source.bytes[line].prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
      if let tab = indentation.firstIndex(of: UInt8(ascii: "\t")) {
        return YAMLReadError(
          problem: .tabIndentation,
          location: SourceLocation(line: index + firstLine, column: tab - line.lowerBound + 1))
      }
    }
    switch (problem, context) {
    case ("mapping values are not allowed in this context", _):
      let line = source.line(Int(mark.line) + 1) ?? ""
      return YAMLReadError(problem: .colonInValue(line: line), location: location(mark))
    case ("found unexpected end of stream", "while scanning a quoted scalar"):
      return YAMLReadError(problem: .unclosed("\""), location: location(parser.context_mark))
    case (_, "while parsing a flow sequence"):
      return YAMLReadError(problem: .unclosed("["), location: location(parser.context_mark))
    case (_, "while parsing a flow mapping"):
      return YAMLReadError(problem: .unclosed("{"), location: location(parser.context_mark))
    default:
      return YAMLReadError(
        problem: .syntax(context.map { "\(problem) (\($0))" } ?? problem), location: location(mark))
    }
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
      attach(
        YAMLNode(.scalar(YAMLScalar(text: text, style: style, tag: tag)), at: start, end: location(event.end_mark)))
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
      throw YAMLReadError(problem: .tooDeep, location: frame.start)
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
    YAMLReadError(problem: .anchors, location: location)
  }
}
