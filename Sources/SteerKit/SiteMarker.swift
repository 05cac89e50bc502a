import SteerFiles
import SteerModel

/// `.steer-site`, in a directory `steer site` wrote: its heading, then a line per file written
/// there — the digest of what the file shows, its size and modification time once written, its
/// path. The next run writes a file again only when its digest changed or the file is no longer
/// as written (removed or edited by hand), and removes only the files it names that the site no
/// longer has (documents gone).
struct SiteMarker {
  static let name = ".steer-site"
  static let heading = "steer site"

  struct Entry {
    var digest: UInt64
    var stamp: FileOutput.Stamp
  }

  /// The files named, in their order; a line of an older marker (its path alone) has no entry.
  private(set) var paths: [String] = []
  private(set) var entries: [String: Entry] = [:]

  init() {}

  /// The marker's text, or nil when it is not one.
  init?(_ text: String) {
    guard text.hasPrefix(Self.heading) else { return nil }
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: " ", maxSplits: 4)
      guard fields.count == 5, let digest = UInt64(fields[0], radix: 16), let size = Int64(fields[1]),
        let seconds = Int64(fields[2]), let nanoseconds = Int64(fields[3])
      else {
        paths.append(String(line))
        continue
      }
      let path = String(fields[4])
      paths.append(path)
      entries[path] = Entry(
        digest: digest, stamp: FileOutput.Stamp(size: size, seconds: seconds, nanoseconds: nanoseconds))
    }
  }

  /// Whether `path` under `root` still holds what `digest` describes: written with that digest,
  /// and of the same size and modification time since.
  func holds(_ path: String, _ digest: UInt64, root: String) -> Bool {
    guard let entry = entries[path], entry.digest == digest else { return false }
    return FileOutput.stamp(root: root, relativePath: path) == entry.stamp
  }

  mutating func record(_ path: String, _ entry: Entry) {
    paths.append(path)
    entries[path] = entry
  }

  var text: String {
    var text = Self.heading + "\n"
    for path in paths {
      guard let entry = entries[path] else { continue }
      text +=
        "\(FNV1a.hex(entry.digest)) \(entry.stamp.size) \(entry.stamp.seconds) \(entry.stamp.nanoseconds) \(path)\n"
    }
    return text
  }
}
