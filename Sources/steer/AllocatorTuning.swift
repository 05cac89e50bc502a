#if os(Linux) && canImport(Glibc)
  import Glibc

  /// glibc's allocator, set for a process that builds a hundred megabytes of small objects
  /// (a large ledger read) and exits. By default it grows the heap a little at a time, gives
  /// memory back as soon as the top of the heap is free, and uses 4 KiB pages: `check` then
  /// spent a quarter of its system time on 25,000 page faults. With transparent huge pages
  /// where the kernel allows them (`madvise` mode, the usual default), a heap grown 64 MiB at
  /// a time and never trimmed, the faults fall to about 1,300 and `check --since` uses 0.90×
  /// the CPU time (docs/performance.md).
  ///
  /// glibc reads these settings only from the environment at start-up, so the executable sets
  /// `GLIBC_TUNABLES` and starts itself again, before any other work: about 7 ms, the binary
  /// being loaded twice, repaid many times over on a large ledger.
  /// A `GLIBC_TUNABLES` already set, even empty, is left alone: it is how to opt out.
  enum AllocatorTuning {
    static let tunables = [
      "glibc.malloc.hugetlb=1",  // madvise(MADV_HUGEPAGE) on the heaps
      "glibc.malloc.top_pad=67108864",  // grow by 64 MiB: whole huge pages, fewer system calls
      "glibc.malloc.trim_threshold=4294967296",  // never give the heap back before the exit
    ].joined(separator: ":")

    /// Replaces the process with itself under `tunables`, unless the environment sets them
    /// already; returns only when it does, or when the executable cannot be started again.
    static func restartTunedIfNeeded() {
      guard getenv("GLIBC_TUNABLES") == nil, setenv("GLIBC_TUNABLES", tunables, 1) == 0 else { return }
      execv("/proc/self/exe", CommandLine.unsafeArgv)
      unsetenv("GLIBC_TUNABLES")  // not started again: run as is
    }
  }
#endif
