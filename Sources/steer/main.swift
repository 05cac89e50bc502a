import SteerModel

#if os(Linux) && canImport(Glibc)
  AllocatorTuning.restartTunedIfNeeded()
#endif
// Discarded values are left to the exit: see `Disposal`.
Disposal.leaveValuesToExit()
Steer.runAndExit()
