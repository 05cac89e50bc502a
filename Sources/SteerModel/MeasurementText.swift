extension MeasurementSeries {
  /// A value as a series file writes it: a number with a decimal point (`412`, `-3`, `71.5`,
  /// `1e3`); nil for anything else, a decimal comma included.
  public static func value(_ text: some StringProtocol) -> Double? {
    let scalars = text.unicodeScalars
    let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) }
    // Only what a number with a decimal point is made of: not `inf`, `nan`, `0x1p3` nor `71,5`.
    guard scalars.allSatisfy({ isDigit($0) || "+-.eE".unicodeScalars.contains($0) }), scalars.contains(where: isDigit),
      scalars.first != "e", scalars.first != "E"
    else { return nil }
    guard let value = Double(String(text)), value.isFinite else { return nil }
    return value
  }

  /// `71,5` as `71.5` when a value is written with a decimal comma (and, as spreadsheets
  /// export French numbers, spaces between thousands: `1 234,5`); nil when it is not one.
  public static func decimalPointForm(of text: some StringProtocol) -> String? {
    var kept = ""
    kept.unicodeScalars.append(
      contentsOf: text.unicodeScalars.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\u{202F}" })
    let parts = kept.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII }),
      parts[1].unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
    else { return nil }
    let written = parts[0] + "." + parts[1]
    return value(written) == nil || parts[0].contains(".") ? nil : String(written)
  }
}
