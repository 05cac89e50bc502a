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

  static func currentDirectory() -> String {
    guard let path = getcwd(nil, 0) else { return "." }
    defer { free(path) }
    return String(cString: path)
  }

  /// Regular files below `directory`, as paths relative to it. Symbolic links and entries
  /// whose name starts with `.` or `_` are not followed.
  static func files(under directory: String) -> [String] {
    var result: [String] = []
    var pending = [""]
    while let relative = pending.popLast() {
      let absolute = relative.isEmpty ? directory : directory + "/" + relative
      guard let handle = opendir(absolute) else { continue }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name.hasPrefix(".") || name.hasPrefix("_") { continue }
        let path = relative.isEmpty ? name : relative + "/" + name
        var type = Int32(entry.pointee.d_type)
        if type == Int32(DT_UNKNOWN) {
          var info = stat()
          guard lstat(absolute + "/" + name, &info) == 0 else { continue }
          type =
            (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : (info.st_mode & S_IFMT) == S_IFREG ? Int32(DT_REG) : 0
        }
        if type == Int32(DT_DIR) {
          pending.append(path)
        } else if type == Int32(DT_REG) {
          result.append(path)
        }
      }
    }
    return result
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
}
