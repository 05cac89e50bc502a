import SteerChecks
import SteerHistory
import SteerMarkdown
import SteerMetrics
import SteerModel
import SteerOutput

/// Who reads the summary.
public enum Audience: String, CaseIterable, Sendable {
  /// One page: the headline, the decisions needed, the risks.
  case elected
  /// Everything.
  case technical
  /// A digest for citizens: only elected officials and management are named; no internal notes.
  case `public`
}

/// What a summary is made from.
public struct SummaryInput: Sendable {
  public var ledger: Ledger
  public var configuration: Configuration
  public var diagnostics: [Diagnostic]
  public var metrics: LedgerMetrics
  public var gates: [GateStatus]
  /// Metrics at each iteration, when the repository has a history.
  public var history: [Snapshot]
  /// What changed since the last committee (`--since`).
  public var since: LedgerDiff?
  public var today: CalendarDate
  /// The federation's members, each with its own status and figures (empty without a federation).
  public var members: [MemberSummary]
  /// The members that could not be read: shown as unavailable, counted nowhere.
  public var unavailable: [UnavailablePeer]
  /// The metrics whose key figures the summary shows.
  public var registry: MetricRegistry

  public init(
    ledger: Ledger, configuration: Configuration, diagnostics: [Diagnostic], metrics: LedgerMetrics,
    gates: [GateStatus], history: [Snapshot] = [], since: LedgerDiff? = nil, today: CalendarDate,
    members: [MemberSummary] = [], unavailable: [UnavailablePeer] = [], registry: MetricRegistry = .standard
  ) {
    self.ledger = ledger
    self.configuration = configuration
    self.diagnostics = diagnostics
    self.metrics = metrics
    self.gates = gates
    self.history = history
    self.since = since
    self.today = today
    self.members = members
    self.unavailable = unavailable
    self.registry = registry
  }
}

/// The red/amber/green status and the reasons that set it.
public struct SummaryStatus: Hashable, Sendable {
  public enum Level: String, Sendable {
    case green, amber, red

    /// `On track` / `Conforme`.
    public func word(_ say: Wording) -> String {
      switch self {
      case .green: say(en: "On track", fr: "Conforme")
      case .amber: say(en: "Needs attention", fr: "Vigilance")
      case .red: say(en: "Off track", fr: "Alerte")
      }
    }
  }
  public var level: Level
  /// Every reason, the red ones first: an amber reason still shows under a red headline.
  public var reasons: [String]
  /// What `steer check` found wrong in the ledger itself, apart from the programme's status:
  /// a typo is not a programme in trouble, but the figures cannot be trusted until it is fixed.
  public var dataQuality: String?
  public var decisions: [String]
  public var risks: [String]
}

/// Builds the view model handed to the templates: typed values (`SummaryView`) whose every
/// field is documented in docs/templates.md. Text from the ledger is left as text (templates
/// escape it); Markdown bodies are rendered by cmark-gfm in safe mode; charts are SVG drawn here.
public struct SummaryModel: Sendable {
  public let input: SummaryInput
  public let audience: Audience
  public let localizer: Localizer
  package let index: LedgerIndex
  let memberNames: MemberNames
  /// Every member's use cases, abandoned ones included, in the federation's order then by id.
  package let membersUseCases: [RegionUseCase]
  /// Where `membersUseCases` holds each `member:usecase` id.
  let memberUseCasePositions: [String: [Int]]

  /// - Parameter index: the ledger's index, when the caller built one already.
  public init(_ input: SummaryInput, audience: Audience, language: Language, index: LedgerIndex? = nil) {
    self.input = input
    self.audience = audience
    self.localizer = Localizer(language)
    self.index = index ?? LedgerIndex(input.ledger)
    let names = MemberNames(input)
    self.memberNames = names
    let theirs = input.members.flatMap { member in
      let name = names(member.name)
      return member.useCases.map { RegionUseCase(member: name, id: "\(member.name):\($0.id)", useCase: $0) }
    }
    self.membersUseCases = theirs
    self.memberUseCasePositions = Dictionary(grouping: theirs.indices) { theirs[$0].id }
  }

  package var ledger: Ledger { input.ledger }
  package var metrics: LedgerMetrics { input.metrics }

  /// Whether a stakeholder may be named for this audience.
  package func nameable(_ id: String) -> Bool {
    guard audience == .public else { return true }
    guard let group = index.stakeholders[id]?.group else { return false }
    return group == .elected || group == .management
  }

  func stakeholderName(_ id: String) -> String {
    index.stakeholders[id]?.name ?? id
  }

  // MARK: status

  public var status: SummaryStatus {
    let l = localizer
    let say = l.say
    var red: [String] = []
    var amber: [String] = []
    var decisions: [String] = []
    var risks: [String] = []
    // A gate not met is a commitment not kept, said in red above, not a flaw in the data.
    let errors = input.diagnostics.count { $0.severity == .error && $0.rule != GateRule.description.id }
    for gate in input.gates where !gate.met {
      let label = gate.metric.label(say)
      let minimum = gate.metric.display(gate.minimum, say, detailed: true)
      if gate.value != nil {
        red.append(say.gateNotMet(label, gate.metric.display(gate.value, say, detailed: true), minimum))
      } else {
        red.append(say.gateUndefined(label))
      }
      decisions.append(say.decideOnGate(label, gate.metric.display(gate.value, say, detailed: true), minimum))
    }
    for indicator in metrics.indicators {
      guard let forecast = indicator.forecast, forecast.onTrack == false else { continue }
      let title = indicator.definition.title
      if let date = forecast.reachesTargetOn, date > indicator.definition.targetDate {
        amber.append(say.indicatorLate(title, reached: l.date(date), due: l.date(indicator.definition.targetDate)))
      } else {
        amber.append(say.indicatorDiverging(title))
      }
      decisions.append(say.decideOnIndicator(title))
    }
    if audience == .public {
      // The public edition names no action: it says how many are late.
      if !metrics.overdueActions.isEmpty { amber.append(say.actionsOverdue(metrics.overdueActions.count)) }
    } else {
      for action in metrics.overdueActions {
        let owner = nameable(action.owner) ? stakeholderName(action.owner) : l.group(groupOf(action.owner))
        let due = index.iterations[action.due]
        amber.append(
          say.actionOverdue(
            action.text, owner, dueBy: iterationTitle(action.due), ended: due.map { l.date($0.end) } ?? ""))
        decisions.append(say.decideOnAction(action.text, owner))
      }
    }
    for group in input.configuration.requiredEndorsements {
      let members = ledger.stakeholders.filter { $0.group == group }
      if !members.contains(where: { index.latestEndorsements[$0.id]?.stance == .endorse }) {
        amber.append(say.noEndorsement(group))
        decisions.append(say.seekEndorsement(group))
      }
    }
    // Risks: what a committee should watch even when nothing is red.
    let byGroup = metrics.stakeholderAgreement.byGroup
    // Groups tied for the lowest agreement, as the reader sees it (ρ to two decimals), are named
    // together, in the order of their names.
    if let value = byGroup.values.min(), value < 0, byGroup.count > 1 {
      let rho = l.number(value, digits: 2)
      let least = byGroup.filter { l.number($0.value, digits: 2) == rho }.keys.sorted { $0.rawValue < $1.rawValue }
      risks.append(say.leastAligned(least.map { ($0, firstPriority(of: $0)) }, rho))
    }
    if let w = metrics.concordance.value, w < 0.3 {
      risks.append(say.lowConcordance(l.number(w, digits: 2)))
    }
    for lesson in metrics.recurringLessons {
      risks.append(say.recurringLesson(lesson.tag, lesson.retros.count))
    }
    if let sayDo = metrics.sayDo.value, sayDo < 0.8 {
      risks.append(say.lowSayDo(l.percent(sayDo)))
    }
    // While reading errors stand no gate is evaluated (a `.steer.yaml` with errors may have lost
    // one), so none is said met: the files are named instead.
    let unread = Set(input.diagnostics.map(\.finding).filter(\.isReadingError).map(\.file))
    if unread.contains(Configuration.fileName) || (!unread.isEmpty && !input.configuration.gates.isEmpty) {
      amber.insert(say.gatesNotEvaluated(unread), at: 0)
    }
    let level: SummaryStatus.Level = !red.isEmpty ? .red : !amber.isEmpty ? .amber : .green
    let reasons = level == .green ? [say.allClear()] : red + amber
    return SummaryStatus(
      level: level, reasons: reasons, dataQuality: dataQuality(errors: errors),
      decisions: decisions, risks: risks)
  }

  /// What makes the figures less than reliable: the ledger's errors, then the federation's members
  /// that could not be read (they count nowhere) or whose figures leave out unreadable files.
  private func dataQuality(errors: Int) -> String? {
    let say = localizer.say
    let unavailable = input.unavailable.map { memberName($0.name) }
    let incomplete = input.members.filter { !$0.unreadableFiles.isEmpty }.map {
      (memberName($0.name), $0.unreadableFiles.count)
    }
    let sentences =
      (errors > 0 ? [say.ledgerHasErrors(errors)] : [])
      + (unavailable.isEmpty && incomplete.isEmpty ? [] : [say.membersDataQuality(unavailable, incomplete)])
    return sentences.isEmpty ? nil : sentences.joined(separator: " ")
  }

  /// An iteration as people name it: its title (its id only when the ledger does not declare it).
  package func iterationTitle(_ id: String) -> String {
    index.iterations[id]?.title ?? id
  }

  package func groupOf(_ stakeholder: String) -> StakeholderGroup {
    index.stakeholders[stakeholder]?.group ?? .partner
  }

  /// The objective a group weighs most (summed over its members).
  func firstPriority(of group: StakeholderGroup) -> String {
    var totals: [String: Int] = [:]
    for stakeholder in ledger.stakeholders where stakeholder.group == group {
      for priority in stakeholder.priorities { totals[priority.objective.value, default: 0] += priority.weight }
    }
    guard let top = totals.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return "—" }
    return ledger.objectives.first { $0.id == top }?.title ?? top
  }
}

/// The headline's reasons, the decisions and the risks.
extension Wording {
  /// `Members: Lurs cannot be read and counts in no figure; Valbonne's figures are incomplete (1 file cannot be read).`
  fileprivate func membersDataQuality(_ unavailable: [String], _ incomplete: [(String, Int)]) -> String {
    let gone =
      unavailable.isEmpty
      ? []
      : [
        self(
          en:
            "\(list(unavailable)) cannot be read and \(agreeing(with: unavailable.count, en: ("counts", "count"), fr: ("", ""))) in no figure",
          fr:
            "\(list(unavailable)) \(agreeing(with: unavailable.count, en: ("", ""), fr: ("ne peut", "ne peuvent"))) pas être \(agreeing(with: unavailable.count, en: ("", ""), fr: ("lu", "lus"))) et ne \(agreeing(with: unavailable.count, en: ("", ""), fr: ("compte", "comptent"))) dans aucun chiffre"
        )
      ]
    let partial = incomplete.map { name, files in
      let count = self.count(
        files, en: ("file cannot be read", "files cannot be read"), fr: ("fichier illisible", "fichiers illisibles"))
      return self(
        en: "\(name)'s figures are incomplete (\(count))", fr: "les chiffres de \(name) sont incomplets (\(count))")
    }
    let members = self(en: "Members", fr: "Membres")
    return self(
      en: "\(members): \((gone + partial).joined(separator: "; ")).",
      fr: "\(members) : \((gone + partial).joined(separator: "\u{202F}; ")).")
  }

  fileprivate func ledgerHasErrors(_ count: Int) -> String {
    let errors = self.count(count, en: ("error", "errors"), fr: ("erreur", "erreurs"))
    let fix = agreeing(with: count, en: ("fix it", "fix them"), fr: ("corrigez-la", "corrigez-les"))
    return self(
      en:
        "The ledger has \(errors) (steer check): \(fix) before the committee; until then its figures cannot be trusted.",
      fr:
        "Le registre comporte \(errors) (steer check) : \(fix) avant le comité ; d'ici là, ses chiffres ne sont pas fiables."
    )
  }

  fileprivate func gateNotMet(_ gate: String, _ value: String, _ minimum: String) -> String {
    self(
      en: "the commitment '\(gate)' is not met: \(value) for a minimum of \(minimum)",
      fr: "l'engagement « \(gate) » n'est pas tenu : \(value) pour un minimum de \(minimum)")
  }

  fileprivate func gateUndefined(_ gate: String) -> String {
    self(
      en: "the commitment '\(gate)' cannot be measured yet",
      fr: "l'engagement « \(gate) » n'est pas encore mesurable")
  }

  fileprivate func decideOnGate(_ gate: String, _ value: String, _ minimum: String) -> String {
    self(
      en: "Decide how to meet the commitment '\(gate)' (\(value), minimum \(minimum)).",
      fr: "Décider comment tenir l'engagement « \(gate) » (\(value), minimum \(minimum)).")
  }

  fileprivate func indicatorLate(_ title: String, reached: String, due: String) -> String {
    self(
      en: "indicator “\(title)” is off track: at this pace the target is reached on \(reached), not by \(due)",
      fr: "l'indicateur « \(title) » est en retard : à ce rythme, la cible sera atteinte le \(reached) et non le \(due)"
    )
  }

  fileprivate func indicatorDiverging(_ title: String) -> String {
    self(
      en: "indicator “\(title)” is off track: the trend moves away from the target",
      fr: "l'indicateur « \(title) » est en retard : la tendance s'éloigne de la cible")
  }

  fileprivate func decideOnIndicator(_ title: String) -> String {
    self(
      en: "Re-plan or re-target “\(title)”: at this pace its target is missed.",
      fr: "Replanifier ou revoir la cible de « \(title) » : à ce rythme, elle sera manquée.")
  }

  fileprivate func actionOverdue(_ action: String, _ owner: String, dueBy iteration: String, ended: String) -> String {
    self(
      en: "action “\(action)” (\(owner)) is overdue: it was due by the end of the iteration “\(iteration)” (\(ended))",
      fr:
        "l'action « \(action) » (\(owner)) est en retard : elle était attendue pour la fin de l'itération « \(iteration) » (\(ended))"
    )
  }

  fileprivate func actionsOverdue(_ count: Int) -> String {
    let actions = self.count(
      count, en: ("improvement action decided in a retrospective", "improvement actions decided in retrospectives"),
      fr: ("action d'amélioration décidée en rétrospective", "actions d'amélioration décidées en rétrospective"))
    let verb = agreeing(with: count, en: ("is", "are"), fr: ("est", "sont"))
    return self(en: "\(actions) \(verb) overdue", fr: "\(actions) \(verb) en retard")
  }

  fileprivate func decideOnAction(_ action: String, _ owner: String) -> String {
    self(
      en: "Confirm, reschedule or drop the action “\(action)” (\(owner)).",
      fr: "Confirmer, replanifier ou abandonner l'action « \(action) » (\(owner)).")
  }

  fileprivate func noEndorsement(_ group: StakeholderGroup) -> String {
    self(
      en: "no \(group.word(self)) endorse the vision",
      fr: "aucun représentant \(group.ofTheGroup(self)) ne soutient la vision")
  }

  fileprivate func seekEndorsement(_ group: StakeholderGroup) -> String {
    self(
      en: "Hear the reservations of the \(group.word(self)) and seek their endorsement.",
      fr: "Entendre les réserves \(group.ofTheGroup(self)) et rechercher \(group.isSingular ? "son" : "leur") soutien.")
  }

  /// `The citizens are the least aligned…`; groups tied are named together, with each one's
  /// first priority when they differ.
  fileprivate func leastAligned(_ groups: [(group: StakeholderGroup, firstPriority: String)], _ rho: String)
    -> String
  {
    let subject = conjunction(groups.map { $0.group.withArticle(self) })
    let capitalized = subject.prefix(1).uppercased() + subject.dropFirst()
    if groups.count == 1, groups[0].group.isSingular {
      let first = groups[0].firstPriority
      return self(
        en: "\(capitalized) is the least aligned with the shared priorities (ρ = \(rho)); it ranks first: \(first).",
        fr:
          "\(capitalized) est la moins alignée sur les priorités partagées (ρ = \(rho)) ; sa première priorité : \(first)."
      )
    }
    // La direction et la DSI: feminine in French, as each of them is.
    let aligned = groups.allSatisfy(\.group.isSingular) ? "alignées" : "alignés"
    let priorities = Set(groups.map(\.firstPriority))
    guard priorities.count > 1 else {
      let first = groups[0].firstPriority
      return self(
        en: "\(capitalized) are the least aligned with the shared priorities (ρ = \(rho)); they rank first: \(first).",
        fr:
          "\(capitalized) sont les moins \(aligned) sur les priorités partagées (ρ = \(rho)) ; leur première priorité : \(first)."
      )
    }
    let each = list(groups.map { "\($0.firstPriority) (\($0.group.word(self)))" })
    return self(
      en: "\(capitalized) are the least aligned with the shared priorities (ρ = \(rho)); they rank first: \(each).",
      fr:
        "\(capitalized) sont les moins \(aligned) sur les priorités partagées (ρ = \(rho)) ; leurs premières priorités : \(each)."
    )
  }

  fileprivate func lowConcordance(_ w: String) -> String {
    self(
      en: "Stakeholders agree little on priorities (W = \(w)).",
      fr: "Les parties prenantes s'accordent peu sur les priorités (W = \(w)).")
  }

  fileprivate func recurringLesson(_ tag: String, _ retros: Int) -> String {
    self(
      en: "The lesson “\(tag)” recurs in \(retros) retrospectives: the programme may be going round in circles.",
      fr: "L'enseignement « \(tag) » revient dans \(retros) rétrospectives : le programme tourne peut-être en rond.")
  }

  fileprivate func lowSayDo(_ share: String) -> String {
    self(
      en: "Only \(share) of planned items were delivered as planned.",
      fr: "Seuls \(share) des éléments prévus ont été livrés comme prévu.")
  }

  fileprivate func gatesNotEvaluated(_ files: Set<String>) -> String {
    let have = agreeing(with: files.count, en: ("has", "have"), fr: ("comporte", "comportent"))
    return self(
      en: "no gate is evaluated while \(self.files(files)) \(have) reading errors (see steer check)",
      fr: "aucun seuil n'est évalué tant que \(self.files(files)) \(have) des erreurs de lecture (voir steer check)")
  }

  fileprivate func allClear() -> String {
    self(
      en: "every gate is met, no indicator is off track and no action is overdue",
      fr: "tous les seuils sont tenus, aucun indicateur n'est en retard et aucune action n'est en souffrance")
  }
}
