import SteerMetrics
import SteerModel

/// docs/rules.md, `gate`: a metric below the minimum that `.steer.yaml` sets for it.
public struct GateRule: Rule {
  public static let description = RuleDescription(
    id: "gate", category: .gates, defaultSeverity: .error, scope: .ledger,
    summary: Localized(
      en: "A metric named under `gates:` in .steer.yaml is below its minimum, or undefined (see `steer metrics`).",
      fr:
        "Un indicateur nommé sous `gates:` dans .steer.yaml est sous son minimum, ou n'est pas défini (voir `steer metrics`)."
    ),
    rationale: Localized(
      en:
        "A gate turns a steering-committee commitment (\"every use case serves an objective\", \"we agree on priorities\") into a check that CI enforces on every change.",
      fr:
        "Un seuil transforme un engagement du comité de pilotage (« chaque cas d'usage sert un objectif », « nous sommes d'accord sur les priorités ») en une vérification que la CI applique à chaque changement."
    ),
    examples: [
      RuleExample(
        triggers: true, [:],
        configuration:
          "required_endorsements: [elected, technical, citizen]\ngates:\n  coverage: 1\n  transversality: ↓3\n"),
      RuleExample(
        triggers: false, [:],
        configuration:
          "required_endorsements: [elected, technical, citizen]\ngates:\n  coverage: 1\n  transversality: 2\n"),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    guard let first = context.configuration.gates.values.map(\.location).min() else { return [] }
    // Metrics over a ledger that cannot be read whole would blame the gates for the reading
    // errors: said once, the check failing anyway.
    guard context.unreadable.isEmpty else {
      return [
        finding(
          Configuration.fileName, first, context.say.gatesNotEvaluated(context.unreadable),
          hint: context.say.gatesNotEvaluatedHint(context.unreadable.count), related: Array(context.unreadable))
      ]
    }
    return GateStatus.evaluate(context.configuration, LedgerMetrics(context.ledger, members: context.members))
      .compactMap { gate in
        // Named as every other output names the metric: its label, not the key under `gates:`.
        let label = gate.metric.label(context.say)
        guard let value = gate.value else {
          return finding(
            Configuration.fileName, gate.location, context.say.gateUndefined(label),
            hint: context.say.gateUndefinedHint())
        }
        guard !gate.met else { return nil }
        return finding(
          Configuration.fileName, gate.location,
          context.say.gate(
            label, gate.metric.display(value, context.say, detailed: true),
            gate.metric.display(gate.minimum, context.say, detailed: true)),
          hint: context.say.gateHint())
      }
  }
}

extension Wording {
  func gateUndefined(_ metric: String) -> String {
    self(
      en: "gate '\(metric)' cannot be met: the metric is undefined for this ledger",
      fr: "le seuil « \(metric) » ne peut pas être tenu : l'indicateur n'est pas défini pour ce registre")
  }

  func gateUndefinedHint() -> String {
    self(
      en: "`steer metrics` says why it is undefined; remove the gate until the ledger can measure it",
      fr: "`steer metrics` dit pourquoi ; retirez le seuil jusqu'à ce que le registre permette de le mesurer")
  }

  func gate(_ metric: String, _ value: String, _ minimum: String) -> String {
    self(
      en: "gate '\(metric)' is not met: \(value) is below the minimum of \(minimum)",
      fr: "le seuil « \(metric) » n'est pas tenu : \(value) est sous le minimum de \(minimum)")
  }

  func gateHint() -> String {
    self(
      en: "`steer metrics` shows what the number is made of",
      fr: "`steer metrics` montre de quoi ce nombre est fait")
  }

  /// The files named, in path order: `.steer.yaml` alone may have lost a gate; a document with
  /// reading errors would make the metrics wrong.
  fileprivate func gatesNotEvaluated(_ unreadable: Set<String>) -> String {
    let have = agreeing(with: unreadable.count, en: ("has", "have"), fr: ("comporte", "comportent"))
    let why =
      unreadable == [Configuration.fileName]
      ? self(en: "a gate may be missing", fr: "un seuil peut manquer")
      : self(en: "their metrics would be wrong", fr: "leurs indicateurs seraient faux")
    return self(
      en: "the gates are not evaluated while \(files(unreadable)) \(have) reading errors: \(why)",
      fr: "les seuils ne sont pas évalués tant que \(files(unreadable)) \(have) des erreurs de lecture : \(why)")
  }

  fileprivate func gatesNotEvaluatedHint(_ files: Int) -> String {
    let those = agreeing(with: files, en: ("that file", "those files"), fr: ("ce fichier", "ces fichiers"))
    return self(
      en: "fix the reading errors of \(those) first", fr: "corrigez d'abord les erreurs de lecture de \(those)")
  }
}
