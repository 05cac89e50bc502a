import Foundation
import SteerKit
import SteerModel
import SteerSummary
import Testing

/// `steer site` into a directory that holds the site it wrote before: only the pages whose
/// digest changed are written again, and what it leaves is the site written afresh.
@Suite struct IncrementalSiteTests {
  static let day = CalendarDate(year: 2026, month: 11, day: 21)!
  /// The modification time every file of a site is set to, so that a file written since is told apart.
  static let aged = Date(timeIntervalSince1970: 1_000_000_000)

  /// Every regular file of a site but its marker, by path from its root.
  func tree(_ directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: directory) where path != ".steer-site" {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      files[path] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + path))
    }
    return files
  }

  /// Sets every file the marker names to `aged`, and the marker to say so.
  func age(_ site: String) throws {
    let marker = try String(contentsOfFile: site + "/.steer-site", encoding: .utf8)
    var lines = [String(marker.split(separator: "\n")[0])]
    for line in marker.split(separator: "\n").dropFirst() {
      var fields = line.split(separator: " ", maxSplits: 4).map(String.init)
      try FileManager.default.setAttributes([.modificationDate: Self.aged], ofItemAtPath: site + "/" + fields[4])
      fields[2] = String(Int(Self.aged.timeIntervalSince1970))
      fields[3] = "0"
      lines.append(fields.joined(separator: " "))
    }
    try (lines.joined(separator: "\n") + "\n").write(toFile: site + "/.steer-site", atomically: false, encoding: .utf8)
  }

  /// The files of an aged site written since it was aged.
  func written(_ site: String) throws -> Set<String> {
    Set(
      try tree(site).keys.filter {
        try FileManager.default.attributesOfItem(atPath: site + "/" + $0)[.modificationDate] as? Date != Self.aged
      })
  }

  func build(
    _ repository: String, to out: String, language: Language = .fr, audience: Audience = .technical,
    templates: String? = nil
  ) throws -> Session.SiteWritten {
    try SteerTests.session(repository, language: language)
      .site(audience: audience, to: out, templates: templates, today: Self.day)
  }

  /// A use case retitled: its page and those that show its title are written again, no other.
  @Test func aChangedTitleWritesOnlyThePagesThatShowIt() throws {
    let repository = try referenceRepository()
    defer { repository.remove() }
    let out = repository.path + "/site"
    let first = try build(repository.path, to: out)
    #expect(first.written == first.pages)
    let before = try tree(out)
    try age(out)
    let file = "vision/usecases/comptage-velos.md"
    try repository.write(
      file,
      try repository.read(file).replacingOccurrences(
        of: "title: Comptage des vélos sur les axes principaux", with: "title: Compteurs de vélos"))
    let second = try build(repository.path, to: out)
    let after = try tree(out)
    let changed = Set(after.keys.filter { after[$0] != before[$0] })
    #expect(changed.contains("usecases/comptage-velos.html") && changed.contains("index.html"))
    #expect(
      changed.contains("iterations/it-2026-t4.html")
        && changed.contains("workshops/atelier-2026-10-voirie-analyse.html"))
    #expect(!changed.contains("usecases/wifi-plages.html"))
    #expect(try written(out) == changed)
    #expect(second.written == changed.filter { $0.hasSuffix(".html") }.count)
    #expect(second.written < second.pages / 4)
    let fresh = repository.path + "/fresh"
    _ = try build(repository.path, to: fresh)
    #expect(try tree(fresh) == after)
  }

  /// A change to the ledger, the options `steer site` then runs with, and whether the
  /// calendar changes (it is written again only then, without reading git's history otherwise).
  struct Step {
    var name: String
    var language = Language.fr
    var audience = Audience.technical
    var templates: String?
    var calendar: Bool
    var change: () throws -> Void

    init(
      _ name: String, language: Language = .fr, audience: Audience = .technical, templates: String? = nil,
      calendar: Bool = false, change: @escaping () throws -> Void
    ) {
      self.name = name
      self.language = language
      self.audience = audience
      self.templates = templates
      self.calendar = calendar
      self.change = change
    }
  }

  /// Over a sequence of changes, the site written over the previous one is, byte for byte,
  /// the site written into a new directory.
  @Test func anIncrementalSiteIsTheSiteWrittenAfresh() throws {
    let repository = try referenceRepository()
    defer { repository.remove() }
    let out = repository.path + "/site"
    let bundled = packageRoot + "/templates/site/"
    let templates = repository.path + "/templates"
    let workshop = "vision/workshops/atelier-2025-03-plages-analyse.md"
    let steps: [Step] = [
      Step("first", calendar: true) {},
      Step("a use case added") {
        try repository.write(
          "vision/usecases/navette-plages.md",
          "---\ntitle: Navette des plages\nobjectives: [mobilite-apaisee]\nphase: idea\nowner: services-techniques\n"
            + "effort: 2\n---\nUne navette l'été.\n")
      },
      Step("a use case removed") {
        try FileManager.default.removeItem(atPath: repository.path + "/vision/usecases/wifi-plages.md")
      },
      Step("a use case renamed") {
        try FileManager.default.moveItem(
          atPath: repository.path + "/vision/usecases/navette-plages.md",
          toPath: repository.path + "/vision/usecases/navette-estivale.md")
      },
      Step("another language", language: .en, calendar: true) {},
      Step("a template changed", language: .en, templates: templates) {
        let part = try String(contentsOfFile: bundled + "part.mustache", encoding: .utf8)
        try repository.write(
          "templates/part.mustache",
          part.replacingOccurrences(of: "<span class=\"tag\">", with: "<span class=\"tag label\">"))
        try repository.write("templates/style.css", "body { margin: 0 }\n")
      },
      Step("another audience", language: .en, audience: .public, templates: templates) {},
      Step("a workshop moved", language: .en, audience: .public, templates: templates, calendar: true) {
        try repository.write(
          workshop, try repository.read(workshop).replacingOccurrences(of: "date: 2025-03-12", with: "date: 2025-03-19")
        )
      },
      // Its SEQUENCE raised, and the calendar's stamp: the commit's time.
      Step("the move committed", language: .en, audience: .public, templates: templates, calendar: true) {
        try git(["commit", "-q", "-am", "Atelier déplacé"], in: repository.path)
      },
      Step("nothing changed", language: .en, audience: .public, templates: templates) {},
    ]
    for (number, step) in steps.enumerated() {
      if number > 0 { try age(out) }
      try step.change()
      let incremental = try build(
        repository.path, to: out, language: step.language, audience: step.audience, templates: step.templates)
      let fresh = repository.path + "/fresh-\(number)"
      let afresh = try build(
        repository.path, to: fresh, language: step.language, audience: step.audience, templates: step.templates)
      #expect(try tree(out) == tree(fresh), "\(step.name)")
      #expect(incremental.pages == afresh.pages, "\(step.name)")
      #expect(try written(out).contains("calendar.ics") == step.calendar, "\(step.name)")
      if step.name == "nothing changed" { #expect(try incremental.written == 0 && written(out).isEmpty) }
      if step.name == "another language" || step.name == "a template changed" {
        #expect(incremental.written == incremental.pages, "\(step.name)")
      }
    }
  }

  /// A page removed or edited by hand in the site is written again.
  @Test func aPageRemovedOrEditedByHandIsWrittenAgain() throws {
    let repository = try referenceRepository()
    defer { repository.remove() }
    let out = repository.path + "/site"
    _ = try build(repository.path, to: out)
    let written = try tree(out)
    try FileManager.default.removeItem(atPath: out + "/usecases/wifi-plages.html")
    try "<p>Édité à la main</p>\n".write(toFile: out + "/index.html", atomically: false, encoding: .utf8)
    let again = try build(repository.path, to: out)
    #expect(again.written == 2)
    #expect(try tree(out) == written)
  }

  /// The line `steer site` prints says how many pages were written when some were unchanged.
  @Test(arguments: [
    (Language.en, "(1 written, the others unchanged)", "pages (all unchanged), a stylesheet"),
    (Language.fr, "(1\u{A0}écrite, les autres inchangées)", "pages (toutes inchangées), une feuille de style"),
  ])
  func theOutcomeSaysHowManyPagesWereWritten(language: Language, oneWritten: String, noneWritten: String) throws {
    let repository = try referenceRepository()
    defer { repository.remove() }
    let session = try SteerTests.session(repository.path, language: language)
    let first = try session.siteOutcome(audience: .technical, to: "site").collected().output
    #expect(!first.contains(oneWritten) && !first.contains(noneWritten))
    try FileManager.default.removeItem(atPath: repository.path + "/site/index.html")
    #expect(try session.siteOutcome(audience: .technical, to: "site").collected().output.contains(oneWritten))
    #expect(try session.siteOutcome(audience: .technical, to: "site").collected().output.contains(noneWritten))
  }

  /// A site written by a version whose marker names its pages alone is written whole, and
  /// its pages of documents gone are still removed.
  @Test func aMarkerOfPathsAloneWritesEveryPage() throws {
    let repository = try referenceRepository()
    defer { repository.remove() }
    let out = repository.path + "/site"
    _ = try build(repository.path, to: out)
    let written = try tree(out)
    try ("steer site\n" + written.keys.sorted().joined(separator: "\n") + "\nusecases/gone.html\n")
      .write(toFile: out + "/.steer-site", atomically: false, encoding: .utf8)
    try "old\n".write(toFile: out + "/usecases/gone.html", atomically: false, encoding: .utf8)
    let again = try build(repository.path, to: out)
    #expect(again.written == again.pages)
    #expect(try tree(out) == written)
  }
}
