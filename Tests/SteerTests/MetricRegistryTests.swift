import Foundation
import SteerKit
import SteerMetrics
import SteerModel
import SteerOutput
import SteerSummary
import Testing

/// A metric the standard registry does not have, defined here from what `LedgerMetrics`
/// already holds: the share of live use cases scaled across the territory.
private let scaledShare = MetricDefinition(
  id: "scaled_share", group: .progress, label: Localized(en: "Use cases scaled", fr: "Cas d'usage généralisés"),
  description: Localized(
    en: "live use cases scaled across the territory", fr: "cas d'usage actifs généralisés à tout le territoire"),
  style: .share, isRatio: true, isGateable: true, keyFigure: KeyFigure(rank: 7, isPublic: true),
  value: { metrics in
    let live = Phase.ordered.reduce(0) { $0 + (metrics.phaseCounts[$1] ?? 0) }
    return live > 0 ? Double(metrics.phaseCounts[.scaled] ?? 0) / Double(live) : nil
  })

private let extended = MetricRegistry(MetricRegistry.standard.definitions + [scaledShare])

@Suite struct MetricRegistryTests {
  /// The reference ledger has one scaled use case among fifteen live ones.
  private func referenceMetrics() throws -> (LedgerMetrics, LedgerNames) {
    let result = try session(referenceCopy).metrics()
    #expect(scaledShare.value(in: result.metrics) == 1.0 / 15)
    return (result.metrics, result.names)
  }

  @Test func anAddedMetricShowsInTheTextJSONAndCSVOfSteerMetrics() throws {
    let (metrics, names) = try referenceMetrics()
    let text = MetricsText.render(metrics, names: names, gates: [], language: .fr, registry: extended)
    let progress = try #require(text.split(separator: "AVANCEMENT\n").last?.split(separator: "APPRENTISSAGE").first)
    #expect(
      tableRows(String(progress)).contains(
        "scaled_share 6,7\u{202F}% cas d'usage actifs généralisés à tout le territoire"))
    #expect(!MetricsText.render(metrics, names: names, gates: [], language: .fr).contains("scaled_share"))

    let json = MetricsJSON.render(metrics, gates: [], registry: extended)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let entry = (document["progress"] as? [String: Any])?["scaled_share"] as? [String: Any]
    #expect(abs(try #require(entry?["value"] as? Double) - 1.0 / 15) < 1e-15)

    // In its group's place: after the progress metrics, before the learning ones.
    let csv = PeerComparison.csv(region: metrics, members: [], registry: extended).split(separator: "\n")
    let line = try #require(csv.firstIndex { $0.hasPrefix("scaled_share,") })
    #expect(csv[line] == "scaled_share,\((1.0 / 15).plainText(digits: 6))")
    #expect(csv[line - 1].hasPrefix("rollout_reach,") && csv[line + 1].hasPrefix("retro_coverage,"))
  }

  /// A gate may name an added metric when the registry that evaluates it has it.
  @Test func aGateOnAnAddedMetric() throws {
    let (metrics, names) = try referenceMetrics()
    var configuration = Configuration()
    configuration.gates["scaled_share"] = Located(0.25, at: SourceLocation(line: 3, column: 17))
    #expect(GateStatus.evaluate(configuration, metrics).isEmpty)
    let gates = GateStatus.evaluate(configuration, metrics, registry: extended)
    #expect(gates.map(\.metric.id) == ["scaled_share"] && gates.map(\.met) == [false])
    let text = MetricsText.render(metrics, names: names, gates: gates, language: .en, registry: extended)
    #expect(tableRows(text).contains("scaled_share NOT MET 6.7% (minimum 25%)"))
  }

  @Test func anAddedKeyFigureShowsInTheSummary() throws {
    let request = SummaryRequest(format: .md, audience: .public, today: CalendarDate(year: 2026, month: 11, day: 21)!)
    var input = try session(referenceCopy, language: .fr).summaryModel(request).input
    input.registry = extended
    let markdown = try SummaryRenderer.render(SummaryModel(input, audience: .public, language: .fr), format: .md)
    // The key figures: a row of labels, a separator, a row of values.
    let lines = markdown.split(separator: "\n")
    let header = try #require(lines.firstIndex { $0.contains("| Livré comme prévu |") })
    #expect(lines[header].hasSuffix("| Cas d'usage généralisés | "))
    #expect(lines[header + 2].hasSuffix("| 7\u{202F}% | "))
  }

  @Test func anAddedMetricHasItsRowInTheGeneratedDocumentation() {
    let table = MetricDocumentation.section(extended)
    #expect(
      table.contains(
        "| `scaled_share` | progress | Use cases scaled | Cas d'usage généralisés | a percentage | a minimum from 0 to 1 | rank 7, every edition |"
      ))
    #expect(!MetricDocumentation.section().contains("scaled_share"))
  }

  /// What the standard registry states of its metrics, as consumers rely on it.
  @Test func theStandardRegistry() {
    let standard = MetricRegistry.standard
    #expect(standard.definitions.map(\.group) == standard.definitions.map(\.group).sorted { $0.order < $1.order })
    #expect(
      standard.keyFigures(forThePublic: true).map(\.id) == ["progress", "say_do", "coverage", "co_construction"])
    #expect(standard.keyFigures(forThePublic: false).map(\.id).suffix(2) == ["concordance", "portfolio_fit"])
    // Counts that should stay at 0 have no minimum to guard them.
    #expect(standard.definitions.filter { !$0.isGateable }.map(\.id) == ["overdue_actions", "recurring_lessons"])
    #expect(standard["portfolio_fit"] == .portfolioFit && standard["nothing"] == nil)
  }

  @Test func valuesAndChangesAreWrittenInTheMetricsStyle() {
    let (en, fr) = (Wording(.en), Wording(.fr))
    #expect(MetricDefinition.coConstruction.display(0.4567, fr) == "46\u{202F}%")
    #expect(MetricDefinition.coConstruction.display(0.4567, fr, detailed: true) == "45,7\u{202F}%")
    #expect(MetricDefinition.concordance.display(0.1264, en) == "0.13")
    #expect(MetricDefinition.concordance.display(0.1264, en, detailed: true) == "0.126")
    #expect(MetricDefinition.rolloutReach.display(2, en) == "2")
    #expect(MetricDefinition.progress.display(nil, en) == "—")
    // A share changes by percentage points; French takes the singular below 2.
    #expect(MetricDefinition.coConstruction.displayChange(from: 1, to: 0.5, fr) == "−50\u{A0}points")
    #expect(MetricDefinition.coConstruction.displayChange(from: 0.5, to: 0.515, fr) == "+1,5\u{A0}point")
    #expect(MetricDefinition.coConstruction.displayChange(from: 0.5, to: 0.515, en) == "+1.5 points")
    #expect(MetricDefinition.coConstruction.displayChange(from: 0.5, to: 0.51, en) == "+1 point")
    #expect(MetricDefinition.concordance.displayChange(from: 0.09, to: 0.126, fr) == "+0,036")
    #expect(MetricDefinition.rolloutReach.displayChange(from: 3, to: 2, en) == "−1")
  }
}

extension MetricGroup {
  fileprivate var order: Int { Self.allCases.firstIndex(of: self)! }
}
