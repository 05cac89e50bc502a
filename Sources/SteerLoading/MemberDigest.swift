import SteerFiles
import SteerMetrics
import SteerModel

/// What a region computes of a federation member at one commit, kept between runs beside the
/// member's documents (`MemberCache`) so that `steer check` decodes a few hundred bytes per member
/// whose pin did not move instead of its whole ledger: its contributions to the region's
/// objectives, its indicators' units and latest readings, its objectives' `contributes_to` where
/// they stand, its territory and the files it cannot read. Nothing in it is worded, so one digest
/// serves every language. The figures each member shows of itself (`metrics`, `summary`) are
/// computed from its documents.
public struct MemberDigest: MemberFile {
  /// A member objective's `contributes_to`, in the file that says it: each must name an
  /// objective of the region (`dangling-reference`).
  public struct Contributing: Sendable {
    public var file: String
    public var contributesTo: [Located<String>]
  }

  /// The member's `.steer.yaml` at the commit; nil when it has none.
  public var configuration: [UInt8]?
  public var territory: String?
  public var contributions: [(objective: String, useCase: FederatedMember.Share)]
  public var units: [String: String]
  public var latest: [String: IndicatorProgress.Reading]
  public var contributing: [Contributing]
  /// The files of the member's ledger with reading findings, sorted.
  public var unreadable: [String]
  /// Of those, the measurement series read in part, by file: the lines of the rows left out.
  /// The region counts no value of their indicators (`latest` leaves them out), since the row
  /// left out may be the latest.
  public var rowsLeftOut: [String: [Int]]

  static let magic = Array("steer member digest\n".utf8)
  private static let layoutVersion = 2

  public init(_ loaded: LoadedLedger, configuration: [UInt8]?) {
    let federated = FederatedMember(name: "", ledger: loaded.ledger)
    self.configuration = configuration
    territory = loaded.ledger.vision?.territory
    contributions = federated.contributions
    units = federated.units
    let series = Dictionary(loaded.ledger.series.map { ($0.file, $0.indicator) }) { first, _ in first }
    var rows: [String: [Int]] = [:]
    for finding in loaded.findings where series[finding.file] != nil {
      if let line = finding.location?.line, line > 1 { rows[finding.file, default: []].append(line) }
    }
    rowsLeftOut = rows.mapValues { Array(Set($0)).sorted() }
    let partial = Set(rowsLeftOut.keys.compactMap { series[$0] })
    latest = federated.latest.filter { !partial.contains($0.key) }
    contributing = loaded.ledger.objectives.filter { !$0.contributesTo.isEmpty }.map {
      Contributing(file: $0.file, contributesTo: $0.contributesTo)
    }
    unreadable = Set(loaded.findings.map(\.file)).sorted()
  }

  /// What the region's metrics and checks read of the member named `name`.
  public func federated(name: String) -> FederatedMember {
    FederatedMember(name: name, contributions: contributions, units: units, latest: latest)
  }

  /// Where the digest of `member` is kept below `directory`, and what it must have been made for.
  /// Named without the commit, so that a pin that moved replaces the file instead of adding one.
  public static func location(of member: FederationMember, commit: String, in directory: String)
    -> (path: String, identity: String)
  {
    let name = member.name.value + "-" + FNV1a.hex("\(member.repository)\n\(member.ledger ?? "")") + ".digest"
    let identity =
      "member digest layout \(layoutVersion); format \(DocumentCache.formatVersion); steer \(SteerVersion.current); "
      + "commit \(commit); ledger \(member.ledger ?? "(its own)")"
    return (directory + "/" + name, identity)
  }

  /// Dictionaries are written by key, so that the same member gives the same bytes.
  func encodeBody(to writer: inout CacheWriter) {
    writer.write(configuration?.count ?? -1)
    writer.bytes += configuration ?? []
    territory.encode(to: &writer)
    writer.write(contributions.count)
    for (objective, share) in contributions {
      writer.write(objective)
      writer.write(share.id)
      share.phase.encode(to: &writer)
      share.effort.encode(to: &writer)
    }
    writer.write(units.count)
    for (id, unit) in units.sorted(by: { $0.key < $1.key }) {
      writer.write(id)
      writer.write(unit)
    }
    writer.write(latest.count)
    for (id, reading) in latest.sorted(by: { $0.key < $1.key }) {
      writer.write(id)
      reading.value.encode(to: &writer)
      reading.date.encode(to: &writer)
      writer.write(reading.file)
    }
    writer.write(contributing.count)
    for objective in contributing {
      writer.write(objective.file)
      objective.contributesTo.encode(to: &writer)
    }
    unreadable.encode(to: &writer)
    writer.write(rowsLeftOut.count)
    for (file, lines) in rowsLeftOut.sorted(by: { $0.key < $1.key }) {
      writer.write(file)
      writer.write(lines.count)
      for line in lines { writer.write(line) }
    }
  }

  init(body reader: inout CacheReader) throws(CacheReader.Malformed) {
    let length = try reader.int()
    configuration = length < 0 ? nil : Array(try reader.bytes(length))
    territory = try String?(from: &reader)
    contributions = []
    for _ in 0..<(try reader.count()) {
      let objective = try reader.string()
      let share = FederatedMember.Share(
        id: try reader.string(), phase: try Phase(from: &reader), effort: try Double(from: &reader))
      contributions.append((objective, share))
    }
    units = [:]
    for _ in 0..<(try reader.count()) { units[try reader.string()] = try reader.string() }
    latest = [:]
    for _ in 0..<(try reader.count()) {
      latest[try reader.string()] = IndicatorProgress.Reading(
        value: try Double(from: &reader), date: try CalendarDate(from: &reader), file: try reader.string())
    }
    contributing = []
    for _ in 0..<(try reader.count()) {
      contributing.append(Contributing(file: try reader.string(), contributesTo: try [Located<String>](from: &reader)))
    }
    unreadable = try [String](from: &reader)
    rowsLeftOut = [:]
    for _ in 0..<(try reader.count()) {
      let file = try reader.string()
      var lines: [Int] = []
      for _ in 0..<(try reader.count()) { lines.append(try reader.int()) }
      rowsLeftOut[file] = lines
    }
  }
}
