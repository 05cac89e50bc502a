import SteerConcurrency
import Testing

@Suite struct ParallelTests {
  @Test(arguments: [0, 1, 2, 1_000])
  func concurrentMapKeepsTheOrder(_ count: Int) {
    let values = Array(0..<count)
    #expect(values.concurrentMap { "\($0 * 2)" } == values.map { "\($0 * 2)" })
  }

  @Test func aFutureRunsOnAThreadOfItsOwn() {
    // Waited on from inside every worker of the pool, it still completes.
    let results = Array(0..<8).concurrentMap { index in Future { index * 2 }.wait() }
    #expect(results == (0..<8).map { $0 * 2 })
  }

  @Test(arguments: [1, 3, 64])
  func eachChunkHasItsOwnState(_ chunk: Int) {
    let values = Array(0..<100)
    // The state counts the elements its chunk has mapped so far.
    let positions = values.concurrentMap(chunk: chunk, state: { 0 }) { seen, _ in
      defer { seen += 1 }
      return seen
    }
    #expect(positions == values.map { $0 % chunk })
  }
}
