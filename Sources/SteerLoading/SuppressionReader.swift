import SteerModel

/// Finds the suppression comments of one document (see `Suppression`).
enum SuppressionReader {
  static func read(_ bytes: UnsafeBufferPointer<UInt8>, frontMatter: FrontMatter, file: String) -> [Suppression] {
    guard contains(bytes, Array(Suppression.fileDirective.utf8)) else { return [] }
    var suppressions: [Suppression] = []
    let source = SourceText(Array(bytes))
    let yamlLines = source.lines(in: frontMatter.yaml)
    for (index, line) in yamlLines.enumerated() {
      let trimmed = line.text.drop { $0 == " " || $0 == "\t" }
      guard trimmed.hasPrefix("#") else { continue }
      let comment = trimmed.dropFirst().drop { $0 == " " }
      guard comment.hasPrefix(Suppression.nextLineDirective) else { continue }
      let rules = ruleList(comment.dropFirst(Suppression.nextLineDirective.count))
      let target = yamlLines[(index + 1)...].first { next in
        let content = next.text.drop { $0 == " " || $0 == "\t" }
        return !content.isEmpty && !content.hasPrefix("#")
      }
      let column = line.text.unicodeScalars.count - trimmed.unicodeScalars.count + 1
      suppressions.append(
        Suppression(
          file: file, location: SourceLocation(line: line.number, column: column),
          scope: .line(target?.number ?? line.number + 1), rules: rules))
    }
    for line in source.lines(in: frontMatter.body) {
      var rest = Substring(line.text)
      while let open = rest.firstRange(of: "<!--") {
        guard let close = rest[open.upperBound...].firstRange(of: "-->") else { break }
        let comment = rest[open.upperBound..<close.lowerBound].drop { $0 == " " }
        if comment.hasPrefix(Suppression.fileDirective + " ") {
          let column = line.text[..<open.lowerBound].unicodeScalars.count + 1
          suppressions.append(
            Suppression(
              file: file, location: SourceLocation(line: line.number, column: column), scope: .file,
              rules: ruleList(comment.dropFirst(Suppression.fileDirective.count))))
        }
        rest = rest[close.upperBound...]
      }
    }
    return suppressions
  }

  /// Whether `needle` occurs in `bytes`: most documents have no directive and skip all parsing.
  private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard bytes.count >= needle.count else { return false }
    var index = 0
    while index <= bytes.count - needle.count {
      if bytes[index] == needle[0] && needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return true }
      index += 1
    }
    return false
  }

  private static func ruleList(_ text: Substring) -> [String] {
    text.split { $0 == "," || $0 == " " || $0 == "\t" }.map(String.init)
  }
}
