import SteerMetrics
import SteerModel

/// A file of an export: its path inside the export's directory, and its bytes.
public struct ExportFile: Sendable, Equatable {
  public let path: String
  public let bytes: [UInt8]

  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.bytes = bytes
  }
}

/// What the package and its catalogue say about the ledger, beside its tables.
public struct ExportDescription: Sendable {
  public var title: String
  public var territory: String
  public var language: Language
  public var publication: Publication
  /// When the commit exported was made, in seconds since 1970 (never the wall clock): the
  /// package's `created` and the catalogue's `dct:modified`; nil outside git.
  public var commitTime: Int64?
  public var commit: String?

  public init(
    title: String, territory: String, language: Language, publication: Publication, commitTime: Int64?,
    commit: String?
  ) {
    self.title = title
    self.territory = territory
    self.language = language
    self.publication = publication
    self.commitTime = commitTime
    self.commit = commit
  }

  /// The commit's time as RFC 3339, in UTC.
  var commitTimestamp: String? {
    commitTime.map { seconds in
      let second = Int((seconds % 86_400 + 86_400) % 86_400)
      func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
      return
        "\(CalendarDate(epochSeconds: seconds))T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }
  }
}

/// A member's own export, which a region's writes under `members/<name>/` and catalogues.
public struct MemberExport: Sendable {
  public var name: String
  public var revision: String?
  public var description: ExportDescription
  public var input: ExportInput

  public init(name: String, revision: String?, description: ExportDescription, input: ExportInput) {
    self.name = name
    self.revision = revision
    self.description = description
    self.input = input
  }
}

/// `steer export`'s files: a Frictionless Data Package v2 (`datapackage.json`, a CSV file and
/// a Table Schema per table) and its DCAT-AP 3.0.1 catalogue (`catalogue.ttl`,
/// `catalogue.jsonld`). The same input gives the same bytes.
public enum ExportPackage {
  public static let packageFile = "datapackage.json"
  public static let turtleFile = "catalogue.ttl"
  public static let jsonLDFile = "catalogue.jsonld"
  static let membersDirectory = "members/"

  public static func files(_ input: ExportInput, _ description: ExportDescription, members: [MemberExport] = [])
    -> [ExportFile]
  {
    var (files, datasets) = package(input, description)
    for member in members.sorted(by: { $0.name < $1.name }) {
      let prefix = membersDirectory + member.name + "/"
      let (memberFiles, memberDatasets) = package(member.input, member.description)
      let memberCatalogues = catalogues(member.description, datasets: memberDatasets)
      files += (memberFiles + memberCatalogues).map { ExportFile(path: prefix + $0.path, bytes: $0.bytes) }
      datasets += memberDatasets.map { dataset in
        var dataset = dataset
        dataset.path = prefix + dataset.path
        dataset.schemaPath = prefix + dataset.schemaPath
        dataset.member = (member.name, member.revision, member.description.commit)
        return dataset
      }
    }
    return files + catalogues(description, datasets: datasets)
  }

  /// One ledger's CSV files, Table Schemas and `datapackage.json`, and what its catalogue
  /// says of each table.
  private static func package(_ input: ExportInput, _ description: ExportDescription)
    -> ([ExportFile], [CatalogueDataset])
  {
    let rows = ExportRows(
      input, language: description.language, authority: description.publication.publisher ?? description.territory)
    var files: [ExportFile] = []
    var entries: [JSONValue] = []
    var datasets: [CatalogueDataset] = []
    for resource in ExportSchema.resources
    where (!resource.isRegionOnly || input.isRegion) && (!resource.isTechnicalOnly || input.audience == .technical) {
      let table = rows.rows(of: resource)
      let csv = CSV.file(header: resource.columns.map(\.name), rows: table)
      let schema = Array((TableSchema.json(resource, description.language).serialized() + "\n").utf8)
      let checksum = SHA256.hex(csv)
      files += [ExportFile(path: resource.fileName, bytes: csv), ExportFile(path: resource.schemaPath, bytes: schema)]
      entries.append(TableSchema.resourceEntry(resource, bytes: csv.count, checksum: checksum, description.language))
      let dates = resource.columns.indices.filter { resource.columns[$0].type == .date }
        .flatMap { column in table.compactMap { $0[column] } }
      datasets.append(
        CatalogueDataset(
          resource: resource, path: resource.fileName, schemaPath: resource.schemaPath,
          checksum: checksum, bytes: csv.count, firstDate: dates.min(), lastDate: dates.max()))
    }
    let package = TableSchema.package(description, resources: entries)
    files.append(ExportFile(path: packageFile, bytes: Array((package.serialized() + "\n").utf8)))
    return (files, datasets)
  }

  private static func catalogues(_ description: ExportDescription, datasets: [CatalogueDataset]) -> [ExportFile] {
    let nodes = Catalogue.nodes(description, datasets: datasets)
    return [
      ExportFile(path: turtleFile, bytes: Array(RDFWriter.turtle(nodes).utf8)),
      ExportFile(path: jsonLDFile, bytes: Array((RDFWriter.jsonLD(nodes).serialized() + "\n").utf8)),
    ]
  }
}

/// RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or
/// a line break (its quotes doubled); UTF-8 without a byte-order mark.
enum CSV {
  static func file(header: [String], rows: [[Cell]]) -> [UInt8] {
    var output: [UInt8] = []
    for row in [header.map(Optional.some)] + rows {
      output += row.map { field($0 ?? "") }.joined(separator: ",").utf8
      output += [0x0D, 0x0A]
    }
    return output
  }

  private static func field(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
