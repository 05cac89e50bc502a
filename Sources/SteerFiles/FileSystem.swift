import SteerConcurrency
import SteerModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the loader needs: they are several times cheaper than Foundation's
/// file enumeration, and reading happens on many threads at once. Every call here exists
/// under the same name in glibc, musl and Darwin.
public enum FileSystem {
  public static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  public static func isDirectory(_ path: String) -> Bool { fileType(path, following: true) == S_IFDIR }

  public static func isFile(_ path: String) -> Bool { fileType(path, following: true) == S_IFREG }

  /// Whether anything stands at `path`, even a link that goes nowhere.
  public static func exists(_ path: String) -> Bool { fileType(path, following: false) != nil }

  /// Why what stands at `path` cannot be listed as a directory, or nil when it can (or when
  /// nothing stands there).
  public static func directoryProblem(_ path: String) -> FileContents.Unreadable? {
    guard let type = fileType(path, following: false) else { return nil }
    if type == S_IFLNK { return .symbolicLink }
    guard type == S_IFDIR else { return .notADirectory }
    guard let handle = opendir(path) else { return .system(errno) }
    closedir(handle)
    return nil
  }

  /// A regular file, not a symbolic link to one.
  public static func isRegularFile(_ path: String) -> Bool { fileType(path, following: false) == S_IFREG }

  /// The `S_IFMT` bits of what stands at `path`, or nil when nothing can be found there.
  private static func fileType(_ path: String, following: Bool) -> mode_t? {
    var info = stat()
    guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
    return info.st_mode & S_IFMT
  }

  public static func currentDirectory() -> String {
    guard let path = getcwd(nil, 0) else { return "." }
    defer { free(path) }
    return String(cString: path)
  }

  /// Regular files below `directory`, as paths relative to it, in the order of their paths
  /// (git's: each directory's entries sorted, a subdirectory's name read as ending in `/`).
  /// Symbolic links and entries whose name starts with `.` or `_` are not followed.
  public static func files(under directory: String) -> [String] {
    // The subdirectories at the top are listed at once, over the cores: a ledger's files are
    // nearly all in two of them (use cases and workshops).
    sortedEntries(of: directory).concurrentMap { entry in
      guard entry.isDirectory else { return [entry.key] }
      var files: [String] = []
      collectFiles(under: directory + "/" + entry.key.dropLast(), prefix: entry.key, into: &files)
      return files
    }.flatMap { $0 }
  }

  private static func collectFiles(under absolute: String, prefix: String, into result: inout [String]) {
    for entry in sortedEntries(of: absolute) {
      if entry.isDirectory {
        collectFiles(under: absolute + "/" + entry.key.dropLast(), prefix: prefix + entry.key, into: &result)
      } else {
        result.append(prefix + entry.key)
      }
    }
  }

  private struct Entry: Sendable {
    /// The name, with a `/` after a directory's: sorting these sorts as git does.
    var key: String
    var isDirectory: Bool
  }

  /// The regular files and directories in `absolute`, sorted.
  private static func sortedEntries(of absolute: String) -> [Entry] {
    guard let handle = opendir(absolute) else { return [] }
    defer { closedir(handle) }
    var entries: [Entry] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasPrefix(".") || name.hasPrefix("_") { continue }
      var isDirectory = Int32(entry.pointee.d_type) == Int32(DT_DIR)
      var isFile = Int32(entry.pointee.d_type) == Int32(DT_REG)
      if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {  // some file systems do not say
        let type = fileType(absolute + "/" + name, following: false)
        (isDirectory, isFile) = (type == S_IFDIR, type == S_IFREG)
      }
      if isDirectory {
        entries.append(Entry(key: name + "/", isDirectory: true))
      } else if isFile || name.hasSuffix(".md") {
        // A link, a pipe or a device named like a document is listed: reading it says why it
        // cannot be read, rather than leaving it out without a word.
        entries.append(Entry(key: name, isDirectory: false))
      }
    }
    entries.sort { $0.key < $1.key }
    return entries
  }

  /// A whole regular file, refusing one larger than `limit` bytes before reading it. Whatever
  /// else stands there (a FIFO, a device, a directory) is refused without blocking on it.
  public static func contents(of path: String, limit: Int) -> FileContents {
    // A link is not followed: opening it with O_NOFOLLOW fails, and says which failure it is.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW)
    guard descriptor >= 0 else {
      return .unreadable(errno == ELOOP && fileType(path, following: false) == S_IFLNK ? .symbolicLink : .system(errno))
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .unreadable(.system(errno)) }
    guard info.st_mode & S_IFMT == S_IFREG else { return .unreadable(.notARegularFile) }
    let size = Int(info.st_size)
    if size > limit { return .tooLarge(size) }
    var bytes = [UInt8](repeating: 0, count: size)
    var offset = 0
    while offset < size {
      let count = bytes.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress! + offset, size - offset)
      }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return .unreadable(.system(errno))
      }
      if count == 0 { break }
      offset += count
    }
    if offset < size { bytes.removeSubrange(offset...) }
    return .bytes(bytes)
  }
}

/// The contents of one file, or why there are none.
public enum FileContents: Sendable {
  case bytes([UInt8])
  case tooLarge(Int)
  case unreadable(Unreadable)

  /// Why a file could not be read.
  public enum Unreadable: Sendable {
    /// A symbolic link: Steer reads only regular files (a link may point outside the
    /// repository, and git stores the link, not the document).
    case symbolicLink
    /// A named pipe, a device, a socket or a directory.
    case notARegularFile
    /// A file where a directory should be.
    case notADirectory
    /// The C library's error number.
    case system(Int32)
    /// A blob the object database does not hold.
    case missingBlob

    public func text(_ say: Wording) -> String {
      switch self {
      case .symbolicLink:
        say(
          en: "it is a symbolic link, and Steer reads only regular files",
          fr: "c'est un lien symbolique, et Steer ne lit que des fichiers ordinaires")
      case .notARegularFile:
        say(
          en: "it is not a regular file (a named pipe, a device, a socket or a directory)",
          fr: "ce n'est pas un fichier ordinaire (tube nommé, périphérique, socket ou répertoire)")
      case .notADirectory: say(en: "it is not a directory", fr: "ce n'est pas un répertoire")
      case .system(let code):
        switch code {
        case EACCES, EPERM: say(en: "permission denied", fr: "accès refusé")
        case ENOENT: say(en: "it does not exist", fr: "il n'existe pas")
        default: say(en: "the system refused (error \(code))", fr: "le système a refusé (erreur \(code))")
        }
      case .missingBlob: say(en: "git does not hold its content", fr: "git n'en a pas le contenu")
      }
    }
  }

  /// Whether nothing stands at the path any more.
  public var isGone: Bool {
    if case .unreadable(.system(ENOENT)) = self { return true }
    return false
  }
}
