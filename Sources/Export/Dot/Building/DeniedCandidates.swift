import Inventory
import PolicyLanguage
import TrustGraph

/// The principals that look as if they should reach a bucket: those whose own policies allow something
/// on it by name, and those its bucket policy names. `explain` then says where each one fails.
struct DeniedCandidates {
  let principals: [String]

  init(graph: TrustGraph, inventory: Inventory, bucket: String) {
    var found: [String] = []
    let bucketArn = "arn:aws:s3:::\(bucket)"
    for profile in graph.directory.profiles where !profile.isExternal {
      let names = profile.identityPolicies.contains { document in
        document.statements.contains { statement in
          statement.effect == .allow
            && (statement.resource?.patterns ?? []).contains { Self.names(bucketArn, pattern: $0.pattern) }
        }
      }
      if names { found.append(profile.id) }
    }
    let policy = inventory.accounts.lazy.flatMap(\.buckets).first { $0.name == bucket }?.policy
    for statement in policy?.statements ?? [] where statement.effect == .allow {
      for entry in statement.principal?.entries ?? [] {
        switch entry {
        case .user, .role, .uniqueId, .federatedUser: found.append(entry.text)
        default: break
        }
      }
    }
    var seen = Set<String>()
    principals = found.filter { seen.insert($0).inserted }.sorted()
  }

  /// Why a principal a policy names can never act, when that is so: a bare unique id, or the ARN of a
  /// principal missing from an account the snapshot holds.
  static func danglingReason(_ principal: String, graph: TrustGraph, clusters: AccountClusters) -> String? {
    if !principal.contains(":") && (principal.hasPrefix("AROA") || principal.hasPrefix("AIDA")) {
      return "bare unique id: matches nobody"
    }
    let parts = principal.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count >= 6, graph.directory.profile(principal) == nil else { return nil }
    let account = String(parts[4])
    return clusters.contains(account) ? "no such principal in \(account)" : nil
  }

  /// Whether `pattern` names the bucket (or keys in it) without a wildcard in the bucket name.
  private static func names(_ bucketArn: String, pattern: String) -> Bool {
    pattern == bucketArn || pattern.hasPrefix(bucketArn + "/")
  }
}
