/// A 1-based position in a source file. Columns count Unicode scalars, as libyaml does.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static let fileStart = SourceLocation(line: 1, column: 1)

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  public var description: String { "\(line):\(column)" }
}

/// A value together with where it was written.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
  public var value: Value
  public var location: SourceLocation

  public init(_ value: Value, at location: SourceLocation) {
    self.value = value
    self.location = location
  }
}

/// Where each field of a mapping was written, so that a rule can point at the exact value.
public struct FieldLocations: Hashable, Sendable {
  /// Where the mapping itself starts (the first key, or the list item).
  public var start: SourceLocation
  public var keys: [String: SourceLocation]
  public var values: [String: SourceLocation]

  public init(start: SourceLocation, keys: [String: SourceLocation] = [:], values: [String: SourceLocation] = [:]) {
    self.start = start
    self.keys = keys
    self.values = values
  }

  /// The location of a field's value, or of the mapping when the field is absent.
  public subscript(field: String) -> SourceLocation { values[field] ?? start }
}
