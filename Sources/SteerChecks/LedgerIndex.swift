import SteerModel

/// Lookups built once per check, so that cross-document rules never scan all documents
/// for each document.
public struct LedgerIndex: Sendable {
  /// Every declaration of each id, in file order.
  public let declarations: [String: [Declaration]]

  public init(_ ledger: Ledger) {
    var declarations: [String: [Declaration]] = [:]
    for declaration in ledger.declarations.sorted(by: { ($0.file, $0.location) < ($1.file, $1.location) }) {
      declarations[declaration.id, default: []].append(declaration)
    }
    self.declarations = declarations
  }

  /// Whether `id` is declared as a thing of `kind`.
  public func declares(_ id: String, as kind: EntityKind) -> Bool {
    declarations[id]?.contains { $0.kind == kind } ?? false
  }
}
