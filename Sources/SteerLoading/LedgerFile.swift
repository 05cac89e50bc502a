import SteerModel

/// One file found under the ledger directory, before it is read.
public struct LedgerFile: Hashable, Sendable {
  /// Path from the repository root, with `/` separators (what diagnostics print).
  public var path: String
  /// Path from the ledger directory.
  public var relativePath: String
  /// Identifies the content (a blob id) for `DocumentCache`; nil for files of the work tree.
  public var cacheKey: String?

  public init(path: String, relativePath: String, blob: String? = nil) {
    self.path = path
    self.relativePath = relativePath
    self.cacheKey = blob.map { "\($0) \(path)" }
  }

  /// What a file under the ledger is, from where it stands.
  public enum Role: Hashable, Sendable {
    case document(DocumentKind, stem: String)
    /// Not part of the ledger: not Markdown, a draft (`_x.md`, `.x.md`) or `README.md`.
    case ignored
    /// A Markdown file that stands in no ledger directory.
    case misplaced
  }

  public var role: Role {
    let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
    guard let name = components.last, name.hasSuffix(".md"),
      !components.contains(where: { $0.hasPrefix("_") || $0.hasPrefix(".") })
    else { return .ignored }
    let stem = String(name.dropLast(3))
    switch components.count {
    case 1:
      if name == DocumentKind.visionFileName { return .document(.vision, stem: stem) }
      return name == "README.md" ? .ignored : .misplaced
    case 2:
      guard let kind = DocumentKind.forDirectory(String(components[0])) else { return .misplaced }
      return .document(kind, stem: stem)
    default:
      return .misplaced
    }
  }
}
