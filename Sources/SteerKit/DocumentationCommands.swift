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
