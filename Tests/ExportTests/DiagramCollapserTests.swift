import Testing

@testable import Export

@Suite struct DiagramCollapserTests {
  /// `accounts` accounts in two OUs, each with `roles` roles assuming a role in the next account.
  static func organization(accounts: Int, roles: Int) -> DiagramModel {
    var model = DiagramModel(title: "org")
    model.clusters = [
      DiagramCluster(id: "ou-a", label: "Alpha", kind: .organizationalUnit),
      DiagramCluster(id: "ou-b", label: "Beta", kind: .organizationalUnit),
    ]
    for account in 0..<accounts {
      let id = String(format: "%012d", account)
      model.clusters.append(
        DiagramCluster(
          id: id, label: "acct-\(account) (\(id))", kind: .account,
          parentId: account % 2 == 0 ? "ou-a" : "ou-b"))
      for role in 0..<roles {
        model.nodes.append(
          DiagramNode(
            id: "arn:aws:iam::\(id):role/r\(role)", label: "r\(role)", kind: .role, clusterId: id,
            accountId: id))
      }
      model.nodes.append(
        DiagramNode(
          id: "s3://bucket-\(account)", label: "bucket-\(account)", kind: .bucket, clusterId: id,
          accountId: id))
      let next = String(format: "%012d", (account + 1) % accounts)
      for role in 0..<roles {
        model.edges.append(
          DiagramEdge(
            from: "arn:aws:iam::\(id):role/r\(role)", to: "arn:aws:iam::\(next):role/r\(role)",
            kind: .assumeRole))
        model.edges.append(
          DiagramEdge(
            from: "arn:aws:iam::\(id):role/r\(role)", to: "s3://bucket-\(account)", kind: .access(.read)))
      }
    }
    model.nodes.append(DiagramNode(id: "*", label: "anyone", kind: .anonymous))
    model.edges.append(DiagramEdge(from: "*", to: "s3://bucket-0", kind: .access(.read)))
    return model
  }

  @Test func smallDiagramsStayAsTheyAre() {
    let model = Self.organization(accounts: 3, roles: 2)
    #expect(DiagramCollapser(maxNodes: model.nodes.count).fit(model) == model)
  }

  @Test func aboveTheThresholdEachAccountIsOneNodeWithCounts() {
    let model = Self.organization(accounts: 4, roles: 3)
    let collapsed = DiagramCollapser(maxNodes: 10).fit(model)
    #expect(collapsed.nodes.count == 5)
    let account = collapsed.nodes.first { $0.id == "account:000000000001" }
    #expect(account?.kind == .account)
    #expect(account?.label == "acct-1 (000000000001)")
    #expect(account?.details == ["3 roles · 1 bucket"])
    #expect(account?.clusterId == "ou-b")
    #expect(collapsed.clusters.map(\.id).sorted() == ["ou-a", "ou-b"])
    #expect(collapsed.notes.last?.contains("each account is one node") == true)
    // Three AssumeRole edges between two accounts become one edge that counts them; in-account access is hidden.
    let between = collapsed.edges.filter {
      $0.from == "account:000000000000" && $0.to == "account:000000000001"
    }
    #expect(between.count == 1)
    #expect(between.first?.kind == .aggregate(count: 3))
    #expect(between.first?.annotations == ["3× AssumeRole"])
    #expect(collapsed.edges.contains { $0.from == "*" && $0.to == "account:000000000000" })
    #expect(collapsed.edges.count == 5)
  }

  @Test func stillTooManyAccountsCollapseIntoOrganizationalUnits() {
    let model = Self.organization(accounts: 20, roles: 1)
    let collapsed = DiagramCollapser(maxNodes: 10).fit(model)
    #expect(collapsed.nodes.map(\.id).sorted() == ["*", "ou:ou-a", "ou:ou-b"])
    #expect(
      collapsed.nodes.first { $0.id == "ou:ou-a" }?.details == ["10 accounts", "10 roles · 10 buckets"])
    #expect(collapsed.notes.contains { $0.contains("each organizational unit is one node") })
    #expect(collapsed.clusters.isEmpty)
  }

  @Test func withoutOrganizationOnlyTheBestConnectedAreKept() {
    var model = Self.organization(accounts: 30, roles: 1)
    model.clusters = model.clusters.filter { $0.kind == .account }.map {
      var cluster = $0
      cluster.parentId = nil
      return cluster
    }
    let collapsed = DiagramCollapser(maxNodes: 10).fit(model)
    #expect(collapsed.nodes.count == 10)
    #expect(collapsed.notes.last?.contains("(21 left out)") == true)
    let ids = Set(collapsed.nodes.map(\.id))
    #expect(collapsed.edges.allSatisfy { ids.contains($0.from) && ids.contains($0.to) })
  }

  @Test func collapsedDiagramsAreDeterministicAndAcceptedByGraphviz() throws {
    let model = Self.organization(accounts: 40, roles: 4)
    let first = DotWriter.write(DiagramCollapser(maxNodes: 100).fit(model))
    var reversed = model
    reversed.nodes.reverse()
    reversed.edges.reverse()
    #expect(DotWriter.write(DiagramCollapser(maxNodes: 100).fit(reversed)) == first)
    #expect(first.contains("merged arrows (count)"))
    guard GraphvizCheck.executable != nil else { return }
    let result = try GraphvizCheck.svg(first)
    #expect(result.status == 0, "\(result.errors)")
  }
}
