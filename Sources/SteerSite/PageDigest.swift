import SteerModel

/// What a page shows, as one number the same from one process to the next (FNV-1a, 64 bits;
/// Swift's `Hasher` is seeded per process): `steer site` renders and writes again only the
/// pages whose digest differs from the one its marker recorded. Each value is preceded by
/// its length or its count, so that no two different pages feed the same bytes.
struct PageDigest {
  private(set) var value: UInt64 = FNV1a.offset

  mutating func add(_ text: String) {
    add(text.utf8.count)
    value = FNV1a.hash(text, continuing: value)
  }

  mutating func add(_ number: Int) {
    let number = UInt64(bitPattern: Int64(number))
    value = FNV1a.hash(bytes: (0..<8).lazy.map { UInt8(truncatingIfNeeded: number >> ($0 * 8)) }, continuing: value)
  }

  mutating func add(_ flag: Bool) { add(flag ? 1 : 0) }

  mutating func add(_ text: String?) {
    add(text != nil)
    if let text { add(text) }
  }

  mutating func add(_ value: some PageDigestible) { value.digest(into: &self) }

  mutating func add(_ value: (some PageDigestible)?) {
    add(value != nil)
    value?.digest(into: &self)
  }

  mutating func add(_ values: [some PageDigestible]) {
    add(values.count)
    for value in values { value.digest(into: &self) }
  }

  mutating func add(_ texts: [String]) {
    add(texts.count)
    for text in texts { add(text) }
  }
}

/// A value of a page: it feeds every field its templates may show into a digest.
protocol PageDigestible {
  func digest(into digest: inout PageDigest)
}
