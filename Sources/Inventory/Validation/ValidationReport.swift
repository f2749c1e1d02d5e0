import PolicyLanguage

/// What `trustwalk validate` says about one snapshot: what was loaded, per account, and every problem.
public struct ValidationReport: Sendable, Codable, Equatable {
  /// The counts loaded for one account.
  public struct AccountSummary: Sendable, Codable, Equatable {
    public var id: String
    public var alias: String?
    public var users: Int
    public var groups: Int
    public var roles: Int
    public var managedPolicies: Int
    public var inlinePolicies: Int
    public var buckets: Int
    public var bucketPolicies: Int
    public var keys: Int
    /// Root-first OU path in the organization, when known.
    public var organizationPath: [String]
  }

  /// The counts loaded for the organization.
  public struct OrganizationSummary: Sendable, Codable, Equatable {
    public var id: String
    public var managementAccount: String?
    public var accounts: Int
    public var organizationalUnits: Int
    public var serviceControlPolicies: Int
    public var resourceControlPolicies: Int
  }

  /// One problem, located.
  public struct Problem: Sendable, Codable, Equatable {
    public var severity: Diagnostic.Severity
    public var file: String
    public var line: Int?
    public var column: Int?
    public var pointer: String?
    public var message: String
    /// `file:line:column: severity: message (at pointer)`.
    public var text: String
  }

  public var snapshot: String
  /// `aws-cli` or `iam-collect`; nil when the snapshot could not be loaded.
  public var format: SnapshotFormat?
  /// Why nothing could be loaded, when that is the case.
  public var loadError: String?
  public var accounts: [AccountSummary]
  public var organization: OrganizationSummary?
  public var problems: [Problem]
  public var unknownFiles: [String]
  public var errors: Int
  public var warnings: Int

  /// Summarises a loaded inventory.
  public init(_ inventory: Inventory) {
    snapshot = inventory.root
    format = inventory.format
    loadError = nil
    accounts = inventory.accounts.map(Self.summary)
    organization = inventory.organization.map { organization in
      OrganizationSummary(
        id: organization.id, managementAccount: organization.managementAccountId,
        accounts: organization.accounts.count, organizationalUnits: organization.units.count,
        serviceControlPolicies: organization.policies.filter { $0.kind == .serviceControl }.count,
        resourceControlPolicies: organization.policies.filter { $0.kind == .resourceControl }.count)
    }
    problems = inventory.diagnostics.map { diagnostic in
      Problem(
        severity: diagnostic.severity, file: diagnostic.file, line: diagnostic.location?.line,
        column: diagnostic.location?.column, pointer: diagnostic.pointer, message: diagnostic.message,
        text: diagnostic.description)
    }
    unknownFiles = inventory.unknownFiles
    errors = inventory.diagnostics.filter { $0.severity == .error }.count
    warnings = inventory.diagnostics.count - errors
  }

  /// A snapshot that could not be loaded at all.
  public init(failed error: SnapshotLoadError) {
    snapshot = error.path
    format = nil
    loadError = error.reason
    accounts = []
    organization = nil
    problems = []
    unknownFiles = []
    errors = 0
    warnings = 0
  }

  /// Loaded, with no error and no unknown file (warnings are allowed).
  public var isClean: Bool { loadError == nil && errors == 0 && unknownFiles.isEmpty }

  private static func summary(_ account: Account) -> AccountSummary {
    let inline =
      account.users.reduce(0) { $0 + $1.inlinePolicies.count }
      + account.groups.reduce(0) { $0 + $1.inlinePolicies.count }
      + account.roles.reduce(0) { $0 + $1.inlinePolicies.count }
    return AccountSummary(
      id: account.id, alias: account.alias, users: account.users.count, groups: account.groups.count,
      roles: account.roles.count, managedPolicies: account.managedPolicies.count, inlinePolicies: inline,
      buckets: account.buckets.count, bucketPolicies: account.buckets.filter { $0.policy != nil }.count,
      keys: account.keys.count, organizationPath: account.organizationPath)
  }
}
