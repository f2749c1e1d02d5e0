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
    let candidates = DeniedCandidates(graph: graph, inventory: inventory)
    let halfConfigured = HalfConfiguredEdges(GapAnalysis.findings(in: inventory))
    let answers = ParallelAnswers(inventory.accounts.flatMap(\.buckets)) { bucket in
      QueryTarget("s3://\(bucket.name)").map { graph.whoCan($0, actions: actions, directOnly: true) }
    }
    for account in inventory.accounts {
      for bucket in account.buckets {
        let answer = answers.next()
        let id = bucket.arn
        canvas.addNode(id)
        var node = canvas.nodes[id]!
        node.details = TargetDiagram.bucketDetails(bucket)
        canvas.addNode(node)
        if let result = answer {
          for entry in result.principals where !Self.isServiceLinked(entry.principal) {
            canvas.addAccess(
              from: entry.principal, to: id, access: entry.access, levels: levels, bucket: bucket.name,
              prefix: "")
          }
          for blocked in result.blocked where !Self.isServiceLinked(blocked.principal) {
            canvas.addBlocked(blocked, to: id, levels: levels)
          }
          let reaching = Set(result.principals.map(\.principal) + result.blocked.map(\.principal))
          addDangling(&canvas, bucket: bucket, candidates: candidates.principals(for: bucket.name))
          halfConfigured.draw(to: bucket, on: &canvas, graph: graph, levels: levels, reaching: reaching)
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
    let deadEnds = removeDeadEndRoles(&canvas)
    canvas.mergeAccessLevels()
    var notes = DiagramBuilder.header(request)
    if let organization = inventory.organization { notes.append("organization \(organization.id)") }
    notes.append("\(inventory.accounts.count) accounts; service-linked roles not drawn")
    if canvas.edges.contains(where: { if case .denied = $0.state { true } else { false } }) {
      notes.append(
        "red: half-configured grants (gaps TW001/TW002), dangling names and KMS keys that stop access; "
          + "--focus s3://BUCKET --include-denied explains every failing candidate")
    }
    if deadEnds > 0 { notes.append("\(deadEnds) roles that reach no bucket and no other role not drawn") }
    if unlinked > 0 { notes.append("\(unlinked) principals without any trust or access edge not drawn") }
    return canvas.model(title: "Trust and access: the whole setup", notes: notes)
  }

  /// Red edges for the principals a bucket policy names that can never act (bare unique ids, ARNs
  /// missing from their account).
  private func addDangling(_ canvas: inout DiagramCanvas, bucket: Bucket, candidates: [String]) {
    for candidate in candidates {
      guard let reason = DeniedCandidates.danglingReason(candidate, graph: graph, clusters: canvas.clusters)
      else { continue }
      canvas.addEdge(
        DiagramEdge(from: candidate, to: bucket.arn, kind: .namedInPolicy, state: .denied(reason: reason)))
    }
  }

  /// Removes the roles that lead nowhere (no bucket access, no hop to a role that leads somewhere), with
  /// the edges into them, then the services left without edges; returns how many roles went.
  private func removeDeadEndRoles(_ canvas: inout DiagramCanvas) -> Int {
    var removed = Set<String>()
    while true {
      var leadsSomewhere = Set<String>()
      for edge in canvas.edges where edge.kind != .memberOf { leadsSomewhere.insert(edge.from) }
      let dead = canvas.nodes.values.filter { $0.kind == .role && !leadsSomewhere.contains($0.id) }.map(\.id)
      guard !dead.isEmpty else { break }
      removed.formUnion(dead)
      canvas.removeNodes(Set(dead))
    }
    let linked = Set(canvas.edges.flatMap { [$0.from, $0.to] })
    let services = canvas.nodes.values.filter { $0.kind == .servicePrincipal && !linked.contains($0.id) }
    canvas.removeNodes(Set(services.map(\.id)))
    return removed.count
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
