import Authorization
import Inventory
import PolicyLanguage

/// The principals whose own request on a target is allowed, found from the resource side: the
/// identity grants indexed by resource, and the principals the resource policy names.
struct DirectAccess {
  let graph: TrustGraph

  /// One principal's direct access.
  struct Grant {
    var profile: PrincipalProfile
    var access: [ActionAccess]
  }

  /// The answer for a target: who has access, who the KMS key stops, and what could not be decided.
  struct Answer {
    var grants: [Grant] = []
    var blocked: [(profile: PrincipalProfile, kms: KMSUse, actions: [String])] = []
    var notes: [String] = []
  }

  func find(_ target: QueryTarget, actions: [String]) -> Answer {
    var answer: Answer
    switch target.shape {
    case .prefix(let bucket, let prefix): answer = s3(bucket, prefix: prefix, exact: false, actions: actions)
    case .object(let bucket, let key): answer = s3(bucket, prefix: key, exact: true, actions: actions)
    case .resource(let arn): answer = resource(arn, actions: actions)
    }
    answer.notes += graph.directory.unreadableDataNotes
    return answer
  }

  // MARK: S3

  private func s3(_ name: String, prefix: String, exact: Bool, actions: [String]) -> Answer {
    var answer = Answer()
    guard let bucket = graph.directory.bucket(name) else {
      answer.notes.append("bucket \(name) is not in the snapshot")
      return answer
    }
    if bucket.unrecordedSettings.contains(.policy) {
      answer.notes.append(
        "the bucket policy of \(name) (or a statement of it) could not be read: the answer may be incomplete")
    }
    if let delegation = Self.accessPointDelegation(bucket) {
      answer.notes.append(
        "the bucket policy of \(name) delegates to access points (\(delegation)): requests through access "
          + "points are not modelled (the snapshot holds no access point policies), so principals allowed "
          + "only on access point ARNs are not listed")
    }
    let probe = AccessProbe(runner: graph.runner, traceDenials: false)
    for profile in candidates(bucket: bucket, prefix: prefix, actions: actions) {
      var granted: [ActionAccess] = []
      var blocked: [String: (KMSUse, [String])] = [:]
      for action in actions {
        let result = probe.probe(profile, bucket: bucket, prefix: prefix, exact: exact, action: action)
        if let access = result.access {
          granted.append(access)
        } else if let kms = result.kmsBlock {
          blocked[kms.key + kms.action, default: (kms, [])].1.append(action)
        }
      }
      if !granted.isEmpty { answer.grants.append(Grant(profile: profile, access: granted)) }
      for (kms, actions) in blocked.values { answer.blocked.append((profile, kms, actions)) }
      if !granted.isEmpty, !profile.missingPolicies.isEmpty {
        answer.notes.append(
          "\(profile.id): attached policies not in the snapshot: \(profile.missingPolicies.joined(separator: ", "))"
        )
      }
    }
    return answer
  }

  /// The statements (Sid or index) of the bucket policy that grant through access points: a
  /// condition on `s3:DataAccessPointAccount`, `s3:DataAccessPointArn` or `s3:AccessPointNetworkOrigin`.
  static func accessPointDelegation(_ bucket: Bucket) -> String? {
    let keys: Set<String> = [
      "s3:dataaccesspointaccount", "s3:dataaccesspointarn", "s3:accesspointnetworkorigin",
    ]
    let statements = (bucket.policy?.statements ?? []).filter { statement in
      statement.effect == .allow && statement.conditions.contains { keys.contains($0.normalizedKey) }
    }
    return statements.isEmpty ? nil : statements.map(\.label).joined(separator: ", ")
  }

  /// Principals that could have access: the bucket account's principals with a matching identity
  /// grant, other accounts' principals with a grant when the bucket policy names them or their
  /// account, every principal the policy names (roots of the snapshot's accounts are not listed: no export
  /// describes them; `*` stands for anonymous callers), and every principal of the bucket's account
  /// when a grant to everyone may let it in with no identity grant (same account: either side suffices).
  private func candidates(bucket: Bucket, prefix: String, actions: [String]) -> [PrincipalProfile] {
    let directory = graph.directory
    var indices = Set<Int>()
    var extra: [String: PrincipalProfile] = [:]
    var named = NamedAccounts(bucket.policy)
    for grant in bucket.aclGrants where grant.granteeType == "CanonicalUser" {
      if let account = directory.canonicalAccounts[grant.grantee] { named.accounts.insert(account) }
    }
    let isPublic = named.everyone || graph.bucketGrants.isPublic(bucket.name)
    for action in actions {
      let resource = AccessLevel.isBucketLevel(action) ? bucket.arn : "\(bucket.arn)/\(prefix)"
      if isPublic {
        indices.formUnion(graph.grants.candidates(action: action, resource: resource))
        continue
      }
      for account in named.accounts.union([bucket.account]) {
        indices.formUnion(graph.grants.candidates(action: action, resource: resource, account: account))
      }
    }
    if EveryoneGrants.mayReachOwnAccount(bucket) {
      indices.formUnion(ownAccountIndices(bucket.account))
    }
    var sessionless = Set<String>()
    for statement in bucket.policy?.statements ?? [] where statement.effect == .allow {
      for entry in statement.principal?.entries ?? [] {
        for profile in NamedPrincipals.profiles(for: entry, directory: directory) {
          if !profile.isExternal, let index = directory.index(of: profile.id) {
            if profile.kind != .accountRoot { indices.insert(index) }
            if profile.caller.sessionArn == nil { sessionless.insert(profile.id) }
          } else {
            extra[profile.id] = profile
          }
        }
      }
    }
    // A NotPrincipal that exempts sessions of a role by name: the role's session name is the
    // caller's choice, so the role is evaluated with it unknown (exempt only under those names).
    for statement in bucket.policy?.statements ?? [] where statement.principal?.negated == true {
      for case .assumedRole(_, let account, let roleName, _) in statement.principal?.entries ?? [] {
        if let role = directory.rolesByName["\(account)/\(roleName)"] { sessionless.insert(role) }
      }
    }
    if isPublic { extra[NamedPrincipals.anonymous.id] = NamedPrincipals.anonymous }
    let known = indices.sorted().map { index in
      var profile = directory.profiles[index]
      if sessionless.contains(profile.id) { profile.caller.sessionArn = nil }
      return profile
    }
    return known + extra.keys.sorted().compactMap { extra[$0] }
  }

  /// The principals of `account` (its root excepted), as directory indices.
  private func ownAccountIndices(_ account: String) -> [Int] {
    graph.directory.profiles.indices.filter {
      graph.directory.profiles[$0].account == account && graph.directory.profiles[$0].kind != .accountRoot
    }
  }

  // MARK: Other resources

  private func resource(_ arn: String, actions: [String]) -> Answer {
    var answer = Answer()
    let directory = graph.directory
    if let role = directory.role(arn), actions.allSatisfy({ $0.lowercased().hasPrefix("sts:assumerole") }) {
      var byCaller: [String: [ActionAccess]] = [:]
      for edge in graph.edges(to: role.arn) where edge.kind.becomesTarget {
        let access = ActionAccess(
          action: edge.kind == .viaService ? "iam:PassRole+\(edge.service ?? "")" : "sts:AssumeRole",
          outcome: edge.outcome, coverage: .all, patterns: [role.arn], evidence: graph.evidence(of: edge),
          residual: edge.residual)
        byCaller[edge.from, default: []].append(access)
      }
      for (caller, access) in byCaller.sorted(by: { $0.key < $1.key }) {
        let profile = directory.profile(caller) ?? NamedPrincipals.nodeProfile(caller, graph: graph)
        answer.grants.append(Grant(profile: profile, access: access))
      }
      return answer
    }
    let key = directory.key(arn)
    let owner = key?.account ?? ARNParts.account(of: arn) ?? ""
    var profiles: [PrincipalProfile] = []
    var seen = Set<String>()
    let named = NamedAccounts(key?.policy)
    for action in actions {
      let found =
        named.everyone
        ? graph.grants.candidates(action: action, resource: arn)
        : named.accounts.union([owner]).reduce(into: Set<Int>()) {
          $0.formUnion(graph.grants.candidates(action: action, resource: arn, account: $1))
        }
      for index in found.sorted() where seen.insert(directory.profiles[index].id).inserted {
        profiles.append(directory.profiles[index])
      }
    }
    if named.everyone {
      for index in ownAccountIndices(owner) where seen.insert(directory.profiles[index].id).inserted {
        profiles.append(directory.profiles[index])
      }
    }
    for statement in key?.policy?.statements ?? [] where statement.effect == .allow {
      for entry in statement.principal?.entries ?? [] {
        for profile in NamedPrincipals.profiles(for: entry, directory: directory)
        where (profile.kind != .accountRoot || profile.isExternal) && seen.insert(profile.id).inserted {
          profiles.append(profile)
        }
      }
    }
    if key == nil {
      answer.notes.append(
        "no resource policy for \(arn) in the snapshot: only its own account's identity grants are checked")
    }
    for profile in profiles {
      var granted: [ActionAccess] = []
      for action in actions {
        let decision =
          key.map {
            graph.runner.resourceRequest(
              profile, action: action, resource: arn, resourceAccount: $0.account,
              resourcePolicy: directory.keyPolicy(of: $0),
              kind: .keyPolicy, traced: true)
          } ?? graph.runner.identityOnly(profile, action: action, resource: arn, traced: true)
        if decision.mayBeAllowed {
          granted.append(
            ActionAccess(
              action: action, outcome: decision.outcome, coverage: .all, patterns: [arn],
              evidence: decision.layers,
              residual: decision.residual))
        }
      }
      if !granted.isEmpty { answer.grants.append(Grant(profile: profile, access: granted)) }
    }
    return answer
  }
}

/// The accounts a resource policy's Allow statements name (by account, or through a principal of
/// it), and whether one names everyone.
struct NamedAccounts {
  var accounts = Set<String>()
  var everyone = false

  init(_ policy: PolicyDocument?) {
    for statement in policy?.statements ?? [] where statement.effect == .allow {
      guard let principal = statement.principal else { continue }
      if principal.negated { everyone = true }
      for entry in principal.entries {
        if entry == .everyone { everyone = true }
        if let account = entry.account { accounts.insert(account) }
      }
    }
  }
}
