import Authorization
import Inventory
import PolicyLanguage

/// Computes the graph's nodes and edges from a snapshot, evaluating only candidate pairs.
struct GraphBuilder {
  let directory: Directory
  let grants: GrantIndex
  let trusts: TrustIndex
  let runner: RequestRunner
  private(set) var nodes: [String: GraphNode] = [:]
  private(set) var edges: [GraphEdge] = []
  private var evaluated = Set<String>()
  private var launchCheck: LaunchCheck

  init(directory: Directory, grants: GrantIndex, trusts: TrustIndex, runner: RequestRunner) {
    self.directory = directory
    self.grants = grants
    self.trusts = trusts
    self.runner = runner
    launchCheck = LaunchCheck(runner: runner)
  }

  mutating func build(_ inventory: Inventory) {
    addResourceNodes(inventory)
    for account in inventory.accounts {
      for user in account.users {
        for name in user.groupNames {
          guard let group = account.groups.first(where: { $0.name == name }) else { continue }
          edges.append(GraphEdge(from: user.arn, to: group.arn, kind: .memberOf, outcome: .allow))
        }
      }
    }
    addNamedPrincipalEdges()
    addAccountEdges()
    addEveryoneEdges()
    addServiceEdges()
    addProviderEdges()
  }

  // MARK: Nodes

  private mutating func addResourceNodes(_ inventory: Inventory) {
    for profile in directory.profiles { addNode(for: profile) }
    nodes["*"] = GraphNode(id: "*", kind: .anonymous, account: nil, name: "anonymous")
    for account in inventory.accounts {
      for group in account.groups {
        nodes[group.arn] = GraphNode(
          id: group.arn, kind: .group, account: account.id, name: "group/\(group.name)")
      }
      for bucket in account.buckets {
        nodes[bucket.arn] = GraphNode(id: bucket.arn, kind: .bucket, account: account.id, name: bucket.name)
      }
      for key in account.keys {
        nodes[key.arn] = GraphNode(id: key.arn, kind: .kmsKey, account: account.id, name: "key/\(key.id)")
      }
    }
    for prefix in NamedPrefixes.collect(directory: directory) where nodes[prefix.arn] == nil {
      nodes[prefix.arn] = GraphNode(
        id: prefix.arn, kind: .prefix, account: prefix.account, name: "\(prefix.bucket)/\(prefix.prefix)")
    }
  }

  private mutating func addNode(for profile: PrincipalProfile) {
    guard nodes[profile.id] == nil else { return }
    let name =
      profile.kind == .accountRoot
      ? (profile.id == Directory.anyAccountId ? "any AWS account" : "root of \(profile.account)")
      : (ARNParts(profile.id)?.resource ?? profile.id)
    nodes[profile.id] = GraphNode(
      id: profile.id, kind: profile.kind, account: profile.account == "" ? nil : profile.account, name: name,
      isExternal: profile.isExternal)
  }

  // MARK: Assume-role edges

  private mutating func addNamedPrincipalEdges() {
    for (principal, roles) in trusts.byPrincipal {
      let profile = directory.profile(principal) ?? external(principal)
      guard let profile else { continue }
      for roleArn in roles.sorted() { assume(profile, roleArn) }
    }
    for (sessionOf, sessions) in trusts.bySessionOf {
      guard let callerArn = directory.rolesByName[sessionOf], let profile = directory.profile(callerArn)
      else {
        continue
      }
      for (roleArn, sessionArns) in sessions {
        for sessionArn in sessionArns.sorted() { assume(profile, roleArn, sessionArn: sessionArn) }
      }
    }
  }

  private mutating func addAccountEdges() {
    for (account, roles) in trusts.byAccount {
      for roleArn in roles.sorted() {
        if directory.account(account) == nil {
          assume(
            directory.externalProfile(
              id: "arn:aws:iam::\(account):root", kind: .accountRoot, account: account), roleArn)
          continue
        }
        for index in grants.candidates(action: "sts:AssumeRole", resource: roleArn, account: account).sorted()
        {
          let profile = directory.profiles[index]
          guard profile.kind == .user || profile.kind == .role else { continue }
          assume(profile, roleArn)
        }
      }
    }
  }

  private mutating func addEveryoneEdges() {
    let anyAccount = directory.anyAccount
    for roleArn in trusts.trustingEveryone.sorted() {
      for index in grants.candidates(action: "sts:AssumeRole", resource: roleArn).sorted() {
        let profile = directory.profiles[index]
        guard profile.kind == .user || profile.kind == .role else { continue }
        assume(profile, roleArn)
      }
      assume(anyAccount, roleArn)
    }
  }

  private mutating func assume(_ profile: PrincipalProfile, _ roleArn: String, sessionArn: String? = nil) {
    guard profile.id != roleArn, let role = directory.role(roleArn) else { return }
    guard evaluated.insert("\(profile.id)|\(roleArn)|\(sessionArn ?? "")").inserted else { return }
    let decision = runner.assume(profile, role: role, sessionArn: sessionArn, traced: true)
    guard decision.mayBeAllowed else { return }
    addNode(for: profile)
    edges.append(
      GraphEdge(
        from: profile.id, to: roleArn, kind: .assumeRole, outcome: decision.outcome,
        evidence: decision.layers,
        residual: decision.residual))
  }

  private func external(_ principal: String) -> PrincipalProfile? {
    guard let parts = ARNParts(principal), directory.account(parts.account) == nil else { return nil }
    let kind: GraphNode.Kind = parts.resource.hasPrefix("role/") ? .role : .user
    return directory.externalProfile(id: principal, kind: kind, account: parts.account)
  }

  // MARK: Services and identity providers

  private mutating func addServiceEdges() {
    for (service, roles) in trusts.byService {
      for roleArn in roles.sorted() {
        guard let role = directory.role(roleArn) else { continue }
        let decision = runner.serviceAssume(service, role: role, sourceAccount: nil, traced: true)
        guard decision.mayBeAllowed else { continue }
        if nodes[service] == nil {
          nodes[service] = GraphNode(id: service, kind: .service, account: nil, name: service)
        }
        edges.append(
          GraphEdge(
            from: service, to: roleArn, kind: .serviceAssume, outcome: decision.outcome, service: service,
            evidence: decision.layers, residual: decision.residual))
        if let launch = ServiceLaunch.launch(for: service) { addLaunchEdges(launch, role: role) }
      }
    }
  }

  private mutating func addLaunchEdges(_ launch: ServiceLaunch, role: Role) {
    if launch.needsInstanceProfile && role.instanceProfileArns.isEmpty { return }
    let roleAccount = ARNParts(role.arn)?.account ?? ""
    for index in grants.candidates(action: "iam:PassRole", resource: role.arn, account: roleAccount).sorted()
    {
      let profile = directory.profiles[index]
      guard profile.id != role.arn else { continue }
      if let edge = launchCheck.edge(profile, role: role, launch: launch) {
        addNode(for: profile)
        edges.append(edge)
      }
    }
  }

  private mutating func addProviderEdges() {
    for (provider, roles) in trusts.byProvider {
      for roleArn in roles.sorted() {
        guard let role = directory.role(roleArn), let trust = role.trustPolicy else { continue }
        for edge in FederatedTrust.edges(provider: provider, role: role, trust: trust) {
          if nodes[provider] == nil {
            nodes[provider] = GraphNode(
              id: provider, kind: .federated, account: ARNParts(provider)?.account, name: provider)
          }
          edges.append(edge)
        }
      }
    }
  }
}
