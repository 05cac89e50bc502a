// swift-tools-version:6.1
// Benchmarks for Steer (ordo-one/benchmark). Run from this directory:
//   swift package --allow-writing-to-package-directory benchmark
// They generate their ledgers with generate_ledger.py (python3) in a temporary directory;
// STEER_BENCH_USE_CASES sets the size (default 10,000 use cases: about 24,000 documents).
import PackageDescription

let package = Package(
  name: "SteerBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "Steer", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "SteerBenchmarks",
      dependencies: [
        .product(name: "SteerKit", package: "Steer"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "SteerBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ],
  swiftLanguageModes: [.v6]
)
