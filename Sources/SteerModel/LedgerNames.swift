/// What people call the ledger's stakeholders, objectives, use cases and iterations: the text
/// of `steer metrics` and what `retro record` writes name them so, and show an id only for what
/// the ledger does not declare.
public struct LedgerNames: Sendable {
  /// Names nothing: every id is shown as it is.
  public static let none = LedgerNames(Ledger(directory: ""))

  public let stakeholders: [String: String]
  public let objectives: [String: String]
  public let useCases: [String: String]
  public let iterations: [String: String]

  public init(_ ledger: Ledger) {
    // The first declaration wins, as everywhere a duplicate id is read.
    stakeholders = Dictionary(ledger.stakeholders.map { ($0.id, $0.name) }) { first, _ in first }
    objectives = Dictionary(ledger.objectives.map { ($0.id, $0.title) }) { first, _ in first }
    useCases = Dictionary(ledger.useCases.map { ($0.id, $0.title) }) { first, _ in first }
    iterations = Dictionary(ledger.iterations.map { ($0.id, $0.title) }) { first, _ in first }
  }

  public func stakeholder(_ id: String) -> String { stakeholders[id] ?? id }
  public func objective(_ id: String) -> String { objectives[id] ?? id }
  public func useCase(_ id: String) -> String { useCases[id] ?? id }
  public func iteration(_ id: String) -> String { iterations[id] ?? id }
}
