/// Keeps a diagram small enough for Graphviz to lay out quickly and for a person to read.
///
/// Above `maxNodes` nodes, each account becomes one node with counts and the edges between two accounts
/// become one edge with counts; if that is still too many, each organizational unit becomes one node; if
/// that is still too many, only the best-connected nodes are kept. Every step is stated in the graph label.
public struct DiagramCollapser: Sendable {
  /// The default threshold: beyond ~300 nodes `dot` layouts get slow and unreadable.
  public static let defaultMaxNodes = 300

  public var maxNodes: Int

  public init(maxNodes: Int = DiagramCollapser.defaultMaxNodes) {
    self.maxNodes = max(1, maxNodes)
  }

  /// What a collapsed node stands for.
  private struct Group {
    var id: String
    var label: String
    var kind: DiagramNode.Kind
    var clusterId: String?
    /// Clusters the group replaces (they would be empty).
    var replacedClusters: [String]
  }

  /// `model` itself when it is small enough, else a collapsed copy.
  public func fit(_ model: DiagramModel) -> DiagramModel {
    guard model.nodes.count > maxNodes else { return model }
    let clusters = Dictionary(model.clusters.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var result = collapse(model) { accountGroup($0, clusters: clusters) }
    result.notes.append(
      "Collapsed: \(model.nodes.count) nodes is more than \(maxNodes), so each account is one node "
        + "with counts and arrows between accounts are merged.")
    if result.nodes.count > maxNodes, clusters.values.contains(where: { $0.kind == .organizationalUnit }) {
      let accounts = result.nodes.count
      let notes = result.notes
      result = collapse(model) { unitGroup($0, clusters: clusters) ?? accountGroup($0, clusters: clusters) }
      result.notes = notes + ["Still \(accounts) nodes, so each organizational unit is one node."]
    }
    if result.nodes.count > maxNodes {
      let before = result.nodes.count
      result = keepBestConnected(result)
      result.notes.append(
        "Still \(before) nodes: only the \(result.nodes.count) best-connected are drawn "
          + "(\(before - result.nodes.count) left out).")
    }
    return result
  }

  private func accountGroup(_ node: DiagramNode, clusters: [String: DiagramCluster]) -> Group? {
    guard let account = node.accountId else { return nil }
    guard let cluster = clusters[account] else {
      return Group(
        id: "account:" + account, label: account, kind: .account, clusterId: node.clusterId,
        replacedClusters: [])
    }
    return Group(
      id: "account:" + account, label: cluster.label, kind: .account, clusterId: cluster.parentId,
      replacedClusters: [account])
  }

  /// The OU that holds the node's account cluster, when there is one.
  private func unitGroup(_ node: DiagramNode, clusters: [String: DiagramCluster]) -> Group? {
    guard let account = node.accountId, let parent = clusters[account]?.parentId,
      let unit = clusters[parent], unit.kind == .organizationalUnit
    else { return nil }
    return Group(
      id: "ou:" + unit.id, label: unit.label, kind: .organizationalUnit, clusterId: unit.parentId,
      replacedClusters: [account, unit.id])
  }

  /// Replaces every node that has a group by its group's node, with counts of what it holds.
  private func collapse(_ model: DiagramModel, groupOf: (DiagramNode) -> Group?) -> DiagramModel {
    var target: [String: String] = [:]
    var groups: [String: (group: Group, members: [DiagramNode])] = [:]
    var nodes: [DiagramNode] = []
    var replaced = Set<String>()
    for node in model.nodes {
      guard let group = groupOf(node) else {
        nodes.append(node)
        continue
      }
      target[node.id] = group.id
      groups[group.id, default: (group, [])].members.append(node)
      replaced.formUnion(group.replacedClusters)
    }
    for (group, members) in groups.values {
      let accounts = Set(members.compactMap(\.accountId)).count
      let accountCount =
        group.kind == .organizationalUnit ? ["\(accounts) account\(accounts == 1 ? "" : "s")"] : []
      nodes.append(
        DiagramNode(
          id: group.id, label: group.label, kind: group.kind, clusterId: group.clusterId,
          details: accountCount + Self.counts(members.map(\.kind)),
          isFocus: members.contains(where: \.isFocus)))
    }
    var result = model
    result.clusters = model.clusters.filter { !replaced.contains($0.id) }
    result.nodes = nodes
    result.edges = Self.merge(model.edges, into: target)
    return result
  }

  /// The `maxNodes` nodes with the most edges (focus first, ties by id), and the edges between them.
  private func keepBestConnected(_ model: DiagramModel) -> DiagramModel {
    var degree: [String: Int] = [:]
    for edge in model.edges {
      degree[edge.from, default: 0] += 1
      degree[edge.to, default: 0] += 1
    }
    let ranked = model.nodes.sorted {
      let (left, right) = (degree[$0.id] ?? 0, degree[$1.id] ?? 0)
      return $0.isFocus != $1.isFocus ? $0.isFocus : left != right ? left > right : $0.id < $1.id
    }
    let ids = Set(ranked.prefix(maxNodes).map(\.id))
    var result = model
    result.nodes = model.nodes.filter { ids.contains($0.id) }
    result.edges = model.edges.filter { ids.contains($0.from) && ids.contains($0.to) }
    return result
  }

  /// Edges re-pointed through `target`, the parallel ones merged into one `aggregate` edge with counts
  /// per kind; edges inside one collapsed node are dropped.
  private static func merge(_ edges: [DiagramEdge], into target: [String: String]) -> [DiagramEdge] {
    struct Pair: Hashable {
      var from: String
      var to: String
    }
    var groups: [Pair: [DiagramEdge]] = [:]
    for edge in edges {
      let pair = Pair(from: target[edge.from] ?? edge.from, to: target[edge.to] ?? edge.to)
      guard pair.from != pair.to else { continue }
      groups[pair, default: []].append(edge)
    }
    return groups.map { pair, members in
      if members.count == 1, target[members[0].from] == nil, target[members[0].to] == nil {
        return members[0]
      }
      var perKind: [String: Int] = [:]
      for edge in members { perKind[DotStyle.baseLabel(edge.kind), default: 0] += 1 }
      let states = Set(members.map(\.state))
      let state: DiagramEdge.State =
        members.count == 1
        ? members[0].state
        : states.contains(.allowed)
          ? .allowed : states.contains(.conditional) ? .conditional : .denied(reason: "all denied")
      let summary = perKind.sorted { $0.key < $1.key }.map {
        $0.value == 1 ? $0.key : "\($0.value)× \($0.key)"
      }
      return DiagramEdge(
        from: pair.from, to: pair.to, kind: .aggregate(count: members.count), state: state,
        annotations: [summary.joined(separator: ", ")])
    }
  }

  /// `2 users · 14 roles · 3 buckets` for the kinds of the nodes a collapsed node holds, three kinds a line.
  static func counts(_ kinds: [DiagramNode.Kind]) -> [String] {
    var perKind: [DiagramNode.Kind: Int] = [:]
    for kind in kinds { perKind[kind, default: 0] += 1 }
    return counts(perKind)
  }

  /// `2 users · 14 roles · 3 buckets` for how many nodes of each kind a collapsed node holds.
  static func counts(_ perKind: [DiagramNode.Kind: Int]) -> [String] {
    let parts = DiagramNode.Kind.allCases.compactMap { kind in
      perKind[kind].map { "\($0) \(DotStyle.countNoun(kind, plural: $0 != 1))" }
    }
    return stride(from: 0, to: parts.count, by: 3).map {
      parts[$0..<min($0 + 3, parts.count)].joined(separator: " · ")
    }
  }
}
