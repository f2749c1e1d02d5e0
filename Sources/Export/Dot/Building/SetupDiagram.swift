import Inventory
import TrustGraph

/// The whole setup: every principal with a trust or access edge, every bucket and the keys they use,
/// with memberships, assume-role, federation and service edges and the direct access to each bucket.
struct SetupDiagram {
  let graph: TrustGraph
  let inventory: Inventory
  let request: DiagramRequest

  func build() -> DiagramModel {
    var canvas = DiagramCanvas(graph: graph, inventory: inventory)
    for edge in graph.edges where !Self.isServiceLinked(edge.from) && !Self.isServiceLinked(edge.to) {
      canvas.addEdge(DiagramCanvas.diagramEdge(edge))
    }
    let levels = request.concreteLevels
    let actions = request.actions
    for account in inventory.accounts {
      for bucket in account.buckets {
        let id = bucket.arn
        canvas.addNode(id)
        var node = canvas.nodes[id]!
        node.details = TargetDiagram.bucketDetails(bucket)
        canvas.addNode(node)
        if let target = QueryTarget("s3://\(bucket.name)") {
          let result = graph.whoCan(target, actions: actions, directOnly: true)
          for entry in result.principals {
            canvas.addAccess(
              from: entry.principal, to: id, access: entry.access, levels: levels, bucket: bucket.name,
              prefix: "")
          }
          for blocked in result.blocked { canvas.addBlocked(blocked, to: id, levels: levels) }
        }
        if let key = bucket.encryption?.kmsKeyId, let keyId = keyNode(key, account: account) {
          canvas.addEdge(DiagramEdge(from: id, to: keyId, kind: .encryptedWith))
        }
      }
    }
    let unlinked = graph.nodes.values.filter { node in
      node.kind.isPrincipal && node.kind != .anonymous && canvas.nodes[node.id] == nil
        && !Self.isServiceLinked(node.id)
    }.count
    var notes = DiagramBuilder.header(request)
    if let organization = inventory.organization { notes.append("organization \(organization.id)") }
    notes.append("\(inventory.accounts.count) accounts; service-linked roles not drawn")
    if unlinked > 0 { notes.append("\(unlinked) principals without any trust or access edge not drawn") }
    return canvas.model(title: "Trust and access: the whole setup", notes: notes)
  }

  /// The graph id of the key a bucket's encryption names (an ARN, or a key id in the bucket's account).
  private func keyNode(_ key: String, account: Account) -> String? {
    if graph.nodes[key] != nil { return key }
    return account.keys.first { $0.id == key || $0.arn == key }?.arn
  }

  private static func isServiceLinked(_ id: String) -> Bool {
    id.contains(":role/aws-service-role/")
  }
}
