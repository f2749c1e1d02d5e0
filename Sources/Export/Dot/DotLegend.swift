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

  /// A box with one sample node per kind (real shapes) and one table of the arrows, in one column.
  func write(into output: inout DotOutput) {
    guard !nodeKinds.isEmpty || !edgeSamples.isEmpty else { return }
    output.line(1, "subgraph \(DotQuoting.identifier("cluster_legend")) {")
    output.line(
      2, "label=\(DotQuoting.label(["Legend"])); style=\"rounded\"; color=\"#cbd5e1\"; fontsize=10;")
    for kind in nodeKinds {
      let node = DiagramNode(id: prefix + "node:" + kind.rawValue, label: DotStyle.name(kind), kind: kind)
      DotWriter.writeNode(node, indent: 2, into: &output)
    }
    if !edgeSamples.isEmpty {
      let rows = edgeSamples.map(Self.row).joined()
      let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"1\">\(rows)</TABLE>"
      output.line(
        2, "\(DotQuoting.identifier(prefix + "arrows")) [shape=plaintext, fontsize=9, label=<\(table)>];")
    }
    output.line(1, "}")
  }

  /// One table row: a drawn arrow in the sample's colour (dashed or bold as the edge) and its meaning.
  private static func row(_ sample: EdgeSample) -> String {
    let attributes = Dictionary(DotStyle.edgeAttributes(sample.edge), uniquingKeysWith: { first, _ in first })
    let style = attributes["style"] ?? ""
    var arrow = style.contains("dashed") ? "╍╍╍▶" : style.contains("dotted") ? "┈┈┈▶" : "━━━▶"
    if style.contains("bold") { arrow = "<B>\(arrow)</B>" }
    let color = attributes["color"] ?? "#000000"
    return "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(html(color))\">\(arrow)</FONT></TD>"
      + "<TD ALIGN=\"LEFT\">\(html(sample.text))</TD></TR>"
  }

  /// Text escaped for an HTML-like label.
  private static func html(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
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
      case .accessLevels(let more): levels.formUnion(more)
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
      (.assumeRole, "may assume role"),
      (.federatedAssume, "federated sign-in (OIDC/SAML)"),
      (.serviceAssume, "service may assume role"),
      (.viaService("service"), "runs as role via a service (PassRole)"),
    ]
    for (kind, text) in fixed where kinds.contains(kindName(kind)) {
      samples.append(EdgeSample(text: text, edge: DiagramEdge(from: "", to: "", kind: kind)))
    }
    for level in DiagramAccessLevel.allCases where levels.contains(level) {
      samples.append(
        EdgeSample(
          text: "\(level.rawValue) access", edge: DiagramEdge(from: "", to: "", kind: .access(level))))
    }
    if kinds.contains(kindName(.namedInPolicy)) {
      samples.append(
        EdgeSample(
          text: "named in a bucket policy", edge: DiagramEdge(from: "", to: "", kind: .namedInPolicy)))
    }
    if kinds.contains(kindName(.encryptedWith)) {
      samples.append(
        EdgeSample(
          text: "bucket encrypted with key", edge: DiagramEdge(from: "", to: "", kind: .encryptedWith)))
    }
    if let aggregate {
      samples.append(
        EdgeSample(
          text: "merged arrows (count)", edge: DiagramEdge(from: "", to: "", kind: aggregate)))
    }
    if hasConditional {
      samples.append(
        EdgeSample(
          text: "conditional (needs the conditions shown)",
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
