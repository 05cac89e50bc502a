import SteerChecks
import SteerHistory
import SteerMetrics
import SteerModel

/// Text, Markdown, JSON and CSV for the history commands.
public enum HistoryRendering {
  // MARK: lessons

  /// - Parameter tag: the tag asked for, if any: with no entry, the text says none carries it.
  public static func lessonsText(_ entries: [RecordedLessons], tag: String? = nil, _ say: Wording = Wording()) -> String
  {
    if entries.isEmpty, let tag {
      return say(
        en: "No recorded lesson is tagged '\(tag)'.", fr: "Aucun enseignement consigné ne porte l'étiquette « \(tag) »."
      )
        + "\n"
    }
    guard !entries.isEmpty else {
      return say(
        en: "No recorded retrospective yet: record one with `steer retro record ITERATION`.",
        fr: "Aucune rétrospective consignée pour l'instant : consignez-en une avec `steer retro record ITÉRATION`.")
        + "\n"
    }
    var lines: [String] = []
    for entry in entries {
      lines.append("\(entry.date)  \(entry.iteration)  \(entry.author)  \(entry.commit.prefix(10))")
      for lesson in entry.lessons {
        lines.append("  - \(lesson.text)" + (lesson.tags.isEmpty ? "" : "  [\(lesson.tags.joined(separator: ", "))]"))
      }
      lines.append("")
    }
    return lines.joined(separator: "\n")
  }

  public static func lessonsJSON(_ entries: [RecordedLessons]) -> String {
    JSONValue.object([
      ("version", .integer(1)),
      (
        "retros",
        .array(
          entries.map { entry in
            .object([
              ("iteration", .string(entry.iteration)), ("commit", .string(entry.commit)),
              ("date", .string(entry.date.description)), ("author", .string(entry.author)),
              (
                "lessons",
                .array(
                  entry.lessons.map {
                    .object([("text", .string($0.text)), ("tags", .array($0.tags.map(JSONValue.string)))])
                  })
              ),
            ])
          })
      ),
    ]).serialized() + "\n"
  }

  // MARK: history

  /// The metrics history follows: those a gate may name, each in the snapshots' values by id.
  static let columns = MetricRegistry.standard.gateable

  /// A row per metric, named in words, and a column per snapshot, oldest first: each metric
  /// reads across as its trend.
  public static func historyText(_ report: HistoryReport, _ say: Wording = Wording()) -> String {
    guard !report.snapshots.isEmpty else {
      return say(
        en: "No history yet: `steer retro record` tags each iteration, or commit changes to retros/.",
        fr:
          "Pas encore d'historique : `steer retro record` étiquette chaque itération, ou commitez des changements dans retros/."
      ) + "\n"
    }
    let snapshots = report.snapshots
    var rows = [
      [say(en: "snapshot", fr: "relevé")] + snapshots.map(\.label),
      [say(en: "date", fr: "date")] + snapshots.map(\.date.description),
      [say(en: "documents", fr: "documents")] + snapshots.map { say.number($0.documentCount) },
    ]
    rows += columns.map { metric in
      [metric.label(say)] + snapshots.map { metric.display($0.value(of: metric), say, detailed: true) }
    }
    rows.append(
      [say(en: "Commits changing the vision or objectives", fr: "Commits modifiant la vision ou les objectifs")]
        + snapshots.map { say.number($0.visionChanges.count) })
    var lines = MetricsText.table(rows)
    let count = say.count(snapshots.count, en: ("snapshot", "snapshots"), fr: ("relevé", "relevés"))
    let source =
      report.fromTags
      ? say(en: "iteration tags", fr: "étiquettes d'itération")
      : say(en: "commits that changed retros/", fr: "commits qui ont modifié retros/")
    let parsed = say.number(report.parsedDocuments)
    let cached = say.number(report.cachedDocuments)
    let read = say.number(report.snapshotDocuments)
    lines.append("")
    lines.append(
      say(
        en:
          "\(count) (\(source)); \(parsed) document versions parsed and \(cached) taken from the cache for \(read) documents read.",
        fr:
          "\(count) (\(source)) ; \(parsed) versions de documents analysées et \(cached) reprises du cache pour \(read) documents lus."
      ))
    if !report.phaseLeadTimes.isEmpty {
      lines += [
        "",
        say(
          en: "Phase lead times (days in each phase, from the commits that changed it):",
          fr: "Durée de chaque phase (jours passés dans chacune, d'après les commits qui l'ont changée) :"),
      ]
      for (useCase, stays) in report.phaseLeadTimes.sorted(by: { $0.key < $1.key }) {
        let days = stays.map { "\($0.phase.word(say)) \($0.days)" }.joined(separator: ", ")
        lines.append(say(en: "  \(useCase): \(days)", fr: "  \(useCase) : \(days)"))
      }
    }
    lines += federationText(snapshots, say)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The members each snapshot read: all of them at the first, then only those whose pinned
  /// commit changed, came or went.
  private static func federationText(_ snapshots: [Snapshot], _ say: Wording) -> [String] {
    guard snapshots.contains(where: { !$0.members.isEmpty }) else { return [] }
    var lines = [
      "",
      say(
        en: "Federation: the members each snapshot read (after the first, only those that moved):",
        fr: "Fédération : les membres lus à chaque relevé (après le premier, seulement ceux qui ont changé) :"),
    ]
    var previous: [String: String] = [:]
    for snapshot in snapshots {
      let current = Dictionary(snapshot.members.map { ($0.name, $0.commit) }, uniquingKeysWith: { first, _ in first })
      var moved = snapshot.members.filter { previous[$0.name] != $0.commit }.map {
        "\($0.name) \($0.revision ?? "HEAD") (\($0.commit.prefix(12)))"
      }
      moved += previous.keys.filter { current[$0] == nil }.sorted().map {
        say(en: "\($0) no longer a member", fr: "\($0) n'est plus membre")
      }
      if !moved.isEmpty { lines.append("  \(snapshot.label)  " + moved.joined(separator: ", ")) }
      previous = current
    }
    return lines
  }

  public static func historyJSON(_ report: HistoryReport) -> String {
    JSONValue.object([
      ("version", .integer(1)),
      ("source", .string(report.fromTags ? "tags" : "retros-commits")),
      (
        "trend",
        .array(
          report.snapshots.map { snapshot in
            .object(
              [
                ("label", .string(snapshot.label)), ("commit", .string(snapshot.commit)),
                ("date", .string(snapshot.date.description)), ("documents", .integer(snapshot.documentCount)),
                (
                  "metrics",
                  .object(columns.map { ($0.id, .number(orNull: snapshot.value(of: $0))) })
                ),
                (
                  "vision_changes",
                  .object([
                    ("count", .integer(snapshot.visionChanges.count)),
                    ("commits", .array(snapshot.visionChanges.map(JSONValue.string))),
                  ])
                ),
              ] + (snapshot.members.isEmpty ? [] : [("federation", members(snapshot.members))]))
          })
      ),
      (
        "phase_lead_time",
        .object(
          report.phaseLeadTimes.sorted { $0.key < $1.key }.map { useCase, stays in
            (
              useCase,
              .array(
                stays.map {
                  .object([
                    ("phase", .string($0.phase.rawValue)), ("entered", .string($0.entered.description)),
                    ("left", .string($0.left.description)), ("days", .integer($0.days)),
                  ])
                })
            )
          })
      ),
    ]).serialized() + "\n"
  }

  private static func members(_ members: [MemberSnapshot]) -> JSONValue {
    .array(
      members.map { member in
        .object([
          ("name", .string(member.name)), ("revision", member.revision.map(JSONValue.string) ?? .null),
          ("commit", .string(member.commit)),
          ("metrics", .object(columns.map { ($0.id, .number(orNull: member.values[$0.id])) })),
        ])
      })
  }

  public static func historyCSV(_ report: HistoryReport) -> String {
    var lines = [
      (["snapshot", "commit", "date", "documents"] + columns.map(\.id) + ["vision_changes"]).joined(
        separator: ",")
    ]
    for snapshot in report.snapshots {
      let fields =
        [Escaping.csv(snapshot.label), snapshot.commit, snapshot.date.description, String(snapshot.documentCount)]
        + columns.map { snapshot.value(of: $0).map { String($0) } ?? "" } + [
          String(snapshot.visionChanges.count)
        ]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: diff

  public static func diffText(_ diff: LedgerDiff, markdown: Bool, _ say: Wording = Wording()) -> String {
    let title = say(en: "What changed: \(diff.from) → \(diff.to)", fr: "Ce qui a changé : \(diff.from) → \(diff.to)")
    var lines: [String] = [markdown ? "## \(title)" : title, ""]
    func section(_ title: String, _ items: [String]) {
      guard !items.isEmpty else { return }
      lines.append(markdown ? "### \(title)" : title.uppercased())
      lines.append("")
      lines += items.map { "- \($0)" }
      lines.append("")
    }
    let code = { (text: String) in markdown ? "`\(text)`" : text }
    let colon = say(en: ":", fr: " :")
    let backwards = say(en: "backwards", fr: "en recul")
    section(
      say(en: "Use cases that moved", fr: "Cas d'usage qui ont changé de phase"),
      diff.phaseMoves.map {
        "\(code($0.useCase))\(colon) \($0.from.word(say)) → \($0.to.word(say))"
          + ($0.backwards ? (markdown ? " **(\(backwards))**" : " (\(backwards.uppercased()))") : "")
      } + diff.addedUseCases.map { "\(code($0))\(colon) " + say(en: "new", fr: "nouveau") }
        + diff.removedUseCases.map { "\(code($0))\(colon) " + say(en: "removed", fr: "retiré") })
    section(
      say(en: "Objectives", fr: "Objectifs"),
      diff.addedObjectives.map { "\(code($0))\(colon) " + say(en: "added", fr: "ajouté") }
        + diff.removedObjectives.map { "\(code($0))\(colon) " + say(en: "removed", fr: "retiré") }
        + diff.objectiveStatusChanges.map {
          "\(code($0.objective))\(colon) \($0.from.word(say)) → \($0.to.word(say))"
        }
        + diff.retargeted.map {
          let (from, to) = (say.number($0.from.target, digits: 3), say.number($0.to.target, digits: 3))
          let (fromDate, toDate) = (say.inSentence($0.from.date), say.inSentence($0.to.date))
          return say(
            en: "\(code($0.indicator)) (\($0.objective)) re-targeted: \(from) by \(fromDate) → \(to) by \(toDate)",
            fr: "\(code($0.indicator)) (\($0.objective)) cible revue : \(from) au \(fromDate) → \(to) au \(toDate)")
        })
    let none = say(en: "none", fr: "aucune")
    section(
      say(en: "Endorsements", fr: "Soutiens"),
      diff.endorsements.map {
        "\(code($0.stakeholder))\(colon) \($0.from?.word(say) ?? none) → \($0.to?.word(say) ?? none)"
      }
    )
    let deltas = diff.metrics.filter { $0.before != $0.after }
    if !deltas.isEmpty {
      lines.append(markdown ? "### " + say(en: "Metrics", fr: "Indicateurs") : say(en: "METRICS", fr: "INDICATEURS"))
      lines.append("")
      let rows = deltas.map { delta in
        [
          delta.metric.label(say), delta.metric.display(delta.before, say, detailed: true),
          delta.metric.display(delta.after, say, detailed: true), change(delta, say),
        ]
      }
      if markdown {
        lines += [
          say(en: "| metric | before | after | change |", fr: "| indicateur | avant | après | évolution |"),
          "|---|---|---|---|",
        ]
        lines += rows.map { "| " + $0.joined(separator: " | ") + " |" }
      } else {
        lines += MetricsText.table(rows.map { ["  " + $0[0], $0[1], "→ " + $0[2], $0[3]] })
      }
      lines.append("")
    }
    section(
      say(en: "New lessons", fr: "Nouveaux enseignements"),
      diff.lessons.map {
        "\($0.iteration)\(colon) \($0.text)" + ($0.tags.isEmpty ? "" : " [\($0.tags.joined(separator: ", "))]")
      })
    section(
      say(en: "Actions", fr: "Actions"),
      diff.actions.map { action in
        let status = action.to.word(say)
        let change =
          action.from.map { "\($0.word(say)) → \(status)" } ?? say(en: "new, \(status)", fr: "nouvelle, \(status)")
        return say(
          en: "\(action.iteration): \"\(action.text)\" (\(action.owner), due \(action.due)): \(change)",
          fr: "\(action.iteration) : « \(action.text) » (\(action.owner), échéance \(action.due)) : \(change)")
      })
    section(say(en: "New findings", fr: "Nouveaux constats"), diff.newFindings.map { describe($0, say) })
    section(say(en: "Resolved findings", fr: "Constats résolus"), diff.resolvedFindings.map { describe($0, say) })
    if diff.isEmpty {
      lines.append(say(en: "Nothing changed in the ledger.", fr: "Rien n'a changé dans le registre."))
    }
    return lines.joined(separator: "\n").trimmingTrailingNewlines + "\n"
  }

  public static func diffJSON(_ diff: LedgerDiff) -> String {
    func findings(_ list: [Diagnostic]) -> JSONValue {
      .array(
        list.map {
          .object([
            ("rule", .string($0.rule)), ("severity", .string($0.severity.rawValue)), ("file", .string($0.file)),
            ("message", .string($0.message)),
          ])
        })
    }
    return JSONValue.object([
      ("version", .integer(1)), ("from", .string(diff.from)), ("to", .string(diff.to)),
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
      ("added_usecases", .array(diff.addedUseCases.map(JSONValue.string))),
      ("removed_usecases", .array(diff.removedUseCases.map(JSONValue.string))),
      ("added_objectives", .array(diff.addedObjectives.map(JSONValue.string))),
      ("removed_objectives", .array(diff.removedObjectives.map(JSONValue.string))),
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
      (
        "retargeted",
        .array(
          diff.retargeted.map {
            .object([
              ("objective", .string($0.objective)), ("indicator", .string($0.indicator)),
              (
                "from",
                .object([("target", .number($0.from.target)), ("target_date", .string($0.from.date.description))])
              ),
              ("to", .object([("target", .number($0.to.target)), ("target_date", .string($0.to.date.description))])),
            ])
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
      ("new_findings", findings(diff.newFindings)),
      ("resolved_findings", findings(diff.resolvedFindings)),
    ]).serialized() + "\n"
  }

  private static func describe(_ diagnostic: Diagnostic, _ say: Wording) -> String {
    let heading = "\(diagnostic.severity.word(say))[\(diagnostic.rule)] \(diagnostic.file)"
    return say(en: "\(heading): \(diagnostic.message)", fr: "\(heading) : \(diagnostic.message)")
  }

  /// The change of a metric both sides define, in its style; empty when one side does not.
  private static func change(_ delta: LedgerDiff.MetricDelta, _ say: Wording) -> String {
    guard let before = delta.before, let after = delta.after else { return "" }
    return delta.metric.displayChange(from: before, to: after, say)
  }

}

extension String {
  fileprivate var trimmingTrailingNewlines: String {
    var copy = self
    while copy.hasSuffix("\n") { copy.removeLast() }
    return copy
  }
}
