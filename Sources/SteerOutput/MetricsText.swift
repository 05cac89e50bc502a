import SteerChecks
import SteerMetrics
import SteerModel

/// `steer metrics` for a person: alignment, progress and learning as readable tables, in the
/// reader's language. The first column names each metric as `.steer.yaml`'s gates do.
public enum MetricsText {
  /// - Parameter unreadable: files with reading errors; while there are any, gates are not
  ///   evaluated and the text says so where they would be.
  public static func render(_ m: LedgerMetrics, gates: [GateStatus], unreadable: Int = 0, language: Language = .en)
    -> String
  {
    let say = Wording(language)
    func percent(_ value: Double?) -> String { say.percent(value, digits: 1) }
    func decimal(_ value: Double?) -> String { value.map { say.number($0, digits: 3) } ?? "—" }
    func number(_ value: Double) -> String { say.number(value, digits: 2) }

    var out: [String] = []
    out += [say(en: "ALIGNMENT", fr: "ALIGNEMENT"), ""]
    let raters = say.count(
      m.concordance.raters.count, en: ("stakeholder", "stakeholders"), fr: ("partie prenante", "parties prenantes"))
    let objectives = say.count(
      m.concordance.objectives.count, en: ("objective", "objectives"), fr: ("objectif", "objectifs"))
    out += table([
      [
        "traceability", percent(m.traceability.value),
        say(
          en: "effort of live use cases serving an active objective",
          fr: "effort des cas d'usage actifs qui sert un objectif actif"),
      ],
      [
        "coverage", percent(m.coverage.value),
        say(en: "active objectives served by a live use case", fr: "objectifs actifs servis par un cas d'usage actif"),
      ],
      [
        "concordance", decimal(m.concordance.value),
        say(en: "Kendall's W over \(raters) × \(objectives)", fr: "W de Kendall sur \(raters) × \(objectives)"),
      ],
      [
        "portfolio_fit", percent(m.portfolioFit.value),
        say(en: "effort that goes where the shared priorities are", fr: "effort placé sur les priorités partagées"),
      ],
      [
        "endorsement", percent(m.endorsement.value),
        say(en: "stakeholders who endorse the vision", fr: "parties prenantes qui soutiennent la vision"),
      ],
      [
        "group_endorsement", percent(m.groupEndorsement.value),
        say(en: "groups with at least one endorsement", fr: "groupes qui comptent au moins un soutien"),
      ],
      [
        "co_construction", percent(m.coConstruction.value),
        say(
          en: "use cases from prototype on, built with their users",
          fr: "cas d'usage prototypés ou au-delà, construits avec leurs usagers"),
      ],
      [
        "transversality", decimal(m.transversality.value),
        say(
          en: "stakeholder groups per use case's workshops",
          fr: "groupes de parties prenantes par cas d'usage dans ses ateliers"),
      ],
    ])
    if !m.stakeholderAgreement.leastAligned.isEmpty {
      let least = m.stakeholderAgreement.leastAligned.map { id in
        let value = m.stakeholderAgreement.entries.first { $0.stakeholder == id }?.value
        return "\(id) (\(decimal(value)))"
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
          ["  \($0.key.word(say))", decimal($0.value), ""]
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
              "  \(id)", percent(m.portfolioFit.sharedPriorities[id]), percent(m.portfolioFit.effortShares[id]),
              percent(m.objectiveProgress[id]?.value),
            ]
          })
    }

    out += ["", say(en: "PROGRESS", fr: "AVANCEMENT"), ""]
    let delivered = m.sayDo.delivered.count
    out += table([
      [
        "progress", percent(m.progress.value),
        say(
          en: "effort-weighted phase progress of live use cases",
          fr: "avancement des cas d'usage actifs, pondéré par leur effort"),
      ],
      [
        "say_do", percent(m.sayDo.value),
        say(
          en: "\(delivered) of \(m.sayDo.items) planned items delivered",
          fr: "éléments prévus livrés : \(delivered) sur \(m.sayDo.items)"),
      ],
      [
        "rollout_reach", m.rolloutReach.value.map(String.init) ?? "—",
        m.rolloutReach.step.map {
          say(
            en: "furthest rollout step with a deployed use case: \($0)",
            fr: "étape de déploiement la plus avancée où un cas d'usage est déployé : \($0)")
        } ?? say(en: "no step deployed yet", fr: "aucune étape déployée pour l'instant"),
      ],
    ])
    let counts = Phase.allCases.map { "\($0.word(say)) \(m.phaseCounts[$0] ?? 0)" }.joined(separator: " · ")
    out += ["", say(en: "Use cases: \(counts)", fr: "Cas d'usage : \(counts)")]
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
        ]
          + m.indicators.map { i in
            let target = number(i.definition.target)
            let targetDate = say.inSentence(i.definition.targetDate)
            return [
              "  \(i.indicator)", "\(number(i.definition.baseline)) \(i.definition.unit)",
              i.latest.map { latest in
                let members = latest.file == MemberValues.file ? say(en: ", members", fr: ", membres") : ""
                return "\(number(latest.value)) (\(say.inSentence(latest.date))\(members))"
              } ?? "—",
              say(en: "\(target) by \(targetDate)", fr: "\(target) au \(targetDate)"), percent(i.value),
              forecastText(i, say),
            ]
          })
    }
    if !m.sayDoByIteration.isEmpty {
      out += ["", say(en: "Say/do by closed iteration:", fr: "Engagements tenus par itération close :")]
      out += table(
        m.sayDoByIteration.map { s in
          let missed = s.missed.joined(separator: ", ")
          return [
            "  \(s.iteration ?? "")", percent(s.value),
            s.missed.isEmpty ? "" : say(en: "missed: \(missed)", fr: "non livrés : \(missed)"),
          ]
        })
    }

    out += ["", say(en: "LEARNING", fr: "APPRENTISSAGE"), ""]
    out += table([
      [
        "retro_coverage", percent(m.retroCoverage.value),
        say(en: "closed iterations with a retrospective", fr: "itérations closes qui ont leur rétrospective"),
      ],
      [
        "action_closure", percent(m.actionClosure.value),
        say(en: "actions done by their due iteration", fr: "actions faites à l'itération prévue"),
      ],
      [
        "overdue_actions", String(m.overdueActions.count),
        say(en: "open actions whose iteration is closed", fr: "actions ouvertes dont l'itération est close"),
      ],
      [
        "recurring_lessons", String(m.recurringLessons.count),
        say(
          en: "lesson tags in three retrospectives or more",
          fr: "étiquettes d'enseignement présentes dans au moins trois rétrospectives"),
      ],
    ])
    for action in m.overdueActions {
      out.append(
        say(
          en: "  overdue: \"\(action.text)\" (\(action.owner), due \(action.due), decided in \(action.retro))",
          fr:
            "  en retard : « \(action.text) » (\(action.owner), attendue pour \(action.due), décidée dans \(action.retro))"
        ))
    }
    for lesson in m.recurringLessons {
      let retros = lesson.retros.joined(separator: ", ")
      out.append(say(en: "  recurring: \(lesson.tag) in \(retros)", fr: "  récurrent : \(lesson.tag) dans \(retros)"))
    }
    if unreadable > 0 {
      let files = say.count(unreadable, en: ("file", "files"), fr: ("fichier", "fichiers"))
      out += [
        "", say(en: "GATES", fr: "SEUILS"), "",
        say(
          en: "not evaluated while \(files) cannot be read (steer check)",
          fr: "non évalués tant que des fichiers sont illisibles (\(files), voir steer check)"),
      ]
    }
    if !gates.isEmpty {
      out += ["", say(en: "GATES", fr: "SEUILS"), ""]
      out += table(
        gates.map { gate in
          let minimum = number(gate.minimum)
          return [
            gate.metric.rawValue, gate.met ? say(en: "met", fr: "tenu") : say(en: "NOT MET", fr: "NON TENU"),
            say(en: "\(decimal(gate.value)) (minimum \(minimum))", fr: "\(decimal(gate.value)) (minimum \(minimum))"),
          ]
        })
    }
    return out.joined(separator: "\n") + "\n"
  }

  private static func forecastText(_ i: IndicatorProgress, _ say: Wording) -> String {
    guard let forecast = i.forecast else { return "—" }
    let track =
      forecast.onTrack == true ? say(en: "on track", fr: "en bonne voie") : say(en: "off track", fr: "en retard")
    if let date = forecast.reachesTargetOn, forecast.onTrack != true, date > i.definition.baselineDate {
      let reached = say.inSentence(date)
      return say(en: "\(track), target reached \(reached)", fr: "\(track), cible atteinte le \(reached)")
    }
    let value = say.number(forecast.value, digits: 2)
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
