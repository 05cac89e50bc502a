import Foundation
import SteerChecks
import SteerLoading
import SteerModel
import Testing

/// A small deterministic generator (SplitMix64), so that a failure reproduces exactly.
private struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite struct RobustnessTests {
  /// Bytes that make YAML and front matter interesting when spliced in.
  static let fragments: [[UInt8]] =
    [
      "---\n", "...\n", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!", "\"", "'", "#", "\t", "\r\n", "\n  ", "|\n",
      ">-\n", "? ", "%YAML 1.1\n", "no", "2026-02-30", "\u{FEFF}", "é", "\u{0}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82]]

  /// Every mutation of every reference document is read without a crash or a hang, and
  /// whatever goes wrong is reported as a reading finding with a position in the file.
  @Test(arguments: DocumentKind.allCases)
  func mutatedDocumentsNeverCrashTheLoader(_ kind: DocumentKind) throws {
    let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    let directory = packageRoot.appendingPathComponent("vision").appendingPathComponent(kind.directory ?? "")
    let name =
      kind == .vision
      ? "vision.md" : try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted().first)
    let original = Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    var random = SeededGenerator(state: UInt64(DocumentKind.allCases.firstIndex(of: kind)!) &+ 42)
    let readingRules = Set(ReadingRule.allCases.map(\.rawValue))

    for _ in 0..<400 {
      var bytes = original
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        let position = Int.random(in: 0...bytes.count, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: bytes.insert(contentsOf: Self.fragments.randomElement(using: &random)!, at: position)
        case 1: if position < bytes.count { bytes.remove(at: position) }
        default: bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
        }
      }
      let path = "vision/" + (kind.directory.map { "\($0)/" } ?? "") + name
      let file = LedgerFile(path: path, relativePath: String(path.dropFirst("vision/".count)))
      let mutated = bytes
      let loaded = LedgerLoader.load(directory: "vision", files: [file]) { _ in .bytes(mutated) }
      for finding in loaded.findings where finding.file == path {
        #expect(readingRules.contains(finding.rule))
        let lines = bytes.count { $0 == UInt8(ascii: "\n") } + 1
        #expect((1...lines).contains(finding.location?.line ?? 0), "\(finding.message)")
      }
    }
  }
}
