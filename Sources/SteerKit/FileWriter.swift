import Foundation
import SteerModel

/// Writes what a command saves (a report, a summary, a baseline): the directories on the way
/// made, the file replaced atomically, and a failure said in plain words.
public enum FileWriter {
  public static func write(_ bytes: some DataProtocol, to path: String) throws(SteerError) {
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
      try Data(bytes).write(to: url, options: .atomic)
    } catch {
      throw SteerError.file(path, error)
    }
  }
}
