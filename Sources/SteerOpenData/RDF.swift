import SteerModel

/// A small RDF graph, written as Turtle and as JSON-LD from the same nodes, so that the two
/// catalogues say the same thing.
struct RDFNode {
  enum Object {
    case iri(String)
    case literal(String, language: String? = nil, datatype: String? = nil)
    /// A blank node, written inline.
    case node(RDFNode)
  }

  /// Nil for a blank node.
  var id: String?
  var types: [String]
  var properties: [(String, [Object])] = []

  init(_ id: String?, _ types: [String]) {
    self.id = id
    self.types = types
  }

  mutating func add(_ predicate: String, _ objects: Object...) { add(predicate, objects) }

  mutating func add(_ predicate: String, _ objects: [Object]) {
    guard !objects.isEmpty else { return }
    properties.append((predicate, objects))
  }
}

enum RDFWriter {
  static let prefixes: [(String, String)] = [
    ("dcat", "http://www.w3.org/ns/dcat#"), ("dct", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"), ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("spdx", "http://spdx.org/rdf/terms#"), ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
  ]

  // MARK: Turtle

  /// Named nodes are written once each at the top level (the first description of an IRI),
  /// blank ones inline.
  static func turtle(_ nodes: [RDFNode]) -> String {
    var lines = prefixes.map { "@prefix \($0.0): <\($0.1)> ." }
    var written: Set<String> = []
    for node in nodes.flatMap(named) {
      guard let id = node.id, written.insert(id).inserted else { continue }
      lines.append("")
      lines.append(iri(id) + "\n" + body(node, indent: 1) + " .")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The node and every named node below it, in the order met.
  private static func named(_ node: RDFNode) -> [RDFNode] {
    let below = node.properties.flatMap(\.1).flatMap { object -> [RDFNode] in
      if case .node(let child) = object { return named(child) }
      return []
    }
    return (node.id == nil ? [] : [node]) + below
  }

  private static func body(_ node: RDFNode, indent: Int) -> String {
    let pad = String(repeating: "  ", count: indent)
    var statements: [String] = []
    if !node.types.isEmpty { statements.append(pad + "a " + node.types.map(iri).joined(separator: ", ")) }
    for (predicate, objects) in node.properties {
      statements.append(pad + iri(predicate) + " " + objects.map { object($0, indent: indent) }.joined(separator: ", "))
    }
    return statements.joined(separator: " ;\n")
  }

  private static func object(_ object: RDFNode.Object, indent: Int) -> String {
    switch object {
    case .iri(let value): iri(value)
    case .literal(let text, let language, let datatype):
      quoted(text) + (language.map { "@" + $0 } ?? "") + (datatype.map { "^^" + iri($0) } ?? "")
    case .node(let node):
      node.id.map(iri) ?? "[\n" + body(node, indent: indent + 1) + "\n" + String(repeating: "  ", count: indent) + "]"
    }
  }

  /// A prefixed name when the IRI starts with a known namespace and the rest is a plain name;
  /// else the IRI between angle brackets (relative ones resolve against where the file is).
  private static func iri(_ value: String) -> String {
    for (prefix, namespace) in prefixes where value.hasPrefix(namespace) {
      let local = value.dropFirst(namespace.count)
      if !local.isEmpty, local.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
        return prefix + ":" + local
      }
    }
    var escaped = ""
    for scalar in value.unicodeScalars {
      if scalar.value <= 0x20 || "<>\"{}|^`\\".unicodeScalars.contains(scalar) {
        escaped += "%" + String(scalar.value, radix: 16, uppercase: true)
      } else {
        escaped.unicodeScalars.append(scalar)
      }
    }
    return "<" + escaped + ">"
  }

  private static func quoted(_ text: String) -> String {
    text.doubleQuoted { $0 == "\r" ? "\\r" : nil }
  }

  // MARK: JSON-LD

  static func jsonLD(_ nodes: [RDFNode]) -> JSONValue {
    .object([
      ("@context", .object(prefixes.map { ($0.0, .string($0.1)) })),
      ("@graph", .array(nodes.map(json))),
    ])
  }

  private static func json(_ node: RDFNode) -> JSONValue {
    var members: [(String, JSONValue)] = []
    if let id = node.id { members.append(("@id", .string(id))) }
    if !node.types.isEmpty { members.append(("@type", .array(node.types.map(JSONValue.string)))) }
    for (predicate, objects) in node.properties {
      members.append((predicate, .array(objects.map(json))))
    }
    return .object(members)
  }

  private static func json(_ object: RDFNode.Object) -> JSONValue {
    switch object {
    case .iri(let value): .object([("@id", .string(value))])
    case .literal(let text, let language, let datatype):
      .object(
        [("@value", .string(text))] + (language.map { [("@language", .string($0))] } ?? [])
          + (datatype.map { [("@type", .string($0))] } ?? []))
    case .node(let node): json(node)
    }
  }
}
