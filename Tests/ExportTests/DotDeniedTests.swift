import Testing
import TrustGraph

@testable import Export

/// `--include-denied` draws every access level a candidate is granted somewhere but cannot use.
@Suite struct DotDeniedTests {
  @Test func everyDeniedLevelOfACandidateIsDrawn() throws {
    let (inventory, graph) = try SampleSnapshots.shared.load("codebuild-cross-account")
    let request = DiagramRequest(
      focus: .target(try #require(QueryTarget("s3://dev-artifacts-nopolicy/"))), includeDenied: true)
    let model = DiagramBuilder(graph: graph, inventory: inventory).build(request)
    let denied = model.edges.filter {
      $0.from == "arn:aws:iam::111111111111:role/CodeBuildRole"
        && $0.to == "arn:aws:s3:::dev-artifacts-nopolicy"
    }
    #expect(denied.count == 1)
    #expect(denied.first?.kind == .accessLevels([.read, .write]))
    #expect(denied.first?.state == .denied(reason: "no allow in bucket policy (222222222222)"))
    // The principals that reach the failing role are drawn with their hop.
    #expect(model.edges.contains { $0.from == "arn:aws:iam::111111111111:user/dana" })
    #expect(model.edges.contains { $0.from == "codebuild.amazonaws.com" })
  }
}
