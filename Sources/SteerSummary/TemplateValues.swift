import Mustache

/// One element of a view-model list (a finding, a use case, an indicator…): its fields by
/// name, as a dictionary would hold them, and rendered the same. Its own type because a
/// large ledger's summary renders tens of thousands of them: Mustache finds a field of this
/// type, and a text among the fields, with fewer dynamic casts than it needs for a dictionary
/// of `String`s (a third less time rendering a large summary).
public struct TemplateRow: MustacheParent, MustacheTransformable {
  /// Texts are held as `TemplateText`, everything else as given.
  public let fields: [String: Any]

  public init(_ fields: [String: Any]) {
    self.fields = fields.mapValues { value -> Any in
      if let text = value as? String { return TemplateText(text) }
      return value
    }
  }

  public func child(named name: String) -> Any? { fields[name] }
  /// A dictionary's transforms (`count`, `empty`, `enumerated`, `sorted`).
  public func transform(_ name: String) -> Any? { fields.transform(name) }
}

/// A text of a `TemplateRow`: rendered as the text, escaped as the template's content type says.
/// An empty text is false in a section, so `{{#goal}}…{{/goal}}` prints no label before nothing.
public struct TemplateText: MustacheCustomRenderable, MustacheTransformable, CustomStringConvertible {
  public let renderText: String

  public init(_ text: String) { renderText = text }

  public var isNull: Bool { renderText.isEmpty }
  public var description: String { renderText }
  /// A string's transforms (`uppercased`, `capitalized`…).
  public func transform(_ name: String) -> Any? { renderText.transform(name) }
}

/// `list.0`, the first element of a list (nothing when it is empty), so that `{{#list.0}}…{{/list.0}}`
/// shows a heading only above a list with something in it, as docs/templates.md says.
/// swift-mustache looks up names in arrays by reflection, where no element is named.
extension Array: @retroactive MustacheParent {
  public func child(named name: String) -> Any? {
    guard let position = Int(name), indices.contains(position) else { return nil }
    return self[position]
  }
}
