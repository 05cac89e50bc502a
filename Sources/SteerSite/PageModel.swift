import Mustache
import SteerMarkdown
import SteerSummary

// The site's pages as plain values, as the templates of templates/site/ receive them: every
// text is escaped where a template writes it with `{{ }}`; only a page's Markdown body and the
// charts, made safe by their renderers, are written with `{{{ }}}`. Each type answers the
// names its templates use (docs/templates.md) itself, rather than through reflection: a large
// ledger's site looks names up millions of times.

/// A page: its title and kind, its facts, its Markdown body, its sections; the frame around it
/// (navigation, the documents that name it, the footer) is filled in when it is rendered.
struct PageView: MustacheParent, PageDigestible {
  var title: String
  var kind: String?
  var facts: [Fact] = []
  /// The Markdown body, rendered by cmark-gfm in safe mode into `bodyHTML` only when the page
  /// is written: a page whose digest did not change is not rendered at all.
  var body: MarkdownBody?
  var bodyHTML = ""
  /// Sections in their order; each is numbered as it is added, so that no two share an id.
  private(set) var sections: [Section] = []
  var frame = Frame()

  init(title: String, kind: String? = nil) {
    self.title = title
    self.kind = kind
  }

  /// Adds a section; `content` receives its id, from which a chart takes its own.
  mutating func section(_ heading: String, _ content: (_ id: String) -> Section.Content) {
    let id = "section-\(sections.count + 1)"
    let made = content(id)
    sections.append(Section(id: id, heading: heading, chartSVG: made.chartSVG, blocks: made.blocks))
  }

  mutating func section(_ heading: String, _ blocks: [Block]) { section(heading) { _ in Section.Content(blocks) } }

  /// A page with nothing in it says so rather than stand blank.
  var isEmpty: Bool { sections.isEmpty && facts.isEmpty && bodyHTML.isEmpty }

  func digest(into digest: inout PageDigest) {
    digest.add(title)
    digest.add(kind)
    digest.add(facts)
    digest.add(body)
    digest.add(sections)
    digest.add(frame)
  }

  func child(named name: String) -> Any? {
    switch name {
    case "title": TemplateText(title)
    case "kind": kind.map(TemplateText.init)
    case "facts": facts
    case "body_html": bodyHTML.isEmpty ? nil : TemplateText(bodyHTML)
    case "sections": sections
    case "empty": isEmpty
    default: frame.child(named: name)
    }
  }
}

/// A document's Markdown body, and where its headings stand under the page's.
struct MarkdownBody: PageDigestible {
  var markdown: String
  var headings: Headings

  enum Headings {
    /// A `#` heading at this level, deeper ones below it (`Markdown.html(_:headingsFrom:)`).
    case from(Int)
    /// The shallowest heading at this level, whatever its own (`Markdown.html(_:shallowestHeadingAt:)`).
    case shallowestAt(Int)
  }

  static func from(_ markdown: String, _ top: Int) -> Self { Self(markdown: markdown, headings: .from(top)) }

  var html: String {
    switch headings {
    case .from(let top): Markdown.html(markdown, headingsFrom: top)
    case .shallowestAt(let level): Markdown.html(markdown, shallowestHeadingAt: level)
    }
  }

  func digest(into digest: inout PageDigest) {
    digest.add(markdown)
    switch headings {
    case .from(let top):
      digest.add(false)
      digest.add(top)
    case .shallowestAt(let level):
      digest.add(true)
      digest.add(level)
    }
  }
}

/// What surrounds a page's content: the same on every page but for the links, written from
/// the page's folder.
struct Frame: MustacheParent, PageDigestible, Sendable {
  var lang = ""
  var siteTitle = ""
  var homeHref = ""
  var stylesheetHref = ""
  /// The open data `steer site` writes beside the pages (`data/datapackage.json`).
  var openDataHref = ""
  /// The site's `calendar.ics`.
  var calendarHref = ""
  var labels = FrameLabels()
  var navigation: [NavigationEntry] = []
  var backlinks: [Line] = []
  var footer = ""

  func digest(into digest: inout PageDigest) {
    digest.add([lang, siteTitle, homeHref, stylesheetHref, openDataHref, calendarHref, footer])
    digest.add(labels)
    digest.add(navigation)
    digest.add(backlinks)
  }

  func child(named name: String) -> Any? {
    switch name {
    case "lang": TemplateText(lang)
    case "site_title": TemplateText(siteTitle)
    case "home_href": TemplateText(homeHref)
    case "stylesheet_href": TemplateText(stylesheetHref)
    case "open_data_href": TemplateText(openDataHref)
    case "calendar_href": TemplateText(calendarHref)
    case "labels": labels
    case "navigation": navigation
    case "backlinks": backlinks
    case "footer": TemplateText(footer)
    default: nil
    }
  }
}

/// The frame's own words.
struct FrameLabels: MustacheParent, PageDigestible {
  var navigation = ""
  var namedBy = ""
  var nothingYet = ""
  var openData = ""
  var calendar = ""

  func digest(into digest: inout PageDigest) { digest.add([navigation, namedBy, nothingYet, openData, calendar]) }

  func child(named name: String) -> Any? {
    switch name {
    case "open_data": TemplateText(openData)
    case "calendar": TemplateText(calendar)
    case "navigation": TemplateText(navigation)
    case "named_by": TemplateText(namedBy)
    case "nothing_yet": TemplateText(nothingYet)
    default: nil
    }
  }
}

struct NavigationEntry: MustacheParent, PageDigestible {
  var href: String
  var label: String
  var current: Bool

  func digest(into digest: inout PageDigest) {
    digest.add([href, label])
    digest.add(current)
  }

  func child(named name: String) -> Any? {
    switch name {
    case "href": TemplateText(href)
    case "label": TemplateText(label)
    case "current": current
    default: nil
    }
  }
}

/// A fact of a document: its name, and its values (linked to their pages where the site has one).
struct Fact: MustacheParent, PageDigestible {
  var label: String
  var values: [Part]

  init(_ label: String, _ values: [Part]) {
    self.label = label
    self.values = values
  }

  func digest(into digest: inout PageDigest) {
    digest.add(label)
    digest.add(values)
  }

  func child(named name: String) -> Any? {
    switch name {
    case "label": TemplateText(label)
    case "values": values
    default: nil
    }
  }
}

struct Section: MustacheParent, PageDigestible {
  var id: String
  var heading: String
  /// A chart drawn by `Charts`, its ids made from the section's.
  var chartSVG: String?
  var blocks: [Block]

  /// What a section holds, before it has an id.
  struct Content {
    var chartSVG: String?
    var blocks: [Block]

    init(_ blocks: [Block], chartSVG: String? = nil) {
      self.blocks = blocks
      self.chartSVG = chartSVG
    }
  }

  func digest(into digest: inout PageDigest) {
    digest.add([id, heading])
    digest.add(chartSVG)
    digest.add(blocks)
  }

  func child(named name: String) -> Any? {
    switch name {
    case "id": TemplateText(id)
    case "heading": TemplateText(heading)
    case "chart_svg": chartSVG.map(TemplateText.init)
    case "blocks": blocks
    case "empty": chartSVG == nil && blocks.isEmpty
    default: nil
    }
  }
}

/// One piece of a section, in its order: a paragraph, a list, a table, a subheading, the
/// programme's status or its key figures. A template asks for each by name; the others answer
/// `false`, so that the name is not looked for further up.
enum Block: MustacheParent, PageDigestible {
  case paragraph(Line)
  case list([Line])
  case table(Table)
  case subheading(Line)
  case status(StatusBox)
  case figures([Figure])

  static let names: Set<String> = ["paragraph", "list", "table", "subheading", "status", "figures"]

  /// A list, or nothing when it has no item.
  static func list(ifAny lines: [Line]) -> [Block] { lines.isEmpty ? [] : [.list(lines)] }

  func digest(into digest: inout PageDigest) {
    switch self {
    case .paragraph(let line): digest.add(0); digest.add(line)
    case .list(let lines): digest.add(1); digest.add(lines)
    case .table(let table): digest.add(2); digest.add(table)
    case .subheading(let line): digest.add(3); digest.add(line)
    case .status(let status): digest.add(4); digest.add(status)
    case .figures(let figures): digest.add(5); digest.add(figures)
    }
  }

  func child(named name: String) -> Any? {
    switch (self, name) {
    case (.paragraph(let line), "paragraph"), (.subheading(let line), "subheading"): line
    case (.list(let lines), "list"): ItemList(items: lines)
    case (.table(let table), "table"): table
    case (.status(let status), "status"): status
    case (.figures(let figures), "figures"): FigureList(items: figures)
    default: Self.names.contains(name) ? false : nil
    }
  }
}

/// A list's items, so that a template writes the list's own markup once around them.
struct ItemList: MustacheParent {
  var items: [Line]

  func child(named name: String) -> Any? { name == "items" ? items : nil }
}

struct FigureList: MustacheParent {
  var items: [Figure]

  func child(named name: String) -> Any? { name == "items" ? items : nil }
}

struct Table: MustacheParent, PageDigestible {
  var headers: [String]
  var rows: [[Line]]

  func digest(into digest: inout PageDigest) {
    digest.add(headers)
    digest.add(rows.count)
    for row in rows { digest.add(row) }
  }

  func child(named name: String) -> Any? {
    switch name {
    case "headers": headers.map(TemplateText.init)
    case "rows": rows.map(TableRow.init)
    default: nil
    }
  }
}

struct TableRow: MustacheParent {
  var cells: [Line]

  func child(named name: String) -> Any? { name == "cells" ? cells : nil }
}

/// A line of text made of parts (a list item, a paragraph, a table cell), and the list
/// nested under it, if any.
struct Line: MustacheParent, PageDigestible {
  var parts: [Part]
  var sublist: [Line] = []

  init(_ parts: [Part], sublist: [Line] = []) {
    self.parts = parts
    self.sublist = sublist
  }

  init(_ text: String) { self.init([.text(text)]) }

  func digest(into digest: inout PageDigest) {
    digest.add(parts)
    digest.add(sublist)
  }

  func child(named name: String) -> Any? {
    switch name {
    case "parts": parts
    // `false`, not nil, when there is none: a line's template is a line's partial, and the
    // name would be found in the line around it.
    case "sublist": sublist.isEmpty ? false : ItemList(items: sublist)
    default: nil
    }
  }
}

/// A piece of text and what it is: plain, a link, a tag, code, a note, a flag (`on-track`,
/// `off-track`, `overdue`), or a progress bar with its percentage.
enum Part: MustacheParent, PageDigestible {
  case text(String)
  case link(String, href: String)
  case tag(String)
  case code(String)
  case note(String)
  case flag(String, tone: Tone)
  case progress(Progress)

  enum Tone: String {
    case onTrack = "on-track"
    case offTrack = "off-track"
    case overdue
  }

  /// A share of a whole: `value` out of 100, its text (`46 %`), and what it measures.
  struct Progress {
    var percent: Int
    var text: String
    var label: String
  }

  /// A text linked to `href` when there is one.
  init(_ text: String, href: String?) { self = href.map { .link(text, href: $0) } ?? .text(text) }

  var text: String {
    switch self {
    case .text(let text), .link(let text, _), .tag(let text), .code(let text), .note(let text), .flag(let text, _):
      text
    case .progress(let progress): progress.text
    }
  }

  func digest(into digest: inout PageDigest) {
    switch self {
    case .text(let text): digest.add([text])
    case .link(let text, let href): digest.add(["link", text, href])
    case .tag(let text): digest.add(["tag", text])
    case .code(let text): digest.add(["code", text])
    case .note(let text): digest.add(["note", text])
    case .flag(let text, let tone): digest.add(["flag", text, tone.rawValue])
    case .progress(let progress): digest.add(["progress", progress.text, progress.label, String(progress.percent)])
    }
  }

  func child(named name: String) -> Any? {
    switch (self, name) {
    case (_, "text"): TemplateText(text)
    case (.link(_, let href), "href"): TemplateText(href)
    case (.flag(_, let tone), "tone"): TemplateText(tone.rawValue)
    case (.progress(let progress), "percent"): progress.percent
    case (.progress(let progress), "label"): TemplateText(progress.label)
    case (.text, "plain"), (.link, "link"), (.tag, "tag"), (.code, "code"), (.note, "note"), (.flag, "flag"),
      (.progress, "progress"):
      true
    case (_, "plain"), (_, "link"), (_, "tag"), (_, "code"), (_, "note"), (_, "flag"), (_, "progress"): false
    default: nil
    }
  }
}

/// The programme's status on the index: its level, every reason, and the ledger's own data
/// quality apart.
struct StatusBox: MustacheParent, PageDigestible {
  var level: String
  var label: String
  var reasons: [String]
  var dataQualityLabel: String
  var dataQuality: String?

  func digest(into digest: inout PageDigest) {
    digest.add([level, label, dataQualityLabel])
    digest.add(reasons)
    digest.add(dataQuality)
  }

  func child(named name: String) -> Any? {
    switch name {
    case "level": TemplateText(level)
    case "label": TemplateText(label)
    case "reasons": reasons.map(TemplateText.init)
    case "data_quality_label": TemplateText(dataQualityLabel)
    case "data_quality": dataQuality.map(TemplateText.init)
    default: nil
    }
  }
}

struct Figure: MustacheParent, PageDigestible {
  var value: String
  var label: String

  func digest(into digest: inout PageDigest) { digest.add([value, label]) }

  func child(named name: String) -> Any? {
    switch name {
    case "value": TemplateText(value)
    case "label": TemplateText(label)
    default: nil
    }
  }
}
