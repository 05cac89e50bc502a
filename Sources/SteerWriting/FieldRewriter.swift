import SteerLoading
import SteerModel

/// Rewrites one top-level field's value in a document's front matter (an iteration's
/// `status`, a use case's `phase`), changing nothing else: comments, layout, line endings and
/// body stay.
enum FieldRewriter {
  static func replace(_ field: String, with value: String, in bytes: [UInt8], path: String) throws(SteerError)
    -> [UInt8]
  {
    let node: YAMLNode? = bytes.withUnsafeBufferPointer { buffer in
      guard let frontMatter = try? FrontMatter.split(buffer),
        let root = try? YAMLReader.read(
          UnsafeBufferPointer(rebasing: buffer[frontMatter.yaml]), firstLine: frontMatter.yamlFirstLine),
        case .mapping(let entries) = root.content,
        let node = entries.first(where: { $0.key.scalar?.text == field })?.value,
        node.scalar != nil
      else { return nil }
      return node
    }
    let source = SourceText(bytes)
    guard let node, let start = source.offset(of: node.location), let end = source.offset(of: node.end), start <= end,
      let rewritten = source.replacing([(start..<end, value)])
    else {
      throw SteerError(
        en: "cannot find the `\(field)` of \(path)", fr: "impossible de trouver le champ `\(field)` de \(path)",
        hint: (
          en: "run `steer check` and fix the file first", fr: "lancez `steer check` et corrigez d'abord le fichier"
        ))
    }
    return rewritten
  }
}
