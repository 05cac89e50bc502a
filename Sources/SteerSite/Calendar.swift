import SteerModel

/// One event of `calendar.ics`: a whole-day event, as a ledger dates things by the day.
public struct CalendarEvent: Sendable, Equatable {
  /// Stable across exports: the document's kind and id (`workshop-<id>@<territory>.steer`).
  public var uid: String
  public var start: CalendarDate
  /// The last day; DTEND, exclusive, is the day after.
  public var end: CalendarDate
  public var summary: String
  public var description: String
  /// The address of the event's page: nil unless `publication.site` says where the site is
  /// published (a calendar application reads no relative link).
  public var url: String?
  /// How many times its dates changed (RFC 5545's SEQUENCE).
  public var sequence: Int
}

/// How many times each workshop's date and each iteration's dates changed, along the
/// first-parent history and then to the ledger as read: the SEQUENCE of `calendar.ics`'s
/// events. Read from git rather than remembered beside the site, so that the same revision
/// gives the same calendar wherever, and however often, the site is written.
public struct EventSequences: Sendable, Equatable {
  /// Workshop id → the changes of its `date`.
  public var workshops: [String: Int] = [:]
  /// Iteration id → the changes of its `start` or `end`.
  public var iterations: [String: Int] = [:]

  public init(workshops: [String: Int] = [:], iterations: [String: Int] = [:]) {
    self.workshops = workshops
    self.iterations = iterations
  }
}

/// RFC 5545 text: CRLF line ends, lines folded at 75 octets (never inside a UTF-8 sequence),
/// TEXT values escaped.
public enum ICalendar {
  public static func file(name: String, stamp: String, events: [CalendarEvent]) -> [UInt8] {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Steer//steer site//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:" + escaped(name),
    ]
    for event in events {
      lines +=
        [
          "BEGIN:VEVENT", "UID:" + escaped(event.uid), "DTSTAMP:" + stamp,
          "DTSTART;VALUE=DATE:" + date(event.start), "DTEND;VALUE=DATE:" + date(event.end.adding(days: 1)),
          "SEQUENCE:\(event.sequence)", "SUMMARY:" + escaped(event.summary),
          "DESCRIPTION:" + escaped(event.description),
        ] + (event.url.map { ["URL:" + $0] } ?? []) + ["TRANSP:TRANSPARENT", "END:VEVENT"]
    }
    lines.append("END:VCALENDAR")
    return lines.flatMap(folded)
  }

  /// A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545, 3.3.11).
  public static func escaped(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "\\": output += "\\\\"
      case ";": output += "\\;"
      case ",": output += "\\,"
      case "\n", "\r\n", "\r": output += "\\n"
      default: output.append(character)
      }
    }
    return output
  }

  /// A content line and its CRLF, folded so that no line exceeds 75 octets: a continuation
  /// starts with a space, which counts in its 75.
  public static func folded(_ line: String) -> [UInt8] {
    var output: [UInt8] = []
    var width = 0
    for scalar in line.unicodeScalars {
      let bytes = Array(String(scalar).utf8)
      if width + bytes.count > 75 {
        output += [0x0D, 0x0A, 0x20]
        width = 1
      }
      output += bytes
      width += bytes.count
    }
    return output + [0x0D, 0x0A]
  }

  /// A DATE value: `20260312`.
  static func date(_ date: CalendarDate) -> String { date.description.filter { $0 != "-" } }

  /// A DATE-TIME in UTC (`20260312T093000Z`) from seconds since 1970.
  public static func stamp(epochSeconds seconds: Int64) -> String {
    let second = Int((seconds % 86_400 + 86_400) % 86_400)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    return date(CalendarDate(epochSeconds: seconds)) + "T" + two(second / 3600) + two(second / 60 % 60)
      + two(second % 60) + "Z"
  }
}

extension Site {
  /// Where `steer site` writes the calendar, at the site's root.
  public static let calendarFile = "calendar.ics"

  /// `calendar.ics` but for each event's SEQUENCE, which git's history gives: a whole-day
  /// event per workshop, and one per iteration spanning its start to its end; `stamp` is the
  /// commit's time, so that the same revision gives the same bytes.
  public func calendarDraft(stamp: Int64?) -> CalendarDraft {
    let domain = (Slug.make(siteTitle).nonEmpty ?? "ledger") + ".steer"
    let site = model.input.configuration.publication.site.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    func event(
      _ kind: EntityKind, _ id: String, _ dates: (CalendarDate, CalendarDate), _ summary: String, _ about: [String]
    ) -> CalendarDraft.Event {
      let page = Links.path(kind, id)
      let url = site.map { $0 + page }
      let event = CalendarEvent(
        uid: "\(kind.rawValue)-\(id)@\(domain)", start: dates.0, end: dates.1, summary: summary,
        description: (about + [say.calendarPage(url ?? page)]).joined(separator: "\n"), url: url, sequence: 0)
      return CalendarDraft.Event(event: event, isWorkshop: kind == .workshop, id: id)
    }
    let workshops = ledger.workshops.map { workshop in
      event(
        .workshop, workshop.id, (workshop.date, workshop.date), workshop.name(say),
        [say.calendarPhase(workshop.phase.word(say))])
    }
    let iterations = ledger.iterations.map { iteration in
      event(
        .iteration, iteration.id, (iteration.start, iteration.end), iteration.title,
        [EntityKind.iteration.noun(say).capitalizedFirst] + (iteration.goal.map { [$0] } ?? []))
    }
    let events = (workshops + iterations).sorted { ($0.event.start, $0.event.uid) < ($1.event.start, $1.event.uid) }
    return CalendarDraft(
      name: siteTitle,
      stamp: ICalendar.stamp(epochSeconds: stamp ?? Int64(model.input.today.daysSinceEpoch) * 86_400),
      events: events)
  }

  /// `calendar.ics`: the draft's events, each with its SEQUENCE from `sequences`.
  public func calendar(_ draft: CalendarDraft, sequences: EventSequences) -> [UInt8] {
    let events = draft.events.map { draft in
      var event = draft.event
      event.sequence = (draft.isWorkshop ? sequences.workshops : sequences.iterations)[draft.id] ?? 0
      return event
    }
    return ICalendar.file(name: draft.name, stamp: draft.stamp, events: events)
  }
}

/// The calendar before its SEQUENCEs, and the digest of all it shows but them: with the commit
/// whose history gives them, what tells `steer site` that the calendar it wrote is still right,
/// without reading that history again.
public struct CalendarDraft: Sendable {
  struct Event: Sendable {
    var event: CalendarEvent
    var isWorkshop: Bool
    var id: String
  }

  let name: String
  let stamp: String
  let events: [Event]
  public let digest: UInt64

  init(name: String, stamp: String, events: [Event]) {
    self.name = name
    self.stamp = stamp
    self.events = events
    var digest = PageDigest()
    digest.add([SteerVersion.current, name, stamp])
    digest.add(events.count)
    for event in events.map(\.event) {
      digest.add([event.uid, event.start.description, event.end.description, event.summary, event.description])
      digest.add(event.url)
    }
    self.digest = digest.value
  }
}

extension Wording {
  var calendar: String { self(en: "Calendar", fr: "Calendrier") }

  fileprivate func calendarPhase(_ phase: String) -> String {
    self(en: "Workshop phase: \(phase)", fr: "Phase de l'atelier : \(phase)")
  }

  fileprivate func calendarPage(_ path: String) -> String {
    self(en: "Page: \(path)", fr: "Page : \(path)")
  }
}

extension String {
  fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
