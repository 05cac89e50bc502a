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
/// A mapping has a handful of fields, so a list searched in order is cheaper than a dictionary
/// (this is built for every mapping of every document).
public struct FieldLocations: Hashable, Sendable {
  public struct Field: Hashable, Sendable {
    public var name: String
    public var key: SourceLocation
    public var value: SourceLocation

    public init(name: String, key: SourceLocation, value: SourceLocation) {
      self.name = name
      self.key = key
      self.value = value
    }
  }

  /// Where the mapping itself starts (the first key, or the list item).
  public var start: SourceLocation
  public var fields: [Field]

  public init(start: SourceLocation, fields: [Field] = []) {
    self.start = start
    self.fields = fields
  }

  public mutating func record(_ name: String, key: SourceLocation, value: SourceLocation) {
    fields.append(Field(name: name, key: key, value: value))
  }

  /// Where a field's key was written, if it was.
  public func key(_ field: String) -> SourceLocation? { fields.first { $0.name == field }?.key }

  /// The location of a field's value, or of the mapping when the field is absent.
  public subscript(field: String) -> SourceLocation { fields.first { $0.name == field }?.value ?? start }
}
