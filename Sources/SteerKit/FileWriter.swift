import Foundation
import SteerModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes what a command saves (a report, a summary, a baseline): the directories on the way
/// made, the file replaced atomically, and a failure said in plain words.
public enum FileWriter {
  /// - Parameter atomically: false for the many pages of a site, where a file made beside each
  ///   page and moved into place would double the files the system creates; a site cut short is
  ///   written again whole.
  public static func write(_ bytes: some DataProtocol, to path: String, atomically: Bool = true) throws(SteerError) {
    let url = URL(fileURLWithPath: path)
    // A file where a directory should be: say so, rather than "a file with that name exists".
    var ancestor = url.deletingLastPathComponent()
    while ancestor.path != "/", !FileManager.default.fileExists(atPath: ancestor.path) {
      ancestor.deleteLastPathComponent()
    }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw SteerError.file(path, POSIXError(.ENOTDIR))
    }
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      if atomically {
        try Data(bytes).write(to: url, options: .atomic)
      } else {
        try writeInPlace(Array(bytes), to: path)
      }
    } catch {
      throw SteerError.file(path, error)
    }
  }

  /// `open`, `write`, `close`: no file beside it, no `fsync` (Foundation's `Data.write` syncs
  /// each file, which for the thousands of pages of a site is most of the time).
  private static func writeInPlace(_ bytes: [UInt8], to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { _ = close(descriptor) }
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
      written += count
    }
  }
}

/// The C library's `write(2)`, under a name that `FileWriter.write` does not hide.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
