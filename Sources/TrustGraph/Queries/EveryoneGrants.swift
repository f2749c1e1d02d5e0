import Inventory
import PolicyLanguage

/// Grants to everyone (`"*"`, `NotPrincipal`, public ACLs) that may let principals of the bucket's own
/// account in on their own: in the same account either side allowing suffices, so such principals
/// need no identity grant and must all be who-can candidates (the evaluator then decides).
enum EveryoneGrants {
  static func mayReachOwnAccount(_ bucket: Bucket) -> Bool {
    let policyGrant =
      bucket.policy?.statements.contains { statement in
        guard statement.effect == .allow, let principal = statement.principal,
          principal.negated || principal.entries.contains(.everyone)
        else { return false }
        return !pinsOtherAccounts(statement, account: bucket.account)
      } ?? false
    let aclGrant =
      bucket.objectOwnership != "BucketOwnerEnforced"
      && bucket.aclGrants.contains {
        $0.granteeType == "Group"
          && ($0.grantee.hasSuffix("/AllUsers") || $0.grantee.hasSuffix("/AuthenticatedUsers"))
      }
    return policyGrant || aclGrant
  }

  /// Whether a plain `StringEquals` on `aws:PrincipalAccount` lets only other accounts in (prunes
  /// the candidates up front; every other condition is left to the evaluator).
  private static func pinsOtherAccounts(_ statement: Statement, account: String) -> Bool {
    statement.conditions.contains { condition in
      condition.normalizedKey == "aws:principalaccount" && condition.op.base == .stringEquals
        && condition.op.qualifier == .none && !condition.values.contains(account)
    }
  }
}
