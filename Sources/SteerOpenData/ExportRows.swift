import SteerMetrics
import SteerModel

/// Who an export is for: the same people as the site's.
public enum ExportAudience: String, CaseIterable, Sendable {
  /// What the public site shows: only elected officials and management named, no action.
  case `public`
  /// Everything the ledger holds that the tables have room for.
  case technical
}

/// A member of a region's federation, as its export says it.
public struct ExportMember: Sendable {
  public var name: String
  public var title: String?
  public var revision: String?
  /// The commit read; nil when the member could not be read.
  public var commit: String?
  /// Its own metrics, as it computes them; nil when it could not be read.
  public var metrics: LedgerMetrics?

  public init(name: String, title: String?, revision: String?, commit: String?, metrics: LedgerMetrics?) {
    self.name = name
    self.title = title
    self.revision = revision
    self.commit = commit
    self.metrics = metrics
  }
}

/// What one ledger's export is made from.
public struct ExportInput: Sendable {
  public var ledger: Ledger
  public var metrics: LedgerMetrics
  public var audience: ExportAudience
  /// The members of a region's federation; empty for a ledger that federates none.
  public var members: [ExportMember]
  public var isRegion: Bool

  public init(
    ledger: Ledger, metrics: LedgerMetrics, audience: ExportAudience, members: [ExportMember] = [],
    isRegion: Bool = false
  ) {
    self.ledger = ledger
    self.metrics = metrics
    self.audience = audience
    self.members = members
    self.isRegion = isRegion
  }
}

/// A cell: nil is empty (Table Schema's missing value).
typealias Cell = String?

/// The rows of each table of `ExportSchema`, in the columns' order, sorted by primary key.
struct ExportRows {
  let input: ExportInput
  /// Stakeholder id → the id the export gives it (`<group>-<n>` in `public` for those the
  /// public site does not name).
  let stakeholderIDs: [String: String]
  /// The language of what the rows say in words (a stakeholder the public export does not name).
  let say: Wording
  /// The deliberating authority the SCDL's `COLL_NOM` names.
  let authority: String

  init(_ input: ExportInput, language: Language, authority: String) {
    self.input = input
    self.authority = authority
    say = Wording(language)
    var ids: [String: String] = [:]
    var counts: [StakeholderGroup: Int] = [:]
    for stakeholder in input.ledger.stakeholders.sorted(by: { $0.id < $1.id }) {
      if input.audience == .public && !Self.isNameable(stakeholder.group) {
        counts[stakeholder.group, default: 0] += 1
        ids[stakeholder.id] = "\(stakeholder.group.rawValue)-\(counts[stakeholder.group]!)"
      } else {
        ids[stakeholder.id] = stakeholder.id
      }
    }
    stakeholderIDs = ids
  }

  /// Whom the public site names (the summary's public edition: elected officials and management).
  static func isNameable(_ group: StakeholderGroup) -> Bool { group == .elected || group == .management }

  func rows(of resource: ExportResource) -> [[Cell]] {
    let rows: [[Cell]] =
      switch resource.name {
      case "usecases": useCases()
      case "objectives": objectives()
      case "indicators": indicators()
      case "measurements": Self.measurements(of: input.ledger)
      case "iterations": iterations()
      case "workshops": workshops()
      case "decisions": decisions()
      case "deliberations": deliberations()
      case "stakeholders": stakeholders()
      case "priorities": priorities()
      case "actions": actions()
      case "lessons": lessons()
      case "metrics": metrics()
      case "members": members()
      default: []
      }
    let keys = resource.primaryKey.compactMap { key in resource.columns.firstIndex { $0.name == key } }
    return rows.sorted { left, right in
      keys.map { left[$0] ?? "" }.lexicographicallyPrecedes(keys.map { right[$0] ?? "" })
    }
  }

  /// A stakeholder named as the export names it; nil for none.
  private func stakeholder(_ id: String?) -> Cell {
    guard let id, !id.isEmpty else { return nil }
    // An owner that is no stakeholder (a dangling reference) is not named in `public`.
    return stakeholderIDs[id] ?? (input.audience == .public ? nil : id)
  }

  private func useCases() -> [[Cell]] {
    let steps = input.ledger.vision?.rollout.map(\.id.value) ?? []
    let progress = Dictionary(
      input.metrics.phaseProgress.map { ($0.useCase, $0.value) }, uniquingKeysWith: { first, _ in first })
    return input.ledger.useCases.map { useCase in
      let step = useCase.rolloutStep?.value
      return [
        useCase.id, useCase.title, useCase.phase.rawValue, stakeholder(useCase.owner.value),
        list(useCase.users.compactMap { stakeholder($0.value) }), list(useCase.objectives.map(\.value)), step,
        step.flatMap { steps.firstIndex(of: $0) }.map { String($0 + 1) }, number(useCase.effort),
        (progress[useCase.id] ?? nil).map(number),
      ]
    }
  }

  private func objectives() -> [[Cell]] {
    input.ledger.objectives.map { objective in
      [
        objective.id, objective.title, objective.axis.value.nonEmpty, objective.status.rawValue,
        stakeholder(objective.owner.value), input.metrics.objectiveProgress[objective.id]?.value.map(number),
      ]
    }
  }

  private func indicators() -> [[Cell]] {
    input.metrics.indicators.map { indicator in
      let definition = indicator.definition
      return [
        indicator.indicator, indicator.objective, definition.title, definition.unit.nonEmpty,
        definition.direction.rawValue, number(definition.baseline), definition.baselineDate.description,
        number(definition.target), definition.targetDate.description, indicator.latest.map { number($0.value) },
        indicator.latest?.date.description, indicator.value.map(number), indicator.forecast.map { number($0.value) },
        definition.fromMembers?.rawValue, indicator.fromMembers.map { String($0.values.count) },
        indicator.fromMembers.map { String($0.members) },
      ]
    }
  }

  /// Every measurement of the ledger, retrospectives' and series files' as the one series the
  /// metrics read (`Ledger.measurementsByIndicator`): a series row a retrospective already gives
  /// (same date, same value) is the retrospective's.
  static func measurements(of ledger: Ledger) -> [[Cell]] {
    ledger.measurementsByIndicator.sorted { $0.key < $1.key }.flatMap { indicator, values in
      values.map { measured in
        [indicator, measured.date.description, number(measured.value), measured.source, measured.note, measured.file]
      }
    }
  }

  private func iterations() -> [[Cell]] {
    let reviewed = Set(input.ledger.retros.map(\.iteration))
    let sayDo = Dictionary(
      input.metrics.sayDoByIteration.compactMap { entry in entry.iteration.map { ($0, entry) } },
      uniquingKeysWith: { first, _ in first })
    return input.ledger.iterations.map { iteration in
      let entry = sayDo[iteration.id]
      return [
        iteration.id, iteration.title, iteration.start.description, iteration.end.description,
        iteration.status.rawValue, iteration.goal, reviewed.contains(iteration.id) ? "true" : "false",
        entry.map { String($0.items) }, entry.map { String($0.delivered.count) }, entry?.value.map(number),
      ]
    }
  }

  private func workshops() -> [[Cell]] {
    let groups = Dictionary(
      input.ledger.stakeholders.map { ($0.id, $0.group.rawValue) }, uniquingKeysWith: { first, _ in first })
    return input.ledger.workshops.map { workshop in
      let present = Set(workshop.participants.compactMap { groups[$0.value] })
      return [
        workshop.id, workshop.ownName, workshop.date.description, workshop.phase.rawValue,
        list(workshop.useCases.map(\.value)), list(present.sorted()),
        list(workshop.participants.compactMap { stakeholder($0.value) }),
      ]
    }
  }

  private func decisions() -> [[Cell]] {
    input.ledger.decisions.map { decision in
      let people = { (ids: [Located<String>]) in list(ids.compactMap { stakeholder($0.value) }) }
      return [
        decision.id, decision.title, decision.date.description, decision.status.rawValue, people(decision.decidedBy),
        people(decision.consulted), people(decision.informed), list(decision.workshops.map(\.value)),
        list(decision.concerns.map(\.value)), list(decision.supersedes.map(\.value)),
        decision.deliberation?.reference,
      ]
    }
  }

  /// The SCDL columns in `ExportSchema.deliberations`' order; nil for those the ledger does not know.
  private func deliberations() -> [[Cell]] {
    input.ledger.decisions.compactMap { decision in
      decision.deliberation.map { vote in
        [
          authority, nil, vote.reference, vote.date.description, nil, nil, decision.title, nil, nil, nil, nil,
          vote.members.map(String.init), vote.present.map(String.init), vote.votesFor.map(String.init),
          vote.against.map(String.init), vote.abstention.map(String.init), vote.url,
        ]
      }
    }
  }

  private func stakeholders() -> [[Cell]] {
    let stances = input.ledger.vision?.latestEndorsements ?? [:]
    return input.ledger.stakeholders.map { stakeholder in
      let named = input.audience == .technical || Self.isNameable(stakeholder.group)
      return [
        stakeholderIDs[stakeholder.id] ?? stakeholder.id,
        named ? stakeholder.name : say.group(stakeholder.group), stakeholder.group.rawValue,
        stances[stakeholder.id]?.stance.rawValue,
      ]
    }
  }

  /// Each stakeholder's weights on the ledger's objectives: what concordance and portfolio fit
  /// are computed from.
  private func priorities() -> [[Cell]] {
    let objectives = Set(input.ledger.objectives.map(\.id))
    return input.ledger.stakeholders.flatMap { stakeholder in
      stakeholder.priorities.filter { objectives.contains($0.objective.value) }.map { priority in
        [stakeholderIDs[stakeholder.id] ?? stakeholder.id, priority.objective.value, String(priority.weight)]
      }
    }
  }

  /// Every action as each retrospective states it (the carry-over is the reader's to apply).
  private func actions() -> [[Cell]] {
    input.ledger.retros.flatMap { retro in
      retro.actions.enumerated().map { position, action in
        [
          retro.iteration, String(position + 1), action.id, action.text, action.owner.value, action.due.value,
          action.status.rawValue,
        ]
      }
    }
  }

  private func lessons() -> [[Cell]] {
    input.ledger.retros.flatMap { retro in
      retro.lessons.enumerated().map { position, lesson in
        [
          retro.iteration, String(position + 1), list(lesson.tags),
          input.audience == .technical ? lesson.text : nil,
        ]
      }
    }
  }

  private func metrics() -> [[Cell]] {
    MetricRegistry.standard.definitions.map { metric in
      let (numerator, denominator) = Self.ratioParts(metric.json(input.metrics))
      return [
        metric.id, metric.label.en, metric.label.fr, input.metrics.value(of: metric).map(number),
        numerator.map(number), denominator.map(number),
      ]
    }
  }

  /// A RATIO's numerator and denominator, as `steer metrics --format json` writes them.
  private static func ratioParts(_ json: JSONValue) -> (Double?, Double?) {
    guard case .object(let members) = json else { return (nil, nil) }
    func part(_ key: String) -> Double? {
      switch members.first(where: { $0.0 == key })?.1 {
      case .number(let value): value
      case .integer(let value): Double(value)
      default: nil
      }
    }
    return (part("numerator"), part("denominator"))
  }

  private func members() -> [[Cell]] {
    input.members.map { member in
      [
        member.name, member.title, member.revision, member.commit,
        member.metrics == nil ? "unavailable" : "available",
      ]
        + MetricRegistry.standard.definitions.map { metric in member.metrics?.value(of: metric).map(number) }
    }
  }

  private func list(_ values: [String]) -> Cell { values.isEmpty ? nil : values.joined(separator: ";") }
}

/// A number as the CSV writes it: plain, the shortest text that reads back the same.
func number(_ value: Double) -> String { value.plainText() }

extension String {
  var nonEmpty: String? { isEmpty ? nil : self }
}

extension Wording {
  /// How the public export names a stakeholder it may not name: by its group, in the words of
  /// the site and the summary (the `group` column keeps the format's value).
  fileprivate func group(_ group: StakeholderGroup) -> String {
    self(en: "A member of the group '\(group.word(self))'", fr: "Un membre du groupe « \(group.word(self)) »")
  }
}
