import ArgumentParser
import SteerKit
import SteerModel

/// A kind is named by its word or its name in either language (`cas-d-usage`, `rétro`).
extension DocumentKind: ExpressibleByArgument {
  public init?(argument: String) { self.init(named: argument) }

  /// What an error lists and a shell completes: the words, then the names in either language.
  public static var allValueStrings: [String] {
    let words = allCases.map(\.rawValue)
    var names: [String] = []
    for name in allCases.flatMap(\.names) where !words.contains(name) && !names.contains(name) { names.append(name) }
    return words + names
  }
}

struct New: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Write a new document from its template.",
    discussion: """
      Writes <ledger>/<kind directory>/<slug>.md, the slug made from TITLE ("Plages connectées" → \
      plages-connectees). For a retro, TITLE is the iteration id. Never overwrites a file.
      """)

  @Argument(
    help: """
      The kind: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")); or its French name: \
      \(DocumentKind.allCases.map { Slug.make($0.noun(Wording(.fr))) }.joined(separator: ", ")).
      """)
  var kind: DocumentKind

  @Argument(help: "The document's title (a retro: the iteration id).")
  var title: String

  @Option(help: "Use this id instead of the title's slug.")
  var id: String?

  @OptionGroup var target: LedgerOption

  func run() throws {
    try CommandOutcome.running(target.options) { try $0.newDocumentOutcome(kind, title: title, id: id) }.end()
  }
}

struct Init: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a minimal valid ledger: a vision, a stakeholder, an objective and a use case.")

  @Argument(help: "Where to write it (default: vision/ at the repository root).")
  var directory: String?

  @OptionGroup var language: LanguageOption

  func run() throws {
    try CommandOutcome.running(language.options) { try $0.initialiseOutcome(directory) }.end()
  }
}
