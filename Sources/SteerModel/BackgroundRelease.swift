import Dispatch

/// Frees `value` on another thread. A read ledger is hundreds of thousands of strings and
/// arrays: releasing them one by one takes tens of milliseconds that the caller, on its way
/// to printing a report, need not wait for.
public func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
  DispatchQueue.global(qos: .utility).async { [value] in withExtendedLifetime(value) {} }
}
