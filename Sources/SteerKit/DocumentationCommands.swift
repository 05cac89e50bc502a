import SteerChecks
import SteerModel
import SteerOutput

extension Session {
  /// `steer rules`: every rule, with its default severity.
  public func ruleList() -> String { RuleDocumentation.list() }

  /// `steer explain RULE`: what a rule checks, why it matters, and its examples.
  public func explanation(of rule: String) throws(SteerError) -> String {
    guard let description = RuleCatalogue.description(of: rule) else {
      throw SteerError(
        "there is no rule '\(rule)'",
        hint: Suggestion.closest(to: rule, among: RuleCatalogue.descriptions.map(\.id)).map { "did you mean '\($0)'?" }
          ?? "see `steer rules`")
    }
    return RuleDocumentation.page(description)
  }

  /// `steer schema`: the JSON Schema of each kind's front matter and of `.steer.yaml` (only
  /// `kind`'s when given), by name.
  public func schemas(kind: String?) throws(SteerError) -> [(name: String, schema: JSONValue)] {
    let all = JSONSchemaExport.all()
    guard let kind else { return all }
    guard let match = all.first(where: { $0.name == kind }) else {
      throw SteerError("there is no kind '\(kind)'", hint: "the kinds are: \(all.map(\.name).joined(separator: ", "))")
    }
    return [match]
  }
}
