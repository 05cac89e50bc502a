import SteerChecks
import SteerLoading
import SteerMetrics
import SteerModel

/// Where the cursor stands in a front matter (or `.steer.yaml`), read from the lines above it
/// as YAML's indentation nests them: the keys that lead to the mapping it is in, and whether
/// it is writing a key or a value.
struct YAMLContext {
  enum Place {
    /// A key of the mapping (or, in a list of words, an item).
    case key
    /// The value of `key`, or an item of its flow list.
    case value(key: String)
  }

  /// The keys from the document's top level down to the mapping the cursor is in.
  var ancestors: [String]
  var place: Place
  /// What is typed of the key or value, and where it starts in the line (in scalars).
  var typed: String
  var typedStart: Int
  /// The key of the cursor's line, whatever the cursor is on.
  var lineKey: String?
  /// The kind of document (nil for `.steer.yaml`).
  var kind: DocumentKind?

  /// - Parameter path: the file, from the repository root.
  init?(
    path: String, _ positions: TextPositions, _ position: Position, _ encoding: PositionEncoding, ledger: LiveLedger?
  ) {
    if path == Configuration.fileName {
      kind = nil
    } else if let file = ledger?.ledgerFile(path), case .document(let documentKind, _) = file.role {
      kind = documentKind
    } else {
      return nil
    }
    if kind != nil && !Self.isInFrontMatter(position.line, positions) { return nil }
    let line = Array(positions.line(position.line).unicodeScalars)
    let cursor = Self.scalarIndex(of: position.character, in: line, encoding)
    let before = Array(line[..<cursor])
    let parsed = Self.parse(before)
    lineKey = Self.parse(line).key
    var threshold: Int
    if let key = parsed.key, let keyColumn = parsed.keyColumn {
      let rest = Array(before[(keyColumn + key.unicodeScalars.count + 1)...])
      var start = rest.count
      while start > 0 && !" [,{\"'".unicodeScalars.contains(rest[start - 1]) { start -= 1 }
      typed = String(String.UnicodeScalarView(rest[start...]))
      typedStart = keyColumn + key.unicodeScalars.count + 1 + start
      place = .value(key: key)
      threshold = keyColumn
    } else {
      var start = parsed.contentColumn
      while start < before.count && (before[start] == " " || before[start] == "-") { start += 1 }
      guard before[start...].allSatisfy(Self.isWordScalar) else { return nil }
      typed = String(String.UnicodeScalarView(before[start...]))
      typedStart = start
      place = .key
      threshold = parsed.contentColumn
    }
    if let dash = parsed.dashColumn { threshold = dash + 1 }
    ancestors = Self.ancestors(of: position.line, within: threshold, from: kind == nil ? 0 : 1, positions)
  }

  /// Whether `line` is inside the front matter: after the opening `---`, before the closing
  /// `---` or `...`.
  private static func isInFrontMatter(_ line: Int, _ positions: TextPositions) -> Bool {
    guard line > 0, positions.line(0).trimmingBlanks.hasPrefix("---") else { return false }
    for above in 1..<min(line + 1, positions.lineCount) {
      let text = positions.line(above).trimmingBlanks
      if text == "---" || text == "..." { return false }
    }
    return true
  }

  /// The keys above `line` that lead to the mapping it is in, each less indented than the
  /// last, from the top level down; `first` is the first line a key may stand on.
  private static func ancestors(of line: Int, within indentation: Int, from first: Int, _ positions: TextPositions)
    -> [String]
  {
    var threshold = indentation
    var ancestors: [String] = []
    var above = line - 1
    while above >= first && threshold > 0 {
      let previous = parse(Array(positions.line(above).unicodeScalars))
      above -= 1
      if let key = previous.key, let column = previous.keyColumn, column < threshold {
        ancestors.insert(key, at: 0)
        threshold = column
      }
      if let dash = previous.dashColumn, dash < threshold { threshold = dash + 1 }
    }
    return ancestors
  }

  /// A line's key (`key:` at its start, after any `- `), where it starts, and where a `- ` is.
  private static func parse(_ line: [Unicode.Scalar]) -> (
    key: String?, keyColumn: Int?, dashColumn: Int?, contentColumn: Int
  ) {
    var column = 0
    while column < line.count && line[column] == " " { column += 1 }
    var dash: Int?
    while column + 1 < line.count && line[column] == "-" && line[column + 1] == " " {
      dash = column
      column += 2
      while column < line.count && line[column] == " " { column += 1 }
    }
    if column < line.count && line[column] == "-" && column + 1 == line.count { dash = column }
    var end = column
    while end < line.count && line[end] != ":" && line[end] != " " && line[end] != "#" { end += 1 }
    let isKey = end > column && end < line.count && line[end] == ":" && (end + 1 == line.count || line[end + 1] == " ")
    let key = isKey ? String(String.UnicodeScalarView(line[column..<end])) : nil
    return (key, isKey ? column : nil, dash, column)
  }

  /// The index in `line` of a character position in the negotiated encoding.
  private static func scalarIndex(of character: Int, in line: [Unicode.Scalar], _ encoding: PositionEncoding) -> Int {
    var units = 0
    for (index, scalar) in line.enumerated() {
      if units >= character { return index }
      units += encoding.units(of: scalar)
    }
    return line.count
  }

  /// A scalar of a key or an id being typed.
  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
  }

  /// The type of the mapping or list the cursor is in, and its fields' specs if an object.
  func container() -> FieldType? {
    var type = FieldType.object(kind.map(FieldTables.fields(of:)) ?? FieldTables.configuration)
    for key in ancestors {
      switch type {
      case .object(let specs):
        guard let spec = specs.first(where: { $0.name == key }) else { return nil }
        type = spec.type.element
      case .map(_, let value): type = value.element
      default: return nil
      }
    }
    return type
  }

  /// The field the cursor's line names, if its key is one of its mapping's fields.
  func fieldUnderCursor() -> FieldSpec? {
    guard let lineKey, case .object(let specs)? = container() else { return nil }
    return specs.first { $0.name == lineKey }
  }
}

extension FieldType {
  /// The type of a list's items; any other type itself.
  var element: FieldType {
    if case .list(let element, _) = self { return element }
    return self
  }
}

extension LanguageServer {
  /// The largest list sent: the editor filters as the user types, and asks again.
  static let completionLimit = 200

  func completion(_ parameters: TextDocumentPositionParams) -> CompletionList? {
    guard let path = path(ofURI: parameters.textDocument.uri), let positions = positions(of: path) else { return nil }
    if case .series? = project?.live.ledgerFile(path)?.role {
      return seriesHeaderCompletion(parameters.position, positions)
    }
    guard let context = YAMLContext(path: path, positions, parameters.position, encoding, ledger: project?.live),
      let container = context.container()
    else { return nil }
    let line = parameters.position.line
    let lineScalars = Array(positions.line(line).unicodeScalars)
    let startCharacter = lineScalars.prefix(context.typedStart).reduce(0) { $0 + encoding.units(of: $1) }
    let range = Range(start: Position(line: line, character: startCharacter), end: parameters.position)
    var items: [CompletionItem]
    switch (context.place, container) {
    case (.key, .object(let specs)):
      // With snippets, the value comes with the key, selected for the writer to replace.
      let snippets = clientCapabilities?.textDocument?.completion?.completionItem?.snippetSupport == true
      items = specs.map { spec in
        let value = snippets ? "${1:\(Self.snippetEscaped(placeholder(for: spec.type)))}" : ""
        return CompletionItem(
          label: spec.name, kind: 5, detail: spec.type.summary(say),
          documentation: MarkupContent(value: documentation(of: spec)),
          textEdit: TextEdit(range: range, newText: spec.name + ": " + value), insertTextFormat: snippets ? 2 : nil)
      }
    case (.key, .map(let keyType, _)):
      items = values(of: keyType, range: range, typed: context.typed, suffix: ": ")
    case (.key, let type):
      items = values(of: type, range: range, typed: context.typed)
    case (.value(let key), .object(let specs)):
      guard let spec = specs.first(where: { $0.name == key }) else { return nil }
      items = values(of: spec.type, range: range, typed: context.typed)
    case (.value, .map(_, let valueType)):
      items = values(of: valueType, range: range, typed: context.typed)
    default:
      return nil
    }
    let complete = items.count <= Self.completionLimit
    return CompletionList(isIncomplete: !complete, items: Array(items.prefix(Self.completionLimit)))
  }

  /// In a series file's header, the columns it may have that it does not have yet; nothing
  /// elsewhere (a row's cells are dates and numbers).
  private func seriesHeaderCompletion(_ position: Position, _ positions: TextPositions) -> CompletionList? {
    guard position.line == 0 else { return nil }
    let line = Array(positions.line(0).unicodeScalars)
    let before = Array(line.prefix(scalarCount(position.character, line)))
    let start = (before.lastIndex(of: ",").map { $0 + 1 }) ?? 0
    let present = Set(String(String.UnicodeScalarView(line)).split(separator: ",").map { String($0).trimmingBlanks })
    let startCharacter = line.prefix(start).reduce(0) { $0 + encoding.units(of: $1) }
    let range = Range(start: Position(line: 0, character: startCharacter), end: position)
    let items = MeasurementSeries.columns.filter { !present.contains($0) }.map { column in
      CompletionItem(label: column, kind: 5, textEdit: TextEdit(range: range, newText: column))
    }
    return CompletionList(isIncomplete: false, items: items)
  }

  /// The number of scalars of `line` before the `character`th position unit.
  private func scalarCount(_ character: Int, _ line: [Unicode.Scalar]) -> Int {
    var units = 0
    var index = 0
    while index < line.count && units < character {
      units += encoding.units(of: line[index])
      index += 1
    }
    return index
  }

  /// What a value of `type` may be: ids of the right kind with their titles, allowed words,
  /// rule ids, metric names, today's date.
  private func values(of type: FieldType, range: Range, typed: String, suffix: String = "") -> [CompletionItem] {
    func item(_ label: String, kind: Int, detail: String? = nil) -> CompletionItem {
      CompletionItem(
        label: label, kind: kind, detail: detail, textEdit: TextEdit(range: range, newText: label + suffix))
    }
    switch type {
    case .list(let element, _): return values(of: element, range: range, typed: typed, suffix: suffix)
    case .reference(let kind):
      return values(of: .referenceAmong([kind]), range: range, typed: typed, suffix: suffix)
    case .referenceAmong(let kinds):
      guard let analysis else { return [] }
      let typed = typed.lowercased()
      var seen: Set<String> = []
      var items: [CompletionItem] = []
      for declaration in analysis.loaded.ledger.declarations where kinds.contains(declaration.kind) {
        guard seen.insert(declaration.id).inserted else { continue }
        let title = title(of: declaration.id, declaration.kind)
        guard typed.isEmpty || declaration.id.contains(typed) || title?.lowercased().contains(typed) == true else {
          continue
        }
        var entry = item(declaration.id, kind: 18, detail: title)
        entry.filterText = declaration.id + " " + (title ?? "")
        items.append(entry)
      }
      return items.sorted { $0.label < $1.label }
    case .choice(let choices):
      // A French writer reads each word with the French Steer prints for it: `deployed`, « déployé ».
      return zip(choices.words, choices.labels).map { word, label in
        var entry = item(word, kind: 20, detail: say.isFrench ? label.fr : nil)
        if say.isFrench { entry.filterText = word + " " + label.fr }
        return entry
      }
    case .ruleID:
      return RuleCatalogue.descriptions.filter(\.canBeRegraded).map { item($0.id, kind: 20, detail: $0.summary(say)) }
    case .metricName: return MetricRegistry.standard.gateable.map { item($0.id, kind: 20, detail: $0.label(say)) }
    case .date: return [item(CalendarDate.today().description, kind: 12, detail: say(en: "today", fr: "aujourd'hui"))]
    default: return []
    }
  }
}
