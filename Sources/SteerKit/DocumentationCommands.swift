import SteerChecks
import SteerModel
import SteerOutput

extension Session {
  /// `steer rules`: every rule, with its default severity.
  public func ruleList() -> String { RuleDocumentation.list(Wording(language)) }

  /// `steer explain RULE`: what a rule checks, why it matters, and its examples.
  public func explanation(of rule: String) throws(SteerError) -> String {
    guard let description = RuleCatalogue.description(of: rule) else {
      let suggestion = Suggestion.closest(to: rule, among: RuleCatalogue.descriptions.map(\.id))
      throw SteerError(
        en: "there is no rule '\(rule)'", fr: "il n'y a pas de règle « \(rule) »",
        hint: suggestion.map { (en: "did you mean '\($0)'?", fr: "vouliez-vous dire « \($0) » ?") }
          ?? (en: "see `steer rules`", fr: "voyez `steer rules`"))
    }
    return RuleDocumentation.page(description, Wording(language))
  }

  /// `steer schema`: the JSON Schema of each kind's front matter and of `.steer.yaml` (only
  /// `kind`'s when given), by name.
  public func schemas(kind: String?) throws(SteerError) -> [(name: String, schema: JSONValue)] {
    let all = JSONSchemaExport.all(Wording(language))
    guard let kind else { return all }
    guard let match = all.first(where: { $0.name == kind }) else {
      let kinds = all.map(\.name).joined(separator: ", ")
      throw SteerError(
        en: "there is no kind '\(kind)'", fr: "il n'y a pas de type « \(kind) »",
        hint: (en: "the kinds are: \(kinds)", fr: "les types sont : \(kinds)"))
    }
    return [match]
  }
}

extension Session {
  /// `steer rules` as the command line runs it.
  public func rulesOutcome() -> CommandOutcome {
    var outcome = CommandOutcome(language: language)
    outcome.write(ruleList())
    return outcome
  }

  /// `steer explain RULE` as the command line runs it.
  public func explainOutcome(_ rule: String) throws(SteerError) -> CommandOutcome {
    var outcome = CommandOutcome(language: language)
    outcome.write(try explanation(of: rule))
    return outcome
  }

  /// `steer schema` as the command line runs it: `kind`'s schema printed, or with `out` every
  /// schema (only `kind`'s when given) written into that directory, a line per file; a file
  /// that cannot be written stops the others, after the lines of those written.
  public func schemaOutcome(kind: String?, out: String?) throws -> CommandOutcome {
    let selected = try schemas(kind: kind)
    var outcome = CommandOutcome(language: language)
    guard let out else {
      guard selected.count == 1 else {
        throw SteerError(
          en: "name a --kind to print its schema, or --out DIR to write them all",
          fr: "indiquez un --kind pour afficher son schéma, ou --out RÉPERTOIRE pour tous les écrire")
      }
      outcome.say(selected[0].schema.serialized())
      return outcome
    }
    do {
      for (name, schema) in selected {
        try deliver(schema.serialized() + "\n", to: out + "/" + name + ".schema.json", in: &outcome)
      }
    } catch {
      outcome.fail(error)
    }
    return outcome
  }
}
