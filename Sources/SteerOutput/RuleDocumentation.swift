import SteerChecks
import SteerModel

/// `steer rules`, `steer explain RULE` and docs/rules.md, all from the rule catalogue.
public enum RuleDocumentation {
  /// One line per rule, grouped by category.
  public static func list() -> String {
    var lines: [String] = []
    let width = RuleCatalogue.descriptions.map(\.id.count).max() ?? 0
    for category in RuleDescription.Category.allCases {
      lines.append(category.rawValue)
      for rule in RuleCatalogue.descriptions where rule.category == category {
        let id = rule.id.padding(to: width)
        lines.append("  \(id)  \(rule.defaultSeverity.rawValue.padding(to: 7))  \(rule.summary)")
      }
      lines.append("")
    }
    lines.append("`steer explain RULE` says why a rule matters and shows its examples.")
    return lines.joined(separator: "\n") + "\n"
  }

  /// The page of one rule, in Markdown (readable as plain text too).
  public static func page(_ rule: RuleDescription, headingLevel: Int = 1) -> String {
    let heading = String(repeating: "#", count: headingLevel)
    var lines = [
      "\(heading) `\(rule.id)`",
      "",
      "\(rule.category.rawValue) · default severity: \(rule.defaultSeverity.rawValue)"
        + (rule.canBeRegraded ? "" : " (cannot be re-graded or suppressed)"),
      "",
      rule.summary,
      "",
      "**Why it matters.** \(rule.rationale)",
      "",
    ]
    for example in rule.examples {
      lines.append(example.triggers ? "**Triggers** (↓ marks the finding):" : "**Does not trigger:**")
      lines.append("")
      if example.files.isEmpty {
        lines += ["The example ledger as it is (see `ExampleLedger` in the source).", ""]
      }
      for (path, text) in example.files.sorted(by: { $0.key < $1.key }) {
        lines += ["`\(path)`", "", "```markdown", text.hasSuffix("\n") ? String(text.dropLast()) : text, "```", ""]
      }
    }
    if rule.canBeRegraded {
      lines += [
        "Re-grade it in `.steer.yaml` (`rules: {\(rule.id): error|warning|off}`), or silence one finding with",
        "`# steer-disable-next-line \(rule.id)` in front matter or `<!-- steer-disable \(rule.id) -->` in the body.",
        "",
      ]
    }
    return lines.joined(separator: "\n")
  }

  /// docs/rules.md.
  public static func markdown() -> String {
    var lines = [
      "# Rules",
      "",
      "<!-- Generated from the rule catalogue (Sources/SteerChecks/Rules/) by the test suite:",
      "     run `STEER_RECORD=1 swift test` after changing a rule. Do not edit by hand. -->",
      "",
      "Every rule's examples below run through the real checker in the test suite. Examples are laid",
      "over a small example ledger on which no rule reports anything.",
      "",
      "| rule | category | default | fires when |",
      "|---|---|---|---|",
    ]
    for rule in RuleCatalogue.descriptions {
      lines.append(
        "| [`\(rule.id)`](#\(rule.id)) | \(rule.category.rawValue) | \(rule.defaultSeverity.rawValue) | \(rule.summary.replacingPipes) |"
      )
    }
    lines.append("")
    for rule in RuleCatalogue.descriptions {
      lines.append(page(rule, headingLevel: 2))
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  fileprivate func padding(to width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }

  fileprivate var replacingPipes: String {
    split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
  }
}
