/// The legend: one sample of every node kind and every kind of arrow the diagram actually uses.
struct DotLegend {
  /// One sample arrow of the legend.
  private struct EdgeSample {
    var text: String
    var edge: DiagramEdge
  }

  private let nodeKinds: [DiagramNode.Kind]
  private let edgeSamples: [EdgeSample]
  /// Starts every legend id; no node of the diagram has an id that starts with it.
  private let prefix: String

  init(nodes: [DiagramNode], edges: [DiagramEdge]) {
    let usedNodeKinds = Set(nodes.map(\.kind))
    nodeKinds = DiagramNode.Kind.allCases.filter(usedNodeKinds.contains)
    edgeSamples = Self.samples(for: edges)
    var prefix = "legend:"
    let ids = Set(nodes.map(\.id) + edges.flatMap { [$0.from, $0.to] })
    while ids.contains(where: { $0.hasPrefix(prefix) }) { prefix = "_" + prefix }
    self.prefix = prefix
  }

  func write(into output: inout DotOutput) {
    guard !nodeKinds.isEmpty || !edgeSamples.isEmpty else { return }
    output.line(1, "subgraph \(DotQuoting.identifier("cluster_legend")) {")
    output.line(
      2, "label=\(DotQuoting.label(["Legend"])); style=\"rounded\"; color=\"#cbd5e1\"; fontsize=10;")
    for kind in nodeKinds {
      let node = DiagramNode(id: prefix + "node:" + kind.rawValue, label: DotStyle.name(kind), kind: kind)
      DotWriter.writeNode(node, indent: 2, into: &output)
    }
    for (index, sample) in edgeSamples.enumerated() {
      let from = DotQuoting.identifier(prefix + "edge:\(index):from")
      let to = DotQuoting.identifier(prefix + "edge:\(index):to")
      output.line(2, "\(from) [shape=point, width=0.04, color=\"#94a3b8\", label=\"\"];")
      output.line(2, "\(to) [shape=point, width=0.04, color=\"#94a3b8\", label=\"\"];")
      var attributes = [("label", DotQuoting.label([sample.text]))]
      attributes += DotStyle.edgeAttributes(sample.edge).map { ($0.0, DotQuoting.identifier($0.1)) }
      output.line(2, "\(from) -> \(to) [\(DotOutput.list(attributes))];")
    }
    output.line(1, "}")
  }

  /// The arrow kinds present in `edges`, in a fixed order, then dashed and red when used.
  private static func samples(for edges: [DiagramEdge]) -> [EdgeSample] {
    var kinds = Set<String>()
    var levels = Set<DiagramAccessLevel>()
    var hasConditional = false
    var hasDenied = false
    var aggregate: DiagramEdge.Kind?
    for edge in edges {
      switch edge.kind {
      case .access(let level): levels.insert(level)
      case .aggregate: aggregate = .aggregate(count: 2)
      default: kinds.insert(kindName(edge.kind))
      }
      switch edge.state {
      case .allowed: break
      case .conditional: hasConditional = true
      case .denied: hasDenied = true
      }
    }
    var samples: [EdgeSample] = []
    let fixed: [(DiagramEdge.Kind, String)] = [
      (.memberOf, "member of group"),
      (.assumeRole, "may assume role (sts:AssumeRole)"),
      (.federatedAssume, "federated sign-in to role"),
      (.serviceAssume, "service may assume role"),
      (.viaService("service"), "runs as role via a service (iam:PassRole)"),
    ]
    for (kind, text) in fixed where kinds.contains(kindName(kind)) {
      samples.append(EdgeSample(text: text, edge: DiagramEdge(from: "", to: "", kind: kind)))
    }
    for level in DiagramAccessLevel.allCases where levels.contains(level) {
      samples.append(
        EdgeSample(
          text: "\(level.rawValue) access", edge: DiagramEdge(from: "", to: "", kind: .access(level))))
    }
    if kinds.contains(kindName(.encryptedWith)) {
      samples.append(
        EdgeSample(
          text: "bucket encrypted with key", edge: DiagramEdge(from: "", to: "", kind: .encryptedWith)))
    }
    if let aggregate {
      samples.append(
        EdgeSample(
          text: "edges between collapsed nodes", edge: DiagramEdge(from: "", to: "", kind: aggregate)))
    }
    if hasConditional {
      samples.append(
        EdgeSample(
          text: "conditional (needs context the snapshot lacks)",
          edge: DiagramEdge(from: "", to: "", kind: .assumeRole, state: .conditional)))
    }
    if hasDenied {
      samples.append(
        EdgeSample(
          text: "denied / half-configured",
          edge: DiagramEdge(from: "", to: "", kind: .assumeRole, state: .denied(reason: ""))))
    }
    return samples
  }

  /// The kind without its payload.
  private static func kindName(_ kind: DiagramEdge.Kind) -> String {
    switch kind {
    case .viaService: "viaService"
    default: DotStyle.baseLabel(kind)
    }
  }
}
