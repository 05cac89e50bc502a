import Foundation
import Mustache
import SteerModel

/// A team's template directory (`--template DIR`): its files, read, and said by the path the
/// user gave, so that a template that does not parse, or a file that replaces nothing, is named
/// as the user knows it.
package struct TemplateFiles {
  /// Where the directory is read.
  let path: String
  /// The directory as the user named it.
  let shown: String
  /// The names of its files, sorted; hidden files (`.DS_Store`, an editor's) are left out.
  package let names: [String]

  package init(path: String, shown: String) throws {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
      throw SteerError(
        en: "cannot read the template directory \(shown)", fr: "impossible de lire le répertoire de modèles \(shown)")
    }
    self.path = path
    self.shown = shown
    self.names = names.filter { name in
      var isDirectory: ObjCBool = false
      return !name.hasPrefix(".")
        && FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }.sorted()
  }

  /// The text of a file, nil when it cannot be read as UTF-8.
  package func text(_ name: String) -> String? { try? String(contentsOfFile: path + "/" + name, encoding: .utf8) }

  /// A file's path as the user would write it.
  package func shown(_ name: String) -> String { shown.hasSuffix("/") ? shown + name : shown + "/" + name }

  /// Each `*.mustache` file: its template's name (without the extension), its text, its path as shown.
  package var templates: [(name: String, text: String, file: String)] {
    names.filter { $0.hasSuffix(".mustache") }.compactMap { name in
      text(name).map { (String(name.dropLast(".mustache".count)), $0, shown(name)) }
    }
  }

  /// The files that replace nothing: none of `replaceable` (file names), and no template
  /// reached from `roots` through the partials of `library` includes them.
  package func unused(replaceable: [String], roots: [String], library: MustacheLibrary) -> [String] {
    var reached: Set<String> = []
    var pending = roots
    while let name = pending.popLast() {
      guard !reached.contains(name), let template = library.getTemplate(named: name) else { continue }
      reached.insert(name)
      pending += template.partialNames
    }
    return names.filter { name in
      !replaceable.contains(name) && !(name.hasSuffix(".mustache") && reached.contains(String(name.dropLast(9))))
    }
  }
}

/// Which templates a directory replaces: the summary's or the site's.
package enum TemplateSet: Sendable {
  case summary, site

  /// A warning for a file of the directory that replaces nothing, naming the files that can
  /// (the nearest first, when one is close).
  package func unusedWarning(_ file: String, name: String, replaceable: [String], _ say: Wording) -> String {
    // Compared without the extension every name shares: `.mustache` would let any two short
    // names pass for close (`notes.mustache`, `line.mustache`).
    func stem(_ name: String) -> String { name.hasSuffix(".mustache") ? String(name.dropLast(9)) : name }
    let nearest = Suggestion.closest(to: stem(name), among: replaceable.map(stem)).flatMap { found in
      replaceable.first { stem($0) == found }
    }
    let others = say.alternatives(replaceable)
    let (en, fr) = self == .summary ? ("the summary's", "de la synthèse") : ("the site's", "du site")
    return say(
      en:
        "steer: warning: \(file) is ignored: it replaces none of \(en) templates and none includes it; a template file is named \(others)\(nearest.map { "; did you mean \($0)?" } ?? "")",
      fr:
        "steer : avertissement : \(file) est ignoré : il ne remplace aucun modèle \(fr) et aucun ne l'inclut ; un fichier de modèle se nomme \(others)\(nearest.map { French(" ; vouliez-vous dire \($0) ?") } ?? "")"
    )
  }
}

extension MustacheLibrary {
  /// Registers each template (name, text, the file as the user knows it); one that does not
  /// parse is a `SteerError` naming the file, line and column, and what is wrong in words.
  package mutating func register(_ sources: some Sequence<(name: String, text: String, file: String)>) throws {
    for (name, text, file) in sources {
      do {
        try register(text, named: name)
      } catch let error as MustacheTemplate.ParserError {
        let (line, column) = (error.context.lineNumber, error.context.columnNumber)
        let en = Wording(.en).templateSyntax(error)
        let fr = Wording(.fr).templateSyntax(error)
        throw SteerError(en: "\(file):\(line):\(column): \(en)", fr: "\(file):\(line):\(column) : \(fr)")
      }
    }
  }
}

extension Wording {
  /// What a swift-mustache parser error means, in words.
  fileprivate func templateSyntax(_ error: MustacheTemplate.ParserError) -> String {
    let open = error.openSection.map { "{{\($0.sigil)\($0.name)}}" } ?? ""
    let expected = error.openSection.map { "{{/\($0.name)}}" } ?? ""
    switch error.error as? MustacheTemplate.Error {
    case .expectedSectionEnd:
      return self(
        en: "the section \(open) is never closed (\(expected) expected)",
        fr: "la section \(open) n'est jamais fermée (\(expected) attendu)")
    case .sectionCloseNameIncorrect:
      let closing = "{{/\(error.closingName ?? "")}}"
      guard let section = error.openSection else {
        return self(
          en: "\(closing) closes no section: none is open",
          fr: "\(closing) ne ferme aucune section : aucune n'est ouverte")
      }
      let line = section.context.lineNumber
      return self(
        en: "\(closing) does not close the open section, \(open) of line \(line) (\(expected) expected first)",
        fr: "\(closing) ne ferme pas la section ouverte, \(open) de la ligne \(line) (\(expected) attendu d'abord)")
    case .unfinishedName:
      return self(
        en: "a tag is not closed, or its name holds a character a name cannot hold (}} expected)",
        fr: "une balise n'est pas fermée, ou son nom contient un caractère qu'un nom ne peut contenir (}} attendu)")
    case .unexpectedEnd:
      return self(
        en: "the template ends inside a tag ({{ with no }})",
        fr: "le modèle s'arrête au milieu d'une balise ({{ sans }})")
    case .invalidSetDelimiter:
      return self(
        en: "a change of delimiters is malformed (it is written {{=<% %>=}})",
        fr: "un changement de délimiteurs est mal formé (il s'écrit {{=<% %>=}})")
    case .transformAppliedToInheritanceSection:
      return self(
        en: "a block {{$name}} cannot take a transform", fr: "un bloc {{$nom}} ne peut pas prendre de transformation")
    case .illegalTokenInsideInheritSection, .textInsideInheritSection:
      return self(
        en: "only blocks ({{$name}}…{{/name}}) may stand inside a partial with inheritance ({{<partial}}…{{/partial}})",
        fr: "seuls des blocs ({{$nom}}…{{/nom}}) peuvent figurer dans un partiel hérité ({{<partiel}}…{{/partiel}})")
    case .invalidConfigVariableSyntax:
      return self(
        en: "a configuration tag is malformed (it is written {{% CONTENT_TYPE: HTML}})",
        fr: "une balise de configuration est mal formée (elle s'écrit {{% CONTENT_TYPE: HTML}})")
    case .unrecognisedConfigVariable:
      return self(
        en: "unknown configuration tag: the one known is {{% CONTENT_TYPE: …}}, with HTML, MARKDOWN or TEXT",
        fr: "balise de configuration inconnue : la seule connue est {{% CONTENT_TYPE: …}}, avec HTML, MARKDOWN ou TEXT")
    case nil:
      return self(
        en: "the template cannot be read (\(String(describing: error.error)))",
        fr: "le modèle est illisible (\(String(describing: error.error)))")
    }
  }
}
