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
