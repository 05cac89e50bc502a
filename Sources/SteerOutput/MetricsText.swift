import SteerChecks
import SteerMetrics
import SteerModel

/// `steer metrics` for a person: alignment, progress and learning as readable tables.
public enum MetricsText {
  public static func render(_ m: LedgerMetrics, gates: [GateStatus], effortUnit: String? = nil) -> String {
    var out: [String] = []
    out += ["ALIGNMENT", ""]
    out += table([
      ["traceability", percent(m.traceability.value), "effort of live use cases serving an active objective"],
      ["coverage", percent(m.coverage.value), "active objectives served by a live use case"],
      [
        "concordance", decimal(m.concordance.value),
        "Kendall's W over \(m.concordance.raters.count) stakeholders × \(m.concordance.objectives.count) objectives",
      ],
      ["portfolio_fit", percent(m.portfolioFit.value), "effort that goes where the shared priorities are"],
      ["endorsement", percent(m.endorsement.value), "stakeholders who endorse the vision"],
      ["group_endorsement", percent(m.groupEndorsement.value), "groups with at least one endorsement"],
      ["co_construction", percent(m.coConstruction.value), "use cases from prototype on, built with their users"],
      ["transversality", decimal(m.transversality.value), "stakeholder groups per use case's workshops"],
    ])
    if !m.stakeholderAgreement.leastAligned.isEmpty {
      let least = m.stakeholderAgreement.leastAligned.map { id in
        let value = m.stakeholderAgreement.entries.first { $0.stakeholder == id }?.value
        return "\(id) (\(decimal(value)))"
      }
      out += ["", "Least aligned with the shared priorities: \(least.joined(separator: ", "))"]
    }
    if !m.stakeholderAgreement.byGroup.isEmpty {
      out += ["", "Agreement by group (Spearman ρ with the others' mean ranking):"]
      out += table(
        m.stakeholderAgreement.byGroup.sorted { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }.map {
          ["  \($0.key.rawValue)", decimal($0.value), ""]
        })
    }
    if !m.concordance.objectives.isEmpty {
      out += ["", "Shared priorities and effort by objective:"]
      out += table(
        [["  objective", "priority", "effort", "progress"]]
          + m.concordance.objectives.map { id in
            [
              "  \(id)", percent(m.portfolioFit.sharedPriorities[id]), percent(m.portfolioFit.effortShares[id]),
              percent(m.objectiveProgress[id]?.value),
            ]
          })
    }

    out += ["", "PROGRESS", ""]
    out += table([
      ["progress", percent(m.progress.value), "effort-weighted phase progress of live use cases"],
      ["say_do", percent(m.sayDo.value), "\(m.sayDo.delivered.count) of \(m.sayDo.items) planned items delivered"],
      [
        "rollout_reach", m.rolloutReach.value.map(String.init) ?? "—",
        m.rolloutReach.step.map { "furthest rollout step with a deployed use case: \($0)" } ?? "no step deployed yet",
      ],
    ])
    let counts = Phase.allCases.map { "\($0.rawValue) \(m.phaseCounts[$0] ?? 0)" }.joined(separator: " · ")
    out += ["", "Use cases: \(counts)"]
    if !m.indicators.isEmpty {
      out += ["", "Indicators:"]
      out += table(
        [["  indicator", "baseline", "latest", "target", "progress", "forecast"]]
          + m.indicators.map { i in
            [
              "  \(i.indicator)", "\(number(i.definition.baseline)) \(i.definition.unit)",
              i.latest.map { "\(number($0.value)) (\($0.date))" } ?? "—",
              "\(number(i.definition.target)) by \(i.definition.targetDate)", percent(i.value), forecastText(i),
            ]
          })
    }
    if !m.sayDoByIteration.isEmpty {
      out += ["", "Say/do by closed iteration:"]
      out += table(
        m.sayDoByIteration.map { s in
          [
            "  \(s.iteration ?? "")", percent(s.value),
            s.missed.isEmpty ? "" : "missed: \(s.missed.joined(separator: ", "))",
          ]
        })
    }

    out += ["", "LEARNING", ""]
    out += table([
      ["retro_coverage", percent(m.retroCoverage.value), "closed iterations with a retrospective"],
      ["action_closure", percent(m.actionClosure.value), "actions done by their due iteration"],
      ["overdue_actions", String(m.overdueActions.count), "open actions whose iteration is closed"],
      ["recurring_lessons", String(m.recurringLessons.count), "lesson tags in three retrospectives or more"],
    ])
    for action in m.overdueActions {
      out.append("  overdue: \"\(action.text)\" (\(action.owner), due \(action.due), decided in \(action.retro))")
    }
    for lesson in m.recurringLessons {
      out.append("  recurring: \(lesson.tag) in \(lesson.retros.joined(separator: ", "))")
    }
    if !gates.isEmpty {
      out += ["", "GATES", ""]
      out += table(
        gates.map { gate in
          [
            gate.metric.rawValue, gate.met ? "met" : "NOT MET",
            "\(decimal(gate.value)) (minimum \(number(gate.minimum)))",
          ]
        })
    }
    return out.joined(separator: "\n") + "\n"
  }

  private static func forecastText(_ i: IndicatorProgress) -> String {
    guard let forecast = i.forecast else { return "—" }
    let track = forecast.onTrack == true ? "on track" : "off track"
    if let date = forecast.reachesTargetOn, forecast.onTrack != true, date > i.definition.baselineDate {
      return "\(track), target reached \(date)"
    }
    return "\(track) (\(number(forecast.value)) by \(i.definition.targetDate))"
  }

  /// Columns padded to their widest cell.
  public static func table(_ rows: [[String]]) -> [String] {
    guard let columns = rows.map(\.count).max() else { return [] }
    let widths = (0..<columns).map { column in rows.map { $0.count > column ? $0[column].count : 0 }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
      }.joined(separator: "  ").trimmingTrailingBlanks
    }
  }

  static func percent(_ value: Double?) -> String {
    guard let value else { return "—" }
    return number(value * 100, digits: 1) + " %"
  }

  static func decimal(_ value: Double?) -> String { value.map { number($0, digits: 3) } ?? "—" }

  static func number(_ value: Double, digits: Int = 2) -> String { value.plainText(digits: digits) }
}

extension String {
  fileprivate var trimmingTrailingBlanks: String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
