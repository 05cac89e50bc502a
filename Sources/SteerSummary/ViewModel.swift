import SteerChecks
import SteerHistory
import SteerMarkdown
import SteerMetrics
import SteerModel
import SteerOutput

extension SummaryModel {
  /// The dictionary the templates render. Every key is documented in docs/templates.md; the
  /// elements of its lists are `TemplateRow`s.
  public var viewModel: [String: Any] {
    let l = localizer
    let status = self.status
    var model: [String: Any] = [
      "lang": l.language.rawValue,
      "labels": l.labels,
      "audience": [
        "name": audience.rawValue, "elected": audience == .elected, "technical": audience == .technical,
        "public": audience == .public,
      ],
      "generated_on": l.date(input.today),
      "page_title": l[audience == .public ? .summaryPublic : .summary],
      "status": [
        "level": status.level.rawValue, "label": status.level.word(l.say),
        "reasons": status.reasons, "red": status.level == .red, "amber": status.level == .amber,
        "green": status.level == .green,
      ].merging(
        // Internal findings are not the public's business; the committee's, yes.
        status.dataQuality.map { audience == .public ? [:] : ["data_quality": $0] } ?? [:]
      ) { first, _ in first },
      "decisions": audience == .public ? [] : status.decisions,
      "has_decisions": audience != .public && !status.decisions.isEmpty,
      "register": register,
      "risks": audience == .public ? [] : status.risks,
      "has_risks": audience != .public && !status.risks.isEmpty,
      "key_figures": keyFigures,
      "vision": vision,
      "alignment": alignment,
      "objectives": objectives,
      "usecases": useCases,
      "recurring_lessons": metrics.recurringLessons.map {
        TemplateRow([
          "tag": $0.tag, "retros": $0.retros.map { l.say.titled(iterationTitle($0)) }.joined(separator: ", "),
        ])
      },
      "figure_notes": figureNotes,
      "next": whatComesNext,
      "has_next": !whatComesNext.isEmpty,
      "has_recurring_lessons": !metrics.recurringLessons.isEmpty,
      "findings": findings,
      "gates": input.gates.map {
        TemplateRow([
          "metric": $0.metric.id, "label": $0.metric.label(l.say),
          "minimum": $0.metric.display($0.minimum, l.say), "value": $0.metric.display($0.value, l.say),
          "met": $0.met, "met_label": l[$0.met ? .met : .notMet],
        ])
      },
      "has_gates": !input.gates.isEmpty,
    ]
    if let roadmap { model["roadmap"] = roadmap }
    if let retro = lastRetro { model["last_retro"] = retro }
    if let trends { model["trends"] = trends }
    if let since { model["since"] = since }
    if let federation { model["federation"] = federation }
    return model
  }

  /// A metric's value as a summary writes it.
  func figure(_ metric: MetricDefinition) -> String { metric.display(metrics.value(of: metric), localizer.say) }

  /// The registry's key figures this audience sees, in their order.
  package var keyFigures: [TemplateRow] {
    let say = localizer.say
    return input.registry.keyFigures(forThePublic: audience == .public).map { metric in
      TemplateRow(["name": metric.id, "label": metric.label(say), "value": figure(metric)])
    }
  }

  var vision: [String: Any] {
    let l = localizer
    guard let vision = ledger.vision else { return [:] }
    // Every stance is shown; for the public, those who may not be named stand as their group.
    let endorsements = vision.endorsements.map { endorsement -> TemplateRow in
      let id = endorsement.stakeholder.value
      var entry: [String: Any] = [
        "stakeholder": nameable(id) ? stakeholderName(id) : l.say.memberOfGroup(l.group(groupOf(id))),
        "named": nameable(id),
        "group": l.group(groupOf(endorsement.stakeholder.value)), "stance": endorsement.stance.rawValue,
        "stance_label": endorsement.stance.verb(l.say), "date": l.date(endorsement.date),
      ]
      if audience != .public, let note = endorsement.note { entry["note"] = note }
      return TemplateRow(entry)
    }
    return [
      "title": vision.title, "territory": vision.territory, "horizon": l.date(vision.horizon),
      "carried_by": stakeholderName(vision.carriedBy.value),
      "body_html": Markdown.html(vision.body, headingsFrom: 3), "body": vision.body.trimmingBlanks,
      "endorsements": endorsements, "has_endorsements": !endorsements.isEmpty,
      "axes": vision.axes.map(\.title).joined(separator: " · "),
    ]
  }

  var alignment: [String: Any] {
    let l = localizer
    let active = metrics.concordance.objectives
    let titles = Dictionary(ledger.objectives.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    var model: [String: Any] = [
      "concordance": figure(.concordance), "portfolio_fit": figure(.portfolioFit),
      "traceability": figure(.traceability), "endorsement": figure(.endorsement),
      "groups": metrics.stakeholderAgreement.byGroup.sorted {
        ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue)
      }
      .map {
        TemplateRow(["group": l.group($0.key), "value": l.number($0.value, digits: 2)])
      },
    ]
    if audience == .technical {
      model["least_aligned"] = metrics.stakeholderAgreement.leastAligned.map { id -> TemplateRow in
        let value = metrics.stakeholderAgreement.entries.first { $0.stakeholder == id }?.value
        return TemplateRow([
          "name": stakeholderName(id), "group": l.group(groupOf(id)),
          "value": value.map { l.number($0, digits: 2) } ?? "—",
        ])
      }
      let raterIDs = Set(metrics.concordance.raters)
      let raters = ledger.stakeholders.filter { raterIDs.contains($0.id) }.sorted { $0.id < $1.id }
      // Past a few dozen columns a heat map is no longer read: it keeps the objectives of
      // highest shared priority, and says so (the table below lists them all).
      var columns = active
      var title = l[.heatmap]
      if active.count > Charts.heatMapColumns {
        let priority = metrics.portfolioFit.sharedPriorities
        columns = active.sorted { ((priority[$0] ?? 0), $1) > ((priority[$1] ?? 0), $0) }
          .prefix(Charts.heatMapColumns).sorted()
        title += " — \(columns.count) / \(active.count), \(l[.heatmapTop])"
      }
      // No chart of nobody's priorities: a new ledger's stakeholders have stated none yet.
      if !raters.isEmpty && !columns.isEmpty {
        model["heatmap_svg"] = Charts.heatMap(
          id: "heatmap", title: title, stakeholders: raters, objectives: columns.map { ($0, titles[$0] ?? $0) },
          localizer: l)
        model["heatmap_columns"] = columns.enumerated().map {
          TemplateRow(["number": $0.offset + 1, "id": $0.element, "title": titles[$0.element] ?? $0.element])
        }
      }
      model["objectives"] = active.map {
        TemplateRow([
          "id": $0, "title": titles[$0] ?? $0, "priority": l.percent(metrics.portfolioFit.sharedPriorities[$0]),
          "effort": l.percent(metrics.portfolioFit.effortShares[$0]),
        ])
      }
    }
    return model
  }

  var objectives: [TemplateRow] {
    let l = localizer
    let indicatorsByObjective = Dictionary(grouping: metrics.indicators, by: \.objective)
    return ledger.objectives.filter { $0.status == .active }.sorted { $0.id < $1.id }.map { objective in
      let indicators = (indicatorsByObjective[objective.id] ?? []).map(indicatorRow)
      return TemplateRow([
        "id": objective.id, "title": objective.title,
        "progress": l.percent(metrics.objectiveProgress[objective.id]?.value),
        "body_html": audience == .public ? "" : Markdown.html(objective.body, headingsFrom: 4),
        "indicators": indicators, "has_indicators": !indicators.isEmpty,
        "member_usecases": membersUseCases(serving: objective.id).map { regionUseCaseRow($0, reason: false) },
      ])
    }
  }

  /// An indicator as the summary and the site show it: its figures, its bar, its forecast.
  package func indicatorRow(_ indicator: IndicatorProgress) -> TemplateRow {
    let l = localizer
    let d = indicator.definition
    let progressText = indicator.value.map { l.percent($0) } ?? l[.notMeasured]
    var forecastText = "—"
    var onTrack: Bool? = nil
    if let forecast = indicator.forecast {
      onTrack = forecast.onTrack
      if forecast.onTrack == true {
        forecastText = l[.onTrack]
      } else if let date = forecast.reachesTargetOn, date > d.baselineDate {
        forecastText = "\(l[.offTrack]) — \(l[.reachedOn]) \(l.date(date))"
      } else {
        forecastText = l[.offTrack]
      }
    }
    // A value combined from part of a region's members says so beside it and its forecast.
    let unavailable = input.unavailable.count
    let members = indicator.membersMeasured(unavailable: unavailable, l.say).map { ", " + $0 } ?? ""
    if indicator.coversPartOfTheMembers(unavailable: unavailable), forecastText != "—" {
      forecastText += " — " + (indicator.membersMeasured(unavailable: unavailable, l.say) ?? "")
    }
    return TemplateRow([
      "id": d.id.value, "title": d.title, "unit": d.unit,
      "baseline": "\(l.number(d.baseline)) \(d.unit)", "target": "\(l.number(d.target)) \(d.unit)",
      "target_date": l.date(d.targetDate),
      "latest": indicator.latest.map { "\(l.number($0.value)) \(d.unit) (\(l.date($0.date))\(members))" } ?? "—",
      "progress": progressText, "progress_value": indicator.value ?? 0,
      "bar_svg": Charts.progressBar(
        id: "indicator-\(d.id.value)", title: d.title, progress: indicator.value, label: progressText),
      "forecast": forecastText, "on_track": onTrack == true, "off_track": onTrack == false,
    ])
  }

  var useCases: [String: Any] {
    let l = localizer
    // A region's funnel counts its members' use cases too, and says how many are theirs.
    let theirs = membersUseCases
    let counts = Phase.ordered.map { phase in
      (l.phase(phase), metrics.phaseCounts[phase] ?? 0, theirs.count { $0.useCase.phase == phase })
    }
    let steps = (ledger.vision?.rollout ?? []).map { ($0.id.value, $0.title) } + [("", l[.noStep])]
    // Positions in the ledger's use cases are grouped and sorted, not the use cases: large values to move.
    let all = ledger.useCases
    let live = Dictionary(grouping: all.indices.filter { all[$0].phase != .abandoned }) {
      all[$0].rolloutStep?.value ?? ""
    }
    let phaseLabels = Dictionary(uniqueKeysWithValues: Phase.allCases.map { ($0, l.phase($0)) })
    let byStep = steps.compactMap { step, title -> TemplateRow? in
      let cases = (live[step] ?? []).sorted {
        (all[$0].phase.rank ?? 0, all[$0].id) > (all[$1].phase.rank ?? 0, all[$1].id)
      }
      guard !cases.isEmpty else { return nil }
      return TemplateRow([
        "title": title, "count": cases.count,
        "usecases": cases.map {
          TemplateRow(["id": all[$0].id, "title": all[$0].title, "phase": phaseLabels[all[$0].phase]!])
        },
      ])
    }
    let included = membersIncluded(theirs.filter { $0.useCase.phase != .abandoned })
    let abandoned = theirs.filter { $0.useCase.phase == .abandoned }
    var model: [String: Any] = [
      "funnel_svg": Charts.funnel(
        id: "funnel", title: l[.funnel], counts: counts.map { ($0.0, $0.1 + $0.2) }, note: included),
      "phases": counts.map {
        TemplateRow(["phase": $0.0, "count": $0.1 + $0.2, "own": $0.1, "members": $0.2])
      },
      "abandoned": (metrics.phaseCounts[.abandoned] ?? 0) + abandoned.count,
      // Abandoning a use case is a decision: it is listed, with the reason its file gives.
      "abandoned_usecases": all.filter { $0.phase == .abandoned }.map {
        TemplateRow(["id": $0.id, "title": $0.title, "reason": Self.firstParagraph($0.body)])
      } + abandoned.map { regionUseCaseRow($0, reason: true) },
      "by_step": byStep,
      "by_member": byMember(theirs.filter { $0.useCase.phase != .abandoned }),
    ]
    if let included { model["members_included"] = included }
    return model
  }

  /// `Including 12 of the members' use cases (Aiglun: 5, Barles: 7).`; nil without any.
  package func membersIncluded(_ theirs: [RegionUseCase]) -> String? {
    guard !theirs.isEmpty else { return nil }
    let counts = input.members.map { memberName($0.name) }.map { name in
      (member: name, count: theirs.count { $0.member == name })
    }
    return localizer.say.membersIncluded(counts.filter { $0.count > 0 })
  }

  /// Each member's live use cases, as `by_step` lists the ledger's own.
  func byMember(_ theirs: [RegionUseCase]) -> [TemplateRow] {
    let byName = Dictionary(grouping: theirs, by: \.member)
    return input.members.map { memberName($0.name) }.compactMap { name in
      guard let cases = byName[name] else { return nil }
      return TemplateRow([
        "title": name, "count": cases.count, "usecases": cases.map { regionUseCaseRow($0, reason: false) },
      ])
    }
  }

  /// A member's use case for templates: its `member:usecase` id only for the technical edition.
  func regionUseCaseRow(_ useCase: RegionUseCase, reason: Bool) -> TemplateRow {
    var row: [String: Any] = [
      "title": useCase.useCase.title, "member": useCase.member, "phase": localizer.phase(useCase.useCase.phase),
      "text": localizer.say.memberUseCase(useCase),
    ]
    if audience == .technical { row["id"] = useCase.id }
    if reason { row["reason"] = useCase.useCase.reason }
    return TemplateRow(row)
  }

  /// The first paragraph of a Markdown body, on one line.
  package static func firstParagraph(_ body: String) -> String {
    let paragraph = body.trimmingBlanks.components(separatedBy: "\n\n").first ?? ""
    return paragraph.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingBlanks
  }

  /// Nil while no iteration is planned: the templates say so instead of an empty table.
  var roadmap: [String: Any]? {
    let l = localizer
    let roadmap = index.roadmap
    guard !roadmap.isEmpty else { return nil }
    let current = roadmap.first { $0.status == .active }?.id
    return [
      "timeline_svg": Charts.timeline(
        id: "timeline", title: l[.roadmap], iterations: roadmap, current: current, today: input.today,
        localizer: l),
      "iterations": roadmap.map { iteration -> TemplateRow in
        TemplateRow([
          "id": iteration.id, "title": iteration.title, "start": l.date(iteration.start), "end": l.date(iteration.end),
          "status": iteration.status.rawValue, "status_label": iteration.status.word(l.say),
          "current": iteration.id == current, "goal": iteration.goal ?? "", "items": iteration.items.count,
        ])
      },
    ]
  }

  var lastRetro: [String: Any]? {
    let l = localizer
    let closed = index.roadmap.filter { $0.status == .closed }
    guard let iteration = closed.last(where: { index.retrosByIteration[$0.id] != nil }),
      let retro = index.retrosByIteration[iteration.id]
    else { return nil }
    let overdue = Set(metrics.overdueActions.map { "\($0.retro)\u{0}\($0.text)" })
    var model: [String: Any] = [
      "iteration": iteration.id, "title": iteration.title, "date": l.date(retro.date),
      "lessons": retro.lessons.map { TemplateRow(["text": $0.text, "tags": $0.tags.joined(separator: ", ")]) },
    ]
    if audience != .public {
      model["actions"] = retro.actions.map { action -> TemplateRow in
        let isOverdue = overdue.contains("\(retro.iteration)\u{0}\(action.text)")
        return TemplateRow([
          "text": action.text, "owner": stakeholderName(action.owner.value),
          "due": l.say.titled(iterationTitle(action.due.value)),
          "due_id": action.due.value, "status": action.status.word(l.say), "overdue": isOverdue,
        ])
      }
      model["overdue"] = metrics.overdueActions.map {
        TemplateRow([
          "text": $0.text, "owner": stakeholderName($0.owner), "due": l.say.titled(iterationTitle($0.due)),
          "due_id": $0.due,
          "retro": l.say.titled(iterationTitle($0.retro)), "retro_id": $0.retro,
        ])
      }
      model["body_html"] = Markdown.html(retro.body, headingsFrom: 3)
    }
    return model
  }

  var findings: [String: Any] {
    let l = localizer
    let shown = audience == .technical ? input.diagnostics : []
    return [
      "count": input.diagnostics.count,
      "errors": input.diagnostics.count { $0.severity == .error },
      "warnings": input.diagnostics.count { $0.severity == .warning },
      "none": input.diagnostics.isEmpty,
      "items": shown.map {
        TemplateRow([
          "severity": $0.severity.rawValue, "severity_label": $0.severity.word(l.say),
          "rule": $0.rule, "file": $0.file, "line": $0.location.map { String($0.line) } ?? "",
          "message": $0.message,
        ])
      },
    ]
  }

  var trends: [String: Any]? {
    let l = localizer
    guard input.history.count >= 2, audience == .technical else { return nil }
    let shown: [MetricDefinition] = [.progress, .sayDo, .coverage, .coConstruction, .traceability]
    return [
      "svg": Charts.trends(
        id: "trends", title: l[.trends], snapshots: input.history, metrics: shown, localizer: l),
      "rows": input.history.map { snapshot -> TemplateRow in
        TemplateRow([
          "label": snapshot.label, "date": l.date(snapshot.date),
          "progress": MetricDefinition.progress.display(snapshot.value(of: .progress), l.say),
          "say_do": MetricDefinition.sayDo.display(snapshot.value(of: .sayDo), l.say),
          "coverage": MetricDefinition.coverage.display(snapshot.value(of: .coverage), l.say),
        ])
      },
    ]
  }

  var since: [String: Any]? {
    let l = localizer
    guard let diff = input.since, audience != .public else { return nil }
    let titles = Dictionary(ledger.useCases.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
    let changed = diff.metrics.filter { $0.before != $0.after }
    return [
      "from": diff.from, "to": diff.to, "nothing": diff.isEmpty,
      "phase_moves": diff.phaseMoves.map {
        TemplateRow([
          "usecase": titles[$0.useCase] ?? $0.useCase, "from": l.phase($0.from), "to": l.phase($0.to),
          "backwards": $0.backwards,
        ])
      },
      "metrics": changed.map { delta -> TemplateRow in
        TemplateRow([
          "metric": delta.metric.id, "label": delta.metric.label(l.say),
          "before": delta.metric.display(delta.before, l.say), "after": delta.metric.display(delta.after, l.say),
        ])
      },
      "renamed": diff.renamedUseCases.map {
        TemplateRow(["usecase": titles[$0.to] ?? $0.to, "from": $0.from, "to": $0.to])
      },
      "indicators": diff.indicators.map {
        TemplateRow([
          "indicator": $0.indicator, "title": diff.names(.indicator, $0.indicator),
          "before": $0.describe($0.before, l.say), "after": $0.describe($0.after, l.say),
        ])
      },
      "objective_progress": diff.objectiveProgress.map {
        TemplateRow([
          "title": diff.names(.objective, $0.objective), "before": l.percent($0.before), "after": l.percent($0.after),
        ])
      },
      "members": diff.members.map { member in
        TemplateRow([
          "name": member.title, "change": member.pinMoved ? member.pinChange(l.say) : "",
          "phase_moves": member.phaseMoves.map {
            TemplateRow([
              "usecase": member.useCaseTitles[$0.useCase] ?? $0.useCase, "from": l.phase($0.from),
              "to": l.phase($0.to),
            ])
          },
        ])
      },
      "has_decision_changes": !diff.decisions.isEmpty || !diff.supersessions.isEmpty,
      "decisions": diff.decisions.map {
        TemplateRow(["title": diff.names(.decision, $0.decision), "change": $0.change(l.say)])
      },
      "supersessions": diff.supersessions.map { supersession in
        TemplateRow([
          "title": diff.names(.decision, supersession.decision),
          "supersedes": supersession.supersedes.map { l.say.titled(diff.names(.decision, $0)) }.joined(separator: ", "),
        ])
      },
      "actions": diff.actions.map {
        TemplateRow([
          "text": $0.text, "owner": diff.names(.stakeholder, $0.owner), "change": $0.change(l.say),
        ])
      },
      "lessons": diff.lessons.map {
        TemplateRow(["iteration": iterationTitle($0.iteration), "iteration_id": $0.iteration, "text": $0.text])
      },
      "new_findings": diff.newFindings.map { TemplateRow(["rule": $0.rule, "file": $0.file, "message": $0.message]) },
      "resolved_findings": diff.resolvedFindings.map {
        TemplateRow(["rule": $0.rule, "file": $0.file, "message": $0.message])
      },
    ]
  }
}

extension Wording {
  /// Who stands for a stakeholder the public edition may not name.
  package func memberOfGroup(_ group: String) -> String {
    self(en: "A member of the group '\(group)'", fr: "Un membre du groupe « \(group) »")
  }
}

extension String {
  var trimmingBlanks: String {
    var copy = Substring(self)
    while let first = copy.first, first.isWhitespace { copy.removeFirst() }
    while let last = copy.last, last.isWhitespace { copy.removeLast() }
    return String(copy)
  }
}
