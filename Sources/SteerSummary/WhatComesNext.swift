import SteerMetrics
import SteerModel
import SteerOutput

extension SummaryModel {
  /// The active iteration and the next planned one, each with its goal and what it plans: what
  /// a committee decides on and citizens wait for.
  var whatComesNext: [SummaryView.NextIteration] {
    let l = localizer
    let roadmap = index.roadmap
    let active = roadmap.firstIndex { $0.status == .active }
    let upcoming = roadmap[(active.map { $0 + 1 } ?? 0)...].first { $0.status == .planned }
    return ([active.map { roadmap[$0] }, upcoming].compactMap { $0 }).map { iteration in
      SummaryView.NextIteration(
        id: iteration.id, title: iteration.title, start: l.date(iteration.start), end: l.date(iteration.end),
        statusLabel: iteration.status.word(l.say), goal: iteration.goal ?? "",
        items: iteration.items.map { item in
          SummaryView.PlannedItem(
            id: item.useCase.value, title: index.useCases[item.useCase.value]?.title ?? item.useCase.value,
            target: l.phase(item.target))
        })
    }
  }

  /// One line under the key figures for each that reads zero, saying why: "0 %" alone reads
  /// as "nothing was done" where the ledger may say something more precise.
  var figureNotes: [String] {
    let say = localizer.say
    var notes: [String] = []
    if metrics.coConstruction.value == 0 {
      let workshops = ledger.workshopsByUseCase
      let gaps = metrics.coConstruction.notCounted.compactMap { id in
        index.useCases[id].map { CoConstructionGaps($0, workshops: workshops[id] ?? []) }
      }
      notes.append(
        say.noCoConstruction(
          MetricDefinition.coConstruction.label(say), of: gaps.count,
          noAnalysis: gaps.count(where: \.noAnalysisWorkshop), noIdeation: gaps.count(where: \.noIdeationWorkshop),
          noUsers: gaps.count { $0.noUsers || !$0.absentUsers.isEmpty }))
    }
    if metrics.coverage.value == 0 {
      notes.append(say.noCoverage(MetricDefinition.coverage.label(say), of: metrics.coverage.notCounted.count))
    }
    return notes
  }
}

extension Wording {
  /// A title quoted in a sentence: “Title” / « Titre ».
  package func titled(_ title: String) -> String { self(en: "“\(title)”", fr: "« \(title) »") }

  fileprivate func noCoConstruction(_ label: String, of total: Int, noAnalysis: Int, noIdeation: Int, noUsers: Int)
    -> String
  {
    var lacks: [String] = []
    if noAnalysis > 0 {
      lacks.append(
        self(en: "\(number(noAnalysis)) had no analysis workshop", fr: "\(noAnalysis) sans atelier d'analyse"))
    }
    if noIdeation > 0 {
      lacks.append(
        self(en: "\(number(noIdeation)) had no ideation workshop", fr: "\(noIdeation) sans atelier d'idéation"))
    }
    if noUsers > 0 {
      let their = agreeing(with: noUsers, en: ("its", "their"), fr: ("ses", "leurs"))
      lacks.append(
        self(
          en: "\(number(noUsers)) saw none of \(their) users at a workshop",
          fr: "\(noUsers) sans \(their) usagers aux ateliers"))
    }
    let list = lacks.joined(separator: ", ")
    return self(
      en: "\(label): \(percent(0)) — of the use cases at prototype or later (\(number(total))), \(list).",
      fr: "\(label) : \(percent(0)) — parmi les cas d'usage au stade prototype ou au-delà (\(total)), \(list).")
  }

  fileprivate func noCoverage(_ label: String, of objectives: Int) -> String {
    objectives == 1
      ? self(
        en: "\(label): \(percent(0)) — no live use case serves the one active objective.",
        fr: "\(label) : \(percent(0)) — aucun cas d'usage en cours ne sert le seul objectif actif.")
      : self(
        en: "\(label): \(percent(0)) — no live use case serves any of the \(number(objectives)) active objectives.",
        fr:
          "\(label) : \(percent(0)) — aucun cas d'usage en cours ne sert l'un des \(number(objectives)) objectifs actifs."
      )
  }
}
