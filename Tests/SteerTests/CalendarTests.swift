import Foundation
import SteerKit
import SteerModel
import SteerSite
import Testing

/// The site's `calendar.ics` (RFC 5545): its lines, its escaping, and events that calendar
/// clients can follow from one site to the next.
@Suite struct CalendarTests {
  /// The content lines of an iCalendar file, unfolded; fails on a line over 75 octets or not
  /// ended by CRLF.
  func lines(_ bytes: [UInt8]) -> [String] {
    var physical: [[UInt8]] = []
    var current: [UInt8] = []
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
        physical.append(current)
        current = []
        index += 2
      } else {
        #expect(bytes[index] != 0x0A, "a bare LF")
        current.append(bytes[index])
        index += 1
      }
    }
    #expect(current.isEmpty, "the file ends with CRLF")
    var logical: [[UInt8]] = []
    for line in physical {
      #expect(line.count <= 75, "\(String(decoding: line, as: UTF8.self)) is over 75 octets")
      if line.first == 0x20, !logical.isEmpty {
        logical[logical.count - 1] += line.dropFirst()
      } else {
        logical.append(line)
      }
    }
    return logical.map { line in
      #expect(String(validatingCString: line.map { CChar(bitPattern: $0) } + [0]) != nil, "valid UTF-8")
      return String(decoding: line, as: UTF8.self)
    }
  }

  /// The events of a calendar: each one's properties by name (parameters dropped).
  func events(_ lines: [String]) -> [[String: String]] {
    var events: [[String: String]] = []
    for line in lines {
      if line == "BEGIN:VEVENT" { events.append([:]) }
      guard !events.isEmpty, let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].split(separator: ";").first.map(String.init) ?? ""
      events[events.count - 1][name] = String(line[line.index(after: colon)...])
    }
    return events
  }

  @Test func textValuesAreEscaped() {
    #expect(ICalendar.escaped("Vélo, bus; tram\\métro\nfin") == "Vélo\\, bus\\; tram\\\\métro\\nfin")
    #expect(ICalendar.escaped("a\r\nb") == "a\\nb")
  }

  @Test func longFrenchLinesFoldAt75OctetsBetweenCharacters() {
    let summary =
      "SUMMARY:" + ICalendar.escaped(String(repeating: "Atelier d'idéation « Sécurité à vélo », ", count: 6))
    let folded = ICalendar.folded(summary)
    let unfolded = lines(folded)
    #expect(unfolded == [summary])
    // Every physical line but the last is full, or would overflow by its next character.
    let physical = String(decoding: folded, as: UTF8.self).components(separatedBy: "\r\n").dropLast()
    #expect(physical.count >= 4)
    for line in physical.dropLast() { #expect(line.utf8.count >= 72 && line.utf8.count <= 75) }
    #expect(ICalendar.folded("UID:a") == Array("UID:a\r\n".utf8))
  }

  @Test func stampsAreUTC() {
    #expect(ICalendar.stamp(epochSeconds: 1_772_960_400) == "20260308T090000Z")
    #expect(ICalendar.stamp(epochSeconds: 0) == "19700101T000000Z")
  }

  /// Writes the site of `directory` and returns its calendar's events.
  func calendar(_ directory: TemporaryDirectory, into site: String) throws -> (
    bytes: [UInt8], events: [[String: String]]
  ) {
    _ = try session(directory.path, language: .fr).site(
      audience: .public, to: site, today: CalendarDate(year: 2026, month: 11, day: 21)!)
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: site + "/calendar.ics")))
    return (bytes, events(lines(bytes)))
  }

  @Test func eventsKeepTheirUIDAndRaiseTheirSequenceWhenMoved() throws {
    let ledger = try fixtureLedger()
    let out = try TemporaryDirectory()
    defer {
      ledger.remove()
      out.remove()
    }
    try commitLedger(ledger)
    let first = try calendar(ledger, into: out.path + "/1")
    let again = try calendar(ledger, into: out.path + "/2")
    #expect(first.bytes == again.bytes, "the same revision gives the same bytes")
    let uids = first.events.compactMap { $0["UID"] }
    #expect(uids.count == 4 && Set(uids).count == 4)
    #expect(
      uids.contains { $0.hasPrefix("workshop-kickoff@") } && uids.contains { $0.hasPrefix("iteration-sprint-1@") })
    let kickoff = try #require(first.events.first { $0["UID"]!.hasPrefix("workshop-kickoff@") })
    #expect(kickoff["DTSTART"] == "20260201" && kickoff["DTEND"] == "20260202" && kickoff["SEQUENCE"] == "0")
    // Without `publication.site`, no URL (a calendar application reads no relative link);
    // the description names the page in the site.
    #expect(kickoff["URL"] == nil)
    #expect(kickoff["DESCRIPTION"]!.hasSuffix("\\nPage\u{202F}: workshops/kickoff.html"))
    #expect(kickoff["SUMMARY"] == "Atelier du 1er février 2026")
    let stamp = try git(["log", "-1", "--format=%ct"], in: ledger.path).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(kickoff["DTSTAMP"] == ICalendar.stamp(epochSeconds: Int64(stamp)!))

    // Moved, and committed: the same UID, a higher SEQUENCE; the other events stay at 0.
    let file = "vision/workshops/kickoff.md"
    try ledger.write(file, try ledger.read(file).replacingOccurrences(of: "2026-02-01", with: "2026-02-08"))
    try git(["commit", "-q", "-am", "Atelier déplacé"], in: ledger.path)
    let moved = try calendar(ledger, into: out.path + "/3")
    #expect(moved.events.compactMap { $0["UID"] }.sorted() == uids.sorted())
    let after = try #require(moved.events.first { $0["UID"] == kickoff["UID"] })
    #expect(after["DTSTART"] == "20260208" && after["SEQUENCE"] == "1")
    #expect(moved.events.filter { $0["SEQUENCE"] != "0" }.count == 1)

    // Where the site is published, each event links its page there.
    try ledger.write(".steer.yaml", "publication:\n  site: https://www.port-sablon.fr/programme\n")
    let published = try calendar(ledger, into: out.path + "/4")
    let linked = try #require(published.events.first { $0["UID"] == kickoff["UID"] })
    #expect(linked["URL"] == "https://www.port-sablon.fr/programme/workshops/kickoff.html", "\(linked)")
    #expect(
      linked["DESCRIPTION"]!.hasSuffix("Page\u{202F}: https://www.port-sablon.fr/programme/workshops/kickoff.html"))
  }
}
