import SteerModel

/// A value that passed validation against its field type.
public enum FieldValue: Hashable, Sendable {
  case text(String)
  case number(Double)
  case integer(Int)
  case date(CalendarDate)
  /// An id, a reference, a choice or a tag.
  case word(String)
  case list([Located<FieldValue>])
  case map([MapEntry])
  case object(ValidatedObject)
}

public struct MapEntry: Hashable, Sendable {
  public var key: Located<String>
  public var value: Located<FieldValue>
}

/// A mapping whose fields were checked against a field table. Invalid fields are absent.
public struct ValidatedObject: Hashable, Sendable {
  public struct Field: Hashable, Sendable {
    public var name: String
    public var value: Located<FieldValue>
  }

  /// In the order written; a handful, so searched in order rather than hashed.
  public var values: [Field] = []
  public var locations: FieldLocations

  public subscript(name: String) -> Located<FieldValue>? { values.first { $0.name == name }?.value }

  mutating func set(_ name: String, _ value: Located<FieldValue>) { values.append(Field(name: name, value: value)) }

  public func text(_ name: String) -> String? {
    switch self[name]?.value {
    case .text(let text), .word(let text): text
    default: nil
    }
  }

  public func word(_ name: String) -> Located<String>? {
    guard let field = self[name], case .word(let word) = field.value else { return nil }
    return Located(word, at: field.location)
  }

  public func choice<E: RawRepresentable>(_ name: String, as _: E.Type = E.self) -> E? where E.RawValue == String {
    word(name).flatMap { E(rawValue: $0.value) }
  }

  public func date(_ name: String) -> CalendarDate? {
    if case .date(let date) = self[name]?.value { return date }
    return nil
  }

  public func number(_ name: String) -> Double? {
    switch self[name]?.value {
    case .number(let number): number
    case .integer(let integer): Double(integer)
    default: nil
    }
  }

  private func listItems(_ name: String) -> [Located<FieldValue>] {
    if case .list(let items) = self[name]?.value { return items }
    return []
  }

  public func words(_ name: String) -> [Located<String>] {
    let items = listItems(name)
    var words: [Located<String>] = []
    words.reserveCapacity(items.count)
    for item in items {
      if case .word(let word) = item.value { words.append(Located(word, at: item.location)) }
    }
    return words
  }

  public func texts(_ name: String) -> [String] {
    listItems(name).compactMap { item in
      if case .text(let text) = item.value { return text }
      return nil
    }
  }

  /// A field whose value is one mapping (a decision's `deliberation`).
  public func object(_ name: String) -> ValidatedObject? {
    if case .object(let object) = self[name]?.value { return object }
    return nil
  }

  public func integer(_ name: String) -> Int? {
    if case .integer(let integer) = self[name]?.value { return integer }
    return nil
  }

  public func objects(_ name: String) -> [ValidatedObject] {
    listItems(name).compactMap { item in
      if case .object(let object) = item.value { return object }
      return nil
    }
  }

  public func entries(_ name: String) -> [MapEntry] {
    if case .map(let entries) = self[name]?.value { return entries }
    return []
  }
}
