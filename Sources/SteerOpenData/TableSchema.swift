import SteerModel

/// The Frictionless Data Package v2 JSON: a Table Schema per table, and `datapackage.json`.
enum TableSchema {
  static let packageProfile = "https://datapackage.org/profiles/2.0/datapackage.json"
  static let resourceProfile = "https://datapackage.org/profiles/2.0/dataresource.json"
  static let schemaProfile = "https://datapackage.org/profiles/2.0/tableschema.json"

  static func json(_ resource: ExportResource, _ language: Language) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("$schema", .string(schemaProfile)),
      ("fields", .array(resource.columns.map { field($0, language) })),
      ("missingValues", .strings([""])),
      ("primaryKey", .strings(resource.primaryKey)),
    ]
    if !resource.foreignKeys.isEmpty {
      members.append(
        (
          "foreignKeys",
          .array(
            resource.foreignKeys.map { key in
              .object([
                ("fields", .strings([key.column])),
                (
                  "reference",
                  .object([("resource", .string(key.resource)), ("fields", .strings([key.referencedColumn]))])
                ),
              ])
            })
        ))
    }
    return .object(members)
  }

  private static func field(_ column: ExportColumn, _ language: Language) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("name", .string(column.name)), ("type", .string(column.type.rawValue)),
      ("description", .string(column.description.text(language))),
    ]
    var constraints: [(String, JSONValue)] = []
    if column.isRequired { constraints.append(("required", .bool(true))) }
    if let values = column.values { constraints.append(("enum", .strings(values))) }
    if !constraints.isEmpty { members.append(("constraints", .object(constraints))) }
    return .object(members)
  }

  static func resourceEntry(_ resource: ExportResource, bytes: Int, checksum: String, _ language: Language)
    -> JSONValue
  {
    .object([
      ("$schema", .string(resourceProfile)),
      ("name", .string(resource.name)), ("type", .string("table")), ("path", .string(resource.fileName)),
      ("scheme", .string("file")), ("format", .string("csv")), ("mediatype", .string("text/csv")),
      ("encoding", .string("utf-8")), ("bytes", .integer(bytes)), ("hash", .string("sha256:" + checksum)),
      ("title", .string(resource.title.text(language))),
      ("description", .string(Catalogue.datasetDescription(resource, language))),
      ("schema", .string(resource.schemaPath)),
    ])
  }

  static func package(_ description: ExportDescription, resources: [JSONValue]) -> JSONValue {
    let licence = description.publication.licence
    var members: [(String, JSONValue)] = [
      ("$schema", .string(packageProfile)),
      ("name", .string(Slug.make(description.territory).nonEmpty ?? "steer-ledger")),
      ("title", .string(description.title)),
      ("description", .string(Catalogue.catalogueDescription(description))),
    ]
    if let created = description.commitTimestamp { members.append(("created", .string(created))) }
    if let commit = description.commit { members.append(("version", .string(commit))) }
    members.append(
      (
        "licenses",
        .array([
          .object(
            (Catalogue.isURL(licence) ? [] : [("name", .string(licence))])
              + [("path", .string(Catalogue.licenceIRI(licence)))])
        ])
      ))
    if let publisher = description.publication.publisher {
      var contributor: [(String, JSONValue)] = [("title", .string(publisher)), ("roles", .strings(["publisher"]))]
      if let contact = description.publication.contact, contact.contains("@"), !Catalogue.isURL(contact) {
        contributor.append(("email", .string(contact)))
      }
      members.append(("contributors", .array([.object(contributor)])))
    }
    members.append(("resources", .array(resources)))
    return .object(members)
  }
}

extension Localized {
  func text(_ language: Language) -> String { language == .fr ? fr : en }
}
