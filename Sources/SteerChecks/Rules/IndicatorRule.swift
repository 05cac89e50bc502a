import SteerModel

public struct IndicatorRule: Rule {
  public static let description = RuleDescription(
    id: "indicator", category: .governance, defaultSeverity: .warning, scope: .parts([.vision, .objectives]),
    summary: Localized(
      en:
        "An indicator's target equals its baseline, its direction disagrees with baseline → target, its target date is after the vision's horizon, or it is computed `from_members` in a ledger without members or from a member that measures it in another unit.",
      fr:
        "La cible d'un indicateur est égale à sa référence, son sens contredit le passage de la référence à la cible, sa date cible dépasse l'horizon de la vision, ou il se calcule `from_members` dans un registre sans membres ou à partir d'un membre qui le mesure dans une autre unité."
    ),
    rationale: Localized(
      en:
        "An indicator that cannot move, moves the wrong way, is measured after the vision ends, or waits for members that do not exist cannot tell the committee whether the objective is met.",
      fr:
        "Un indicateur qui ne peut pas bouger, qui bouge dans le mauvais sens, qui est mesuré après la fin de la vision ou qui attend des membres qui n'existent pas ne peut pas dire au comité si l'objectif est atteint."
    ),
    examples: [
      RuleExample(
        triggers: true,
        ExampleLedger.file(
          "objectives/clean-water.md",
          ["direction: increase": "direction: ↓decrease", "target_date: 2028-09-30": "target_date: ↓2031-09-30"])),
      RuleExample(
        triggers: true,
        ExampleLedger.file(
          "objectives/clean-water.md",
          ["target_date: 2028-09-30}": "target_date: 2028-09-30, from_members: ↓mean}"])),
      RuleExample(triggers: false, [:]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let horizon = context.ledger.vision?.horizon
    let say = context.say
    return context.ledger.objectives.flatMap { objective in
      objective.indicators.flatMap { indicator -> [Finding] in
        var findings: [Finding] = []
        let id = indicator.id.value
        let named = say.named(id, title: indicator.title)
        if indicator.target == indicator.baseline {
          findings.append(
            finding(
              objective.file, indicator.locations["target"],
              say.indicatorFlat(named, say.number(indicator.target, digits: 6)), hint: say.indicatorFlatHint()))
        } else if (indicator.target > indicator.baseline) != (indicator.direction == .increase) {
          let actual: Direction = indicator.target > indicator.baseline ? .increase : .decrease
          findings.append(
            finding(
              objective.file, indicator.locations["direction"],
              say.indicatorDirection(named, indicator, actual: actual),
              hint: say.indicatorDirectionHint(actual.rawValue)))
        }
        // Without members there is nothing to combine: the indicator would silently keep its own measurements.
        if indicator.fromMembers != nil, context.configuration.federation.isEmpty {
          findings.append(
            finding(
              objective.file, indicator.locations["from_members"], say.indicatorWithoutMembers(named),
              hint: say.indicatorWithoutMembersHint(), related: [Configuration.fileName]))
        }
        // Summing or averaging values in other units gives a number in no unit at all.
        if indicator.fromMembers != nil {
          for member in context.members {
            guard let theirs = member.units[id], theirs != indicator.unit else { continue }
            findings.append(
              finding(
                objective.file,
                indicator.locations.key("unit") != nil
                  ? indicator.locations["unit"] : indicator.locations["from_members"],
                say.indicatorMemberUnit(named, member: member.name, theirs: theirs, ours: indicator.unit),
                hint: say.indicatorMemberUnitHint(), related: [Configuration.fileName]))
          }
        }
        if let horizon, indicator.targetDate > horizon {
          findings.append(
            finding(
              objective.file, indicator.locations["target_date"],
              say.indicatorHorizon(named, indicator.targetDate, horizon),
              hint: say.indicatorHorizonHint(),
              related: [context.visionPath]))
        }
        return findings
      }
    }
  }
}

extension Wording {
  func indicatorMemberUnit(_ indicator: String, member: String, theirs: String, ours: String) -> String {
    self(
      en:
        "indicator \(indicator) combines the members' values, but member '\(member)' measures it in '\(theirs)', not '\(ours)'",
      fr:
        "l'indicateur \(indicator) combine les valeurs des membres, mais le membre « \(member) » le mesure en « \(theirs) » et non en « \(ours) »"
    )
  }

  func indicatorMemberUnitHint() -> String {
    self(
      en: "agree on one unit with the member (and convert its measurements), or remove `from_members`",
      fr: "convenez d'une même unité avec le membre (et convertissez ses mesures), ou retirez `from_members`")
  }

  func indicatorFlat(_ indicator: String, _ target: String) -> String {
    self(
      en: "indicator \(indicator) has its target equal to its baseline (\(target)): it cannot show progress",
      fr:
        "l'indicateur \(indicator) a une cible égale à sa référence (\(target)) : il ne peut pas montrer de progrès"
    )
  }

  func indicatorFlatHint() -> String {
    self(
      en: "set the value the objective aims at",
      fr: "indiquez la valeur visée par l'objectif")
  }

  func indicatorDirectionHint(_ actual: String) -> String {
    self(
      en: "write `direction: \(actual)`, or check the baseline and target",
      fr: "écrivez `direction: \(actual)`, ou vérifiez la référence et la cible")
  }

  func indicatorHorizon(_ indicator: String, _ targetDate: CalendarDate, _ horizon: CalendarDate) -> String {
    self(
      en:
        "indicator \(indicator) is due on \(targetDate.description), after the vision's horizon (\(horizon.description))",
      fr:
        "l'indicateur \(indicator) est attendu le \(inSentence(targetDate)), après l'horizon de la vision (\(inSentence(horizon)))"
    )
  }

  func indicatorHorizonHint() -> String {
    self(
      en: "bring the target date within the horizon, or move the horizon in vision.md",
      fr: "ramenez la date cible avant l'horizon, ou repoussez l'horizon dans vision.md")
  }
}

extension Wording {
  fileprivate func indicatorWithoutMembers(_ indicator: String) -> String {
    self(
      en:
        "indicator \(indicator) is computed from the members (`from_members`), but \(Configuration.fileName) names none",
      fr:
        "l'indicateur \(indicator) se calcule à partir des membres (`from_members`), mais \(Configuration.fileName) n'en nomme aucun"
    )
  }

  fileprivate func indicatorWithoutMembersHint() -> String {
    self(
      en: "name the members under `federation:` in \(Configuration.fileName), or remove `from_members`",
      fr: "nommez les membres sous `federation:` dans \(Configuration.fileName), ou retirez `from_members`")
  }

  fileprivate func indicatorDirection(_ named: String, _ indicator: Indicator, actual: Direction) -> String {
    let target = number(indicator.target, digits: 6)
    let baseline = number(indicator.baseline, digits: 6)
    let direction = indicator.direction.word(self)
    return actual == .increase
      ? self(
        en: "indicator \(named) aims at a \(direction), but its target (\(target)) is above its baseline (\(baseline))",
        fr:
          "l'indicateur \(named) vise une \(direction), mais sa cible (\(target)) est au-dessus de sa référence (\(baseline))"
      )
      : self(
        en:
          "indicator \(named) aims at an \(direction), but its target (\(target)) is below its baseline (\(baseline))",
        fr:
          "l'indicateur \(named) vise une \(direction), mais sa cible (\(target)) est en dessous de sa référence (\(baseline))"
      )
  }
}
