import SteerModel

/// One file found under the ledger directory, before it is read.
public struct LedgerFile: Hashable, Sendable {
  /// Path from the repository root, with `/` separators (what diagnostics print).
  public var path: String
  /// Path from the ledger directory.
  public var relativePath: String
  /// What the file is, from where it stands.
  public let role: Role

  public init(path: String, relativePath: String) {
    self.path = path
    self.relativePath = relativePath
    self.role = Self.role(of: relativePath)
  }

  /// What a file under the ledger is, from where it stands.
  public enum Role: Hashable, Sendable {
    case document(DocumentKind, stem: String)
    /// Not part of the ledger: not Markdown, a draft (`_x.md`, `.x.md`) or `README.md`.
    case ignored
    /// A Markdown file that stands in no ledger directory.
    case misplaced
  }

  static func role(of relativePath: String) -> Role {
    let utf8 = relativePath.utf8
    guard utf8.count > 3, relativePath.hasSuffix(".md") else { return .ignored }
    // Any component that starts with `_` or `.` makes a draft or a hidden file.
    var atComponentStart = true
    var slashes = 0
    for byte in utf8 {
      if atComponentStart && (byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")) { return .ignored }
      atComponentStart = byte == UInt8(ascii: "/")
      if atComponentStart { slashes += 1 }
    }
    switch slashes {
    case 0:
      if relativePath == DocumentKind.visionFileName { return .document(.vision, stem: "vision") }
      return relativePath == "README.md" ? .ignored : .misplaced
    case 1:
      let slash = relativePath.firstIndex(of: "/")!
      let name = relativePath[relativePath.index(after: slash)...]
      guard let kind = DocumentKind.forDirectory(String(relativePath[..<slash])) else { return .misplaced }
      return .document(kind, stem: String(name.dropLast(3)))
    default:
      return .misplaced
    }
  }
}
