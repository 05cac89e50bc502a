import SteerLoading
import SteerModel

/// Rewrites an iteration file with `status: closed`, changing nothing else in it.
enum IterationCloser {
  static func close(_ bytes: [UInt8], path: String) throws(SteerError) -> [UInt8] {
    let located: (line: Int, column: Int, length: Int)? = bytes.withUnsafeBufferPointer { buffer in
      guard let frontMatter = try? FrontMatter.split(buffer),
        let root = try? YAMLReader.read(
          UnsafeBufferPointer(rebasing: buffer[frontMatter.yaml]), firstLine: frontMatter.yamlFirstLine),
        case .mapping(let entries) = root.content,
        let status = entries.first(where: { $0.key.scalar?.text == "status" })?.value,
        let scalar = status.scalar
      else { return nil }
      let quotes = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 2 : 0
      return (status.location.line, status.location.column, scalar.text.unicodeScalars.count + quotes)
    }
    guard let located else {
      throw SteerError(
        en: "cannot find the `status` of \(path)", fr: "impossible de trouver le `status` de \(path)",
        hint: (
          en: "run `steer check` and fix the file first", fr: "lancez `steer check` et corrigez d'abord le fichier"
        ))
    }
    var text = String(decoding: bytes, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var scalars = Array(lines[located.line - 1].unicodeScalars)
    // A BOM on the first line is not a column.
    let offset = located.line == 1 && scalars.first == "\u{FEFF}" ? 1 : 0
    let start = located.column - 1 + offset
    scalars.replaceSubrange(start..<min(scalars.count, start + located.length), with: "closed".unicodeScalars)
    var line = String.UnicodeScalarView()
    line.append(contentsOf: scalars)
    lines[located.line - 1] = String(line)
    text = lines.joined(separator: "\n")
    return Array(text.utf8)
  }
}
