#if !FUZZING
  import Foundation

  /// Without libFuzzer: replays the inputs named on the command line (a corpus, a finding), so
  /// that a finding can be reproduced under a debugger. docs/fuzzing.md says how to fuzz.
  @main
  struct Replay {
    static func main() {
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        Array(data).withUnsafeBufferPointer { Fuzz.run($0) }
      }
    }
  }
#endif
