import SteerHistory
import SteerMetrics
import SteerModel
import SteerOutput

/// The summary's charts.
package enum Charts {
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

  /// Stakeholders (rows) × objectives (columns), shaded by weight 0–5, the weight written in
  /// each cell. Columns are numbered: the titles they stand for are listed under the chart
  /// (`heatmap_columns`), whole, where a slanted title would be cut.
  /// The most objectives a heat map shows.
  static let heatMapColumns = 40

  static func heatMap(
    id: String, title: String, stakeholders: [Stakeholder], objectives: [(id: String, title: String)],
    localizer: Localizer
  )
    -> String
  {
    let left = 300.0
    // The cells fill the page's width, within reason.
    let cell = min(60, max(22, (900 - left) / Double(max(1, objectives.count))))
    let top = 24.0
    let shades = ["#FFFFFF", "#DEEBF7", "#C6DBEF", "#9ECAE1", "#4292C6", "#08519C"]
    var body = ""
    for column in objectives.indices {
      let x = left + Double(column) * cell + (cell - 2) / 2
      body += SVG.text(String(column + 1), x: x, y: top - 8, anchor: "middle", size: 11, weight: "bold")
    }
    for (row, stakeholder) in stakeholders.enumerated() {
      let y = top + Double(row) * 26
      body += SVG.text(shortened(stakeholder.name, to: 46), x: left - 8, y: y + 17, anchor: "end", size: 11)
      var weights: [String: Int] = [:]
      for priority in stakeholder.priorities { weights[priority.objective.value] = priority.weight }
      for (column, objective) in objectives.enumerated() {
        let weight = weights[objective.id]
        let x = left + Double(column) * cell
        body += SVG.rect(
          x: x, y: y, width: cell - 2, height: 24, fill: shades[weight ?? 0],
          label: localizer.say.labelled("\(stakeholder.name) · \(objective.title)", weight.map(String.init) ?? "—"))
        body += SVG.text(
          weight.map(String.init) ?? "·", x: x + (cell - 2) / 2, y: y + 16, anchor: "middle", size: 11,
          fill: (weight ?? 0) >= 4 ? "#FFFFFF" : "#222222")
      }
    }
    let width = left + Double(objectives.count) * cell + 10
    let height = top + Double(stakeholders.count) * 26 + 6
    let say = localizer.say
    let columns = objectives.enumerated().map { "\($0.offset + 1) \($0.element.title)" }
    return SVG.chart(
      id: id, width: width, height: height, title: title,
      description: say.clauses(["\(say.number(stakeholders.count)) × \(say.number(objectives.count)), 0–5"] + columns),
      body: body)
  }

  static func shortened(_ text: String, to length: Int) -> String {
    text.count <= length ? text : String(text.prefix(length - 1)) + "…"
  }

  /// An indicator over time: the plan from its baseline to its target (dashed), its
  /// measurements (a line with points), and the forecast on the target date when there is one
  /// (dotted, from the latest measurement).
  /// - Parameter members: for a region's indicator computed `from_members`, each member's latest
  ///   value, drawn as a diamond of its own and named in the description.
  package static func indicator(
    id: String, title: String, definition: Indicator, measurements: [(CalendarDate, Double)], forecast: Double?,
    members: [(name: String, date: CalendarDate, value: Double)] = [], localizer: Localizer
  ) -> String {
    let width = 560.0
    let height = 200.0
    let points = measurements.sorted { $0.0 < $1.0 }
    let dates = points.map(\.0) + members.map(\.date)
    let first = min(definition.baselineDate, dates.min() ?? definition.baselineDate)
    let last = max(definition.targetDate, dates.max() ?? definition.targetDate)
    let values =
      [definition.baseline, definition.target] + points.map(\.1) + members.map(\.value) + (forecast.map { [$0] } ?? [])
    let low = values.min()!
    let high = values.max()!
    let span = Double(max(1, last.daysSinceEpoch - first.daysSinceEpoch))
    func x(_ date: CalendarDate) -> Double {
      60 + (width - 80) * Double(date.daysSinceEpoch - first.daysSinceEpoch) / span
    }
    func y(_ value: Double) -> Double { high == low ? height / 2 : 14 + (height - 44) * (high - value) / (high - low) }
    func point(_ date: CalendarDate, _ value: Double) -> String { "\(SVG.number(x(date))),\(SVG.number(y(value)))" }
    var body =
      "<line x1=\"60\" y1=\"\(SVG.number(height - 30))\" x2=\"\(SVG.number(width - 20))\" y2=\"\(SVG.number(height - 30))\" stroke=\"#999999\"/>"
    body += SVG.text(localizer.number(high), x: 54, y: y(high) + 4, anchor: "end", size: 10)
    body += SVG.text(localizer.number(low), x: 54, y: y(low) + 4, anchor: "end", size: 10)
    body += SVG.text(localizer.date(first), x: 60, y: height - 12, size: 10)
    body += SVG.text(localizer.date(last), x: width - 20, y: height - 12, anchor: "end", size: 10)
    body +=
      "<polyline fill=\"none\" stroke=\"#555555\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" points=\"\(point(definition.baselineDate, definition.baseline)) \(point(definition.targetDate, definition.target))\"/>"
    body +=
      "<circle cx=\"\(SVG.number(x(definition.targetDate)))\" cy=\"\(SVG.number(y(definition.target)))\" r=\"5\" fill=\"#FFFFFF\" stroke=\"#555555\" stroke-width=\"1.5\"/>"
    if !points.isEmpty {
      let line = ([(definition.baselineDate, definition.baseline)] + points).map { point($0.0, $0.1) }
      body +=
        "<polyline fill=\"none\" stroke=\"\(SVG.Palette.blue)\" stroke-width=\"2\" points=\"\(line.joined(separator: " "))\"/>"
      body += points.map {
        "<circle cx=\"\(SVG.number(x($0.0)))\" cy=\"\(SVG.number(y($0.1)))\" r=\"3.5\" fill=\"\(SVG.Palette.blue)\"/>"
      }.joined()
      if let forecast, let latest = points.last {
        body +=
          "<polyline fill=\"none\" stroke=\"\(SVG.Palette.blue)\" stroke-width=\"1.5\" stroke-dasharray=\"2 3\" points=\"\(point(latest.0, latest.1)) \(point(definition.targetDate, forecast))\"/>"
      }
    }
    // Each member's point: an orange diamond (a shape, not only a colour, sets it apart), its
    // name and value in its tooltip and in the description.
    let say = localizer.say
    let named = members.map { say.memberPoint($0.name, localizer.number($0.value), localizer.date($0.date)) }
    for (member, label) in zip(members, named) {
      let (cx, cy) = (x(member.date), y(member.value))
      let diamond = [(cx, cy - 5), (cx + 5, cy), (cx, cy + 5), (cx - 5, cy)].map {
        "\(SVG.number($0.0)),\(SVG.number($0.1))"
      }
      body +=
        "<polygon points=\"\(diamond.joined(separator: " "))\" fill=\"\(SVG.Palette.orange)\" stroke=\"#222222\" stroke-width=\"0.75\"><title>\(SVG.escape(label))</title></polygon>"
    }
    let unit = definition.unit
    let readings = points.map { say.reading(say.quantity($0.1, unit), localizer.date($0.0)) }.joined(separator: ", ")
    let description =
      say.indicatorChart(
        say.quantity(definition.baseline, unit), localizer.date(definition.baselineDate),
        say.quantity(definition.target, unit), localizer.date(definition.targetDate), readings,
        forecast.map { say.quantity($0, unit) }) + (named.isEmpty ? "" : say.membersPoints(named))
    return SVG.chart(id: id, width: width, height: height, title: title, description: description, body: body)
  }

  /// Live use cases per phase, as a funnel of decreasing bars with their counts.
  /// - Parameter note: what the counts include, said after them (a region's members' use cases).
  static func funnel(
    id: String, title: String, counts: [(label: String, count: Int)], note: String? = nil, say: Wording
  ) -> String {
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
      body += SVG.text(say.number(entry.count), x: width - 50, y: y + 17, weight: "bold")
    }
    let description =
      counts.map { "\($0.label) \(say.number($0.count))" }.joined(separator: ", ") + (note.map { ". " + $0 } ?? "")
    return SVG.chart(
      id: id, width: width, height: Double(counts.count) * row, title: title, description: description, body: body)
  }

  /// The roadmap on a time axis: a bar per iteration (the current one darker and labelled),
  /// the months below, and a line at today when it falls within the roadmap.
  package static func timeline(
    id: String, title: String, iterations: [Iteration], current: String?, today: CalendarDate, localizer: Localizer
  )
    -> String
  {
    guard let first = iterations.map(\.start).min(), let last = iterations.map(\.end).max() else { return "" }
    let width = 640.0
    let row = 22.0
    let axis = Double(iterations.count) * row + 4
    let span = Double(max(1, last.daysSinceEpoch - first.daysSinceEpoch + 1))
    // Iterations are named by their titles, shortened to fit the labels' column; the bars'
    // tooltips and the description have them whole.
    let column = 200.0
    func x(_ date: CalendarDate) -> Double {
      column + 6 + (width - column - 16) * Double(date.daysSinceEpoch - first.daysSinceEpoch) / span
    }
    var body = ""
    // Months: a tick at each, a label every one, three or six months as the span allows.
    let months = (last.year - first.year) * 12 + last.month - first.month + 1
    let every = months <= 6 ? 1 : months <= 18 ? 3 : 6
    var month = CalendarDate(year: first.year, month: first.month, day: 1)!
    var count = 0
    while month <= last {
      if month >= first {
        body +=
          "<line x1=\"\(SVG.number(x(month)))\" y1=\"0\" x2=\"\(SVG.number(x(month)))\" y2=\"\(SVG.number(axis + 4))\" stroke=\"#DDDDDD\"/>"
      }
      if (month.month - 1) % every == 0 {
        body += SVG.text(
          localizer.say.month(month), x: max(x(month), x(first)), y: axis + 16, size: 10, fill: "#555555")
      }
      count += 1
      month = CalendarDate(year: month.year + month.month / 12, month: month.month % 12 + 1, day: 1)!
    }
    for (index, iteration) in iterations.enumerated() {
      let y = Double(index) * row
      let colour =
        switch iteration.status {
        case .closed: SVG.Palette.grey
        case .active: SVG.Palette.vermillion
        case .planned: SVG.Palette.sky
        }
      let suffix = iteration.id == current ? " (\(localizer[.current]))" : ""
      var label = iteration.title
      if label.count + suffix.count > 32 { label = String(label.prefix(31 - suffix.count)) + "…" }
      body += SVG.text(
        label + suffix, x: column, y: y + 15, anchor: "end", size: 11,
        weight: iteration.id == current ? "bold" : "normal")
      body += SVG.rect(
        x: x(iteration.start), y: y + 3, width: max(2, x(iteration.end.adding(days: 1)) - x(iteration.start)),
        height: row - 6, fill: colour,
        label: localizer.say.iterationSpan(
          iteration.title, localizer.date(iteration.start), localizer.date(iteration.end)))
    }
    var description = iterations.map { "\($0.title) (\($0.status.word(localizer.say)))" }.joined(separator: ", ")
    if today >= first && today <= last {
      let line = SVG.number(x(today))
      body +=
        "<line x1=\"\(line)\" y1=\"0\" x2=\"\(line)\" y2=\"\(SVG.number(axis + 4))\" stroke=\"#222222\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>"
      body += SVG.text(localizer[.today], x: x(today) + 3, y: axis + 28, size: 10, weight: "bold")
      description = localizer.say.clauses([description, localizer.say.today(localizer.date(today))])
    }
    return SVG.chart(
      id: id, width: width, height: axis + 34, title: title, description: description, body: body)
  }

  /// One line per metric across the snapshots (values between 0 and 1), each with its own
  /// dash and marker so that lines that coincide stay told apart; the legend, whole, below.
  static func trends(
    id: String, title: String, snapshots: [Snapshot], metrics: [MetricDefinition], localizer: Localizer
  ) -> String {
    guard snapshots.count >= 2 else { return "" }
    let width = 640.0
    let plotHeight = 200.0
    let plotWidth = width - 80
    let dashes = ["", "6 3", "2 3", "8 3 2 3"]
    func x(_ index: Int) -> Double { 40 + plotWidth * Double(index) / Double(snapshots.count - 1) }
    func y(_ value: Double) -> Double { 10 + (plotHeight - 30) * (1 - min(max(value, 0), 1)) }
    func marker(_ number: Int, x: Double, y: Double, colour: String) -> String {
      let (cx, cy) = (SVG.number(x), SVG.number(y))
      switch number % 4 {
      case 0: return "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.5\" fill=\"\(colour)\"/>"
      case 1:
        return SVG.rect(x: x - 3.5, y: y - 3.5, width: 7, height: 7, fill: colour)
      case 2:
        return
          "<polygon points=\"\(cx),\(SVG.number(y - 4.5)) \(SVG.number(x + 4.5)),\(cy) \(cx),\(SVG.number(y + 4.5)) \(SVG.number(x - 4.5)),\(cy)\" fill=\"\(colour)\"/>"
      default:
        return
          "<polygon points=\"\(cx),\(SVG.number(y - 4.5)) \(SVG.number(x + 4.5)),\(SVG.number(y + 3.5)) \(SVG.number(x - 4.5)),\(SVG.number(y + 3.5))\" fill=\"\(colour)\"/>"
      }
    }
    var body =
      "<line x1=\"40\" y1=\"\(SVG.number(y(0)))\" x2=\"\(SVG.number(40 + plotWidth))\" y2=\"\(SVG.number(y(0)))\" stroke=\"#999999\"/>"
    body +=
      SVG.text(localizer.say.percent(0), x: 32, y: y(0) + 4, anchor: "end", size: 10)
      + SVG.text(localizer.say.percent(1), x: 32, y: y(1) + 4, anchor: "end", size: 10)
    // The first and last snapshots' labels (iteration titles) share the axis: each keeps to its half.
    let half = Int(plotWidth / 2 / 6)
    func shortened(_ label: String) -> String { label.count > half ? String(label.prefix(half - 1)) + "…" : label }
    body += SVG.text(shortened(snapshots.first!.label), x: x(0), y: plotHeight - 2, anchor: "start", size: 10)
    body += SVG.text(
      shortened(snapshots.last!.label), x: x(snapshots.count - 1), y: plotHeight - 2, anchor: "end", size: 10)
    // A line that lies on an earlier one is drawn a little below it, and the legend says so.
    let values = metrics.map { metric in snapshots.map { $0.value(of: metric) } }
    for (number, metric) in metrics.enumerated() {
      let label = metric.label(localizer.say)
      let colour = SVG.Palette.series[number % SVG.Palette.series.count]
      let dash = dashes[number % dashes.count].isEmpty ? "" : " stroke-dasharray=\"\(dashes[number % dashes.count])\""
      let earlier = values[..<number].firstIndex(of: values[number])
      let shift = Double(values[..<number].count { $0 == values[number] }) * 3
      let points = snapshots.enumerated().compactMap { index, snapshot in
        snapshot.value(of: metric).map { (x(index), y($0) + shift) }
      }
      let legend = plotHeight + 14 + Double(number) * 18
      body +=
        "<line x1=\"40\" y1=\"\(SVG.number(legend))\" x2=\"70\" y2=\"\(SVG.number(legend))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>"
      body += marker(number, x: 55, y: legend, colour: colour)
      let shown = earlier.map { label + " " + localizer.say.coincidesWith(metrics[$0].label(localizer.say)) } ?? label
      body += SVG.text(shown, x: 78, y: legend + 4, size: 11)
      guard !points.isEmpty else { continue }
      let line = points.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " ")
      body += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash) points=\"\(line)\"/>"
      body += points.map { marker(number, x: $0.0, y: $0.1, colour: colour) }.joined()
    }
    let say = localizer.say
    let description = say.clauses(
      metrics.map { metric in
        say.labelled(
          metric.label(say), snapshots.map { say.percent($0.value(of: metric), digits: 1) }.joined(separator: " → "))
      })
    return SVG.chart(
      id: id, width: width, height: plotHeight + 14 + Double(metrics.count) * 18, title: title,
      description: description, body: body)
  }
}

extension Wording {
  /// What an indicator's chart shows, for those who do not see it.
  func indicatorChart(
    _ baseline: String, _ baselineDate: String, _ target: String, _ targetDate: String, _ readings: String,
    _ forecast: String?
  ) -> String {
    let measured = readings.isEmpty ? self(en: "no measurement yet", fr: "aucune mesure encore") : readings
    let projected = forecast.map { self(en: "; forecast \($0)", fr: " ; projection \($0)") } ?? ""
    return self(
      en:
        "from \(baseline) on \(baselineDate) to \(target) by \(targetDate); measured: \(measured)\(projected)",
      fr:
        "de \(baseline) le \(baselineDate) à \(target) d'ici le \(targetDate) ; mesures : \(measured)\(projected)"
    )
  }

  /// `412 MWh on 31 May 2026` / `412 MWh le 31 mai 2026`: a measurement as a chart's description reads it.
  func reading(_ quantity: String, _ date: String) -> String {
    self(en: "\(quantity) on \(date)", fr: "\(quantity) le \(date)")
  }

  /// `Label: value` / `Libellé : valeur`.
  func labelled(_ label: String, _ value: String) -> String {
    self(en: "\(label): \(value)", fr: "\(label) : \(value)")
  }

  /// Clauses of a chart's description: `a; b` / `a ; b`.
  func clauses(_ parts: [String]) -> String {
    parts.joined(separator: self(en: "; ", fr: " ; "))
  }

  /// Where today falls on the roadmap: `today 7 December 2026` / `aujourd'hui, le 7 décembre 2026`.
  func today(_ date: String) -> String {
    self(en: "today \(date)", fr: "aujourd'hui, le \(date)")
  }

  /// `Valbonne: 412 (31 May 2026)` / `Valbonne : 412 (31 mai 2026)`.
  func memberPoint(_ name: String, _ value: String, _ date: String) -> String {
    self(en: "\(name): \(value) (\(date))", fr: "\(name) : \(value) (\(date))")
  }

  /// `; each member's latest value (diamonds): …`.
  func membersPoints(_ points: [String]) -> String {
    self(
      en: "; each member's latest value (diamonds): \(points.joined(separator: "; "))",
      fr: " ; dernière valeur de chaque membre (losanges) : \(clauses(points))")
  }

  /// An iteration's bar on the roadmap: its title and dates.
  func iterationSpan(_ title: String, _ start: String, _ end: String) -> String {
    self(en: "\(title): \(start) – \(end)", fr: "\(title) : du \(start) au \(end)")
  }

  /// A trend line drawn on top of another's.
  func coincidesWith(_ other: String) -> String {
    self(en: "(the same line as '\(other)')", fr: "(même courbe que « \(other) »)")
  }
}
