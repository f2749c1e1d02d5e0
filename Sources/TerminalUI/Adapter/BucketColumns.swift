import Inventory
import TrustGraph

/// The buckets of the snapshot with the prefixes that policies name (the graph's prefix nodes),
/// and detail lines on ownership, encryption, public access and policy.
enum BucketColumns {
  static func buckets(_ inventory: Inventory, graph: TrustGraph) -> [BucketSummary] {
    var prefixes: [String: [String]] = [:]
    let arnStart = "arn:aws:s3:::"
    for node in graph.nodes.values where node.kind == .prefix && node.id.hasPrefix(arnStart) {
      let path = node.id.dropFirst(arnStart.count)
      let bucket = path.prefix { $0 != "/" }
      let prefix = path.dropFirst(bucket.count + 1)
      guard !prefix.isEmpty else { continue }
      prefixes[String(bucket), default: []].append(String(prefix))
    }
    return inventory.accounts.flatMap { account in
      account.buckets.map { bucket in
        BucketSummary(
          name: bucket.name, accountID: account.id, prefixes: (prefixes[bucket.name] ?? []).sorted(),
          details: details(bucket))
      }
    }
  }

  private static func details(_ bucket: Bucket) -> [String] {
    let ownership = bucket.objectOwnership ?? "ObjectWriter (no ownership controls)"
    let encryption =
      bucket.encryption.map { $0.usesKMS ? "SSE-KMS \($0.kmsKeyId ?? "aws/s3")" : $0.algorithm }
      ?? "not recorded"
    let blocks = bucket.publicAccessBlock.map { block in
      [block.blockPublicAcls, block.ignorePublicAcls, block.blockPublicPolicy, block.restrictPublicBuckets]
        .allSatisfy { $0 } ? "on" : "partly off"
    }
    return [
      "ownership \(ownership) · encryption \(encryption)",
      "bucket policy: \(bucket.policy == nil ? "none" : "yes")"
        + (bucket.policyIsPublic == true ? " (PUBLIC)" : "")
        + " · Block Public Access \(blocks ?? "off")",
    ]
  }
}
