/// A diagram of who reaches what, independent of Graphviz: the input of `DotWriter`.
///
/// Plain values only. The order of the arrays does not matter: the writer sorts everything by id so that
/// the same model always gives byte-identical DOT.
public struct DiagramModel: Sendable, Hashable {
  /// The first line of the graph label (what the diagram shows).
  public var title: String
  /// Further lines of the graph label: the snapshot, filters, and what was collapsed or left out.
  public var notes: [String]
  public var clusters: [DiagramCluster]
  public var nodes: [DiagramNode]
  public var edges: [DiagramEdge]
  /// Draws a legend of the node and edge kinds the diagram uses.
  public var includesLegend: Bool

  public init(
    title: String, notes: [String] = [], clusters: [DiagramCluster] = [], nodes: [DiagramNode] = [],
    edges: [DiagramEdge] = [], includesLegend: Bool = true
  ) {
    self.title = title
    self.notes = notes
    self.clusters = clusters
    self.nodes = nodes
    self.edges = edges
    self.includesLegend = includesLegend
  }
}

/// A box around nodes: an organizational unit, an account, or the accounts outside the snapshot.
public struct DiagramCluster: Sendable, Hashable {
  /// What the box stands for; decides its style.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case organizationalUnit
    /// An account of the snapshot.
    case account
    /// Accounts a policy names that the snapshot does not hold (drawn dashed).
    case outside
  }

  /// Unique among clusters: an OU id, an account id, or any stable name.
  public var id: String
  public var label: String
  public var kind: Kind
  /// The enclosing cluster (an OU, or the outside cluster); nil at the top level.
  public var parentId: String?

  public init(id: String, label: String, kind: Kind, parentId: String? = nil) {
    self.id = id
    self.label = label
    self.kind = kind
    self.parentId = parentId
  }
}
