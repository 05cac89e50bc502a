import ArgumentParser
import SteerChecks
import SteerModel
import SteerOutput

struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "List the rules, with their default severity.")

  func run() throws {
    print(RuleDocumentation.list(), terminator: "")
  }
}

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a rule: what it checks, why it matters, and examples.")

  @Argument(help: "A rule id (see `steer rules`).")
  var rule: String

  func run() throws {
    try reportingErrors {
      guard let description = RuleCatalogue.description(of: rule) else {
        throw SteerError(
          "there is no rule '\(rule)'",
          hint: Suggestion.closest(to: rule, among: RuleCatalogue.descriptions.map(\.id)).map {
            "did you mean '\($0)'?"
          }
            ?? "see `steer rules`")
      }
      print(RuleDocumentation.page(description), terminator: "")
    }
  }
}
