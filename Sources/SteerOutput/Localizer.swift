import SteerChecks
import SteerModel

/// Labels, numbers and dates in the reader's language. Each label is written once, its
/// English and French side by side, so that a missing translation cannot go unnoticed.
public struct Localizer: Sendable {
  public let language: Language

  public init(_ language: Language) { self.language = language }

  /// U+202F NARROW NO-BREAK SPACE: French thousands separator and space before `%`.
  static let narrowSpace = "\u{202F}"

  public func label(_ key: String) -> String {
    guard let entry = Self.labels[key] else { return key }
    return language == .fr ? entry.fr : entry.en
  }

  /// Every label, keyed for templates (`{{labels.vision}}`).
  public var labels: [String: String] { Self.labels.mapValues { language == .fr ? $0.fr : $0.en } }

  /// A number with at most `digits` decimals: `1,234.5` / `1 234,5`.
  public func number(_ value: Double, digits: Int = 1) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    let negative = rounded < 0
    let magnitude = abs(rounded)
    var integer = String(Int(magnitude.rounded(.down)))
    var fraction = ""
    if digits > 0 {
      let scaled = Int(((magnitude - magnitude.rounded(.down)) * scale).rounded())
      if scaled > 0 {
        var digitsText = String(scaled)
        digitsText = String(repeating: "0", count: max(0, digits - digitsText.count)) + digitsText
        while digitsText.hasSuffix("0") { digitsText.removeLast() }
        fraction = digitsText
      }
    }
    let separator = language == .fr ? Self.narrowSpace : ","
    if integer.count > 4 || (language == .en && integer.count > 3) {
      var grouped = ""
      for (index, character) in integer.reversed().enumerated() {
        if index > 0 && index % 3 == 0 { grouped = separator + grouped }
        grouped = String(character) + grouped
      }
      integer = grouped
    }
    let text = fraction.isEmpty ? integer : integer + (language == .fr ? "," : ".") + fraction
    return (negative && text != "0" ? "−" : "") + text
  }

  /// A ratio as a percentage: `45.6%` / `45,6 %`; an em dash when undefined.
  public func percent(_ ratio: Double?, digits: Int = 0) -> String {
    guard let ratio else { return "—" }
    return number(ratio * 100, digits: digits) + (language == .fr ? Self.narrowSpace + "%" : "%")
  }

  /// `21 November 2026` / `21 novembre 2026`.
  public func date(_ date: CalendarDate) -> String {
    let months =
      language == .fr
      ? [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
        "décembre",
      ]
      : [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
      ]
    return "\(date.day) \(months[date.month - 1]) \(date.year)"
  }

  public func phase(_ phase: Phase) -> String { label("phase.\(phase.rawValue)") }
  public func group(_ group: StakeholderGroup) -> String { label("group.\(group.rawValue)") }

  static let labels: [String: (en: String, fr: String)] = [
    "summary": ("Steering committee summary", "Synthèse pour le comité de pilotage"),
    "generated_on": ("Generated on", "Établie le"),
    "from_ledger": ("from the ledger", "à partir du registre"),
    "status": ("Status", "État"),
    "status.green": ("On track", "Conforme"),
    "status.amber": ("Needs attention", "Vigilance"),
    "status.red": ("Off track", "Alerte"),
    "why": ("Why", "Pourquoi"),
    "decisions": ("Decisions needed", "Décisions attendues"),
    "no_decisions": ("No decision is pending.", "Aucune décision n'est en attente."),
    "risks": ("Risks", "Risques"),
    "no_risks": ("No risk stands out.", "Aucun risque ne se détache."),
    "key_figures": ("Key figures", "Chiffres clés"),
    "vision": ("Vision", "Vision"),
    "territory": ("Territory", "Territoire"),
    "horizon": ("Horizon", "Horizon"),
    "carried_by": ("Carried by", "Portée par"),
    "endorsements": ("Endorsements", "Soutiens"),
    "stance.endorse": ("endorses", "soutient"),
    "stance.reservations": ("has reservations", "émet des réserves"),
    "stance.oppose": ("opposes", "s'oppose"),
    "alignment": ("Alignment", "Alignement"),
    "concordance": ("Agreement on priorities (Kendall's W)", "Accord sur les priorités (W de Kendall)"),
    "least_aligned": ("Least aligned stakeholders", "Parties prenantes les moins alignées"),
    "agreement_by_group": ("Agreement by group", "Accord par groupe"),
    "heatmap": ("Priorities by stakeholder and objective", "Priorités par partie prenante et objectif"),
    "heatmap_top": ("those of highest shared priority", "ceux de plus forte priorité partagée"),
    "portfolio_fit": ("Effort where the shared priorities are", "Effort placé sur les priorités partagées"),
    "traceability": ("Effort serving an active objective", "Effort au service d'un objectif actif"),
    "coverage": ("Objectives served", "Objectifs couverts"),
    "co_construction": ("Use cases built with their users", "Cas d'usage co-construits"),
    "endorsement_rate": ("Stakeholders who endorse", "Parties prenantes qui soutiennent"),
    "objectives": ("Objectives", "Objectifs"),
    "indicator": ("Indicator", "Indicateur"),
    "baseline": ("Baseline", "Référence"),
    "latest": ("Latest", "Dernière mesure"),
    "target": ("Target", "Cible"),
    "progress": ("Progress", "Avancement"),
    "forecast": ("Forecast", "Projection"),
    "on_track": ("on track", "en bonne voie"),
    "off_track": ("off track", "en retard"),
    "reached_on": ("target reached on", "cible atteinte le"),
    "not_measured": ("not measured yet", "pas encore mesuré"),
    "usecases": ("Use cases", "Cas d'usage"),
    "funnel": ("Use cases by phase", "Cas d'usage par phase"),
    "by_step": ("By rollout step", "Par étape du déploiement"),
    "no_step": ("Across the territory", "Transverses"),
    "roadmap": ("Roadmap", "Feuille de route"),
    "current": ("current", "en cours"),
    "iteration_status.planned": ("planned", "prévue"),
    "iteration_status.active": ("active", "en cours"),
    "iteration_status.closed": ("closed", "close"),
    "last_retro": ("Last retrospective", "Dernière rétrospective"),
    "lessons": ("Lessons", "Enseignements"),
    "actions": ("Actions", "Actions"),
    "overdue": ("overdue", "en retard"),
    "action_status.open": ("open", "ouverte"),
    "action_status.done": ("done", "faite"),
    "action_status.dropped": ("dropped", "abandonnée"),
    "due": ("due", "échéance"),
    "recurring_lessons": ("Recurring lessons", "Enseignements récurrents"),
    "in_retros": ("in the retrospectives of", "dans les rétrospectives de"),
    "findings": ("Open findings of steer check", "Constats ouverts de steer check"),
    "no_findings": ("steer check reports nothing.", "steer check ne signale rien."),
    "errors": ("errors", "erreurs"),
    "warnings": ("warnings", "avertissements"),
    "trends": ("Trends by iteration", "Tendances par itération"),
    "since": ("Since the last committee", "Depuis le dernier comité"),
    "phase_moves": ("Use cases that moved", "Cas d'usage qui ont avancé ou reculé"),
    "backwards": ("backwards", "en recul"),
    "metric_changes": ("Changes in the figures", "Évolution des indicateurs"),
    "new_lessons": ("New lessons", "Nouveaux enseignements"),
    "new_findings": ("New findings", "Nouveaux constats"),
    "resolved_findings": ("Resolved findings", "Constats résolus"),
    "nothing_changed": ("Nothing changed in the ledger.", "Rien n'a changé dans le registre."),
    "say_do": ("Delivered as planned", "Livré comme prévu"),
    "gates": ("Commitments (gates)", "Engagements (seuils)"),
    "met": ("met", "tenu"),
    "not_met": ("not met", "non tenu"),
    "phase.analysis": ("analysis", "analyse"),
    "phase.ideation": ("ideation", "idéation"),
    "phase.prototype": ("prototype", "prototype"),
    "phase.test": ("test", "test"),
    "phase.deployed": ("deployed", "déployé"),
    "phase.scaled": ("scaled", "généralisé"),
    "phase.abandoned": ("abandoned", "abandonné"),
    "group.elected": ("elected officials", "élus"),
    "group.management": ("management", "direction"),
    "group.technical": ("technical staff", "services techniques"),
    "group.operator": ("operators", "exploitants"),
    "group.citizen": ("citizens", "citoyens"),
    "group.it": ("IT department", "DSI"),
    "group.partner": ("partners", "partenaires"),
    "reason.errors": ("the ledger has %d errors (steer check)", "le registre comporte %d erreurs (steer check)"),
    "reason.gate": (
      "gate '%s' is not met: %s for a minimum of %s", "le seuil « %s » n'est pas tenu : %s pour un minimum de %s"
    ),
    "reason.gate_undefined": ("gate '%s' cannot be measured yet", "le seuil « %s » n'est pas encore mesurable"),
    "reason.indicator": (
      "indicator “%s” is off track: at this pace the target is reached on %s, not by %s",
      "l'indicateur « %s » est en retard : à ce rythme, la cible sera atteinte le %s et non le %s"
    ),
    "reason.indicator_never": (
      "indicator “%s” is off track: the trend moves away from the target",
      "l'indicateur « %s » est en retard : la tendance s'éloigne de la cible"
    ),
    "reason.overdue": ("action “%s” (%s) is overdue since %s", "l'action « %s » (%s) est en retard depuis %s"),
    "reason.endorsement": ("no %s endorse the vision", "aucun représentant des %s ne soutient la vision"),
    "reason.all_clear": (
      "every gate is met, no indicator is off track and no action is overdue",
      "tous les seuils sont tenus, aucun indicateur n'est en retard et aucune action n'est en souffrance"
    ),
    "decision.gate": (
      "Decide how to meet the commitment on '%s' (%s, minimum %s).",
      "Décider comment tenir l'engagement « %s » (%s, minimum %s)."
    ),
    "decision.indicator": (
      "Re-plan or re-target “%s”: at this pace its target is missed.",
      "Replanifier ou revoir la cible de « %s » : à ce rythme, elle sera manquée."
    ),
    "decision.overdue": (
      "Confirm, reschedule or drop the action “%s” (%s).", "Confirmer, replanifier ou abandonner l'action « %s » (%s)."
    ),
    "decision.endorsement": (
      "Hear the reservations of the %s and seek their endorsement.",
      "Entendre les réserves des %s et rechercher leur soutien."
    ),
    "risk.least_aligned_group": (
      "The %s are the least aligned with the shared priorities (ρ = %s); they rank first: %s.",
      "Les %s sont les moins alignés sur les priorités partagées (ρ = %s) ; leur première priorité : %s."
    ),
    "risk.low_concordance": (
      "Stakeholders agree little on priorities (W = %s).",
      "Les parties prenantes s'accordent peu sur les priorités (W = %s)."
    ),
    "risk.recurring": (
      "The lesson “%s” recurs in %d retrospectives: the programme may be going round in circles.",
      "L'enseignement « %s » revient dans %d rétrospectives : le programme tourne peut-être en rond."
    ),
    "risk.say_do": (
      "Only %s of planned items were delivered as planned.", "Seuls %s des éléments prévus ont été livrés comme prévu."
    ),
  ]
}

extension Localizer {
  /// A label with `%s`/`%d` placeholders filled in order.
  public func format(_ key: String, _ arguments: CustomStringConvertible...) -> String {
    var text = label(key)
    for argument in arguments {
      let candidates = [text.firstRange(of: "%s"), text.firstRange(of: "%d")].compactMap { $0 }
      guard let range = candidates.min(by: { $0.lowerBound < $1.lowerBound }) else { break }
      text.replaceSubrange(range, with: argument.description)
    }
    return text
  }
}
