import SteerChecks
import SteerHistory
import SteerMetrics
import SteerModel

/// Text, Markdown, JSON and CSV for the history commands.
public enum HistoryRendering {
  // MARK: lessons

  public static func lessonsText(_ entries: [RecordedLessons]) -> String {
    guard !entries.isEmpty else {
      return "No recorded retrospective yet: record one with `steer retro record ITERATION`.\n"
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

  static let columns = MetricName.allCases

  public static func historyText(_ report: HistoryReport) -> String {
    guard !report.snapshots.isEmpty else {
      return "No history yet: `steer retro record` tags each iteration, or commit changes to retros/.\n"
    }
    var rows = [["snapshot", "date", "docs"] + columns.map(\.rawValue) + ["vision_changes"]]
    for snapshot in report.snapshots {
      rows.append(
        [snapshot.label, snapshot.date.description, String(snapshot.documentCount)]
          + columns.map { snapshot.value(of: $0).map { $0.plainText(digits: 3) } ?? "—" }
          + [String(snapshot.visionChanges.count)])
    }
    var lines = MetricsText.table(rows)
    let source = report.fromTags ? "iteration tags" : "commits that changed retros/"
    lines.append("")
    lines.append(
      "\(report.snapshots.count) snapshots (\(source)); \(report.parsedDocuments) document versions parsed and \(report.cachedDocuments) taken from the cache for \(report.snapshotDocuments) documents read."
    )
    if !report.phaseLeadTimes.isEmpty {
      lines += ["", "Phase lead times (days in each phase, from the commits that changed it):"]
      for (useCase, stays) in report.phaseLeadTimes.sorted(by: { $0.key < $1.key }) {
        lines.append("  \(useCase): " + stays.map { "\($0.phase.rawValue) \($0.days)" }.joined(separator: ", "))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public static func historyJSON(_ report: HistoryReport) -> String {
    JSONValue.object([
      ("version", .integer(1)),
      ("source", .string(report.fromTags ? "tags" : "retros-commits")),
      (
        "trend",
        .array(
          report.snapshots.map { snapshot in
            .object([
              ("label", .string(snapshot.label)), ("commit", .string(snapshot.commit)),
              ("date", .string(snapshot.date.description)), ("documents", .integer(snapshot.documentCount)),
              (
                "metrics",
                .object(columns.map { ($0.rawValue, snapshot.value(of: $0).map(JSONValue.number) ?? .null) })
              ),
              (
                "vision_changes",
                .object([
                  ("count", .integer(snapshot.visionChanges.count)),
                  ("commits", .array(snapshot.visionChanges.map(JSONValue.string))),
                ])
              ),
            ])
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

  public static func historyCSV(_ report: HistoryReport) -> String {
    var lines = [
      (["snapshot", "commit", "date", "documents"] + columns.map(\.rawValue) + ["vision_changes"]).joined(
        separator: ",")
    ]
    for snapshot in report.snapshots {
      let fields =
        [csv(snapshot.label), snapshot.commit, snapshot.date.description, String(snapshot.documentCount)]
        + columns.map { snapshot.value(of: $0).map { String($0) } ?? "" } + [
          String(snapshot.visionChanges.count)
        ]
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: diff

  public static func diffText(_ diff: LedgerDiff, markdown: Bool) -> String {
    var lines: [String] = [
      markdown ? "## What changed: \(diff.from) → \(diff.to)" : "What changed: \(diff.from) → \(diff.to)", "",
    ]
    func section(_ title: String, _ items: [String]) {
      guard !items.isEmpty else { return }
      lines.append(markdown ? "### \(title)" : title.uppercased())
      lines.append("")
      lines += items.map { "- \($0)" }
      lines.append("")
    }
    let code = { (text: String) in markdown ? "`\(text)`" : text }
    section(
      "Use cases that moved",
      diff.phaseMoves.map {
        "\(code($0.useCase)): \($0.from.rawValue) → \($0.to.rawValue)"
          + ($0.backwards ? (markdown ? " **(backwards)**" : " (BACKWARDS)") : "")
      } + diff.addedUseCases.map { "\(code($0)): new" } + diff.removedUseCases.map { "\(code($0)): removed" })
    section(
      "Objectives",
      diff.addedObjectives.map { "\(code($0)): added" } + diff.removedObjectives.map { "\(code($0)): removed" }
        + diff.objectiveStatusChanges.map { "\(code($0.objective)): \($0.from.rawValue) → \($0.to.rawValue)" }
        + diff.retargeted.map {
          "\(code($0.indicator)) (\($0.objective)) re-targeted: \($0.from.target.plainText(digits: 3)) by \($0.from.date) → \($0.to.target.plainText(digits: 3)) by \($0.to.date)"
        })
    section(
      "Endorsements",
      diff.endorsements.map { "\(code($0.stakeholder)): \($0.from?.rawValue ?? "none") → \($0.to?.rawValue ?? "none")" }
    )
    let deltas = diff.metrics.filter { $0.before != $0.after }
    if !deltas.isEmpty {
      lines.append(markdown ? "### Metrics" : "METRICS")
      lines.append("")
      if markdown {
        lines += ["| metric | before | after | change |", "|---|---|---|---|"]
        lines += deltas.map { "| `\($0.metric.rawValue)` | \(value($0.before)) | \(value($0.after)) | \(delta($0)) |" }
      } else {
        lines += MetricsText.table(
          deltas.map { ["  \($0.metric.rawValue)", value($0.before), "→ \(value($0.after))", delta($0)] })
      }
      lines.append("")
    }
    section(
      "New lessons",
      diff.lessons.map {
        "\($0.iteration): \($0.text)" + ($0.tags.isEmpty ? "" : " [\($0.tags.joined(separator: ", "))]")
      })
    section(
      "Actions",
      diff.actions.map {
        "\($0.iteration): \"\($0.text)\" (\($0.owner), due \($0.due)): "
          + ($0.from.map { "\($0.rawValue) → " } ?? "new, ")
          + $0.to.rawValue
      })
    section("New findings", diff.newFindings.map(describe))
    section("Resolved findings", diff.resolvedFindings.map(describe))
    if diff.isEmpty { lines.append("Nothing changed in the ledger.") }
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
              $0.metric.rawValue,
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

  private static func describe(_ diagnostic: Diagnostic) -> String {
    "\(diagnostic.severity.rawValue)[\(diagnostic.rule)] \(diagnostic.file): \(diagnostic.message)"
  }

  private static func value(_ number: Double?) -> String { number.map { $0.plainText(digits: 3) } ?? "—" }

  private static func delta(_ delta: LedgerDiff.MetricDelta) -> String {
    guard let before = delta.before, let after = delta.after else { return "" }
    let change = after - before
    return (change > 0 ? "+" : "") + change.plainText(digits: 3)
  }

  private static func csv(_ field: String) -> String {
    field.contains(",") || field.contains("\"")
      ? "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\"" : field
  }
}

extension String {
  fileprivate var trimmingTrailingNewlines: String {
    var copy = self
    while copy.hasSuffix("\n") { copy.removeLast() }
    return copy
  }
}
