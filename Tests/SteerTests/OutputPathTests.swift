import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output path is written through, never replaced: a character device stays a device, a
/// FIFO stays a FIFO (its reader gets the bytes), a symbolic link stays a link (its target
/// holds the output). And every file Steer rewrites keeps its mode.
@Suite struct OutputPathTests {
  enum Target: String, CaseIterable {
    case device, fifo, link
  }

  /// What each output option writes, with `PATH` where the output goes.
  static let writers: [[String]] = [
    ["summary", "--out", "PATH"],
    ["check", "--format", "sarif:PATH"],
    ["check", "--write-baseline", "PATH"],
  ]

  private func fileType(_ path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode & S_IFMT
  }

  @Test(arguments: Target.allCases, writers)
  func anOutputPathIsWrittenThrough(_ target: Target, _ arguments: [String]) throws {
    // Only root may make a device node (CI runs as root), and only Linux numbers it so.
    #if !os(Linux)
      guard target != .device else { return }
    #endif
    guard target != .device || getuid() == 0 else { return }
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let path = directory.path + "/output"
    var reader: Process?
    switch target {
    case .device:
      // /dev/null's numbers, 1 and 3, as Linux encodes small ones (glibc's makedev is a macro).
      #expect(mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0, "mknod: \(errno)")
    case .fifo:
      #expect(mkfifo(path, 0o644) == 0)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", "cat \"$0\" > \"$0.read\"", path]
      try process.run()
      reader = process
    case .link:
      try directory.write("target.txt", "old\n")
      try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "target.txt")
    }
    let result = try run(
      steerExecutable, arguments.map { $0.replacingOccurrences(of: "PATH", with: path) }, in: directory.path)
    #expect(result.status != 2, "\(result.stderr)")
    switch target {
    case .device:
      #expect(fileType(path) == S_IFCHR)
    case .fifo:
      reader?.waitUntilExit()
      #expect(fileType(path) == S_IFIFO)
      #expect(try directory.read("output.read").count > 20)
    case .link:
      #expect(fileType(path) == S_IFLNK)
      #expect(try directory.read("target.txt").count > 20)
    }
  }

  private func mode(_ path: String) -> mode_t {
    var info = stat()
    _ = stat(path, &info)
    return info.st_mode & 0o7777
  }

  /// `steer rename` and `retro record` rewrite files: a private one stays private, an
  /// executable one executable.
  @Test func rewrittenFilesKeepTheirMode() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try git(["init", "-q"], in: directory.path)
    try git(["config", "user.name", "Claire Morvan"], in: directory.path)
    try git(["config", "user.email", "claire@example.org"], in: directory.path)
    let useCase = directory.path + "/vision/usecases/water-sensors.md"
    let iteration = directory.path + "/vision/iterations/sprint-2.md"
    chmod(useCase, 0o600)
    chmod(iteration, 0o750)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "ledger"], in: directory.path)
    let renamed = try run(steerExecutable, ["rename", "water-sensors", "capteurs"], in: directory.path)
    #expect(renamed.status == 0, "\(renamed.stderr)")
    #expect(mode(directory.path + "/vision/usecases/capteurs.md") == 0o600)
    #expect(mode(iteration) == 0o750)
    try git(["add", "-A"], in: directory.path)
    try git(["commit", "-q", "-m", "renamed"], in: directory.path)
    try directory.write("vision/retros/sprint-2.md", "---\ndate: 2026-05-02\nparticipants: [mayor]\n---\n")
    let recorded = try run(steerExecutable, ["retro", "record", "sprint-2", "--close"], in: directory.path)
    #expect(recorded.status == 0, "\(recorded.stderr)")
    #expect(try directory.read("vision/iterations/sprint-2.md").contains("status: closed"))
    #expect(mode(iteration) == 0o750)
  }

  /// What a `retro record` killed mid-write left beside the iteration (a staged file of a
  /// process that no longer runs) is removed by the next record: git sees nothing untracked.
  @Test func aKilledRecordsLeftoverIsRemoved() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    try directory.write("vision/retros/sprint-2.md", "---\ndate: 2026-05-02\nparticipants: [mayor]\n---\n")
    let leftover = "vision/iterations/sprint-2.md.steer-2147483646-0-42"
    try directory.write(leftover, "half written")
    let running = "vision/iterations/sprint-2.md.steer-\(getpid())-0-42"
    try directory.write(running, "another writer's, still running")
    let recorded = try run(steerExecutable, ["retro", "record", "sprint-2", "--close"], in: directory.path)
    #expect(recorded.status == 0, "\(recorded.stderr)")
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/" + leftover))
    #expect(FileManager.default.fileExists(atPath: directory.path + "/" + running))
  }

  /// A link inside a site's directory is never followed: the run stops naming it, and what
  /// it points at is untouched. What Steer did not write there stays.
  @Test func aSiteWritesNothingThroughALinkAndKeepsOthersFiles() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    #expect(try run(steerExecutable, ["site", "--out", "public"], in: directory.path).status == 0)
    try directory.write("public/about.html", "<p>Mine</p>\n")
    try directory.write("public/archive.html/data.csv", "a,b\n")
    try directory.write("public/google123.html", "google-site-verification\n")
    #expect(try run(steerExecutable, ["site", "--out", "public"], in: directory.path).status == 0)
    #expect(try directory.read("public/about.html") == "<p>Mine</p>\n")
    #expect(try directory.read("public/archive.html/data.csv") == "a,b\n")
    #expect(try directory.read("public/google123.html") == "google-site-verification\n")

    try directory.write("victim.txt", "precious\n")
    try FileManager.default.removeItem(atPath: directory.path + "/public/index.html")
    try FileManager.default.createSymbolicLink(
      atPath: directory.path + "/public/index.html", withDestinationPath: "../victim.txt")
    let throughFile = try run(steerExecutable, ["site", "--out", "public", "--lang", "en"], in: directory.path)
    #expect(throughFile.status == 2)
    #expect(throughFile.stderr.contains("public/index.html is a symbolic link"), "\(throughFile.stderr)")
    #expect(try directory.read("victim.txt") == "precious\n")

    try FileManager.default.removeItem(atPath: directory.path + "/public/index.html")
    // A FIFO where a page goes is refused at once, not waited on.
    #expect(mkfifo(directory.path + "/public/index.html", 0o644) == 0)
    let throughFIFO = try run(steerExecutable, ["site", "--out", "public", "--lang", "en"], in: directory.path)
    #expect(throughFIFO.status == 2)
    #expect(throughFIFO.stderr.contains("public/index.html is not a regular file"), "\(throughFIFO.stderr)")
    try FileManager.default.removeItem(atPath: directory.path + "/public/index.html")
    try directory.write("outside/keep.txt", "kept\n")
    try FileManager.default.removeItem(atPath: directory.path + "/public/usecases")
    try FileManager.default.createSymbolicLink(
      atPath: directory.path + "/public/usecases", withDestinationPath: "../outside")
    let throughDirectory = try run(steerExecutable, ["site", "--out", "public", "--lang", "en"], in: directory.path)
    #expect(throughDirectory.status == 2)
    #expect(throughDirectory.stderr.contains("public/usecases is a symbolic link"), "\(throughDirectory.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/outside") == ["keep.txt"])
  }

  /// The site's directory may itself be a link (a `public/` kept elsewhere).
  @Test func aSitesDirectoryMayBeALink() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try FileManager.default.createDirectory(atPath: directory.path + "/real", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: directory.path + "/public", withDestinationPath: "real")
    let result = try run(steerExecutable, ["site", "--out", "public"], in: directory.path)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: directory.path + "/real/index.html"))
  }
}
