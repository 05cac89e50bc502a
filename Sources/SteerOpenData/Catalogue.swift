import SteerModel

/// What the catalogue says of one table: a `dcat:Dataset` and its CSV `dcat:Distribution`.
struct CatalogueDataset {
  var resource: ExportResource
  /// The CSV file and its Table Schema, relative to the export's directory.
  var path: String
  var schemaPath: String
  var checksum: String
  var bytes: Int
  var firstDate: String?
  var lastDate: String?
  /// A member's table in a region's catalogue: the member's name, the revision pinned and the
  /// commit read.
  var member: (name: String, revision: String?, commit: String?)?
}

/// The DCAT-AP 3.0.1 catalogue of an export. Every IRI is relative to where the export's
/// directory is published (`./#…` for the things it describes), so that a portal harvesting
/// it from any address reads the right files; values are typed as DCAT-AP's ranges ask.
enum Catalogue {
  private static let dcat = "http://www.w3.org/ns/dcat#"
  private static let dct = "http://purl.org/dc/terms/"
  private static let foaf = "http://xmlns.com/foaf/0.1/"
  private static let spdx = "http://spdx.org/rdf/terms#"
  private static let vcard = "http://www.w3.org/2006/vcard/ns#"
  private static let xsd = "http://www.w3.org/2001/XMLSchema#"
  private static let skos = "http://www.w3.org/2004/02/skos/core#"
  /// The EU data theme of every table: government and public sector.
  private static let theme = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
  private static let csvFormat = "http://publications.europa.eu/resource/authority/file-type/CSV"
  private static let csvMediaType = "https://www.iana.org/assignments/media-types/text/csv"

  static func nodes(_ description: ExportDescription, datasets: [CatalogueDataset]) -> [RDFNode] {
    let language = description.language
    let tag = language.rawValue
    var catalogue = RDFNode("./#catalogue", [dcat + "Catalog"])
    catalogue.add(dct + "title", .literal(description.title, language: tag))
    catalogue.add(dct + "description", .literal(catalogueDescription(description), language: tag))
    catalogue.add(dct + "publisher", .node(publisher(description)))
    catalogue.add(dct + "language", .node(typed(languageIRI(language), dct + "LinguisticSystem")))
    catalogue.add(dct + "license", .node(typed(licenceIRI(description.publication.licence), dct + "LicenseDocument")))
    if let time = description.commitTime {
      catalogue.add(dct + "modified", .literal(CalendarDate(epochSeconds: time).description, datatype: xsd + "date"))
    }
    if let spatial = description.publication.spatial {
      catalogue.add(dct + "spatial", .node(typed(spatial, dct + "Location")))
    }
    catalogue.add(dcat + "dataset", datasets.map { .iri(datasetIRI($0)) })
    return [catalogue] + datasets.map { dataset(description, $0) }
  }

  private static func datasetIRI(_ dataset: CatalogueDataset) -> String {
    dataset.member.map { "./members/\($0.name)/#\(dataset.resource.name)" } ?? "./#\(dataset.resource.name)"
  }

  private static func dataset(_ description: ExportDescription, _ dataset: CatalogueDataset) -> RDFNode {
    let language = description.language
    let tag = language.rawValue
    let resource = dataset.resource
    var node = RDFNode(datasetIRI(dataset), [dcat + "Dataset"])
    var title = resource.title.text(language)
    var identifier = resource.name
    if let member = dataset.member {
      title += " — " + member.name
      identifier = member.name + "/" + resource.name + (member.commit.map { "@" + $0 } ?? "")
      if let version = member.revision ?? member.commit { node.add(dcat + "version", .literal(version)) }
    } else if let commit = description.commit {
      identifier += "@" + commit
    }
    node.add(dct + "title", .literal(title, language: tag))
    node.add(dct + "description", .literal(datasetDescription(resource, language), language: tag))
    node.add(dct + "identifier", .literal(identifier))
    var concept = typed(theme, skos + "Concept")
    concept.add(
      skos + "prefLabel", .literal("Government and public sector", language: "en"),
      .literal("Gouvernement et secteur public", language: "fr"))
    node.add(dcat + "theme", .node(concept))
    if dataset.member == nil {
      node.add(dct + "publisher", .node(publisher(description)))
      if let contact = contactPoint(description) { node.add(dcat + "contactPoint", .node(contact)) }
      if let spatial = description.publication.spatial {
        node.add(dct + "spatial", .node(typed(spatial, dct + "Location")))
      }
    }
    if let first = dataset.firstDate, let last = dataset.lastDate {
      var period = RDFNode(nil, [dct + "PeriodOfTime"])
      period.add(dcat + "startDate", .literal(first, datatype: xsd + "date"))
      period.add(dcat + "endDate", .literal(last, datatype: xsd + "date"))
      node.add(dct + "temporal", .node(period))
    }
    node.add(dcat + "distribution", .node(distribution(description, dataset)))
    return node
  }

  private static func distribution(_ description: ExportDescription, _ dataset: CatalogueDataset) -> RDFNode {
    var node = RDFNode(nil, [dcat + "Distribution"])
    node.add(dct + "title", .literal(dataset.resource.fileName))
    node.add(dcat + "accessURL", .iri(dataset.path))
    node.add(dcat + "downloadURL", .iri(dataset.path))
    node.add(dct + "format", .node(typed(csvFormat, dct + "MediaTypeOrExtent")))
    node.add(dcat + "mediaType", .node(typed(csvMediaType, dct + "MediaType")))
    node.add(dcat + "byteSize", .literal(String(dataset.bytes), datatype: xsd + "nonNegativeInteger"))
    node.add(dct + "license", .node(typed(licenceIRI(description.publication.licence), dct + "LicenseDocument")))
    var checksum = RDFNode(nil, [spdx + "Checksum"])
    checksum.add(spdx + "algorithm", .iri(spdx + "checksumAlgorithm_sha256"))
    checksum.add(spdx + "checksumValue", .literal(dataset.checksum, datatype: xsd + "hexBinary"))
    node.add(spdx + "checksum", .node(checksum))
    node.add(dct + "conformsTo", .node(typed(dataset.schemaPath, dct + "Standard")))
    return node
  }

  private static func publisher(_ description: ExportDescription) -> RDFNode {
    var agent = RDFNode("./#publisher", [foaf + "Agent"])
    agent.add(foaf + "name", .literal(description.publication.publisher ?? description.territory))
    return agent
  }

  private static func contactPoint(_ description: ExportDescription) -> RDFNode? {
    guard let contact = description.publication.contact else { return nil }
    var kind = RDFNode(nil, [vcard + "Kind"])
    kind.add(vcard + "fn", .literal(description.publication.publisher ?? description.territory))
    let isAddress = contact.contains("@") && !isURL(contact)
    kind.add(isAddress ? vcard + "hasEmail" : vcard + "hasURL", .iri(isAddress ? "mailto:" + contact : contact))
    return kind
  }

  /// An IRI given a type, as DCAT-AP's range shapes ask of values.
  private static func typed(_ iri: String, _ type: String) -> RDFNode { RDFNode(iri, [type]) }

  private static func languageIRI(_ language: Language) -> String {
    "http://publications.europa.eu/resource/authority/language/" + (language == .fr ? "FRA" : "ENG")
  }

  static func isURL(_ text: String) -> Bool { text.hasPrefix("https://") || text.hasPrefix("http://") }

  /// A licence as an IRI: a URL as written, else its SPDX page (`etalab-2.0` is one).
  static func licenceIRI(_ licence: String) -> String {
    isURL(licence) ? licence : "https://spdx.org/licenses/" + licence
  }

  static func catalogueDescription(_ description: ExportDescription) -> String {
    Wording(description.language)(
      en:
        "The steering ledger of the territory '\(description.territory)': its use cases, objectives, indicators and measurements, "
        + "iterations, workshops, stakeholders and metrics, exported by Steer.",
      fr:
        "Le registre de pilotage du territoire « \(description.territory) » : ses cas d'usage, objectifs, indicateurs et mesures, itérations, ateliers, parties prenantes et indicateurs de pilotage, exporté par Steer."
    )
  }

  static func datasetDescription(_ resource: ExportResource, _ language: Language) -> String {
    let row = resource.row.text(language)
    return Wording(language)(en: "One row per \(row.dropArticle).", fr: "Une ligne par \(row.dropArticle).")
  }
}

extension String {
  /// "a use case" → "use case", « un cas d'usage » → « cas d'usage ».
  fileprivate var dropArticle: String {
    for article in ["a ", "an ", "un ", "une "] where hasPrefix(article) { return String(dropFirst(article.count)) }
    return self
  }
}
