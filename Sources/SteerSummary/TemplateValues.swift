import Mustache
import SteerOutput

/// A value of the summary's model as its templates read it: each type names its fields once, in
/// one table (docs/templates.md documents every name, and a test compares the two). A field
/// that does not apply to a value answers nil, so that Mustache looks the name up in the values
/// around it, as it does for a dictionary without that key.
package protocol TemplateValue: MustacheParent, MustacheTransformable {
  static var fields: TemplateFields<Self> { get }
}

/// A type's field names, and how a value answers each: a number, a flag, a list or another value
/// as itself; a text of a list's element as a `TemplateText` (false in a section when empty), one
/// of the summary's single parts (the root, `status`, `vision`, `last_retro`…) as a `String`
/// (true even when empty): what the dictionaries this model replaced answered, so that a team's
/// own template renders the same.
package struct TemplateFields<Value>: ExpressibleByDictionaryLiteral, Sendable {
  package let answers: [String: @Sendable (Value) -> Any?]

  package init(dictionaryLiteral elements: (String, @Sendable (Value) -> Any?)...) {
    answers = Dictionary(uniqueKeysWithValues: elements)
  }

  package var names: Set<String> { Set(answers.keys) }
}

extension TemplateValue {
  package func child(named name: String) -> Any? { Self.fields.answers[name]?(self) }

  /// A dictionary's transforms (`count`, `empty`, `enumerated`, `sorted`), over the fields this
  /// value has: what a template applied to the dictionaries this model once was.
  package func transform(_ name: String) -> Any? { Self.fields.answers.compactMapValues { $0(self) }.transform(name) }
}

/// A value with no field of its own: `vision` for a ledger without one, so that `{{#vision}}`
/// still shows its frame.
struct NoFields: TemplateValue {
  static let fields: TemplateFields<Self> = [:]
}

/// Every label in the reader's language, by key (`{{labels.vision}}`, `{{labels.portfolio_fit}}`).
struct TemplateLabels: MustacheParent, MustacheTransformable {
  let localizer: Localizer

  func child(named name: String) -> Any? { localizer.label(named: name) }
  func transform(_ name: String) -> Any? { localizer.labels.transform(name) }
}

/// A text of the model: rendered as the text, escaped as the template's content type says.
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
