import SteerChecks
import SteerLoading
import SteerMetrics
import SteerModel
import SteerOutput
import SteerSummary

/// One fuzz input through everything a ledger goes through: its first byte chooses which file
/// of the example ledger it replaces (a document of each kind, or `.steer.yaml`), the rest is
/// that file; then reading, every rule, the metrics, every report format and the summaries,
/// in English and French. Any crash, hang or sanitizer finding is a bug: bad input must give
/// findings, never more.
enum Fuzz {
  static let files = ExampleLedger.base.keys.sorted() + [Configuration.fileName]

  static func run(_ input: UnsafeBufferPointer<UInt8>) {
    guard let selector = input.first else { return }
    let target = files[Int(selector) % files.count]
    let bytes = Array(input.dropFirst())
    let configurationBytes = target == Configuration.fileName ? bytes : Array(ExampleLedger.configuration.utf8)
    for language in Language.allCases {
      let (configuration, configurationFindings) = ConfigurationLoader.load(
        configurationBytes, path: Configuration.fileName, knownRules: RuleCatalogue.knownRules, language: language)
      let documents = ExampleLedger.base.keys.sorted()
      let ledgerFiles = documents.map { LedgerFile(path: "vision/" + $0, relativePath: $0) }
      let loaded = LedgerLoader.load(directory: "vision", files: ledgerFiles, language: language) { file in
        file.relativePath == target ? .bytes(bytes) : .bytes(Array(ExampleLedger.base[file.relativePath]!.utf8))
      }
      let index = LedgerIndex(loaded.ledger)
      let diagnostics = Checker(configuration: configuration)
        .check(
          loaded.ledger, index: index, readingFindings: loaded.findings + configurationFindings,
          circumstances: CheckCircumstances(today: ExampleLedger.today))
      var sources = ["vision/" + target: bytes]
      sources[Configuration.fileName] = configurationBytes
      let report = Report(
        diagnostics: diagnostics, documentPaths: loaded.ledger.documentPaths, sources: sources, language: language)
      for format in ReportFormat.allCases { _ = format.render(report) }
      let metrics = LedgerMetrics(loaded.ledger)
      let gates = GateStatus.evaluate(configuration, metrics)
      _ = MetricsJSON.render(metrics, gates: gates)
      _ = MetricsText.render(metrics, names: LedgerNames(loaded.ledger), gates: gates, language: language)
      let input = SummaryInput(
        ledger: loaded.ledger, configuration: configuration, diagnostics: diagnostics, metrics: metrics, gates: gates,
        history: [], since: nil, today: CalendarDate(daysSinceEpoch: 20_500))
      for audience in Audience.allCases {
        let model = SummaryModel(input, audience: audience, language: language, index: index)
        for format in SummaryFormat.allCases { _ = try? SummaryRenderer.render(model, format: format, templates: nil) }
      }
    }
  }
}

#if FUZZING
  /// libFuzzer's entry point (built with `-sanitize=fuzzer,address -DFUZZING`).
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    Fuzz.run(UnsafeBufferPointer(start: data, count: size))
    return 0
  }
#endif
