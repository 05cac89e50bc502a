import Foundation
import SteerKit
import SteerModel
import Testing

@testable import SteerSummary

/// What a committee and citizens read is true, complete and in words: each test is a defect a
/// reader met.
@Suite struct TruthfulSummaryTests {
  private static let committeeDay = CalendarDate(year: 2026, month: 11, day: 21)!

  private func summary(
    _ format: SummaryFormat, _ language: Language, _ audience: Audience, in directory: String = referenceCopy
  ) throws -> String {
    // French spacing (narrow and non-breaking spaces) read as plain spaces, for the expectations.
    try session(directory, language: language).summary(
      SummaryRequest(format: format, audience: audience, today: Self.committeeDay)
    ).replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
  }

  private func ledger(_ directory: String = referenceCopy) throws -> Ledger {
    try session(directory).summaryModel(SummaryRequest(today: Self.committeeDay)).ledger
  }

  /// Iterations are named by their titles where people read: the overdue action, the last
  /// retrospective, recurring lessons, the roadmap and its chart.
  @Test(arguments: [Audience.elected, .public], [SummaryFormat.md, .html])
  func noRawIterationIdForPeople(_ audience: Audience, _ format: SummaryFormat) throws {
    for language in Language.allCases {
      let text = try summary(format, language, audience)
      for iteration in try ledger().iterations {
        #expect(!text.contains(iteration.id), "\(audience) \(format) \(language) names \(iteration.id)")
      }
    }
  }

  @Test func theTechnicalEditionGivesTheIdBesideTheTitle() throws {
    let text = try summary(.md, .fr, .technical)
    #expect(text.contains("| **Parcs, participation et tableau de bord** `it-2026-t4` |"))
    #expect(text.contains("| Itération | Période | État |"), "the roadmap table has real headers")
    #expect(text.contains("## Dernière rétrospective — Passage à l'échelle des plages (2 octobre 2026)"))
  }

  /// The active and next iterations' goals and planned use cases, in every edition.
  @Test(arguments: Audience.allCases, [SummaryFormat.md, .html])
  func whatComesNextIsInEveryEdition(_ audience: Audience, _ format: SummaryFormat) throws {
    let text = try summary(format, .fr, audience)
    let ledger = try ledger()
    let active = try #require(ledger.iterations.first { $0.status == .active })
    let goal = try #require(active.goal)
    #expect(text.contains("Prochaines étapes"))
    // The elected edition's HTML is one printed page: the iterations alone, by their titles.
    if audience == .elected && format == .html {
      #expect(text.contains(active.title.replacingOccurrences(of: "'", with: "&#39;")))
      return
    }
    #expect(text.contains(goal.replacingOccurrences(of: "'", with: format == .html ? "&#39;" : "'")))
    for item in active.items {
      let title = try #require(ledger.useCases.first { $0.id == item.useCase.value }?.title)
      #expect(text.contains(title.replacingOccurrences(of: "'", with: format == .html ? "&#39;" : "'")), "\(title)")
    }
  }

  /// The public edition names no action, though one is overdue: it says how many are late.
  @Test(arguments: [Language.fr, .en], [SummaryFormat.md, .html])
  func thePublicEditionNamesNoAction(_ language: Language, _ format: SummaryFormat) throws {
    let text = try summary(format, language, .public)
    let actions = try ledger().retros.flatMap(\.actions)
    #expect(!actions.isEmpty)
    for action in actions {
      #expect(!text.contains(action.text.replacingOccurrences(of: "'", with: format == .html ? "&#39;" : "'")))
    }
    let late =
      language == .fr
      ? "1 action d'amélioration décidée en rétrospective est en retard"
      : "1 improvement action decided in a retrospective is overdue"
    #expect(text.contains(format == .html ? late.replacingOccurrences(of: "'", with: "&#39;") : late))
  }

  @Test func anObjectiveWithoutIndicatorsSaysSo() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(
      "vision/objectives/clean-water.md", "---\ntitle: Clean bathing water\naxis: data\nowner: mayor\n---\n")
    let text = try summary(.md, .fr, .technical, in: directory.path)
    #expect(text.contains("### Clean bathing water — 40 %\n\nAucun indicateur ne mesure encore cet objectif."))
  }

  /// "0 %" beside "co-construction" after workshops with citizens says what is missing.
  @Test(arguments: [Language.fr, .en])
  func aZeroCoConstructionSaysWhy(_ language: Language) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try FileManager.default.removeItem(atPath: directory.path + "/vision/workshops/ideas.md")
    let text = try summary(.md, language, .public, in: directory.path)
    let expected =
      language == .fr
      ? "- Cas d'usage co-construits : 0 % — parmi les cas d'usage au stade prototype ou au-delà (1), 1 sans atelier d'idéation."
      : "- Use cases built with their users: 0% — of the use cases at prototype or later (1), 1 had no ideation workshop."
    #expect(text.contains(expected), "\(text)")
  }

  /// A forecast stops at the bounds its unit implies: a share at 100 %, a duration at 0.
  @Test func forecastsStayWithinTheirUnitsBounds() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    // The minimal ledger's share of open days rises fast enough to cross 100 % by its target date.
    let share = try #require(try session(directory.path).metrics().metrics.indicators.first?.forecast)
    #expect(share.value == 100)
    try directory.write(
      "vision/objectives/clean-water.md",
      """
      ---
      title: Clean bathing water
      axis: data
      owner: mayor
      indicators:
        - {id: wait, title: Waiting time, unit: days, direction: decrease, baseline: 30,
           baseline_date: 2026-01-01, target: 5, target_date: 2028-09-30}
      ---

      """)
    try directory.write(
      "vision/retros/sprint-1.md",
      "---\ndate: 2026-04-02\nparticipants: [mayor]\nmeasurements:\n  - {indicator: wait, value: 20, date: 2026-03-15}\n---\n"
    )
    let wait = try #require(try session(directory.path).metrics().metrics.indicators.first?.forecast)
    #expect(wait.value == 0)
    #expect(wait.onTrack == true)
  }

  /// "Since the last committee" follows actions and indicators as `diff` does.
  @Test func sinceTheLastCommitteeFollowsActionsAndIndicators() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    let retro = try directory.read("vision/retros/sprint-1.md")
    try directory.write(
      "vision/retros/sprint-1.md",
      retro.replacingOccurrences(of: "status: open", with: "status: done").replacingOccurrences(
        of: "value: 74", with: "value: 78"))
    let text = try session(directory.path, language: .fr).summary(
      SummaryRequest(format: .md, since: "HEAD", today: Self.committeeDay))
    #expect(text.contains("- Invite residents to every test (The mayor) — ouverte → faite"), "\(text)")
    #expect(
      text.contains("- Share of open bathing days — 74\u{202F}% (15 mars 2026) → 78\u{202F}% (15 mars 2026)"), "\(text)"
    )
  }
}
