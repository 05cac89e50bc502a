import SteerModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX calls the loader needs: they are several times cheaper than Foundation's
/// file enumeration, and reading happens on many threads at once.
enum FileSystem {
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }

  static func isFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// A regular file, not a symbolic link to one: what `files(under:)` lists.
  static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  static func currentDirectory() -> String {
    guard let path = getcwd(nil, 0) else { return "." }
    defer { free(path) }
    return String(cString: path)
  }

  /// Regular files below `directory`, as paths relative to it, in the order of their paths
  /// (git's: each directory's entries sorted, a subdirectory's name read as ending in `/`), so
  /// that sorting them again is nearly free. Symbolic links and entries whose name starts with
  /// `.` or `_` are not followed.
  static func files(under directory: String) -> [String] {
    // The subdirectories at the top are listed at once, over the cores: a ledger's files are
    // nearly all in two of them (use cases and workshops).
    sortedEntries(of: directory).concurrentMap { key, isDirectory in
      guard isDirectory else { return [key] }
      var files: [String] = []
      collectFiles(under: directory + "/" + key.dropLast(), prefix: key, into: &files)
      return files
    }.flatMap { $0 }
  }

  private static func collectFiles(under absolute: String, prefix: String, into result: inout [String]) {
    for (key, isDirectory) in sortedEntries(of: absolute) {
      if isDirectory {
        collectFiles(under: absolute + "/" + key.dropLast(), prefix: prefix + key, into: &result)
      } else {
        result.append(prefix + key)
      }
    }
  }

  /// The regular files and directories in `absolute`, each directory's name ending in `/`,
  /// sorted.
  private static func sortedEntries(of absolute: String) -> [(key: String, isDirectory: Bool)] {
    guard let handle = opendir(absolute) else { return [] }
    // Sorted by name alone, which is cheap: most names are short enough to be stored inline.
    var entries: [(key: String, isDirectory: Bool)] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasPrefix(".") || name.hasPrefix("_") { continue }
      var type = Int32(entry.pointee.d_type)
      if type == Int32(DT_UNKNOWN) {
        var info = stat()
        guard lstat(absolute + "/" + name, &info) == 0 else { continue }
        type =
          (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
      }
      if type == Int32(DT_DIR) {
        entries.append((name + "/", true))
      } else if type == Int32(DT_REG) {
        entries.append((name, false))
      }
    }
    closedir(handle)
    entries.sort { $0.key < $1.key }
    return entries
  }

  /// A whole file, refusing one larger than `limit` bytes before reading it.
  static func read(_ path: String, limit: Int) -> FileContents {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return .unreadable(String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return .unreadable(String(cString: strerror(errno))) }
    let size = Int(info.st_size)
    if size > limit { return .tooLarge(size) }
    var bytes = [UInt8](repeating: 0, count: size)
    var offset = 0
    while offset < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(descriptor, buffer.baseAddress! + offset, size - offset)
      }
      if count < 0 {
        if errno == EINTR { continue }
        return .unreadable(String(cString: strerror(errno)))
      }
      if count == 0 { break }
      offset += count
    }
    if offset < size { bytes.removeSubrange(offset...) }
    return .bytes(bytes)
  }

  /// Replaces the file at `path` with `bytes` atomically: written to a temporary file beside
  /// it, flushed, then renamed over it. Returns false, leaving `path` as it was, on any failure.
  static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
    var template = Array((path + ".XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { return false }
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      offset += count
    }
    let written = offset == bytes.count && fsync(descriptor) == 0
    guard close(descriptor) == 0, written, rename(temporary, path) == 0 else {
      unlink(temporary)
      return false
    }
    return true
  }

  /// The size and modification time of the running executable: a cache written by one build
  /// is not read by another, whose binary form or messages may differ. Nil when unknown.
  static func executableStamp() -> String? {
    var info = stat()
    #if os(Linux)
      guard stat("/proc/self/exe", &info) == 0 else { return nil }
      return "\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    #else
      var size = UInt32(PATH_MAX)
      var path = [CChar](repeating: 0, count: Int(size))
      guard _NSGetExecutablePath(&path, &size) == 0, stat(path, &info) == 0 else { return nil }
      return "\(info.st_size)-\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
    #endif
  }
}
