import Authorization
import Inventory
import PolicyLanguage

/// Resolves the principals of one account into `PrincipalProfile`s: inline and group policies
/// compiled, attached managed policies and boundaries looked up among the compiled managed
/// policies of the whole snapshot, SCP levels of the account. Read-only, so accounts resolve in
/// parallel.
struct PrincipalResolver: Sendable {
  let organization: OrganizationLevels
  /// Every managed policy of the snapshot, compiled; nil for one whose document is missing.
  let managed: [String: CompiledPolicy?]

  /// One account's profiles (users, roles, then the account root) and its roles' compiled trusts.
  /// `own` holds the account's compiled managed policies, preferred to the snapshot-wide ones.
  func principals(of account: Account, own: [String: CompiledPolicy] = [:]) -> (
    profiles: [PrincipalProfile], trustPolicies: [String: CompiledPolicy]
  ) {
    let scps = organization.serviceControlPolicies(for: account.id)
    let groups = Dictionary(account.groups.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var groupPolicies: [String: [CompiledPolicy]] = [:]
    var profiles: [PrincipalProfile] = []
    var trustPolicies: [String: CompiledPolicy] = [:]
    for user in account.users {
      var policies = user.inlinePolicies.map(CompiledPolicy.init)
      var arns = user.attachedPolicyArns
      for name in user.groupNames {
        guard let group = groups[name] else { continue }
        if groupPolicies[name] == nil {
          groupPolicies[name] = group.inlinePolicies.map(CompiledPolicy.init)
        }
        policies += groupPolicies[name] ?? []
        arns += group.attachedPolicyArns
      }
      let resolved = resolve(arns, own)
      profiles.append(
        PrincipalProfile(
          id: user.arn, kind: .user, account: account.id,
          caller: caller(.user, arn: user.arn, account: account.id, uniqueId: user.id, tags: user.tags),
          identityPolicies: policies + resolved.documents,
          permissionsBoundary: boundary(user.permissionsBoundaryArn, own),
          serviceControlPolicies: scps, missingPolicies: resolved.missing, isExternal: false))
    }
    for role in account.roles {
      if let trust = role.trustPolicy { trustPolicies[role.arn] = CompiledPolicy(trust) }
      let resolved = resolve(role.attachedPolicyArns, own)
      var caller = caller(.role, arn: role.arn, account: account.id, uniqueId: role.id, tags: role.tags)
      let session = RequestContexts.anySessionName
      caller.sessionArn = "arn:aws:sts::\(account.id):assumed-role/\(role.name)/\(session)"
      caller.isServiceLinkedRole = role.isServiceLinked
      profiles.append(
        PrincipalProfile(
          id: role.arn, kind: .role, account: account.id, caller: caller,
          identityPolicies: role.inlinePolicies.map(CompiledPolicy.init) + resolved.documents,
          permissionsBoundary: boundary(role.permissionsBoundaryArn, own),
          serviceControlPolicies: role.isServiceLinked ? nil : scps, missingPolicies: resolved.missing,
          isExternal: false))
    }
    let root = "arn:aws:iam::\(account.id):root"
    profiles.append(
      PrincipalProfile(
        id: root, kind: .accountRoot, account: account.id,
        caller: caller(.accountRoot, arn: root, account: account.id, uniqueId: account.id, tags: [:]),
        identityPolicies: [], permissionsBoundary: nil, serviceControlPolicies: scps, missingPolicies: [],
        isExternal: false))
    return (profiles, trustPolicies)
  }

  private func caller(
    _ kind: Caller.Kind, arn: String, account: String, uniqueId: String, tags: [String: String]
  ) -> Caller {
    let isMember = organization.isMember(account)
    return Caller(
      kind: kind, arn: arn, account: account, uniqueId: uniqueId, tags: tags,
      organizationId: isMember ? organization.organizationId : nil,
      organizationPaths: organization.organizationPaths[account].map { [$0] } ?? [],
      isInManagementAccount: account == organization.managementAccountId)
  }

  private func boundary(_ arn: String?, _ own: [String: CompiledPolicy]) -> CompiledPolicy? {
    guard let arn else { return nil }
    if let document = own[arn] { return document }
    if let found = managed[arn], let document = found { return document }
    return CompiledPolicy(
      PolicyDocument(
        source: PolicySource(name: "\(arn) (boundary not in the snapshot: assumed to allow)"),
        version: .v2012_10_17,
        statements: [
          Statement(index: 0, effect: .allow, action: ActionElement(["*"]), resource: ResourceElement(["*"]))
        ]))
  }

  private func resolve(_ arns: [String], _ own: [String: CompiledPolicy]) -> (
    documents: [CompiledPolicy], missing: [String]
  ) {
    var documents: [CompiledPolicy] = []
    var missing: [String] = []
    for arn in arns {
      if let document = own[arn] {
        documents.append(document)
      } else if let found = managed[arn], let document = found {
        documents.append(document)
      } else {
        missing.append(arn)
        documents.append(CompiledPolicy(Directory.missingDocument(arn)))
      }
    }
    return (documents, missing)
  }
}
