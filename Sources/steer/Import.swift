import ArgumentParser
import SteerKit
import SteerModel
import SteerWriting

struct Import: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bring data from outside into the ledger.", subcommands: [Measurements.self])

  struct Measurements: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "measurements",
      abstract: "Add an indicator's measurements from a CSV file or an https:// URL to its series file.",
      discussion: """
        Reads SOURCE (a CSV with a header line, separated by commas, semicolons or tabs), takes each row's \
        date and value from the columns named, converts dates such as 31/01/2026 or 2026-01 and decimal \
        commas, and merges the rows into measurements/INDICATOR.csv in date order. A row already there is \
        kept; a date already measured with another value is refused unless --replace. When a row of SOURCE \
        cannot be read, every such row is reported with its line and nothing is written. A second identical \
        import changes nothing.
        """)

    @Argument(help: "A CSV file's path, or the https:// URL of one.")
    var source: String

    @Option(help: "The indicator whose series receives the rows (an id declared in an objective).")
    var indicator: String

    @Option(help: "The column holding each row's date (default: date).")
    var dateColumn: String = "date"

    @Option(help: "The column holding each row's value (default: value).")
    var valueColumn: String = "value"

    @Option(help: "A column holding each row's source, written to the series' source column.")
    var sourceColumn: String?

    @Option(help: "A column holding a note for each row, written to the series' note column.")
    var noteColumn: String?

    @Option(
      name: .customLong("source"),
      help:
        "What every row's source says where --source-column gives none (default: the URL for a URL, nothing for a file)."
    )
    var sourceText: String?

    @Option(help: "The source's field separator: ',', ';' or 'tab' (default: judged from its header line).")
    var separator: String?

    @Flag(help: "Take the source's value where the series already has another for the same date.")
    var replace = false

    @Flag(help: "Print what would change, and write nothing.")
    var dryRun = false

    // Unconditional: `-1` is this option's value (which the command refuses in its own words), not a flag.
    @Option(
      parsing: .unconditional, help: "Seconds a download may make no progress before it fails (default: 30).",
      transform: Int.refusing { $0.timeoutTakesANumber })
    var timeout: Int = 30

    @OptionGroup var target: LedgerOption

    func run() throws {
      let request = MeasurementImportRequest(
        source: source, indicator: indicator,
        columns: MeasurementImport.Columns(
          date: dateColumn, value: valueColumn, source: sourceColumn, note: noteColumn),
        sourceText: sourceText, separator: separator, replace: replace, dryRun: dryRun, timeout: timeout)
      try CommandOutcome.running(target.options) { try $0.importMeasurementsOutcome(request) }.end()
    }
  }
}
