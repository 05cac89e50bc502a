import Foundation

/// A computation started at once on a thread of its own, for work that other work can overlap
/// (git's comparison of the work tree while the cache is read); `wait` returns its result.
/// The thread is its own, not one of the pool's: it runs even while `concurrentMap` keeps every
/// core busy, so waiting on it from there cannot deadlock.
public final class Future<Value: Sendable>: @unchecked Sendable {
  // `result` is written once, by the computation, under `condition`'s lock, and read under it
  // after `isDone` is seen: the lock orders every access, which the compiler cannot see.
  private var result: Value?
  private var isDone = false
  private let condition = NSCondition()

  public init(_ body: @escaping @Sendable () -> Value) {
    let thread = Thread { [self] in
      let value = body()
      condition.lock()
      result = value
      isDone = true
      condition.broadcast()
      condition.unlock()
    }
    thread.stackSize = 8 << 20  // parsing is recursive: the main thread's size, not a worker's
    thread.start()
  }

  /// The computation's result, once it is done.
  public func wait() -> Value {
    condition.lock()
    defer { condition.unlock() }
    while !isDone { condition.wait() }
    return result!
  }
}
