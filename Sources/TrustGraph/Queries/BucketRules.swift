import Authorization
import Inventory
import PolicyLanguage

/// The S3-specific rules around a bucket policy: ACL grants (while ACLs are enabled) and Block
/// Public Access (IgnorePublicAcls, RestrictPublicBuckets), turned into the resource policy that
/// applies to one caller.
struct BucketRules: Sendable {
  let bucket: Bucket
  let accountBlock: PublicAccessBlock?
  /// Account ids by S3 canonical user id, for ACL grants to other accounts.
  let canonicalAccounts: [String: String]

  /// The resource policy AWS effectively applies to `caller`, and the notes saying what was cut.
  func effectivePolicy(for caller: Caller) -> (policy: PolicyDocument?, blockedByPublicAccess: Bool) {
    var statements = bucket.policy?.statements ?? []
    var blocked = false
    if restrictPublicBuckets, !isOwnerOrService(caller), statements.contains(where: Self.isPublic) {
      blocked = statements.contains { $0.effect == .allow }
      statements = statements.filter { $0.effect == .deny }
    }
    statements += aclStatements(startingAt: (statements.map(\.index).max() ?? -1) + 1)
    guard !statements.isEmpty || bucket.policy != nil else { return (nil, blocked) }
    let source = bucket.policy?.source ?? PolicySource(name: "bucket policy of \(bucket.name) (none)")
    return (
      PolicyDocument(source: source, version: bucket.policy?.version ?? .v2012_10_17, statements: statements),
      blocked
    )
  }

  /// Whether `caller` is the bucket owner's or a service: the only thing about the caller that
  /// `effectivePolicy` depends on.
  func isOwnerOrService(_ caller: Caller) -> Bool {
    caller.account == bucket.account || caller.kind == .service
  }

  private var restrictPublicBuckets: Bool {
    (bucket.publicAccessBlock?.restrictPublicBuckets ?? false)
      || (accountBlock?.restrictPublicBuckets ?? false)
  }

  private var ignorePublicAcls: Bool {
    (bucket.publicAccessBlock?.ignorePublicAcls ?? false) || (accountBlock?.ignorePublicAcls ?? false)
  }

  /// ACL grants as resource-policy statements: to everyone, to every AWS account, or to another
  /// account by canonical id (ACLs are off under `BucketOwnerEnforced`; the public grants are ignored
  /// under `IgnorePublicAcls`).
  private func aclStatements(startingAt first: Int) -> [Statement] {
    guard bucket.objectOwnership != "BucketOwnerEnforced" else { return [] }
    var statements: [Statement] = []
    for grant in bucket.aclGrants {
      let actions = Self.aclActions[grant.permission] ?? []
      guard !actions.isEmpty else { continue }
      var principal = PrincipalReference.everyone
      var conditions: [Condition] = []
      var label = grant.grantee
      if grant.granteeType == "CanonicalUser" {
        guard let account = canonicalAccounts[grant.grantee], account != bucket.account else { continue }
        principal = .account(id: account)
        label = account
      } else {
        let group = grant.grantee.split(separator: "/").last.map(String.init) ?? grant.grantee
        guard grant.granteeType == "Group", group == "AllUsers" || group == "AuthenticatedUsers",
          !ignorePublicAcls
        else { continue }
        label = group
        if group == "AuthenticatedUsers" {
          conditions.append(
            Condition(
              op: ConditionOperator(raw: "Null", base: .null), key: "aws:PrincipalAccount", values: ["false"])
          )
        }
      }
      statements.append(
        Statement(
          sid: "ACL \(label) \(grant.permission)", index: first + statements.count, effect: .allow,
          principal: PrincipalElement(negated: false, entries: [principal]), action: ActionElement(actions),
          resource: ResourceElement([bucket.arn, "\(bucket.arn)/*"]), conditions: conditions))
    }
    return statements
  }

  private static let aclActions: [String: [String]] = [
    "READ": ["s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads"],
    "WRITE": ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion"],
    "READ_ACP": ["s3:GetBucketAcl"],
    "WRITE_ACP": ["s3:PutBucketAcl"],
    "FULL_CONTROL": [
      "s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads", "s3:PutObject",
      "s3:DeleteObject",
      "s3:DeleteObjectVersion", "s3:GetBucketAcl", "s3:PutBucketAcl",
    ],
  ]

  /// Keys that pin a public-looking grant to fixed principals or networks (S3's "non-public" test).
  private static let limitingKeys: Set<String> = [
    "aws:principalorgid", "aws:principalaccount", "aws:principalarn", "aws:sourcearn", "aws:sourcevpc",
    "aws:sourcevpce", "aws:sourceaccount", "aws:sourceowner", "aws:userid", "s3:dataaccesspointarn",
    "s3:dataaccesspointaccount", "aws:principalorgpaths", "aws:sourceip",
    // The stand-in for a bucket policy that could not be read: it may well be non-public.
    Directory.missingDocumentKey.lowercased(),
  ]

  /// Whether an Allow statement is public in S3's sense: granted to `*` without a fixed limiting condition.
  static func isPublic(_ statement: Statement) -> Bool {
    guard statement.effect == .allow, let principal = statement.principal else { return false }
    guard principal.negated || principal.entries.contains(.everyone) else { return false }
    let limited = statement.conditions.contains { condition in
      limitingKeys.contains(condition.normalizedKey) && !condition.op.base.isNegated
        && condition.values.allSatisfy { !$0.hasWildcard || condition.op.base != .stringLike }
    }
    return !limited
  }
}
