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
    // Each worker initialises its own slots; the results are then moved, not copied, into the array.
    let results = UnsafeMutablePointer<Result>.allocate(capacity: count)
    defer { results.deallocate() }
    nonisolated(unsafe) let slots = results
    let chunks = (count + chunk - 1) / chunk
    withoutActuallyEscaping(makeState) { makeState in
      withoutActuallyEscaping(transform) { transform in
        self.withUnsafeBufferPointer { elements in
          nonisolated(unsafe) let elements = elements
          DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
            var state = makeState()
            for index in chunkIndex * chunk..<Swift.min(elements.count, (chunkIndex + 1) * chunk) {
              (slots + index).initialize(to: transform(&state, elements[index]))
            }
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

/// Runs two independent computations at once (on two cores where there are) and returns both results.
public func concurrently<First: Sendable, Second: Sendable>(
  _ first: @Sendable () -> First, _ second: @Sendable () -> Second
) -> (First, Second) {
  let firstResult = UnsafeMutablePointer<First>.allocate(capacity: 1)
  let secondResult = UnsafeMutablePointer<Second>.allocate(capacity: 1)
  defer {
    firstResult.deallocate()
    secondResult.deallocate()
  }
  nonisolated(unsafe) let slots = (firstResult, secondResult)
  withoutActuallyEscaping(first) { first in
    withoutActuallyEscaping(second) { second in
      DispatchQueue.concurrentPerform(iterations: 2) { index in
        if index == 0 { slots.0.initialize(to: first()) } else { slots.1.initialize(to: second()) }
      }
    }
  }
  return (firstResult.move(), secondResult.move())
}

/// A computation started at once on a thread of its own, for work that other work can overlap
/// (git's comparison of the work tree while documents are decoded); `wait` returns its result.
public final class Background<Value: Sendable>: @unchecked Sendable {
  // Written once by the computation, read only after `finished` says it is done.
  private var result: Value?
  private let finished = DispatchGroup()

  public init(_ body: @escaping @Sendable () -> Value) {
    finished.enter()
    // A queue of its own targets an overcommitting pool: it gets a thread even while
    // `concurrentMap` keeps every core busy.
    DispatchQueue(label: "steer.background").async {
      self.result = body()
      self.finished.leave()
    }
  }

  /// The computation's result, once it is done.
  public func wait() -> Value {
    finished.wait()
    return result!
  }
}
