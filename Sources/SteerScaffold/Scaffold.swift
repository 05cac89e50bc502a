import Foundation
import SteerFiles
import SteerModel
import SteerTemplates

/// A document ready to be written: where, and what.
public struct PlannedDocument: Hashable, Sendable {
  /// Path relative to the ledger directory.
  public var relativePath: String
  public var contents: String
}

/// Fills the templates of `templates/` (embedded in the binary). A template names values as
/// `{{name}}`; the ones that point at other documents are taken from the ledger, so that
/// every file written passes `steer check`.
public enum Scaffold {
  /// The template of a kind, as shipped in templates/<kind>.md (English) and
  /// templates/fr/<kind>.md (French: the same fields, explained in French).
  public static func template(for kind: DocumentKind, language: Language = .en) -> String {
    let path = (language == .fr ? "fr/" : "") + "\(kind.rawValue).md"
    guard let text = BundledTemplates.file(path) else {
      preconditionFailure("templates/\(path) is missing from the build")
    }
    return text
  }

  /// Plans a new document of `kind` named `title` in `ledger`.
  /// - Parameter id: the id to use instead of the title's slug (for a retro: the iteration id).
  public static func plan(
    _ kind: DocumentKind, title: String, id explicitID: String? = nil, ledger: Ledger, today: CalendarDate,
    language: Language = .en
  ) throws(SteerError) -> PlannedDocument {
    let id: String
    switch kind {
    case .vision:
      id = "vision"
      let path = (ledger.directory.isEmpty ? "" : ledger.directory + "/") + DocumentKind.visionFileName
      if ledger.vision != nil || ledger.documentPaths.sortedContains(path) {
        throw SteerError(
          en: "a ledger has one vision, and this one has it already: \(path)",
          fr: "un registre n'a qu'une vision, et celui-ci a déjà la sienne : \(path)",
          hint: (
            en: "edit \(path), or start another ledger in another directory: steer init path/to/ledger",
            fr:
              "modifiez \(path), ou commencez un autre registre dans un autre répertoire : steer init chemin/du/registre"
          ))
      }
    case .retro:
      id = explicitID ?? title
      guard ledger.declarations.contains(where: { $0.id == id && $0.kind == .iteration }) else {
        let ids = ledger.iterations.map(\.id).sorted().joined(separator: ", ")
        throw SteerError(
          en: "there is no iteration '\(id)' to write a retrospective for",
          fr: "il n'y a pas d'itération « \(id) » dont écrire la rétrospective",
          hint: ids.isEmpty
            ? DocumentKind.iteration.noneYet
            : (
              en: "name an existing iteration id: \(ids)",
              fr: "indiquez l'identifiant d'une itération existante : \(ids)"
            ))
      }
    default:
      id = explicitID ?? Slug.make(title)
    }
    let hint = (
      en: "pass --id with lowercase letters a-z, digits and '-' (at most 64 characters)",
      fr: French("indiquez --id en minuscules a-z, chiffres et « - » (au plus 64 caractères)")
    )
    if id.isEmpty {
      throw SteerError(
        en: "the title '\(title)' gives an empty id", fr: "le titre « \(title) » donne un identifiant vide", hint: hint)
    }
    try Identifier.ensureValid(id, hint: hint)
    if kind == .retro, let retro = ledger.retros.first(where: { $0.iteration == id }) {
      throw SteerError(
        en: "iteration '\(id)' already has a retrospective: \(retro.file)",
        fr: "l'itération « \(id) » a déjà une rétrospective : \(retro.file)")
    }
    if kind != .retro {
      try ledger.ensureFree(
        id, hint: (en: "choose another title, or pass --id", fr: "choisissez un autre titre, ou indiquez --id"))
    }
    let relativePath = kind.directory.map { "\($0)/\(id).md" } ?? DocumentKind.visionFileName
    var values = Placeholders(ledger: ledger, today: today)
    values.fixed["id"] = id
    values.fixed["title"] = yamlQuoted(title)
    values.fixed["heading"] = title.split(whereSeparator: \.isNewline).joined(separator: " ")
    return PlannedDocument(
      relativePath: relativePath, contents: try render(template(for: kind, language: language), with: &values))
  }

  /// Replaces each `{{name}}` of a template.
  static func render(_ template: String, with values: inout Placeholders) throws(SteerError) -> String {
    var output = ""
    var rest = Substring(template)
    while let open = rest.range(of: "{{") {
      output += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].range(of: "}}") else {
        throw SteerError(en: "a template has '{{' without '}}'", fr: "un modèle contient « {{ » sans « }} »")
      }
      let name = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
      output += try values.value(of: name)
      rest = rest[close.upperBound...]
    }
    return output + rest
  }

  /// Writes `contents` to `path` whole, refusing to replace an existing file; an error names
  /// the file as `shown` (from the repository's root, as every path Steer prints).
  public static func write(_ contents: String, to path: String, shownAs shown: String) throws(SteerError) {
    do {
      try FileOutput.create(Array(contents.utf8), at: path)
    } catch  where error.exists {
      throw SteerError(
        en: "cannot write \(shown): it already exists", fr: "impossible d'écrire \(shown) : le fichier existe déjà",
        hint: (en: "choose another title, or pass --id", fr: "choisissez un autre titre, ou indiquez --id"))
    } catch {
      throw SteerError.file(shown, error)
    }
  }

  /// A YAML double-quoted scalar.
  static func yamlQuoted(_ text: String) -> String {
    text.doubleQuoted { scalar in
      guard scalar.value < 0x20 || scalar.value == 0x7F else { return nil }
      return "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
    }
  }
}

/// The values a template may name. Those taken from the ledger are computed only when a
/// template asks for them, and fail with a hint when the ledger has nothing to offer.
struct Placeholders {
  let ledger: Ledger
  let today: CalendarDate
  var fixed: [String: String] = [:]

  func value(of name: String) throws(SteerError) -> String {
    if let value = fixed[name] { return value }
    switch name {
    case "today":
      return today.description
    case "horizon":
      return CalendarDate(year: today.year + 4, month: today.month, day: min(today.day, 28))!.description
    case "stakeholder":
      if let carrier = ledger.vision?.carriedBy.value { return carrier }
      return try first(ledger.stakeholders.map(\.id), .stakeholder)
    case "stakeholder2":
      let primary = try value(of: "stakeholder")
      return try first(
        ledger.stakeholders.map(\.id).filter { $0 != primary }, .stakeholder,
        lacking: (
          en: "needs two stakeholders, and the ledger has only one yet",
          fr: "nomme deux parties prenantes, et le registre n'en a encore qu'une"
        ))
    case "objective":
      return try first(
        ledger.objectives.filter { $0.status == .active }.map(\.id), .objective,
        lacking: (
          en: "needs an active objective, and the ledger has none yet",
          fr: "demande un objectif actif, et le registre n'en a encore aucun"
        ))
    case "axis":
      guard let axis = ledger.vision?.axes.first?.id.value else {
        throw SteerError(
          en: "an objective stands on a strategic axis, and the ledger has no vision with axes yet",
          fr: "un objectif s'inscrit dans un axe stratégique, et le registre n'a pas encore de vision avec des axes",
          hint: (
            en: "write the vision first: \(DocumentKind.vision.newCommand(Wording(.en))) \"…\"",
            fr: "écrivez d'abord la vision : \(DocumentKind.vision.newCommand(Wording(.fr))) \"…\""
          ))
      }
      return axis
    case "usecase":
      return try first(ledger.useCases.filter { $0.phase != .abandoned }.map(\.id), .usecase)
    case "iteration":
      let byStart = ledger.iterations.sorted { $0.start < $1.start }
      guard let iteration = byStart.first(where: { $0.status == .active }) ?? byStart.last else {
        throw SteerError(
          en: "this document names an iteration, and the ledger has none yet",
          fr: "ce document nomme une itération, et le registre n'en a encore aucune",
          hint: DocumentKind.iteration.createFirst)
      }
      return iteration.id
    case "next_start":
      return nextStart.description
    case "next_end":
      return nextStart.adding(days: 13).description
    case "next_status":
      // An iteration that starts today, with none under way, is under way: `planned` would be
      // reported at once (`planned-iteration-started`).
      let underWay = nextStart <= today && !ledger.iterations.contains { $0.status == .active }
      return (underWay ? IterationStatus.active : .planned).rawValue
    default:
      throw SteerError(
        en: "a template names '{{\(name)}}', which Steer does not know",
        fr: "un modèle nomme « {{\(name)}} », que Steer ne connaît pas",
        hint: (
          en:
            "the names are: id, title, heading, today, horizon, stakeholder, stakeholder2, objective, axis, usecase, iteration, next_start, next_end, next_status",
          fr:
            "les noms sont : id, title, heading, today, horizon, stakeholder, stakeholder2, objective, axis, usecase, iteration, next_start, next_end, next_status"
        ))
    }
  }

  /// The day after the last iteration ends, or today for the first one.
  private var nextStart: CalendarDate {
    ledger.iterations.map(\.end).max()?.adding(days: 1) ?? today
  }

  /// The first of `ids`, or an error saying what the ledger lacks and the command that makes it.
  /// - Parameter lacking: what the document needs, when more than one document of `kind`.
  private func first(
    _ ids: [String], _ kind: DocumentKind, lacking: (en: String, fr: French)? = nil
  ) throws(SteerError) -> String {
    guard let id = ids.min() else {
      let (en, fr) = (Wording(.en), Wording(.fr))
      let lacking =
        lacking ?? (
          en: "needs \(kind.withArticle(en)), and the ledger has none yet",
          fr: "demande \(kind.withArticle(fr)), et le registre n'en a encore \(kind.name.feminine ? "aucune" : "aucun")"
        )
      throw SteerError(en: "this document \(lacking.en)", fr: "ce document \(lacking.fr)", hint: kind.createFirst)
    }
    return id
  }
}
