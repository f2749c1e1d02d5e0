import Inventory
import PolicyLanguage
import TrustGraph

/// The principals that look as if they should reach a bucket: those whose own policies allow something
/// on it by name, and those its bucket policy names. `explain` then says where each one fails.
///
/// Built once for all buckets: one pass over every identity policy, indexed by the bucket name its
/// resource patterns spell out (patterns with a wildcard in the bucket name name no bucket).
struct DeniedCandidates {
  private var byBucket: [String: [String]] = [:]
  private let buckets: [String: Bucket]

  init(graph: TrustGraph, inventory: Inventory) {
    var buckets: [String: Bucket] = [:]
    for bucket in inventory.accounts.flatMap(\.buckets) where buckets[bucket.name] == nil {
      buckets[bucket.name] = bucket
    }
    self.buckets = buckets
    for profile in graph.directory.profiles where !profile.isExternal {
      var named = Set<String>()
      for document in profile.identityPolicies {
        for statement in document.statements where statement.effect == .allow {
          for pattern in statement.resource?.patterns ?? [] {
            if let bucket = Self.bucketName(pattern.pattern), buckets[bucket] != nil { named.insert(bucket) }
          }
        }
      }
      for bucket in named { byBucket[bucket, default: []].append(profile.id) }
    }
  }

  /// The candidates for `bucket`, sorted, each once.
  func principals(for bucket: String) -> [String] {
    var found = byBucket[bucket] ?? []
    for statement in buckets[bucket]?.policy?.statements ?? [] where statement.effect == .allow {
      for entry in statement.principal?.entries ?? [] {
        switch entry {
        case .user, .role, .uniqueId, .federatedUser: found.append(entry.text)
        default: break
        }
      }
    }
    return Array(Set(found)).sorted()
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

  /// `b` for `arn:aws:s3:::b` and `arn:aws:s3:::b/…`; nil when the bucket name has a wildcard.
  private static func bucketName(_ pattern: String) -> String? {
    guard pattern.hasPrefix("arn:aws:s3:::") else { return nil }
    let name = pattern.dropFirst("arn:aws:s3:::".count).prefix { $0 != "/" }
    guard !name.isEmpty, !name.contains("*"), !name.contains("?"), !name.contains("$") else { return nil }
    return String(name)
  }
}
