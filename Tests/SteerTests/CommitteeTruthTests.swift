import Foundation
import SteerKit
import SteerModel
import SteerSummary
import SteerWriting
import Testing

/// What a steering committee reads says what is true, in a person's words and in agreed French:
/// each test is a defect a French-speaking reader met.
@Suite struct CommitteeTruthTests {
  private static let day = CalendarDate(year: 2026, month: 11, day: 21)!

  /// French spacing (narrow and non-breaking spaces) read as plain spaces, for the expectations.
  private static func plain(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
  }

  private func summary(
    _ directory: String, _ language: Language, _ audience: Audience, _ format: SummaryFormat = .md,
    since: String? = nil
  ) throws -> String {
    Self.plain(
      try session(directory, language: language).summary(
        SummaryRequest(format: format, audience: audience, since: since, trend: 0, today: Self.day)))
  }

  /// The reference ledger with more written at the end of its `.steer.yaml`.
  private func reference(configuring more: String) throws -> TemporaryDirectory {
    let directory = try referenceRepository()
    try directory.write(".steer.yaml", try directory.read(".steer.yaml") + more)
    return directory
  }

  // MARK: 1. A missed gate is a commitment not kept, not a data-quality error

  @Test func aMissedGateIsNotADataQualityError() throws {
    let directory = try reference(configuring: "  progress: 0.9\n")
    defer { directory.remove() }
    for audience in [Audience.elected, .technical] {
      for format in [SummaryFormat.md, .html] {
        let french = try summary(directory.path, .fr, audience, format)
        #expect(
          french.contains("l&#39;engagement « Avancement » n&#39;est pas tenu : 45,6 % pour un minimum de 90 %")
            || french.contains("l'engagement « Avancement » n'est pas tenu : 45,6 % pour un minimum de 90 %"))
        #expect(!french.contains("Qualité des données"), "\(audience) \(format)")
        let english = try summary(directory.path, .en, audience, format)
        #expect(!english.contains("Data quality"), "\(audience) \(format)")
      }
    }
    _ = try session(directory.path, language: .fr).site(audience: .technical, to: "site", today: Self.day)
    let index = Self.plain(try directory.read("site/index.html"))
    #expect(index.contains("« Avancement » n&#39;est pas tenu"))
    #expect(!index.contains("Qualité des données"))
  }

  /// With another error beside the gate, the line counts that error only.
  @Test func theDataQualityLineCountsTheOtherErrorsOnly() throws {
    let directory = try reference(configuring: "  progress: 0.9\nrules:\n  overdue-action: error\n")
    defer { directory.remove() }
    let report = try check(in: directory.path).report
    #expect(report.diagnostics.filter { $0.severity == .error }.map(\.rule).sorted() == ["gate", "overdue-action"])
    #expect(
      try summary(directory.path, .fr, .elected).contains(
        "> **Qualité des données** — Le registre comporte 1 erreur (steer check) : corrigez-la avant le comité ; d'ici là, ses chiffres ne sont pas fiables."
      ))
    #expect(
      try summary(directory.path, .en, .technical).contains(
        "> **Data quality** — The ledger has 1 error (steer check): fix it before the committee; until then its figures cannot be trusted."
      ))
  }

  // MARK: 2. Gates not evaluated: the files named, and only what is true

  private func gateFinding(_ directory: String, _ language: Language) throws -> Diagnostic {
    try #require(
      try session(directory, language: language).check().report.diagnostics.first { $0.rule == "gate" })
  }

  private func metrics(_ directory: String, _ language: Language) throws -> (output: String, errors: String) {
    let collected = try session(directory, language: language).metricsOutcome(format: .text).collected()
    return (Self.plain(collected.output), Self.plain(collected.errors))
  }

  @Test func gatesNotEvaluatedNameTheFileThatCannotBeRead() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(".steer.yaml", "gates:\n  coverage: 1\n")
    let useCase = try directory.read("vision/usecases/water-sensors.md")
    try directory.write(
      "vision/usecases/water-sensors.md", useCase.replacingOccurrences(of: "\nphase:", with: "\nphse:"))

    let french = try gateFinding(directory.path, .fr)
    #expect(
      Self.plain(french.message)
        == "les seuils ne sont pas évalués tant que vision/usecases/water-sensors.md comporte des erreurs de lecture : leurs indicateurs seraient faux"
    )
    #expect(french.hint == "corrigez d'abord les erreurs de lecture de ce fichier")
    let english = try gateFinding(directory.path, .en)
    #expect(
      english.message
        == "the gates are not evaluated while vision/usecases/water-sensors.md has reading errors: their metrics would be wrong"
    )
    #expect(english.hint == "fix the reading errors of that file first")
    #expect(
      try metrics(directory.path, .fr).output.contains(
        "SEUILS\n\nnon évalués tant que vision/usecases/water-sensors.md comporte des erreurs de lecture (voir steer check)"
      ))

    // Two files: the first named, and how many more.
    let objective = try directory.read("vision/objectives/clean-water.md")
    try directory.write(
      "vision/objectives/clean-water.md", objective.replacingOccurrences(of: "\ntitle:", with: "\ntitel:"))
    #expect(
      Self.plain(try gateFinding(directory.path, .fr).message)
        == "les seuils ne sont pas évalués tant que vision/objectives/clean-water.md et 1 autre fichier comportent des erreurs de lecture : leurs indicateurs seraient faux"
    )
    #expect(try gateFinding(directory.path, .fr).hint == "corrigez d'abord les erreurs de lecture de ces fichiers")
    #expect(
      try gateFinding(directory.path, .en).message
        == "the gates are not evaluated while vision/objectives/clean-water.md and 1 other file have reading errors: their metrics would be wrong"
    )
    #expect(
      try metrics(directory.path, .en).errors
        == "steer: warning: vision/objectives/clean-water.md and 1 other file have reading errors; the metrics leave out what cannot be read (run `steer check`)\n"
    )
  }

  /// Only `.steer.yaml` has errors: every document was read; the gates it still names are not evaluated.
  @Test func aConfigurationErrorAloneLeavesEveryMetricWhole() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(".steer.yaml", "gates: {progres: 0.5, coverage: 1}\n")
    #expect(
      Self.plain(try gateFinding(directory.path, .fr).message)
        == "les seuils ne sont pas évalués tant que .steer.yaml comporte des erreurs de lecture : un seuil peut manquer"
    )
    #expect(
      try gateFinding(directory.path, .en).message
        == "the gates are not evaluated while .steer.yaml has reading errors: a gate may be missing")
    let french = try metrics(directory.path, .fr)
    #expect(
      french.errors
        == "steer : avertissement : .steer.yaml comporte des erreurs de lecture (lancez `steer check`) ; tous les documents ont été lus, mais le seuil « Objectifs couverts » n'est pas évalué\n"
    )
    #expect(
      french.output.contains("non évalués tant que .steer.yaml comporte des erreurs de lecture (voir steer check)"))
    #expect(
      try metrics(directory.path, .en).errors
        == "steer: warning: .steer.yaml has reading errors (run `steer check`); every document was read, but the gate 'Objectives served' is not evaluated\n"
    )
    // Two gates read: both named, the verb agreeing.
    try directory.write(".steer.yaml", "gates: {progres: 0.5, coverage: 1, traceability: 0.9}\n")
    #expect(
      try metrics(directory.path, .fr).errors.contains(
        "mais les seuils « Objectifs couverts » et « Effort au service d'un objectif actif » ne sont pas évalués\n"))
  }

  /// The summary's headline never says the gates are met while they are not evaluated: it names
  /// the file with reading errors instead.
  @Test func theHeadlineNamesTheFileThatStopsTheGates() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(".steer.yaml", "gates:\n  coverage: 1\n")
    let useCase = try directory.read("vision/usecases/water-sensors.md")
    try directory.write(
      "vision/usecases/water-sensors.md", useCase.replacingOccurrences(of: "\nphase:", with: "\nphse:"))
    let french = try summary(directory.path, .fr, .elected)
    #expect(
      french.contains(
        "- aucun seuil n'est évalué tant que vision/usecases/water-sensors.md comporte des erreurs de lecture (voir steer check)"
      ))
    #expect(!french.contains("tous les seuils sont tenus"))
    let english = try summary(directory.path, .en, .elected)
    #expect(
      english.contains(
        "- no gate is evaluated while vision/usecases/water-sensors.md has reading errors (see steer check)"))
    #expect(!english.contains("every gate is met"))

    try directory.write("vision/usecases/water-sensors.md", useCase)
    try directory.write(".steer.yaml", "gates: {progres: 0.5, coverage: 1}\n")
    #expect(
      try summary(directory.path, .fr, .elected).contains(
        "- aucun seuil n'est évalué tant que .steer.yaml comporte des erreurs de lecture (voir steer check)"))
  }

  /// Groups tied for the lowest agreement are named together, each with its first priority.
  @Test func groupsTiedAsTheLeastAlignedAreNamedTogether() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try directory.write(
      "vision/objectives/safe-swimming.md",
      "---\ntitle: Safe swimming\naxis: data\nowner: mayor\n---\n")
    try directory.write(
      "vision/stakeholders/mayor.md",
      "---\nname: The mayor\ngroup: elected\npriorities: {clean-water: 5, safe-swimming: 1}\n---\n")
    try directory.write(
      "vision/stakeholders/residents.md",
      "---\nname: Residents' council\ngroup: citizen\npriorities: {clean-water: 1, safe-swimming: 5}\n---\n")
    #expect(
      try summary(directory.path, .fr, .elected).contains(
        "- Les citoyens et les élus sont les moins alignés sur les priorités partagées (ρ = −1) ; leurs premières priorités : Safe swimming (citoyens), Clean bathing water (élus).\n"
      ))
    #expect(
      try summary(directory.path, .en, .elected).contains(
        "- The citizens and the elected officials are the least aligned with the shared priorities (ρ = −1); they rank first: Safe swimming (citizens), Clean bathing water (elected officials).\n"
      ))
  }

  // MARK: 3. A person's wording, not ids

  @Test func metricsNameWhatTheyList() throws {
    let french = try metrics(referenceCopy, .fr).output
    #expect(
      french.contains(
        "Les moins alignés sur les priorités partagées : Conseil citoyen du littoral (−0,509), Association Vélo Port-Sablon (−0,445), Syndicat départemental d'énergie (−0,165)"
      ))
    #expect(french.contains("\n  Ouvrir les données du territoire "))
    #expect(
      french.contains("étape de déploiement la plus avancée où un cas d'usage est déployé : Bâtiments municipaux"))
    #expect(french.contains("\n  Passage à l'échelle des plages "))
    #expect(french.contains("non livré : Portail de données ouvertes"))
    for id in ["conseil-citoyen", "donnees-ouvertes", "sobriete-energetique", "batiments-municipaux", "it-2026-t3"] {
      #expect(!french.contains(id), "\(id)")
    }
    let english = try metrics(referenceCopy, .en).output
    #expect(english.contains("furthest rollout step with a deployed use case: Bâtiments municipaux"))
    #expect(english.contains("Least aligned with the shared priorities: Conseil citoyen du littoral (−0.509)"))
  }

  /// The `gate` finding names the metric by its label, in `check` as in the technical summary.
  @Test func aGateFindingNamesTheMetricByItsLabel() throws {
    let directory = try reference(configuring: "  progress: 0.9\n")
    defer { directory.remove() }
    #expect(
      Self.plain(try gateFinding(directory.path, .fr).message)
        == "le seuil « Avancement » n'est pas tenu : 45,6 % est sous le minimum de 90 %")
    #expect(
      try gateFinding(directory.path, .en).message == "gate 'Progress' is not met: 45.6% is below the minimum of 90%")
    #expect(
      try summary(directory.path, .fr, .technical).contains(
        "`gate` .steer.yaml:11 — le seuil « Avancement » n'est pas tenu : 45,6 % est sous le minimum de 90 %"))
  }

  /// A gate's value and minimum are written in the metric's own style wherever they appear: a
  /// share as a percentage in `steer metrics` as in the summary's headline.
  @Test func aGateIsWrittenInItsMetricsStyleEverywhere() throws {
    let directory = try reference(configuring: "  progress: 0.9\n")
    defer { directory.remove() }
    let french = Self.plain(try metrics(directory.path, .fr).output)
    #expect(french.contains("progress         NON TENU  45,6 % (minimum 90 %)"))
    #expect(!french.contains("0,456"))
    let english = try metrics(directory.path, .en).output
    #expect(english.contains("progress         NOT MET  45.6% (minimum 90%)"))
    let headline = Self.plain(try summary(directory.path, .fr, .technical))
    #expect(headline.contains("45,6 % pour un minimum de 90 %"))
    #expect(!headline.contains("0,9)"))
  }

  /// The trend's table names every column and writes its shares as the chart's description does
  /// (a tenth of a percent); the chart's axis reads in percent, typeset by language; the gates'
  /// table names its last column.
  @Test func theTrendAndTheGatesNameEveryColumnAndReadInPercent() throws {
    let directory = try referenceRepository()
    defer { directory.remove() }
    for iteration in ["it-2025-t3", "it-2025-t4"] {
      _ = try session(directory.path).recordRetro(RecordRequest(iteration: iteration))
    }
    func render(_ language: Language, _ format: SummaryFormat) throws -> String {
      try session(directory.path, language: language).summary(
        SummaryRequest(format: format, audience: .technical, today: Self.day))
    }
    let french = Self.plain(try render(.fr, .md))
    #expect(french.contains("| Itération | Date | Avancement | Livré comme prévu | Objectifs couverts |"))
    #expect(french.contains("| Socle technique et premières sondes | 2 octobre 2025 | 45,6 % | 85,7 % | 100 % |"))
    #expect(french.contains("| indicateur | valeur | minimum | état |"))
    let english = try render(.en, .md)
    #expect(english.contains("| Iteration | Date | Progress | Delivered as planned | Objectives served |"))
    #expect(english.contains("| 45.6% | 85.7% | 100% |"))
    #expect(english.contains("| metric | value | minimum | status |"))
    #expect(!english.contains("| | |") && !english.contains("| minimum | |"))
    let frenchChart = try render(.fr, .html)
    #expect(frenchChart.contains(">0\u{202F}%</text>") && frenchChart.contains(">100\u{202F}%</text>"))
    #expect(Self.plain(frenchChart).contains("Avancement : 45,6 % → 45,6 %"))
    let englishChart = try render(.en, .html)
    #expect(englishChart.contains(">0%</text>") && englishChart.contains(">100%</text>"))
  }

  /// "Since the last committee": a metric undefined then reads as such, not as a dash among dashes.
  @Test func anUndefinedValueSinceTheLastCommitteeReadsInWords() throws {
    let directory = try referenceRepository()
    defer { directory.remove() }
    try git(["rm", "-q", "-r", "vision/retros"], in: directory.path)
    try git(["commit", "-q", "-m", "Sans rétrospectives"], in: directory.path)
    try git(["checkout", "HEAD~1", "--", "vision/retros"], in: directory.path)
    let french = try summary(directory.path, .fr, .technical, since: "HEAD")
    #expect(french.contains("- Actions menées à bien — non mesurable → 83 %"))
    #expect(!french.contains("— — →"))
    let english = try summary(directory.path, .en, .technical, since: "HEAD")
    #expect(english.contains("- Actions carried out — not measurable → 83%"))
  }

  // MARK: 4. Plural agreement

  @Test func theFindingsCountAgreesWithItsNumber() throws {
    #expect(try summary(referenceCopy, .fr, .technical, .html).contains("<p>0 erreur, 1 avertissement</p>"))
    #expect(try summary(referenceCopy, .en, .technical, .html).contains("<p>0 errors, 1 warning</p>"))
  }

  @Test func theHistoryFooterAgreesWithItsNumbers() throws {
    let directory = try referenceRepository()
    defer { directory.remove() }
    func footer(_ language: Language) throws -> String {
      let output = try session(directory.path, language: language).historyOutcome(format: .text).collected().output
      return Self.plain(String(output.split(separator: "\n").last ?? ""))
    }
    #expect(
      try footer(.fr)
        == "1 relevé (commits qui ont modifié retros/) ; 76 versions de documents analysées et 0 reprise du cache pour 76 documents lus."
    )
    // Now from the cache.
    #expect(
      try footer(.fr)
        == "1 relevé (commits qui ont modifié retros/) ; 0 version de document analysée et 76 reprises du cache pour 76 documents lus."
    )
    #expect(
      try footer(.en)
        == "1 snapshot (commits that changed retros/); 0 document versions parsed and 76 taken from the cache for 76 documents read."
    )
  }

  // MARK: 5. The edition's date agrees with any title

  @Test(arguments: Audience.allCases)
  func theEditionDateAgreesWithAnyTitle(_ audience: Audience) throws {
    let markdown = try summary(referenceCopy, .fr, audience)
    #expect(markdown.contains("· Édition du 21 novembre 2026*"))
    let html = try summary(referenceCopy, .fr, audience, .html)
    #expect(html.contains("· Édition du 21 novembre 2026</p>"))
    #expect(html.contains("<footer>steer · Édition du 21 novembre 2026, tirée du registre</footer>"))
    for text in [markdown, html] { #expect(!text.contains("Établi")) }
  }
}
