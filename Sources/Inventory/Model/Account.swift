import PolicyLanguage

/// One AWS account of the snapshot, with its IAM, S3 and KMS contents.
public struct Account: Sendable, Identifiable {
  /// The 12-digit account id.
  public var id: String
  public var alias: String?
  public var users: [User]
  public var groups: [Group]
  public var roles: [Role]
  /// Customer-managed and AWS-managed policies the account's principals use (default versions).
  public var managedPolicies: [ManagedPolicy]
  public var buckets: [Bucket]
  public var keys: [KMSKey]
  /// Account-level S3 Block Public Access (`s3control get-public-access-block`); nil when not recorded.
  public var publicAccessBlock: PublicAccessBlock?
  /// The account's S3 canonical user id (`Owner.ID` of `list-buckets`), which ACL grants name.
  public var canonicalUserId: String?
  /// The organization the account belongs to, when the snapshot holds one that lists it.
  public var organizationId: String?
  /// Ids from the organization root down to the account's direct parent (`r-…`, `ou-…`, …).
  public var organizationPath: [String]
  /// Why the account's users, groups and roles are unknown or incomplete (its IAM export is missing
  /// or could not be read); nil when the export loaded completely.
  public var identityProblem: String?

  public init(
    id: String, alias: String? = nil, users: [User] = [], groups: [Group] = [], roles: [Role] = [],
    managedPolicies: [ManagedPolicy] = [], buckets: [Bucket] = [], keys: [KMSKey] = [],
    publicAccessBlock: PublicAccessBlock? = nil, canonicalUserId: String? = nil,
    organizationId: String? = nil, organizationPath: [String] = [], identityProblem: String? = nil
  ) {
    self.id = id
    self.alias = alias
    self.users = users
    self.groups = groups
    self.roles = roles
    self.managedPolicies = managedPolicies
    self.buckets = buckets
    self.keys = keys
    self.publicAccessBlock = publicAccessBlock
    self.canonicalUserId = canonicalUserId
    self.organizationId = organizationId
    self.organizationPath = organizationPath
    self.identityProblem = identityProblem
  }

  /// `alias (id)` or the id alone.
  public var displayName: String { alias.map { "\($0) (\(id))" } ?? id }

  /// The managed policy with `arn` held in this account's data, if any.
  public func managedPolicy(_ arn: String) -> ManagedPolicy? {
    managedPolicies.first { $0.arn == arn }
  }
}
