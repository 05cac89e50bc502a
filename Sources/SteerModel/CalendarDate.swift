import Foundation

/// An ISO 8601 calendar date, `YYYY-MM-DD`, and nothing else.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Returns nil unless the numbers name a real day of the proleptic Gregorian calendar.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`.
  public init?(iso text: some StringProtocol) {
    let utf8 = Array(text.utf8)
    guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in utf8[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// Whether `text` is written `YYYY-MM-DD` (four digits, two, two), whether or not that day
  /// exists: `2026-04-31` has the form of a date but is none.
  public static func hasISOForm(_ text: some StringProtocol) -> Bool {
    let utf8 = Array(text.utf8)
    return utf8.count == 10
      && utf8.indices.allSatisfy { [4, 7].contains($0) ? utf8[$0] == UInt8(ascii: "-") : (48...57).contains(utf8[$0]) }
  }

  /// A date written day first, as French writes it (`JJ/MM/AAAA`: `10/02/2026`, also with `.`
  /// or `-`), if it is a real day.
  public init?(dayFirst text: some StringProtocol) {
    guard let written = Self.dayFirstNumbers(text) else { return nil }
    self.init(year: written.year, month: written.month, day: written.day)
  }

  private static func dayFirstNumbers(_ text: some StringProtocol) -> (year: Int, month: Int, day: Int)? {
    let parts = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." || $0 == "-" }
    guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isWholeNumber } }),
      let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
    else { return nil }
    return (year, month, day)
  }

  /// The numbers of a text written as a date, `YYYY-MM-DD`, `YYYY/MM/DD` or day first, whether
  /// or not that day exists (`30/02/2026`), to say why it is none.
  public static func writtenNumbers(_ text: some StringProtocol) -> (year: Int, month: Int, day: Int)? {
    let dashed = String(text).replacingOccurrences(of: "/", with: "-")
    guard hasISOForm(dashed) else { return dayFirstNumbers(text) }
    let parts = dashed.split(separator: "-").compactMap { Int($0) }
    return (parts[0], parts[1], parts[2])
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (negative before), for date arithmetic without Foundation.
  public var daysSinceEpoch: Int {
    // Howard Hinnant's days_from_civil.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
  }

  public init(daysSinceEpoch days: Int) {
    // Howard Hinnant's civil_from_days.
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = day
  }

  /// The UTC day of a moment given in seconds since 1970-01-01 (negative before): git's commit
  /// times, the clock.
  public init(epochSeconds seconds: Int64) {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400  // rounded down
    self.init(daysSinceEpoch: Int(days))
  }

  /// Today's date in UTC: the clock, read by the commands that say what is due or under way.
  public static func today() -> CalendarDate {
    CalendarDate(epochSeconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
  }

  public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + days) }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}
