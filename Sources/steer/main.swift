import ArgumentParser
import Foundation
import SteerKit

// The one place the process ends, with the statuses README documents: a command's own status
// (thrown as `ExitCode`), 0 for `--help` and `--version`, 2 for an argument error (not 64).
let status: Int32
do {
  var command = try Steer.parseAsRoot()
  try command.run()
  status = 0
} catch let code as ExitCode {
  status = code.rawValue
} catch {
  let message = Steer.fullMessage(for: error)
  if Steer.exitCode(for: error) == .success {
    print(message)
    status = 0
  } else {
    let text = Steer.argumentLanguage() == .fr ? ArgumentErrors.french(message) : message
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    status = 2
  }
}
exit(status)
