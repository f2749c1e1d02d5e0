/// Clusters nested by parent, with the nodes each one holds, written in id order.
///
/// A cluster whose parent is unknown (or that sits in a parent cycle) is written at the top level; a node
/// whose cluster is unknown is written at the top level.
struct ClusterTree {
  private let clustersById: [String: DiagramCluster]
  private let children: [String?: [DiagramCluster]]
  private let nodesByCluster: [String?: [DiagramNode]]

  /// `nodes` must already be sorted.
  init(clusters: [DiagramCluster], nodes: [DiagramNode]) {
    var byId: [String: DiagramCluster] = [:]
    for cluster in clusters.sorted(by: { ($0.id, $0.label) < ($1.id, $1.label) })
    where byId[cluster.id] == nil {
      byId[cluster.id] = cluster
    }
    clustersById = byId
    var children: [String?: [DiagramCluster]] = [:]
    for cluster in byId.values {
      let parent = cluster.parentId.flatMap { byId[$0] == nil || $0 == cluster.id ? nil : $0 }
      children[parent, default: []].append(cluster)
    }
    self.children = children.mapValues { $0.sorted { $0.id < $1.id } }
    var nodesByCluster: [String?: [DiagramNode]] = [:]
    for node in nodes {
      nodesByCluster[node.clusterId.flatMap { byId[$0] == nil ? nil : $0 }, default: []].append(node)
    }
    self.nodesByCluster = nodesByCluster
  }

  /// Writes every cluster (with its nodes) and the top-level nodes.
  func write(
    into output: inout DotOutput, node writeNode: (DiagramNode, Int, inout DotOutput) -> Void
  ) {
    var written = Set<String>()
    for cluster in children[nil] ?? [] {
      write(cluster, indent: 1, written: &written, into: &output, node: writeNode)
    }
    // Clusters only reachable through a parent cycle.
    for id in clustersById.keys.sorted() where !written.contains(id) {
      write(clustersById[id]!, indent: 1, written: &written, into: &output, node: writeNode)
    }
    for node in nodesByCluster[nil] ?? [] { writeNode(node, 1, &output) }
  }

  private func write(
    _ cluster: DiagramCluster, indent: Int, written: inout Set<String>, into output: inout DotOutput,
    node writeNode: (DiagramNode, Int, inout DotOutput) -> Void
  ) {
    guard written.insert(cluster.id).inserted else { return }
    output.line(indent, "subgraph \(DotQuoting.identifier("cluster:" + cluster.id)) {")
    var attributes = [("label", DotQuoting.label([cluster.label]))]
    attributes += DotStyle.clusterAttributes(cluster.kind).map { ($0.0, DotQuoting.identifier($0.1)) }
    for (name, value) in attributes { output.line(indent + 1, "\(name)=\(value);") }
    for child in children[cluster.id] ?? [] {
      write(child, indent: indent + 1, written: &written, into: &output, node: writeNode)
    }
    for node in nodesByCluster[cluster.id] ?? [] { writeNode(node, indent + 1, &output) }
    output.line(indent, "}")
  }
}
