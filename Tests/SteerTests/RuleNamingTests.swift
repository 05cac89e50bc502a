import SteerChecks
import SteerModel
import Testing

/// The committee reads findings: each thing by its title, then the id its file uses, in both
/// languages. The fixtures give things titles that differ from their ids (`Été 2026`, `ete-2026`).
@Suite struct RuleNamingTests {
  private func found(_ rule: String, _ files: [String: String], _ language: Language) -> [Diagnostic] {
    checkExample(files, configuration: "language: \(language.rawValue)\n" + ExampleLedger.configuration)
      .filter { $0.rule == rule }
  }

  @Test(arguments: [
    (
      Language.en,
      "iteration Sprint 2 (sprint-2) plans Affichage en mairie (display) to reach 'deployed', but its dependency Water sensors (sensors) is at 'prototype' and it is planned for a later iteration, Sprint 3 (sprint-3)",
      "plan Water sensors (sensors) to reach 'deployed' in iteration Sprint 2 (sprint-2) or earlier, or drop the dependency"
    ),
    (
      Language.fr,
      "l'itération Sprint 2 (sprint-2) prévoit de porter Affichage en mairie (display) en «\u{A0}déployé\u{A0}», mais sa dépendance Water sensors (sensors) est en «\u{A0}prototype\u{A0}» et elle n'est prévue que pour une itération ultérieure, Sprint 3 (sprint-3)",
      "prévoyez Water sensors (sensors) en `deployed` dans l'itération Sprint 2 (sprint-2) ou avant, ou retirez la dépendance"
    ),
  ])
  func dependencyOrder(_ language: Language, _ message: String, _ hint: String) {
    let files = [
      "usecases/display.md":
        "---\ntitle: Affichage en mairie\nobjectives: [clean-water]\nphase: test\nowner: mayor\ndepends_on: [sensors]\n---\n",
      "iterations/sprint-2.md":
        "---\ntitle: Sprint 2\nstart: 2026-04-01\nend: 2026-04-30\nstatus: active\nitems:\n  - {usecase: sensors, target: test}\n  - {usecase: display, target: deployed}\n---\n",
    ]
    let diagnostics = found("dependency-order", files, language)
    #expect(diagnostics.map(\.message) == [message])
    #expect(diagnostics.map(\.hint) == [hint])
  }

  @Test(arguments: [
    (
      Language.en,
      "use case Application (a) depends on itself: Application (a) → Borne (b) → Capteur (c) → Application (a)"
    ),
    (
      Language.fr,
      "le cas d'usage Application (a) dépend de lui-même\u{202F}: Application (a) → Borne (b) → Capteur (c) → Application (a)"
    ),
  ])
  func dependencyCycle(_ language: Language, _ message: String) {
    func useCase(_ title: String, _ dependency: String) -> String {
      "---\ntitle: \(title)\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\ndepends_on: [\(dependency)]\n---\n"
    }
    let files = [
      "usecases/a.md": useCase("Application", "b"), "usecases/b.md": useCase("Borne", "c"),
      "usecases/c.md": useCase("Capteur", "a"),
    ]
    #expect(found("dependency-cycle", files, language).map(\.message) == [message])
  }

  @Test(arguments: [
    (
      Language.en,
      "stakeholder Mayor (mayor) is consulted on the decision Ouvrir les données (open-data) but took part in none of the workshops that prepared it",
      "add Mayor (mayor) to the participants of the workshop where they were heard, or say how they were consulted in the body"
    ),
    (
      Language.fr,
      "la partie prenante Mayor (mayor) est consultée sur la décision Ouvrir les données (open-data) mais n'a participé à aucun des ateliers qui l'ont préparée",
      "ajoutez la partie prenante Mayor (mayor) aux participants de l'atelier où elle a été entendue, ou dites dans le corps du texte comment elle a été consultée"
    ),
  ])
  func decisionConsultation(_ language: Language, _ message: String, _ hint: String) {
    let files = [
      "decisions/open-data.md":
        "---\ntitle: Ouvrir les données\ndate: 2026-03-01\nstatus: accepted\ndecided_by: [mayor]\nconsulted: [residents, mayor]\nworkshops: [sensors-analysis]\n---\n"
    ]
    let diagnostics = found("decision-consultation", files, language)
    #expect(diagnostics.map(\.message) == [message])
    #expect(diagnostics.map(\.hint) == [hint])
  }

  @Test(arguments: [
    (
      Language.en,
      [
        "decision Premier arrêté (first) ends up superseding itself: Premier arrêté (first) → Second arrêté (second) → Premier arrêté (first)",
        "decision Premier arrêté (first) supersedes decision Ouvrir les données (open-data), whose status is still 'accepted'",
        "decision Arrêté isolé (lonely) is superseded, but no decision supersedes it",
      ]
    ),
    (
      Language.fr,
      [
        "la décision Premier arrêté (first) finit par se remplacer elle-même\u{202F}: Premier arrêté (first) → Second arrêté (second) → Premier arrêté (first)",
        "la décision Premier arrêté (first) remplace la décision Ouvrir les données (open-data), dont le statut est toujours «\u{A0}adoptée\u{A0}»",
        "la décision Arrêté isolé (lonely) est remplacée, mais aucune décision ne la remplace",
      ]
    ),
  ])
  func decisionSupersession(_ language: Language, _ messages: [String]) {
    func decision(_ title: String, status: String, supersedes: String = "") -> String {
      "---\ntitle: \(title)\ndate: 2026-03-01\nstatus: \(status)\ndecided_by: [mayor]\nsupersedes: [\(supersedes)]\n---\n"
    }
    let files = [
      "decisions/first.md": decision("Premier arrêté", status: "superseded", supersedes: "second, open-data"),
      "decisions/second.md": decision("Second arrêté", status: "superseded", supersedes: "first"),
      "decisions/lonely.md": decision("Arrêté isolé", status: "superseded"),
      "decisions/open-data.md": decision("Ouvrir les données", status: "accepted"),
    ]
    #expect(found("decision-supersession", files, language).map(\.message) == messages)
  }

  @Test(arguments: [
    (
      Language.en,
      [
        "indicator Open days (open-days) aims at a decrease, but its target (90) is above its baseline (70)",
        "indicator Open days (open-days) is due on 2031-09-30, after the vision's horizon (2030-12-31)",
      ]
    ),
    (
      Language.fr,
      [
        "l'indicateur Open days (open-days) vise une baisse, mais sa cible (90) est au-dessus de sa référence (70)",
        "l'indicateur Open days (open-days) est attendu le 30 septembre 2031, après l'horizon de la vision (31 décembre 2030)",
      ]
    ),
  ])
  func indicator(_ language: Language, _ messages: [String]) {
    let files = ExampleLedger.file(
      "objectives/clean-water.md",
      ["direction: increase": "direction: decrease", "target_date: 2028-09-30": "target_date: 2031-09-30"])
    #expect(found("indicator", files, language).map(\.message) == messages)
  }

  @Test(arguments: [
    (
      Language.en,
      [
        "the measurement of indicator Open days (open-days) is dated 2025-12-15, before the indicator's baseline date (2026-01-01)",
        "the measurement of indicator Open days (open-days) is dated 2026-04-15, after this retrospective (2026-04-01)",
      ]
    ),
    (
      Language.fr,
      [
        "la mesure de l'indicateur Open days (open-days) est datée du 15 décembre 2025, avant la date de référence de cet indicateur (1er janvier 2026)",
        "la mesure de l'indicateur Open days (open-days) est datée du 15 avril 2026, après cette rétrospective (1er avril 2026)",
      ]
    ),
  ])
  func staleMeasurement(_ language: Language, _ messages: [String]) {
    let files = [
      "retros/sprint-1.md":
        "---\ndate: 2026-04-01\nparticipants: [mayor]\nmeasurements:\n  - {indicator: open-days, value: 74, date: 2025-12-15}\n  - {indicator: open-days, value: 75, date: 2026-04-15}\n---\n"
    ]
    #expect(found("stale-measurement", files, language).map(\.message) == messages)
  }

  @Test(arguments: [
    (
      Language.en,
      "use case Capteurs des parcs (park-sensors) is deployed on step Parcs (parks), but nothing is deployed yet on the earlier step Plages (beaches)",
      "the rollout order is Plages (beaches) → Parcs (parks): deploy on earlier steps first, or revise the order in vision.md"
    ),
    (
      Language.fr,
      "le cas d'usage Capteurs des parcs (park-sensors) est en phase «\u{A0}déployé\u{A0}» sur l'étape Parcs (parks), mais rien n'est encore déployé sur l'étape antérieure Plages (beaches)",
      "l'ordre de déploiement est Plages (beaches) → Parcs (parks)\u{202F}: déployez d'abord les étapes antérieures, ou révisez l'ordre dans vision.md"
    ),
  ])
  func rolloutOrder(_ language: Language, _ message: String, _ hint: String) {
    var files = ExampleLedger.file(
      "vision.md", ["{id: beaches, title: Beaches}": "{id: beaches, title: Plages}", "title: Parks}": "title: Parcs}"])
    files["usecases/park-sensors.md"] =
      "---\ntitle: Capteurs des parcs\nobjectives: [clean-water]\nphase: deployed\nowner: mayor\nrollout_step: parks\n---\n"
    let diagnostics = found("rollout-order", files, language)
    #expect(diagnostics.map(\.message) == [message])
    #expect(diagnostics.map(\.hint) == [hint])
  }

  @Test(arguments: [
    (
      Language.en,
      "iteration Été 2026 (ete-2026) overlaps iteration Sprint 3 (sprint-3) by 1 day: it runs from 2026-05-31 to 2026-06-30, the other from 2026-05-01 to 2026-05-31",
      "start it on 2026-06-01 or later, or end iteration Sprint 3 (sprint-3) earlier"
    ),
    (
      Language.fr,
      "l'itération Été 2026 (ete-2026) chevauche l'itération Sprint 3 (sprint-3) de 1\u{A0}jour\u{202F}: elle va du 31 mai 2026 au 30 juin 2026, l'autre du 1er mai 2026 au 31 mai 2026",
      "faites-la commencer le 1er juin 2026 ou après, ou avancez la fin de l'itération Sprint 3 (sprint-3)"
    ),
  ])
  func iterationOverlap(_ language: Language, _ message: String, _ hint: String) {
    let files = [
      "iterations/ete-2026.md": "---\ntitle: Été 2026\nstart: 2026-05-31\nend: 2026-06-30\nstatus: planned\n---\n"
    ]
    let diagnostics = found("iteration-overlap", files, language)
    #expect(diagnostics.map(\.message) == [message])
    #expect(diagnostics.map(\.hint) == [hint])
  }

  @Test(arguments: [
    (Language.en, "iteration Été 2026 (ete-2026) starts on 2026-07-10, after it ends on 2026-07-01"),
    (Language.fr, "l'itération Été 2026 (ete-2026) commence le 10 juillet 2026, après sa fin le 1er juillet 2026"),
  ])
  func iterationDates(_ language: Language, _ message: String) {
    let files = [
      "iterations/ete-2026.md": "---\ntitle: Été 2026\nstart: 2026-07-10\nend: 2026-07-01\nstatus: planned\n---\n"
    ]
    #expect(found("iteration-dates", files, language).map(\.message) == [message])
  }
}
