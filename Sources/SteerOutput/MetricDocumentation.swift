import SteerMetrics
import SteerModel

/// The table of docs/metrics.md that lists every metric, written from the metric registry: the
/// documentation cannot drift from what Steer computes (a test compares the file with it).
public enum MetricDocumentation {
  static let begin =
    "<!-- Generated from the metric registry (Sources/SteerMetrics/StandardMetrics.swift) by the test suite:"
  static let end = "<!-- End of the generated table. -->"

  /// The table, between the lines that mark it.
  public static func section(_ registry: MetricRegistry = .standard) -> String {
    var lines = [
      begin,
      "     run `STEER_RECORD=1 swift test` after changing it. Do not edit by hand. -->",
      "",
      "| metric | group | label | label (fr) | written as | gate | key figure |",
      "|---|---|---|---|---|---|---|",
    ]
    let english = Wording(.en)
    let french = Wording(.fr)
    for metric in registry.definitions {
      let cells = [
        "`\(metric.id)`", metric.group.rawValue, metric.label(english), metric.label(french), style(metric.style),
        gate(metric), keyFigure(metric.keyFigure),
      ]
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    lines += ["", end]
    return lines.joined(separator: "\n")
  }

  /// `document` with its generated table replaced by `section(registry)`; nil when it has none.
  public static func updating(_ document: String, registry: MetricRegistry = .standard) -> String? {
    guard let start = document.firstRange(of: begin), let stop = document[start.upperBound...].firstRange(of: end)
    else { return nil }
    return String(document[..<start.lowerBound]) + section(registry) + String(document[stop.upperBound...])
  }

  private static func style(_ style: MetricStyle) -> String {
    switch style {
    case .share: "a percentage"
    case .decimal(let digits): "a decimal (\(digits) \(digits == 1 ? "digit" : "digits") at a glance, 3 in detail)"
    case .count: "a whole number"
    }
  }

  private static func gate(_ metric: MetricDefinition) -> String {
    guard metric.isGateable else { return "no" }
    return metric.isRatio ? "a minimum from 0 to 1" : "a minimum"
  }

  private static func keyFigure(_ figure: KeyFigure?) -> String {
    guard let figure else { return "—" }
    return "rank \(figure.rank), " + (figure.isPublic ? "every edition" : "not the public's")
  }
}
