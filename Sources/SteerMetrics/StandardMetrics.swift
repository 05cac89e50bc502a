import SteerModel

// The built-in metrics of docs/metrics.md. Adding one: compute it (MetricsComputation.swift, and a
// field of `LedgerMetrics` in Metrics.swift when its JSON names what made it), define it here
// and list it in `standard`; every output and the gates follow, and `STEER_RECORD=1 swift test`
// writes its row of docs/metrics.md.

extension MetricRegistry {
  /// The metrics of docs/metrics.md.
  public static let standard = MetricRegistry([
    .traceability, .coverage, .concordance, .portfolioFit, .endorsement, .groupEndorsement, .coConstruction,
    .transversality, .progress, .sayDo, .rolloutReach, .retroCoverage, .actionClosure, .overdueActions,
    .recurringLessons, .decisionCoconstruction,
  ])
}

extension MetricDefinition {
  // MARK: Alignment

  public static let traceability = MetricDefinition(
    id: "traceability", group: .alignment,
    label: Localized(en: "Effort serving an active objective", fr: "Effort au service d'un objectif actif"),
    style: .share, isRatio: true, isGateable: true, keyFigure: nil,
    reading: .totals { $0.useCases.traceability.value },
    describing: fixed(
      en: "effort of live use cases serving an active objective",
      fr: "effort des cas d'usage actifs qui sert un objectif actif"),
    details: { .ratio($0.traceability, of: "usecases") })

  public static let coverage = MetricDefinition(
    id: "coverage", group: .alignment, label: Localized(en: "Objectives served", fr: "Objectifs couverts"),
    style: .share, isRatio: true, isGateable: true, keyFigure: KeyFigure(rank: 3, isPublic: true),
    reading: .totals { $0.useCases.coverage.value },
    describing: fixed(
      en: "active objectives served by a live use case", fr: "objectifs actifs servis par un cas d'usage actif"),
    details: { .ratio($0.coverage, of: "objectives") })

  public static let concordance = MetricDefinition(
    id: "concordance", group: .alignment,
    label: Localized(en: "Agreement on priorities (Kendall's W)", fr: "Accord sur les priorités (W de Kendall)"),
    style: .decimal(digits: 2), isRatio: true, isGateable: true, keyFigure: KeyFigure(rank: 5, isPublic: false),
    reading: .totals { $0.stakeholders.concordance.value },
    describing: { m, say in
      let raters = say.count(
        m.concordance.raters.count, en: ("stakeholder", "stakeholders"), fr: ("partie prenante", "parties prenantes"))
      let objectives = say.count(
        m.concordance.objectives.count, en: ("objective", "objectives"), fr: ("objectif", "objectifs"))
      return say(en: "Kendall's W over \(raters) × \(objectives)", fr: "W de Kendall sur \(raters) × \(objectives)")
    },
    details: { m in
      .object([
        ("value", .number(orNull: m.concordance.value)), ("uncorrected", .number(orNull: m.concordance.uncorrected)),
        ("raters", .strings(m.concordance.raters)), ("objectives", .strings(m.concordance.objectives)),
        ("rank_sums", .numbers(m.concordance.rankSums)), ("s", .number(m.concordance.s)),
        ("ties", .number(m.concordance.ties)),
      ])
    })

  public static let portfolioFit = MetricDefinition(
    id: "portfolio_fit", group: .alignment,
    label: Localized(en: "Effort where the shared priorities are", fr: "Effort placé sur les priorités partagées"),
    style: .share, isRatio: true, isGateable: true, keyFigure: KeyFigure(rank: 6, isPublic: false),
    reading: .totals { $0.portfolioFit },
    describing: fixed(
      en: "effort that goes where the shared priorities are", fr: "effort placé sur les priorités partagées"),
    details: { m in
      .object([
        ("value", .number(orNull: m.portfolioFit.value)),
        ("shared_priorities", .numbers(m.portfolioFit.sharedPriorities)),
        ("effort_shares", .numbers(m.portfolioFit.effortShares)),
      ])
    })

  public static let endorsement = MetricDefinition(
    id: "endorsement", group: .alignment,
    label: Localized(en: "Stakeholders who endorse", fr: "Parties prenantes qui soutiennent"),
    style: .share, isRatio: true, isGateable: true, keyFigure: nil,
    reading: .totals { $0.stakeholders.endorsement.value },
    describing: fixed(en: "stakeholders who endorse the vision", fr: "parties prenantes qui soutiennent la vision"),
    details: { .ratio($0.endorsement, of: "stakeholders") })

  public static let groupEndorsement = MetricDefinition(
    id: "group_endorsement", group: .alignment,
    label: Localized(en: "Groups that endorse", fr: "Groupes qui soutiennent"),
    style: .share, isRatio: true, isGateable: true, keyFigure: nil,
    reading: .totals { $0.stakeholders.groupEndorsement.value },
    describing: fixed(en: "groups with at least one endorsement", fr: "groupes qui comptent au moins un soutien"),
    details: { .ratio($0.groupEndorsement, of: "groups") })

  public static let coConstruction = MetricDefinition(
    id: "co_construction", group: .alignment,
    label: Localized(en: "Use cases built with their users", fr: "Cas d'usage co-construits"),
    style: .share, isRatio: true, isGateable: true, keyFigure: KeyFigure(rank: 4, isPublic: true),
    reading: .totals { $0.useCases.coConstruction.value },
    describing: fixed(
      en: "use cases from prototype on, built with their users",
      fr: "cas d'usage prototypés ou au-delà, construits avec leurs usagers"),
    details: { .ratio($0.coConstruction, of: "usecases") })

  public static let transversality = MetricDefinition(
    id: "transversality", group: .alignment,
    label: Localized(en: "Groups per use case's workshops", fr: "Groupes par cas d'usage en atelier"),
    style: .decimal(digits: 1), isRatio: false, isGateable: true, keyFigure: nil,
    reading: .totals { $0.useCases.transversality },
    describing: fixed(
      en: "stakeholder groups per use case's workshops",
      fr: "groupes de parties prenantes par cas d'usage dans ses ateliers"),
    details: { m in
      .object([
        ("value", .number(orNull: m.transversality.value)),
        ("groups_by_usecase", .numbers(m.transversality.groupsByUseCase.mapValues(Double.init))),
      ])
    })

  // MARK: Progress

  public static let progress = MetricDefinition(
    id: "progress", group: .progress, label: Localized(en: "Progress", fr: "Avancement"),
    style: .share, isRatio: true, isGateable: true, keyFigure: KeyFigure(rank: 1, isPublic: true),
    reading: .totals { $0.useCases.progress },
    describing: fixed(
      en: "effort-weighted phase progress of live use cases",
      fr: "avancement des cas d'usage actifs, pondéré par leur effort"),
    details: { .progress($0.progress) })

  public static let sayDo = MetricDefinition(
    id: "say_do", group: .progress, label: Localized(en: "Delivered as planned", fr: "Livré comme prévu"),
    style: .share, isRatio: true, isGateable: true, keyFigure: KeyFigure(rank: 2, isPublic: true),
    reading: .totals { $0.learning.sayDo },
    describing: { m, say in
      let delivered = m.sayDo.delivered.count
      return say(
        en: "\(delivered) of \(m.sayDo.items) planned items delivered",
        fr: "éléments prévus livrés : \(delivered) sur \(m.sayDo.items)")
    },
    details: { m in
      .object(
        sayDoMembers(m.sayDo) + [
          ("by_iteration", .object(m.sayDoByIteration.map { ($0.iteration ?? "", .object(sayDoMembers($0))) }))
        ])
    })

  public static let rolloutReach = MetricDefinition(
    id: "rollout_reach", group: .progress,
    label: Localized(en: "Rollout step reached", fr: "Étape de déploiement atteinte"),
    style: .count, isRatio: false, isGateable: true, keyFigure: nil,
    reading: .totals { $0.useCases.rolloutReach($0.rollout).value.map(Double.init) },
    describing: { m, say in
      // The step as people know it: its title, the id in JSON only.
      m.rolloutReach.step.map { step in m.rollout?.first { $0.id.value == step }?.title ?? step }.map {
        say(
          en: "furthest rollout step with a deployed use case: \($0)",
          fr: "étape de déploiement la plus avancée où un cas d'usage est déployé : \($0)")
      } ?? say(en: "no step deployed yet", fr: "aucune étape déployée pour l'instant")
    },
    details: { m in
      .object([
        ("value", m.rolloutReach.value.map { .integer($0) } ?? .null),
        ("step", m.rolloutReach.step.map(JSONValue.string) ?? .null),
      ])
    })

  // MARK: Learning

  public static let retroCoverage = MetricDefinition(
    id: "retro_coverage", group: .learning,
    label: Localized(en: "Closed iterations with a retrospective", fr: "Itérations closes avec rétrospective"),
    style: .share, isRatio: true, isGateable: true, keyFigure: nil,
    reading: .totals { $0.learning.retroCoverage.value },
    describing: fixed(
      en: "closed iterations with a retrospective", fr: "itérations closes qui ont leur rétrospective"),
    details: { .ratio($0.retroCoverage, of: "iterations") })

  public static let actionClosure = MetricDefinition(
    id: "action_closure", group: .learning,
    label: Localized(en: "Actions carried out", fr: "Actions menées à bien"),
    style: .share, isRatio: true, isGateable: true, keyFigure: nil,
    reading: .totals { $0.learning.actionClosure.value },
    describing: fixed(en: "actions done by their due iteration", fr: "actions faites à l'itération prévue"),
    details: { .ratio($0.actionClosure, of: "actions") })

  /// A count that should stay at 0, which no minimum can guard: no gate names it.
  public static let overdueActions = MetricDefinition(
    id: "overdue_actions", group: .learning, label: Localized(en: "Overdue actions", fr: "Actions en retard"),
    style: .count, isRatio: false, isGateable: false, keyFigure: nil,
    reading: .metrics { Double($0.overdueActions.count) },
    describing: fixed(
      en: "open actions whose iteration is closed", fr: "actions ouvertes dont l'itération est close"),
    details: { m in
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
    })

  /// A count of what the retrospectives keep learning again, which no minimum can guard: no gate names it.
  public static let recurringLessons = MetricDefinition(
    id: "recurring_lessons", group: .learning,
    label: Localized(en: "Recurring lessons", fr: "Enseignements récurrents"),
    style: .count, isRatio: false, isGateable: false, keyFigure: nil,
    reading: .metrics { Double($0.recurringLessons.count) },
    describing: fixed(
      en: "lesson tags in three retrospectives or more",
      fr: "étiquettes d'enseignement présentes dans au moins trois rétrospectives"),
    details: { m in
      .object([
        ("count", .integer(m.recurringLessons.count)),
        (
          "tags",
          .array(m.recurringLessons.map { .object([("tag", .string($0.tag)), ("retros", .strings($0.retros))]) })
        ),
      ])
    })

  public static let decisionCoconstruction = MetricDefinition(
    id: "decision_coconstruction", group: .learning,
    label: Localized(en: "Decisions prepared in a workshop", fr: "Décisions préparées en atelier"),
    style: .share, isRatio: true, isGateable: true, keyFigure: nil,
    reading: .totals { $0.decisions.value },
    describing: fixed(
      en: "accepted decisions prepared in a co-construction workshop",
      fr: "décisions adoptées préparées en atelier de co-construction"),
    details: { .ratio($0.decisionCoconstruction, of: "decisions") })

  /// A description that names nothing of the ledger.
  private static func fixed(en: String, fr: French) -> @Sendable (LedgerMetrics, Wording) -> String {
    let text = Localized(en: en, fr: fr)
    return { _, say in text(say) }
  }

  private static func sayDoMembers(_ s: SayDo) -> [(String, JSONValue)] {
    [
      ("value", .number(orNull: s.value)), ("items", .integer(s.items)), ("delivered", .strings(s.delivered)),
      ("missed", .strings(s.missed)),
    ]
  }
}
