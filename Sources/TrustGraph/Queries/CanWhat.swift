import Authorization
import Inventory
import PolicyLanguage

extension TrustGraph {
  /// Every role `principal` reaches (shortest chains first) and every bucket it can use with the
  /// access levels read/write/list/delete/permissions over the whole bucket (coverage says which
  /// prefixes when only part of it).
  public func canWhat(_ principal: String) -> CanWhatResult {
    let node = nodes[principal]
    let isService = node?.kind == .service || (node == nil && Self.isServicePrincipal(principal))
    var result = CanWhatResult(
      principal: principal, kind: isService ? .service : node?.kind, account: node?.account, roles: [],
      buckets: [], notes: [])
    if node == nil && !isService { result.notes.append("\(principal) is not in the snapshot") }
    let reached = ChainSearch(graph: self).forward(from: principal)
    for (role, path) in reached where nodes[role]?.kind == .role {
      var conditions: [HopCondition] = []
      for (offset, edge) in path.enumerated() {
        conditions += HopCondition.from(edge.residual, hop: offset + 1)
      }
      result.roles.append(
        ReachedRole(
          role: role, account: nodes[role]?.account, chain: [principal] + path.map(\.to),
          conditional: path.contains { $0.isConditional }, conditions: conditions))
    }
    var identities: [(profile: PrincipalProfile, path: [GraphEdge])] = []
    // An identity provider signs no S3 request: it reaches buckets only through the roles trusting it.
    if isService {
      identities.append((NamedPrincipals.service(principal), []))
    } else if node?.kind != .federated,
      let profile = directory.profile(principal) ?? externalOrSpecial(principal)
    {
      identities.append((profile, []))
    }
    for (role, path) in reached {
      if let profile = directory.profile(role) { identities.append((profile, path)) }
    }
    var byBucket: [String: [AccessLevel: LevelAccess]] = [:]
    let probe = AccessProbe(runner: runner, traceDenials: false)
    for (profile, path) in identities {
      for bucket in candidateBuckets(for: profile) {
        for level in AccessLevel.concrete where byBucket[bucket.name]?[level] == nil {
          let access = level.s3Actions.compactMap {
            probe.probe(profile, bucket: bucket, prefix: "", exact: false, action: $0).access
          }
          guard !access.isEmpty else { continue }
          let grant = DirectAccess.Grant(profile: profile, access: access)
          let entry = entry(for: principal, chain: path, end: grant)
          byBucket[bucket.name, default: [:]][level] = LevelAccess(
            level: level, actions: entry.actions, coverage: entry.coverage, patterns: entry.patterns,
            conditional: entry.conditional, conditions: entry.conditions, chain: entry.chains[0],
            access: access)
        }
      }
    }
    for name in byBucket.keys.sorted() {
      guard let bucket = directory.bucket(name), let levels = byBucket[name] else { continue }
      result.buckets.append(
        BucketAccess(
          bucket: name, account: bucket.account, levels: AccessLevel.concrete.compactMap { levels[$0] }))
    }
    return result
  }

  /// Buckets the principal's own grants or a bucket policy naming it could open.
  private func candidateBuckets(for profile: PrincipalProfile) -> [Bucket] {
    var names = bucketGrants.buckets(naming: profile.id, account: profile.account)
    let own = directory.allBuckets.filter { $0.account == profile.account }
    for document in profile.identityPolicies {
      for statement in document.statements where statement.effect == .allow {
        guard
          statement.action.negated
            || statement.action.patterns.contains(where: { Self.mayMatchS3($0.pattern) })
        else { continue }
        for key in GrantIndex.resourceKeys(of: statement.resource) {
          switch key {
          case .bucket(let name): names.insert(name)
          case .any, .service("s3"): names.formUnion(own.map(\.name))
          default: break
          }
        }
      }
    }
    if profile.kind == .accountRoot { names.formUnion(own.map(\.name)) }
    return names.sorted().compactMap { directory.bucket($0) }
  }

  /// A service principal (`cloudtrail.amazonaws.com`): a dotted name, no ARN.
  public static func isServicePrincipal(_ text: String) -> Bool {
    text.contains(".") && !text.contains(":") && !text.contains("/") && !text.contains(" ")
  }

  private static func mayMatchS3(_ pattern: String) -> Bool {
    let service = pattern.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
    return !pattern.contains(":") || Glob(service, caseInsensitive: true).matches("s3")
  }

  private func externalOrSpecial(_ principal: String) -> PrincipalProfile? {
    guard nodes[principal] != nil else { return nil }
    return NamedPrincipals.nodeProfile(principal, graph: self)
  }
}
