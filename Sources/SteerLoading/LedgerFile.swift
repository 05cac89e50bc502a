import SteerGit
import SteerModel

/// One file found under the ledger directory, before it is read.
public struct LedgerFile: Hashable, Sendable {
  /// Path from the repository root, with `/` separators (what diagnostics print).
  public var path: String
  /// Path from the ledger directory.
  public var relativePath: String
  /// What the file is, from where it stands.
  public let role: Role
  /// The blob git knows the file's content to be, if any: the document cache is looked up by it.
  public var blob: ObjectID?

  public init(path: String, relativePath: String, blob: ObjectID? = nil) {
    self.path = path
    self.relativePath = relativePath
    self.role = Self.role(of: relativePath)
    self.blob = blob
  }

  /// The file at `path`, which starts with `prefix`: the ledger directory and a `/`, or nothing.
  public init(path: String, belowPrefix prefix: String, blob: ObjectID? = nil) {
    // By bytes: dropping `Character`s would find grapheme boundaries, file after file.
    self.init(
      path: path, relativePath: String(decoding: path.utf8.dropFirst(prefix.utf8.count), as: UTF8.self), blob: blob)
  }

  /// What a file under the ledger is, from where it stands.
  public enum Role: Hashable, Sendable {
    case document(DocumentKind, stem: String)
    /// A measurement series, `measurements/<indicator id>.csv`.
    case series(indicator: String)
    /// Not part of the ledger: not Markdown, a draft (`_x.md`, `.x.md`) or `README.md`.
    case ignored
    /// A Markdown file that stands in no ledger directory.
    case misplaced
  }

  static func role(of relativePath: String) -> Role {
    if relativePath.utf8.last == UInt8(ascii: "v") { return seriesRole(of: relativePath) }
    var path = relativePath
    // On bytes: this runs for every file of the ledger, and `Character`s cost more.
    return path.withUTF8 { bytes in
      let count = bytes.count
      guard count > 3, bytes[count - 3] == UInt8(ascii: "."), bytes[count - 2] == UInt8(ascii: "m"),
        bytes[count - 1] == UInt8(ascii: "d")
      else { return .ignored }
      // Any component that starts with `_` or `.` makes a draft or a hidden file.
      var atComponentStart = true
      var slashes = 0
      var firstSlash = 0
      for (offset, byte) in bytes.enumerated() {
        if atComponentStart && (byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")) { return .ignored }
        atComponentStart = byte == UInt8(ascii: "/")
        if atComponentStart {
          if slashes == 0 { firstSlash = offset }
          slashes += 1
        }
      }
      switch slashes {
      case 0:
        if relativePath == DocumentKind.visionFileName { return .document(.vision, stem: "vision") }
        return relativePath == "README.md" ? .ignored : .misplaced
      case 1:
        let slash = firstSlash
        let directory = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self)
        guard let kind = DocumentKind.forDirectory(directory) else { return .misplaced }
        return .document(
          kind, stem: String(decoding: UnsafeBufferPointer(rebasing: bytes[(slash + 1)..<(count - 3)]), as: UTF8.self))
      default:
        return .misplaced
      }
    }
  }

  /// A `.csv` file is a measurement series when it stands in `measurements/` (and is no draft);
  /// any other is no part of the ledger.
  private static func seriesRole(of relativePath: String) -> Role {
    let prefix = MeasurementSeries.directory + "/"
    guard relativePath.hasSuffix(".csv"), relativePath.hasPrefix(prefix) else { return .ignored }
    let name = relativePath.dropFirst(prefix.count).dropLast(4)
    guard !name.isEmpty, !name.contains("/"), name.first != "_", name.first != "." else { return .ignored }
    return .series(indicator: String(name))
  }
}
