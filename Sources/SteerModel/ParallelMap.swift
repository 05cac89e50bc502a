import Dispatch

extension Array where Element: Sendable {
  /// `map` spread over the cores; the order of the results is the order of the elements.
  public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    guard count > 1 else { return map(transform) }
    // Each worker initialises its own slot; the results are then moved, not copied, into the array.
    let results = UnsafeMutablePointer<Result>.allocate(capacity: count)
    defer { results.deallocate() }
    nonisolated(unsafe) let slots = results
    withoutActuallyEscaping(transform) { transform in
      self.withUnsafeBufferPointer { elements in
        nonisolated(unsafe) let elements = elements
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
          (slots + index).initialize(to: transform(elements[index]))
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
