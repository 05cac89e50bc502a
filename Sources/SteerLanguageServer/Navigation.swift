import SteerChecks
import SteerLoading
import SteerMetrics
import SteerModel

/// An id written in a document, where the cursor stands.
struct IDAtCursor {
  var id: String
  var kind: EntityKind
  var range: Range
  /// Its declaration, when the id is declared there (an axis, a rollout step, an indicator).
  var isDeclaration: Bool
}

extension LanguageServer {
  /// The range of an id written at `location` (quotes included when it is quoted).
  func idRange(_ id: String, at location: SourceLocation, in positions: TextPositions) -> Range {
    let scalars = Array(id.unicodeScalars).count
    let offset = positions.source.offset(of: location) ?? 0
    let quoted = offset < positions.bytes.count && (positions.bytes[offset] == 0x22 || positions.bytes[offset] == 0x27)
    return positions.range(of: location, scalars: scalars + (quoted ? 2 : 0), encoding)
  }

  /// The id under the cursor: a reference, or a declaration written in the document.
  func id(at position: Position, in path: String) -> IDAtCursor? {
    guard let analysis, let positions = positions(of: path) else { return nil }
    let ledger = analysis.loaded.ledger
    for reference in ledger.references where reference.file == path && reference.field != Reference.fileNameField {
      let range = idRange(reference.id, at: reference.location, in: positions)
      if range.contains(position) {
        // A reference that may name several kinds (`concerns`) names the one the ledger declares.
        let declared = analysis.index.firstDeclarations[reference.id]?.kind
        let kind = declared.flatMap { reference.kinds.contains($0) ? $0 : nil } ?? reference.kind
        return IDAtCursor(id: reference.id, kind: kind, range: range, isDeclaration: false)
      }
    }
    for declaration in ledger.declarations where declaration.file == path && declaration.kind.directoryKind == nil {
      let range = idRange(declaration.id, at: declaration.location, in: positions)
      if range.contains(position) {
        return IDAtCursor(id: declaration.id, kind: declaration.kind, range: range, isDeclaration: true)
      }
    }
    return nil
  }

  /// Where an id is declared: its document's first line, or the id itself inside the vision
  /// or an objective.
  func declaration(of id: String, _ kind: EntityKind) -> Location? {
    guard let analysis, let declaration = analysis.index.firstDeclarations[id], declaration.kind == kind else {
      return nil
    }
    guard kind.directoryKind == nil, let positions = positions(of: declaration.file) else {
      return Location(uri: uri(of: declaration.file), range: Range(start: .zero, end: .zero))
    }
    return Location(uri: uri(of: declaration.file), range: idRange(id, at: declaration.location, in: positions))
  }

  func definition(_ parameters: TextDocumentPositionParams) -> Location? {
    guard let path = path(ofURI: parameters.textDocument.uri), let found = id(at: parameters.position, in: path)
    else { return nil }
    return declaration(of: found.id, found.kind)
  }

  func references(_ parameters: ReferenceParams) -> [Location] {
    guard let path = path(ofURI: parameters.textDocument.uri), let analysis else { return [] }
    let target: (id: String, kind: EntityKind)
    if let found = id(at: parameters.position, in: path) {
      target = (found.id, found.kind)
    } else if let declared = analysis.loaded.ledger.declarations.first(where: {
      $0.file == path && $0.kind.directoryKind != nil
    }) {
      // Anywhere else in a document named after its id: the references to the document.
      target = (declared.id, declared.kind)
    } else {
      return []
    }
    var locations: [Location] = []
    if parameters.context?.includeDeclaration ?? true, let declaration = declaration(of: target.id, target.kind) {
      locations.append(declaration)
    }
    for reference in analysis.loaded.ledger.references
    where reference.id == target.id && reference.kinds.contains(target.kind)
      && reference.field != Reference.fileNameField
    {
      guard let positions = positions(of: reference.file) else { continue }
      locations.append(
        Location(uri: uri(of: reference.file), range: idRange(reference.id, at: reference.location, in: positions)))
    }
    return locations
  }

  // MARK: Hover

  func hover(_ parameters: TextDocumentPositionParams) -> Hover? {
    guard let path = path(ofURI: parameters.textDocument.uri) else { return nil }
    if let found = id(at: parameters.position, in: path) {
      guard let text = describe(found.id, found.kind) else { return nil }
      return Hover(contents: MarkupContent(value: text), range: found.range)
    }
    guard let positions = positions(of: path),
      let context = YAMLContext(path: path, positions, parameters.position, encoding, ledger: project?.live),
      let spec = context.fieldUnderCursor()
    else { return nil }
    return Hover(contents: MarkupContent(value: documentation(of: spec)), range: nil)
  }

  /// Markdown for a field: its name, what it holds, its type, whether it is required.
  func documentation(of spec: FieldSpec) -> String {
    let say = self.say
    var lines = ["**`\(spec.name)`** — \(spec.type.summary(say))"]
    let summary = spec.summary(say)
    if !summary.isEmpty { lines.append(summary.prefix(1).uppercased() + summary.dropFirst()) }
    if spec.isRequired { lines.append(say(en: "Required.", fr: "Obligatoire.")) }
    return lines.joined(separator: "\n\n")
  }

  /// The title of the thing an id names, if the ledger has it.
  func title(of id: String, _ kind: EntityKind) -> String? {
    guard let analysis else { return nil }
    let index = analysis.index
    let ledger = analysis.loaded.ledger
    switch kind {
    case .stakeholder: return index.stakeholders[id]?.name
    case .objective: return index.objectives[id]?.title
    case .usecase: return index.useCases[id]?.title
    case .iteration: return index.iterations[id]?.title
    case .workshop: return ledger.workshops.first { $0.id == id }.map { say.workshopTitle($0.date) }
    case .decision: return ledger.decisions.first { $0.id == id }?.title
    case .axis: return ledger.vision?.axes.first { $0.id.value == id }?.title
    case .rolloutStep: return ledger.vision?.rollout.first { $0.id.value == id }?.title
    case .indicator: return index.indicators[id]?.title
    }
  }

  /// Markdown for the thing an id names: its title, kind and state, and its file.
  func describe(_ id: String, _ kind: EntityKind) -> String? {
    guard let analysis else { return nil }
    let say = self.say
    let index = analysis.index
    guard let declaration = index.firstDeclarations[id], declaration.kind == kind else {
      return say.hoverUnknown(id, kind)
    }
    let heading = "**\(title(of: id, kind) ?? id)** — \(kind.noun(say)) `\(id)`"
    var facts: [String] = []
    switch kind {
    case .stakeholder:
      if let stakeholder = index.stakeholders[id] { facts.append(say.hoverGroup(stakeholder.group.word(say))) }
    case .objective:
      if let objective = index.objectives[id] {
        facts.append(say.hoverStatus(objective.status.word(say)))
        if let progress = analysis.objectiveProgress(id) {
          facts.append(say.hoverProgress(say.percent(progress.value), progress.useCases.count))
        }
      }
    case .usecase:
      if let useCase = index.useCases[id] {
        facts.append(say.hoverPhase(useCase.phase.word(say)))
        facts.append(say.hoverOwner(title(of: useCase.owner.value, .stakeholder) ?? useCase.owner.value))
      }
    case .iteration:
      if let iteration = index.iterations[id] {
        facts.append(say.hoverStatus(iteration.status.word(say)))
        facts.append(say.hoverDates(say.inSentence(iteration.start), say.inSentence(iteration.end)))
      }
    case .workshop:
      if let workshop = analysis.loaded.ledger.workshops.first(where: { $0.id == id }) {
        facts.append(say.hoverParticipants(workshop.participants.count))
      }
    case .decision:
      if let decision = analysis.loaded.ledger.decisions.first(where: { $0.id == id }) {
        facts.append(say.hoverStatus(decision.status.word(say)))
        facts.append(say.hoverDecided(say.inSentence(decision.date)))
      }
    case .indicator:
      if let indicator = index.indicators[id] {
        facts.append(
          say.hoverIndicator(
            say.quantity(indicator.baseline, indicator.unit), say.quantity(indicator.target, indicator.unit),
            say.inSentence(indicator.targetDate)))
      }
    case .axis, .rolloutStep: break
    }
    return ([heading, facts.joined(separator: " · "), "`\(declaration.file)`"].filter { !$0.isEmpty })
      .joined(separator: "\n\n")
  }

  // MARK: Symbols

  func documentSymbols(_ parameters: DocumentSymbolParams) -> [DocumentSymbol] {
    guard let path = path(ofURI: parameters.textDocument.uri), let analysis, let positions = positions(of: path)
    else { return [] }
    let whole = Range(
      start: .zero, end: Position(line: max(0, positions.lineCount - 1), character: 0))
    var children: [DocumentSymbol] = []
    for declaration in analysis.loaded.ledger.declarations
    where declaration.file == path && declaration.kind.directoryKind == nil {
      let range = idRange(declaration.id, at: declaration.location, in: positions)
      children.append(
        DocumentSymbol(
          name: title(of: declaration.id, declaration.kind) ?? declaration.id, detail: declaration.id,
          kind: declaration.kind.symbolKind, range: range, selectionRange: range, children: nil))
    }
    guard
      let declared = analysis.loaded.ledger.declarations.first(where: {
        $0.file == path && $0.kind.directoryKind != nil
      })
    else {
      // The vision and retrospectives declare no id of their own: their inner ids are the symbols.
      return children
    }
    return [
      DocumentSymbol(
        name: title(of: declared.id, declared.kind) ?? declared.id, detail: declared.kind.noun(say),
        kind: declared.kind.symbolKind, range: whole, selectionRange: Range(start: .zero, end: .zero),
        children: children.isEmpty ? nil : children)
    ]
  }

  func workspaceSymbols(_ parameters: WorkspaceSymbolParams) -> [SymbolInformation] {
    guard let analysis else { return [] }
    let query = parameters.query.lowercased()
    var symbols: [SymbolInformation] = []
    for declaration in analysis.loaded.ledger.declarations {
      let title = title(of: declaration.id, declaration.kind)
      guard query.isEmpty || declaration.id.contains(query) || title?.lowercased().contains(query) == true else {
        continue
      }
      var range = Range(start: .zero, end: .zero)
      if declaration.kind.directoryKind == nil, let positions = positions(of: declaration.file) {
        range = idRange(declaration.id, at: declaration.location, in: positions)
      }
      symbols.append(
        SymbolInformation(
          name: title.map { "\($0) (\(declaration.id))" } ?? declaration.id, kind: declaration.kind.symbolKind,
          location: Location(uri: uri(of: declaration.file), range: range),
          containerName: declaration.kind.noun(say)))
      // Editors filter again as the user types: a bounded answer stays fast on a large ledger.
      if symbols.count == 500 { break }
    }
    return symbols
  }
}

extension Analysis {
  /// An objective's progress (docs/metrics.md), from the metrics of the ledger as it stands.
  func objectiveProgress(_ id: String) -> Progress? { metrics.value.objectiveProgress[id] }
}

extension Position {
  static let zero = Position(line: 0, character: 0)
}

extension EntityKind {
  /// LSP's symbol kind for it.
  var symbolKind: Int {
    switch self {
    case .stakeholder: 5  // class
    case .objective: 23  // struct
    case .usecase: 12  // function
    case .workshop: 24  // event
    case .iteration: 2  // module
    case .decision: 25  // operator: what acts on the rest
    case .axis: 10  // enum
    case .rolloutStep: 22  // enum member
    case .indicator: 14  // constant
    }
  }
}

extension Wording {
  func workshopTitle(_ date: CalendarDate) -> String {
    self(en: "workshop of \(inSentence(date))", fr: "atelier du \(inSentence(date))")
  }

  func hoverUnknown(_ id: String, _ kind: EntityKind) -> String {
    let none = kind.noneOf(self)
    let sentence = none.prefix(1).uppercased() + none.dropFirst()
    return self(en: "\(sentence) `\(id)` in the ledger.", fr: "\(sentence) `\(id)` dans le registre.")
  }

  func hoverDecided(_ date: String) -> String { self(en: "decided on \(date)", fr: "décidée le \(date)") }
  func hoverGroup(_ group: String) -> String { self(en: "group: \(group)", fr: "groupe : \(group)") }
  func hoverStatus(_ status: String) -> String { self(en: "status: \(status)", fr: "statut : \(status)") }
  func hoverPhase(_ phase: String) -> String { self(en: "phase: \(phase)", fr: "phase : \(phase)") }
  func hoverOwner(_ owner: String) -> String { self(en: "owner: \(owner)", fr: "responsable : \(owner)") }

  func hoverProgress(_ percent: String, _ useCases: Int) -> String {
    let counted = count(useCases, en: ("use case", "use cases"), fr: ("cas d'usage", "cas d'usage"))
    return self(en: "progress \(percent) over \(counted)", fr: "avancement \(percent) sur \(counted)")
  }

  func hoverDates(_ start: String, _ end: String) -> String {
    self(en: "from \(start) to \(end)", fr: "du \(start) au \(end)")
  }

  func hoverParticipants(_ participants: Int) -> String {
    count(participants, en: ("participant", "participants"), fr: ("participant", "participants"))
  }

  /// `from 70% to 90% by 2028-09-30` / `de 70 % à 90 % d'ici le 30 septembre 2028`.
  func hoverIndicator(_ baseline: String, _ target: String, _ date: String) -> String {
    self(en: "from \(baseline) to \(target) by \(date)", fr: "de \(baseline) à \(target) d'ici le \(date)")
  }
}
