import Foundation
import SteerKit
import SteerMetrics
import SteerModel
import SteerSummary
import Testing

/// What a region's committee reads of its federated figures says the same thing everywhere.
extension FederationTests {
  /// No gate is evaluated while a reading error stands, a member's `contributes_to` naming
  /// nothing in the region as the region's own dangling reference: `check`, `metrics` (text and
  /// JSON) and the summary's headline say so, and no output says a gate is met.
  @Test(arguments: [Language.en, .fr], [true, false])
  func noGateIsEvaluatedWhileAReadingErrorStands(language: Language, inMember: Bool) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    var configuration = try directory.read("region/.steer.yaml") + "gates:\n  coverage: 0.5\n"
    let file: String
    if inMember {
      file = "commune-a:vision/objectives/clean-water.md"
    } else {
      // commune-a read at its HEAD, where its contribution is fixed: the region's own file errs.
      configuration = configuration.replacingOccurrences(of: ", revision: v1}", with: "}")
      file = "vision/usecases/water-sensors.md"
      try directory.write(
        "region/\(file)",
        try directory.read("region/\(file)").replacingOccurrences(
          of: "objectives: [clean-water]", with: "objectives: [clean-water, clean-watr]"))
    }
    try directory.write("region/.steer.yaml", configuration)
    let session = try session(directory.path + "/region", language: language)
    let say = Wording(language)

    let gate = try session.check().report.diagnostics.filter { $0.rule == "gate" }
    #expect(
      gate.map(\.message)
        == [
          say(
            en: "the gates are not evaluated while \(file) has reading errors: their metrics would be wrong",
            fr:
              "les seuils ne sont pas évalués tant que \(file) comporte des erreurs de lecture : leurs indicateurs seraient faux"
          )
        ])

    let metrics = try session.metrics()
    #expect(metrics.gates.isEmpty)
    let text = metrics.rendered(.text, unreadable: metrics.unreadableFiles, language: language)
    let notEvaluated = say(
      en: "not evaluated while \(file) has reading errors (steer check)",
      fr: "non évalués tant que \(file) comporte des erreurs de lecture (voir steer check)")
    #expect(text.contains(say(en: "GATES", fr: "SEUILS") + "\n\n" + notEvaluated + "\n"), "\(text)")
    #expect(!text.contains(say(en: " met ", fr: " tenu ")))
    let json =
      try JSONSerialization.jsonObject(
        with: Data(metrics.rendered(.json, unreadable: [], language: language).utf8)) as! [String: Any]
    #expect((json["gates"] as? [Any])?.isEmpty == true)
    #expect(json["reading_errors"] as? [String] == [file])

    let summary = try session.summary(SummaryRequest(format: .md, audience: .elected))
    #expect(
      summary.contains(
        say(
          en: "no gate is evaluated while \(file) has reading errors",
          fr: "aucun seuil n'est évalué tant que \(file) comporte des erreurs de lecture")), "\(summary)")
    // The gates table says nothing the headline contradicts: it is not there.
    #expect(!summary.contains(say(en: "Commitments (gates)", fr: "Engagements (seuils)")), "\(summary)")
  }
}

extension FederationTests {
  /// A sum over part of the members is not the quantity the region's baseline and target
  /// measure: shown with how many members it covers, it has neither progress nor forecast, in
  /// the metrics, the summary, the site and the open data; over every member it has both.
  @Test(arguments: [Language.en, .fr])
  func aSumOverPartOfTheMembersIsNotMeasurable(language: Language) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    // The region measures nothing itself: the members' sum is all there is.
    let retro = "region/vision/retros/sprint-1.md"
    try directory.write(
      retro,
      try directory.read(retro).replacingOccurrences(
        of: "measurements:\n  - {indicator: open-days, value: 74, date: 2026-03-15}\n", with: ""))
    let objective = "region/vision/objectives/clean-water.md"
    try directory.write(
      objective,
      try directory.read(objective).replacingOccurrences(
        of: "  - id: open-days\n", with: "  - id: open-days\n    from_members: sum\n"))
    let complete = try directory.read("region/.steer.yaml")
    try directory.write("region/.steer.yaml", complete + "  - {name: commune-d, repository: ../commune-d}\n")
    let say = Wording(language)
    let region = try session(directory.path + "/region", language: language)

    let metrics = try region.metrics()
    let openDays = try #require(metrics.metrics.indicators.first { $0.indicator == "open-days" })
    #expect(openDays.value == nil && openDays.forecast == nil)
    #expect(openDays.latest?.value == 148)
    let notMeasurable = say(en: "not measurable: 2 of 3 members", fr: "non mesurable : 2\u{A0}membres sur 3")
    let latest = say(
      en: "148% (2026-03-15, 2 of 3 members)", fr: "148\u{202F}% (15 mars 2026, 2\u{A0}membres sur 3)")
    let text = metrics.rendered(.text, unreadable: [], language: language)
    #expect(text.contains("\(latest)  "), "\(text)")
    #expect(text.contains("  \(notMeasurable)  —\n"), "\(text)")
    let summary = try region.summary(SummaryRequest(format: .md, audience: .public))
    #expect(summary.contains(" | \(notMeasurable) | — |"), "\(summary)")
    let site = directory.path + "/site"
    try region.site(audience: .public, to: site)
    let page = try String(contentsOfFile: site + "/objectives/clean-water.html", encoding: .utf8)
    #expect(
      page.contains(notMeasurable.replacingOccurrences(of: "\u{A0}", with: "&nbsp;")) || page.contains(notMeasurable),
      "\(page)")
    let files = try region.exportFiles(audience: .public).files
    let indicators = try #require(files.first { $0.path == "indicators.csv" })
    #expect(
      String(decoding: indicators.bytes, as: UTF8.self)
        == """
        id,objective,title,unit,direction,baseline,baseline_date,target,target_date,latest,latest_date,indicator_progress,forecast,from_members,members_measured,members
        open-days,clean-water,Share of open bathing days,%,increase,70,2026-01-01,90,2028-09-30,148,2026-03-15,,,sum,2,3

        """.replacingOccurrences(of: "\n", with: "\r\n"))

    // Every member read: the sum is the region's quantity, with its progress.
    try directory.write("region/.steer.yaml", complete)
    let whole = try #require(
      try session(directory.path + "/region", language: language).metrics().metrics.indicators.first {
        $0.indicator == "open-days"
      })
    #expect(whole.value.map { abs($0 - 3.9) < 1e-12 } == true)
    #expect(whole.forecast != nil)
  }
}

extension FederationTests {
  /// A member's series with a row that cannot be read: the warning names that row, not the
  /// file, and the region counts no value of its indicator (the row left out may be the
  /// latest), so that a sum over the members says it lacks one.
  @Test(arguments: [Language.en, .fr])
  func aMembersSeriesReadInPartIsSaidByItsRows(language: Language) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    try directory.write(
      "commune-b/vision/measurements/open-days.csv", "date,value\n2026-06-30,80\n2026-09-30,\"81,5\"\n")
    try git(["add", "-A"], in: directory.path + "/commune-b")
    try git(["commit", "-q", "-m", "series"], in: directory.path + "/commune-b")
    let objective = "region/vision/objectives/clean-water.md"
    try directory.write(
      objective,
      try directory.read(objective).replacingOccurrences(
        of: "  - id: open-days\n", with: "  - id: open-days\n    from_members: sum\n"))
    let retro = "region/vision/retros/sprint-1.md"
    try directory.write(
      retro,
      try directory.read(retro).replacingOccurrences(
        of: "measurements:\n  - {indicator: open-days, value: 74, date: 2026-03-15}\n", with: ""))
    let region = try session(directory.path + "/region", language: language)
    let warning = try region.check().report.diagnostics.filter { $0.rule == "federation-member" }.map(\.message)
    #expect(
      warning == [
        Wording(language)(
          en:
            "the ledger of federation member 'commune-b' has reading errors; its figures leave out line 3 of vision/measurements/open-days.csv and vision/usecases/water-sensors.md; the region counts no value of that series' indicator",
          fr:
            "le registre du membre «\u{A0}commune-b\u{A0}» de la fédération comporte des erreurs de lecture\u{202F}; ses chiffres laissent de côté la ligne 3 de vision/measurements/open-days.csv et vision/usecases/water-sensors.md\u{202F}; la région ne compte aucune valeur de l'indicateur de cette série"
        )
      ])
    let openDays = try #require(try region.metrics().metrics.indicators.first { $0.indicator == "open-days" })
    #expect(openDays.fromMembers?.values.map(\.member) == ["commune-a"])
    #expect(openDays.fromMembers?.notMeasured == ["commune-b"])
    #expect(openDays.value == nil)
  }
}

extension FederationTests {
  /// Members are named as people read them, the `title` `.steer.yaml` gives, else their
  /// territory: in the metrics' side-by-side table as in the open data's `members.csv`.
  @Test(arguments: [Language.en, .fr])
  func membersAreNamedByTheTitleTheConfigurationGives(language: Language) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    let region = try session(directory.path + "/region", language: language)
    let metrics = try region.metrics()
    let text = metrics.rendered(.text, unreadable: [], language: language)
    let heads = Wording(language)(en: "metric", fr: "indicateur") + " "
    let head = try #require(text.split(separator: "\n").first { $0.hasPrefix(heads) })
    #expect(
      head.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        == [
          Wording(language)(en: "metric", fr: "indicateur"), Wording(language)(en: "this ledger", fr: "ce registre"),
          "Aiglun", "Commune de Barles",
        ], "\(head)")
    let files = try region.exportFiles(audience: .public).files
    let members = try #require(files.first { $0.path == "members.csv" })
    let rows = String(decoding: members.bytes, as: UTF8.self).split(separator: "\r\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2).joined(separator: ",")
    }
    #expect(rows == ["name,title", "commune-a,Aiglun", "commune-b,Commune de Barles"])
  }
}

extension FederationTests {
  /// An objective that no live use case serves has no progress: its heading is its title alone,
  /// not a dash after a dash.
  @Test(arguments: [Language.en, .fr])
  func anObjectiveWithoutProgressIsHeadedByItsTitleAlone(language: Language) throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try territory(directory)
    try directory.write(
      "region/vision/objectives/air-quality.md", "---\ntitle: Qualité de l'air\naxis: data\nowner: mayor\n---\n")
    let region = try session(directory.path + "/region", language: language)
    let markdown = try region.summary(SummaryRequest(format: .md, audience: .public))
    #expect(markdown.contains("\n### Qualité de l'air\n"), "\(markdown)")
    #expect(markdown.contains("\n### Clean bathing water — "), "\(markdown)")
    let html = try region.summary(SummaryRequest(format: .html, audience: .public))
    #expect(html.contains("<h3>Qualité de l&#39;air</h3>") || html.contains("<h3>Qualité de l'air</h3>"), "\(html)")
  }
}
