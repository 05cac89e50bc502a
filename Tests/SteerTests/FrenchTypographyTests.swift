import Foundation
import SteerChecks
import SteerKit
import SteerModel
import SteerWriting
import Testing

/// What a French reader found printed the English way (charts read aloud, numbers, hints,
/// machine fields), each in both languages.
@Suite struct FrenchTypographyTests {
  /// The first element `<tag id="ID">…</tag>` of `html`, its text as written.
  private func element(_ tag: String, id: String? = nil, containing marker: String = "", in html: String) -> String? {
    let open = id.map { "<\(tag) id=\"\($0)\">" } ?? "<\(tag)>"
    var rest = Substring(html)
    while let start = rest.range(of: open) {
      let text = rest[start.upperBound...]
      guard let end = text.range(of: "</\(tag)>") else { return nil }
      let found = String(text[..<end.lowerBound])
      if marker.isEmpty || found.contains(marker) { return found }
      rest = text[end.upperBound...]
    }
    return nil
  }

  /// Every chart's accessible text (what a screen reader reads) set in the reader's language:
  /// French punctuation with its narrow no-break spaces, `40 %`, and the date after a comma.
  @Test func chartsAreReadInTheReadersTypography() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    _ = try session(directory.path).recordRetro(RecordRequest(iteration: "sprint-1"))
    try directory.write(
      "vision/retros/sprint-2.md",
      "---\ndate: 2026-05-02\nparticipants: [mayor]\ndelivered:\n  - {usecase: water-sensors, phase: test}\n---\n")
    _ = try session(directory.path).recordRetro(RecordRequest(iteration: "sprint-2", close: true))
    func html(_ language: Language, today: String) throws -> String {
      try session(directory.path, language: language).summary(
        SummaryRequest(format: .html, today: CalendarDate(iso: today)!))
    }
    let (nb, nnb) = ("\u{A0}", "\u{202F}")
    let french = try html(.fr, today: "2026-04-20")
    #expect(
      element("desc", id: "trends-chart-desc", in: french)
        == "Avancement\(nnb): 40\(nnb)% → 60\(nnb)%\(nnb); Livré comme prévu\(nnb): 100\(nnb)% → 100\(nnb)%\(nnb); "
        + "Objectifs couverts\(nnb): 100\(nnb)% → 100\(nnb)%\(nnb); Cas d&#39;usage co-construits\(nnb): 100\(nnb)% → "
        + "100\(nnb)%\(nnb); Effort au service d&#39;un objectif actif\(nnb): 100\(nnb)% → 100\(nnb)%")
    #expect(element("desc", id: "heatmap-chart-desc", in: french) == "2 × 1, 0–5\(nnb); 1 Clean bathing water")
    #expect(element("title", containing: "The mayor · ", in: french) == "The mayor · Clean bathing water\(nnb): 5")
    #expect(element("desc", id: "funnel-chart-desc", in: french)?.hasPrefix("analyse 0, idéation 0, ") == true)
    #expect(element("desc", id: "indicator-open-days-chart-desc", in: french) == "20\(nnb)%")
    let roadmap = try #require(element("desc", id: "timeline-chart-desc", in: french))
    #expect(roadmap.hasSuffix("(close)\(nnb); aujourd&#39;hui, le 20 avril 2026"), "\(roadmap)")
    #expect(!french.contains("\(nb):"))
    // English stays as it was.
    let english = try html(.en, today: "2026-04-20")
    #expect(
      element("desc", id: "trends-chart-desc", in: english)
        == "Progress: 40% → 60%; Delivered as planned: 100% → 100%; Objectives served: 100% → 100%; "
        + "Use cases built with their users: 100% → 100%; Effort serving an active objective: 100% → 100%")
    #expect(element("desc", id: "heatmap-chart-desc", in: english) == "2 × 1, 0–5; 1 Clean bathing water")
    #expect(element("title", containing: "The mayor · ", in: english) == "The mayor · Clean bathing water: 5")
    #expect(element("desc", id: "timeline-chart-desc", in: english)?.hasSuffix("(closed); today 20 April 2026") == true)
  }

  /// An indicator's values group their thousands from four digits (`4 200`), keep their unit on
  /// the same line, and its chart reads each measurement as a value on a date.
  @Test func indicatorValuesAreWrittenAsEachLanguageWritesNumbers() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    let objective = try directory.read("vision/objectives/clean-water.md")
      .replacingOccurrences(of: "unit: \"%\"", with: "unit: MWh")
      .replacingOccurrences(of: "direction: increase", with: "direction: decrease")
      .replacingOccurrences(of: "baseline: 70", with: "baseline: 4200")
      .replacingOccurrences(of: "target: 90", with: "target: 1600")
    try directory.write("vision/objectives/clean-water.md", objective)
    try directory.write("vision/measurements/open-days.csv", "date,value\n2026-03-20,4050\n")
    try commitLedger(directory)
    let (nb, nnb) = ("\u{A0}", "\u{202F}")
    let french = try session(directory.path, language: .fr).metricsOutcome(format: .text).collected().output
    #expect(
      french.contains("4\(nnb)200\(nb)MWh  4\(nnb)050\(nb)MWh (20 mars 2026)  1\(nnb)600\(nb)MWh au 30 septembre 2028"))
    let english = try session(directory.path, language: .en).metricsOutcome(format: .text).collected().output
    #expect(english.contains("4,200\(nb)MWh  4,050\(nb)MWh (2026-03-20)  1,600\(nb)MWh by 2028-09-30"))
    for (language, expected) in [
      (
        "fr",
        "de 4\(nnb)200\(nb)MWh le 1er janvier 2026 à 1\(nnb)600\(nb)MWh d&#39;ici le 30 septembre 2028\(nnb); "
          + "mesures\(nnb): 74\(nb)MWh le 15 mars 2026, 4\(nnb)050\(nb)MWh le 20 mars 2026\(nnb); projection "
      ),
      (
        "en",
        "from 4,200\(nb)MWh on 1 January 2026 to 1,600\(nb)MWh by 30 September 2028; "
          + "measured: 74\(nb)MWh on 15 March 2026, 4,050\(nb)MWh on 20 March 2026; forecast "
      ),
    ] {
      let site = directory.path + "/site-" + language
      #expect(try run(steerExecutable, ["site", "--out", site, "--lang", language], in: directory.path).status == 0)
      let page = try String(contentsOfFile: site + "/objectives/clean-water.html", encoding: .utf8)
      let chart = try #require(element("desc", id: "section-3-chart-desc", in: page))
      #expect(chart.hasPrefix(expected), "\(chart)")
    }
  }

  /// The hints of `check` for a phase written almost right, a field missing, and a day that does
  /// not exist in a measurement series.
  @Test(arguments: [
    (Language.en, "phase: tests", "did you mean 'test'?"),
    (.fr, "phase: tests", "vouliez-vous dire «\u{A0}test\u{A0}»\u{202F}?"),
    (.en, "phase: prototyp", "did you mean 'prototype'?"),
    (.fr, "phase: prototyp", "vouliez-vous dire «\u{A0}prototype\u{A0}»\u{202F}?"),
  ])
  func aPhaseWrittenAlmostRightIsAskedAbout(language: Language, phase: String, hint: String) throws {
    let text = "---\ntitle: Water sensors\nobjectives: [clean-water]\n\(phase)\nowner: mayor\n---\n"
    let found = checkExample(["usecases/sensors.md": text], configuration: configuration(language)).filter {
      $0.file == "vision/usecases/sensors.md" && $0.rule == "schema"
    }
    #expect(found.map(\.hint) == [hint])
  }

  private func configuration(_ language: Language) -> String {
    "language: \(language.rawValue)\n" + ExampleLedger.configuration
  }

  @Test(arguments: [
    (
      Language.en,
      [
        "add `participants:` followed by a list of stakeholder ids",
        "add `usecases:` followed by a list of use case ids",
      ]
    ),
    (
      .fr,
      [
        "ajoutez `participants:` suivi d'une liste d'identifiants de partie prenante",
        "ajoutez `usecases:` suivi d'une liste d'identifiants de cas d'usage",
      ]
    ),
  ])
  func aMissingListIsAskedForWithElision(language: Language, hints: [String]) throws {
    let text = "---\ndate: 2026-01-20\nphase: analysis\nfacilitator: mayor\n---\n"
    let found = checkExample(["workshops/kick-off.md": text], configuration: configuration(language)).filter {
      $0.file == "vision/workshops/kick-off.md" && $0.rule == "schema"
    }
    #expect(found.compactMap(\.hint).sorted() == hints)
  }

  /// `2026-04-31` has the form of a date: the series says the day does not exist, as front
  /// matter does, and which month is too short.
  @Test(arguments: [
    (
      Language.en, "2026-04-31", "'2026-04-31' is not a real calendar date", "April 2026 has 30 days"
    ),
    (.fr, "2026-04-31", "«\u{A0}2026-04-31\u{A0}» n'est pas une date du calendrier", "avril 2026 compte 30\u{A0}jours"),
    (.en, "2026-13-01", "'2026-13-01' is not a real calendar date", "months run from 01 to 12"),
    (.fr, "2026-13-01", "«\u{A0}2026-13-01\u{A0}» n'est pas une date du calendrier", "les mois vont de 01 à 12"),
    (.en, "2026-4-30", "'2026-4-30' is not a date YYYY-MM-DD", "write dates as YYYY-MM-DD, such as 2026-01-31"),
  ])
  func aDayThatDoesNotExistIsSaidSo(language: Language, date: String, message: String, hint: String) throws {
    let found = checkExample(
      ["measurements/open-days.csv": "date,value\n\(date),5\n"], configuration: configuration(language)
    ).filter { $0.file == "vision/measurements/open-days.csv" }
    #expect(found.map(\.message) == [message])
    #expect(found.map(\.hint) == [hint])
    let frontMatter = checkExample(
      [
        "workshops/kick-off.md":
          "---\ndate: \(date)\nphase: analysis\nusecases: [water-sensors]\nparticipants: [mayor]\n---\n"
      ],
      configuration: configuration(language)
    ).filter { $0.file == "vision/workshops/kick-off.md" && $0.message.contains(date) }
    #expect(
      frontMatter.map(\.hint) == [
        hint.hasPrefix("write dates") ? "write the date as YYYY-MM-DD, e.g. 2026-11-21" : hint
      ])
  }

  /// `steer diff`'s JSON names the work tree the same in every language.
  @Test func theDiffsJSONDoesNotDependOnTheLanguage() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    for language in ["en", "fr"] {
      let workTree = try run(
        steerExecutable, ["diff", "HEAD", "--format", "json", "--lang", language], in: directory.path)
      let object = try #require(try JSONSerialization.jsonObject(with: Data(workTree.stdout.utf8)) as? [String: Any])
      #expect(object["from"] as? String == "HEAD")
      #expect(object["to"] is NSNull, "\(workTree.stdout)")
      let revision = try run(
        steerExecutable, ["diff", "HEAD", "HEAD", "--format", "json", "--lang", language], in: directory.path)
      #expect(revision.stdout.contains("\"to\": \"HEAD\""))
    }
    let french = try run(steerExecutable, ["diff", "HEAD", "--lang", "fr"], in: directory.path).stdout
    #expect(french.hasPrefix("Ce qui a changé\u{202F}: HEAD → copie de travail"), "\(french)")
    let english = try run(steerExecutable, ["diff", "HEAD", "--lang", "en"], in: directory.path).stdout
    #expect(english.hasPrefix("What changed: HEAD → work tree"), "\(english)")
  }

  /// A negative number given to a numeric option is its value, which the command refuses in
  /// its own words (not `missing value`, as a flag `-1` would read).
  @Test(arguments: [
    (
      ["summary", "--trend", "-1"], "--trend takes a number of iterations, 0 or more",
      "--trend demande un nombre d'itérations, 0 ou plus"
    ),
    (
      ["import", "measurements", "export.csv", "--indicator", "open-days", "--timeout", "-1"],
      "--timeout takes a number of seconds, 1 or more", "--timeout demande un nombre de secondes, 1 ou plus"
    ),
    (
      ["federation", "fetch", "--timeout", "-5"],
      "--timeout takes a number of seconds, 1 or more", "--timeout demande un nombre de secondes, 1 ou plus"
    ),
  ])
  func aNegativeNumberReachesTheCommand(arguments: [String], english: String, french: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    let en = try run(steerExecutable, arguments + ["--lang", "en"], in: directory.path)
    #expect(en.status == 2 && en.stderr == "steer: error: \(english)\n", "\(en.stderr)")
    let fr = try run(steerExecutable, arguments + ["--lang", "fr"], in: directory.path)
    #expect(fr.stderr == "steer\u{202F}: erreur\u{202F}: \(french)\n", "\(fr.stderr)")
  }

  /// A number left out of such an option makes the next option its value (`--trend --lang en`):
  /// the error says the option takes a number, with an example, in the language the rest of the
  /// line (or `.steer.yaml`) asks for; `--trend 3` and `--trend=3` still run.
  @Test(arguments: [
    (
      ["summary", "--trend"], "--trend <trend>",
      "--trend takes a number of iterations, for example --trend 3 (the latest 3) or --trend 0 (none)",
      "--trend demande un nombre d'itérations, par exemple --trend 3 (les 3 dernières) ou --trend 0 (aucune)"
    ),
    (
      ["import", "measurements", "export.csv", "--indicator", "open-days", "--timeout"], "--timeout <timeout>",
      "--timeout takes a number of seconds, for example --timeout 60",
      "--timeout demande un nombre de secondes, par exemple --timeout 60"
    ),
    (
      ["federation", "fetch", "--timeout"], "--timeout <timeout>",
      "--timeout takes a number of seconds, for example --timeout 60",
      "--timeout demande un nombre de secondes, par exemple --timeout 60"
    ),
  ])
  func aMissingNumberIsSaidWithAnExample(arguments: [String], option: String, english: String, french: String) throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    let en = try run(steerExecutable, arguments + ["--lang", "en"], in: directory.path)
    #expect(
      en.status == 2
        && en.stderr.hasPrefix("Error: The value '--lang' is invalid for '\(option)': \(english)\n"), "\(en.stderr)")
    let fr = try run(steerExecutable, arguments + ["--lang", "fr"], in: directory.path)
    #expect(
      fr.status == 2
        && fr.stderr.hasPrefix(
          "Erreur\u{202F}: la valeur «\u{A0}--lang\u{A0}» n'est pas admise pour «\u{A0}\(option)\u{A0}»\u{202F}: \(french)\n"
        ),
      "\(fr.stderr)")
    // Without `--lang`, the configuration's language.
    try directory.write(".steer.yaml", "language: fr\n")
    let configured = try run(steerExecutable, arguments + ["--strict"], in: directory.path)
    #expect(
      configured.stderr.hasPrefix("Erreur\u{202F}: la valeur «\u{A0}--strict\u{A0}» n'est pas admise pour"),
      "\(configured.stderr)")
    #expect(configured.stderr.contains(french), "\(configured.stderr)")
  }

  @Test func aNumberStillReachesTrend() throws {
    let directory = try fixtureLedger()
    defer { directory.remove() }
    try commitLedger(directory)
    for arguments in [["--trend", "3"], ["--trend=3"], ["--trend", "0"]] {
      let result = try run(steerExecutable, ["summary"] + arguments, in: directory.path)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
  }
}
