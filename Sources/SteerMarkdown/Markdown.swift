import CCmarkGFM

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// cmark-gfm's extensions are registered once for the life of the process.
private let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

/// GitHub-flavoured Markdown to HTML through cmark-gfm, always in its safe mode: raw HTML
/// becomes `<!-- raw HTML omitted -->` and `javascript:` links lose their target, so no ledger
/// text can inject script into a summary.
public enum Markdown {
  static let extensions = ["table", "tasklist", "strikethrough", "autolink", "tagfilter"]

  /// - Parameter top: the level a `#` heading takes (the page's sections hold the body, so its
  ///   headings nest under theirs); deeper ones follow, at most 6.
  public static func html(_ markdown: String, headingsFrom top: Int = 1) -> String {
    render(markdown) { _ in top - 1 }
  }

  /// The same, its shallowest heading at `level` whatever its own (`## Context` as a page's
  /// section, `<h2>`, where a document's body starts at `##` as MADR's records do).
  public static func html(_ markdown: String, shallowestHeadingAt level: Int) -> String {
    render(markdown) { shallowest in shallowest.map { level - $0 } ?? 0 }
  }

  /// - Parameter offset: how far to move every heading, given the shallowest level (nil: none).
  private static func render(_ markdown: String, offset: (Int?) -> Int) -> String {
    _ = extensionsRegistered
    let parser = Parser()
    for name in extensions {
      if let extensionPointer = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser.pointer, extensionPointer)
      }
    }
    let bytes = Array(markdown.utf8)
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser.pointer, $0.baseAddress, $0.count) }
    }
    guard let root = cmark_parser_finish(parser.pointer) else { return "" }
    defer { cmark_node_free(root) }
    let shift = offset(headings(of: root).map { Int(cmark_node_get_heading_level($0)) }.min())
    if shift != 0 {
      for node in headings(of: root) {
        cmark_node_set_heading_level(node, Int32(min(6, max(1, Int(cmark_node_get_heading_level(node)) + shift))))
      }
    }
    // CMARK_OPT_UNSAFE is never passed: safe output is the default.
    guard let rendered = cmark_render_html(root, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser.pointer))
    else { return "" }
    defer { free(rendered) }
    return String(cString: rendered)
  }

  private static func headings(of root: OpaquePointer) -> [OpaquePointer] {
    guard let iterator = cmark_iter_new(root) else { return [] }
    defer { cmark_iter_free(iterator) }
    var nodes: [OpaquePointer] = []
    while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
        cmark_node_get_type(node) == CMARK_NODE_HEADING
      else { continue }
      nodes.append(node)
    }
    return nodes
  }

  /// Owns a cmark parser.
  private final class Parser {
    let pointer: OpaquePointer

    init() { pointer = cmark_parser_new(CMARK_OPT_DEFAULT)! }

    deinit { cmark_parser_free(pointer) }
  }
}
