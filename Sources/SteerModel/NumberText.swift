extension Double {
  /// The number as plain text for messages and machine outputs: rounded to `digits` decimals
  /// when given, a whole number without a decimal point (`3`, not `3.0`), otherwise the
  /// shortest text that reads back as the same number (`0.25`, `1e+20`). Never traps: numbers
  /// too large for an integer, infinities and NaN are written as Swift writes them.
  public func plainText(digits: Int? = nil) -> String {
    var value = self
    if let digits {
      var scale = 1.0
      for _ in 0..<digits { scale *= 10 }
      let rounded = (self * scale).rounded() / scale
      if rounded.isFinite { value = rounded }
    }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }
}
