import Inventory
import PolicyLanguage

/// TW001: the caller's identity policy grants another account's bucket or role, but the bucket
/// policy or trust policy there does not allow the caller.
enum IdentityOnlyRule: GapRule {
  static func findings(in context: GapContext) -> [Finding] {
    bucketFindings(context) + roleFindings(context)
  }

  private static func bucketFindings(_ context: GapContext) -> [Finding] {
    let index = context.index
    var findings: [Finding] = []
    for name in context.grants.bucketGrants.keys.sorted() {
      guard let bucket = index.bucketsByName[name] else { continue }
      let byPrincipal = context.grants.bucketGrants[name] ?? [:]
      for (principalIndex, grants) in byPrincipal.sorted(by: { $0.key < $1.key }) {
        let principal = index.principals[principalIndex]
        guard principal.account != bucket.account else { continue }
        guard !aclGrants(bucket, to: principal, index: index) else { continue }
        let unanswered = grants.filter {
          !bucketAllows(bucket, grant: $0, principal: principal, index: index)
        }
        guard !unanswered.isEmpty else { continue }
        let policyText =
          bucket.policy == nil ? "has no bucket policy" : "has a bucket policy that does not allow it"
        findings.append(
          Finding(
            rule: .identityOnly,
            message:
              "\(principal.arn) is granted S3 access to bucket \(bucket.name) of account \(bucket.account) by its "
              + "identity policy, but the bucket \(policyText).",
            accounts: [bucket.account, principal.account], principals: [principal.arn],
            resources: [bucket.arn],
            evidence: unanswered.map { StatementFacts.evidence($0.statement, in: $0.document) },
            fix:
              "Bucket owner \(bucket.account) must allow \(principal.arn) (\(grantText(unanswered, bucket: bucket))) "
              + "in the bucket policy of \(bucket.name), or remove the unused grant from the identity policy of "
              + "\(principal.arn)."))
      }
    }
    return findings
  }

  /// `s3:PutObject, s3:GetObject on arn:aws:s3:::b/*`: the S3 actions and this bucket's patterns of the grants.
  private static func grantText(_ grants: [IdentityGrant], bucket: Bucket) -> String {
    var actions: [String] = []
    var resources: [String] = []
    for grant in grants {
      for action in grant.statement.action.patterns.map(\.pattern)
      where !actions.contains(action)
        && PatternOverlap.matchesSomeAction(ActionElement([action]), inService: "s3:")
      {
        actions.append(action)
      }
      for resource in grant.statement.resource?.patterns.map(\.pattern) ?? []
      where !resources.contains(resource)
        && (resource == bucket.arn || resource.hasPrefix(bucket.arn + "/"))
      {
        resources.append(resource)
      }
    }
    let on = resources.isEmpty ? "" : " on " + resources.joined(separator: ", ")
    return actions.joined(separator: ", ") + on
  }

  /// Whether some Allow statement of the bucket policy names the principal for an overlapping action
  /// and resource, with conditions that can hold.
  private static func bucketAllows(
    _ bucket: Bucket, grant: IdentityGrant, principal: IdentityPrincipal,
    index: SnapshotIndex
  ) -> Bool {
    guard let policy = bucket.policy, let granted = grant.statement.resource else { return false }
    return policy.statements.contains { statement in
      guard statement.effect == .allow, let resource = statement.resource,
        StatementFacts.names(statement.principal, arn: principal.arn, account: principal.account),
        PatternOverlap.overlaps(statement.action, grant.statement.action),
        PatternOverlap.overlaps(resource, granted)
      else { return false }
      return StatementFacts.conditions(of: statement, in: policy, for: principal, index: index) != .no
    }
  }

  /// Whether the bucket's ACL (in force: not under BucketOwnerEnforced) grants to the principal's
  /// account, or to everyone unless IgnorePublicAcls is on: the bucket side then answers the grant.
  private static func aclGrants(_ bucket: Bucket, to principal: IdentityPrincipal, index: SnapshotIndex)
    -> Bool
  {
    guard bucket.objectOwnership != "BucketOwnerEnforced" else { return false }
    let canonical = index.accountsById[principal.account]?.canonicalUserId
    let ignorePublic =
      bucket.publicAccessBlock?.ignorePublicAcls == true
      || index.accountsById[bucket.account]?.publicAccessBlock?.ignorePublicAcls == true
    return bucket.aclGrants.contains { grant in
      switch grant.granteeType {
      case "CanonicalUser": return canonical != nil && grant.grantee == canonical
      case "Group":
        return !ignorePublic
          && (grant.grantee.hasSuffix("/AllUsers") || grant.grantee.hasSuffix("/AuthenticatedUsers"))
      default: return false
      }
    }
  }

  private static func roleFindings(_ context: GapContext) -> [Finding] {
    let index = context.index
    var findings: [Finding] = []
    for arn in context.grants.roleGrants.keys.sorted() {
      guard let role = index.rolesByArn[arn], let roleIndex = index.principalIndexByArn[arn] else { continue }
      let roleAccount = index.principals[roleIndex].account
      let byPrincipal = context.grants.roleGrants[arn] ?? [:]
      for (principalIndex, grants) in byPrincipal.sorted(by: { $0.key < $1.key }) {
        let principal = index.principals[principalIndex]
        guard principal.account != roleAccount,
          !trustAllows(role, principal: principal, index: index)
        else { continue }
        findings.append(
          Finding(
            rule: .identityOnly,
            message:
              "\(principal.arn) may call sts:AssumeRole on \(arn) (account \(roleAccount)) by its identity policy, "
              + "but the role's trust policy does not trust it.",
            accounts: [roleAccount, principal.account], principals: [principal.arn], resources: [arn],
            evidence: grants.map { StatementFacts.evidence($0.statement, in: $0.document) },
            fix:
              "Account \(roleAccount) must add \(principal.arn) to the trust policy of \(arn), "
              + "or remove the unused sts:AssumeRole grant from \(principal.arn)."))
      }
    }
    return findings
  }

  static func trustAllows(_ role: Role, principal: IdentityPrincipal, index: SnapshotIndex) -> Bool {
    guard let trust = role.trustPolicy else { return false }
    return trust.statements.contains { statement in
      statement.effect == .allow && statement.action.applies(to: "sts:AssumeRole")
        && StatementFacts.names(statement.principal, arn: principal.arn, account: principal.account)
        && StatementFacts.conditions(of: statement, in: trust, for: principal, index: index) != .no
    }
  }
}
