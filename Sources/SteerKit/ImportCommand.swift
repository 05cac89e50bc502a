import SteerFiles
import SteerLoading
import SteerModel
import SteerWriting

/// What `steer import measurements` is asked.
public struct MeasurementImportRequest: Sendable {
  /// A CSV file's path (from the current directory) or an `https://` URL.
  public var source: String
  public var indicator: String
  public var columns: MeasurementImport.Columns
  /// What every row's `source` says where the source's own column gives nothing.
  public var sourceText: String?
  /// `,`, `;` or `tab`; nil: judged from the header line.
  public var separator: String?
  public var replace: Bool
  public var dryRun: Bool
  public var timeout: Int

  public init(
    source: String, indicator: String, columns: MeasurementImport.Columns = .init(), sourceText: String? = nil,
    separator: String? = nil, replace: Bool = false, dryRun: Bool = false, timeout: Int = 30
  ) {
    self.source = source
    self.indicator = indicator
    self.columns = columns
    self.sourceText = sourceText
    self.separator = separator
    self.replace = replace
    self.dryRun = dryRun
    self.timeout = timeout
  }
}

extension Session {
  /// `steer import measurements`: reads the source, merges its rows into the indicator's
  /// series file and writes it (atomically) unless nothing changes or `--dry-run`.
  public func importMeasurementsOutcome(_ request: MeasurementImportRequest) throws -> CommandOutcome {
    let say = Wording(language)
    try Download.validate(timeout: request.timeout)
    let loaded = try loadLedger()
    try requireIndicator(request.indicator, in: loaded.ledger)
    guard let base = workspace.workTreePath(ledgerDirectory), workspace.commit == nil else {
      throw SteerError(
        en: "there is no work tree to write into (a bare repository, or --rev)",
        fr: "il n'y a pas de copie de travail où écrire (dépôt nu, ou --rev)")
    }
    let isURL = Download.isURL(request.source)
    let sourceBytes =
      try isURL ? Download.bytes(of: request.source, timeout: request.timeout) : readSource(request.source)
    let rows = try MeasurementImport.rows(
      sourceBytes, columns: request.columns, source: request.sourceText ?? (isURL ? request.source : nil),
      separator: try separator(request.separator), shownAs: request.source)
    try refuseRetroConflicts(rows, indicator: request.indicator, in: loaded.ledger)
    let relative = MeasurementSeries.directory + "/" + request.indicator + ".csv"
    let shown = (ledgerDirectory.isEmpty ? "" : ledgerDirectory + "/") + relative
    let path = base + "/" + relative
    let existing: [UInt8]? =
      switch FileSystem.contents(of: path, limit: FrontMatter.maximumFileSize) {
      case .bytes(let bytes): bytes
      case .tooLarge, .unreadable: FileSystem.exists(path) ? try unreadableSeries(shown) : nil
      }
    let merge = try MeasurementImport.merge(
      rows, into: existing, path: shown, indicator: request.indicator, replace: request.replace, language: language)
    var outcome = CommandOutcome(language: language)
    if !merge.conflicts.isEmpty && !request.replace {
      throw conflictError(merge.conflicts, shown)
    }
    // English shows the value as the file will hold it; French as French writes numbers.
    let figure = { (value: Double) in say(en: value.plainText(), fr: "\(say.number(value, digits: 9))") }
    for row in merge.added { outcome.say("  + \(row.date)  \(figure(row.value))") }
    for (old, new) in merge.conflicts {
      outcome.say("  ~ \(new.date)  \(figure(old.value)) → \(figure(new.value))")
    }
    let counts = say.importCounts(merge.added.count, request.replace ? merge.conflicts.count : 0, merge.unchanged)
    guard let bytes = merge.bytes else {
      outcome.say(say.importNothing(shown, counts))
      return outcome
    }
    if request.dryRun {
      outcome.say(say.importWouldWrite(shown, counts))
      return outcome
    }
    do {
      try FileOutput.write(bytes, to: path)
    } catch {
      throw SteerError.file(shown, error)
    }
    outcome.say(say.importWrote(shown, counts))
    return outcome
  }

  private func requireIndicator(_ id: String, in ledger: Ledger) throws(SteerError) {
    let indicators = ledger.objectives.flatMap { $0.indicators.map(\.id.value) }
    guard !indicators.contains(id) else { return }
    let closest = Suggestion.closest(to: id, among: indicators)
    throw SteerError(
      en: "no objective declares the indicator '\(id)'", fr: "aucun objectif ne déclare l'indicateur « \(id) »",
      hint: closest.map { (en: "did you mean '\($0)'?", fr: "vouliez-vous dire « \($0) » ?") }
        ?? (
          en: "declare it in an objective's `indicators` first",
          fr: "déclarez-le d'abord dans les `indicators` d'un objectif"
        ))
  }

  private func readSource(_ source: String) throws(SteerError) -> [UInt8] {
    switch FileSystem.contents(of: absolute(source), limit: Download.maximumSize) {
    case .bytes(let bytes): return bytes
    case .tooLarge:
      throw SteerError(en: "\(source) is larger than 64 MiB", fr: "\(source) dépasse 64 Mio")
    case .unreadable(let reason):
      throw SteerError(
        en: "cannot read \(source): \(reason.text(Wording(.en)))",
        fr: "impossible de lire \(source) : \(reason.text(Wording(.fr)))")
    }
  }

  private func separator(_ name: String?) throws(SteerError) -> UInt8? {
    switch name {
    case nil: nil
    case ","?, "comma"?: UInt8(ascii: ",")
    case ";"?, "semicolon"?: UInt8(ascii: ";")
    case "tab"?, "\t"?: UInt8(ascii: "\t")
    case let other?:
      throw SteerError(
        en: "--separator must be ',', ';' or 'tab', not '\(other)'",
        fr: "--separator vaut « , », « ; » ou « tab », pas « \(other) »")
    }
  }

  /// A retrospective's measurement is what its committee recorded: a source row giving its
  /// date another value is refused, even with --replace, which replaces only the series' rows
  /// (docs/format.md). The same value is no conflict: the one series keeps it once.
  private func refuseRetroConflicts(_ rows: [MeasurementImport.Row], indicator: String, in ledger: Ledger)
    throws(SteerError)
  {
    var measured: [CalendarDate: (file: String, line: Int, value: Double)] = [:]
    for retro in ledger.retros.sorted(by: { $0.file > $1.file }) {
      for measurement in retro.measurements where measurement.indicator.value == indicator {
        measured[measurement.date] = (retro.file, measurement.locations["value"].line, measurement.value)
      }
    }
    let conflicts = rows.compactMap { row in
      measured[row.date].flatMap { $0.value != row.value ? (row, $0) : nil }
    }
    guard !conflicts.isEmpty else { return }
    let en = conflicts.map { row, retro in
      "\n  \(row.date): \(retro.value.plainText()) in \(retro.file) (line \(retro.line)), \(row.value.plainText()) in the source (line \(row.line))"
    }.joined()
    let say = Wording(.fr)
    let fr = conflicts.map { row, retro in
      French(
        "\n  \(say.inSentence(row.date)) : \(say.number(retro.value, digits: 9)) dans \(retro.file) (ligne \(line: retro.line)), \(say.number(row.value, digits: 9)) dans la source (ligne \(line: row.line))"
      ).text
    }.joined()
    throw Self.conflicts(
      conflicts.count, of: (en: "the source", fr: "la source"),
      where: (en: " in a retrospective", fr: " dans une rétrospective"),
      listed: (en, fr),
      hint: (
        en:
          "an import never replaces a retrospective's measurement, even with --replace: correct the retrospective, or leave the row out of the source",
        fr:
          "un import ne remplace jamais la mesure d'une rétrospective, même avec --replace : corrigez la rétrospective, ou retirez la ligne de la source"
      ))
  }

  private func unreadableSeries(_ shown: String) throws(SteerError) -> [UInt8]? {
    throw SteerError(
      en: "\(shown) stands there but cannot be read", fr: "\(shown) existe mais ne peut pas être lu",
      hint: (en: "run `steer check` to see why", fr: "lancez `steer check` pour savoir pourquoi"))
  }

  private func conflictError(_ conflicts: [(old: MeasurementSeries.Row, new: MeasurementImport.Row)], _ shown: String)
    -> SteerError
  {
    let en = conflicts.map {
      "\n  \($0.new.date): \($0.old.value.plainText()) in the series, \($0.new.value.plainText()) in the source (line \($0.new.line))"
    }.joined()
    let say = Wording(.fr)
    let fr = conflicts.map {
      French(
        "\n  \(say.inSentence($0.new.date)) : \(say.number($0.old.value, digits: 9)) dans la série, \(say.number($0.new.value, digits: 9)) dans la source (ligne \(line: $0.new.line))"
      ).text
    }.joined()
    return Self.conflicts(
      conflicts.count, of: (en: shown, fr: shown), where: (en: "", fr: ""), listed: (en, fr),
      hint: (
        en: "to take the source's values, import again with --replace",
        fr: "pour retenir les valeurs de la source, importez à nouveau avec --replace"
      ))
  }

  /// "N dates of SUBJECT already have another value (WHERE); nothing was written:" and the dates listed.
  private static func conflicts(
    _ count: Int, of subject: (en: String, fr: String), where place: (en: String, fr: String),
    listed: (en: String, fr: String), hint: (en: String, fr: French)
  ) -> SteerError {
    SteerError(
      en:
        "\(count) date\(count == 1 ? "" : "s") of \(subject.en) already \(count == 1 ? "has" : "have") another value\(place.en); nothing was written:\(listed.en)",
      fr:
        "\(Wording(.fr).count(count, en: ("date", "dates"), fr: ("date", "dates"))) \(de: subject.fr) \(count < 2 ? "a" : "ont") déjà une autre valeur\(place.fr) ; rien n'a été écrit :\(listed.fr)",
      hint: hint)
  }
}

extension Wording {
  func importCounts(_ added: Int, _ replaced: Int, _ unchanged: Int) -> String {
    self(
      en: "\(added) row\(added == 1 ? "" : "s") added, \(replaced) replaced, \(unchanged) already there",
      fr:
        "\(added) ligne\(added > 1 ? "s" : "") ajoutée\(added > 1 ? "s" : ""), \(replaced) remplacée\(replaced > 1 ? "s" : ""), \(unchanged) déjà présente\(unchanged > 1 ? "s" : "")"
    )
  }

  func importNothing(_ path: String, _ counts: String) -> String {
    self(en: "Nothing to change in \(path) (\(counts)).", fr: "Rien à changer dans \(path) (\(counts)).")
  }

  func importWouldWrite(_ path: String, _ counts: String) -> String {
    self(
      en: "Would write \(path) (\(counts)); nothing written (--dry-run).",
      fr: "Écrirait \(path) (\(counts)) ; rien n'est écrit (--dry-run).")
  }

  func importWrote(_ path: String, _ counts: String) -> String {
    self(en: "Wrote \(path) (\(counts)).", fr: "Écrit : \(path) (\(counts)).")
  }
}
