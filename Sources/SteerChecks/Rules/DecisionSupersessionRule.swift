import SteerModel

/// The register's supersessions agree with its statuses, and go one way.
public struct DecisionSupersessionRule: Rule {
  public static let description = RuleDescription(
    id: "decision-supersession", category: .roadmap, defaultSeverity: .error, scope: .parts([.decisions]),
    summary: Localized(
      en:
        "A decision `supersedes` one that is not `superseded`; a `superseded` decision that no decision supersedes; a cycle of `supersedes`.",
      fr:
        "Une décision remplace (`supersedes`) une décision qui n'est pas `superseded` ; une décision `superseded` qu'aucune autre ne remplace ; un cycle de `supersedes`."
    ),
    rationale: Localized(
      en:
        "The register is what the programme has decided: a decision replaced but still shown as in force, or marked replaced by nothing, leaves the committee unable to say which rule applies today.",
      fr:
        "Le registre dit ce que le programme a décidé : une décision remplacée mais toujours affichée comme en vigueur, ou dite remplacée sans que rien ne la remplace, empêche le comité de dire quelle règle s'applique aujourd'hui."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "decisions/open-data.md":
            "---\ntitle: Open the data\ndate: 2026-03-01\nstatus: accepted\ndecided_by: [mayor]\nsupersedes: [↓closed-data]\n---\n",
          "decisions/closed-data.md":
            "---\ntitle: Keep the data closed\ndate: 2026-01-10\nstatus: accepted\ndecided_by: [mayor]\n---\n",
        ]),
      RuleExample(
        triggers: true,
        [
          "decisions/first.md":
            "---\ntitle: First\ndate: 2026-03-01\nstatus: superseded\ndecided_by: [mayor]\nsupersedes: [↓second]\n---\n",
          "decisions/second.md":
            "---\ntitle: Second\ndate: 2026-01-10\nstatus: superseded\ndecided_by: [mayor]\nsupersedes: [first]\n---\n",
          "decisions/lonely.md":
            "---\ntitle: Lonely\ndate: 2026-01-10\nstatus: ↓superseded\ndecided_by: [mayor]\n---\n",
        ]),
      RuleExample(
        triggers: false,
        [
          "decisions/open-data.md":
            "---\ntitle: Open the data\ndate: 2026-03-01\nstatus: accepted\ndecided_by: [mayor]\nsupersedes: [closed-data]\n---\n",
          "decisions/closed-data.md":
            "---\ntitle: Keep the data closed\ndate: 2026-01-10\nstatus: superseded\ndecided_by: [mayor]\n---\n",
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let decisions = ByID(context.ledger.decisions, \.id)
    let ids = decisions.ids.sorted()
    var number: [String: Int] = [:]
    for (position, id) in ids.enumerated() { number[id] = position }
    let edges = ids.map { id in decisions[id]!.supersedes.compactMap { number[$0.value] } }
    let cycles = Cycles.components(edges).map { Set($0.map { ids[$0] }) }
    let inCycles = cycles.reduce(into: Set<String>()) { $0.formUnion($1) }
    let say = context.say
    var findings = cycles.map { report($0, decisions, say) }
    var superseded: Set<String> = []
    for id in ids {
      let decision = decisions[id]!
      for replaced in decision.supersedes {
        superseded.insert(replaced.value)
        let withinCycle = inCycles.contains(id) && inCycles.contains(replaced.value)
        guard !withinCycle, let old = decisions[replaced.value], old.status != .superseded else { continue }
        findings.append(
          finding(
            decision.file, replaced.location,
            say.supersedesInForce(
              say.named(id, title: decision.title), say.named(old.id, title: old.title), old.status.word(say)),
            hint: say.supersedesInForceHint(old.id), related: [old.file]))
      }
    }
    // A decision that cannot be read may be the one that supersedes: its error says enough.
    guard !context.hasOpaqueDocument(.decision) else { return findings }
    superseded.formUnion(context.index.unbuiltReferences(to: .decision, from: .decision))
    for id in ids where !superseded.contains(id) {
      let decision = decisions[id]!
      guard decision.status == .superseded else { continue }
      findings.append(
        finding(
          decision.file, decision.locations["status"], say.supersededByNothing(say.named(id, title: decision.title)),
          hint: say.supersededByNothingHint()))
    }
    return findings
  }

  /// One finding per cycle, at the entry that leaves its first decision (by id) inside it; each
  /// decision named by title and id, as `dependency-cycle` names use cases.
  private func report(_ members: Set<String>, _ decisions: ByID<Decision>, _ say: Wording) -> Finding {
    let path = Cycles.path(through: members) { decisions[$0]!.supersedes.map(\.value) }
    let decision = decisions[path[0]]!
    let entry = decision.supersedes.first { $0.value == path[1] }!
    let named = path.map { say.named($0, title: decisions[$0]!.title) }
    return finding(
      decision.file, entry.location, say.supersessionCycle(named[0], named.joined(separator: " → ")),
      hint: say.supersessionCycleHint(), related: members.sorted().compactMap { decisions[$0]?.file })
  }
}

extension Wording {
  func supersedesInForce(_ id: String, _ old: String, _ status: String) -> String {
    self(
      en: "decision \(id) supersedes decision \(old), whose status is still '\(status)'",
      fr: "la décision \(id) remplace la décision \(old), dont le statut est toujours « \(status) »")
  }

  func supersedesInForceHint(_ old: String) -> String {
    self(
      en: "set 'status: superseded' in \(old).md, or remove it from 'supersedes'",
      fr: "indiquez « status: superseded » dans \(old).md, ou retirez-la de « supersedes »")
  }

  func supersededByNothing(_ id: String) -> String {
    self(
      en: "decision \(id) is superseded, but no decision supersedes it",
      fr: "la décision \(id) est remplacée, mais aucune décision ne la remplace")
  }

  func supersededByNothingHint() -> String {
    self(
      en: "name it in the 'supersedes' of the decision that replaces it, or give it its status again",
      fr: "nommez-la dans « supersedes » de la décision qui la remplace, ou rendez-lui son statut")
  }

  func supersessionCycle(_ first: String, _ path: String) -> String {
    self(
      en: "decision \(first) ends up superseding itself: \(path)",
      fr: "la décision \(first) finit par se remplacer elle-même : \(path)")
  }

  func supersessionCycleHint() -> String {
    self(
      en: "a decision replaces earlier ones: remove the 'supersedes' entry that points back",
      fr: "une décision remplace des décisions antérieures : retirez l'entrée de « supersedes » qui revient en arrière")
  }
}
