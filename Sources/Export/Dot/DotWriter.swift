/// Writes a `DiagramModel` as Graphviz DOT.
///
/// Every identifier and label is quoted and escaped (`DotQuoting`); clusters, nodes and edges are sorted
/// by id, so the same model always gives byte-identical text whatever the order of its arrays.
public enum DotWriter {
  /// The DOT text of `model`, ending with a newline.
  public static func write(_ model: DiagramModel) -> String {
    var output = DotOutput()
    let nodes = sortedNodes(model.nodes)
    let edges = sortedEdges(model.edges)
    output.line(0, "digraph \(DotQuoting.identifier("trustwalk")) {")
    writeDefaults(model, into: &output)
    // Written first, the legend lands below the diagram (dot stacks unconnected parts in reverse order).
    if model.includesLegend {
      DotLegend(nodes: nodes, edges: edges).write(into: &output)
    }
    ClusterTree(clusters: model.clusters, nodes: nodes).write(into: &output, node: writeNode)
    for edge in edges { writeEdge(edge, into: &output) }
    output.line(0, "}")
    return output.text
  }

  private static func writeDefaults(_ model: DiagramModel, into output: inout DotOutput) {
    let font = DotQuoting.identifier(DotStyle.fontName)
    output.line(1, "graph [")
    output.line(2, "charset=\"UTF-8\", rankdir=LR, newrank=true, compound=true,")
    output.line(2, "nodesep=0.25, ranksep=0.6, pad=0.2, fontname=\(font), fontsize=12,")
    output.line(2, "labelloc=t, labeljust=l,")
    output.line(
      2, "label=\(DotQuoting.label([model.title] + model.notes, truncating: false, leftAligned: true))")
    output.line(1, "];")
    output.line(1, "node [fontname=\(font), fontsize=10, margin=\"0.08,0.04\", height=0.3];")
    output.line(1, "edge [fontname=\(font), fontsize=9, arrowsize=0.7];")
  }

  static func writeNode(_ node: DiagramNode, indent: Int, into output: inout DotOutput) {
    var attributes = [("label", DotQuoting.label([node.label] + node.details))]
    attributes += DotStyle.nodeAttributes(node.kind).map { ($0.0, DotQuoting.identifier($0.1)) }
    if node.isFocus { attributes.append(("penwidth", "2.5")) }
    attributes.append(("tooltip", DotQuoting.label([node.id], truncating: false)))
    output.line(indent, "\(DotQuoting.identifier(node.id)) [\(DotOutput.list(attributes))];")
  }

  private static func writeEdge(_ edge: DiagramEdge, into output: inout DotOutput) {
    var lines = [DotStyle.baseLabel(edge.kind)] + edge.annotations
    if case .accessLevels(let levels) = edge.kind, let first = levels.first,
      edge.annotations.first?.hasPrefix("\(first.rawValue): ") == true
    {
      // Each level already has its `level: actions` line.
      lines = edge.annotations
    }
    if case .aggregate = edge.kind, !edge.annotations.isEmpty {
      // The per-kind counts say it all (`3× AssumeRole, read`).
      lines = edge.annotations
    }
    if case .access = edge.kind, edge.annotations.count > 0 {
      // `write: PutObject, PutObjectAcl` on one line: the level and its actions read together.
      lines = ["\(lines[0]): \(lines[1])"] + lines.dropFirst(2)
    }
    if case .denied(let reason) = edge.state { lines.append(reason.isEmpty ? "DENIED" : "DENIED: \(reason)") }
    var attributes = [("label", DotQuoting.label(lines))]
    attributes += DotStyle.edgeAttributes(edge).map { ($0.0, DotQuoting.identifier($0.1)) }
    let arrow = "\(DotQuoting.identifier(edge.from)) -> \(DotQuoting.identifier(edge.to))"
    output.line(1, "\(arrow) [\(DotOutput.list(attributes))];")
  }

  private static func sortedNodes(_ nodes: [DiagramNode]) -> [DiagramNode] {
    var seen = Set<String>()
    return nodes.sorted { ($0.id, $0.kind.rawValue) < ($1.id, $1.kind.rawValue) }
      .filter { seen.insert($0.id).inserted }
  }

  private static func sortedEdges(_ edges: [DiagramEdge]) -> [DiagramEdge] {
    let keyed = edges.map { (key: sortKey($0), edge: $0) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
    var result: [DiagramEdge] = []
    var previous: [String]?
    for (key, edge) in keyed where key != previous {
      result.append(edge)
      previous = key
    }
    return result
  }

  /// Everything that tells two edges apart, most significant first.
  private static func sortKey(_ edge: DiagramEdge) -> [String] {
    let state: String =
      switch edge.state {
      case .allowed: "0"
      case .conditional: "1"
      case .denied(let reason): "2" + reason
      }
    return [edge.from, edge.to, DotStyle.baseLabel(edge.kind), state] + edge.annotations
  }
}

/// Indented DOT lines.
struct DotOutput {
  private(set) var text = ""

  mutating func line(_ indent: Int, _ content: String) {
    text += String(repeating: "  ", count: indent)
    text += content
    text += "\n"
  }

  /// `name=value, …` (values already quoted).
  static func list(_ attributes: [(String, String)]) -> String {
    attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
  }
}
