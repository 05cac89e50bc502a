import SteerModel

/// The binary form of what reading a document produced, for the document cache: integers as
/// variable-length numbers, strings and lists length first, optionals behind a presence byte,
/// enumerations by their words. Each type is described once, by a `CacheRecord` that lists its
/// fields in the order of its initialiser; encoding and decoding both follow that list, and a
/// round-trip test of every document kind holds them to it. Decoding is several times cheaper
/// than parsing the YAML again, and it never trusts its input: anything malformed throws.
///
/// The form is named by `DocumentCache.formatVersion`: changing a description changes it, and
/// the test that pins the encoding of the example ledger fails until the version is raised.
protocol CacheCodable {
  func encode(to writer: inout CacheWriter)
  init(from reader: inout CacheReader) throws(CacheReader.Malformed)
}

/// A type cached as the list of its fields: read off a value for encoding, and given back, in
/// the same order, to the initialiser when decoding.
struct CacheRecord<Value, each Field: CacheCodable>: Sendable {
  let fields: @Sendable (Value) -> (repeat each Field)
  let make: @Sendable (repeat each Field) -> Value

  init(
    _ fields: @escaping @Sendable (Value) -> (repeat each Field),
    _ make: @escaping @Sendable (repeat each Field) -> Value
  ) {
    self.fields = fields
    self.make = make
  }

  @inline(__always) func encode(_ value: Value, to writer: inout CacheWriter) {
    let fields = fields(value)
    repeat (each fields).encode(to: &writer)
  }

  @inline(__always) func decode(from reader: inout CacheReader) throws(CacheReader.Malformed) -> Value {
    make(repeat try (each Field)(from: &reader))
  }
}

/// A type whose cached form is its `record`.
protocol CacheRecorded: CacheCodable {
  associatedtype Record: CacheRecordDescribing where Record.Value == Self
  static var record: Record { get }
}

protocol CacheRecordDescribing: Sendable {
  associatedtype Value
  func encode(_ value: Value, to writer: inout CacheWriter)
  func decode(from reader: inout CacheReader) throws(CacheReader.Malformed) -> Value
}

extension CacheRecord: CacheRecordDescribing {}

extension CacheRecorded {
  @inline(__always) func encode(to writer: inout CacheWriter) { Self.record.encode(self, to: &writer) }
  @inline(__always) init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self = try Self.record.decode(from: &reader)
  }
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
    guard let value = Self.allCases.first(where: { $0.rawValue.utf8.elementsEqual(word) }) else {
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
extension IterationStatus: CacheCodable {}
extension Stance: CacheCodable {}
extension ActionStatus: CacheCodable {}
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

extension SourceLocation: CacheRecorded {
  static let record = CacheRecord({ ($0.line, $0.column) }, SourceLocation.init(line:column:))
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

extension FieldLocations.Field: CacheRecorded {
  static let record = CacheRecord({ ($0.name, $0.key, $0.value) }, Self.init(name:key:value:))
}

extension FieldLocations: CacheRecorded {
  static let record = CacheRecord({ ($0.start, $0.fields) }, FieldLocations.init(start:fields:))
}

// MARK: - Documents

extension Vision: CacheRecorded {
  static let record = CacheRecord(
    {
      (
        $0.file, $0.title, $0.territory, $0.horizon, $0.carriedBy, $0.axes, $0.rollout, $0.endorsements, $0.locations,
        $0.body
      )
    },
    Vision.init(file:title:territory:horizon:carriedBy:axes:rollout:endorsements:locations:body:))
}

extension Axis: CacheRecorded {
  static let record = CacheRecord({ ($0.id, $0.title) }, Axis.init(id:title:))
}

extension RolloutStep: CacheRecorded {
  static let record = CacheRecord({ ($0.id, $0.title) }, RolloutStep.init(id:title:))
}

extension Endorsement: CacheRecorded {
  static let record = CacheRecord(
    { ($0.stakeholder, $0.date, $0.stance, $0.note, $0.locations) },
    Endorsement.init(stakeholder:date:stance:note:locations:))
}

extension Stakeholder: CacheRecorded {
  static let record = CacheRecord(
    { ($0.id, $0.file, $0.name, $0.group, $0.priorities, $0.locations) },
    Stakeholder.init(id:file:name:group:priorities:locations:))
}

extension Priority: CacheRecorded {
  static let record = CacheRecord({ ($0.objective, $0.weight) }, Priority.init(objective:weight:))
}

extension Objective: CacheRecorded {
  static let record = CacheRecord(
    { ($0.id, $0.file, $0.title, $0.axis, $0.owner, $0.status, $0.indicators, $0.locations, $0.body) },
    Objective.init(id:file:title:axis:owner:status:indicators:locations:body:))
}

extension Indicator: CacheRecorded {
  static let record = CacheRecord(
    {
      ($0.id, $0.title, $0.unit, $0.direction, $0.baseline, $0.baselineDate, $0.target, $0.targetDate, $0.locations)
    },
    Indicator.init(id:title:unit:direction:baseline:baselineDate:target:targetDate:locations:))
}

extension UseCase: CacheRecorded {
  static let record = CacheRecord(
    {
      (
        $0.id, $0.file, $0.title, $0.objectives, $0.phase, $0.owner, $0.users, $0.rolloutStep, $0.dependsOn, $0.effort,
        $0.locations, $0.body
      )
    },
    UseCase.init(id:file:title:objectives:phase:owner:users:rolloutStep:dependsOn:effort:locations:body:))
}

extension Workshop: CacheRecorded {
  static let record = CacheRecord(
    {
      ($0.id, $0.file, $0.date, $0.phase, $0.useCases, $0.participants, $0.facilitator, $0.decisions, $0.locations)
    },
    Workshop.init(id:file:date:phase:useCases:participants:facilitator:decisions:locations:))
}

extension Iteration: CacheRecorded {
  static let record = CacheRecord(
    {
      ($0.id, $0.file, $0.title, $0.start, $0.end, $0.status, $0.goal, $0.capacity, $0.items, $0.locations)
    },
    Iteration.init(id:file:title:start:end:status:goal:capacity:items:locations:))
}

extension Item: CacheRecorded {
  static let record = CacheRecord(
    { ($0.useCase, $0.target, $0.effort, $0.locations) }, Item.init(useCase:target:effort:locations:))
}

extension Retro: CacheRecorded {
  static let record = CacheRecord(
    {
      (
        $0.iteration, $0.file, $0.date, $0.participants, $0.delivered, $0.lessons, $0.actions, $0.measurements,
        $0.locations, $0.body
      )
    },
    Retro.init(iteration:file:date:participants:delivered:lessons:actions:measurements:locations:body:))
}

extension Delivery: CacheRecorded {
  static let record = CacheRecord({ ($0.useCase, $0.phase, $0.locations) }, Delivery.init(useCase:phase:locations:))
}

extension Lesson: CacheRecorded {
  static let record = CacheRecord({ ($0.text, $0.tags, $0.locations) }, Lesson.init(text:tags:locations:))
}

extension Action: CacheRecorded {
  static let record = CacheRecord(
    { ($0.text, $0.owner, $0.due, $0.status, $0.locations) }, Action.init(text:owner:due:status:locations:))
}

extension Measurement: CacheRecorded {
  static let record = CacheRecord(
    { ($0.indicator, $0.value, $0.date, $0.locations) }, Measurement.init(indicator:value:date:locations:))
}

extension LedgerDocument: CacheCodable {
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
    }
  }

  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    switch try DocumentKind(from: &reader) {
    case .vision: self = .vision(try Vision(from: &reader))
    case .stakeholder: self = .stakeholder(try Stakeholder(from: &reader))
    case .objective: self = .objective(try Objective(from: &reader))
    case .usecase: self = .useCase(try UseCase(from: &reader))
    case .workshop: self = .workshop(try Workshop(from: &reader))
    case .iteration: self = .iteration(try Iteration(from: &reader))
    case .retro: self = .retro(try Retro(from: &reader))
    }
  }
}

// MARK: - What reading found

extension Finding: CacheRecorded {
  static let record = CacheRecord(
    { ($0.rule, $0.file, $0.location, $0.message, $0.hint, $0.related) },
    Finding.init(rule:file:location:message:hint:related:))
}

extension Declaration: CacheRecorded {
  static let record = CacheRecord(
    { ($0.id, $0.kind, $0.file, $0.location) }, Declaration.init(id:kind:file:location:))
}

extension Reference: CacheRecorded {
  static let record = CacheRecord(
    { ($0.id, $0.kind, $0.field, $0.file, $0.location) }, Reference.init(id:kind:field:file:location:))
}

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

extension Suppression: CacheRecorded {
  static let record = CacheRecord(
    { ($0.file, $0.location, $0.scope, $0.rules) }, Suppression.init(file:location:scope:rules:))
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
