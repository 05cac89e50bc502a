import ArgumentParser
import SteerKit
import SteerSummary

struct SiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "site",
    abstract: "Write the ledger as a static site: a page per document, the roadmap, lessons, decisions.",
    discussion: """
      Relative links only (it works from file:// and under any sub-path of GitHub or GitLab Pages), no script, \
      one stylesheet. --audience public writes what citizens should see: only elected officials and management \
      are named, and there are no internal findings, actions or notes.
      """)

  @OptionGroup var selection: LedgerSelection

  @Option(help: "The directory to write the site into (empty, or a site steer wrote before).")
  var out: String

  @Option(help: "technical or public.")
  var audience: SiteAudience = .technical

  @Option(help: "A directory of site templates replacing the bundled ones of the same name (docs/templates.md).")
  var template: String?

  func run() throws {
    try CommandOutcome.running(selection.options) {
      try $0.siteOutcome(audience: audience.audience, to: out, templates: template)
    }.end()
  }
}

/// The audiences a site is written for: the summary's but `elected`, whose one printed page
/// is no site. Its own type, so that `--help` and the parser's errors list only these.
enum SiteAudience: String, CaseIterable, ExpressibleByArgument {
  case technical, `public`

  var audience: Audience {
    switch self {
    case .technical: .technical
    case .public: .public
    }
  }
}
