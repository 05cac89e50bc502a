import SteerLoading
import SteerModel

/// Rewrites one top-level field's value in a document's front matter (an iteration's
/// `status`, a use case's `phase`), changing nothing else: comments, layout and body stay.
enum FieldRewriter {
  static func replace(_ field: String, with value: String, in bytes: [UInt8], path: String) throws(SteerError)
    -> [UInt8]
  {
    let located: (line: Int, column: Int, length: Int)? = bytes.withUnsafeBufferPointer { buffer in
      guard let frontMatter = try? FrontMatter.split(buffer),
        let root = try? YAMLReader.read(
          UnsafeBufferPointer(rebasing: buffer[frontMatter.yaml]), firstLine: frontMatter.yamlFirstLine),
        case .mapping(let entries) = root.content,
        let node = entries.first(where: { $0.key.scalar?.text == field })?.value,
        let scalar = node.scalar
      else { return nil }
      let quotes = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 2 : 0
      return (node.location.line, node.location.column, scalar.text.unicodeScalars.count + quotes)
    }
    guard let located else {
      throw SteerError(
        en: "cannot find the `\(field)` of \(path)", fr: "impossible de trouver le champ `\(field)` de \(path)",
        hint: (
          en: "run `steer check` and fix the file first", fr: "lancez `steer check` et corrigez d'abord le fichier"
        ))
    }
    var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .map(String.init)
    var scalars = Array(lines[located.line - 1].unicodeScalars)
    // A BOM on the first line is not a column.
    let offset = located.line == 1 && scalars.first == "\u{FEFF}" ? 1 : 0
    let start = located.column - 1 + offset
    scalars.replaceSubrange(start..<min(scalars.count, start + located.length), with: value.unicodeScalars)
    var line = String.UnicodeScalarView()
    line.append(contentsOf: scalars)
    lines[located.line - 1] = String(line)
    return Array(lines.joined(separator: "\n").utf8)
  }
}
