import Foundation
import SteerChecks
import SteerLoading
import SteerMetrics
import SteerModel
import Testing

/// The decision register: its references, its three rules and its metric.
@Suite struct DecisionRegisterTests {
  private func decision(
    _ id: String, status: String = "accepted", supersedes: [String] = [], extra: String = ""
  ) -> (String, String) {
    (
      "decisions/\(id).md",
      "---\ntitle: \(id)\ndate: 2026-03-01\nstatus: \(status)\ndecided_by: [mayor]\n"
        + "supersedes: [\(supersedes.joined(separator: ", "))]\n\(extra)---\n"
    )
  }

  private func diagnostics(_ rule: String, _ files: [(String, String)]) -> [Diagnostic] {
    checkExample(Dictionary(uniqueKeysWithValues: files), configuration: nil).filter { $0.rule == rule }
  }

  @Test func aCycleOfSupersessionsIsOneFindingThatNamesIt() throws {
    let found = diagnostics(
      "decision-supersession",
      [
        decision("c", status: "superseded", supersedes: ["a"]),
        decision("a", status: "superseded", supersedes: ["b"]),
        decision("b", status: "superseded", supersedes: ["c"]),
      ])
    let cycle = try #require(found.first)
    #expect(found.count == 1)
    #expect(cycle.message == "decision a ends up superseding itself: a → b → c → a")
    #expect(cycle.file == "vision/decisions/a.md")
    #expect(Set(cycle.finding.related) == ["vision/decisions/a.md", "vision/decisions/b.md", "vision/decisions/c.md"])
  }

  @Test func aDecisionInACycleStillAnswersForWhatItSupersedesOutsideIt() {
    let found = diagnostics(
      "decision-supersession",
      [
        decision("a", status: "superseded", supersedes: ["b", "old"]),
        decision("b", status: "superseded", supersedes: ["a"]),
        decision("old", status: "accepted"),
      ])
    #expect(
      found.map(\.message).sorted() == [
        "decision a ends up superseding itself: a → b → a",
        "decision a supersedes decision old, whose status is still 'accepted'",
      ])
  }

  @Test(arguments: [
    ("present: 31", "31 members present, but the council has 29"),
    (
      "present: 25\n  for: 20\n  against: 4\n  abstention: 2",
      "for, against and abstention add up to 26 votes, but 25 members were present"
    ),
    (
      "for: 20\n  against: 9\n  abstention: 1",
      "for, against and abstention add up to 30 votes, but the council has 29 members"
    ),
  ])
  func impossibleVoteCountsAreErrors(counts: String, message: String) {
    let vote =
      "deliberation:\n  body: City council\n  reference: \"2026-017\"\n  date: 2026-03-01\n  members: 29\n  \(counts)\n"
    let found = diagnostics("deliberation-votes", [decision("open-data", extra: vote)])
    #expect(found.map(\.message) == [message])
    #expect(found.allSatisfy { $0.severity == .error })
  }

  @Test func countsThatAddUpAreNoFinding() {
    let vote =
      "deliberation: {body: Conseil, reference: \"12\", date: 2026-03-01, members: 29, present: 29, for: 29, against: 0, abstention: 0}\n"
    #expect(diagnostics("deliberation-votes", [decision("open-data", extra: vote)]).isEmpty)
  }

  @Test func aConsultedStakeholderAbsentFromTheWorkshopsIsConsultedOnPaper() throws {
    let found = diagnostics(
      "decision-consultation",
      [decision("open-data", extra: "consulted: [mayor, residents]\nworkshops: [sensors-analysis]\n")])
    let paper = try #require(found.first)
    #expect(found.count == 1)
    #expect(paper.severity == .warning)
    #expect(paper.message.contains("Mayor (mayor)"))
    #expect(paper.location == SourceLocation(line: 7, column: 13))
    // Without workshops, nothing says where they should have been.
    #expect(diagnostics("decision-consultation", [decision("open-data", extra: "consulted: [mayor]\n")]).isEmpty)
  }

  @Test func concernsNameAUseCaseAnObjectiveAnIterationOrARolloutStep() {
    let fine = decision("open-data", extra: "concerns: [sensors, clean-water, sprint-1]\n")
    #expect(diagnostics("dangling-reference", [fine]).isEmpty)
    let wrong = decision("open-data", extra: "concerns: [mayor, nowhere]\n")
    let found = diagnostics("dangling-reference", [wrong]).map(\.message)
    #expect(found.count == 2)
    #expect(found.contains { $0.contains("which is a stakeholder, not a use case, an objective, an iteration or") })
    #expect(found.contains { $0.contains("but there is no use case, objective, iteration or rollout step") })
  }

  @Test func decisionCoconstructionCountsAcceptedDecisionsPreparedInAWorkshop() throws {
    let files = [
      decision("prepared", extra: "workshops: [sensors-analysis]\n"), decision("alone"),
      decision("dropped", status: "rejected", extra: "workshops: [sensors-analysis]\n"),
    ]
    let documents = ExampleLedger.base.merging(Dictionary(uniqueKeysWithValues: files)) { _, new in new }
    let loaded = LedgerLoader.load(
      directory: "vision", files: documents.keys.map { LedgerFile(path: "vision/" + $0, relativePath: $0) },
      language: .en
    ) { .bytes(Array(documents[$0.relativePath]!.utf8)) }
    let metrics = LedgerMetrics(loaded.ledger)
    #expect(metrics.decisionCoconstruction.value == 0.5)
    #expect(metrics.decisionCoconstruction.counted == ["prepared"])
    #expect(metrics.decisionCoconstruction.notCounted == ["alone"])
    #expect(MetricRegistry.standard["decision_coconstruction"]?.isGateable == true)
    #expect(LedgerMetrics(Ledger(directory: "vision")).decisionCoconstruction.value == nil)
  }
}
