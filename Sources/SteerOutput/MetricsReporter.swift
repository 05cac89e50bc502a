import SteerChecks
import SteerMetrics
import SteerModel

/// `steer metrics --format json`: the shape documented in docs/metrics.md. Every metric's
/// name is a key; its value is the number (or null), or an object with `value` and what
/// made it.
public enum MetricsJSON {
  public static let version = 1

  public static func render(_ metrics: LedgerMetrics, gates: [GateStatus]) -> String {
    document(metrics, gates: gates).serialized() + "\n"
  }

  public static func document(_ m: LedgerMetrics, gates: [GateStatus]) -> JSONValue {
    .object([
      ("version", .integer(version)), ("alignment", alignment(m)), ("progress", progressSection(m)),
      ("learning", learning(m)), ("gates", gatesSection(gates)),
    ])
  }

  private static func alignment(_ m: LedgerMetrics) -> JSONValue {
    .object([
      ("traceability", ratio(m.traceability, "usecases")),
      ("coverage", ratio(m.coverage, "objectives")),
      (
        "concordance",
        .object([
          ("value", number(m.concordance.value)), ("uncorrected", number(m.concordance.uncorrected)),
          ("raters", strings(m.concordance.raters)), ("objectives", strings(m.concordance.objectives)),
          ("rank_sums", numbers(m.concordance.rankSums)), ("s", .number(m.concordance.s)),
          ("ties", .number(m.concordance.ties)),
        ])
      ),
      (
        "stakeholder_agreement",
        .object([
          (
            "by_stakeholder",
            .object(
              m.stakeholderAgreement.entries.map {
                ($0.stakeholder, .object([("value", number($0.value)), ("group", .string($0.group.rawValue))]))
              })
          ),
          ("least_aligned", strings(m.stakeholderAgreement.leastAligned)),
          (
            "by_group",
            .object(
              m.stakeholderAgreement.byGroup.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                ($0.key.rawValue, .number($0.value))
              })
          ),
        ])
      ),
      (
        "portfolio_fit",
        .object([
          ("value", number(m.portfolioFit.value)), ("shared_priorities", numbers(m.portfolioFit.sharedPriorities)),
          ("effort_shares", numbers(m.portfolioFit.effortShares)),
        ])
      ),
      ("endorsement", ratio(m.endorsement, "stakeholders")),
      ("group_endorsement", ratio(m.groupEndorsement, "groups")),
      ("co_construction", ratio(m.coConstruction, "usecases")),
      (
        "transversality",
        .object([
          ("value", number(m.transversality.value)),
          ("groups_by_usecase", numbers(m.transversality.groupsByUseCase.mapValues(Double.init))),
        ])
      ),
    ])
  }

  private static func progressSection(_ m: LedgerMetrics) -> JSONValue {
    .object([
      ("phase_progress", .object(m.phaseProgress.map { ($0.useCase, number($0.value)) })),
      (
        "objective_progress",
        .object(m.objectiveProgress.sorted { $0.key < $1.key }.map { ($0.key, progress($0.value)) })
      ),
      ("progress", progress(m.progress)),
      ("indicator_progress", .object(m.indicators.map { ($0.indicator, indicator($0)) })),
      ("indicator_forecast", .object(m.indicators.map { ($0.indicator, $0.forecast.map(forecast) ?? .null) })),
      (
        "say_do",
        .object(
          sayDoMembers(m.sayDo) + [
            ("by_iteration", .object(m.sayDoByIteration.map { ($0.iteration ?? "", .object(sayDoMembers($0))) }))
          ])
      ),
      (
        "rollout_reach",
        .object([
          ("value", m.rolloutReach.value.map { .integer($0) } ?? .null),
          ("step", m.rolloutReach.step.map(JSONValue.string) ?? .null),
        ])
      ),
      ("phase_counts", .object(Phase.allCases.map { ($0.rawValue, .integer(m.phaseCounts[$0] ?? 0)) })),
    ])
  }

  private static func learning(_ m: LedgerMetrics) -> JSONValue {
    .object([
      ("retro_coverage", ratio(m.retroCoverage, "iterations")),
      ("action_closure", ratio(m.actionClosure, "actions")),
      (
        "overdue_actions",
        .object([
          ("count", .integer(m.overdueActions.count)),
          (
            "actions",
            .array(
              m.overdueActions.map {
                .object([
                  ("text", .string($0.text)), ("owner", .string($0.owner)), ("due", .string($0.due)),
                  ("retro", .string($0.retro)),
                ])
              })
          ),
        ])
      ),
      (
        "recurring_lessons",
        .object([
          ("count", .integer(m.recurringLessons.count)),
          (
            "tags",
            .array(m.recurringLessons.map { .object([("tag", .string($0.tag)), ("retros", strings($0.retros))]) })
          ),
        ])
      ),
    ])
  }

  private static func gatesSection(_ gates: [GateStatus]) -> JSONValue {
    .array(
      gates.map {
        .object([
          ("metric", .string($0.metric.rawValue)), ("minimum", .number($0.minimum)), ("value", number($0.value)),
          ("met", .bool($0.met)),
        ])
      })
  }

  private static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
  private static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
  private static func numbers(_ values: [String: Double]) -> JSONValue {
    .object(values.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })
  }

  private static func ratio(_ ratio: Ratio, _ what: String) -> JSONValue {
    .object([
      ("value", number(ratio.value)), ("numerator", .number(ratio.numerator)),
      ("denominator", .number(ratio.denominator)),
      ("counted", strings(ratio.counted)), ("not_counted", strings(ratio.notCounted)), ("of", .string(what)),
    ])
  }

  private static func progress(_ progress: Progress) -> JSONValue {
    .object([
      ("value", number(progress.value)), ("usecases", strings(progress.useCases)), ("effort", .number(progress.effort)),
    ])
  }

  private static func indicator(_ i: IndicatorProgress) -> JSONValue {
    .object(
      [
        ("value", number(i.value)), ("objective", .string(i.objective)), ("title", .string(i.definition.title)),
        ("unit", .string(i.definition.unit)), ("direction", .string(i.definition.direction.rawValue)),
        ("baseline", .number(i.definition.baseline)),
        ("baseline_date", .string(i.definition.baselineDate.description)), ("target", .number(i.definition.target)),
        ("target_date", .string(i.definition.targetDate.description)),
        (
          "latest",
          i.latest.map {
            .object([("value", .number($0.value)), ("date", .string($0.date.description)), ("file", .string($0.file))])
          } ?? .null
        ),
        ("measurements", .integer(i.measurements)),
      ] + (i.fromMembers.map { [("from_members", memberValues($0))] } ?? []))
  }

  private static func memberValues(_ m: MemberValues) -> JSONValue {
    .object([
      ("combination", .string(m.combination.rawValue)),
      (
        "values",
        .array(
          m.values.map {
            .object([
              ("member", .string($0.member)), ("value", .number($0.value)), ("date", .string($0.date.description)),
            ])
          })
      ),
      ("not_measured", strings(m.notMeasured)),
    ])
  }

  private static func forecast(_ f: IndicatorProgress.Forecast) -> JSONValue {
    .object([
      ("value", .number(f.value)), ("progress", number(f.progress)),
      ("on_track", f.onTrack.map(JSONValue.bool) ?? .null),
      ("reaches_target_on", f.reachesTargetOn.map { .string($0.description) } ?? .null), ("points", .integer(f.points)),
    ])
  }

  private static func sayDoMembers(_ s: SayDo) -> [(String, JSONValue)] {
    [
      ("value", number(s.value)), ("items", .integer(s.items)), ("delivered", strings(s.delivered)),
      ("missed", strings(s.missed)),
    ]
  }
}
