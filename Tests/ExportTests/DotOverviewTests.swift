import Foundation
import Inventory
import Testing
import TrustGraph

@testable import Export

/// The whole setup of a generated 60-account organization: drawn as an account overview from the
/// inventory alone (no trust graph, no per-bucket who-can), then laid out by Graphviz.
@Suite struct DotOverviewTests {
  static let inventory: Inventory? = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trustwalk-dot-overview-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let synthesizer = SnapshotSynthesizer(
      options: SynthesisOptions(accounts: 60, rolesPerAccount: 6, usersPerAccount: 2, bucketsPerAccount: 2))
    guard (try? SynthesizedSnapshotWriter(synthesizer: synthesizer).write(to: folder)) != nil else {
      return nil
    }
    return try? SnapshotLoader.load(path: folder.path)
  }()

  /// A builder that records a test failure if it ever builds the trust graph.
  static func builder(_ inventory: Inventory) -> DiagramBuilder {
    DiagramBuilder(inventory: inventory) {
      Issue.record("the overview built the trust graph")
      return TrustGraph.build(inventory)
    }
  }

  /// How many snapshot accounts the nodes stand for: account nodes, plus the count each OU node states.
  static func accountsDrawn(_ model: DiagramModel) -> Int {
    let units = model.nodes.filter { $0.kind == .organizationalUnit }.compactMap { unit in
      unit.details.first.flatMap { Int($0.split(separator: " ")[0]) }
    }
    let accounts = model.nodes.filter { $0.kind == .account && $0.clusterId != AccountClusters.outsideId }
    return units.reduce(0, +) + accounts.count
  }

  @Test func wholeOrganizationIsDrawnPerAccountOrUnitWithoutTheTrustGraph() throws {
    let inventory = try #require(Self.inventory)
    let model = DiagramCollapser().fit(Self.builder(inventory).build(DiagramRequest(focus: .everything)))
    #expect(Self.accountsDrawn(model) == 60)
    #expect(model.nodes.count <= DiagramCollapser.defaultMaxNodes)
    #expect(model.edges.count <= AccountOverview.maximumArrows)
    #expect(!model.nodes.contains { $0.kind == .role || $0.kind == .user || $0.kind == .bucket })
    #expect(
      model.nodes.filter {
        ($0.kind == .account || $0.kind == .organizationalUnit) && $0.clusterId != AccountClusters.outsideId
      }.allSatisfy {
        $0.details.joined(separator: " ").contains(" roles")
      })
    #expect(model.edges.allSatisfy { if case .aggregate = $0.kind { true } else { false } })
    #expect(model.notes.contains { $0.hasPrefix("Overview of 60 accounts") })
    #expect(model.notes.contains { $0.contains("not checked: the callers' own policies") })
  }

  @Test func accountNodesCountWhatTheAccountHoldsAndArrowsJoinAccounts() throws {
    let inventory = try #require(Self.inventory)
    let request = DiagramRequest(focus: .everything, maxNodes: 100)
    let model = DiagramCollapser(maxNodes: 100).fit(Self.builder(inventory).build(request))
    let inSnapshot = Set(inventory.accounts.map { "account:" + $0.id })
    if model.nodes.contains(where: { $0.kind == .organizationalUnit }) {
      #expect(model.notes.contains { $0.contains("so each OU is one node") })
      return
    }
    #expect(inSnapshot.isSubset(of: Set(model.nodes.map(\.id))))
    let first = try #require(inventory.accounts.first)
    let node = try #require(model.nodes.first { $0.id == "account:" + first.id })
    #expect(node.details.joined(separator: " ").contains("\(first.users.count) users"))
    #expect(model.edges.contains { inSnapshot.contains($0.from) && inSnapshot.contains($0.to) })
  }

  @Test func tooManyAccountsBecomeOneNodePerOrganizationalUnit() throws {
    let inventory = try #require(Self.inventory)
    let request = DiagramRequest(focus: .everything, maxNodes: 20)
    let model = DiagramCollapser(maxNodes: 20).fit(Self.builder(inventory).build(request))
    #expect(model.nodes.contains { $0.kind == .organizationalUnit })
    #expect(Self.accountsDrawn(model) == 60)
    #expect(model.nodes.count <= 20)
  }

  @Test func graphvizLaysOutTheOverview() throws {
    guard GraphvizCheck.executable != nil else { return }
    let inventory = try #require(Self.inventory)
    let dot = DotWriter.write(
      DiagramCollapser().fit(Self.builder(inventory).build(DiagramRequest(focus: .everything))))
    let result = try GraphvizCheck.svg(dot)
    #expect(result.status == 0, "\(result.errors)")
  }
}
