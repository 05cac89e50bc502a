import SteerModel

/// A YAML node with the position it was written at. Front matter only needs mappings,
/// sequences and scalars; anchors and aliases are refused when reading.
public struct YAMLNode: Hashable, Sendable {
  public enum Content: Hashable, Sendable {
    case scalar(YAMLScalar)
    case mapping([YAMLEntry])
    case sequence([YAMLNode])
  }

  public var content: Content
  public var location: SourceLocation
  /// Where a scalar ends (after its closing quote); a collection's start.
  public var end: SourceLocation

  public init(_ content: Content, at location: SourceLocation, end: SourceLocation? = nil) {
    self.content = content
    self.location = location
    self.end = end ?? location
  }

  public var scalar: YAMLScalar? {
    if case .scalar(let scalar) = content { return scalar }
    return nil
  }
}

public struct YAMLEntry: Hashable, Sendable {
  public var key: YAMLNode
  public var value: YAMLNode
}

/// A scalar's text exactly as written, with its style: validation decides what it means
/// from the field's type, not from YAML 1.1's resolution (`no` is not `false` for a title).
public struct YAMLScalar: Hashable, Sendable {
  public enum Style: Hashable, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  public var text: String
  public var style: Style
  /// The explicit tag, fully resolved (`tag:yaml.org,2002:str` for `!!str`), if any.
  public var tag: String?

  public static let stringTag = "tag:yaml.org,2002:str"

  /// Plain scalars are the only ones YAML resolves to booleans, numbers or null.
  public var isResolvable: Bool { style == .plain && tag == nil }

  /// YAML 1.1 reads these plain words as booleans.
  public var isYAML11Boolean: Bool {
    isResolvable && Self.booleans.contains(text)
  }

  public var isNull: Bool {
    isResolvable && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
  }

  private static let booleans: Set<String> = [
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
    "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
  ]
}
