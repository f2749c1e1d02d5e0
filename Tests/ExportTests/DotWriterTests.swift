import Foundation
import Testing

@testable import Export

@Suite struct DotWriterTests {
  @Test func writesClustersNodesEdgesAndLayout() {
    let dot = DotWriter.write(SampleDiagram.model)
    #expect(dot.hasPrefix("digraph \"trustwalk\" {\n"))
    #expect(dot.hasSuffix("}\n"))
    #expect(dot.contains("rankdir=LR"))
    #expect(dot.contains("subgraph \"cluster:111111111111\" {"))
    #expect(dot.contains("label=\"account-a (111111111111)\";"))
    #expect(dot.contains("\"\(SampleDiagram.userArn)\" -> \"\(SampleDiagram.roleArn)\""))
    #expect(dot.contains("label=\"write: PutObject, PutObjectAcl\\nall of foo/*\""))
    #expect(
      dot.contains(
        "label=\"Who can write s3://account-b-bucket/foo/\\lsnapshot: SampleData/upload-only-prefixes\\l\""))
    // The focus is drawn bold; each kind has its own shape.
    #expect(dot.contains("shape=\"note\""))
    #expect(dot.contains("penwidth=2.5"))
    #expect(dot.contains("shape=\"hexagon\""))
  }

  @Test func outputIsIdenticalWhateverTheInputOrder() {
    let model = SampleDiagram.model
    var shuffled = model
    shuffled.nodes.reverse()
    shuffled.edges.reverse()
    shuffled.clusters.reverse()
    #expect(DotWriter.write(model) == DotWriter.write(shuffled))
    #expect(DotWriter.write(model) == DotWriter.write(model))
  }

  @Test func duplicateNodesAndEdgesAreWrittenOnce() {
    var model = SampleDiagram.model
    model.nodes += model.nodes
    model.edges += model.edges
    let dot = DotWriter.write(model)
    #expect(dot.components(separatedBy: "\"\(SampleDiagram.userArn)\" -> ").count == 2)
    #expect(dot.components(separatedBy: "\"\(SampleDiagram.userArn)\" [label").count == 2)
  }

  @Test func conditionalEdgesAreDashedAndDeniedOnesRedWithTheReason() {
    var model = SampleDiagram.model
    model.edges = [
      DiagramEdge(
        from: SampleDiagram.userArn, to: SampleDiagram.roleArn, kind: .assumeRole, state: .conditional,
        annotations: ["if sts:ExternalId = acme"]),
      DiagramEdge(
        from: SampleDiagram.roleArn, to: "s3://account-b-bucket/foo/", kind: .access(.read),
        state: .denied(reason: "bucket policy does not allow")),
    ]
    let lines = DotWriter.write(model).split(separator: "\n").filter {
      $0.contains(" -> ") && !$0.contains("legend")
    }
    #expect(lines.count == 2)
    #expect(lines[0].contains("DENIED: bucket policy does not allow"))
    #expect(lines[0].contains("color=\"#c62828\""))
    #expect(lines[1].contains("style=\"dashed\""))
    #expect(lines[1].contains("if sts:ExternalId = acme"))
  }

  @Test func clustersNestAndSurviveUnknownParentsAndCycles() {
    let model = DiagramModel(
      title: "t",
      clusters: [
        DiagramCluster(id: "ou-a", label: "Workloads", kind: .organizationalUnit),
        DiagramCluster(id: "ou-b", label: "Prod", kind: .organizationalUnit, parentId: "ou-a"),
        DiagramCluster(id: "1", label: "acct", kind: .account, parentId: "ou-b"),
        DiagramCluster(id: "2", label: "orphan", kind: .account, parentId: "ou-missing"),
        DiagramCluster(id: "x", label: "x", kind: .account, parentId: "y"),
        DiagramCluster(id: "y", label: "y", kind: .account, parentId: "x"),
      ],
      nodes: [DiagramNode(id: "n", label: "n", kind: .role, clusterId: "1")], includesLegend: false)
    let dot = DotWriter.write(model)
    let lines = dot.split(separator: "\n").map(String.init)
    let workloads = lines.firstIndex(of: "  subgraph \"cluster:ou-a\" {")
    let prod = lines.firstIndex(of: "    subgraph \"cluster:ou-b\" {")
    let account = lines.firstIndex(of: "      subgraph \"cluster:1\" {")
    #expect(workloads != nil && prod != nil && account != nil)
    #expect(lines.contains { $0.hasPrefix("        \"n\" [") })
    #expect(lines.contains("  subgraph \"cluster:2\" {"))
    #expect(dot.contains("\"cluster:x\"") && dot.contains("\"cluster:y\""))
  }

  @Test func legendShowsOnlyTheKindsInUse() {
    let dot = DotWriter.write(SampleDiagram.model)
    #expect(dot.contains("subgraph \"cluster_legend\""))
    #expect(dot.contains("label=\"IAM user\""))
    #expect(dot.contains("label=\"S3 prefix\""))
    #expect(dot.contains("<TD ALIGN=\"LEFT\">write access</TD>"))
    #expect(!dot.contains("label=\"KMS key\""))
    #expect(!dot.contains("label=\"read access\""))
    #expect(!dot.contains("conditional (needs"))
    var without = SampleDiagram.model
    without.includesLegend = false
    #expect(!DotWriter.write(without).contains("legend"))
  }

  @Test func legendIdsNeverCollideWithNodeIds() {
    var model = SampleDiagram.model
    model.nodes.append(DiagramNode(id: "legend:node:user", label: "hostile", kind: .user))
    let dot = DotWriter.write(model)
    #expect(dot.contains("\"_legend:node:user\" [label=\"IAM user\""))
  }

  @Test func graphvizAcceptsTheOutput() throws {
    guard GraphvizCheck.executable != nil else { return }
    let result = try GraphvizCheck.svg(DotWriter.write(SampleDiagram.model))
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.svg.contains("bobbytables"))
  }
}
