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
  /// reads across as its trend. The columns are numbered, and a legend above names each
  /// snapshot and its date in words: titles are free text, and a dozen of them as heads would
  /// make a table no terminal holds.
  public static func historyText(_ report: HistoryReport, _ say: Wording = Wording()) -> String {
    guard !report.snapshots.isEmpty else {
      return say(
        en: "No history yet: `steer retro record` tags each iteration, or commit changes to retros/.",
        fr:
          "Pas encore d'historique : `steer retro record` étiquette chaque itération, ou commitez des changements dans retros/."
      ) + "\n"
    }
    let snapshots = report.snapshots
    let keys = snapshots.indices.map { say.number($0 + 1) }
    var lines = [say(en: "Snapshots, oldest first:", fr: "Relevés, du plus ancien au plus récent :")]
    lines += MetricsText.table(
      zip(keys, snapshots).map { key, snapshot in ["  \(key)", say.date(snapshot.date), name(snapshot, report, say)] })
    lines.append("")
    var rows = [
      [say(en: "snapshot", fr: "relevé")] + keys,
      [say(en: "documents", fr: "documents")] + snapshots.map { say.number($0.documentCount) },
    ]
    rows += columns.map { metric in
      [metric.label(say)] + snapshots.map { metric.display($0.value(of: metric), say, detailed: true) }
    }
    rows.append(
      [say(en: "Commits changing the vision or objectives", fr: "Commits modifiant la vision ou les objectifs")]
        + snapshots.map { say.number($0.visionChanges.count) })
    lines += MetricsText.table(rows)
    let count = say.count(snapshots.count, en: ("snapshot", "snapshots"), fr: ("relevé", "relevés"))
    let source =
      report.fromTags
      ? say(en: "iteration tags", fr: "étiquettes d'itération")
      : say(en: "commits that changed retros/", fr: "commits qui ont modifié retros/")
    let parsed = say.count(
      report.parsedDocuments, en: ("document version parsed", "document versions parsed"),
      fr: ("version de document analysée", "versions de documents analysées"))
    let cached = say.count(
      report.cachedDocuments, en: ("taken from the cache", "taken from the cache"),
      fr: ("reprise du cache", "reprises du cache"))
    let read = say.count(
      report.snapshotDocuments, en: ("document read", "documents read"), fr: ("document lu", "documents lus"))
    lines.append("")
    lines.append(
      say(
        en: "\(count) (\(source)); \(parsed) and \(cached) for \(read).",
        fr: "\(count) (\(source)) ; \(parsed) et \(cached) pour \(read)."))
    if !report.phaseLeadTimes.isEmpty {
      lines += [
        "",
        say(
          en: "Phase lead times (days in each phase, from the commits that changed it):",
          fr: "Durée de chaque phase (jours passés dans chacune, d'après les commits qui l'ont changée) :"),
      ]
      for (useCase, stays) in report.phaseLeadTimes.sorted(by: { $0.key < $1.key }) {
        let days = stays.map { "\($0.phase.word(say)) \($0.days)" }.joined(separator: ", ")
        let named = say.named(useCase, title: report.useCaseTitles[useCase])
        lines.append(say(en: "  \(named): \(days)", fr: "  \(named) : \(days)"))
      }
    }
    lines += federationText(report, say)
    return lines.joined(separator: "\n") + "\n"
  }

  /// A snapshot as people know it: its iteration by title, with the id its tag and file use;
  /// a snapshot at a commit (no iteration tag) by that commit.
  private static func name(_ snapshot: Snapshot, _ report: HistoryReport, _ say: Wording) -> String {
    guard let iteration = snapshot.iteration else {
      return say(en: "commit \(snapshot.label)", fr: "commit \(snapshot.label)")
    }
    return say.named(iteration, title: report.iterationTitles[iteration])
  }

  /// The members each snapshot read: all of them at the first, then only those whose pinned
  /// commit changed, came or went.
  private static func federationText(_ report: HistoryReport, _ say: Wording) -> [String] {
    let snapshots = report.snapshots
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
      var moved = snapshot.members.filter { previous[$0.name] != $0.commit }.map { member in
        let pinned = "\(member.name) \(member.revision ?? "HEAD")"
        return member.unavailable.map { reason in
          say(en: "\(pinned) unavailable: \(reason.en)", fr: "\(pinned) indisponible : \(reason.fr)")
        } ?? "\(pinned) (\(member.commit.prefix(12)))"
      }
      moved += previous.keys.filter { current[$0] == nil }.sorted().map {
        say(en: "\($0) no longer a member", fr: "\($0) n'est plus membre")
      }
      if !moved.isEmpty {
        let (snapshotName, list) = (name(snapshot, report, say), say.list(moved))
        lines.append(say(en: "  \(snapshotName): \(list)", fr: "  \(snapshotName) : \(list)"))
      }
      previous = current
    }
    return lines
  }

  /// - Parameter say: the language of the reasons a member is unavailable.
  public static func historyJSON(_ report: HistoryReport, _ say: Wording = Wording()) -> String {
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
              ] + (snapshot.members.isEmpty ? [] : [("federation", members(snapshot.members, say))]))
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

  private static func members(_ members: [MemberSnapshot], _ say: Wording) -> JSONValue {
    .array(
      members.map { member in
        .object(
          [
            ("name", .string(member.name)), ("revision", member.revision.map(JSONValue.string) ?? .null),
            ("commit", member.unavailable == nil ? .string(member.commit) : .null),
            ("metrics", .object(columns.map { ($0.id, .number(orNull: member.values[$0.id])) })),
          ] + (member.unavailable.map { [("unavailable", JSONValue.string($0(say)))] } ?? []))
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
    let to = diff.toLabel(say)
    let title = say(en: "What changed: \(diff.from) → \(to)", fr: "Ce qui a changé : \(diff.from) → \(to)")
    var text = DiffText(diff: diff, markdown: markdown, say: say)
    text.lines = [markdown ? "## \(title)" : title, ""]
    text.section(say(en: "Use cases", fr: "Cas d'usage"), text.useCaseLines)
    text.section(say(en: "Objectives", fr: "Objectifs"), text.objectiveLines + text.progressLines)
    text.section(say(en: "Federation members", fr: "Membres de la fédération"), text.memberLines)
    text.section(say(en: "Decisions", fr: "Décisions"), text.decisionLines)
    text.section(say(en: "Endorsements", fr: "Soutiens"), text.endorsementLines)
    text.metricsTable()
    text.section(say(en: "Indicators", fr: "Indicateurs"), text.indicatorLines)
    text.section(say(en: "New lessons", fr: "Nouveaux enseignements"), text.lessonLines)
    text.section(say(en: "Actions", fr: "Actions"), text.actionLines)
    text.section(say(en: "New findings", fr: "Nouveaux constats"), diff.newFindings.map { describe($0, say) })
    text.section(
      say(en: "Findings said anew", fr: "Constats reformulés"),
      diff.changedFindings.map { "\(describe($0.after, say)) (\(say(en: "was", fr: "avant")) : \($0.before.message))" })
    text.section(say(en: "Resolved findings", fr: "Constats résolus"), diff.resolvedFindings.map { describe($0, say) })
    if diff.isEmpty {
      text.lines.append(say(en: "Nothing changed in the ledger.", fr: "Rien n'a changé dans le registre."))
    }
    return text.lines.joined(separator: "\n").trimmingTrailingNewlines + "\n"
  }

  public static func diffJSON(_ diff: LedgerDiff) -> String {
    JSONValue.object(
      [("version", .integer(1)), ("from", .string(diff.from)), ("to", diff.to.map { .string($0) } ?? .null)]
        + DiffJSON.documents(diff)
        + DiffJSON.figures(diff) + DiffJSON.learning(diff) + DiffJSON.findings(diff)
    ).serialized() + "\n"
  }

  static func describe(_ diagnostic: Diagnostic, _ say: Wording) -> String {
    let heading = "\(diagnostic.severity.word(say))[\(diagnostic.rule)] \(diagnostic.file)"
    return say(en: "\(heading): \(diagnostic.message)", fr: "\(heading) : \(diagnostic.message)")
  }

  /// The change of a metric both sides define, in its style; empty when one side does not.
  static func change(_ delta: LedgerDiff.MetricDelta, _ say: Wording) -> String {
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
