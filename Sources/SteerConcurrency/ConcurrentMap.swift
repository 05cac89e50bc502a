import Dispatch

extension Array where Element: Sendable {
  /// `map` spread over the cores; the order of the results is the order of the elements.
  public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    concurrentMap(chunk: 1, state: {}) { _, element in transform(element) }
  }

  /// `map` spread over the cores, for a transform that needs a helper costly to make (a parser
  /// and its buffers): one is made for each chunk of `chunk` consecutive elements, which a
  /// worker then maps in order. Chunks are handed out as workers become free.
  public func concurrentMap<State, Result: Sendable>(
    chunk: Int, state makeState: @Sendable () -> State, _ transform: @Sendable (inout State, Element) -> Result
  ) -> [Result] {
    precondition(chunk > 0, "a chunk holds at least one element")
    guard count > 1 else {
      var state = makeState()
      return map { transform(&state, $0) }
    }
    let results = UnsafeMutablePointer<Result>.allocate(capacity: count)
    defer { results.deallocate() }
    // Each worker initialises only the slots of its own chunks, and the results are read once
    // `concurrentPerform` has returned: no slot is ever touched by two threads.
    nonisolated(unsafe) let slots = results
    let chunks = (count + chunk - 1) / chunk
    withoutActuallyEscaping(makeState) { makeState in
      withoutActuallyEscaping(transform) { transform in
        DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
          var state = makeState()
          for index in chunkIndex * chunk..<Swift.min(count, (chunkIndex + 1) * chunk) {
            (slots + index).initialize(to: transform(&state, self[index]))
          }
        }
      }
    }
    return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
      buffer.baseAddress!.moveInitialize(from: results, count: count)
      initialized = count
    }
  }
}
