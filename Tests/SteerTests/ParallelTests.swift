import Dispatch
import SteerModel
import Testing

@Suite struct ParallelTests {
  @Test(arguments: [0, 1, 2, 1_000])
  func concurrentMapKeepsTheOrder(_ count: Int) {
    let values = Array(0..<count)
    #expect(values.concurrentMap { "\($0 * 2)" } == values.map { "\($0 * 2)" })
  }

  @Test func concurrentlyReturnsBothResults() {
    let (sum, words) = concurrently({ (1...1_000).reduce(0, +) }, { ["a", "b"].joined(separator: "+") })
    #expect(sum == 500_500)
    #expect(words == "a+b")
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

  /// Outside the executable (which leaves them to its exit), discarded values are freed.
  @Test func aDiscardedValueIsFreed() {
    final class Watched: Sendable {
      let freed: DispatchSemaphore
      init(_ freed: DispatchSemaphore) { self.freed = freed }
      deinit { freed.signal() }
    }
    let freed = DispatchSemaphore(value: 0)
    #expect(!Disposal.leavesValuesToExit)
    discard(Watched(freed))
    #expect(freed.wait(timeout: .now() + 60) == .success)
  }
}
