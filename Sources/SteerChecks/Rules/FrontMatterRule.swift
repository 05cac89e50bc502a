import SteerModel

/// Reported by the loader: the front matter could not be read at all.
public struct FrontMatterRule: Rule {
  public static let description = RuleDescription(
    id: ReadingRule.frontMatter.rawValue, category: .reading, defaultSeverity: .error,
    summary:
      "A document has no front matter, an unterminated one, a YAML syntax error, is not UTF-8, is larger than 1 MiB, uses YAML anchors or aliases, or nests deeper than 32 levels.",
    rationale:
      "A file Steer cannot read is a part of the shared vision that nobody can check: its decisions silently drop out of every summary.",
    examples: [
      RuleExample(triggers: true, ["usecases/kiosk.md": "↓# Beach kiosk\n\nNo front matter.\n"]),
      RuleExample(triggers: true, ["usecases/kiosk.md": "---\ntitle: Beach kiosk\nobjectives: [clean-water\n↓---\n"]),
      RuleExample(
        triggers: false,
        [
          "usecases/kiosk.md":
            "---\ntitle: Beach kiosk\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\n---\n"
        ]),
    ])

  public func check(_ context: RuleContext) -> [Finding] { [] }
}
