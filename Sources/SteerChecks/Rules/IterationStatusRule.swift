import SteerModel

public struct IterationStatusRule: Rule {
  public static let description = RuleDescription(
    id: "iteration-status", category: .roadmap, defaultSeverity: .error,
    summary: "A `closed` iteration starts after a `planned` or `active` one; or more than one iteration is `active`.",
    rationale:
      "Iterations close in the order they run, and one is under way at a time: otherwise 'where are we?' has several answers, and the committee reviews the wrong one.",
    examples: [
      RuleExample(
        triggers: true,
        ["iterations/sprint-4.md": "---\ntitle: Sprint 4\nstart: 2026-06-01\nend: 2026-06-30\nstatus: ↓closed\n---\n"]),
      RuleExample(
        triggers: true,
        ["iterations/sprint-3.md": "---\ntitle: Sprint 3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: ↓active\n---\n"]),
      RuleExample(
        triggers: false,
        ["iterations/sprint-4.md": "---\ntitle: Sprint 4\nstart: 2026-06-01\nend: 2026-06-30\nstatus: planned\n---\n"]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    var findings: [Finding] = []
    let roadmap = context.index.roadmap
    if let firstOpen = roadmap.first(where: { $0.status != .closed }) {
      for iteration in roadmap where iteration.status == .closed && iteration.start > firstOpen.start {
        findings.append(
          finding(
            iteration.file, iteration.locations["status"],
            context.say("rule.iteration-status.order", iteration.id, firstOpen.id, firstOpen.status.rawValue),
            hint: context.say("rule.iteration-status.order.hint", firstOpen.id), related: [firstOpen.file]))
      }
    }
    let active = roadmap.filter { $0.status == .active }
    for iteration in active.dropFirst() {
      findings.append(
        finding(
          iteration.file, iteration.locations["status"],
          context.say("rule.iteration-status.active", iteration.id, active[0].id),
          hint: context.say("rule.iteration-status.active.hint", active[0].id), related: [active[0].file]))
    }
    return findings
  }
}
