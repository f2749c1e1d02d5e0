import Inventory
import TrustGraph

/// Turns trust-graph answers into a `DiagramModel`: the whole setup, one target, or one principal.
public struct DiagramBuilder: Sendable {
  public let graph: TrustGraph
  public let inventory: Inventory

  public init(graph: TrustGraph, inventory: Inventory) {
    self.graph = graph
    self.inventory = inventory
  }

  /// The diagram `request` asks for (not yet collapsed: see `DiagramCollapser`).
  public func build(_ request: DiagramRequest) -> DiagramModel {
    switch request.focus {
    case .everything:
      isLarge(request)
        ? OverviewDiagram(graph: graph, inventory: inventory, request: request).build()
        : SetupDiagram(graph: graph, inventory: inventory, request: request).build()
    case .target(let target):
      TargetDiagram(graph: graph, inventory: inventory, request: request, target: target).build()
    case .principal(let principal):
      PrincipalDiagram(graph: graph, inventory: inventory, request: request, principal: principal).build()
    }
  }

  /// Whether the snapshot has more principals and buckets than the diagram may draw one by one.
  private func isLarge(_ request: DiagramRequest) -> Bool {
    var count = 0
    for account in inventory.accounts {
      count += account.users.count + account.roles.count + account.buckets.count
      if count > request.maxNodes { return true }
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
