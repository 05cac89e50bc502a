/// docs/open-data.md's tables of the exported files and columns, generated from
/// `ExportSchema`: the docs cannot drift from what `steer export` writes.
public enum OpenDataDocumentation {
  public static let start =
    "<!-- Generated from ExportSchema (Sources/SteerOpenData/ExportSchema.swift) by the test suite:\n"
    + "     run `STEER_RECORD=1 swift test` after changing it. Do not edit by hand. -->"
  public static let end = "<!-- End of the generated tables. -->"

  /// The tables, between `start` and `end`.
  public static func markdown() -> String {
    var lines = [start, ""]
    for resource in ExportSchema.resources {
      let keys = resource.foreignKeys.map { "`\($0.column)` → `\($0.resource).\($0.referencedColumn)`" }
      lines += [
        "### `\(resource.fileName)`\(resource.isRegionOnly ? " (a region only)" : "")\(resource.isTechnicalOnly ? " (`technical` only)" : "")",
        "",
        "One row per \(resource.row.en.split(separator: " ", maxSplits: 1).last ?? ""). Table Schema: "
          + "`\(resource.schemaPath)`; primary key: \(resource.primaryKey.map { "`\($0)`" }.joined(separator: ", "))"
          + (keys.isEmpty ? "." : "; foreign keys: \(keys.joined(separator: ", ")).")
          + (resource.name == "members" ? " Then a column per metric of `metrics.csv`, named by the metric." : ""),
        "", "| column | type | required | values | description |", "|---|---|---|---|---|",
      ]
      let columns = resource.name == "members" ? resource.columns.prefix(5) : resource.columns[...]
      for column in columns {
        let values =
          column.values.map { $0.map { "`\($0)`" }.joined(separator: ", ") } ?? (column.isList ? "`;`-separated" : "")
        lines.append(
          "| `\(column.name)` | \(column.type.rawValue) | \(column.isRequired ? "yes" : "") | \(values) | "
            + "\(column.description.en.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")) |"
        )
      }
      lines.append("")
    }
    return (lines + [end]).joined(separator: "\n")
  }
}
