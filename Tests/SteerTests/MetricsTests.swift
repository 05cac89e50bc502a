import Foundation
import SteerChecks
import SteerLoading
import SteerMetrics
import SteerModel
import Testing

/// metrics.md's oracles, computed independently.
@Suite struct StatisticsOracleTests {
  /// R's irr::anxiety: 20 subjects (objects) rated by 3 raters.
  static let anxiety: [[Double]] = [
    [3, 3, 2], [3, 6, 1], [3, 4, 4], [4, 6, 4], [5, 2, 3], [5, 4, 2], [2, 2, 1], [3, 4, 6], [5, 3, 1], [2, 3, 1],
    [2, 2, 1], [6, 3, 2], [1, 3, 3], [5, 3, 3], [2, 2, 1], [2, 2, 1], [1, 1, 3], [2, 3, 3], [4, 3, 2], [3, 4, 2],
  ]

  @Test func phasesAreRankedInTheirWrittenOrder() {
    #expect(Phase.ordered == [.analysis, .ideation, .prototype, .test, .deployed, .scaled])
    #expect(Phase.ordered.map(\.rank) == Array(0..<6))
    #expect(Phase.abandoned.rank == nil)
    #expect(Phase.ordered.map(\.progress) == [0, 0.2, 0.4, 0.6, 0.8, 1])
  }

  @Test func kendallWOnTheAnxietyDataSet() throws {
    let raters = (0..<3).map { j in Self.anxiety.map { $0[j] } }
    let result = Statistics.kendallW(raters)
    #expect(result.s == 3004)
    #expect(result.ties == 1674)
    #expect(abs(try #require(result.value) - 0.5396568759543698) < 1e-15)
    #expect(abs(try #require(result.uncorrected) - 0.50192) < 5e-6)
    // The direction of ranking does not change W.
    #expect(abs(try #require(Statistics.kendallW(raters, descending: false).value) - 0.5396568759543698) < 1e-15)
  }

  @Test func kendallWForTwoRaters() throws {
    let result = Statistics.kendallW([[12, 2, 1, 12, 2], [1, 4, 7, 1, 0]])
    #expect(abs(try #require(result.value) - 0.22973) < 5e-6)
  }

  @Test func kendallWAndMeanSpearmanForThreeRankings() throws {
    // Rankings given as ranks: rank 1 is the first priority, so rank them ascending.
    let rankings: [[Double]] = [[1, 2, 3, 4], [1, 3, 2, 4], [2, 1, 3, 4]]
    let w = try #require(Statistics.kendallW(rankings, descending: false).value)
    #expect(abs(w - 0.7778) < 5e-5)
    var pairs: [Double] = []
    for i in 0..<3 {
      for j in (i + 1)..<3 { pairs.append(try #require(Statistics.spearman(rankings[i], rankings[j]))) }
    }
    let meanRho = pairs.reduce(0, +) / 3
    #expect(abs(meanRho - 0.6667) < 5e-5)
    #expect(abs(w - (1 + meanRho * 2) / 3) < 1e-12)  // W = (1 + ρ̄(m−1))/m
  }

  @Test func undefinedConcordance() {
    #expect(Statistics.kendallW([[1, 2, 3]]).value == nil)  // m < 2
    #expect(Statistics.kendallW([[1], [2]]).value == nil)  // n < 2
    #expect(Statistics.kendallW([[3, 3, 3], [1, 1, 1]]).value == nil)  // every rater ties everything
  }

  @Test func ranksShareTies() {
    #expect(Statistics.ranks([5, 3, 5, 0], descending: true) == [1.5, 3, 1.5, 4])
    #expect(Statistics.tieCorrection([5, 3, 5, 5, 0, 0]) == 24 + 6)
  }

  @Test func leastSquares() throws {
    let line = try #require(Statistics.leastSquares([(0, 1), (1, 3), (2, 5)]))
    #expect(abs(line.slope - 2) < 1e-12 && abs(line.intercept - 1) < 1e-12)
    #expect(Statistics.leastSquares([(4, 1), (4, 3)]) == nil)
    #expect(Statistics.leastSquares([(4, 1)]) == nil)
  }
}

/// Ledger-level metrics on small in-memory ledgers laid over the rule examples' ledger.
@Suite struct LedgerMetricsTests {
  private func metrics(_ files: [String: String], removing: [String] = []) -> LedgerMetrics {
    var documents = ExampleLedger.base.merging(files) { _, new in new }
    for path in removing { documents[path] = nil }
    let ledgerFiles = documents.keys.map { LedgerFile(path: "vision/" + $0, relativePath: $0) }
    let snapshot = documents
    let loaded = LedgerLoader.load(directory: "vision", files: ledgerFiles) {
      .bytes(Array(snapshot[$0.relativePath]!.utf8))
    }
    return LedgerMetrics(loaded.ledger)
  }

  private func objective(_ id: String, indicator: String = "") -> String {
    "---\ntitle: \(id)\naxis: data\nowner: mayor\n\(indicator)---\n"
  }

  private func stakeholder(_ group: String, _ priorities: String) -> String {
    "---\nname: S\ngroup: \(group)\npriorities: {\(priorities)}\n---\n"
  }

  @Test func indicatorProgressOracles() throws {
    func progress(baseline: Double, target: Double, latest: Double, direction: String) throws -> Double? {
      let indicator = """
        indicators:
          - {id: i, title: I, unit: u, direction: \(direction), baseline: \(baseline), baseline_date: 2026-01-01, target: \(target), target_date: 2028-01-01}

        """
      let retro =
        "---\ndate: 2026-04-01\nparticipants: [mayor]\nmeasurements:\n  - {indicator: i, value: \(latest), date: 2026-03-01}\n---\n"
      let result = metrics(["objectives/o.md": objective("o", indicator: indicator), "retros/sprint-1.md": retro])
      return try #require(result.indicators.first { $0.indicator == "i" }).value
    }
    #expect(try progress(baseline: 0, target: 10, latest: 5, direction: "increase") == 0.5)
    #expect(try progress(baseline: 0, target: 100, latest: 200, direction: "increase") == 2.0)
    #expect(try progress(baseline: 450000, target: 350000, latest: 400000, direction: "decrease") == 0.5)
    #expect(try progress(baseline: 5, target: 5, latest: 7, direction: "increase") == nil)  // target = baseline
  }

  @Test func sayDoOracle() throws {
    // 40 items, 34 delivered at or beyond their target.
    var useCases: [String: String] = [:]
    var items = ""
    var delivered = ""
    for number in 1...40 {
      useCases["usecases/u\(number).md"] = "---\ntitle: U\nobjectives: [clean-water]\nphase: test\nowner: mayor\n---\n"
      items += "  - {usecase: u\(number), target: prototype}\n"
      if number <= 34 { delivered += "  - {usecase: u\(number), phase: \(number % 2 == 0 ? "prototype" : "test")}\n" }
    }
    var files = useCases
    files["iterations/sprint-1.md"] =
      "---\ntitle: S1\nstart: 2026-03-01\nend: 2026-03-31\nstatus: closed\nitems:\n\(items)---\n"
    files["retros/sprint-1.md"] = "---\ndate: 2026-04-01\nparticipants: [mayor]\ndelivered:\n\(delivered)---\n"
    let result = metrics(files)
    #expect(result.sayDo.value == 0.85)
    #expect(result.sayDoByIteration.first?.value == 0.85)
    #expect(result.sayDo.missed.count == 6)
  }

  @Test func overlapOracle() throws {
    // p = (0.4, 0.3, 0.2, 0.1) from one rater; q uniform from one use case per objective.
    var files: [String: String] = [
      "stakeholders/mayor.md": stakeholder("elected", "a: 4, b: 3, c: 2, d: 1"),
      "stakeholders/engineers.md": "---\nname: E\ngroup: technical\n---\n",
      "stakeholders/residents.md": "---\nname: R\ngroup: citizen\n---\n",
    ]
    for id in ["a", "b", "c", "d"] {
      files["objectives/\(id).md"] = objective(id)
      files["usecases/\(id)-work.md"] =
        "---\ntitle: W\nobjectives: [\(id)]\nphase: analysis\nowner: mayor\neffort: 3\n---\n"
    }
    files["objectives/clean-water.md"] = "---\ntitle: Clean\naxis: data\nowner: mayor\nstatus: retired\n---\n"
    let result = metrics(files, removing: ["usecases/sensors.md"])
    let fit = try #require(result.portfolioFit.value)
    #expect(abs(fit - 0.8) < 1e-12)
    #expect(result.portfolioFit.sharedPriorities["a"] == 0.4)
    #expect(result.portfolioFit.effortShares["d"] == 0.25)
  }

  @Test func oneStakeholderAndEqualWeightsLeaveConcordanceUndefined() {
    let one = metrics([:])  // three raters, one objective: n < 2
    #expect(one.concordance.value == nil)
    let equal = metrics([
      "objectives/air.md": objective("air"),
      "stakeholders/mayor.md": stakeholder("elected", "clean-water: 3, air: 3"),
      "stakeholders/engineers.md": stakeholder("technical", "clean-water: 2, air: 2"),
      "stakeholders/residents.md": stakeholder("citizen", "clean-water: 5, air: 5"),
    ])
    #expect(equal.concordance.value == nil)  // every rater ties both objectives: denominator 0
    #expect(equal.stakeholderAgreement.entries.allSatisfy { $0.value == nil })  // zero variance
  }

  @Test func aSingleStakeholderLeavesConcordanceAndAgreementUndefined() {
    let result = metrics(
      [
        "objectives/air.md": objective("air"),
        "stakeholders/mayor.md": stakeholder("elected", "clean-water: 5, air: 2"),
        "stakeholders/engineers.md": "---\nname: E\ngroup: technical\n---\n",
        "stakeholders/residents.md": "---\nname: R\ngroup: citizen\n---\n",
      ])
    #expect(result.concordance.raters == ["mayor"])
    #expect(result.concordance.value == nil)  // m < 2
    #expect(result.stakeholderAgreement.entries.allSatisfy { $0.value == nil })
    #expect(result.portfolioFit.value != nil)  // one rater still gives shared priorities
  }

  @Test func anObjectiveNobodyStatedCountsAsWeightZero() throws {
    let result = metrics([
      "objectives/air.md": objective("air"),
      "usecases/air-work.md": "---\ntitle: W\nobjectives: [air]\nphase: analysis\nowner: mayor\n---\n",
      "stakeholders/mayor.md": stakeholder("elected", "clean-water: 5, air: 1"),
      "stakeholders/engineers.md": stakeholder("technical", "clean-water: 4"),
      "stakeholders/residents.md": stakeholder("citizen", "air: 2"),
    ])
    #expect(result.concordance.raters == ["engineers", "mayor", "residents"])
    // Rankings: mayor (1,2), engineers (1,2), residents (2,1) → S = (4-4.5)²+(5-4.5)² = 0.5; W = 12·0.5/(9·6) = 1/9.
    #expect(abs(try #require(result.concordance.value) - 1.0 / 9) < 1e-12)
    let residents = try #require(result.stakeholderAgreement.entries.first { $0.stakeholder == "residents" })
    #expect(residents.value == -1)
    #expect(result.stakeholderAgreement.leastAligned.first == "residents")
  }

  @Test func withoutMeasurementsAndWithASingleOneOnTheBaselineDate() throws {
    let indicator = """
      indicators:
        - {id: i, title: I, unit: u, direction: increase, baseline: 1, baseline_date: 2026-01-01, target: 2, target_date: 2027-01-01}

      """
    let none = metrics(["objectives/o.md": objective("o", indicator: indicator)])
    let bare = try #require(none.indicators.first { $0.indicator == "i" })
    #expect(bare.value == nil && bare.latest == nil && bare.forecast == nil)
    let retro =
      "---\ndate: 2026-04-01\nparticipants: [mayor]\nmeasurements:\n  - {indicator: i, value: 1.5, date: 2026-01-01}\n---\n"
    let onBaselineDate = metrics(["objectives/o.md": objective("o", indicator: indicator), "retros/sprint-1.md": retro])
    let single = try #require(onBaselineDate.indicators.first { $0.indicator == "i" })
    #expect(single.value == 0.5)
    #expect(single.forecast == nil)  // two points, one date
  }

  @Test func aDecreasingIndicatorForecast() throws {
    let indicator = """
      indicators:
        - {id: e, title: E, unit: MWh, direction: decrease, baseline: 100, baseline_date: 2026-01-01, target: 80, target_date: 2026-01-21}

      """
    let retro =
      "---\ndate: 2026-04-01\nparticipants: [mayor]\nmeasurements:\n  - {indicator: e, value: 95, date: 2026-01-11}\n---\n"
    let result = metrics(["objectives/o.md": objective("o", indicator: indicator), "retros/sprint-1.md": retro])
    let forecast = try #require(result.indicators.first { $0.indicator == "e" }?.forecast)
    #expect(abs(forecast.value - 90) < 1e-9)  // −0.5 a day for 20 days
    #expect(abs(try #require(forecast.progress) - 0.5) < 1e-9)
    #expect(forecast.onTrack == false)
    #expect(forecast.reachesTargetOn == CalendarDate(year: 2026, month: 2, day: 10))
  }

  @Test func noClosedIterationAndOnlyAbandonedUseCases() {
    let result = metrics(
      [
        "iterations/sprint-1.md": "---\ntitle: S1\nstart: 2026-03-01\nend: 2026-03-31\nstatus: planned\n---\n",
        "usecases/sensors.md": "---\ntitle: W\nobjectives: [clean-water]\nphase: abandoned\nowner: mayor\n---\n",
      ], removing: ["retros/sprint-1.md"])
    #expect(result.retroCoverage.value == nil)
    #expect(result.sayDo.value == nil)
    #expect(result.actionClosure.value == nil)
    #expect(result.traceability.value == nil)
    #expect(result.progress.value == nil)
    #expect(result.coverage.value == 0)
    #expect(result.coConstruction.value == nil)
    #expect(result.phaseCounts[.abandoned] == 1)
    #expect(result.phaseProgress.first { $0.useCase == "sensors" }?.value == nil)
    #expect(result.rolloutReach.value == 0)
  }

  @Test func theExampleLedgersFigures() throws {
    let result = metrics([:])
    #expect(result.traceability.value == 1)
    #expect(result.coverage.value == 1)
    #expect(result.endorsement.value == 1)
    #expect(result.groupEndorsement.value == 1)
    #expect(result.coConstruction.value == 1)
    #expect(result.transversality.value == 2)  // engineers (technical) and residents (citizen)
    #expect(result.progress.value == 0.4)
    #expect(result.sayDo.value == 1)
    #expect(result.retroCoverage.value == 1)
    #expect(result.actionClosure.value == nil)  // the one action is due in the active sprint
    #expect(result.rolloutReach.value == 0)
    let openDays = try #require(result.indicators.first)
    #expect(openDays.value == 0.2)  // (74 − 70) ÷ (90 − 70)
  }
}

@Suite struct MetricsDocumentationTests {
  /// docs/metrics.md names every section and every entry of the JSON output: a metric by its row
  /// of the table generated from the registry, so that adding one takes no hand-written line.
  @Test func everyJSONKeyIsDocumented() throws {
    let root = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    let documentation = try String(contentsOf: root.appendingPathComponent("docs/metrics.md"), encoding: .utf8)
    let result = try run(steerExecutable, ["metrics", "--format", "json"], in: root.path)
    #expect(result.status == 0)
    var keys: Set<String> = []
    func collect(_ value: Any, depth: Int) {
      guard let object = value as? [String: Any] else { return }
      for (key, child) in object {
        keys.insert(key)
        if depth < 1 { collect(child, depth: depth + 1) }
      }
    }
    collect(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)), depth: 0)
    let metrics = MetricRegistry.standard.definitions.map(\.id)
    for key in keys.subtracting(metrics) {
      #expect(documentation.contains("\"\(key)\""), "docs/metrics.md does not document \"\(key)\"")
    }
    for metric in metrics { #expect(documentation.contains("| `\(metric)` |"), "no row for \(metric)") }
  }
}
