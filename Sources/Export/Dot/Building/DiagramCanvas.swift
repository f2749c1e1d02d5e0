import Inventory
import TrustGraph

/// Collects the nodes and edges of a diagram as a builder finds them, and places each node in its
/// account's cluster.
struct DiagramCanvas {
  let graph: TrustGraph
  let clusters: AccountClusters
  private(set) var nodes: [String: DiagramNode] = [:]
  private(set) var edges: [DiagramEdge] = []

  init(graph: TrustGraph, inventory: Inventory) {
    self.graph = graph
    clusters = AccountClusters(inventory)
  }

  /// Adds the node for `id` (a graph node, or a principal the graph does not know), once.
  mutating func addNode(_ id: String, isFocus: Bool = false) {
    if nodes[id] == nil { nodes[id] = makeNode(id) }
    if isFocus { nodes[id]?.isFocus = true }
  }

  /// Adds a node built by the caller (a prefix target), replacing one with the same id.
  mutating func addNode(_ node: DiagramNode) {
    nodes[node.id] = node
  }

  /// Adds `edge` and both its ends.
  mutating func addEdge(_ edge: DiagramEdge) {
    addNode(edge.from)
    addNode(edge.to)
    edges.append(edge)
  }

  /// Replaces every edge (after merging).
  mutating func replaceEdges(_ newEdges: [DiagramEdge]) {
    edges = newEdges
  }

  /// Removes `ids` and every edge that touches one of them.
  mutating func removeNodes(_ ids: Set<String>) {
    for id in ids { nodes[id] = nil }
    edges.removeAll { ids.contains($0.from) || ids.contains($0.to) }
  }

  /// Draws the hop `from` → `to` of a chain with every graph edge that makes it, with its conditions.
  mutating func addHop(from: String, to: String) {
    let made = graph.edges(from: from).filter { $0.to == to }
    guard !made.isEmpty else {
      addEdge(DiagramEdge(from: from, to: to, kind: .assumeRole))
      return
    }
    for edge in made { addEdge(Self.diagramEdge(edge)) }
  }

  /// Draws every hop of `chain` (`[principal, role, …]`).
  mutating func addChain(_ chain: [String]) {
    for (from, to) in zip(chain, chain.dropFirst()) { addHop(from: from, to: to) }
  }

  /// The finished model: clusters for the accounts that hold a node, nothing else.
  func model(title: String, notes: [String]) -> DiagramModel {
    let used = Set(nodes.values.compactMap(\.clusterId))
    return DiagramModel(
      title: title, notes: notes, clusters: clusters.clusters(for: used), nodes: Array(nodes.values),
      edges: edges)
  }

  /// The diagram edge for a trust-graph edge.
  static func diagramEdge(_ edge: GraphEdge) -> DiagramEdge {
    let kind: DiagramEdge.Kind =
      switch edge.kind {
      case .memberOf: .memberOf
      case .assumeRole: .assumeRole
      case .assumeRoleWithWebIdentity, .assumeRoleWithSAML: .federatedAssume
      case .serviceAssume: .serviceAssume
      case .viaService: .viaService(serviceName(edge.service ?? "service"))
      }
    return DiagramEdge(
      from: edge.from, to: edge.to, kind: kind, state: edge.isConditional ? .conditional : .allowed,
      annotations: EdgeText.conditions(edge.residual))
  }

  /// `codebuild` for `codebuild.amazonaws.com`.
  static func serviceName(_ principal: String) -> String {
    principal.hasSuffix(".amazonaws.com") ? String(principal.dropLast(".amazonaws.com".count)) : principal
  }

  private func makeNode(_ id: String) -> DiagramNode {
    let graphNode = graph.nodes[id]
    let account = graphNode?.account ?? Self.account(inArn: id)
    var kind = graphNode.map { Self.kind($0) } ?? Self.guessKind(id)
    // A user or role ARN of an account the snapshot holds, that the account does not have.
    let missing = graphNode?.isExternal ?? (graph.directory.profile(id) == nil)
    let dangling = missing && (kind == .user || kind == .role) && account.map(clusters.contains) == true
    if dangling || Self.isBareUniqueId(id) { kind = .unknownPrincipal }
    var details: [String] = []
    if dangling { details.append("not in the snapshot") }
    if Self.isBareUniqueId(id) { details.append("bare unique id: matches nobody") }
    return DiagramNode(
      id: id, label: graphNode.map { Self.label($0) } ?? Self.shortName(id), kind: kind,
      clusterId: account.map(clusters.clusterId), accountId: account, details: details)
  }

  private static func kind(_ node: GraphNode) -> DiagramNode.Kind {
    switch node.kind {
    case .user: .user
    case .group: .group
    case .role: .role
    case .accountRoot: .accountRoot
    case .service: .servicePrincipal
    case .federated: node.id.contains(":saml-provider/") ? .samlProvider : .oidcProvider
    case .anonymous: .anonymous
    case .bucket: .bucket
    case .prefix: .prefix
    case .kmsKey: .kmsKey
    }
  }

  private static func label(_ node: GraphNode) -> String {
    switch node.kind {
    case .anonymous: "anyone (*)"
    case .accountRoot: "account \(node.account ?? node.name) (root)"
    case .federated: shortName(node.id)
    default: node.name
    }
  }

  private static func guessKind(_ id: String) -> DiagramNode.Kind {
    if id == "*" { return .anonymous }
    if id.hasSuffix(".amazonaws.com") { return .servicePrincipal }
    if id.contains(":role/") { return .role }
    if id.contains(":user/") { return .user }
    if id.hasSuffix(":root") { return .accountRoot }
    return .unknownPrincipal
  }

  /// The resource part of an ARN (`role/Deployer`), or the text itself.
  private static func shortName(_ id: String) -> String {
    let parts = id.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    return parts.count == 6 && parts[0] == "arn" ? String(parts[5]) : id
  }

  private static func account(inArn id: String) -> String? {
    let parts = id.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard parts.count == 6, parts[0] == "arn", parts[4].count == 12, parts[4].allSatisfy(\.isNumber) else {
      return nil
    }
    return String(parts[4])
  }

  private static func isBareUniqueId(_ id: String) -> Bool {
    (id.hasPrefix("AROA") || id.hasPrefix("AIDA")) && !id.contains(":")
  }
}
