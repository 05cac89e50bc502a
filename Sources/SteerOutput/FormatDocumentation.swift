import SteerChecks
import SteerModel

/// docs/format.md, written from the field tables: the documentation cannot drift from
/// what `steer check` accepts (a test compares the file with this output).
public enum FormatDocumentation {
  public static func markdown() -> String {
    var lines = [
      "# The ledger format",
      "",
      "<!-- Generated from the field tables in Sources/SteerModel/FieldTables.swift by the test suite:",
      "     run `STEER_RECORD=1 swift test` after changing them. Do not edit by hand. -->",
      "",
      "A ledger is a directory (`vision/` by default) of Markdown files, each starting with YAML front",
      "matter between two `---` lines. The directory a file stands in decides its kind; the file's",
      "name without `.md` is its id. Ids match `\(Identifier.pattern)` and are unique across the",
      "whole ledger (axes, rollout steps and indicators included); retrospectives are named after",
      "the iteration they review. Files whose name starts with `_` or `.`, files that are not `.md`,",
      "and `README.md` at the ledger root are not documents. Dates are `YYYY-MM-DD`. A word that",
      "YAML 1.1 reads as a boolean (`no`, `on`, `yes`, `off`, …) must be quoted where text or an id",
      "is expected. Anchors and aliases are refused; files are limited to 1 MiB. A document whose",
      "fields are clearly another kind's (a retrospective's `date` and `participants` in `usecases/`) is",
      "one error that names that kind and the folder to move it to, not a list of missing fields.",
      "",
      "Lines end where YAML ends them (LF, CR LF, a lone CR, NEL, LS, PS) and a UTF-8 byte-order mark is allowed;",
      "what Steer rewrites keeps each file's own line endings. What the documents must say together — dates in",
      "order, references that exist, a roadmap that holds — is in `docs/rules.md`; the metrics in `docs/metrics.md`.",
      "",
      "The format's words are English whatever the ledger's language (`increase`, `reservations`, `deployed`),",
      "and numbers take a decimal point (`71.5`). What a French writer often writes instead is recognised, and",
      "the hint (and the editor's quick fix) gives what to write: a decimal comma (`71,5`, which YAML splits",
      "into 71 and a field `5` in a `{…}` mapping), a date day first (`10/02/2026` → `2026-02-10`), the words",
      "Steer prints in French (`hausse` → `increase`, `réserves` → `reservations`, `prévue` → `planned`, for",
      "every field below that takes one of a few words), an id with accents or capitals (`it-2026-été` →",
      "`it-2026-ete`), a tag or a word with a capital (`Estimation` → `estimation`), and the beginning of one",
      "id only (`dsi` → `dsi-mutualisee`).",
      "",
    ]
    for kind in DocumentKind.allCases {
      let place = kind.directory.map { "`<ledger>/\($0)/<id>.md`" } ?? "`<ledger>/\(DocumentKind.visionFileName)`"
      lines += ["## \(kind.rawValue) (\(place))", "", kind.summary(Wording()), ""]
      lines += table(kind.fields)
    }
    lines += seriesSection
    lines += [
      "## Configuration (`\(Configuration.fileName)` at the repository root)", "",
      "Optional. Unknown keys, rule ids and metric names are `schema` errors at their position.", "",
    ]
    lines += table(FieldTables.configuration)
    return lines.joined(separator: "\n") + "\n"
  }

  /// Measurement series are CSV, not front matter: no field table, the columns instead.
  private static let seriesSection = [
    "## measurement series (`<ledger>/\(MeasurementSeries.directory)/<indicator id>.csv`)", "",
    "An indicator measured often (monthly counts, a sensor's series, an open-data extract) keeps its",
    "values in a CSV file named after the indicator, one row a measurement:", "",
    "```csv",
    "date,value,source,note",
    "2026-01-31,412,data.gouv.fr:compteurs-velo,",
    "2026-02-28,455,data.gouv.fr:compteurs-velo,\"capteur 3 en panne, 4 jours\"",
    "```", "",
    "| column | type | required | notes |",
    "|---|---|---|---|",
    "| `date` | a date (YYYY-MM-DD) | yes | one row per date, rows in date order |",
    "| `value` | a number | yes | with a decimal point: `71.5`, never `71,5` |",
    "| `source` | text |  | where the value comes from, so that a published figure can be traced back |",
    "| `note` | text |  | anything a reader of the figure should know |", "",
    "- UTF-8, comma-separated, with a header line naming the columns in any order; RFC 4180 quoting (a",
    "  field holding a comma, a quote or a line break is written in double quotes, a quote inside it",
    "  doubled: `\"\"`); lines may end in LF, CR LF or CR, and a byte-order mark is allowed. A file a",
    "  spreadsheet saved with `;` between columns is one error that says so (`steer import measurements`",
    "  converts it). Any other",
    "  column is an error; so is a missing `date` or `value`, a row with another number of fields than",
    "  the header, a date that is not `YYYY-MM-DD` (the hint gives `2026-01-31` for `31/01/2026`) or a day",
    "  the calendar does not have (`2026-04-31`: the hint says April 2026 has 30 days, as it does in front",
    "  matter), a value",
    "  that is not a number (a decimal comma says so, and gives the value with a point), a row dated",
    "  before the row above it, and a second row for a date. Findings name the file, line and column.",
    "- The file's stem must be the id of an indicator declared in an objective (`dangling-reference`).",
    "- These rows and the retrospectives' `measurements` are one series: every metric, chart, summary",
    "  and site page reads both. A row that a retrospective gives too (same date, same value) counts",
    "  once; the same date with two different values is a `measurement-conflict` warning that names",
    "  both places.",
    "- `steer import measurements SOURCE --indicator ID` writes these files from a spreadsheet's or a",
    "  data portal's CSV (README, Measurement series).", "",
  ]

  private static func table(_ specs: [FieldSpec]) -> [String] {
    var rows = ["| field | type | required | notes |", "|---|---|---|---|"]
    var nested: [(name: String, fields: [FieldSpec], isList: Bool)] = []
    for spec in specs {
      var type = spec.type.summary(Wording())
      if case .list(_, let minimum) = spec.type, minimum > 0 { type += ", at least \(minimum)" }
      rows.append(
        "| `\(spec.name)` | \(escape(type)) | \(spec.isRequired ? "yes" : "") | \(escape(spec.summary(Wording()))) |")
      switch spec.type {
      case .object(let fields): nested.append((spec.name, fields, false))
      case .list(.object(let fields), _): nested.append((spec.name, fields, true))
      default: break
      }
    }
    rows.append("")
    for (name, fields, isList) in nested {
      rows += [isList ? "Each entry of `\(name)`:" : "The fields of `\(name)`:", ""]
      rows += table(fields)
    }
    return rows
  }

  private static func escape(_ text: String) -> String {
    text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
  }
}
