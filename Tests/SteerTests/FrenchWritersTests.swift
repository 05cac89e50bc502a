import SteerChecks
import SteerModel
import Testing

/// What French writers commonly get wrong, each with the hint (in their language) and the
/// edit an editor offers: the finding at the value, its hint, and the replacement.
@Suite struct FrenchWritersTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var file: String
    var text: String
    var hint: String
    var fix: String?
    var testDescription: String { hint }
  }

  private static let retro = "---\ndate: 2026-04-01\nparticipants: [mayor, residents]\n"

  static let cases: [Case] = [
    // A decimal comma, in block style (text) and in a flow mapping (a number, then a field `5`).
    Case(
      file: "retros/sprint-1.md",
      text: retro + "measurements:\n  - indicator: open-days\n    value: 74,5\n    date: 2026-03-15\n---\n",
      hint: "écrivez 74.5 (avec un point décimal)", fix: "74.5"),
    Case(
      file: "retros/sprint-1.md",
      text: retro + "measurements:\n  - {indicator: open-days, value: 74,5, date: 2026-03-15}\n---\n",
      hint: "écrivez 74.5 (avec un point décimal)", fix: "74.5"),
    // The words Steer prints, written as values.
    Case(
      file: "objectives/clean-water.md",
      text: """
        ---
        title: Clean bathing water
        axis: data
        owner: mayor
        indicators:
          - {id: open-days, title: Open days, unit: "%", direction: hausse, baseline: 70,
             baseline_date: 2026-01-01, target: 90, target_date: 2028-09-30}
        ---

        """,
      hint: "« hausse » est ce qu'affiche Steer ; le fichier, lui, attend « increase »", fix: "increase"),
    Case(
      file: "stakeholders/residents.md",
      text: "---\nname: Residents\ngroup: Citoyens\npriorities: {clean-water: 3}\n---\n",
      hint: "« citoyens » est ce qu'affiche Steer ; le fichier, lui, attend « citizen »", fix: "citizen"),
    Case(
      file: "iterations/sprint-3.md",
      text: "---\ntitle: Sprint 3\nstart: 2026-05-01\nend: 2026-05-31\nstatus: prévu\n---\n",
      hint: "« prévue » est ce qu'affiche Steer ; le fichier, lui, attend « planned »", fix: "planned"),
    Case(
      file: "retros/sprint-1.md",
      text: retro
        + "actions:\n  - {text: Invite residents to every test, owner: mayor, due: sprint-2, status: ouverte}\n---\n",
      hint: "« ouverte » est ce qu'affiche Steer ; le fichier, lui, attend « open »", fix: "open"),
    Case(
      file: "usecases/sensors.md",
      text: "---\ntitle: Water sensors\nobjectives: [clean-water]\nphase: Déployé\nowner: engineers\n---\n",
      hint: "« déployé » est ce qu'affiche Steer ; le fichier, lui, attend « deployed »", fix: "deployed"),
    // A date written day first.
    Case(
      file: "workshops/sensors-analysis.md",
      text: "---\ndate: 20/01/2026\nphase: analysis\nusecases: [sensors]\nparticipants: [engineers, residents]\n---\n",
      hint: "écrivez la date sous la forme AAAA-MM-JJ : 2026-01-20", fix: "2026-01-20"),
    // Ids with accents or capitals: in a reference, the id it means; in a file name, its name.
    Case(
      file: "workshops/sensors-analysis.md",
      text: "---\ndate: 2026-01-20\nphase: analysis\nusecases: [sensors]\nparticipants: [engineers, Résidents]\n---\n",
      hint: "écrivez « residents », sans accents ni majuscules", fix: "residents"),
    Case(
      file: "workshops/sensors-analysis.md",
      text: "---\ndate: 2026-01-20\nphase: analysis\nusecases: [sensors]\nparticipants: [engineers, Élus]\n---\n",
      hint:
        "un identifiant n'a ni accents ni majuscules, et « elus » n'est pas non plus l'identifiant d'une partie prenante",
      fix: nil),
    Case(
      file: "retros/spriñt-1.md", text: retro + "---\n", hint: "nommez le fichier sprint-1.md", fix: nil),
    Case(
      file: "usecases/capteurs-été.md",
      text: "---\ntitle: Capteurs\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\n---\n",
      hint: "renommez le fichier capteurs-ete.md : un identifiant s'écrit en minuscules a-z, chiffres et « - »",
      fix: nil),
    // A tag or a value with a capital.
    Case(
      file: "retros/sprint-1.md",
      text: retro + "lessons:\n  - {text: Residents spotted what we missed, tags: [Estimation]}\n---\n",
      hint: "écrivez « estimation », en minuscules", fix: "estimation"),
    Case(
      file: "usecases/sensors.md",
      text: "---\ntitle: Water sensors\nobjectives: [clean-water]\nphase: Prototype\nowner: engineers\n---\n",
      hint: "écrivez « prototype », en minuscules", fix: "prototype"),
    // The beginning of one id only.
    Case(
      file: "workshops/sensors-analysis.md",
      text: "---\ndate: 2026-01-20\nphase: analysis\nusecases: [sensors]\nparticipants: [engi, residents]\n---\n",
      hint: "vouliez-vous dire « engineers » ?", fix: "engineers"),
  ]

  @Test(arguments: cases)
  func theMistakeIsSaidWithItsFix(_ example: Case) throws {
    let french = "language: fr\n" + ExampleLedger.configuration
    let found = checkExample([example.file: example.text], configuration: french).filter {
      $0.severity == .error && $0.file == "vision/" + example.file
    }
    // One cause, one finding: a decimal comma is not also an unknown field `5`.
    #expect(found.count == 1, "\(found.map(\.message))")
    let diagnostic = try #require(found.first)
    let plain = (diagnostic.hint ?? "").replacing("\u{A0}", with: " ").replacing("\u{202F}", with: " ")
    #expect(plain == example.hint, "\(diagnostic.message)")
    #expect(diagnostic.finding.fix?.text == example.fix)
  }

  /// In a flow mapping, the edit covers the whole `74,5` that YAML split.
  @Test func aSplitNumberIsReplacedWhole() throws {
    let text = Self.retro + "measurements:\n  - {indicator: open-days, value: 74,5, date: 2026-03-15}\n---\n"
    let found = checkExample(["retros/sprint-1.md": text], configuration: nil).filter { $0.rule == "schema" }
    #expect(found.count == 1)
    #expect(found.first?.finding.fix == Fix(.replace, "74.5", span: 4))
    #expect(found.first?.location == SourceLocation(line: 5, column: 35))
    #expect(
      found.first?.message
        == "'value' is written 74,5, and in a {…} mapping a comma separates fields: YAML reads 74, then a field '5'")
    #expect(found.first?.hint == "write 74.5 (a decimal point)")
  }

  /// Every allowed word of the field tables is recognised from the words Steer prints for it,
  /// in French, whatever their capitals and accents.
  @Test func everyEnumIsRecognisedFromItsFrenchLabel() {
    var choices: [Choices] = []
    func collect(_ type: FieldType) {
      switch type {
      case .choice(let allowed): choices.append(allowed)
      case .list(let element, _): collect(element)
      case .map(let key, let value): collect(key); collect(value)
      case .object(let specs): specs.forEach { collect($0.type) }
      default: break
      }
    }
    for kind in DocumentKind.allCases { FieldTables.fields(of: kind).forEach { collect($0.type) } }
    FieldTables.configuration.forEach { collect($0.type) }
    #expect(choices.count >= 12)
    for allowed in choices {
      for (word, label) in zip(allowed.words, allowed.labels) where label.fr != word {
        for written in [label.fr, label.fr.uppercased(), Slug.make(label.fr)] {
          let match = Suggestion.match(for: written, among: allowed.words, frenchLabels: allowed.labels.map(\.fr))
          #expect(match?.word == word, "\(written) → \(String(describing: match))")
        }
      }
    }
  }
}
