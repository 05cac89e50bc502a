import SteerFiles
import SteerModel

/// What reading one file produced: its typed document if it could be built, its findings,
/// and the ids it declares and references.
struct ReadDocument: Sendable {
  var path: String
  var content: LedgerDocument?
  var findings: [Finding] = []
  var declarations: [Declaration] = []
  var references: [Reference] = []
  var suppressions: [Suppression] = []
}

/// Reads one ledger document: front matter, YAML, schema, typed model. Pure: bytes in, values out.
enum DocumentReader {
  /// How many files a thread reads with one `YAMLReader`: enough that making readers costs
  /// nothing, few enough that the chunks share out evenly over the cores.
  static let chunk = 32

  /// - Parameter yaml: the reader to parse with, kept from file to file by the thread that reads them.
  static func read(
    _ contents: FileContents, path: String, kind: DocumentKind, stem: String, say: Wording = Wording(),
    yaml: YAMLReader
  ) -> ReadDocument {
    var result = ReadDocument(path: path)
    func frontMatterError(_ message: String, at location: SourceLocation, hint: String?) -> ReadDocument {
      result.findings.append(
        Finding(rule: ReadingRule.frontMatter.rawValue, file: path, location: location, message: message, hint: hint))
      return result
    }

    // The stem is an id: declare it even if the content is unreadable, so that references
    // to this document do not all turn into dangling-reference findings.
    if let entity = kind.declares {
      if Identifier.isValid(stem) {
        result.declarations.append(Declaration(id: stem, kind: entity, file: path, location: .fileStart))
      } else {
        result.findings.append(
          Finding(
            rule: ReadingRule.schema.rawValue, file: path, location: .fileStart, message: say.schemaFileName(stem),
            hint: Identifier.folded(stem).map { say.schemaFileNameFoldHint($0) } ?? say.schemaFileNameHint()))
      }
    } else if kind == .retro {
      result.references.append(
        Reference(id: stem, kind: .iteration, field: Reference.fileNameField, file: path, location: .fileStart))
    }

    let bytes: [UInt8]
    switch contents {
    case .bytes(let read): bytes = read
    case .tooLarge(let size):
      return frontMatterError(
        say.frontmatterTooLarge(size / 1024, FrontMatter.maximumFileSize >> 20), at: .fileStart,
        hint: say.frontmatterTooLargeHint())
    case .unreadable(let reason):
      let hint: String? =
        switch reason {
        case .symbolicLink, .notARegularFile, .notADirectory:
          say(
            en: "put the document itself here, or start its name with '_' to keep it out of the ledger",
            fr: "placez ici le document lui-même, ou faites commencer son nom par « _ » pour l'exclure du registre")
        case .system, .missingBlob: nil
        }
      return frontMatterError(say.frontmatterUnreadable(reason.text(say)), at: .fileStart, hint: hint)
    }
    return bytes.withUnsafeBufferPointer { buffer in
      let frontMatter: FrontMatter
      do throws(FrontMatter.Problem) {
        frontMatter = try FrontMatter.split(buffer)
      } catch {
        return frontMatterError(error.message(say), at: error.location, hint: error.hint(say))
      }
      let node: YAMLNode?
      do throws(YAMLReadError) {
        node = try yaml.read(
          UnsafeBufferPointer(rebasing: buffer[frontMatter.yaml]), firstLine: frontMatter.yamlFirstLine)
      } catch {
        return frontMatterError(error.message(say), at: error.location, hint: error.hint(say))
      }
      result.suppressions = SuppressionReader.read(buffer, frontMatter: frontMatter, file: path)
      if let misplaced = misplaced(node, path: path, kind: kind, say: say) {
        // Said once, rather than as this kind's unknown and missing fields; its stem declares
        // nothing of this kind.
        result.declarations = []
        result.references = []
        result.findings.append(misplaced)
        return result
      }
      var validator = Validator(file: path, wording: say)
      let object = validator.validateDocument(node, fields: kind.fields, noun: kind.withArticle(say))
      result.findings += validator.findings
      result.declarations += validator.declarations
      result.references += validator.references
      let body = String(decoding: UnsafeBufferPointer(rebasing: buffer[frontMatter.body]), as: UTF8.self)
      if let object { result.content = build(object, kind: kind, stem: stem, path: path, body: body) }
      return result
    }
  }

  /// The finding for another kind's document filed in this kind's folder, if it is one.
  private static func misplaced(_ node: YAMLNode?, path: String, kind: DocumentKind, say: Wording) -> Finding? {
    guard case .mapping(let entries)? = node?.content else { return nil }
    let keys = entries.compactMap { $0.key.scalar?.text }
    guard let likelier = FieldTables.likelierKind(of: keys, filedAs: kind) else { return nil }
    // The ledger's folder: the file's own for the vision, its folder's parent for the others.
    var folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
    if kind.directory != nil { folder = folder.dropLast() }
    let target = (folder + [Substring(likelier.directory ?? "")]).joined(separator: "/") + "/"
    let theirs = keys.filter { key in likelier.fields.contains { $0.name == key } }
    let required = kind.fields.filter(\.isRequired).map(\.name)
    return Finding(
      rule: ReadingRule.schema.rawValue, file: path, location: .fileStart,
      message: say.schemaMisplaced(likelier.withArticle(say), kind.withArticle(say), fields: theirs),
      hint: say.schemaMisplacedHint(target, kind.withArticle(say), required: required))
  }

  private static func build(
    _ object: ValidatedObject, kind: DocumentKind, stem: String, path: String, body: String
  ) -> LedgerDocument? {
    switch kind {
    case .vision: DocumentBuilder.vision(object, file: path, body: body).map { .vision($0) }
    case .stakeholder: DocumentBuilder.stakeholder(object, id: stem, file: path, body: body).map { .stakeholder($0) }
    case .objective: DocumentBuilder.objective(object, id: stem, file: path, body: body).map { .objective($0) }
    case .usecase: DocumentBuilder.useCase(object, id: stem, file: path, body: body).map { .useCase($0) }
    case .workshop: DocumentBuilder.workshop(object, id: stem, file: path, body: body).map { .workshop($0) }
    case .iteration: DocumentBuilder.iteration(object, id: stem, file: path, body: body).map { .iteration($0) }
    case .retro: DocumentBuilder.retro(object, iteration: stem, file: path, body: body).map { .retro($0) }
    case .decision: DocumentBuilder.decision(object, id: stem, file: path, body: body).map { .decision($0) }
    }
  }
}

extension Wording {
  func schemaFileName(_ stem: String) -> String {
    self(
      en: "the file name '\(stem).md' is not a valid id",
      fr: "le nom de fichier « \(stem).md » n'est pas un identifiant valide")
  }

  func schemaMisplaced(_ likelier: String, _ filedAs: String, fields: [String]) -> String {
    self(
      en: "this file reads as \(likelier), not \(filedAs): its fields \(conjunction(fields)) are those of \(likelier)",
      fr:
        "ce fichier ressemble à \(likelier), pas à \(filedAs) : ses champs \(conjunction(fields)) sont ceux \(de: likelier)"
    )
  }

  func schemaMisplacedHint(_ folder: String, _ filedAs: String, required: [String]) -> String {
    self(
      en: "move it to \(folder) (or, if it is \(filedAs), give it the fields \(conjunction(required)))",
      fr:
        "déplacez-le dans \(folder) (ou, s'il s'agit bien \(de: filedAs), donnez-lui les champs \(conjunction(required)))"
    )
  }

  func schemaFileNameHint() -> String {
    self(
      en: "rename the file: ids use lowercase letters a-z, digits and '-', at most 64 characters",
      fr: "renommez le fichier : un identifiant s'écrit en minuscules a-z, chiffres et « - », au plus 64 caractères")
  }

  func schemaFileNameFoldHint(_ id: String) -> String {
    self(
      en: "rename the file \(id).md: ids are written in lowercase letters a-z, digits and '-'",
      fr: "renommez le fichier \(id).md : un identifiant s'écrit en minuscules a-z, chiffres et « - »")
  }

  func frontmatterTooLarge(_ size: Int, _ maximumFileSize: Int) -> String {
    self(
      en: "the file is \(size) KiB; ledger documents are limited to \(maximumFileSize) MiB",
      fr: "le fichier fait \(size) Kio ; les documents du registre sont limités à \(maximumFileSize) Mio")
  }

  func frontmatterTooLargeHint() -> String {
    self(
      en: "move long material out of the ledger and link to it",
      fr: "sortez les contenus longs du registre et faites-y un lien")
  }

  func frontmatterUnreadable(_ reason: String) -> String {
    self(
      en: "the file could not be read: \(reason)",
      fr: "le fichier n'a pas pu être lu : \(reason)")
  }
}
