import Foundation
import Testing

@testable import SteerLoading

/// A region keeps what it read of each member per commit (`.git/steer/members/`): a pin that did
/// not move is not read from git again.
extension FederationTests {
  /// The territory, with the region a repository of its own (where the cache lives).
  func cachedTerritory(_ directory: TemporaryDirectory) throws -> String {
    try territory(directory)
    let region = directory.path + "/region"
    try git(["init", "-q"], in: region)
    try git(["add", "-A"], in: region)
    try git(["commit", "-q", "-m", "region"], in: region)
    return region
  }

  /// What the region reports of its members, as the committee's tools read it.
  func reports(_ region: String) throws -> [String] {
    try [["check", "--format", "json"], ["metrics", "--format", "json"], ["check", "--lang", "fr"]].map {
      try run(steerExecutable, $0, in: region).stdout
    }
  }

  func memberCaches(_ region: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: region + "/.git/steer/members").sorted()
  }

  /// Removes the loose object of `file` at `revision` in the repository at `path`.
  func removeObject(of file: String, at revision: String, in path: String) throws {
    let id = try git(["rev-parse", "\(revision):\(file)"], in: path).trimmingCharacters(in: .whitespacesAndNewlines)
    try FileManager.default.removeItem(atPath: "\(path)/.git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
  }

  @Test func aSecondRunReadsTheMembersFromTheirCache() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let region = try cachedTerritory(directory)
    let first = try reports(region)
    // Per member, its digest and its documents in the one language that read them (`check --lang
    // fr` reads only the digests).
    #expect(try memberCaches(region).count == 4)
    // Documents no finding quotes, gone from the members' object databases: only the cache
    // still knows what they said.
    try removeObject(of: "vision/vision.md", at: "v1", in: directory.path + "/commune-a")
    try removeObject(of: "vision/vision.md", at: "HEAD", in: directory.path + "/commune-b")
    let second = try reports(region)
    #expect(second == first)
    #expect(first[0].contains("commune-a:vision/objectives/clean-water.md"))
    #expect(first[2].contains("contributes_to: [clean-watter]"))
    // Without the cache, the members cannot be read any more: the cache is what spared it.
    try FileManager.default.removeItem(atPath: region + "/.git/steer/members")
    #expect(try reports(region)[0] != first[0])
  }

  @Test func aMovedPinIsReadAgain() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let region = try cachedTerritory(directory)
    let before = try reports(region)[0]
    let caches = try memberCaches(region)
    #expect(before.contains("member 'commune-b' has reading errors"))
    // commune-b is pinned at its HEAD: fixing its use case moves the pin.
    let useCase = "commune-b/vision/usecases/water-sensors.md"
    try directory.write(
      useCase, try directory.read(useCase).replacingOccurrences(of: "phase: prototyp", with: "phase: prototype"))
    try git(["commit", "-q", "-am", "fixed"], in: directory.path + "/commune-b")
    let after = try reports(region)[0]
    #expect(!after.contains("member 'commune-b' has reading errors"), "\(after)")
    // The member's file was replaced, not joined by another.
    #expect(try memberCaches(region) == caches)
  }

  @Test(arguments: ["garbage", "cut short", "altered"])
  func aCorruptCacheIsIgnoredAndRewritten(damage: String) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let region = try cachedTerritory(directory)
    let first = try reports(region)
    let caches = try memberCaches(region).map { region + "/.git/steer/members/" + $0 }
    let written = try caches.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    for (path, bytes) in zip(caches, written) {
      var damaged = bytes
      switch damage {
      case "garbage": damaged = Data("not a cache".utf8)
      case "cut short": damaged = bytes.prefix(bytes.count / 2)
      default: damaged[bytes.count / 2] ^= 0xFF
      }
      try damaged.write(to: URL(fileURLWithPath: path))
    }
    #expect(try reports(region) == first)
    #expect(try caches.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == written)
  }

  /// Everything the committee reads of a region: `check`, `metrics` and `summary`, in both
  /// languages, and every file `export` writes.
  func outputs(_ region: String) throws -> [String] {
    try reports(region)
      + [["summary"], ["summary", "--lang", "fr"], ["metrics"]].map { try run(steerExecutable, $0, in: region).stdout }
      + [try exported(region)]
  }

  /// The files `steer export` writes of the region, each after its path.
  func exported(_ region: String) throws -> String {
    let out = try TemporaryDirectory()
    defer { out.remove() }
    let result = try run(steerExecutable, ["export", "--out", out.path + "/export"], in: region)
    #expect(result.status == 0, "\(result.stderr)")
    return try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted().map { path in
      path + "\n" + ((try? String(contentsOfFile: out.path + "/" + path, encoding: .utf8)) ?? "")
    }.joined(separator: "\n")
  }

  @Test func aWarmCacheGivesWhatAColdOneGives() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let region = try cachedTerritory(directory)
    // A member that cannot be read, beside the two that can.
    try directory.write(
      "region/.steer.yaml",
      try directory.read("region/.steer.yaml").replacingOccurrences(
        of: "title: Commune de Barles}\n",
        with: "title: Commune de Barles}\n  - {name: commune-c, repository: ../commune-c}\n"
      ))
    let cold = try outputs(region)
    #expect(cold[0].contains("commune-c"))
    #expect(try outputs(region) == cold)
    // A damaged digest (commune-a's) and damaged documents (commune-b's): each read again.
    for file in try memberCaches(region)
    where file.hasPrefix("commune-a") == file.hasSuffix(".digest") {
      let path = region + "/.git/steer/members/" + file
      var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      bytes[bytes.count / 2] ^= 0xFF
      try bytes.write(to: URL(fileURLWithPath: path))
    }
    #expect(try outputs(region) == cold)
    // commune-b's pin moves: it is read again, commune-a still comes from the cache, and the
    // outputs are those of a cold run at the same pins.
    let useCase = "commune-b/vision/usecases/water-sensors.md"
    try directory.write(
      useCase, try directory.read(useCase).replacingOccurrences(of: "phase: prototyp", with: "phase: prototype"))
    try git(["commit", "-q", "-am", "fixed"], in: directory.path + "/commune-b")
    let moved = try outputs(region)
    #expect(moved[0] != cold[0])
    try FileManager.default.removeItem(atPath: region + "/.git/steer/members")
    #expect(try outputs(region) == moved)
  }

  @Test func checkReadsOnlyTheMembersDigests() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let region = try cachedTerritory(directory)
    let check = ["check", "--format", "json"]
    let first = try run(steerExecutable, check, in: region).stdout
    let metrics = try run(steerExecutable, ["metrics", "--format", "json"], in: region).stdout
    // The members' documents gone, from the cache and from git: the digests are all `check` reads.
    for file in try memberCaches(region) where !file.hasSuffix(".digest") {
      try FileManager.default.removeItem(atPath: region + "/.git/steer/members/" + file)
    }
    try removeObject(of: "vision/vision.md", at: "v1", in: directory.path + "/commune-a")
    try removeObject(of: "vision/vision.md", at: "HEAD", in: directory.path + "/commune-b")
    #expect(try run(steerExecutable, check, in: region).stdout == first)
    #expect(first.contains("commune-a:vision/objectives/clean-water.md"))
    // The figures each member shows of itself need its documents.
    #expect(try run(steerExecutable, ["metrics", "--format", "json"], in: region).stdout != metrics)
  }

  /// A digest decodes to what was encoded; no part of it, no altered byte and no other identity
  /// decodes at all.
  @Test func aDigestIsReadWholeOrNotAtAll() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let loaded = try session(directory.path + "/commune-a").loadLedger()
    let digest = MemberDigest(loaded, configuration: Array("language: fr\n".utf8))
    #expect(!digest.contributions.isEmpty && !digest.contributing.isEmpty && digest.territory == "Aiglun")
    let bytes = digest.encoded(identity: "commit 1")
    #expect(MemberDigest(bytes: bytes, identity: "commit 1")?.encoded(identity: "commit 1") == bytes)
    #expect(MemberDigest(bytes: bytes, identity: "commit 2") == nil)
    #expect((0..<bytes.count).allSatisfy { MemberDigest(bytes: Array(bytes.prefix($0)), identity: "commit 1") == nil })
    #expect(
      bytes.indices.allSatisfy { index in
        var altered = bytes
        altered[index] ^= 0x10
        return MemberDigest(bytes: altered, identity: "commit 1") == nil
      })
  }
}
