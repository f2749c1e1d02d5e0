import Authorization
import Inventory
import PolicyLanguage

extension TrustGraph {
  /// Explains whether `principal` can perform `actions` on `target`. Allowed: the working chains with
  /// the statements allowing each hop. Denied: every candidate chain — the principal itself, each role
  /// it can become, and each chain that would reach a principal with access if one hop were allowed —
  /// with the first failing hop, its layers, both accounts' statements and the fixes.
  public func explain(principal: String, target: QueryTarget, actions: [String]) -> Explanation {
    var explanation = Explanation(
      principal: principal, target: target, actions: actions, outcome: .implicitDeny, chains: [], notes: [])
    guard let start = startProfile(principal) else {
      explanation.notes.append("\(principal) is not in the snapshot")
      return explanation
    }
    if start.isExternal {
      explanation.notes.append(
        "\(principal) is not in the snapshot: its own account's side (\(start.account)) is assumed to allow")
    }
    let search = ChainSearch(graph: self)
    var reach: [(profile: PrincipalProfile, path: [GraphEdge])] = [(start, [])]
    for (node, path) in search.forward(from: principal) {
      if let profile = directory.profile(node) { reach.append((profile, path)) }
    }
    var bucketPolicy: PolicyDocument?
    if case .prefix(let name, _) = target.shape { bucketPolicy = directory.bucket(name)?.policy }
    if case .object(let name, _) = target.shape { bucketPolicy = directory.bucket(name)?.policy }
    let sessionless = NamedPrincipals.sessionNamedRoles(bucketPolicy, directory: directory)
    for index in reach.indices where sessionless.contains(reach[index].profile.id) {
      reach[index].profile.caller.sessionArn = nil
    }
    let finals = FinalHop(graph: self, target: target, actions: actions)
    var allowed: [ExplainedChain] = []
    var failed: [(chain: ExplainedChain, relevance: Int)] = []
    for (profile, path) in reach where path.isEmpty || isRelevant(profile, target: target, actions: actions) {
      let (hop, notes) = finals.explain(profile)
      for note in notes where !explanation.notes.contains(note) { explanation.notes.append(note) }
      let works = hop.outcome == .allow || hop.outcome == .conditional
      let conditional = hop.outcome == .conditional || path.contains { $0.isConditional }
      let chain = ExplainedChain(
        nodes: [principal] + path.map(\.to), hops: hops(for: path) + [hop],
        outcome: works ? (conditional ? .conditional : .allow) : hop.outcome, failingHop: works ? nil : 0)
      if chain.failingHop == nil {
        allowed.append(chain)
      } else {
        failed.append((chain, hop.failingLayers.count))
      }
    }
    if !allowed.isEmpty {
      explanation.outcome = allowed.contains { $0.outcome == .allow } ? .allow : .conditional
      explanation.chains = allowed.sorted {
        ($0.outcome == .allow ? 0 : 1, $0.nodes.count) < ($1.outcome == .allow ? 0 : 1, $1.nodes.count)
      }
      return explanation
    }
    var candidates = blockedChains(from: reach, target: target, actions: actions)
    candidates += failed.sorted {
      ($0.relevance, -$0.chain.nodes.count) < ($1.relevance, -$1.chain.nodes.count)
    }.map(\.chain)
    let direct = candidates.filter { $0.nodes == [principal] }
    explanation.chains =
      Array(candidates.filter { $0.nodes != [principal] }.prefix(8 - direct.count)) + direct
    let everyChainExplicit = explanation.chains.allSatisfy { $0.outcome == .explicitDeny }
    explanation.outcome = !explanation.chains.isEmpty && everyChainExplicit ? .explicitDeny : .implicitDeny
    return explanation
  }

  /// The snapshot's principal, a graph node (service, provider, external), a principal of an
  /// account outside the snapshot (its own side assumed to allow), or one of an account whose IAM
  /// export could not be read (its own side unknown: conditional).
  private func startProfile(_ principal: String) -> PrincipalProfile? {
    if let profile = directory.profile(principal), !directory.identityUnknown(profile.account) {
      return profile
    }
    if nodes[principal] != nil { return NamedPrincipals.nodeProfile(principal, graph: self) }
    guard let parts = ARNParts(principal), parts.service == "iam" || parts.service == "sts" else {
      return nil
    }
    let kind: GraphNode.Kind =
      parts.resource.hasPrefix("role/") ? .role : parts.resource == "root" ? .accountRoot : .user
    if directory.identityUnknown(parts.account) {
      return directory.unknownIdentityProfile(id: principal, kind: kind, account: parts.account)
    }
    guard directory.account(parts.account) == nil else { return nil }
    return directory.externalProfile(id: principal, kind: kind, account: parts.account)
  }

  /// Whether a role the principal reaches has anything to do with the target: an identity grant of
  /// one of the actions (on any resource), or a bucket policy naming it or everyone.
  private func isRelevant(_ profile: PrincipalProfile, target: QueryTarget, actions: [String]) -> Bool {
    if let bucket = target.bucket,
      bucketGrants.isPublic(bucket) || bucketGrants.byPrincipal[profile.id]?.contains(bucket) == true
    {
      return true
    }
    return profile.identityPolicies.contains { document in
      document.statements.contains { statement in
        statement.effect == .allow && actions.contains { statement.action.applies(to: $0) }
      }
    }
  }

  /// The hops of an allowed path, with the evidence of each edge.
  private func hops(for path: [GraphEdge]) -> [ExplainedHop] {
    path.enumerated().map { offset, edge in
      let evidence = evidence(of: edge)
      let callerAccount = nodes[edge.from]?.account
      let roleAccount = nodes[edge.to]?.account
      return ExplainedHop(
        hop: offset + 1, from: edge.from, to: edge.to,
        action: edge.kind == .viaService ? "iam:PassRole+\(edge.service ?? "")" : edge.kind.stsAction,
        outcome: edge.outcome, failingLayers: [],
        callerSide: .init(
          account: callerAccount, layers: evidence.filter { HopAnalysis.callerLayers.contains($0.layer) }
        ),
        resourceSide: .init(
          account: roleAccount, layers: evidence.filter { !HopAnalysis.callerLayers.contains($0.layer) }),
        kms: nil, conditions: HopCondition.from(edge.residual, hop: offset + 1), fixes: [])
    }
  }

  /// Chains that would reach a principal with access if one assume-role hop were allowed: from the
  /// principal or a role it reaches, to a role that has access (or reaches it), where the trust names
  /// the caller (or its account, or everyone) or the caller's own policies allow assuming it.
  private func blockedChains(
    from reach: [(profile: PrincipalProfile, path: [GraphEdge])], target: QueryTarget, actions: [String]
  ) -> [ExplainedChain] {
    let answer = whoCan(target, actions: actions)
    let reachable = Set(reach.map(\.profile.id))
    var chains: [ExplainedChain] = []
    let analysis = HopAnalysis(graph: self)
    for entry in answer.principals where entry.kind == .role && !reachable.contains(entry.principal) {
      guard let role = directory.role(entry.principal) else { continue }
      for (profile, path) in reach {
        guard mayTryToAssume(profile, role) else { continue }
        let decision = runner.assume(profile, role: role, traced: true)
        let hopNumber = path.count + 1
        let subject = HopAnalysis.Subject(
          hop: hopNumber, caller: profile, action: "sts:AssumeRole", resourcePattern: role.arn,
          resourceAccount: ARNParts.account(of: role.arn), resourceLayer: .trust,
          resourcePolicyName: "the trust policy of \(role.arn)", ownerTitle: "role owner")
        var failingHop = analysis.hop(subject, from: profile.id, to: role.arn, decision: decision)
        if decision.outcome == .implicitDeny, failingHop.failingLayers.contains(.trust) {
          let nearMiss = NearMiss(
            directory: directory, caller: profile, action: "sts:AssumeRole", resource: role.arn,
            bucketArn: nil)
          NearMiss.merge(
            nearMiss.resourcePolicy(role.trustPolicy, owner: "role owner \(subject.resourceAccount ?? "?")"),
            replacing: analysis.fixes(for: .trust, subject, decision), in: &failingHop.fixes)
        }
        if decision.outcome == .implicitDeny, failingHop.failingLayers.contains(.identity) {
          let nearMiss = NearMiss(
            directory: directory, caller: profile, action: "sts:AssumeRole", resource: role.arn,
            bucketArn: nil)
          NearMiss.merge(
            nearMiss.identityPolicies(), replacing: analysis.fixes(for: .identity, subject, decision),
            in: &failingHop.fixes)
        }
        let nodes = [reach[0].profile.id] + path.map(\.to) + entry.chains[0]
        chains.append(
          ExplainedChain(
            nodes: nodes, hops: hops(for: path) + [failingHop], outcome: decision.outcome,
            failingHop: hopNumber))
        break
      }
    }
    return chains.sorted { $0.nodes.count < $1.nodes.count }
  }

  /// Whether the role's trust names the caller, its account or everyone, or the caller's identity
  /// policies grant `sts:AssumeRole` on it: a hop someone meant to exist.
  private func mayTryToAssume(_ profile: PrincipalProfile, _ role: Role) -> Bool {
    if trusts.byPrincipal[profile.id]?.contains(role.arn) == true { return true }
    if trusts.byAccount[profile.account]?.contains(role.arn) == true { return true }
    if trusts.trustingEveryone.contains(role.arn) { return true }
    guard let index = directory.index(of: profile.id),
      grants.candidates(action: "sts:AssumeRole", resource: role.arn, account: profile.account).contains(
        index)
    else { return false }
    return runner.identityOnly(
      profile, action: "sts:AssumeRole", resource: role.arn, callerSideOnly: true, traced: false
    ).mayBeAllowed
  }
}

extension GraphEdge.Kind {
  /// The STS action of an assume-role edge kind.
  var stsAction: String {
    switch self {
    case .assumeRoleWithWebIdentity: return "sts:AssumeRoleWithWebIdentity"
    case .assumeRoleWithSAML: return "sts:AssumeRoleWithSAML"
    default: return "sts:AssumeRole"
    }
  }
}
