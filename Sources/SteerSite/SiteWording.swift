import SteerModel

/// The site's words: its headings, the names of its facts and its sentences, English and
/// French side by side.
extension Wording {
  // MARK: The frame

  var siteNavigation: String { self(en: "Site", fr: "Site") }
  var home: String { self(en: "Home", fr: "Accueil") }
  var vision: String { self(en: "Vision", fr: "Vision") }
  var roadmap: String { self(en: "Roadmap", fr: "Feuille de route") }
  var lessons: String { self(en: "Lessons", fr: "Enseignements") }
  var decisions: String { self(en: "Decisions", fr: "Décisions") }
  var findings: String { self(en: "Findings", fr: "Constats") }
  var namedBy: String { self(en: "Named by", fr: "Cité par") }
  var nothingYet: String { self(en: "Nothing yet.", fr: "Rien pour l'instant.") }
  var openData: String { self(en: "Open data", fr: "Données ouvertes") }

  func siteGenerated(on date: String) -> String {
    self(en: "Generated on \(date) from the ledger", fr: "Édition du \(date), tirée du registre")
  }

  // MARK: The index

  var status: String { self(en: "Status", fr: "État") }
  var dataQuality: String { self(en: "Data quality", fr: "Qualité des données") }
  var federation: String { self(en: "Federation", fr: "Fédération") }
  var member: String { self(en: "Member", fr: "Membre") }
  var revisionRead: String { self(en: "Revision read", fr: "Révision lue") }
  var membersContributions: String {
    self(
      en: "The members' use cases serving each objective",
      fr: "Les cas d'usage des membres au service de chaque objectif")
  }
  var membersUseCases: String { self(en: "Members' use cases", fr: "Cas d'usage des membres") }
  var useCasesServing: String { self(en: "Use cases serving it", fr: "Cas d'usage qui y contribuent") }
  var objectivesByAxis: String { self(en: "Objectives by axis", fr: "Objectifs par axe") }
  var useCasesByStep: String { self(en: "Use cases by rollout step", fr: "Cas d'usage par étape du déploiement") }
  var acrossTheTerritory: String { self(en: "Across the territory", fr: "Transverses") }
  var stakeholders: String { self(en: "Stakeholders", fr: "Parties prenantes") }
  var workshops: String { self(en: "Co-construction workshops", fr: "Ateliers de co-construction") }
  var iterations: String { self(en: "Iterations", fr: "Itérations") }
  var whatIsNext: String { self(en: "What is next", fr: "La suite") }
  var noIterationAhead: String {
    self(en: "No iteration is active or planned.", fr: "Aucune itération n'est en cours ni prévue.")
  }

  func aimingAt(_ phase: String) -> String { self(en: "target phase: \(phase)", fr: "phase visée : \(phase)") }

  func progress(of title: String) -> String {
    self(en: "Progress of “\(title)”", fr: "Avancement de « \(title) »")
  }

  /// The members of a group the public edition does not name: `2 members, not named here`, or
  /// after those it names, `and 2 other members, not named here`.
  func unnamedMembers(_ count: Int, afterNames: Bool) -> String {
    let named = agreeing(with: count, en: ("", ""), fr: ("nommé", "nommés"))
    guard afterNames else {
      let members = self.count(count, en: ("member", "members"), fr: ("membre", "membres"))
      return self(en: "\(members), not named here", fr: "\(members), non \(named) ici")
    }
    let others = self.count(count, en: ("other member", "other members"), fr: ("autre membre", "autres membres"))
    return self(en: "and \(others), not named here", fr: "et \(others), non \(named) ici")
  }

  func membersOfGroup(_ count: Int, _ group: String) -> String {
    let members = self.count(count, en: ("member", "members"), fr: ("membre", "membres"))
    return self(en: "\(members) of the group '\(group)'", fr: "\(members) du groupe « \(group) »")
  }

  // MARK: Facts

  var territory: String { self(en: "Territory", fr: "Territoire") }
  var horizon: String { self(en: "Horizon", fr: "Horizon") }
  var carriedBy: String { self(en: "Carried by", fr: "Porteur") }
  var axes: String { self(en: "Axes", fr: "Axes") }
  var rollout: String { self(en: "Rollout", fr: "Déploiement") }
  var endorsements: String { self(en: "Endorsements", fr: "Soutiens") }
  var group: String { self(en: "Group", fr: "Groupe") }
  var priorities: String { self(en: "Priorities", fr: "Priorités") }
  var axis: String { self(en: "Axis", fr: "Axe") }
  var owner: String { self(en: "Owner", fr: "Responsable") }
  var statusField: String { self(en: "Status", fr: "Statut") }
  var progress: String { self(en: "Progress", fr: "Avancement") }
  var phase: String { self(en: "Phase", fr: "Phase") }
  var users: String { self(en: "Users", fr: "Usagers") }
  var objectives: String { self(en: "Objectives", fr: "Objectifs") }
  var useCases: String { self(en: "Use cases", fr: "Cas d'usage") }
  var rolloutStep: String { self(en: "Rollout step", fr: "Étape du déploiement") }
  var dependsOn: String { self(en: "Depends on", fr: "Dépend de") }
  var effort: String { self(en: "Effort", fr: "Effort") }
  var workshopPhase: String { self(en: "Workshop phase", fr: "Phase de l'atelier") }
  var participants: String { self(en: "Participants", fr: "Participants") }
  var facilitator: String { self(en: "Facilitator", fr: "Animation") }
  var dates: String { self(en: "Dates", fr: "Dates") }
  var goal: String { self(en: "Goal", fr: "Objectif de l'itération") }
  var retrospective: String { self(en: "Retrospective", fr: "Rétrospective") }
  var date: String { self(en: "Date", fr: "Date") }

  func period(_ start: String, _ end: String) -> String { self(en: "\(start) – \(end)", fr: "du \(start) au \(end)") }

  // MARK: Sections and their tables

  var indicators: String { self(en: "Indicators", fr: "Indicateurs") }
  var indicator: String { self(en: "Indicator", fr: "Indicateur") }
  var baseline: String { self(en: "Baseline", fr: "Référence") }
  var latest: String { self(en: "Latest", fr: "Dernière mesure") }
  var target: String { self(en: "Target", fr: "Cible") }
  var forecast: String { self(en: "Forecast", fr: "Projection") }
  var onTrack: String { self(en: "on track", fr: "en bonne voie") }
  var offTrack: String { self(en: "off track", fr: "en retard") }
  var notMeasured: String { self(en: "not measured yet", fr: "pas encore mesuré") }

  func targetBy(_ target: String, _ date: String) -> String {
    self(en: "\(target) by \(date)", fr: "\(target) au \(date)")
  }

  func offTrackReaching(on date: String) -> String {
    self(en: "off track — target reached on \(date)", fr: "en retard — cible atteinte le \(date)")
  }

  var journey: String { self(en: "Journey", fr: "Parcours") }

  func reachedPhase(_ phase: String) -> String { self(en: "reached \(phase)", fr: "passé en « \(phase) »") }

  var plannedUseCases: String { self(en: "Planned use cases", fr: "Cas d'usage prévus") }
  var targetPhase: String { self(en: "Target phase", fr: "Phase visée") }

  func inheritedEffort(_ effort: String) -> String {
    self(en: "\(effort) (the use case's)", fr: "\(effort) (celui du cas d'usage)")
  }

  func retroOf(_ iteration: String) -> String {
    self(en: "Retrospective: \(iteration)", fr: "Rétrospective : \(iteration)")
  }

  var delivered: String { self(en: "Delivered", fr: "Livraisons") }
  var measurements: String { self(en: "Measurements", fr: "Mesures") }
  var value: String { self(en: "Value", fr: "Valeur") }
  var actions: String { self(en: "Actions", fr: "Actions") }
  var overdue: String { self(en: "overdue", fr: "en retard") }

  var dueBy: String { self(en: "due by", fr: "échéance :") }

  var untagged: String { self(en: "Without a tag", fr: "Sans étiquette") }
  var abandonedUseCases: String { self(en: "Abandoned use cases", fr: "Cas d'usage abandonnés") }
  var noIterations: String {
    self(en: "No iteration is planned yet.", fr: "Aucune itération n'est encore planifiée.")
  }
  var openFindings: String { self(en: "Open findings of steer check", fr: "Constats ouverts de steer check") }
  var noFindings: String { self(en: "steer check reports nothing.", fr: "steer check ne signale rien.") }
}
