import Inventory
import PolicyLanguage

/// TW009: an Allow for everyone (`"*"`, or `NotPrincipal`) in a bucket, trust or key policy without
/// a condition that pins the caller, its organization, a source or a network.
///
/// Severity: trust policies and bucket grants that write, delete or change permissions are
/// critical; other grants high; when Block Public Access `RestrictPublicBuckets` is on for the
/// bucket or its account, AWS cuts public and cross-account use of the policy, so the finding is low.
enum PublicPolicyRule: GapRule {
  private static let dangerousBucketActions = [
    "s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectAcl", "s3:PutBucketPolicy",
    "s3:PutBucketAcl", "s3:DeleteBucket", "s3:DeleteBucketPolicy",
  ]

  static func findings(in context: GapContext) -> [Finding] {
    var findings: [Finding] = []
    for policy in ResourcePolicy.all(in: context.index.inventory) {
      for statement in policy.document.statements where statement.effect == .allow && isPublic(statement) {
        var severity: FindingSeverity
        var details: [FindingDetail] = []
        switch policy.kind {
        case .trust: severity = .critical
        case .key: severity = .high
        case .bucket(let bucket):
          severity = dangerousBucketActions.contains(where: statement.action.applies(to:)) ? .critical : .high
          let account = context.index.accountsById[policy.owner]
          if bucket.publicAccessBlock?.restrictPublicBuckets == true
            || account?.publicAccessBlock?.restrictPublicBuckets == true
          {
            severity = .low
            details.append(
              FindingDetail("Block Public Access RestrictPublicBuckets is on: public use is cut today"))
          }
        }
        let who =
          statement.principal?.negated == true ? "everyone but the NotPrincipal list" : "everyone (\"*\")"
        findings.append(
          Finding(
            rule: .publicPolicy, severity: severity,
            message: "\(policy.label) (account \(policy.owner)) allows \(who) without a limiting condition.",
            accounts: [policy.owner], principals: ["*"], resources: [policy.resource],
            evidence: [StatementFacts.evidence(statement, in: policy.document)], details: details,
            fix:
              "Account \(policy.owner) should name the intended principals in \(policy.label), or add a condition "
              + "such as aws:PrincipalOrgID or aws:SourceArn to statement \(statement.label)."))
      }
    }
    return findings
  }

  private static func isPublic(_ statement: Statement) -> Bool {
    guard let element = statement.principal else { return false }
    let open = element.negated || element.entries.contains(.everyone)
    return open && !StatementFacts.pins(statement, oneOf: StatementFacts.limitingKeys)
  }
}

/// TW010: a bucket ACL grants `AllUsers` or `AuthenticatedUsers`, while ACLs are in force
/// (Object Ownership not BucketOwnerEnforced) and `IgnorePublicAcls` is off.
enum PublicACLRule: GapRule {
  static func findings(in context: GapContext) -> [Finding] {
    var findings: [Finding] = []
    for account in context.index.inventory.accounts {
      let accountIgnores = account.publicAccessBlock?.ignorePublicAcls == true
      for bucket in account.buckets
      where bucket.objectOwnership != "BucketOwnerEnforced"
        && bucket.publicAccessBlock?.ignorePublicAcls != true
        && !accountIgnores
      {
        let file = context.index.snapshotPath(account.id, "s3/buckets", bucket.name, "get-bucket-acl.json")
        for grant in bucket.aclGrants {
          guard
            let group = ["AllUsers", "AuthenticatedUsers"].first(where: { grant.grantee.hasSuffix("/" + $0) })
          else { continue }
          let writes = ["WRITE", "WRITE_ACP", "FULL_CONTROL"].contains(grant.permission)
          findings.append(
            Finding(
              rule: .publicACL, severity: writes ? .critical : .high,
              message:
                "The ACL of bucket \(bucket.name) (account \(account.id)) grants \(grant.permission) to \(group).",
              accounts: [account.id], principals: [group == "AllUsers" ? "*" : "any AWS account"],
              resources: [bucket.arn], evidence: [],
              details: [FindingDetail("ACL grant: \(group) \(grant.permission)", file: file)],
              fix:
                "Account \(account.id) should remove the \(group) grant from \(bucket.name), or set Object "
                + "Ownership to BucketOwnerEnforced (ACLs off)."))
        }
      }
    }
    return findings
  }
}
