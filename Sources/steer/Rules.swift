import ArgumentParser
import Foundation
import SteerKit

struct Rules: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "List the rules, with their default severity.")

  @OptionGroup var language: LanguageOption

  func run() throws {
    try reportingErrors(language) { print(try language.session().ruleList(), terminator: "") }
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
    try reportingErrors(language) { print(try language.session().explanation(of: rule), terminator: "") }
  }
}
