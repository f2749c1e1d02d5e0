import Authorization
import PolicyLanguage

/// Identity-policy Allow statements indexed by the service of their actions and the shape of their
/// resources, so that a query asks only the principals whose policies could grant it.
struct GrantIndex: Sendable {
  /// What part of the resource space a resource pattern can reach.
  enum ResourceKey: Hashable, Sendable {
    case any
    case service(String)
    case bucket(String)
    case account(service: String, account: String)
  }

  private struct Key: Hashable, Sendable {
    var service: String
    var resource: ResourceKey
  }

  /// Principal indices by key, then by the principal's account.
  private var entries: [Key: [String: [Int]]] = [:]

  init(_ profiles: [PrincipalProfile]) {
    // Profiles are visited in index order, so each list stays sorted if an index is appended once.
    var lists: [Key: [String: [Int]]] = [:]
    var keysByPolicy: [ObjectIdentifier: [Key]] = [:]
    for (index, profile) in profiles.enumerated() {
      for policy in profile.compiledIdentityPolicies {
        let id = ObjectIdentifier(policy)
        let keys = keysByPolicy[id] ?? Self.keys(of: policy.document)
        keysByPolicy[id] = keys
        for key in keys {
          if lists[key, default: [:]][profile.account, default: []].last != index {
            lists[key, default: [:]][profile.account, default: []].append(index)
          }
        }
      }
    }
    entries = lists
  }

  /// The keys under which `document`'s Allow statements are found.
  private static func keys(of document: PolicyDocument) -> [Key] {
    var keys = Set<Key>()
    for statement in document.statements where statement.effect == .allow {
      for service in services(of: statement.action) {
        for resource in resourceKeys(of: statement.resource) {
          keys.insert(Key(service: service, resource: resource))
        }
      }
    }
    return Array(keys)
  }

  /// Principals (profile indices) of `account` with an identity Allow that may cover `action` on `resource`.
  func candidates(action: String, resource: String, account: String) -> Set<Int> {
    var found = Set<Int>()
    for key in keys(action: action, resource: resource) {
      found.formUnion(entries[key]?[account] ?? [])
    }
    return found
  }

  /// Principals of every account with an identity Allow that may cover `action` on `resource`.
  func candidates(action: String, resource: String) -> Set<Int> {
    var found = Set<Int>()
    for key in keys(action: action, resource: resource) {
      for indices in (entries[key] ?? [:]).values { found.formUnion(indices) }
    }
    return found
  }

  private func keys(action: String, resource: String) -> [Key] {
    let service = action.split(separator: ":").first.map { $0.lowercased() } ?? "*"
    return Set([service, "*"]).flatMap { serviceKey in
      Self.lookupKeys(for: resource).map { Key(service: serviceKey, resource: $0) }
    }
  }

  private static func services(of action: ActionElement) -> Set<String> {
    if action.negated { return ["*"] }
    var result = Set<String>()
    for glob in action.patterns {
      let service = glob.pattern.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? "*"
      result.insert(service.hasWildcard || !glob.pattern.utf8.contains(UInt8(ascii: ":")) ? "*" : service)
    }
    return result
  }

  static func resourceKeys(of resource: ResourceElement?) -> Set<ResourceKey> {
    guard let resource, !resource.negated else { return [.any] }
    return Set(resource.patterns.map { key(of: $0.pattern) })
  }

  static func key(of pattern: String) -> ResourceKey {
    guard let parts = ARNParts(pattern), !parts.service.hasWildcard, !parts.partition.hasWildcard else {
      return .any
    }
    if parts.service == "s3" {
      let bucket = parts.bucketName
      return bucket.hasWildcard || parts.account.hasWildcard ? .service("s3") : .bucket(bucket)
    }
    return parts.account.hasWildcard || parts.account.isEmpty
      ? .service(parts.service) : .account(service: parts.service, account: parts.account)
  }

  static func lookupKeys(for resource: String) -> [ResourceKey] {
    guard let parts = ARNParts(resource) else { return [.any] }
    var keys: [ResourceKey] = [.any, .service(parts.service)]
    if parts.service == "s3" {
      keys.append(.bucket(parts.bucketName))
    } else if !parts.account.isEmpty {
      keys.append(.account(service: parts.service, account: parts.account))
    }
    return keys
  }
}
