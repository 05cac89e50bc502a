import SteerModel

// Discarded values are left to the exit: see `Disposal`.
Disposal.leaveValuesToExit()
Steer.runAndExit()
