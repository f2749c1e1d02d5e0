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
  /// Account-level S3 Block Public Access (`s3control get-public-access-block`).
  public var publicAccessBlock: PublicAccessBlock?

  public init(
    id: String, alias: String? = nil, users: [User] = [], groups: [Group] = [], roles: [Role] = [],
    managedPolicies: [ManagedPolicy] = [], buckets: [Bucket] = [], keys: [KMSKey] = [],
    publicAccessBlock: PublicAccessBlock? = nil
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
  }

  /// `alias (id)` or the id alone.
  public var displayName: String { alias.map { "\($0) (\(id))" } ?? id }
}
