import Authorization
import Inventory
import PolicyLanguage

/// Everything the graph and its queries look up: every principal's resolved profile, buckets, keys
/// and organization levels, indexed by ARN. Every policy document is compiled once here (managed
/// policies once for all the principals they are attached to), trust and key policies included.
public struct Directory: Sendable {
  public private(set) var profiles: [PrincipalProfile] = []
  private(set) var profileIndex: [String: Int] = [:]
  private(set) var buckets: [String: Bucket] = [:]
  private(set) var keys: [String: KMSKey] = [:]
  private(set) var accounts: [String: Account] = [:]
  private(set) var roles: [String: Role] = [:]
  /// Compiled trust policies by role ARN.
  private var trustPolicies: [String: CompiledPolicy] = [:]
  /// Compiled key policies by key ARN.
  private var keyPolicies: [String: CompiledPolicy] = [:]
  /// Account ids by S3 canonical user id (ACL grantees).
  private(set) var canonicalAccounts: [String: String] = [:]
  /// `ACCOUNT/ROLE-NAME` → role ARN (session ARNs carry no path).
  private(set) var rolesByName: [String: String] = [:]
  let organization: OrganizationLevels

  /// Compiles every policy and resolves every principal, accounts in parallel (the results are
  /// joined in account order, so the directory does not depend on scheduling).
  init(_ inventory: Inventory) {
    organization = OrganizationLevels(inventory.organization)
    let accountList = inventory.accounts
    let compiledManaged = Parallel.map(accountList.count) { index in
      accountList[index].managedPolicies.map { ($0.arn, $0.document.map(CompiledPolicy.init)) }
    }
    var managed: [String: CompiledPolicy?] = [:]
    for (account, policies) in zip(accountList, compiledManaged) {
      accounts[account.id] = account
      if let canonical = account.canonicalUserId { canonicalAccounts[canonical] = account.id }
      for (arn, document) in policies where managed[arn] == nil || document != nil { managed[arn] = document }
      for bucket in account.buckets { buckets[bucket.name] = Self.withPolicyStandIns(bucket) }
      for key in account.keys {
        keys[key.arn] = key
        keys[key.id] = key
        if let policy = key.policy { keyPolicies[key.arn] = CompiledPolicy(policy) }
      }
    }
    let resolver = PrincipalResolver(organization: organization, managed: managed)
    // Each account resolves to its own compiled copies of the managed policies its export holds
    // (AWS managed ones included), so that accounts evaluated in parallel share no policy object.
    let resolved = Parallel.map(accountList.count) { index in
      var own: [String: CompiledPolicy] = [:]
      for (arn, document) in compiledManaged[index] { if let document { own[arn] = document } }
      return resolver.principals(of: accountList[index], own: own)
    }
    for (account, principals) in zip(accountList, resolved) {
      for profile in principals.profiles { add(profile) }
      for role in account.roles {
        roles[role.arn] = role
        rolesByName["\(account.id)/\(role.name)"] = role.arn
      }
      trustPolicies.merge(principals.trustPolicies) { first, _ in first }
    }
  }

  /// The profile of the principal `arn`, when it is in the snapshot.
  public func profile(_ arn: String) -> PrincipalProfile? {
    profileIndex[arn].map { profiles[$0] }
  }

  func index(of arn: String) -> Int? { profileIndex[arn] }
  func role(_ arn: String) -> Role? { roles[arn] }
  /// The compiled trust policy of `role`, nil when it has none.
  func trustPolicy(of role: Role) -> CompiledPolicy? {
    trustPolicies[role.arn] ?? role.trustPolicy.map(CompiledPolicy.init)
  }
  /// The compiled key policy of `key`, nil when the snapshot lacks it.
  func keyPolicy(of key: KMSKey) -> CompiledPolicy? {
    keyPolicies[key.arn] ?? key.policy.map(CompiledPolicy.init)
  }
  func bucket(_ name: String) -> Bucket? { buckets[name] }
  func key(_ idOrArn: String) -> KMSKey? { keys[idOrArn] }
  func account(_ id: String) -> Account? { accounts[id] }
  var allBuckets: [Bucket] { buckets.values.sorted { $0.name < $1.name } }

  /// The organization id of `account`, when it is a member of the snapshot's organization.
  func orgId(_ account: String) -> String? {
    organization.isMember(account) ? organization.organizationId : nil
  }

  func orgPaths(_ account: String) -> [String] {
    organization.organizationPaths[account].map { [$0] } ?? []
  }

  /// A stand-in profile for a principal the snapshot does not hold: its own account's policies are
  /// unknown, so its identity side is assumed to allow (never under-report).
  func externalProfile(id: String, kind: GraphNode.Kind, account: String) -> PrincipalProfile {
    let callerKind: Caller.Kind =
      switch kind {
      case .user: .user
      case .role: .role
      default: .accountRoot
      }
    var sessionArn: String?
    if kind == .role, let parts = ARNParts(id) {
      sessionArn = "arn:aws:sts::\(account):assumed-role/\(parts.lastName)/\(RequestContexts.anySessionName)"
    }
    let assumed = PolicyDocument(
      source: PolicySource(name: "policies of \(account) (not in the snapshot: assumed to allow)"),
      version: .v2012_10_17,
      statements: [
        Statement(index: 0, effect: .allow, action: ActionElement(["*"]), resource: ResourceElement(["*"]))
      ])
    return PrincipalProfile(
      id: id, kind: kind, account: account,
      caller: Caller(kind: callerKind, arn: id, sessionArn: sessionArn, account: account),
      identityPolicies: [CompiledPolicy(assumed)], permissionsBoundary: nil, serviceControlPolicies: nil,
      missingPolicies: [],
      isExternal: true)
  }

  /// A stand-in for the user or role `arn` of an account the snapshot does not hold; nil when `arn`
  /// is not an ARN or its account is in the snapshot (then the principal is simply missing).
  func externalProfile(arn: String) -> PrincipalProfile? {
    guard let parts = ARNParts(arn), account(parts.account) == nil else { return nil }
    let kind: GraphNode.Kind = parts.resource.hasPrefix("role/") ? .role : .user
    return externalProfile(id: arn, kind: kind, account: parts.account)
  }

  /// The id of the stand-in for "any AWS account outside the snapshot" (what `{"AWS": "*"}` lets in).
  public static let anyAccountId = "arn:aws:iam::*:root"

  /// A caller from an account the snapshot does not hold, for `*` grants.
  var anyAccount: PrincipalProfile {
    externalProfile(id: Self.anyAccountId, kind: .accountRoot, account: "000000000000")
  }

  private mutating func add(_ profile: PrincipalProfile) {
    guard profileIndex[profile.id] == nil else { return }
    profileIndex[profile.id] = profiles.count
    profiles.append(profile)
  }

  /// The condition key that stands for "what a policy document missing from the snapshot says".
  static let missingDocumentKey = "trustwalk:PolicyDocumentOf"

  /// A stand-in for an attached policy whose document the snapshot lacks (or could not read): it may
  /// allow anything, so it allows everything under an undecidable condition naming the policy
  /// (never under-report).
  static func missingDocument(_ arn: String, name: String? = nil) -> PolicyDocument {
    PolicyDocument(
      source: PolicySource(name: name ?? "\(arn) (document not in the snapshot)"), version: .v2012_10_17,
      statements: [
        Statement(
          index: 0, effect: .allow, action: ActionElement(["*"]), resource: ResourceElement(["*"]),
          conditions: [
            Condition(
              op: ConditionOperator(raw: "StringEquals", base: .stringEquals), key: missingDocumentKey,
              values: [arn])
          ])
      ])
  }
}
