import Inventory
import PolicyLanguage

/// A resource-based policy of the snapshot with what it protects: bucket, trust or key policy.
struct ResourcePolicy {
  /// Which kind of resource the policy belongs to.
  enum Kind {
    case bucket(Bucket)
    case trust(Role)
    case key(KMSKey)
  }

  var kind: Kind
  var owner: String
  var document: PolicyDocument

  /// The ARN of the protected resource.
  var resource: String {
    switch kind {
    case .bucket(let bucket): return bucket.arn
    case .trust(let role): return role.arn
    case .key(let key): return key.arn
    }
  }

  /// How messages name it: `the bucket policy of logs`.
  var label: String {
    switch kind {
    case .bucket(let bucket): return "the bucket policy of \(bucket.name)"
    case .trust(let role): return "the trust policy of \(role.arn)"
    case .key(let key): return "the key policy of \(key.arn)"
    }
  }

  /// Every bucket, trust and key policy of the inventory, account by account.
  static func all(in inventory: Inventory) -> [ResourcePolicy] {
    var policies: [ResourcePolicy] = []
    for account in inventory.accounts {
      for bucket in account.buckets {
        if let policy = bucket.policy {
          policies.append(ResourcePolicy(kind: .bucket(bucket), owner: account.id, document: policy))
        }
      }
      for role in account.roles {
        if let trust = role.trustPolicy {
          policies.append(ResourcePolicy(kind: .trust(role), owner: account.id, document: trust))
        }
      }
      for key in account.keys {
        if let policy = key.policy {
          policies.append(ResourcePolicy(kind: .key(key), owner: account.id, document: policy))
        }
      }
    }
    return policies
  }
}
