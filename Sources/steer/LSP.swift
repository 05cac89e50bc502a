import ArgumentParser
import SteerKit
import SteerLanguageServer

struct LSP: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp",
    abstract: "Serve the Language Server Protocol on standard input and output, for editors.",
    discussion: """
      Started by the editor in the ledger's repository (or any directory below it). The editor's \
      workspace folder, when it sends one, is where the ledger is looked for. See docs/editors.md.
      """
  )

  @OptionGroup var ledger: LedgerOption

  func run() throws {
    let status = LanguageServer(options: ledger.options).run()
    if status != 0 { throw ExitCode(status) }
  }
}
