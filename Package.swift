// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Steer",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "steer", targets: ["steer"]),
    .library(
      name: "SteerKit",
      targets: [
        "SteerKit", "SteerModel", "SteerLoading", "SteerChecks", "SteerMetrics", "SteerOutput", "SteerHistory",
        "SteerSummary",
      ]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // swift-mustache 2.1.1, vendored with a faster renderer (Vendor/swift-mustache/STEER-CHANGES.md).
    .package(path: "Vendor/swift-mustache"),
  ],
  targets: [
    // libgit2 from the system (Debian: libgit2-dev).
    .systemLibrary(
      name: "CLibgit2",
      pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
    ),
    // cmark-gfm from the system (Debian: libcmark-gfm-dev and libcmark-gfm-extensions-dev).
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
    ),
    // libyaml from the system (Debian: libyaml-dev): its event API gives marks, styles and anchors.
    .systemLibrary(
      name: "CLibYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    // Work spread over the cores, and the one future type: the only threads Steer starts.
    .target(name: "SteerConcurrency"),
    // Plain value types: documents, field tables, findings. No I/O, no threads.
    .target(name: "SteerModel"),
    // Every write to a user's files: atomic replacement keeping the mode, output paths written
    // through (devices, FIFOs, links), pages never through a link.
    .target(name: "SteerFiles", dependencies: ["SteerModel", "SteerConcurrency"]),
    // Owning Swift wrappers over libgit2 handles.
    .target(name: "SteerGit", dependencies: ["CLibgit2"]),
    // Markdown bodies to safe HTML.
    .target(name: "SteerMarkdown", dependencies: ["CCmarkGFM"]),
    // Files and git trees → positioned YAML → validated model; the document cache; history replay.
    // `.steer.yaml`'s gates are checked against the metric registry.
    .target(
      name: "SteerLoading",
      dependencies: ["SteerModel", "SteerGit", "SteerConcurrency", "SteerFiles", "SteerMetrics", "CLibYAML"]),
    // Alignment, progress and learning metrics, their registry, and gates: pure functions over the model.
    .target(name: "SteerMetrics", dependencies: ["SteerModel"]),
    // The rules, the index they share, the checker and its report.
    .target(name: "SteerChecks", dependencies: ["SteerModel", "SteerMetrics", "SteerConcurrency"]),
    // The ledger's git history read back: lessons, metric history, diffs.
    .target(
      name: "SteerHistory",
      dependencies: ["SteerModel", "SteerGit", "SteerLoading", "SteerChecks", "SteerMetrics"]
    ),
    // What Steer writes to a user's repository: `retro record` (a commit, a tag, the index, the
    // work tree's fields) and `steer rename`'s plan.
    .target(
      name: "SteerWriting",
      dependencies: ["SteerModel", "SteerGit", "SteerLoading", "SteerChecks", "SteerMetrics", "SteerFiles"]
    ),
    // Reporters: findings, metrics and history as text, JSON, SARIF, CSV…; JSON Schema; generated docs.
    .target(name: "SteerOutput", dependencies: ["SteerModel", "SteerChecks", "SteerMetrics", "SteerHistory"]),
    // Steering-committee summaries: view model, charts, Mustache templates, fr/en.
    .target(
      name: "SteerSummary",
      dependencies: [
        "SteerModel", "SteerChecks", "SteerMetrics", "SteerHistory", "SteerOutput", "SteerMarkdown", "SteerTemplates",
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    // `steer site`: the ledger as a static site, a page per document, from the summary's model.
    .target(
      name: "SteerSite",
      dependencies: [
        "SteerModel", "SteerChecks", "SteerMetrics", "SteerOutput", "SteerMarkdown", "SteerTemplates", "SteerSummary",
        "SteerConcurrency", .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    // `steer export`: the ledger as open data, a Frictionless Data Package and its DCAT-AP catalogue.
    .target(name: "SteerOpenData", dependencies: ["SteerModel", "SteerMetrics"]),
    // The top-level templates/ folder, embedded at build time.
    .target(name: "SteerTemplates", plugins: ["EmbedTemplates"]),
    // `steer new` and `steer init`.
    .target(name: "SteerScaffold", dependencies: ["SteerModel", "SteerTemplates", "SteerFiles"]),
    .executableTarget(name: "embed-templates"),
    .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
    // The session every command goes through, and what each command does.
    .target(
      name: "SteerKit",
      dependencies: [
        "SteerModel", "SteerGit", "SteerLoading", "SteerChecks", "SteerMetrics", "SteerOutput", "SteerScaffold",
        "SteerHistory", "SteerWriting", "SteerSummary", "SteerSite", "SteerFiles", "SteerConcurrency", "SteerOpenData",
      ]
    ),
    // `steer lsp`: the Language Server Protocol over standard input and output.
    .target(
      name: "SteerLanguageServer",
      dependencies: [
        "SteerModel", "SteerLoading", "SteerChecks", "SteerMetrics", "SteerOutput", "SteerKit", "SteerWriting",
        "SteerConcurrency", "SteerFiles",
      ]
    ),
    // The thin command-line layer.
    .executableTarget(
      name: "steer",
      dependencies: [
        "SteerKit", "SteerLanguageServer", "SteerModel", "SteerOutput", "SteerSummary", "SteerWriting", "SteerFiles",
        "SteerOpenData", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Every input through reading, the rules, the metrics, the reports and the summaries:
    // libFuzzer's target when built with -sanitize=fuzzer,address -DFUZZING (docs/fuzzing.md),
    // else a replayer of the inputs named on its command line.
    .executableTarget(
      name: "SteerFuzz",
      dependencies: ["SteerModel", "SteerLoading", "SteerChecks", "SteerMetrics", "SteerOutput", "SteerSummary"]
    ),
    .testTarget(
      name: "SteerTests",
      dependencies: [
        "SteerModel", "SteerGit", "SteerLoading", "SteerChecks", "SteerMetrics", "SteerOutput", "SteerScaffold",
        "SteerHistory", "SteerSummary", "SteerMarkdown", "SteerKit", "SteerConcurrency", "SteerLanguageServer",
        "SteerWriting", "SteerFiles", "SteerOpenData", "SteerSite",
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      exclude: ["Fixtures", "Golden"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
