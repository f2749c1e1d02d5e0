import Inventory
import PolicyLanguage
import TrustGraph

/// The red edges of the whole setup for half-configured S3 grants, taken from the gaps findings
/// (TW001 identity-only, TW002 resource-only), which are found through indexes, never by explaining
/// every principal against every bucket. Each edge carries the access levels the granting side names.
struct HalfConfiguredEdges {
  private struct Key: Hashable {
    var principal: String
    var bucket: String
  }

  private var reasons: [Key: (rule: FindingRule, reason: String)] = [:]

  init(_ findings: [Finding]) {
    for finding in findings where finding.rule == .identityOnly || finding.rule == .resourceOnly {
      guard let bucket = finding.resources.first, bucket.hasPrefix("arn:aws:s3:::"),
        let principal = finding.principals.first
      else { continue }
      let owner = finding.accounts.first ?? ""
      let reason =
        finding.rule == .identityOnly
        ? "\(finding.rule.id) half-configured: no allow in bucket policy (\(owner))"
        : "\(finding.rule.id) half-configured: its own policies never use it"
      reasons[Key(principal: principal, bucket: bucket)] = (finding.rule, reason)
    }
  }

  /// Draws the half-configured grants to `bucket` for the levels asked for, except `reaching` ones.
  func draw(
    to bucket: Bucket, on canvas: inout DiagramCanvas, graph: TrustGraph, levels: [AccessLevel],
    reaching: Set<String>
  ) {
    for (key, found) in reasons.sorted(by: { $0.key.principal < $1.key.principal })
    where key.bucket == bucket.arn && !reaching.contains(key.principal) {
      let statements: [Statement] =
        found.rule == .identityOnly
        ? (graph.directory.profile(key.principal)?.identityPolicies ?? []).flatMap(\.statements).filter {
          statement in
          statement.resource?.patterns.contains {
            $0.pattern == bucket.arn || $0.pattern.hasPrefix(bucket.arn + "/")
          } ?? false
        }
        : (bucket.policy?.statements ?? []).filter { statement in
          statement.principal?.entries.contains { $0.text == key.principal } ?? false
        }
      let granted = levels.filter { level in
        statements.contains { statement in
          statement.effect == .allow && level.s3Actions.contains { statement.action.applies(to: $0) }
        }
      }
      for level in granted {
        guard let diagramLevel = DiagramAccessLevel(rawValue: level.rawValue) else { continue }
        canvas.addEdge(
          DiagramEdge(
            from: key.principal, to: bucket.arn, kind: .access(diagramLevel),
            state: .denied(reason: found.reason)))
      }
    }
  }
}
