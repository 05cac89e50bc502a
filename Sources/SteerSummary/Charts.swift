import SteerHistory
import SteerMetrics
import SteerModel
import SteerOutput

/// The summary's charts.
enum Charts {
  /// An indicator's progress: a bar clamped to 0–100 % with the value written beside it.
  static func progressBar(id: String, title: String, progress: Double?, label: String) -> String {
    let width = 90.0
    let clamped = min(max(progress ?? 0, 0), 1)
    let colour = (progress ?? 0) >= 1 ? SVG.Palette.green : SVG.Palette.blue
    let body =
      SVG.rect(x: 0, y: 4, width: width, height: 14, fill: SVG.Palette.light)
      + (progress == nil ? "" : SVG.rect(x: 0, y: 4, width: width * clamped, height: 14, fill: colour))
      + SVG.text(label, x: width + 8, y: 16)
    return SVG.chart(id: id, width: width + 70, height: 22, title: title, description: label, body: body)
  }

  /// Stakeholders (rows) × objectives (columns), shaded by weight 0–5, the weight written in each cell.
  /// The most objectives a heat map shows.
  static let heatMapColumns = 40

  static func heatMap(
    id: String, title: String, stakeholders: [Stakeholder], objectives: [String], localizer: Localizer
  )
    -> String
  {
    let cell = 26.0
    let left = 230.0
    let top = 120.0
    let shades = ["#FFFFFF", "#DEEBF7", "#C6DBEF", "#9ECAE1", "#4292C6", "#08519C"]
    var body = ""
    for (column, objective) in objectives.enumerated() {
      let x = left + Double(column) * cell + cell / 2
      body +=
        "<text transform=\"translate(\(SVG.number(x + 4)),\(SVG.number(top - 6))) rotate(-55)\" font-size=\"11\" fill=\"#222222\">\(SVG.escape(objective))</text>"
    }
    for (row, stakeholder) in stakeholders.enumerated() {
      let y = top + Double(row) * cell
      body += SVG.text(
        shortened(stakeholder.name, to: 34), x: left - 6, y: y + cell * 0.65,
        anchor: "end", size: 11)
      var weights: [String: Int] = [:]
      for priority in stakeholder.priorities { weights[priority.objective.value] = priority.weight }
      for (column, objective) in objectives.enumerated() {
        let weight = weights[objective]
        let x = left + Double(column) * cell
        body += SVG.rect(
          x: x, y: y, width: cell - 2, height: cell - 2, fill: shades[weight ?? 0],
          label: "\(stakeholder.name) · \(objective): \(weight.map(String.init) ?? "—")")
        body += SVG.text(
          weight.map(String.init) ?? "·", x: x + (cell - 2) / 2, y: y + cell * 0.62, anchor: "middle", size: 11,
          fill: (weight ?? 0) >= 4 ? "#FFFFFF" : "#222222")
      }
    }
    let width = left + Double(objectives.count) * cell + 10
    let height = top + Double(stakeholders.count) * cell + 10
    return SVG.chart(
      id: id, width: width, height: height, title: title,
      description: "\(stakeholders.count) × \(objectives.count), 0–5", body: body)
  }

  static func shortened(_ text: String, to length: Int) -> String {
    text.count <= length ? text : String(text.prefix(length - 1)) + "…"
  }

  /// Live use cases per phase, as a funnel of decreasing bars with their counts.
  static func funnel(id: String, title: String, counts: [(label: String, count: Int)]) -> String {
    let width = 420.0
    let row = 26.0
    let most = Double(max(1, counts.map(\.count).max() ?? 1))
    var body = ""
    for (index, entry) in counts.enumerated() {
      let barWidth = (width - 180) * Double(entry.count) / most
      let y = Double(index) * row
      body += SVG.text(entry.label, x: 110, y: y + 17, anchor: "end")
      body += SVG.rect(
        x: 120 + (width - 180 - barWidth) / 2, y: y + 3, width: barWidth, height: row - 6,
        fill: SVG.Palette.series[index % SVG.Palette.series.count])
      body += SVG.text(String(entry.count), x: width - 50, y: y + 17, weight: "bold")
    }
    let description = counts.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
    return SVG.chart(
      id: id, width: width, height: Double(counts.count) * row, title: title, description: description, body: body)
  }

  /// The roadmap on a time axis; the current iteration is drawn darker and labelled.
  static func timeline(id: String, title: String, iterations: [Iteration], current: String?, localizer: Localizer)
    -> String
  {
    guard let first = iterations.map(\.start).min(), let last = iterations.map(\.end).max() else { return "" }
    let width = 640.0
    let row = 22.0
    let span = Double(max(1, last.daysSinceEpoch - first.daysSinceEpoch + 1))
    func x(_ date: CalendarDate) -> Double {
      150 + (width - 160) * Double(date.daysSinceEpoch - first.daysSinceEpoch) / span
    }
    var body = ""
    for (index, iteration) in iterations.enumerated() {
      let y = Double(index) * row
      let colour =
        switch iteration.status {
        case .closed: SVG.Palette.grey
        case .active: SVG.Palette.vermillion
        case .planned: SVG.Palette.sky
        }
      let label = iteration.id == current ? "\(iteration.id) (\(localizer.label("current")))" : iteration.id
      body += SVG.text(
        label, x: 144, y: y + 15, anchor: "end", size: 11, weight: iteration.id == current ? "bold" : "normal")
      body += SVG.rect(
        x: x(iteration.start), y: y + 3, width: max(2, x(iteration.end.adding(days: 1)) - x(iteration.start)),
        height: row - 6, fill: colour,
        label: "\(iteration.title): \(localizer.date(iteration.start)) – \(localizer.date(iteration.end))")
    }
    let description = iterations.map { "\($0.id) \($0.status.word(localizer.say))" }.joined(separator: ", ")
    return SVG.chart(
      id: id, width: width, height: Double(iterations.count) * row, title: title, description: description, body: body)
  }

  /// One line per metric across the snapshots (values between 0 and 1).
  static func trends(id: String, title: String, snapshots: [Snapshot], metrics: [(MetricName, String)]) -> String {
    guard snapshots.count >= 2 else { return "" }
    let width = 640.0
    let height = 220.0
    let plotWidth = width - 200
    func x(_ index: Int) -> Double { 40 + plotWidth * Double(index) / Double(snapshots.count - 1) }
    func y(_ value: Double) -> Double { 10 + (height - 40) * (1 - min(max(value, 0), 1)) }
    var body =
      "<line x1=\"40\" y1=\"\(SVG.number(y(0)))\" x2=\"\(SVG.number(40 + plotWidth))\" y2=\"\(SVG.number(y(0)))\" stroke=\"#999999\"/>"
    body +=
      SVG.text("0", x: 32, y: y(0) + 4, anchor: "end", size: 10)
      + SVG.text("1", x: 32, y: y(1) + 4, anchor: "end", size: 10)
    for (number, (metric, label)) in metrics.enumerated() {
      let colour = SVG.Palette.series[number % SVG.Palette.series.count]
      let points = snapshots.enumerated().compactMap { index, snapshot in
        snapshot.value(of: metric).map { "\(SVG.number(x(index))),\(SVG.number(y($0)))" }
      }
      guard !points.isEmpty else { continue }
      let dash = number % 2 == 1 ? " stroke-dasharray=\"6 3\"" : ""
      body +=
        "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash) points=\"\(points.joined(separator: " "))\"/>"
      body += SVG.rect(x: 50 + plotWidth, y: 14 + Double(number) * 18, width: 14, height: 4, fill: colour)
      body += SVG.text(label, x: 70 + plotWidth, y: 20 + Double(number) * 18, size: 11)
    }
    body += SVG.text(snapshots.first!.label, x: x(0), y: height - 8, anchor: "start", size: 10)
    body += SVG.text(snapshots.last!.label, x: x(snapshots.count - 1), y: height - 8, anchor: "end", size: 10)
    let description = metrics.map { metric, label in
      "\(label): "
        + snapshots.map { $0.value(of: metric).map { SVG.number($0 * 100) + "%" } ?? "—" }.joined(separator: " → ")
    }.joined(separator: "; ")
    return SVG.chart(id: id, width: width, height: height, title: title, description: description, body: body)
  }
}
