import Authorization
import PolicyLanguage

extension TrustGraph {
  /// The statements that allow the step `edge`: the trust side and the caller side (and, for a
  /// `viaService` edge, the `iam:PassRole`, launch and service-trust grants). The graph stores edges
  /// without them; this re-runs the step's evaluation traced, with the same inputs as the build.
  public func evidence(of edge: GraphEdge) -> [LayerResult] {
    guard let role = directory.role(edge.to) else { return [] }
    switch edge.kind {
    case .memberOf:
      return []
    case .assumeRole:
      guard let profile = sourceProfile(edge.from) else { return [] }
      return runner.assume(profile, role: role, sessionArn: edge.sessionArn, traced: true).layers
    case .serviceAssume:
      return runner.serviceAssume(edge.from, role: role, sourceAccount: nil, traced: true).layers
    case .viaService:
      guard let profile = sourceProfile(edge.from), let service = edge.service,
        let launch = ServiceLaunch.launch(for: service)
      else { return [] }
      var check = LaunchCheck(runner: runner, traced: true)
      return check.decision(profile, role: role, launch: launch)?.layers ?? []
    case .assumeRoleWithWebIdentity, .assumeRoleWithSAML:
      guard let trust = role.trustPolicy else { return [] }
      return FederatedTrust.edges(provider: edge.from, role: role, trust: trust)
        .first { $0.edge.kind == edge.kind }?.evidence ?? []
    }
  }

  /// The profile the build evaluated for the caller `id`: the snapshot's, or the stand-in for a
  /// principal outside it (as its node records).
  private func sourceProfile(_ id: String) -> PrincipalProfile? {
    if let profile = directory.profile(id) { return profile }
    guard let node = nodes[id], node.isExternal else { return nil }
    return directory.externalProfile(id: id, kind: node.kind, account: node.account ?? "")
  }
}
