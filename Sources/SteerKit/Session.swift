import Foundation
import SteerChecks
import SteerGit
import SteerLoading
import SteerModel

/// What a command is given to find its ledger: the same three choices for every command.
public struct SessionOptions: Sendable {
  /// Where the command runs (default: the process's current directory).
  public var currentDirectory: String?
  /// The ledger directory, a path from the current directory (default: `.steer.yaml`'s
  /// `ledger`, else `vision`).
  public var ledger: String?
  /// Read the ledger as it stood at this revision instead of the work tree.
  public var revision: String?
  /// How the user gave `revision`, for an error to name it as typed.
  public var revisionSource: RevisionSource = .rev
  /// The language of everything the command prints (default: `.steer.yaml`'s `language`).
  public var language: Language?

  public init(
    currentDirectory: String? = nil, ledger: String? = nil, revision: String? = nil, language: Language? = nil
  ) {
    self.currentDirectory = currentDirectory
    self.ledger = ledger
    self.revision = revision
    self.language = language
  }
}

/// One command's view of where it runs, resolved once: the workspace (a repository, at a
/// revision or in its work tree, or a plain directory), its configuration, the ledger
/// directory and the language. Every command goes through a session, so that the positional
/// ledger, `--rev` and `--lang` mean the same everywhere and reach every part of a command.
public final class Session {
  public let options: SessionOptions
  public let workspace: Workspace
  /// `.steer.yaml` as read, its `language` replaced by `--lang` when given.
  public let configuration: Configuration
  /// What reading `.steer.yaml` found wrong (reported by `steer check`).
  public let configurationFindings: [Finding]
  /// The bytes of `.steer.yaml`, to quote its lines; nil when there is none.
  let configurationBytes: [UInt8]?
  /// The ledger directory, relative to the workspace's root (`""` for the root itself).
  public let ledgerDirectory: String

  public init(_ options: SessionOptions = SessionOptions()) throws(SteerError) {
    self.options = options
    workspace = try Workspace(
      currentDirectory: options.currentDirectory, ledgerArgument: options.ledger, revision: options.revision,
      revisionSource: options.revisionSource)
    configurationBytes = try workspace.configurationBytes()
    (configuration, configurationFindings) = ConfigurationLoader.configuration(
      configurationBytes, knownRules: RuleCatalogue.knownRules, language: options.language, root: workspace.root)
    ledgerDirectory = try workspace.ledgerDirectory(argument: options.ledger, configuration: configuration)
  }

  /// The language a command speaks with these options — `--lang`, else `.steer.yaml`'s, else
  /// English — even when no session can be made (an error about the ledger is said in it).
  public static func language(_ options: SessionOptions) -> Language {
    if let language = options.language { return language }
    // A revision that cannot be read (`--rev` outside git) still leaves the directory's own
    // configuration to say the language.
    guard
      let workspace =
        (try? Workspace(
          currentDirectory: options.currentDirectory, ledgerArgument: options.ledger, revision: options.revision))
        ?? (try? Workspace(currentDirectory: options.currentDirectory, ledgerArgument: options.ledger, revision: nil))
    else { return .en }
    let bytes = (try? workspace.configurationBytes()) ?? nil
    return ConfigurationLoader.configuration(bytes, knownRules: RuleCatalogue.knownRules).0.language
  }

  /// The language of everything the command prints.
  public var language: Language { configuration.language }

  /// Reads the ledger: in the work tree, or at the revision.
  public func loadLedger() throws(SteerError) -> LoadedLedger {
    try workspace.loadLedger(at: ledgerDirectory, language: language)
  }

  /// The repository, for a command that reads git history (`purpose`: the command, as typed).
  func repository(for purpose: String) throws(SteerError) -> Repository {
    guard let repository = workspace.repository else {
      throw SteerError(
        en: "\(purpose) needs a git repository", fr: "\(purpose) demande un dépôt git",
        hint: (en: "run the command inside the repository", fr: "lancez la commande dans le dépôt"))
    }
    return repository
  }

  /// The commit a revision given by the user names (`--since`, `steer diff`'s), or an error
  /// that says why there is none.
  func commit(named revision: String, for purpose: String) throws(SteerError) -> Commit {
    let repository = try repository(for: purpose)
    do {
      return try repository.commit(for: revision)
    } catch {
      if repository.isHeadUnborn { throw Workspace.noCommitYet(revision, namedBy: .since) }
      if repository.isShallow {
        throw SteerError(
          en: "revision '\(revision)' is not in this shallow clone",
          fr: "la révision « \(revision) » n'est pas dans ce clone partiel",
          hint: (
            en: "fetch the history: with actions/checkout, set `fetch-depth: 0`; elsewhere run `git fetch --unshallow`",
            fr:
              "récupérez l'historique : avec actions/checkout, indiquez `fetch-depth: 0` ; ailleurs, lancez `git fetch --unshallow`"
          ))
      }
      // libgit2's words add nothing to "does not exist" (and are English).
      let detail = error.isNotFound ? (en: "", fr: "") : (en: ": \(error.message)", fr: "\u{202F}: \(error.message)")
      throw SteerError(
        en: "revision '\(revision)' does not exist\(detail.en)",
        fr: "la révision « \(revision) » n'existe pas\(detail.fr)",
        hint: (en: "name a branch, a tag or a commit", fr: "indiquez une branche, une étiquette ou un commit"))
    }
  }

  /// A path from the current directory as a file is written to it: as given in the process's
  /// own current directory, so that an error names it as the user typed it.
  func writable(_ path: String) -> String { options.currentDirectory == nil ? path : absolute(path) }

  /// The absolute path of a path relative to the current directory.
  func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : (options.currentDirectory ?? FileManager.default.currentDirectoryPath) + "/" + path
  }
}
