import SteerHistory
import SteerMetrics
import SteerModel

/// `steer diff` for people (text or Markdown): each thing named by its title with its id beside
/// it, each section a list.
struct DiffText {
  let diff: LedgerDiff
  let markdown: Bool
  let say: Wording
  var lines: [String] = []

  init(diff: LedgerDiff, markdown: Bool, say: Wording) {
    self.diff = diff
    self.markdown = markdown
    self.say = say
  }

  mutating func section(_ title: String, _ items: [String]) {
    guard !items.isEmpty else { return }
    lines += [markdown ? "### \(title)" : title.uppercased(), ""] + items.map { "- \($0)" } + [""]
  }

  private var colon: String { say(en: ":", fr: " :") }

  private func code(_ id: String) -> String { markdown ? "`\(id)`" : id }

  /// `Title (id)`; the id alone when the ledger gives it no title.
  private func named(_ kind: EntityKind, _ id: String) -> String {
    say.named(id, title: diff.names(kind, id), code: code)
  }

  private func quoted(_ text: String) -> String { say(en: "“\(text)”", fr: "« \(text) »") }

  /// `“Title” (id)`, for a title inside a sentence; the id alone when the ledger gives no title.
  private func quotedNamed(_ kind: EntityKind, _ id: String) -> String {
    let title = diff.names(kind, id)
    return title == id || title.isEmpty ? code(id) : "\(quoted(title)) (\(code(id)))"
  }

  var useCaseLines: [String] {
    let backwards = say(en: "backwards", fr: "en recul")
    return diff.phaseMoves.map {
      "\(named(.usecase, $0.useCase))\(colon) \($0.from.word(say)) → \($0.to.word(say))"
        + ($0.backwards ? (markdown ? " **(\(backwards))**" : " (\(backwards.uppercased()))") : "")
    }
      + diff.renamedUseCases.map {
        "\(named(.usecase, $0.to))\(colon) "
          + say(en: "renamed from \(code($0.from))", fr: "renommé, anciennement \(code($0.from))")
      }
      + diff.addedUseCases.map { "\(named(.usecase, $0))\(colon) " + say(en: "new", fr: "nouveau") }
      + diff.removedUseCases.map { "\(named(.usecase, $0))\(colon) " + say(en: "removed", fr: "retiré") }
  }

  var objectiveLines: [String] {
    diff.addedObjectives.map { "\(named(.objective, $0))\(colon) " + say(en: "added", fr: "ajouté") }
      + diff.removedObjectives.map { "\(named(.objective, $0))\(colon) " + say(en: "removed", fr: "retiré") }
      + diff.renamedObjectives.map {
        "\(named(.objective, $0.to))\(colon) "
          + say(en: "renamed from \(code($0.from))", fr: "renommé, anciennement \(code($0.from))")
      }
      + diff.objectiveStatusChanges.map {
        "\(named(.objective, $0.objective))\(colon) \($0.from.word(say)) → \($0.to.word(say))"
      }
      + diff.retargeted.map {
        let (from, to) = (say.number($0.from.target, digits: 3), say.number($0.to.target, digits: 3))
        let (fromDate, toDate) = (say.inSentence($0.from.date), say.inSentence($0.to.date))
        let indicator = named(.indicator, $0.indicator)
        let objective = quoted(diff.names(.objective, $0.objective))
        return say(
          en: "\(indicator) (\(objective)) re-targeted: \(from) by \(fromDate) → \(to) by \(toDate)",
          fr: "\(indicator) (\(objective)) cible revue : \(from) au \(fromDate) → \(to) au \(toDate)")
      }
  }

  /// Decisions entered (by title), status changes, supersessions, removals.
  var decisionLines: [String] {
    diff.decisions.map { "\(named(.decision, $0.decision))\(colon) \($0.change(say))" }
      + diff.supersessions.map { supersession in
        // Titles inside a sentence are quoted, or they run into its verb.
        let replaced = say.conjunction(supersession.supersedes.map { quotedNamed(.decision, $0) })
        let decision = quotedNamed(.decision, supersession.decision)
        return say(en: "\(decision) supersedes \(replaced)", fr: "\(decision) remplace \(replaced)")
      }
      + diff.removedDecisions.map {
        "\(named(.decision, $0))\(colon) " + say(en: "removed from the register", fr: "retirée du registre")
      }
  }

  var endorsementLines: [String] {
    let none = say(en: "none", fr: "aucune")
    return diff.endorsements.map {
      "\(named(.stakeholder, $0.stakeholder))\(colon) \($0.from?.word(say) ?? none) → \($0.to?.word(say) ?? none)"
    }
  }

  /// The metrics that changed, a row each: label, before, after, change.
  mutating func metricsTable() {
    let deltas = diff.metrics.filter { $0.before != $0.after }
    guard !deltas.isEmpty else { return }
    let title = say(en: "Metrics", fr: "Chiffres du programme")
    lines += [markdown ? "### \(title)" : title.uppercased(), ""]
    let rows = deltas.map { delta in
      [
        delta.metric.label(say), delta.metric.display(delta.before, say, detailed: true),
        delta.metric.display(delta.after, say, detailed: true), HistoryRendering.change(delta, say),
      ]
    }
    if markdown {
      lines += [
        say(en: "| metric | before | after | change |", fr: "| chiffre | avant | après | évolution |"),
        "|---|---|---|---|",
      ]
      lines += rows.map { "| " + $0.joined(separator: " | ") + " |" }
    } else {
      lines += MetricsText.table(rows.map { ["  " + $0[0], $0[1], "→ " + $0[2], $0[3]] })
    }
    lines.append("")
  }

  var indicatorLines: [String] {
    diff.indicators.map {
      "\(named(.indicator, $0.indicator))\(colon) \($0.describe($0.before, say)) → \($0.describe($0.after, say))"
    }
  }

  var progressLines: [String] {
    diff.objectiveProgress.map { change in
      let shown = { (value: Double?) in value.map { say.percent($0) } ?? say.notMeasurable }
      return "\(named(.objective, change.objective))\(colon) "
        + say(en: "progress", fr: "avancement") + " \(shown(change.before)) → \(shown(change.after))"
    }
  }

  /// Each member whose pin moved, then its use cases that changed phase.
  var memberLines: [String] {
    diff.members.flatMap { member in
      let name = say.named(member.name, title: member.title, code: code)
      let pin = member.pinMoved ? ["\(name)\(colon) \(member.pinChange(say, code: code))"] : []
      return pin
        + member.phaseMoves.map { move in
          let useCase = member.useCaseTitles[move.useCase].map { "\(quoted($0)) (\(code(move.useCase)))" }
          return
            "\(member.title) — \(useCase ?? code(move.useCase))\(colon) \(move.from.word(say)) → \(move.to.word(say))"
        }
    }
  }

  var lessonLines: [String] {
    diff.lessons.map {
      "\(quoted(diff.names(.iteration, $0.iteration)))\(colon) \($0.text)"
        + ($0.tags.isEmpty ? "" : " [\($0.tags.joined(separator: ", "))]")
    }
  }

  var actionLines: [String] {
    diff.actions.map { action in
      let change = action.change(say)
      let owner = diff.names(.stakeholder, action.owner)
      let due = quoted(diff.names(.iteration, action.due))
      return say(
        en: "“\(action.text)” (\(owner), due \(due))\(colon) \(change)",
        fr: "« \(action.text) » (\(owner), échéance \(due))\(colon) \(change)")
    }
  }
}

extension LedgerDiff.ActionChange {
  /// `ouverte → faite`, `toujours ouverte`, `nouvelle, ouverte`.
  public func change(_ say: Wording) -> String {
    let status = to.word(say)
    return switch from {
    case nil: say(en: "new, \(status)", fr: "nouvelle, \(status)")
    case to: say(en: "still \(status)", fr: "toujours \(status)")
    case let from?: "\(from.word(say)) → \(status)"
    }
  }
}

extension LedgerDiff.DecisionChange {
  /// `proposée → adoptée`, `nouvelle, adoptée` (a decision is feminine in French).
  public func change(_ say: Wording) -> String {
    let status = to.word(say)
    return from.map { "\($0.word(say)) → \(status)" } ?? say(en: "new, \(status)", fr: "nouvelle, \(status)")
  }
}

extension LedgerDiff.MemberChange {
  /// `v1 (abc123) → v2 (def456)`, `unavailable → v2 (def456)`, `new member, v1 (abc123)`.
  /// - Parameter code: how a commit is set apart (Markdown's backquotes).
  public func pinChange(_ say: Wording, code: (String) -> String = { $0 }) -> String {
    func side(_ side: Side) -> String {
      guard let commit = side.commit else { return say(en: "unavailable", fr: "indisponible") }
      return "\(side.revision ?? "HEAD") (\(code(String(commit.prefix(12)))))"
    }
    return switch (before, after) {
    case (nil, let after?): say(en: "new member, ", fr: "nouveau membre, ") + side(after)
    case (_?, nil): say(en: "no longer a member", fr: "n'est plus membre")
    case (let before?, let after?): "\(side(before)) → \(side(after))"
    case (nil, nil): ""
    }
  }
}

extension LedgerDiff.IndicatorChange {
  /// A reading with its unit and date: `73 % (30 septembre 2026)`, or that there is none.
  public func describe(_ reading: IndicatorProgress.Reading?, _ say: Wording) -> String {
    reading.map { "\(say.quantity($0.value, unit, digits: 3)) (\(say.inSentence($0.date)))" }
      ?? say(en: "not measured", fr: "pas de mesure")
  }
}

/// `steer diff --format json`: ids, for machines.
enum DiffJSON {
  static func documents(_ diff: LedgerDiff) -> [(String, JSONValue)] {
    func ids(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
    func renames(_ list: [LedgerDiff.Rename]) -> JSONValue {
      .array(list.map { .object([("from", .string($0.from)), ("to", .string($0.to))]) })
    }
    return [
      (
        "phase_moves",
        .array(
          diff.phaseMoves.map {
            .object([
              ("usecase", .string($0.useCase)), ("from", .string($0.from.rawValue)), ("to", .string($0.to.rawValue)),
              ("backwards", .bool($0.backwards)),
            ])
          })
      ),
      ("added_usecases", ids(diff.addedUseCases)), ("removed_usecases", ids(diff.removedUseCases)),
      ("renamed_usecases", renames(diff.renamedUseCases)),
      ("added_objectives", ids(diff.addedObjectives)), ("removed_objectives", ids(diff.removedObjectives)),
      ("renamed_objectives", renames(diff.renamedObjectives)),
      (
        "objective_status",
        .array(
          diff.objectiveStatusChanges.map {
            .object([
              ("objective", .string($0.objective)), ("from", .string($0.from.rawValue)),
              ("to", .string($0.to.rawValue)),
            ])
          })
      ),
      ("retargeted", .array(diff.retargeted.map(retarget))),
      (
        "decisions",
        .array(
          diff.decisions.map {
            .object([
              ("decision", .string($0.decision)), ("from", $0.from.map { .string($0.rawValue) } ?? .null),
              ("to", .string($0.to.rawValue)),
            ])
          })
      ),
      ("removed_decisions", ids(diff.removedDecisions)),
      (
        "supersessions",
        .array(
          diff.supersessions.map {
            .object([("decision", .string($0.decision)), ("supersedes", ids($0.supersedes))])
          })
      ),
      (
        "endorsements",
        .array(
          diff.endorsements.map {
            .object([
              ("stakeholder", .string($0.stakeholder)), ("from", $0.from.map { .string($0.rawValue) } ?? .null),
              ("to", $0.to.map { .string($0.rawValue) } ?? .null),
            ])
          })
      ),
    ]
  }

  private static func retarget(_ change: LedgerDiff.Retarget) -> JSONValue {
    .object([
      ("objective", .string(change.objective)), ("indicator", .string(change.indicator)),
      (
        "from",
        .object([("target", .number(change.from.target)), ("target_date", .string(change.from.date.description))])
      ),
      ("to", .object([("target", .number(change.to.target)), ("target_date", .string(change.to.date.description))])),
    ])
  }

  /// What moved in the figures: objectives' progress, members' pins, metrics and indicators.
  static func figures(_ diff: LedgerDiff) -> [(String, JSONValue)] {
    func reading(_ reading: IndicatorProgress.Reading?) -> JSONValue {
      reading.map { .object([("value", .number($0.value)), ("date", .string($0.date.description))]) } ?? .null
    }
    func side(_ side: LedgerDiff.MemberChange.Side?) -> JSONValue {
      side.map {
        .object([
          ("revision", $0.revision.map(JSONValue.string) ?? .null),
          ("commit", $0.commit.map(JSONValue.string) ?? .null),
        ])
      } ?? .null
    }
    return [
      (
        "objective_progress",
        .array(
          diff.objectiveProgress.map {
            .object([
              ("objective", .string($0.objective)), ("before", $0.before.map(JSONValue.number) ?? .null),
              ("after", $0.after.map(JSONValue.number) ?? .null),
            ])
          })
      ),
      (
        "members",
        .array(
          diff.members.map { member in
            .object([
              ("name", .string(member.name)), ("before", side(member.before)), ("after", side(member.after)),
              (
                "phase_moves",
                .array(
                  member.phaseMoves.map {
                    .object([
                      ("usecase", .string($0.useCase)), ("from", .string($0.from.rawValue)),
                      ("to", .string($0.to.rawValue)),
                    ])
                  })
              ),
            ])
          })
      ),
      (
        "metrics",
        .object(
          diff.metrics.map {
            (
              $0.metric.id,
              .object([
                ("before", $0.before.map(JSONValue.number) ?? .null),
                ("after", $0.after.map(JSONValue.number) ?? .null),
              ])
            )
          })
      ),
      (
        "indicators",
        .array(
          diff.indicators.map {
            .object([
              ("objective", .string($0.objective)), ("indicator", .string($0.indicator)), ("unit", .string($0.unit)),
              ("before", reading($0.before)), ("after", reading($0.after)),
            ])
          })
      ),
    ]
  }

  static func learning(_ diff: LedgerDiff) -> [(String, JSONValue)] {
    [
      (
        "lessons",
        .array(
          diff.lessons.map {
            .object([
              ("iteration", .string($0.iteration)), ("text", .string($0.text)),
              ("tags", .array($0.tags.map(JSONValue.string))),
            ])
          })
      ),
      (
        "actions",
        .array(
          diff.actions.map {
            .object([
              ("iteration", .string($0.iteration)), ("text", .string($0.text)), ("owner", .string($0.owner)),
              ("due", .string($0.due)), ("from", $0.from.map { .string($0.rawValue) } ?? .null),
              ("to", .string($0.to.rawValue)),
            ])
          })
      ),
    ]
  }

  static func findings(_ diff: LedgerDiff) -> [(String, JSONValue)] {
    func finding(_ diagnostic: Diagnostic) -> JSONValue {
      .object([
        ("rule", .string(diagnostic.rule)), ("severity", .string(diagnostic.severity.rawValue)),
        ("file", .string(diagnostic.file)), ("message", .string(diagnostic.message)),
      ])
    }
    return [
      ("new_findings", .array(diff.newFindings.map(finding))),
      ("resolved_findings", .array(diff.resolvedFindings.map(finding))),
      (
        "changed_findings",
        .array(diff.changedFindings.map { .object([("before", finding($0.before)), ("after", finding($0.after))]) })
      ),
    ]
  }
}
