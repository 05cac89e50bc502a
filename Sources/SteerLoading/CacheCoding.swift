import SteerModel

/// The binary form of what reading a document produced, for the document cache: integers as
/// variable-length numbers, strings and lists length first, optionals behind a presence byte,
/// enumerations by their words. Each type is described once, by the `code` of its `CacheRecord`
/// conformance, which lists its fields for both directions; a round-trip test of every document
/// kind holds them to it. Decoding is several times cheaper
/// than parsing the YAML again, and it never trusts its input: anything malformed throws.
///
/// The form is named by `DocumentCache.formatVersion`: changing a description changes it, and
/// the test that pins the encoding of the example ledger fails until the version is raised.
protocol CacheCodable {
  func encode(to writer: inout CacheWriter)
  init(from reader: inout CacheReader) throws(CacheReader.Malformed)
}

/// A reader or a writer of the cache, to a type that lists its fields once (`CacheRecord`).
protocol CacheCoder {
  /// Writes `value`, or reads it into `value`.
  mutating func code<Value: CacheCodable>(_ value: inout Value) throws(CacheReader.Malformed)
}

/// A type cached as its fields: `code` lists them once, in order, and serves both directions
/// (a writer writes each field, a reader reads each into `empty`, a value of the type).
protocol CacheRecord: CacheCodable {
  static var empty: Self { get }
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed)
}

extension CacheRecord {
  @inline(__always) func encode(to writer: inout CacheWriter) {
    var value = self
    try! value.code(&writer)  // a writer does not fail
  }

  @inline(__always) init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self = Self.empty
    try code(&reader)
  }
}

extension CacheWriter: CacheCoder {
  mutating func code<Value: CacheCodable>(_ value: inout Value) { value.encode(to: &self) }
}

extension CacheReader: CacheCoder {
  mutating func code<Value: CacheCodable>(_ value: inout Value) throws(Malformed) { value = try Value(from: &self) }
}

struct CacheWriter {
  var bytes: [UInt8] = []
  /// The path of the document written: a string equal to it (most `file` fields) is written as a
  /// length of -1, and read back as the reader's own path, without a copy.
  var path = ""

  mutating func write(_ value: Int) {
    var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)  // zigzag: small negatives stay short
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  mutating func write(_ value: String) {
    if !path.isEmpty && value == path { return write(-1) }
    var value = value
    value.withUTF8 { utf8 in
      write(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }
}

struct CacheReader {
  struct Malformed: Error {}

  private let bytes: UnsafeRawBufferPointer
  private(set) var offset = 0
  /// The path of the document read (see `CacheWriter.path`).
  let path: String

  init(_ bytes: UnsafeRawBufferPointer, path: String = "") {
    self.bytes = bytes
    self.path = path
  }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func byte() throws(Malformed) -> UInt8 {
    guard offset < bytes.count else { throw Malformed() }
    defer { offset += 1 }
    return bytes[offset]
  }

  mutating func int() throws(Malformed) -> Int {
    // Most numbers (lines, columns, counts) fit in one byte.
    if offset < bytes.count, bytes[offset] < 0x80 {
      let byte = Int(bytes[offset])
      offset += 1
      return byte >> 1 ^ -(byte & 1)
    }
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let byte = try byte()
      guard shift < 64 else { throw Malformed() }
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { break }
      shift += 7
    }
    return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
  }

  /// A count of things still to read, each at least one byte long.
  mutating func count() throws(Malformed) -> Int {
    let count = try int()
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    return count
  }

  /// The next `count` bytes, as they are.
  mutating func bytes(_ count: Int) throws(Malformed) -> UnsafeRawBufferPointer {
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
  }

  mutating func string() throws(Malformed) -> String {
    if offset < bytes.count, bytes[offset] == 1 {  // -1, zigzagged: the document's path
      offset += 1
      return path
    }
    return String(decoding: try bytes(try count()), as: UTF8.self)
  }
}

// MARK: - Values

extension Int: CacheCodable {
  func encode(to writer: inout CacheWriter) { writer.write(self) }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) { self = try reader.int() }
}

extension String: CacheCodable {
  func encode(to writer: inout CacheWriter) { writer.write(self) }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) { self = try reader.string() }
}

extension Double: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    withUnsafeBytes(of: bitPattern.littleEndian) { writer.bytes.append(contentsOf: $0) }
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(bitPattern: UInt64(littleEndian: try reader.bytes(8).loadUnaligned(as: UInt64.self)))
  }
}

extension Optional: CacheCodable where Wrapped: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    guard let self else { return writer.bytes.append(0) }
    writer.bytes.append(1)
    self.encode(to: &writer)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    switch try reader.byte() {
    case 0: self = nil
    case 1: self = try Wrapped(from: &reader)
    default: throw CacheReader.Malformed()
    }
  }
}

extension Array: CacheCodable where Element: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(count)
    for element in self { element.encode(to: &writer) }
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    let count = try reader.count()
    self.init()
    reserveCapacity(count)
    for _ in 0..<count { append(try Element(from: &reader)) }
  }
}

/// The ledger's enumerations, by the words the ledger writes (matched as bytes: no string is made).
extension CacheCodable where Self: RawRepresentable & CaseIterable, RawValue == String {
  func encode(to writer: inout CacheWriter) { writer.write(rawValue) }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    let word = try reader.bytes(try reader.count())
    let matches = { (value: Self) in value.rawValue.utf8.count == word.count && value.rawValue.utf8.elementsEqual(word)
    }
    guard let value = Self.allCases.first(where: matches) else {
      throw CacheReader.Malformed()
    }
    self = value
  }
}

extension Phase: CacheCodable {}
extension WorkshopPhase: CacheCodable {}
extension StakeholderGroup: CacheCodable {}
extension ObjectiveStatus: CacheCodable {}
extension Direction: CacheCodable {}
extension MemberCombination: CacheCodable {}
extension IterationStatus: CacheCodable {}
extension Stance: CacheCodable {}
extension ActionStatus: CacheCodable {}
extension DecisionStatus: CacheCodable {}
extension EntityKind: CacheCodable {}
extension DocumentKind: CacheCodable {}

extension CalendarDate: CacheCodable {
  func encode(to writer: inout CacheWriter) { writer.write(daysSinceEpoch) }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    let days = try reader.int()
    guard Self.representableDays.contains(days) else { throw CacheReader.Malformed() }
    self.init(daysSinceEpoch: days)
  }

  private static let representableDays =
    CalendarDate(year: 1, month: 1, day: 1)!
    .daysSinceEpoch...CalendarDate(year: 9999, month: 12, day: 31)!.daysSinceEpoch
}

/// Written out rather than described by a record: a generic type has no stored static property,
/// and making a record at each of the ledger's hundreds of thousands of values costs more than the rest.
extension Located: CacheCodable where Value: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    value.encode(to: &writer)
    location.encode(to: &writer)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(try Value(from: &reader), at: try SourceLocation(from: &reader))
  }
}

extension SourceLocation: CacheRecord {
  static let empty = SourceLocation(line: 0, column: 0)
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&line)
    try coder.code(&column)
  }
}

extension FieldLocations.Field: CacheRecord {
  static let empty = Self(name: "", key: .fileStart, value: .fileStart)
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&name)
    try coder.code(&key)
    try coder.code(&value)
  }
}

extension FieldLocations: CacheRecord {
  static let empty = FieldLocations(start: .fileStart, fields: [])
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&start)
    try coder.code(&fields)
  }
}

extension Vision: CacheRecord {
  static let empty = Vision(
    file: "", title: "", territory: "", horizon: CalendarDate(year: 1, month: 1, day: 1)!,
    carriedBy: Located("", at: .fileStart), axes: [], rollout: [], endorsements: [],
    locations: FieldLocations(start: .fileStart), body: "")
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&file)
    try coder.code(&title)
    try coder.code(&territory)
    try coder.code(&horizon)
    try coder.code(&carriedBy)
    try coder.code(&axes)
    try coder.code(&rollout)
    try coder.code(&endorsements)
    try coder.code(&locations)
    try coder.code(&body)
  }
}

extension Axis: CacheRecord {
  static let empty = Axis(id: Located("", at: .fileStart), title: "")
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&id)
    try coder.code(&title)
  }
}

extension RolloutStep: CacheRecord {
  static let empty = RolloutStep(id: Located("", at: .fileStart), title: "")
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&id)
    try coder.code(&title)
  }
}

extension Endorsement: CacheRecord {
  static let empty = Endorsement(
    stakeholder: Located("", at: .fileStart), date: CalendarDate(year: 1, month: 1, day: 1)!, stance: .endorse,
    note: nil, locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&stakeholder)
    try coder.code(&date)
    try coder.code(&stance)
    try coder.code(&note)
    try coder.code(&locations)
  }
}

extension Stakeholder: CacheRecord {
  static let empty = Stakeholder(
    id: "", file: "", name: "", group: .elected, priorities: [], locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&id)
    try coder.code(&file)
    try coder.code(&name)
    try coder.code(&group)
    try coder.code(&priorities)
    try coder.code(&locations)
    try coder.code(&body)
  }
}

extension Priority: CacheRecord {
  static let empty = Priority(objective: Located("", at: .fileStart), weight: 0)
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&objective)
    try coder.code(&weight)
  }
}

extension Objective: CacheRecord {
  static let empty = Objective(
    id: "", file: "", title: "", axis: Located("", at: .fileStart), owner: Located("", at: .fileStart), status: .active,
    indicators: [], locations: FieldLocations(start: .fileStart), body: "")
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&id)
    try coder.code(&file)
    try coder.code(&title)
    try coder.code(&axis)
    try coder.code(&owner)
    try coder.code(&status)
    try coder.code(&indicators)
    try coder.code(&contributesTo)
    try coder.code(&locations)
    try coder.code(&body)
  }
}

extension Indicator: CacheRecord {
  static let empty = Indicator(
    id: Located("", at: .fileStart), title: "", unit: "", direction: .increase, baseline: 0,
    baselineDate: CalendarDate(year: 1, month: 1, day: 1)!, target: 0,
    targetDate: CalendarDate(year: 1, month: 1, day: 1)!, locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&id)
    try coder.code(&title)
    try coder.code(&unit)
    try coder.code(&direction)
    try coder.code(&baseline)
    try coder.code(&baselineDate)
    try coder.code(&target)
    try coder.code(&targetDate)
    try coder.code(&fromMembers)
    try coder.code(&locations)
  }
}

extension UseCase: CacheRecord {
  static let empty = UseCase(
    id: "", file: "", title: "", objectives: [], phase: .analysis, owner: Located("", at: .fileStart), users: [],
    rolloutStep: nil, dependsOn: [], effort: 0, locations: FieldLocations(start: .fileStart), body: "")
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&id)
    try coder.code(&file)
    try coder.code(&title)
    try coder.code(&objectives)
    try coder.code(&phase)
    try coder.code(&owner)
    try coder.code(&users)
    try coder.code(&rolloutStep)
    try coder.code(&dependsOn)
    try coder.code(&effort)
    try coder.code(&locations)
    try coder.code(&body)
  }
}

extension Workshop: CacheRecord {
  static let empty = Workshop(
    id: "", file: "", date: CalendarDate(year: 1, month: 1, day: 1)!, phase: .analysis, useCases: [], participants: [],
    facilitator: nil, decisions: [], locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&id)
    try coder.code(&file)
    try coder.code(&title)
    try coder.code(&date)
    try coder.code(&phase)
    try coder.code(&useCases)
    try coder.code(&participants)
    try coder.code(&facilitator)
    try coder.code(&decisions)
    try coder.code(&locations)
    try coder.code(&body)
  }
}

extension Iteration: CacheRecord {
  static let empty = Iteration(
    id: "", file: "", title: "", start: CalendarDate(year: 1, month: 1, day: 1)!,
    end: CalendarDate(year: 1, month: 1, day: 1)!, status: .planned, goal: nil, capacity: nil, items: [],
    locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&id)
    try coder.code(&file)
    try coder.code(&title)
    try coder.code(&start)
    try coder.code(&end)
    try coder.code(&status)
    try coder.code(&goal)
    try coder.code(&capacity)
    try coder.code(&items)
    try coder.code(&locations)
    try coder.code(&body)
  }
}

extension Item: CacheRecord {
  static let empty = Item(
    useCase: Located("", at: .fileStart), target: .analysis, effort: nil, locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&useCase)
    try coder.code(&target)
    try coder.code(&effort)
    try coder.code(&locations)
  }
}

extension Retro: CacheRecord {
  static let empty = Retro(
    iteration: "", file: "", date: CalendarDate(year: 1, month: 1, day: 1)!, participants: [], delivered: [],
    lessons: [], actions: [], measurements: [], locations: FieldLocations(start: .fileStart), body: "")
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&iteration)
    try coder.code(&file)
    try coder.code(&date)
    try coder.code(&participants)
    try coder.code(&delivered)
    try coder.code(&lessons)
    try coder.code(&actions)
    try coder.code(&measurements)
    try coder.code(&locations)
    try coder.code(&body)
  }
}

extension Decision: CacheRecord {
  static let empty = Decision(
    id: "", file: "", title: "", date: CalendarDate(year: 1, month: 1, day: 1)!, status: .proposed, decidedBy: [],
    locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&id)
    try coder.code(&file)
    try coder.code(&title)
    try coder.code(&date)
    try coder.code(&status)
    try coder.code(&decidedBy)
    try coder.code(&consulted)
    try coder.code(&informed)
    try coder.code(&workshops)
    try coder.code(&concerns)
    try coder.code(&supersedes)
    try coder.code(&options)
    try coder.code(&deliberation)
    try coder.code(&locations)
    try coder.code(&body)
  }
}

extension Deliberation: CacheRecord {
  static let empty = Deliberation(
    body: "", reference: "", date: CalendarDate(year: 1, month: 1, day: 1)!,
    locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&body)
    try coder.code(&reference)
    try coder.code(&date)
    try coder.code(&members)
    try coder.code(&present)
    try coder.code(&votesFor)
    try coder.code(&against)
    try coder.code(&abstention)
    try coder.code(&url)
    try coder.code(&locations)
  }
}

extension Delivery: CacheRecord {
  static let empty = Delivery(
    useCase: Located("", at: .fileStart), phase: .analysis, locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&useCase)
    try coder.code(&phase)
    try coder.code(&locations)
  }
}

extension Lesson: CacheRecord {
  static let empty = Lesson(text: "", tags: [], locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&text)
    try coder.code(&tags)
    try coder.code(&locations)
  }
}

extension Action: CacheRecord {
  static let empty = Action(
    text: "", owner: Located("", at: .fileStart), due: Located("", at: .fileStart), status: .open,
    locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&text)
    try coder.code(&owner)
    try coder.code(&due)
    try coder.code(&status)
    try coder.code(&id)
    try coder.code(&locations)
  }
}

extension Measurement: CacheRecord {
  static let empty = Measurement(
    indicator: Located("", at: .fileStart), value: 0, date: CalendarDate(year: 1, month: 1, day: 1)!,
    locations: FieldLocations(start: .fileStart))
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&indicator)
    try coder.code(&value)
    try coder.code(&date)
    try coder.code(&locations)
  }
}

extension Finding: CacheRecord {
  static let empty = Finding(rule: "", file: "", location: nil, message: "", hint: nil, related: [])
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&rule)
    try coder.code(&file)
    try coder.code(&location)
    try coder.code(&message)
    try coder.code(&hint)
    try coder.code(&related)
    try coder.code(&fix)
  }
}

extension Fix.Action: CacheCodable {}

extension Fix: CacheRecord {
  static let empty = Fix(.replace, "")
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&action)
    try coder.code(&text)
    try coder.code(&span)
  }
}

extension Declaration: CacheRecord {
  static let empty = Declaration(id: "", kind: .stakeholder, file: "", location: .fileStart)
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&id)
    try coder.code(&kind)
    try coder.code(&file)
    try coder.code(&location)
  }
}

extension Reference: CacheRecord {
  static let empty = Reference(id: "", kind: .stakeholder, field: "", file: "", location: .fileStart)
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&id)
    try coder.code(&kind)
    try coder.code(&field)
    try coder.code(&file)
    try coder.code(&location)
    try coder.code(&otherKinds)
  }
}

extension Suppression: CacheRecord {
  static let empty = Suppression(file: "", location: .fileStart, scope: .file, rules: [])
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&file)
    try coder.code(&location)
    try coder.code(&scope)
    try coder.code(&rules)
  }
}

extension MeasurementSeries: CacheRecord {
  static let empty = MeasurementSeries(indicator: "", file: "", rows: [])
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&indicator)
    try coder.code(&file)
    try coder.code(&rows)
  }
}

extension MeasurementSeries.Row: CacheRecord {
  static let empty = MeasurementSeries.Row(
    date: CalendarDate(year: 1, month: 1, day: 1)!, value: 0, source: nil, note: nil, location: .fileStart)
  mutating func code(_ coder: inout some CacheCoder) throws(CacheReader.Malformed) {
    try coder.code(&date)
    try coder.code(&value)
    try coder.code(&source)
    try coder.code(&note)
    try coder.code(&location)
  }
}

// MARK: - Documents

extension LedgerDocument: CacheCodable {
  /// What a measurement series is written as, where a document writes its kind.
  private static let seriesWord = "series"

  /// The kind of the document, by its word, then the document.
  func encode(to writer: inout CacheWriter) {
    switch self {
    case .vision(let vision): DocumentKind.vision.encode(to: &writer); vision.encode(to: &writer)
    case .stakeholder(let stakeholder): DocumentKind.stakeholder.encode(to: &writer); stakeholder.encode(to: &writer)
    case .objective(let objective): DocumentKind.objective.encode(to: &writer); objective.encode(to: &writer)
    case .useCase(let useCase): DocumentKind.usecase.encode(to: &writer); useCase.encode(to: &writer)
    case .workshop(let workshop): DocumentKind.workshop.encode(to: &writer); workshop.encode(to: &writer)
    case .iteration(let iteration): DocumentKind.iteration.encode(to: &writer); iteration.encode(to: &writer)
    case .retro(let retro): DocumentKind.retro.encode(to: &writer); retro.encode(to: &writer)
    case .decision(let decision): DocumentKind.decision.encode(to: &writer); decision.encode(to: &writer)
    case .series(let series): writer.write(Self.seriesWord); series.encode(to: &writer)
    }
  }

  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    var probe = reader
    let word = try probe.bytes(try probe.count())
    if word.elementsEqual(Self.seriesWord.utf8) {
      reader = probe
      self = .series(try MeasurementSeries(from: &reader))
      return
    }
    switch try DocumentKind(from: &reader) {
    case .vision: self = .vision(try Vision(from: &reader))
    case .stakeholder: self = .stakeholder(try Stakeholder(from: &reader))
    case .objective: self = .objective(try Objective(from: &reader))
    case .usecase: self = .useCase(try UseCase(from: &reader))
    case .workshop: self = .workshop(try Workshop(from: &reader))
    case .iteration: self = .iteration(try Iteration(from: &reader))
    case .retro: self = .retro(try Retro(from: &reader))
    case .decision: self = .decision(try Decision(from: &reader))
    }
  }
}

// MARK: - What reading found

extension Suppression.Scope: CacheCodable {
  /// A line number, or 0 for the whole file (lines start at 1).
  func encode(to writer: inout CacheWriter) {
    switch self {
    case .file: writer.write(0)
    case .line(let line): writer.write(line)
    }
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    let line = try reader.int()
    self = line == 0 ? .file : .line(line)
  }
}

extension ReadDocument {
  /// The document's path is the cache entry's key, so it is not written.
  func encoded() -> [UInt8] {
    var writer = CacheWriter(path: path)
    content.encode(to: &writer)
    findings.encode(to: &writer)
    declarations.encode(to: &writer)
    references.encode(to: &writer)
    suppressions.encode(to: &writer)
    return writer.bytes
  }

  /// Only an entry's document, all a history replay reads of it (it is written first).
  static func content(path: String, decoding bytes: UnsafeRawBufferPointer) throws(CacheReader.Malformed)
    -> LedgerDocument?
  {
    var reader = CacheReader(bytes, path: path)
    return try LedgerDocument?(from: &reader)
  }

  init(path: String, decoding bytes: UnsafeRawBufferPointer) throws(CacheReader.Malformed) {
    var reader = CacheReader(bytes, path: path)
    self.init(
      path: path, content: try LedgerDocument?(from: &reader), findings: try [Finding](from: &reader),
      declarations: try [Declaration](from: &reader), references: try [Reference](from: &reader),
      suppressions: try [Suppression](from: &reader))
    guard reader.isAtEnd else { throw CacheReader.Malformed() }
  }
}
