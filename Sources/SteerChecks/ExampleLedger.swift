import SteerModel

/// The ledger every rule example is laid over: three stakeholders (one per required group),
/// one objective with an indicator, one use case co-constructed with its users, a closed,
/// an active and a planned iteration, and one retrospective. No rule reports anything on it.
public enum ExampleLedger {
  /// The day the examples are checked on: `sprint-2` is under way.
  public static let today = CalendarDate(year: 2026, month: 4, day: 15)!

  /// The base's file at `path` with each text of `edits` replaced by its own: an example that
  /// differs from the base in a few words (and its markers) shows only those.
  public static func file(_ path: String, _ edits: KeyValuePairs<String, String>) -> [String: String] {
    guard var text = base[path] else { preconditionFailure("the example ledger has no \(path)") }
    for (old, new) in edits {
      precondition(text.contains(old), "\(path) of the example ledger has no \(old)")
      text = text.replacing(old, with: new)
    }
    return [path: text]
  }

  public static let configuration = "required_endorsements: [elected, technical, citizen]\neffort_unit: days\n"

  public static let base: [String: String] = [
    "vision.md": """
    ---
    title: Clean beaches
    territory: Seaside
    horizon: 2030-12-31
    carried_by: mayor
    axes:
      - {id: data, title: Data}
    rollout:
      - {id: beaches, title: Beaches}
      - {id: parks, title: Parks}
    endorsements:
      - {stakeholder: mayor, date: 2026-01-10, stance: endorse}
      - {stakeholder: engineers, date: 2026-01-10, stance: endorse}
      - {stakeholder: residents, date: 2026-01-10, stance: endorse}
    ---

    """,
    "stakeholders/mayor.md": "---\nname: Mayor\ngroup: elected\npriorities: {clean-water: 5}\n---\n",
    "stakeholders/engineers.md": "---\nname: Engineers\ngroup: technical\npriorities: {clean-water: 4}\n---\n",
    "stakeholders/residents.md": "---\nname: Residents\ngroup: citizen\npriorities: {clean-water: 3}\n---\n",
    "objectives/clean-water.md": """
    ---
    title: Clean bathing water
    axis: data
    owner: mayor
    indicators:
      - {id: open-days, title: Open days, unit: "%", direction: increase, baseline: 70,
         baseline_date: 2026-01-01, target: 90, target_date: 2028-09-30}
    ---

    """,
    "usecases/sensors.md": """
    ---
    title: Water sensors
    objectives: [clean-water]
    phase: prototype
    owner: engineers
    users: [residents]
    rollout_step: beaches
    effort: 2
    ---

    """,
    "workshops/sensors-analysis.md":
      "---\ndate: 2026-01-20\nphase: analysis\nusecases: [sensors]\nparticipants: [engineers, residents]\n---\n",
    "workshops/sensors-ideation.md":
      "---\ndate: 2026-02-10\nphase: ideation\nusecases: [sensors]\nparticipants: [engineers, residents]\n---\n",
    "iterations/sprint-1.md": """
    ---
    title: Sprint 1
    start: 2026-03-01
    end: 2026-03-31
    status: closed
    capacity: 5
    items:
      - {usecase: sensors, target: prototype}
    ---

    """,
    "iterations/sprint-2.md": """
    ---
    title: Sprint 2
    start: 2026-04-01
    end: 2026-04-30
    status: active
    capacity: 5
    items:
      - {usecase: sensors, target: test}
    ---

    """,
    "iterations/sprint-3.md": """
    ---
    title: Sprint 3
    start: 2026-05-01
    end: 2026-05-31
    status: planned
    capacity: 5
    items:
      - {usecase: sensors, target: deployed}
    ---

    """,
    "retros/sprint-1.md": """
    ---
    date: 2026-04-01
    participants: [mayor, residents]
    delivered:
      - {usecase: sensors, phase: prototype}
    lessons:
      - {text: Residents spotted what we missed, tags: [co-construction]}
    actions:
      - {text: Invite residents to every test, owner: mayor, due: sprint-2, status: open}
    measurements:
      - {indicator: open-days, value: 74, date: 2026-03-15}
    ---

    """,
  ]
}
