/// `.steer.yaml`, as read.
public struct Configuration: Hashable, Sendable {
  public static let fileName = ".steer.yaml"
  public static let defaultLedger = "vision"

  public var ledger: String?
  public var language: Language = .en
  public var effortUnit: String?
  public var requiredEndorsements: [StakeholderGroup] = []
  /// Rule id → setting, with where it was written.
  public var rules: [String: Located<RuleSetting>] = [:]
  /// Metric id → the minimum a gate sets, with where it was written (ids the metric registry
  /// lets a gate name: the configuration's loader checks them).
  public var gates: [String: Located<Double>] = [:]
  /// The ledgers this one federates, in the order written.
  public var federation: [FederationMember] = []
  /// What `steer export` says about the data it publishes.
  public var publication = Publication()

  public init() {}
}

/// `.steer.yaml`'s `publication:`: who publishes the exported data, under which licence.
public struct Publication: Hashable, Sendable {
  public static let defaultLicence = "etalab-2.0"

  public var publisher: String?
  /// An SPDX-like id or a URL.
  public var licence: String = Self.defaultLicence
  /// An e-mail address or a URL.
  public var contact: String?
  /// The territory's URI.
  public var spatial: String?
  /// Where `steer site`'s pages are published: what makes their links absolute outside the site.
  public var site: String?

  public init(
    publisher: String? = nil, licence: String = Self.defaultLicence, contact: String? = nil, spatial: String? = nil,
    site: String? = nil
  ) {
    self.publisher = publisher
    self.licence = licence
    self.contact = contact
    self.spatial = spatial
    self.site = site
  }
}

/// A ledger that a federating one reads (README, "Federation"): a commune's, for a region.
public struct FederationMember: Hashable, Sendable {
  /// How findings and figures name the member.
  public var name: Located<String>
  /// A path relative to the federating repository's root, or a git URL.
  public var repository: String
  /// A tag, branch or commit; nil for the member's HEAD.
  public var revision: String?
  /// The member's ledger directory; nil for its own `.steer.yaml`'s, else `vision`.
  public var ledger: String?
  /// How people read its name; nil for its vision's `territory`.
  public var title: String?

  public init(
    name: Located<String>, repository: String, revision: String? = nil, ledger: String? = nil, title: String? = nil
  ) {
    self.name = name
    self.repository = repository
    self.revision = revision
    self.ledger = ledger
    self.title = title
  }

  /// The name people read: `title`, else the member's `territory` (nil when its vision could not
  /// be read), else its `name`, an id written for machines.
  public func title(territory: String?) -> String {
    title ?? territory.flatMap { $0.isEmpty ? nil : $0 } ?? name.value
  }

  /// Whether `repository` is a git URL (`scheme://…` or scp-like `user@host:path`), which
  /// `steer federation fetch` brings into a local mirror, rather than a path.
  public var isRemote: Bool { Self.isURL(repository) }

  /// Whether a `repository` is a git URL rather than a path.
  public static func isURL(_ repository: String) -> Bool {
    repository.contains("://")
      || (repository.firstIndex(of: "@").map { at in repository[at...].contains(":") } ?? false)
  }
}
