Steer.runAndExit()
