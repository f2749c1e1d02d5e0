import Authorization
import Inventory
import PolicyLanguage

/// Edges from SAML and OIDC providers to the roles whose trust names them. The provider's users are
/// outside the snapshot, so the trust statement's conditions (`sub`, `aud`, `SAML:aud`) are the whole
/// answer: they are carried as the edge's residual.
enum FederatedTrust {
  /// The edges from `provider` to `role`, each with the trust statement that allows it.
  static func edges(provider: String, role: Role, trust: PolicyDocument) -> [(
    edge: GraphEdge, evidence: [LayerResult]
  )] {
    var edges: [(edge: GraphEdge, evidence: [LayerResult])] = []
    for statement in trust.statements where statement.effect == .allow {
      guard let principal = statement.principal, !principal.negated,
        principal.entries.contains(.federatedProvider(provider))
      else { continue }
      let kinds: [(String, GraphEdge.Kind)] = [
        ("sts:AssumeRoleWithWebIdentity", .assumeRoleWithWebIdentity),
        ("sts:AssumeRoleWithSAML", .assumeRoleWithSAML),
      ]
      for (action, kind) in kinds where statement.action.applies(to: action) {
        let outcome: Decision.Outcome = statement.conditions.isEmpty ? .allow : .conditional
        let evidence = StatementEvidence(statement, in: trust, undecided: statement.conditions)
        let edge = GraphEdge(
          from: provider, to: role.arn, kind: kind, outcome: outcome,
          residual: Residual(allowIf: statement.conditions.isEmpty ? [] : [statement.conditions]))
        edges.append((edge, [LayerResult(layer: .resource, outcome: outcome, statements: [evidence])]))
      }
    }
    return edges
  }
}
