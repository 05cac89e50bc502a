import SteerModel
import SteerOutput

/// Charts drawn by Steer as inline SVG: no script, no external request. Every chart has a
/// `<title>` and a `<desc>` (read by screen readers), uses the Okabe–Ito palette (safe for
/// colour-blind readers) and writes its values as text, so no meaning rests on colour alone.
enum SVG {
  enum Palette {
    static let blue = "#0072B2"
    static let sky = "#56B4E9"
    static let green = "#009E73"
    static let orange = "#E69F00"
    static let vermillion = "#D55E00"
    static let purple = "#CC79A7"
    static let yellow = "#F0E442"
    static let grey = "#999999"
    static let light = "#EEEEEE"
    static let series = [blue, orange, green, vermillion, purple, sky]
  }

  static func escape(_ text: String) -> String { Escaping.markup(text) }

  /// To a tenth, without a trailing `.0`.
  static func number(_ value: Double) -> String { value.plainText(digits: 1) }

  /// An `<svg>` with its accessible title and description.
  static func chart(id: String, width: Double, height: Double, title: String, description: String, body: String)
    -> String
  {
    """
    <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(number(width)) \(number(height))" \
    width="\(number(width))" height="\(number(height))" role="img" aria-labelledby="\(id)-chart-title \(id)-chart-desc">\
    <title id="\(id)-chart-title">\(escape(title))</title><desc id="\(id)-chart-desc">\(escape(description))</desc>\(body)</svg>
    """
  }

  static func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 12, weight: String = "normal",
    fill: String = "#222222"
  ) -> String {
    "<text x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor)\" font-size=\"\(number(size))\" font-weight=\"\(weight)\" fill=\"\(fill)\">\(escape(content))</text>"
  }

  static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, label: String? = nil) -> String {
    let tooltip = label.map { "<title>\(escape($0))</title>" } ?? ""
    return
      "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(max(0, width)))\" height=\"\(number(height))\" fill=\"\(fill)\">\(tooltip)</rect>"
  }
}
