import Foundation
import Inventory
import Testing
import TrustGraph

@testable import Export

/// Exports of a small synthetic organization: whole (collapsed below its size), and focused.
@Suite struct DotSynthTests {
  /// A 6-account synth organization, written once to a temporary folder, loaded and built.
  static let organization: (Inventory, TrustGraph)? = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trustwalk-dot-synth-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let synthesizer = SnapshotSynthesizer(
      options: SynthesisOptions(accounts: 6, rolesPerAccount: 6, usersPerAccount: 2, bucketsPerAccount: 2))
    guard (try? SynthesizedSnapshotWriter(synthesizer: synthesizer).write(to: folder)) != nil,
      let inventory = try? SnapshotLoader.load(path: folder.path)
    else { return nil }
    return (inventory, TrustGraph.build(inventory))
  }()

  func exports() throws -> [String] {
    let (inventory, graph) = try #require(Self.organization)
    let builder = DiagramBuilder(graph: graph, inventory: inventory)
    let whole = builder.build(DiagramRequest(focus: .everything))
    let bucket = try #require(inventory.accounts.flatMap(\.buckets).first { $0.policy != nil })
    let focused = builder.build(
      DiagramRequest(focus: .target(QueryTarget("s3://\(bucket.name)/")!), includeDenied: true))
    let user = try #require(inventory.accounts.flatMap(\.users).first)
    let principal = builder.build(DiagramRequest(focus: .principal(user.arn)))
    let overview = builder.build(DiagramRequest(focus: .everything, maxNodes: 30))
    return [
      DotWriter.write(DiagramCollapser().fit(whole)),
      DotWriter.write(DiagramCollapser(maxNodes: 30).fit(overview)),
      DotWriter.write(DiagramCollapser().fit(focused)), DotWriter.write(DiagramCollapser().fit(principal)),
    ]
  }

  @Test func collapsedWholeOrganizationStaysUnderTheThreshold() throws {
    let (inventory, graph) = try #require(Self.organization)
    let whole = DiagramBuilder(graph: graph, inventory: inventory).build(DiagramRequest(focus: .everything))
    #expect(whole.nodes.count > 30)
    let collapsed = DiagramCollapser(maxNodes: 30).fit(whole)
    #expect(collapsed.nodes.count <= 30)
    #expect(collapsed.notes.contains { $0.hasPrefix("Collapsed:") })
  }

  @Test func largeSetupsAreDrawnAsACollapsedOverview() throws {
    let (inventory, graph) = try #require(Self.organization)
    let overview = DiagramBuilder(graph: graph, inventory: inventory).build(
      DiagramRequest(focus: .everything, maxNodes: 30))
    #expect(overview.notes.contains { $0.hasPrefix("Overview of 6 accounts") })
    let collapsed = DiagramCollapser(maxNodes: 30).fit(overview)
    #expect(collapsed.nodes.count <= 30)
    // Cross-account bucket-policy grants survive the collapse as arrows between accounts.
    #expect(collapsed.edges.contains { $0.from.hasPrefix("account:") && $0.to.hasPrefix("account:") })
  }

  @Test func graphvizAcceptsEveryExport() throws {
    guard GraphvizCheck.executable != nil else { return }
    for dot in try exports() {
      let result = try GraphvizCheck.svg(dot)
      #expect(result.status == 0, "\(result.errors)")
    }
  }
}
