import SteerChecks
import SteerMetrics
import SteerModel

/// `steer metrics` for a person: alignment, progress and learning as readable tables, in the
/// reader's language. A row per metric of the registry, its first column the id `.steer.yaml`'s
/// gates name; then each group's tables that are not a single number, naming what they list.
public enum MetricsText {
  /// - Parameter unreadable: files with reading errors; while there are any, gates are not
  ///   evaluated and the text says so where they would be.
  public static func render(
    _ m: LedgerMetrics, names: LedgerNames, gates: [GateStatus], unreadable: [String] = [],
    language: Language = .en, registry: MetricRegistry = .standard
  ) -> String {
    let say = Wording(language)
    var out: [String] = []
    for group in MetricGroup.allCases {
      if group != MetricGroup.allCases.first { out.append("") }
      out += [group.title(say).uppercased(), ""]
      out += table(
        registry.definitions(in: group).map { metric in
          [metric.id, metric.display(m.value(of: metric), say, detailed: true), metric.description(of: m, say)]
        })
      switch group {
      case .alignment: out += alignmentTables(m, names, say)
      case .progress: out += progressTables(m, names, say)
      case .learning: out += learningLists(m, names, say)
      }
    }
    if !unreadable.isEmpty {
      let files = say.files(unreadable)
      let have = say.agreeing(with: unreadable.count, en: ("has", "have"), fr: ("comporte", "comportent"))
      out += [
        "", say(en: "GATES", fr: "SEUILS"), "",
        say(
          en: "not evaluated while \(files) \(have) reading errors (steer check)",
          fr: "non évalués tant que \(files) \(have) des erreurs de lecture (voir steer check)"),
      ]
    }
    if !gates.isEmpty {
      out += ["", say(en: "GATES", fr: "SEUILS"), ""]
      out += table(
        gates.map { gate in
          let minimum = gate.metric.display(gate.minimum, say, detailed: true)
          let value = gate.metric.display(gate.value, say, detailed: true)
          return [
            gate.metric.id, gate.met ? say(en: "met", fr: "tenu") : say(en: "NOT MET", fr: "NON TENU"),
            say(en: "\(value) (minimum \(minimum))", fr: "\(value) (minimum \(minimum))"),
          ]
        })
    }
    return out.joined(separator: "\n") + "\n"
  }

  private static func percent(_ value: Double?, _ say: Wording) -> String { say.percent(value, digits: 1) }
  private static func decimal(_ value: Double?, _ say: Wording) -> String {
    value.map { say.number($0, digits: 3) } ?? "—"
  }
  private static func number(_ value: Double, _ say: Wording) -> String { say.number(value, digits: 2) }

  /// The least aligned stakeholders, the agreement by group, and each objective's shared
  /// priority, effort and progress.
  private static func alignmentTables(_ m: LedgerMetrics, _ names: LedgerNames, _ say: Wording) -> [String] {
    var out: [String] = []
    if !m.stakeholderAgreement.leastAligned.isEmpty {
      let least = m.stakeholderAgreement.leastAligned.map { id in
        let value = m.stakeholderAgreement.entries.first { $0.stakeholder == id }?.value
        return "\(names.stakeholder(id)) (\(decimal(value, say)))"
      }.joined(separator: ", ")
      out += [
        "",
        say(
          en: "Least aligned with the shared priorities: \(least)",
          fr: "Les moins alignés sur les priorités partagées : \(least)"),
      ]
    }
    if !m.stakeholderAgreement.byGroup.isEmpty {
      out += [
        "",
        say(
          en: "Agreement by group (Spearman ρ with the others' mean ranking):",
          fr: "Accord par groupe (ρ de Spearman avec le classement moyen des autres) :"),
      ]
      out += table(
        m.stakeholderAgreement.byGroup.sorted { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }.map {
          ["  \($0.key.word(say))", decimal($0.value, say), ""]
        })
    }
    if !m.concordance.objectives.isEmpty {
      out += [
        "", say(en: "Shared priorities and effort by objective:", fr: "Priorités partagées et effort par objectif :"),
      ]
      out += table(
        [
          [
            say(en: "  objective", fr: "  objectif"), say(en: "priority", fr: "priorité"),
            say(en: "effort", fr: "effort"),
            say(en: "progress", fr: "avancement"),
          ]
        ]
          + m.concordance.objectives.map { id in
            [
              "  \(names.objective(id))", percent(m.portfolioFit.sharedPriorities[id], say),
              percent(m.portfolioFit.effortShares[id], say), percent(m.objectiveProgress[id]?.value, say),
            ]
          })
    }
    return out
  }

  /// The use cases by phase, the indicators with their forecasts, and say/do by iteration.
  private static func progressTables(
    _ m: LedgerMetrics, _ names: LedgerNames, _ say: Wording
  ) -> [String] {
    let counts = Phase.allCases.map { "\($0.word(say)) \(m.phaseCounts[$0] ?? 0)" }.joined(separator: " · ")
    var out = ["", say(en: "Use cases: \(counts)", fr: "Cas d'usage : \(counts)")]
    if !m.indicators.isEmpty {
      out += ["", say(en: "Indicators:", fr: "Indicateurs :")]
      out += table(
        [
          [
            say(en: "  indicator", fr: "  indicateur"), say(en: "baseline", fr: "référence"),
            say(en: "latest", fr: "dernière mesure"),
            say(en: "target", fr: "cible"), say(en: "progress", fr: "avancement"),
            say(en: "forecast", fr: "projection"),
          ]
        ] + m.indicators.map { indicatorRow($0, say) })
    }
    if !m.sayDoByIteration.isEmpty {
      out += ["", say(en: "Say/do by closed iteration:", fr: "Engagements tenus par itération close :")]
      out += table(
        m.sayDoByIteration.map { s in
          let missed = s.missed.map(names.useCase).joined(separator: ", ")
          return [
            "  \(s.iteration.map(names.iteration) ?? "")", percent(s.value, say),
            s.missed.isEmpty
              ? ""
              : say(
                en: "missed: \(missed)",
                fr: "\(say.agreeing(with: s.missed.count, en: ("", ""), fr: ("non livré", "non livrés"))) : \(missed)"),
          ]
        })
    }
    return out
  }

  private static func indicatorRow(_ i: IndicatorProgress, _ say: Wording) -> [String] {
    let unit = i.definition.unit
    let target = say.quantity(i.definition.target, unit, digits: 2)
    let targetDate = say.inSentence(i.definition.targetDate)
    return [
      "  \(i.definition.title)", say.quantity(i.definition.baseline, unit, digits: 2),
      i.latest.map { latest in
        let members = latest.file == MemberValues.file ? ", " + (i.membersMeasured(say) ?? "") : ""
        return "\(say.quantity(latest.value, unit, digits: 2)) (\(say.inSentence(latest.date))\(members))"
      } ?? "—",
      say(en: "\(target) by \(targetDate)", fr: "\(target) au \(targetDate)"),
      i.notMeasurable(say) ?? percent(i.value, say),
      forecastText(i, say)
        + (i.coversPartOfTheMembers && i.forecast != nil ? " — " + (i.membersMeasured(say) ?? "") : ""),
    ]
  }

  /// Each overdue action and each recurring lesson.
  private static func learningLists(_ m: LedgerMetrics, _ names: LedgerNames, _ say: Wording) -> [String] {
    var out: [String] = []
    for action in m.overdueActions {
      let owner = names.stakeholder(action.owner)
      let (due, retro) = (say.quoted(names.iteration(action.due)), say.quoted(names.iteration(action.retro)))
      out.append(
        say(
          en: "  overdue: \"\(action.text)\" (\(owner), due by \(due), decided at the retrospective of \(retro))",
          fr:
            "  en retard : « \(action.text) » (\(owner), attendue pour \(due), décidée à la rétrospective de \(retro))"
        ))
    }
    for lesson in m.recurringLessons {
      let retros = say.conjunction(lesson.retros.map { say.quoted(names.iteration($0)) })
      out.append(say(en: "  recurring: \(lesson.tag) in \(retros)", fr: "  récurrent : \(lesson.tag) dans \(retros)"))
    }
    return out
  }

  private static func forecastText(_ i: IndicatorProgress, _ say: Wording) -> String {
    guard let forecast = i.forecast else { return "—" }
    let track =
      forecast.onTrack == true ? say(en: "on track", fr: "en bonne voie") : say(en: "off track", fr: "en retard")
    if let date = forecast.reachesTargetOn, forecast.onTrack != true, date > i.definition.baselineDate {
      let reached = say.inSentence(date)
      return say(en: "\(track), target reached \(reached)", fr: "\(track), cible atteinte le \(reached)")
    }
    let value = say.quantity(forecast.value, i.definition.unit, digits: 2)
    let targetDate = say.inSentence(i.definition.targetDate)
    return say(en: "\(track) (\(value) by \(targetDate))", fr: "\(track) (\(value) au \(targetDate))")
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
}

extension String {
  fileprivate var trimmingTrailingBlanks: String {
    var copy = self
    while copy.last == " " { copy.removeLast() }
    return copy
  }
}
