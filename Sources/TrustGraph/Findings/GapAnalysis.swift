import Inventory

/// Finds the gaps of a snapshot (issue 4 §5): half-configured cross-account access, dangling
/// principals, unguarded trusts, object-ownership and SSE-KMS traps, public grants.
///
/// Rules look candidates up through indexes (identity grants by bucket and role, policies by the
/// principals they name), never by comparing all pairs of principals and resources.
public enum GapAnalysis {
  private static let rules: [any GapRule.Type] = [
    IdentityOnlyRule.self, ResourceOnlyRule.self, DanglingPrincipalRule.self, ExternalTrustRule.self,
    ServiceTrustRule.self, ObjectOwnershipRule.self, KMSWriterRule.self, PublicPolicyRule.self,
    PublicACLRule.self, ObjectActionsOnBucketRule.self,
  ]

  /// Every finding of `inventory`, most severe first. The rules run side by side (each reads the
  /// shared indexes only), and the findings are sorted, so the order does not depend on scheduling.
  public static func findings(in inventory: Inventory) -> [Finding] {
    let context = GapContext(index: SnapshotIndex(inventory))
    return Parallel.map(rules.count) { rules[$0].findings(in: context) }.joined().sorted(
      by: Finding.reportOrder)
  }
}
