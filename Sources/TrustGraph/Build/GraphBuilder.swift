import Authorization
import Inventory
import PolicyLanguage

/// Computes the graph's nodes and edges from a snapshot, evaluating only candidate pairs.
///
/// Every evaluation decides a step *into* a role, so the work is split by the account that owns
/// the role: each account's share (`RoleAccountWork`) is evaluated on its own, all accounts in
/// parallel, and the results are joined in account order (the graph does not depend on scheduling).
/// Evaluations run untraced; `TrustGraph.evidence(of:)` recomputes one edge's statements on demand.
struct GraphBuilder {
  let directory: Directory
  let grants: GrantIndex
  let trusts: TrustIndex
  let runner: RequestRunner

  func build(_ inventory: Inventory) -> (nodes: [String: GraphNode], edges: [GraphEdge]) {
    let work = plan()
    let accounts = work.keys.sorted()
    // Job 0 makes the nodes and memberships (no evaluation), beside the accounts' evaluations; one
    // `Parallel.map` for all (a parallel loop nested in another runs on one thread).
    let parts = Parallel.map(accounts.count + 1) { [directory, grants, runner] index -> Part in
      guard index > 0 else { return .resources(resourceNodes(inventory), membershipEdges(inventory)) }
      var evaluator = RoleAccountEdges(directory: directory, grants: grants, runner: runner.isolated())
      evaluator.run(work[accounts[index - 1]] ?? RoleAccountWork())
      return .account(evaluator.nodes, evaluator.edges)
    }
    var nodes: [String: GraphNode] = [:]
    var edges: [GraphEdge] = []
    if case .resources(let resourceNodes, let memberships) = parts[0] {
      nodes = resourceNodes
      edges = memberships
    }
    for case .account(let newNodes, let newEdges) in parts.dropFirst() {
      for node in newNodes where nodes[node.id] == nil { nodes[node.id] = node }
      edges += newEdges
    }
    return (nodes, edges)
  }

  /// What one job of the build makes.
  private enum Part: Sendable {
    case resources([String: GraphNode], [GraphEdge])
    case account([GraphNode], [GraphEdge])
  }

  // MARK: Nodes and memberships

  private func resourceNodes(_ inventory: Inventory) -> [String: GraphNode] {
    var nodes: [String: GraphNode] = [:]
    for profile in directory.profiles { nodes[profile.id] = GraphNode(profile) }
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
    return nodes
  }

  private func membershipEdges(_ inventory: Inventory) -> [GraphEdge] {
    var edges: [GraphEdge] = []
    for account in inventory.accounts {
      let groups = Dictionary(
        account.groups.map { ($0.name, $0.arn) }, uniquingKeysWith: { first, _ in first })
      for user in account.users {
        for name in user.groupNames {
          guard let group = groups[name] else { continue }
          edges.append(GraphEdge(from: user.arn, to: group, kind: .memberOf, outcome: .allow))
        }
      }
    }
    return edges
  }

  // MARK: The plan

  /// The candidate steps into each account's roles, from the trust index (who each trust names).
  private func plan() -> [String: RoleAccountWork] {
    var work: [String: RoleAccountWork] = [:]
    func add(_ roleArn: String, _ change: (inout RoleAccountWork) -> Void) {
      guard let account = directory.role(roleArn).map({ ARNParts.account(of: $0.arn) ?? "" }) else { return }
      change(&work[account, default: RoleAccountWork()])
    }
    for (principal, roles) in trusts.byPrincipal {
      guard let profile = directory.profile(principal) ?? directory.externalProfile(arn: principal) else {
        continue
      }
      for roleArn in roles { add(roleArn) { $0.named.append(.init(profile: profile, roleArn: roleArn)) } }
    }
    for (sessionOf, sessions) in trusts.bySessionOf {
      guard let callerArn = directory.rolesByName[sessionOf], let profile = directory.profile(callerArn)
      else {
        continue
      }
      for (roleArn, sessionArns) in sessions {
        for sessionArn in sessionArns {
          add(roleArn) { $0.named.append(.init(profile: profile, roleArn: roleArn, sessionArn: sessionArn)) }
        }
      }
    }
    for (account, roles) in trusts.byAccount {
      for roleArn in roles {
        add(roleArn) { $0.accountTrusts.append(.init(account: account, roleArn: roleArn)) }
      }
    }
    for roleArn in trusts.trustingEveryone { add(roleArn) { $0.trustingEveryone.append(roleArn) } }
    for (service, roles) in trusts.byService {
      for roleArn in roles {
        add(roleArn) { $0.services.append(.init(principal: service, roleArn: roleArn)) }
      }
    }
    for (provider, roles) in trusts.byProvider {
      for roleArn in roles {
        add(roleArn) { $0.providers.append(.init(principal: provider, roleArn: roleArn)) }
      }
    }
    return work.mapValues { $0.sorted() }
  }
}

extension GraphNode {
  /// The node of a principal profile.
  init(_ profile: PrincipalProfile) {
    let name =
      profile.kind == .accountRoot
      ? (profile.id == Directory.anyAccountId ? "any AWS account" : "root of \(profile.account)")
      : (ARNParts(profile.id)?.resource ?? profile.id)
    self.init(
      id: profile.id, kind: profile.kind, account: profile.account == "" ? nil : profile.account, name: name,
      isExternal: profile.isExternal)
  }
}
