import Inventory
import TrustGraph

/// Turns trust-graph answers into a `DiagramModel`: the whole setup, one target, or one principal.
///
/// The trust graph is built only when the diagram needs it: the whole setup of a large snapshot is an
/// `AccountOverview` drawn from the inventory alone.
public struct DiagramBuilder: Sendable {
  public let inventory: Inventory
  private let makeGraph: @Sendable () -> TrustGraph

  public init(graph: TrustGraph, inventory: Inventory) {
    self.inventory = inventory
    makeGraph = { graph }
  }

  /// A builder that calls `graph` (once per `build`) only for diagrams that need the trust graph.
  public init(inventory: Inventory, graph: @escaping @Sendable () -> TrustGraph) {
    self.inventory = inventory
    makeGraph = graph
  }

  /// The most users, roles and buckets the whole setup is drawn for one by one (each bucket gets a
  /// who-can), whatever `maxNodes` says: beyond it the drawing could not be laid out or read anyway.
  public static let maximumExactSetup = 2_000

  /// The diagram `request` asks for (not yet collapsed: see `DiagramCollapser`).
  public func build(_ request: DiagramRequest) -> DiagramModel {
    switch request.focus {
    case .everything:
      Self.drawsOverview(request, inventory: inventory)
        ? AccountOverview(inventory: inventory, request: request).build()
        : SetupDiagram(graph: makeGraph(), inventory: inventory, request: request).build()
    case .target(let target):
      TargetDiagram(graph: makeGraph(), inventory: inventory, request: request, target: target).build()
    case .principal(let principal):
      PrincipalDiagram(graph: makeGraph(), inventory: inventory, request: request, principal: principal)
        .build()
    }
  }

  /// Whether the whole setup is drawn as an account overview: the snapshot has more users, roles and
  /// buckets than the diagram may draw one by one (counted from the inventory, before any graph work).
  static func drawsOverview(_ request: DiagramRequest, inventory: Inventory) -> Bool {
    guard request.focus == .everything else { return false }
    let limit = min(request.maxNodes, maximumExactSetup)
    var count = 0
    for account in inventory.accounts {
      count += account.users.count + account.roles.count + account.buckets.count
      if count > limit { return true }
    }
    return false
  }

  /// `Who can write s3://b/p`, or `Who can reach s3://b/p (any access level)`: `verb` and `subject` in a title.
  static func title(_ request: DiagramRequest, _ verb: String, _ subject: String) -> String {
    let levels =
      request.levels.contains(.any) ? "reach" : request.levels.map(\.rawValue).joined(separator: "/")
    let scope = request.levels.contains(.any) ? "(any access level)" : ""
    return [verb, levels, subject, scope].filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// `Nobody can read, list or delete.` for the levels no principal gets (allowed or conditional).
  static func missingLevels(_ request: DiagramRequest, drawn edges: [DiagramEdge]) -> [String] {
    var granted = Set<DiagramAccessLevel>()
    for edge in edges {
      if case .access(let level) = edge.kind, edge.state == .allowed || edge.state == .conditional {
        granted.insert(level)
      }
    }
    let missing = request.concreteLevels.map(\.rawValue).filter {
      DiagramAccessLevel(rawValue: $0).map(granted.contains) == false
    }
    guard !missing.isEmpty, missing.count < request.concreteLevels.count else { return [] }
    let list =
      missing.count == 1 ? missing[0] : missing.dropLast().joined(separator: ", ") + " or " + missing.last!
    return ["Nobody can \(list)."]
  }

  /// The graph-label lines every diagram starts its notes with.
  static func header(_ request: DiagramRequest) -> [String] {
    var lines: [String] = []
    if !request.snapshotName.isEmpty { lines.append("snapshot: \(request.snapshotName)") }
    if request.includeDenied { lines.append("red: candidates that fail, at the failing hop") }
    return lines
  }
}
