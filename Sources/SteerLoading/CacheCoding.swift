import SteerModel

/// The binary form of what reading a document produced, for the document cache: integers as
/// variable-length numbers, strings and lists length first. Decoding is several times cheaper
/// than parsing the YAML again, and it never trusts its input: anything malformed throws.
protocol CacheCodable {
  func encode(to writer: inout CacheWriter)
  init(from reader: inout CacheReader) throws(CacheReader.Malformed)
}

struct CacheWriter {
  var bytes: [UInt8] = []
  /// Written as an empty marker: the document's own path, which most `file` fields repeat.
  let path: String

  init(path: String) { self.path = path }

  mutating func write(_ value: Int) {
    var rest = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)  // zigzag: small negatives stay short
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  mutating func write(_ value: String) {
    var value = value
    value.withUTF8 { utf8 in
      write(utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  mutating func write(_ value: Double) {
    withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func write(_ value: some CacheCodable) { value.encode(to: &self) }

  mutating func write<Element: CacheCodable>(_ values: [Element]) {
    write(values.count)
    for value in values { value.encode(to: &self) }
  }

  mutating func write<Wrapped: CacheCodable>(_ value: Wrapped?) {
    guard let value else { return bytes.append(0) }
    bytes.append(1)
    value.encode(to: &self)
  }

  /// A path: the document's own is written as nothing at all.
  mutating func write(file: String) { write(file == path ? "" : file) }
}

struct CacheReader {
  struct Malformed: Error {}

  private let bytes: UnsafeRawBufferPointer
  private(set) var offset = 0
  /// The document's path, shared by every `file` field that names it.
  let path: String

  init(_ bytes: UnsafeRawBufferPointer, path: String) {
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

  mutating func string() throws(Malformed) -> String {
    let count = try count()
    defer { offset += count }
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]), as: UTF8.self)
  }

  /// The next `count` bytes, as they are.
  mutating func bytes(_ count: Int) throws(Malformed) -> UnsafeRawBufferPointer {
    guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
  }

  mutating func double() throws(Malformed) -> Double {
    guard bytes.count - offset >= 8 else { throw Malformed() }
    defer { offset += 8 }
    return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
  }

  mutating func read<Value: CacheCodable>(_: Value.Type = Value.self) throws(Malformed) -> Value {
    try Value(from: &self)
  }

  mutating func list<Element: CacheCodable>(_: Element.Type = Element.self) throws(Malformed) -> [Element] {
    let count = try count()
    var values: [Element] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try Element(from: &self)) }
    return values
  }

  mutating func optional<Wrapped: CacheCodable>(_: Wrapped.Type = Wrapped.self) throws(Malformed) -> Wrapped? {
    switch try byte() {
    case 0: return nil
    case 1: return try Wrapped(from: &self)
    default: throw Malformed()
    }
  }

  mutating func file() throws(Malformed) -> String {
    let file = try string()
    return file.isEmpty ? path : file
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
  func encode(to writer: inout CacheWriter) { writer.write(self) }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) { self = try reader.double() }
}

/// The ledger's enumerations, by their position among the cases (cheaper than their words).
extension CacheCodable where Self: CaseIterable, Self: Equatable, AllCases == [Self] {
  func encode(to writer: inout CacheWriter) { writer.write(Self.allCases.firstIndex(of: self)!) }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    let index = try reader.int()
    guard Self.allCases.indices.contains(index) else { throw CacheReader.Malformed() }
    self = Self.allCases[index]
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

extension CalendarDate: CacheCodable {
  func encode(to writer: inout CacheWriter) { writer.write(daysSinceEpoch) }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    let days = try reader.int()
    guard Self.representableDays.contains(days) else { throw CacheReader.Malformed() }
    self.init(daysSinceEpoch: days)
  }
}

extension CalendarDate {
  fileprivate static let representableDays =
    CalendarDate(year: 1, month: 1, day: 1)!
    .daysSinceEpoch...CalendarDate(year: 9999, month: 12, day: 31)!.daysSinceEpoch
}

extension SourceLocation: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(line)
    writer.write(column)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(line: try reader.int(), column: try reader.int())
  }
}

extension Located: CacheCodable where Value: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(value)
    writer.write(location)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(try reader.read(), at: try reader.read())
  }
}

extension FieldLocations.Field: CacheCodable {
  /// Every field name of the field tables (where locations take their names), numbered from 1:
  /// a name is written as its number, and read back without a string being decoded.
  private static let names: [String] = {
    func names(_ fields: [FieldSpec]) -> [String] { fields.flatMap { [$0.name] + names(in: $0.type) } }
    func names(in type: FieldType) -> [String] {
      switch type {
      case .object(let fields): names(fields)
      case .list(let element, _): names(in: element)
      case .map(_, let value): names(in: value)
      default: []
      }
    }
    return Set(DocumentKind.allCases.flatMap { names(FieldTables.fields(of: $0)) }).sorted()
  }()
  private static let numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0 + 1) })

  func encode(to writer: inout CacheWriter) {
    if let number = Self.numbers[name] {
      writer.write(number)
    } else {
      writer.write(0)
      writer.write(name)
    }
    writer.write(key)
    writer.write(value)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    let number = try reader.int()
    guard (0...Self.names.count).contains(number) else { throw CacheReader.Malformed() }
    let name = number == 0 ? try reader.string() : Self.names[number - 1]
    self.init(name: name, key: try reader.read(), value: try reader.read())
  }
}

extension FieldLocations: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(start)
    writer.write(fields)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(start: try reader.read(), fields: try reader.list())
  }
}

// MARK: - Documents

extension Vision: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(file: file)
    writer.write(title)
    writer.write(territory)
    writer.write(horizon)
    writer.write(carriedBy)
    writer.write(axes)
    writer.write(rollout)
    writer.write(endorsements)
    writer.write(locations)
    writer.write(body)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      file: try reader.file(), title: try reader.string(), territory: try reader.string(), horizon: try reader.read(),
      carriedBy: try reader.read(), axes: try reader.list(), rollout: try reader.list(),
      endorsements: try reader.list(), locations: try reader.read(), body: try reader.string())
  }
}

extension Axis: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(id)
    writer.write(title)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(id: try reader.read(), title: try reader.string())
  }
}

extension RolloutStep: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(id)
    writer.write(title)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(id: try reader.read(), title: try reader.string())
  }
}

extension Endorsement: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(stakeholder)
    writer.write(date)
    writer.write(stance)
    writer.write(note)
    writer.write(locations)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      stakeholder: try reader.read(), date: try reader.read(), stance: try reader.read(), note: try reader.optional(),
      locations: try reader.read())
  }
}

extension Stakeholder: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(id)
    writer.write(file: file)
    writer.write(name)
    writer.write(group)
    writer.write(priorities)
    writer.write(locations)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      id: try reader.string(), file: try reader.file(), name: try reader.string(), group: try reader.read(),
      priorities: try reader.list(), locations: try reader.read())
  }
}

extension Priority: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(objective)
    writer.write(weight)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(objective: try reader.read(), weight: try reader.int())
  }
}

extension Objective: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(id)
    writer.write(file: file)
    writer.write(title)
    writer.write(axis)
    writer.write(owner)
    writer.write(status)
    writer.write(indicators)
    writer.write(locations)
    writer.write(body)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      id: try reader.string(), file: try reader.file(), title: try reader.string(), axis: try reader.read(),
      owner: try reader.read(), status: try reader.read(), indicators: try reader.list(), locations: try reader.read(),
      body: try reader.string())
  }
}

extension Indicator: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(id)
    writer.write(title)
    writer.write(unit)
    writer.write(direction)
    writer.write(baseline)
    writer.write(baselineDate)
    writer.write(target)
    writer.write(targetDate)
    writer.write(locations)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      id: try reader.read(), title: try reader.string(), unit: try reader.string(), direction: try reader.read(),
      baseline: try reader.double(), baselineDate: try reader.read(), target: try reader.double(),
      targetDate: try reader.read(), locations: try reader.read())
  }
}

extension UseCase: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(id)
    writer.write(file: file)
    writer.write(title)
    writer.write(objectives)
    writer.write(phase)
    writer.write(owner)
    writer.write(users)
    writer.write(rolloutStep)
    writer.write(dependsOn)
    writer.write(effort)
    writer.write(locations)
    writer.write(body)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      id: try reader.string(), file: try reader.file(), title: try reader.string(), objectives: try reader.list(),
      phase: try reader.read(), owner: try reader.read(), users: try reader.list(), rolloutStep: try reader.optional(),
      dependsOn: try reader.list(), effort: try reader.double(), locations: try reader.read(),
      body: try reader.string())
  }
}

extension Workshop: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(id)
    writer.write(file: file)
    writer.write(date)
    writer.write(phase)
    writer.write(useCases)
    writer.write(participants)
    writer.write(facilitator)
    writer.write(decisions)
    writer.write(locations)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      id: try reader.string(), file: try reader.file(), date: try reader.read(), phase: try reader.read(),
      useCases: try reader.list(), participants: try reader.list(), facilitator: try reader.optional(),
      decisions: try reader.list(), locations: try reader.read())
  }
}

extension Iteration: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(id)
    writer.write(file: file)
    writer.write(title)
    writer.write(start)
    writer.write(end)
    writer.write(status)
    writer.write(goal)
    writer.write(capacity)
    writer.write(items)
    writer.write(locations)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      id: try reader.string(), file: try reader.file(), title: try reader.string(), start: try reader.read(),
      end: try reader.read(), status: try reader.read(), goal: try reader.optional(), capacity: try reader.optional(),
      items: try reader.list(), locations: try reader.read())
  }
}

extension Item: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(useCase)
    writer.write(target)
    writer.write(effort)
    writer.write(locations)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      useCase: try reader.read(), target: try reader.read(), effort: try reader.optional(),
      locations: try reader.read())
  }
}

extension Retro: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(iteration)
    writer.write(file: file)
    writer.write(date)
    writer.write(participants)
    writer.write(delivered)
    writer.write(lessons)
    writer.write(actions)
    writer.write(measurements)
    writer.write(locations)
    writer.write(body)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      iteration: try reader.string(), file: try reader.file(), date: try reader.read(),
      participants: try reader.list(), delivered: try reader.list(), lessons: try reader.list(),
      actions: try reader.list(), measurements: try reader.list(), locations: try reader.read(),
      body: try reader.string())
  }
}

extension Delivery: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(useCase)
    writer.write(phase)
    writer.write(locations)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(useCase: try reader.read(), phase: try reader.read(), locations: try reader.read())
  }
}

extension Lesson: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(text)
    writer.write(tags)
    writer.write(locations)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(text: try reader.string(), tags: try reader.list(), locations: try reader.read())
  }
}

extension Action: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(text)
    writer.write(owner)
    writer.write(due)
    writer.write(status)
    writer.write(locations)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      text: try reader.string(), owner: try reader.read(), due: try reader.read(), status: try reader.read(),
      locations: try reader.read())
  }
}

extension Measurement: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(indicator)
    writer.write(value)
    writer.write(date)
    writer.write(locations)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      indicator: try reader.read(), value: try reader.double(), date: try reader.read(), locations: try reader.read())
  }
}

extension LedgerDocument: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    switch self {
    case .vision(let vision): writer.write(0); writer.write(vision)
    case .stakeholder(let stakeholder): writer.write(1); writer.write(stakeholder)
    case .objective(let objective): writer.write(2); writer.write(objective)
    case .useCase(let useCase): writer.write(3); writer.write(useCase)
    case .workshop(let workshop): writer.write(4); writer.write(workshop)
    case .iteration(let iteration): writer.write(5); writer.write(iteration)
    case .retro(let retro): writer.write(6); writer.write(retro)
    }
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    switch try reader.int() {
    case 0: self = .vision(try reader.read())
    case 1: self = .stakeholder(try reader.read())
    case 2: self = .objective(try reader.read())
    case 3: self = .useCase(try reader.read())
    case 4: self = .workshop(try reader.read())
    case 5: self = .iteration(try reader.read())
    case 6: self = .retro(try reader.read())
    default: throw CacheReader.Malformed()
    }
  }
}

// MARK: - What reading found

extension Finding: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(rule)
    writer.write(file: file)
    writer.write(location)
    writer.write(message)
    writer.write(hint)
    writer.write(related)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      rule: try reader.string(), file: try reader.file(), location: try reader.optional(), message: try reader.string(),
      hint: try reader.optional(), related: try reader.list())
  }
}

extension Declaration: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(id)
    writer.write(kind)
    writer.write(file: file)
    writer.write(location)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(id: try reader.string(), kind: try reader.read(), file: try reader.file(), location: try reader.read())
  }
}

extension Reference: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(id)
    writer.write(kind)
    writer.write(field)
    writer.write(file: file)
    writer.write(location)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    self.init(
      id: try reader.string(), kind: try reader.read(), field: try reader.string(), file: try reader.file(),
      location: try reader.read())
  }
}

extension Suppression: CacheCodable {
  func encode(to writer: inout CacheWriter) {
    writer.write(file: file)
    writer.write(location)
    switch scope {
    case .file: writer.write(0)
    case .line(let line): writer.write(line)  // lines start at 1: 0 is free for the whole file
    }
    writer.write(rules)
  }
  init(from reader: inout CacheReader) throws(CacheReader.Malformed) {
    let file = try reader.file()
    let location: SourceLocation = try reader.read()
    let scope = try reader.int()
    self.init(file: file, location: location, scope: scope == 0 ? .file : .line(scope), rules: try reader.list())
  }
}

extension ReadDocument {
  /// The document's path is the cache entry's key, so it is not written.
  func encoded() -> [UInt8] {
    var writer = CacheWriter(path: path)
    writer.write(content)
    writer.write(findings)
    writer.write(declarations)
    writer.write(references)
    writer.write(suppressions)
    return writer.bytes
  }

  /// Only an entry's document, all a history replay reads of it (it is written first).
  static func content(path: String, decoding bytes: UnsafeRawBufferPointer) throws(CacheReader.Malformed)
    -> LedgerDocument?
  {
    var reader = CacheReader(bytes, path: path)
    return try reader.optional()
  }

  init(path: String, decoding bytes: UnsafeRawBufferPointer) throws(CacheReader.Malformed) {
    var reader = CacheReader(bytes, path: path)
    self.init(
      path: path, content: try reader.optional(), findings: try reader.list(), declarations: try reader.list(),
      references: try reader.list(), suppressions: try reader.list())
    guard reader.isAtEnd else { throw CacheReader.Malformed() }
  }
}
