import Inventory
import PolicyLanguage

/// Buckets indexed by the principals and accounts their bucket policies and ACLs grant to, for
/// finding the candidates of a who-can and the buckets of a can-what without scanning everything.
struct BucketPolicyIndex: Sendable {
  private(set) var byPrincipal: [String: Set<String>] = [:]
  private(set) var byAccount: [String: Set<String>] = [:]
  /// Buckets whose policy grants to `*` (maybe narrowed by conditions) or whose ACL grants to everyone.
  private(set) var everyone: Set<String> = []

  init(_ buckets: [Bucket], canonicalAccounts: [String: String]) {
    for bucket in buckets {
      for statement in bucket.policy?.statements ?? [] where statement.effect == .allow {
        guard let principal = statement.principal else { continue }
        if principal.negated {
          everyone.insert(bucket.name)
          continue
        }
        for entry in principal.entries { add(entry, bucket.name) }
      }
      for grant in bucket.aclGrants where grant.granteeType == "CanonicalUser" {
        if let account = canonicalAccounts[grant.grantee] {
          byAccount[account, default: []].insert(bucket.name)
        }
      }
      for grant in bucket.aclGrants where grant.granteeType == "Group" {
        if grant.grantee.hasSuffix("/AllUsers") || grant.grantee.hasSuffix("/AuthenticatedUsers") {
          everyone.insert(bucket.name)
        }
      }
    }
  }

  private mutating func add(_ entry: PrincipalReference, _ bucket: String) {
    switch entry {
    case .everyone: everyone.insert(bucket)
    case .account(let id): byAccount[id, default: []].insert(bucket)
    case .user(let arn, _), .role(let arn, _), .federatedUser(let arn, _):
      byPrincipal[arn, default: []].insert(bucket)
    case .assumedRole(_, let account, _, _): byAccount[account, default: []].insert(bucket)
    case .service(let name): byPrincipal[name, default: []].insert(bucket)
    case .uniqueId, .federatedProvider, .canonicalUser, .unrecognized: break
    }
  }

  /// Whether the bucket's policy or ACL grants to everyone (possibly narrowed by conditions).
  func isPublic(_ bucket: String) -> Bool { everyone.contains(bucket) }

  /// Buckets a principal may reach through a bucket policy or ACL grant that names it, its account or everyone.
  func buckets(naming principal: String, account: String) -> Set<String> {
    everyone.union(byPrincipal[principal] ?? []).union(byAccount[account] ?? [])
  }
}
