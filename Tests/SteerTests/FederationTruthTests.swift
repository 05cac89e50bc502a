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
