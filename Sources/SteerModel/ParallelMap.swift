import Dispatch

/// Results written by concurrent workers, each to its own index. Unchecked because the
/// workers never share an index, and the array is read only after all of them finished.
private final class Slots<Value>: @unchecked Sendable {
  var values: [Value?]
  init(count: Int) { values = Array(repeating: nil, count: count) }
}

extension Array where Element: Sendable {
  /// `map` spread over the cores; the order of the results is the order of the elements.
  public func concurrentMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
    guard count > 1 else { return map(transform) }
    let slots = Slots<Result>(count: count)
    withoutActuallyEscaping(transform) { transform in
      self.withUnsafeBufferPointer { elements in
        nonisolated(unsafe) let elements = elements
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
          slots.values[index] = transform(elements[index])
        }
      }
    }
    return slots.values.map { $0! }
  }
}
