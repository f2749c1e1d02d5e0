import Authorization
import Inventory
import PolicyLanguage

/// Evaluates one account's `RoleAccountWork`: every candidate step into its roles, each pair once,
/// untraced. Collects the edges that may be allowed and the nodes of callers outside the snapshot.
struct RoleAccountEdges {
  let directory: Directory
  let grants: GrantIndex
  let runner: RequestRunner
  private(set) var nodes: [GraphNode] = []
  private(set) var edges: [GraphEdge] = []
  private var evaluated = Set<Step>()
  private var launchCheck: LaunchCheck

  /// One assume-role step, evaluated once however many trusts name it.
  private struct Step: Hashable {
    var caller: String
    var role: String
    var session: String?
  }

  init(directory: Directory, grants: GrantIndex, runner: RequestRunner) {
    self.directory = directory
    self.grants = grants
    self.runner = runner
    launchCheck = LaunchCheck(runner: runner, traced: false)
  }

  mutating func run(_ work: RoleAccountWork) {
    for step in work.named { assume(step.profile, step.roleArn, sessionArn: step.sessionArn) }
    for trust in work.accountTrusts { addAccountEdges(trust) }
    for roleArn in work.trustingEveryone { addEveryoneEdges(roleArn) }
    for trust in work.services { addServiceEdges(trust) }
    for trust in work.providers { addProviderEdges(trust) }
  }

  // MARK: Assume-role edges

  private mutating func addAccountEdges(_ trust: RoleAccountWork.AccountTrust) {
    if directory.account(trust.account) == nil {
      let root = directory.externalProfile(
        id: "arn:aws:iam::\(trust.account):root", kind: .accountRoot, account: trust.account)
      assume(root, trust.roleArn)
      return
    }
    let candidates = grants.candidates(
      action: "sts:AssumeRole", resource: trust.roleArn, account: trust.account)
    for index in candidates.sorted() {
      let profile = directory.profiles[index]
      guard profile.kind == .user || profile.kind == .role else { continue }
      assume(profile, trust.roleArn)
    }
  }

  private mutating func addEveryoneEdges(_ roleArn: String) {
    for index in grants.candidates(action: "sts:AssumeRole", resource: roleArn).sorted() {
      let profile = directory.profiles[index]
      guard profile.kind == .user || profile.kind == .role else { continue }
      assume(profile, roleArn)
    }
    assume(directory.anyAccount, roleArn)
  }

  private mutating func assume(_ profile: PrincipalProfile, _ roleArn: String, sessionArn: String? = nil) {
    guard profile.id != roleArn, let role = directory.role(roleArn) else { return }
    guard evaluated.insert(Step(caller: profile.id, role: roleArn, session: sessionArn)).inserted else {
      return
    }
    let decision = runner.assume(profile, role: role, sessionArn: sessionArn, traced: false)
    guard decision.mayBeAllowed else { return }
    if profile.isExternal { nodes.append(GraphNode(profile)) }
    edges.append(
      GraphEdge(
        from: profile.id, to: roleArn, kind: .assumeRole, outcome: decision.outcome, sessionArn: sessionArn,
        residual: decision.residual))
  }

  // MARK: Services and identity providers

  private mutating func addServiceEdges(_ trust: RoleAccountWork.Trusted) {
    let service = trust.principal
    guard let role = directory.role(trust.roleArn) else { return }
    let decision = runner.serviceAssume(service, role: role, sourceAccount: nil, traced: false)
    guard decision.mayBeAllowed else { return }
    nodes.append(GraphNode(id: service, kind: .service, account: nil, name: service))
    edges.append(
      GraphEdge(
        from: service, to: role.arn, kind: .serviceAssume, outcome: decision.outcome, service: service,
        residual: decision.residual))
    if let launch = ServiceLaunch.launch(for: service) { addLaunchEdges(launch, role: role) }
  }

  private mutating func addLaunchEdges(_ launch: ServiceLaunch, role: Role) {
    if launch.needsInstanceProfile && role.instanceProfileArns.isEmpty { return }
    let roleAccount = ARNParts.account(of: role.arn) ?? ""
    for index in grants.candidates(action: "iam:PassRole", resource: role.arn, account: roleAccount).sorted()
    {
      let profile = directory.profiles[index]
      guard profile.id != role.arn,
        let decision = launchCheck.decision(profile, role: role, launch: launch)
      else { continue }
      edges.append(
        GraphEdge(
          from: profile.id, to: role.arn, kind: .viaService, outcome: decision.outcome,
          service: launch.service,
          residual: decision.residual))
    }
  }

  private mutating func addProviderEdges(_ trust: RoleAccountWork.Trusted) {
    let provider = trust.principal
    guard let role = directory.role(trust.roleArn), let policy = role.trustPolicy else { return }
    for (edge, _) in FederatedTrust.edges(provider: provider, role: role, trust: policy) {
      nodes.append(
        GraphNode(id: provider, kind: .federated, account: ARNParts.account(of: provider), name: provider))
      edges.append(edge)
    }
  }
}
