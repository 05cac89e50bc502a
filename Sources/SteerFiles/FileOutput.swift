import Foundation
import SteerModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every write Steer makes to a user's files goes through here: one atomic replacement for
/// regular files that keeps their mode, and the few libc calls it needs, guarded for glibc,
/// musl and Darwin in this module (with `FileSystem`, its reading side).
///
/// An output path is written *through*, never replaced: a character device (`/dev/null`), a
/// FIFO or a socket is opened and written; a symbolic link is followed and its target
/// replaced (the link stays); `/dev/stdout` and the other `/dev/fd` and `/proc` links are
/// written through to what they name.
public enum FileOutput {
  /// Writes `bytes` to `path` as described above, making the directories on the way.
  public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(SteerError) {
    try write(to: path) { sink in try sink(Array(bytes)) }
  }

  /// Writes to `path` what `produce` hands its sink, a chunk at a time, as `write(_:to:)` does:
  /// a large output is never held whole.
  public static func write(to path: String, _ produce: (_ sink: ([UInt8]) throws -> Void) throws -> Void)
    throws(SteerError)
  {
    do {
      switch try destination(of: path) {
      case .through(let target):
        try writeThrough(to: target, produce)
      case .replace(let target):
        try makeDirectories(upTo: target)
        try StagedFile(for: target, producing: produce).commit()
      }
    } catch let error as SteerError {
      throw error
    } catch {
      throw SteerError.file(path, error)
    }
  }

  /// Writes a new file at `path`, making the directories on the way, refusing to replace one
  /// that exists (`FileOutputError.system(EEXIST)`).
  public static func create(_ bytes: [UInt8], at path: String) throws(FileOutputError) {
    try makeDirectories(upTo: path)
    do {
      try StagedFile(for: path) { try $0(bytes) }.commitNew()
    } catch let error as FileOutputError {
      throw error
    } catch {
      throw .system(EIO)
    }
  }

  /// Writes `relativePath` inside `root`, a directory Steer owns (a site's pages): no file
  /// beside it and no `fsync`, for thousands of pages, and never through a symbolic link below
  /// `root` (one where a page or its directory goes is refused, so that nothing outside `root`
  /// is written; `root` itself may be a link).
  /// Returns the file's stamp once written.
  @discardableResult
  public static func writeOwned(_ bytes: some Collection<UInt8>, root: String, relativePath: String) throws(SteerError)
    -> Stamp
  {
    let path = root + "/" + relativePath
    var directory = root
    for component in relativePath.split(separator: "/").dropLast() {
      directory += "/" + component
      var info = stat()
      if lstat(directory, &info) != 0 {
        guard mkdir(directory, 0o777) == 0 || errno == EEXIST else {
          throw SteerError.file(path, FileOutputError.system(errno))
        }
      } else if info.st_mode & S_IFMT == S_IFLNK {
        throw SteerError.symbolicLinkInOwnedDirectory(directory)
      } else if info.st_mode & S_IFMT != S_IFDIR {
        throw SteerError.file(path, FileOutputError.system(ENOTDIR))
      }
    }
    // Not blocking: a FIFO where a page goes would otherwise wait for a reader forever.
    let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o666)
    var info = stat()
    guard descriptor >= 0 else {
      let failure = errno
      if lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
        throw SteerError.symbolicLinkInOwnedDirectory(path)
      }
      if lstat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
        throw SteerError.notAFileInOwnedDirectory(path)
      }
      throw SteerError.file(path, FileOutputError.system(failure))
    }
    defer { _ = close(descriptor) }
    guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
      throw SteerError.notAFileInOwnedDirectory(path)
    }
    do {
      guard ftruncate(descriptor, 0) == 0 else { throw FileOutputError.system(errno) }
      try writeAll(Array(bytes), to: descriptor)
    } catch {
      throw SteerError.file(path, error)
    }
    guard fstat(descriptor, &info) == 0 else { throw SteerError.file(path, FileOutputError.system(errno)) }
    return Stamp(info)
  }

  /// What tells that a file Steer wrote in a directory it owns was changed or removed since:
  /// its size and modification time, as `git` tells a file it indexed.
  public struct Stamp: Equatable, Sendable {
    public var size: Int64
    public var seconds: Int64
    public var nanoseconds: Int64

    public init(size: Int64, seconds: Int64, nanoseconds: Int64) {
      self.size = size
      self.seconds = seconds
      self.nanoseconds = nanoseconds
    }

    init(_ info: stat) {
      #if canImport(Darwin)
        let time = info.st_mtimespec
      #else
        let time = info.st_mtim
      #endif
      self.init(size: Int64(info.st_size), seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
    }
  }

  /// The stamp of `relativePath` inside `root` if it is a regular file (not a link).
  public static func stamp(root: String, relativePath: String) -> Stamp? {
    var info = stat()
    guard lstat(root + "/" + relativePath, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return Stamp(info)
  }

  /// Removes `relativePath` inside `root` if it is a regular file reached through no link.
  public static func removeOwned(root: String, relativePath: String) {
    var path = root
    for component in relativePath.split(separator: "/") {
      var info = stat()
      if path != root { guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return } }
      path += "/" + component
    }
    var info = stat()
    if lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG { unlink(path) }
  }

  /// A file written beside its destination, with the destination's mode (and owner, where
  /// permitted), flushed, and not yet in place: `commit` moves it there in one step. Writers
  /// of several files (`steer rename`) stage them all before committing any, so that one
  /// that cannot be written stops them before anything changed.
  public final class StagedFile {
    public let destination: String
    private var temporary: String?

    /// Stages what `produce` hands its sink; `StagedFile(for: path) { try $0(bytes) }` stages bytes.
    public init(for destination: String, producing produce: (_ sink: ([UInt8]) throws -> Void) throws -> Void) throws {
      self.destination = destination
      var existing = stat()
      let exists = stat(destination, &existing) == 0
      var descriptor: Int32 = -1
      var name = ""
      // A name nobody else uses, created exclusively: mode 0666 less the umask, as any new file.
      for attempt in 0..<100 {
        name = destination + ".steer-\(getpid())-\(attempt)-\(UInt32.random(in: 0...UInt32.max))"
        descriptor = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
        if descriptor >= 0 || errno != EEXIST { break }
      }
      guard descriptor >= 0 else { throw FileOutputError.system(errno) }
      temporary = name
      do {
        defer { _ = close(descriptor) }
        if exists {
          _ = fchown(descriptor, existing.st_uid, existing.st_gid)  // only root may give a file away
          guard fchmod(descriptor, existing.st_mode & 0o7777) == 0 else { throw FileOutputError.system(errno) }
        }
        try produce { try writeAll($0, to: descriptor) }
        guard fsync(descriptor) == 0 else { throw FileOutputError.system(errno) }
      } catch {
        discard()
        throw error
      }
    }

    deinit { discard() }

    /// Removes what a writer killed before it could clean up (`kill -9`, a power cut) left
    /// beside `destination`: files staged by a process that no longer runs.
    public static func removeLeftovers(beside destination: String) {
      let directory = (destination as NSString).deletingLastPathComponent
      let prefix = (destination as NSString).lastPathComponent + ".steer-"
      guard let handle = opendir(directory.isEmpty ? "." : directory) else { return }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        guard name.hasPrefix(prefix), let pid = pid_t(name.dropFirst(prefix.count).prefix { $0 != "-" }),
          kill(pid, 0) != 0 && errno == ESRCH
        else { continue }
        unlink((directory.isEmpty ? "" : directory + "/") + name)
      }
    }

    /// Moves the staged file into place, replacing the destination (or, for a file that is
    /// also renamed, `newDestination` in the same directory) in one step.
    public func commit(to newDestination: String? = nil) throws(FileOutputError) {
      guard let temporary else { return }
      guard rename(temporary, newDestination ?? destination) == 0 else {
        let failure = errno
        discard()
        throw .system(failure)
      }
      self.temporary = nil
    }

    /// Moves the staged file into place only if nothing stands there yet (`EEXIST` if something
    /// does): a new file appears whole or not at all, and never replaces another.
    public func commitNew() throws(FileOutputError) {
      guard let temporary else { return }
      defer { discard() }
      guard link(temporary, destination) == 0 else { throw .system(errno) }
    }

    /// Removes the staged file, leaving the destination as it was.
    public func discard() {
      if let temporary { unlink(temporary) }
      temporary = nil
    }
  }

  private enum Destination {
    /// Open and write: a device, a FIFO, a socket, what a `/proc` or `/dev/fd` link names.
    case through(String)
    /// Replace atomically the regular file (or nothing yet) at this path.
    case replace(String)
  }

  /// Where writing `path` must go: symbolic links followed one by one.
  private static func destination(of path: String) throws(FileOutputError) -> Destination {
    var current = path
    for _ in 0..<40 {
      // The kernel's own links (`/dev/stdout` → `/proc/self/fd/1` → a terminal, a pipe or a
      // file another process opened) are written through: replacing what they name would
      // write somewhere the process reading it never looks.
      if current.hasPrefix("/proc/") || current.hasPrefix("/dev/fd/") { return .through(current) }
      var info = stat()
      guard lstat(current, &info) == 0 else {
        guard errno == ENOENT else { throw .system(errno) }
        return .replace(current)
      }
      switch info.st_mode & S_IFMT {
      case S_IFREG: return .replace(current)
      case S_IFDIR: throw .system(EISDIR)
      case S_IFLNK:
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(current, &buffer, buffer.count - 1)
        guard count >= 0 else { throw .system(errno) }
        let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let directory = (current as NSString).deletingLastPathComponent
        current = target.hasPrefix("/") || directory.isEmpty ? target : directory + "/" + target
      default: return .through(current)
      }
    }
    throw .system(ELOOP)
  }

  private static func writeThrough(to path: String, _ produce: (([UInt8]) throws -> Void) throws -> Void) throws {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileOutputError.system(errno) }
    defer { _ = close(descriptor) }
    // A regular file reached through `/proc` or `/dev/fd` is emptied first, as `>` would.
    var info = stat()
    if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG { _ = ftruncate(descriptor, 0) }
    try produce { try writeAll($0, to: descriptor) }
  }

  /// Writes bytes to standard output, unbuffered: a streamed report goes out as it is made.
  public static func writeToStandardOutput(_ bytes: [UInt8]) throws(FileOutputError) {
    try writeAll(bytes, to: STDOUT_FILENO)
  }

  /// Writes every byte, through interruptions and short writes.
  public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(FileOutputError) {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + written, bytes.count - written) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { throw .system(count < 0 ? errno : EIO) }
      written += count
    }
  }

  /// The directory `path` and those on the way to it, made when missing.
  public static func makeDirectory(_ path: String) throws(SteerError) {
    do { try makeDirectoryTree(path) } catch { throw SteerError.file(path, error) }
  }

  /// The directories on the way to `path`, made when missing.
  static func makeDirectories(upTo path: String) throws(FileOutputError) {
    try makeDirectoryTree((path as NSString).deletingLastPathComponent)
  }

  /// `mkdir -p`: a file where a directory should be is said as such.
  private static func makeDirectoryTree(_ path: String) throws(FileOutputError) {
    guard !path.isEmpty, path != "/" else { return }
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else { throw .system(ENOTDIR) }
      return
    }
    try makeDirectoryTree((path as NSString).deletingLastPathComponent)
    guard mkdir(path, 0o777) == 0 || errno == EEXIST else { throw .system(errno) }
  }
}

/// Why a write failed: the C library's code, which `SteerError.file` puts in words.
public enum FileOutputError: Error, CustomNSError {
  case system(Int32)

  /// Whether something already stands where a new file was to be made.
  public var exists: Bool { code == EEXIST }

  public var code: Int32 {
    switch self {
    case .system(let code): code
    }
  }

  public static var errorDomain: String { NSPOSIXErrorDomain }
  public var errorCode: Int { Int(code) }
}

extension SteerError {
  static func notAFileInOwnedDirectory(_ path: String) -> SteerError {
    SteerError(
      en: "\(path) is not a regular file (a pipe, a device or a socket): Steer writes its pages as files only",
      fr:
        "\(path) n'est pas un fichier ordinaire (tube nommé, périphérique ou socket) : Steer n'écrit ses pages que dans des fichiers",
      hint: (en: "remove it, then run the command again", fr: "supprimez-le, puis relancez la commande"))
  }

  static func symbolicLinkInOwnedDirectory(_ path: String) -> SteerError {
    SteerError(
      en: "\(path) is a symbolic link: Steer writes no page through a link, which could lead outside the directory",
      fr:
        "\(path) est un lien symbolique : Steer n'écrit aucune page à travers un lien, qui pourrait mener hors du répertoire",
      hint: (en: "remove the link, then run the command again", fr: "supprimez le lien, puis relancez la commande"))
  }
}

/// The C library's `write(2)`, under a name that `FileOutput.write` does not hide.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
