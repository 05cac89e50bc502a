import ArgumentParser
import SteerKit

struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "List the rules, with their default severity.")

  @OptionGroup var language: LanguageOption

  func run() throws {
    try CommandOutcome.running(language.options) { $0.rulesOutcome() }.end()
  }
}

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a rule: what it checks, why it matters, and examples.")

  @Argument(help: "A rule id (see `steer rules`).")
  var rule: String

  @OptionGroup var language: LanguageOption

  func run() throws {
    try CommandOutcome.running(language.options) { try $0.explainOutcome(rule) }.end()
  }
}
