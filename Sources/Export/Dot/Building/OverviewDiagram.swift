import Inventory
import PolicyLanguage
import TrustGraph

/// The whole setup of a large organization, cheaply: every trust-graph edge, and as access the grants
/// bucket policies make to principals, accounts and services. Meant to be collapsed per account, where
/// only cross-account arrows remain — and cross-account S3 access always needs such a grant, so no
/// access is left out (a grant whose caller's own policies say no still shows, marked as a grant).
struct OverviewDiagram {
  let graph: TrustGraph
  let inventory: Inventory
  let request: DiagramRequest

  func build() -> DiagramModel {
    var canvas = DiagramCanvas(graph: graph, inventory: inventory)
    for edge in graph.edges where !edge.from.contains(":role/aws-service-role/") {
      canvas.addEdge(DiagramCanvas.diagramEdge(edge))
    }
    let levels = request.concreteLevels
    for bucket in inventory.accounts.flatMap(\.buckets) {
      canvas.addNode(bucket.arn)
      for statement in bucket.policy?.statements ?? [] where statement.effect == .allow {
        guard let principal = statement.principal, !principal.negated else { continue }
        let granted = levels.filter { level in level.s3Actions.contains { statement.action.applies(to: $0) } }
        for entry in principal.entries {
          guard let from = Self.caller(entry) else { continue }
          for level in granted {
            guard let diagramLevel = DiagramAccessLevel(rawValue: level.rawValue) else { continue }
            canvas.addEdge(
              DiagramEdge(
                from: from, to: bucket.arn, kind: .access(diagramLevel),
                state: statement.conditions.isEmpty ? .allowed : .conditional,
                annotations: ["bucket policy \(statement.label)"]))
          }
        }
      }
    }
    var notes = DiagramBuilder.header(request)
    if let organization = inventory.organization { notes.append("organization \(organization.id)") }
    notes.append(
      "Overview of \(inventory.accounts.count) accounts: access arrows are bucket-policy grants, "
        + "not checked against the callers' own policies (focus on a bucket for exact answers).")
    return canvas.model(title: "Trust and access: the whole setup", notes: notes)
  }

  /// The node id a bucket-policy principal entry stands for, when it names a caller.
  private static func caller(_ entry: PrincipalReference) -> String? {
    switch entry {
    case .everyone: "*"
    case .account(let id): "arn:aws:iam::\(id):root"
    case .user, .role, .federatedUser, .service, .uniqueId: entry.text
    case .assumedRole(_, let account, let roleName, _): "arn:aws:iam::\(account):role/\(roleName)"
    case .federatedProvider, .canonicalUser, .unrecognized: nil
    }
  }
}
