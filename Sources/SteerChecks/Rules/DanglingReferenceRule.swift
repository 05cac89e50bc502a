import SteerModel

/// Every reference names an existing thing of the expected kind.
public struct DanglingReferenceRule: Rule {
  public static let description = RuleDescription(
    id: ReadingRule.danglingReference.rawValue, category: .reading, defaultSeverity: .error,
    scope: .document(reading: [.vision, .objectives], declarations: true),
    summary: Localized(
      en:
        "A reference names no existing thing of the expected kind; also a retrospective whose file name is not an iteration id.",
      fr:
        "Une référence ne désigne rien d'existant du type attendu ; de même pour une rétrospective dont le nom de fichier n'est pas un identifiant d'itération."
    ),
    rationale: Localized(
      en:
        "A use case that serves an objective nobody wrote, or a workshop with a participant who does not exist, breaks the chain from vision to delivery that the steering committee relies on.",
      fr:
        "Un cas d'usage qui sert un objectif que personne n'a écrit, ou un atelier avec un participant qui n'existe pas, rompt la chaîne de la vision à la réalisation sur laquelle s'appuie le comité de pilotage."
    ),
    examples: [
      RuleExample(
        triggers: true,
        [
          "usecases/kiosk.md":
            "---\ntitle: Kiosk\nobjectives: [clean-water, ↓dirty-water]\nphase: analysis\nowner: ↓mayr\n---\n"
        ]),
      RuleExample(triggers: true, ["retros/sprint-9.md": "↓---\ndate: 2026-06-01\nparticipants: [mayor]\n---\n"]),
      RuleExample(
        triggers: false,
        ["usecases/kiosk.md": "---\ntitle: Kiosk\nobjectives: [clean-water]\nphase: analysis\nowner: mayor\n---\n"]),
    ])

  public func check(_ context: RuleContext) -> [Finding] {
    let index = context.index
    // Suggestions come from the ids of the expected kind, gathered once, when first needed.
    var idsByKind: [EntityKind: [String]]?
    func ids(of kind: EntityKind) -> [String] {
      if idsByKind == nil {
        var table: [EntityKind: [String]] = [:]
        for (id, declaration) in index.firstDeclarations {
          let kinds = Set(index.repeatedDeclarations[id]?.map(\.kind) ?? [declaration.kind])
          for kind in kinds { table[kind, default: []].append(id) }
        }
        for kind in table.keys { table[kind]!.sort() }
        idsByKind = table
      }
      return idsByKind![kind] ?? []
    }
    // One cause, one finding: ids that an unreadable document would declare are unknown, not
    // missing — the vision's axes and rollout steps, an objective's indicators.
    let unbuilt = Set(context.ledger.unbuiltDocuments)
    let visionUnreadable = unbuilt.contains(context.visionPath)
    let objectiveUnreadable = unbuilt.contains { $0.hasPrefix(context.directory(.objective)) }
    var findings: [Finding] = []
    for reference in context.ledger.references {
      if reference.kinds.contains(where: { index.declares(reference.id, as: $0) }) { continue }
      let unknown = reference.kinds.contains { kind in
        switch kind {
        case .axis, .rolloutStep: visionUnreadable
        case .indicator: objectiveUnreadable
        default: false
        }
      }
      if unknown { continue }
      // A reference that may name several kinds points at no one file.
      let related: [String] =
        switch reference.otherKinds.isEmpty ? reference.kind : nil {
        case nil: []
        case .stakeholder: [context.path(.stakeholder, reference.id)]
        case .objective: [context.path(.objective, reference.id)]
        case .usecase: [context.path(.usecase, reference.id)]
        case .workshop: [context.path(.workshop, reference.id)]
        case .iteration: [context.path(.iteration, reference.id)]
        case .decision: [context.path(.decision, reference.id)]
        case .axis, .rolloutStep: [context.visionPath]
        case .indicator: [context.directory(.objective)]
        }
      let say = context.say
      let what =
        reference.field == Reference.fileNameField
        ? say.danglingFileName(reference.id, extension: Self.fileExtension(reference.file))
        : say.danglingField(reference.field)
      if let other = index.firstDeclarations[reference.id] {
        findings.append(
          finding(
            reference.file, reference.location,
            say.danglingKind(what, reference.id, is: other.kind, not: reference.kinds),
            hint: say.danglingKindHint(reference.kinds),
            related: related))
        continue
      }
      let match = Suggestion.match(for: reference.id, among: reference.kinds.flatMap(ids(of:)).sorted())
      // A file name is renamed, not edited: no fix to offer there.
      let isFileName = reference.field == Reference.fileNameField
      let suggestion = match.map { match in
        guard isFileName else { return say.suggestion(match) }
        return match.reason == .spelling || match.reason == .prefix
          ? say.didYouMean(match.word + Self.fileExtension(reference.file))
          : say.danglingRename(match.word + Self.fileExtension(reference.file))
      }
      findings.append(
        finding(
          reference.file, reference.location,
          say.dangling(what, reference.id, reference.kinds),
          hint: suggestion ?? hint(for: reference, in: context.ledger.directory, say),
          related: related, fix: isFileName ? nil : match.map { Fix(.replace, $0.word) }))
    }
    return findings
  }

  /// The extension of the file whose name is a reference: a retrospective's `.md`, a series' `.csv`.
  private static func fileExtension(_ file: String) -> String { file.hasSuffix(".csv") ? ".csv" : ".md" }

  private func hint(for reference: Reference, in directory: String, _ say: Wording) -> String {
    let prefix = directory.isEmpty ? "" : directory + "/"
    // Written with accents or capitals, and nothing has the id folded either: say how ids are written.
    if let folded = Identifier.folded(reference.id) { return say.danglingFolded(folded, reference.kinds) }
    if !reference.otherKinds.isEmpty { return say.danglingKindHint(reference.kinds) }
    switch reference.kind {
    case .stakeholder: return say.danglingCreate("\(prefix)stakeholders/<id>.md")
    case .objective: return say.danglingCreate("\(prefix)objectives/<id>.md")
    case .usecase: return say.danglingCreate("\(prefix)usecases/<id>.md")
    case .workshop: return say.danglingCreate("\(prefix)workshops/<id>.md")
    case .iteration: return say.danglingCreate("\(prefix)iterations/<id>.md")
    case .decision: return say.danglingCreate("\(prefix)decisions/<id>.md")
    case .axis: return say.danglingAxis("\(prefix)vision.md")
    case .rolloutStep: return say.danglingStep("\(prefix)vision.md")
    case .indicator: return say.danglingIndicator()
    }
  }
}

extension Wording {
  func danglingFileName(_ reference: String, extension fileExtension: String) -> String {
    self(
      en: "the file name '\(reference)\(fileExtension)' names",
      fr: "le nom de fichier « \(reference)\(fileExtension) » désigne")
  }

  func danglingField(_ field: String) -> String {
    self(
      en: "'\(field)' names",
      fr: "le champ « \(field) » désigne")
  }

  /// `a use case` / `un cas d'usage`; several kinds: `a use case, an objective or an iteration`.
  private func anyOf(_ kinds: [EntityKind]) -> String { alternatives(kinds.map { $0.withArticle(self) }) }

  /// `of a use case or an objective` / `d'un cas d'usage ou d'un objectif`.
  private func ofAnyOf(_ kinds: [EntityKind]) -> String {
    alternatives(kinds.map { self(en: $0.withArticle(self), fr: "\(de: $0.withArticle(self))") })
  }

  func danglingKindHint(_ kinds: [EntityKind]) -> String {
    self(en: "use the id of \(self.ofAnyOf(kinds))", fr: "utilisez l'identifiant \(self.ofAnyOf(kinds))")
  }

  func dangling(_ what: String, _ reference: String, _ kinds: [EntityKind]) -> String {
    let none = kinds.map { $0.noneOf(self) }
    let noneFrench = none.dropLast().joined(separator: ", ") + (none.count > 1 ? " ni " : "") + (none.last ?? "")
    return self(
      en: "\(what) '\(reference)', but there is no \(alternatives(kinds.map { $0.noun(self) })) with that id",
      fr: "\(what) « \(reference) », mais \(noneFrench) ne porte cet identifiant")
  }

  func danglingFolded(_ id: String, _ kinds: [EntityKind]) -> String {
    self(
      en: "ids have no accents or capitals, and '\(id)' is not the id of \(self.anyOf(kinds)) either",
      fr:
        "un identifiant n'a ni accents ni majuscules, et « \(id) » n'est pas non plus l'identifiant \(self.ofAnyOf(kinds))"
    )
  }

  func danglingRename(_ fileName: String) -> String {
    self(en: "name the file \(fileName)", fr: "nommez le fichier \(fileName)")
  }

  func danglingCreate(_ prefix: String) -> String {
    self(
      en: "create \(prefix), or fix the id",
      fr: "créez \(prefix), ou corrigez l'identifiant")
  }

  func danglingAxis(_ vision: String) -> String {
    self(
      en: "add the axis to `axes` in \(vision), or fix the id",
      fr: "ajoutez l'axe à `axes` dans \(vision), ou corrigez l'identifiant")
  }

  func danglingStep(_ vision: String) -> String {
    self(
      en: "add the step to `rollout` in \(vision), or fix the id",
      fr: "ajoutez l'étape à `rollout` dans \(vision), ou corrigez l'identifiant")
  }

  func danglingIndicator() -> String {
    self(
      en: "add the indicator to an objective's `indicators`, or fix the id",
      fr: "ajoutez l'indicateur aux `indicators` d'un objectif, ou corrigez l'identifiant")
  }

  func danglingKind(_ what: String, _ reference: String, is actual: EntityKind, not expected: [EntityKind]) -> String {
    self(
      en: "\(what) '\(reference)', which is \(actual.withArticle(self)), not \(self.anyOf(expected))",
      fr: "\(what) « \(reference) », qui est \(actual.withArticle(self)) et non \(self.anyOf(expected))")
  }
}
