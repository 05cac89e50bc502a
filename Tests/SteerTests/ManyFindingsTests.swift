import Foundation
import Testing

/// Thousands of findings on one long line: the text report quotes a window around each caret,
/// and every fingerprint stays distinct (each identity hashed once, counted by its hash).
@Suite struct ManyFindingsTests {
  @Test func aLongLineIsQuotedAroundTheCaret() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let users = Array(repeating: "x", count: 2_000).joined(separator: ",")
    try directory.write(
      "vision/usecases/huge.md",
      "---\ntitle: Huge\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\nusers: [\(users)]\n---\n")
    let result = try run(steerExecutable, ["check", "--lang", "en"], in: directory.path)
    let quoted = result.stdout.split(separator: "\n").filter { $0.hasPrefix(" 6 | ") }
    #expect(quoted.count == 2_000)
    #expect(quoted.allSatisfy { $0.count < 200 }, "\(quoted.first ?? "")")
    // The caret stands under an `x` of the excerpt, for a finding deep in the line.
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let index = try #require(lines.lastIndex { $0.hasPrefix(" 6 | ") })
    let caret = try #require(lines[index + 1].firstIndex(of: "^"))
    let offset = lines[index + 1].distance(from: lines[index + 1].startIndex, to: caret)
    #expect(Array(lines[index])[offset] == "x")
    let sarif = try run(steerExecutable, ["check", "--format", "sarif"], in: directory.path)
    let fingerprints = sarif.stdout.split(separator: "\n").filter { $0.contains("steerFindingHash/v1") }
    #expect(Set(fingerprints).count == 2_000)
  }
}
