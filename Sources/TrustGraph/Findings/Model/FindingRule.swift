/// A gap rule: a stable id (`TW001`) for suppressions and CI, a short name, and its texts.
public struct FindingRule: Sendable, Hashable, Identifiable {
  /// Stable id: never reused for another meaning.
  public var id: String
  /// kebab-case name (`half-configured-identity-only`).
  public var name: String
  /// One line: what the rule detects.
  public var shortDescription: String
  /// Why it matters and how to fix it in general.
  public var help: String
  public var defaultSeverity: FindingSeverity
  /// When a finding's severity depends on what it is about: the rule that sets it (shown in help).
  public var severityRule: String?

  public init(
    id: String, name: String, shortDescription: String, help: String, defaultSeverity: FindingSeverity,
    severityRule: String? = nil
  ) {
    self.id = id
    self.name = name
    self.shortDescription = shortDescription
    self.help = help
    self.defaultSeverity = defaultSeverity
    self.severityRule = severityRule
  }

  /// `critical` or, for rules whose severity varies, how it is chosen.
  public var severityText: String { severityRule ?? defaultSeverity.rawValue }
}

extension FindingRule {
  public static let identityOnly = FindingRule(
    id: "TW001", name: "half-configured-identity-only",
    shortDescription:
      "An identity policy grants access to another account's bucket or role, but that side does not allow it.",
    help: """
      Cross-account access needs both sides: the caller's identity policy and the bucket policy (or the \
      role's trust policy) in the owning account. Here only the caller's side is configured, so every \
      request fails. Add a statement naming the principal (or its account) on the resource side, or \
      remove the unused identity grant.
      """, defaultSeverity: .medium)

  public static let resourceOnly = FindingRule(
    id: "TW002", name: "half-configured-resource-only",
    shortDescription:
      "A bucket or trust policy names another account's principal, but nothing there is allowed to use it.",
    help: """
      A bucket policy or trust policy that names a principal or account of another account only opens \
      the door: the principal's own identity policies must also allow the action. When none does, the \
      grant is unused (or the caller's side was forgotten). Grant the action in the caller's identity \
      policy, or remove the grant.
      """, defaultSeverity: .medium,
    severityRule: "medium when a principal is named, low when a whole account is")

  public static let danglingUniqueId = FindingRule(
    id: "TW003", name: "dangling-principal-unique-id",
    shortDescription: "A policy names a bare unique id (AIDA…/AROA…): a deleted principal.",
    help: """
      When a user or role named by a resource policy is deleted, AWS shows its unique id instead of its \
      ARN. The entry matches nobody, not even a principal re-created with the same name. Remove the \
      entry, or name the re-created principal again.
      """, defaultSeverity: .low)

  public static let danglingArn = FindingRule(
    id: "TW004", name: "dangling-principal-arn",
    shortDescription:
      "A policy names a user or role that does not exist in its account (which is in the snapshot).",
    help: """
      The policy names a principal ARN of an account in the snapshot, but that account has no such user \
      or role. Whoever creates a principal with that name later inherits the grant. Remove the entry or \
      correct the name.
      """, defaultSeverity: .medium)

  public static let externalTrust = FindingRule(
    id: "TW005", name: "external-account-trust-without-guard",
    shortDescription:
      "A role trusts an account outside the organization without sts:ExternalId or an organization condition.",
    help: """
      Trusting a whole external account lets every principal that account allows assume the role. For \
      third parties, require `sts:ExternalId` (confused-deputy protection); for your own accounts, pin \
      `aws:PrincipalOrgID` or `aws:PrincipalOrgPaths`; better still, name the exact role.
      """, defaultSeverity: .high)

  public static let serviceTrust = FindingRule(
    id: "TW006", name: "service-trust-without-source",
    shortDescription: "A role trusts an AWS service without aws:SourceAccount or aws:SourceArn.",
    help: """
      A service principal acts for every AWS customer. Without `aws:SourceAccount` or `aws:SourceArn` in \
      the trust policy, another customer's resource could make the service assume this role (the \
      cross-service confused deputy). Add a condition pinning the account or the resource ARN.
      """, defaultSeverity: .low)

  public static let objectOwnership = FindingRule(
    id: "TW007", name: "cross-account-writer-object-ownership",
    shortDescription:
      "Another account can write into a bucket whose Object Ownership is not BucketOwnerEnforced.",
    help: """
      Unless Object Ownership is BucketOwnerEnforced, objects uploaded by another account belong to the \
      writer: the bucket owner's policies cannot grant access to them and readers get AccessDenied. Set \
      Object Ownership to BucketOwnerEnforced (ACLs off), or at least BucketOwnerPreferred with a \
      bucket policy requiring `s3:x-amz-acl = bucket-owner-full-control`.
      """, defaultSeverity: .medium)

  public static let kmsWriter = FindingRule(
    id: "TW008", name: "sse-kms-writer-cannot-use-key",
    shortDescription: "A cross-account writer of an SSE-KMS bucket cannot use the bucket's KMS key.",
    help: """
      With SSE-KMS default encryption, every PutObject needs `kms:GenerateDataKey` on the key (and reads \
      need `kms:Decrypt`). Across accounts the key policy must allow the writer (or its account) and the \
      writer's identity policy must allow the key; the AWS managed `aws/s3` key never works across \
      accounts. Allow the writer in the key policy and its identity policy, or use a customer managed key.
      """, defaultSeverity: .medium)

  public static let publicPolicy = FindingRule(
    id: "TW009", name: "public-policy-grant",
    shortDescription: "A bucket, key or trust policy allows everyone (\"*\") without a limiting condition.",
    help: """
      `"Principal": "*"` (or an Allow with NotPrincipal) without a condition on the caller's account, \
      organization, ARN, source or network grants the action to anyone, anonymous callers included for \
      buckets. Name the principals, or add a condition such as `aws:PrincipalOrgID`; keep Block Public \
      Access on.
      """, defaultSeverity: .critical,
    severityRule:
      "critical for trust policies and bucket writes/deletes/policy changes, high for reads and key "
      + "policies, low under RestrictPublicBuckets")

  public static let publicACL = FindingRule(
    id: "TW010", name: "public-acl-grant",
    shortDescription: "A bucket ACL grants AllUsers or AuthenticatedUsers access.",
    help: """
      ACL grants to `AllUsers` (anyone) or `AuthenticatedUsers` (any AWS account) are public. Remove the \
      grant, set Object Ownership to BucketOwnerEnforced (ACLs off), or turn on IgnorePublicAcls.
      """, defaultSeverity: .high, severityRule: "critical when it lets anyone write, else high")

  public static let objectActionsOnBucket = FindingRule(
    id: "TW011", name: "object-actions-on-bucket-arn",
    shortDescription: "A statement grants only object actions, but only on bucket ARNs: it grants nothing.",
    help: """
      Object actions (GetObject, PutObject, DeleteObject, …) apply to object ARNs \
      (`arn:aws:s3:::bucket/key`); `arn:aws:s3:::bucket` matches no object, so the statement never \
      allows anything. Add `/*` (or the intended prefix) to the resource.
      """, defaultSeverity: .low)

  /// Every rule, by id.
  public static let all: [FindingRule] = [
    identityOnly, resourceOnly, danglingUniqueId, danglingArn, externalTrust, serviceTrust, objectOwnership,
    kmsWriter, publicPolicy, publicACL, objectActionsOnBucket,
  ]
}
