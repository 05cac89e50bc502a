import Dispatch

/// Large values a command no longer needs (a read ledger is hundreds of thousands of strings
/// and arrays, tens of milliseconds to free one by one) are not freed on its way to the report.
/// A library caller has them freed on another thread. The `steer` executable, which exits as
/// soon as its report is written, leaves them to the exit: on two cores, freeing them on
/// another thread still takes a core from the work that remains (`check --since` took 0.89×
/// the time once they were left).
public enum Disposal {
  /// Whether discarded values are left to the process's exit. Written once, by the executable,
  /// before any other thread exists; only read after.
  nonisolated(unsafe) public private(set) static var leavesValuesToExit = false

  /// For an executable that exits when its one command is done: call it before anything else.
  public static func leaveValuesToExit() { leavesValuesToExit = true }
}

/// Gives up `value` without freeing it on this thread (see `Disposal`).
public func discard<Value: Sendable>(_ value: consuming Value) {
  if Disposal.leavesValuesToExit {
    _ = Unmanaged.passRetained(Abandoned(value))  // never released: the exit reclaims it
  } else {
    DispatchQueue.global(qos: .utility).async { [value] in withExtendedLifetime(value) {} }
  }
}

private final class Abandoned<Value: Sendable>: Sendable {
  let value: Value
  init(_ value: consuming Value) { self.value = value }
}
