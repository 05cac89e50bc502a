import Benchmark
import Foundation
import SteerKit
import SteerModel
import SteerSummary

/// A generated ledger on disk, made once per run by Benchmarks/generate_ledger.py.
enum GeneratedLedger {
  static let benchmarksDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

  static let useCases = Int(ProcessInfo.processInfo.environment["STEER_BENCH_USE_CASES"] ?? "") ?? 10_000

  /// `directory/vision`, generated with `arguments`; returns `directory`.
  static func make(_ name: String, _ arguments: [String]) -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steer-bench-\(name)").path
    if FileManager.default.fileExists(atPath: directory + "/vision/vision.md") { return directory }
    try? FileManager.default.removeItem(atPath: directory)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      ["python3", benchmarksDirectory.appendingPathComponent("generate_ledger.py").path, directory + "/vision"]
      + arguments
    try? process.run()
    process.waitUntilExit()
    return directory
  }

  /// The large ledger, as a plain directory.
  static let large = make("large-\(useCases)", ["--use-cases", String(useCases), "--seed", "1"])
  /// A smaller ledger with a git history of one commit and tag per iteration.
  static let history = make("history-\(useCases / 5)", ["--use-cases", String(useCases / 5), "--seed", "2", "--git"])
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
    maxDuration: .seconds(30), maxIterations: 5)

  Benchmark("load + check") { benchmark in
    let directory = GeneratedLedger.large
    benchmark.startMeasurement()
    blackHole(try session(directory).check())
  }

  Benchmark("metrics") { benchmark in
    let directory = GeneratedLedger.large
    benchmark.startMeasurement()
    blackHole(try session(directory).metrics())
  }

  Benchmark("summary (html)") { benchmark in
    let directory = GeneratedLedger.large
    benchmark.startMeasurement()
    blackHole(
      try session(directory).summary(SummaryRequest(format: .html, today: CalendarDate(daysSinceEpoch: 20_000))))
  }

  Benchmark("history") { benchmark in
    let directory = GeneratedLedger.history
    benchmark.startMeasurement()
    blackHole(try session(directory).history())
  }
}

/// The session every command goes through, in English, on `directory`'s ledger.
func session(_ directory: String) throws -> Session {
  try Session(SessionOptions(currentDirectory: directory, language: .en))
}
