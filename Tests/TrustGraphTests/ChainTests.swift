import Inventory
import Testing

@testable import TrustGraph

private let a = "111111111111"
private let b = "222222222222"

/// user → RoleA ⇄ RoleB (each trusts the other), RoleB reads bucket `data` in account B.
private var cyclic: Inventory {
  let roleA = Fixtures.role(
    a, "RoleA",
    trust: Fixtures.trust(#"{"AWS":["arn:aws:iam::\#(a):user/u","arn:aws:iam::\#(a):role/RoleB"]}"#),
    policies: [Fixtures.allow(#""sts:AssumeRole""#, #""arn:aws:iam::\#(a):role/RoleB""#)])
  let roleB = Fixtures.role(
    a, "RoleB", trust: Fixtures.trust(#"{"AWS":"arn:aws:iam::\#(a):role/RoleA"}"#),
    policies: [
      Fixtures.allow(#""sts:AssumeRole""#, #""arn:aws:iam::\#(a):role/RoleA""#),
      Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#, sid: "ReadData"),
    ])
  let user = Fixtures.user(a, "u", policies: [Fixtures.allow(#""sts:AssumeRole""#, #""\#(roleA.arn)""#)])
  let bucket = Bucket(
    name: "data", account: b,
    policy: Fixtures.bucketPolicy(
      "data",
      #"[{"Sid":"ReadForB","Effect":"Allow","Principal":{"AWS":"\#(roleB.arn)"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]"#
    ))
  return Inventory(accounts: [
    Account(id: a, users: [user], roles: [roleA, roleB]), Account(id: b, buckets: [bucket]),
  ])
}

@Test func multiHopChainsEndInCyclesWithoutLooping() throws {
  let graph = TrustGraph.build(cyclic)
  let result = graph.whoCan(QueryTarget("s3://data/")!, actions: ["s3:GetObject"])
  let byPrincipal = Dictionary(uniqueKeysWithValues: result.principals.map { ($0.principal, $0) })
  let roleA = "arn:aws:iam::\(a):role/RoleA"
  let roleB = "arn:aws:iam::\(a):role/RoleB"
  let user = "arn:aws:iam::\(a):user/u"
  #expect(Set(byPrincipal.keys) == [roleA, roleB, user])
  #expect(byPrincipal[roleB]?.isDirect == true)
  #expect(byPrincipal[roleA]?.chains.first == [roleA, roleB])
  #expect(byPrincipal[user]?.chains.first == [user, roleA, roleB])
  #expect(result.principals.map(\.principal) == [roleB, roleA, user], "shortest chains first")
}

@Test func canWhatAgreesWithWhoCanOnTheCycle() {
  let graph = TrustGraph.build(cyclic)
  let user = "arn:aws:iam::\(a):user/u"
  let answer = graph.canWhat(user)
  #expect(Set(answer.roles.map(\.role)) == ["arn:aws:iam::\(a):role/RoleA", "arn:aws:iam::\(a):role/RoleB"])
  #expect(answer.buckets.map(\.bucket) == ["data"])
  #expect(answer.buckets.first?.levels.map(\.level) == [.read])
  #expect(answer.buckets.first?.levels.first?.chain.count == 3)
}

@Test func externalIdMakesTheHopConditional() throws {
  let storage = Fixtures.role(
    b, "Storage",
    trust: Fixtures.trust(
      #"{"AWS":"arn:aws:iam::\#(a):root"}"#, conditions: #"{"StringEquals":{"sts:ExternalId":"secret-1"}}"#),
    policies: [Fixtures.allow(#""s3:PutObject""#, #""arn:aws:s3:::store/*""#)])
  let caller = Fixtures.role(
    a, "Caller", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""sts:AssumeRole""#, #""\#(storage.arn)""#)])
  let inventory = Inventory(accounts: [
    Account(id: a, roles: [caller]),
    Account(id: b, roles: [storage], buckets: [Bucket(name: "store", account: b)]),
  ])
  let graph = TrustGraph.build(inventory)
  let edge = try #require(graph.edges(to: storage.arn).first { $0.from == caller.arn })
  #expect(edge.outcome == .conditional)
  #expect(edge.residual.allowIf.flatMap { $0 }.map(\.key) == ["sts:ExternalId"])
  let result = graph.whoCan(QueryTarget("s3://store/")!, actions: ["s3:PutObject"])
  let entry = try #require(result.principals.first { $0.principal == caller.arn })
  #expect(entry.conditional)
  #expect(entry.conditions.map(\.hop) == [1])
  let service = try #require(result.principals.first { $0.principal == "ec2.amazonaws.com" })
  #expect(service.chains.first == ["ec2.amazonaws.com", caller.arn, storage.arn])
  #expect(service.conditions.contains { $0.hop == 2 && $0.key == "sts:ExternalId" })
}

@Test func trustPoliciesAreEvaluatedOnlyForTheCallersTheyName() {
  var accounts: [Account] = []
  for index in 0..<30 {
    let id = String(format: "1000000000%02d", index)
    let role = Fixtures.role(
      id, "Worker", trust: Fixtures.trust(#"{"Service":"lambda.amazonaws.com"}"#),
      policies: [Fixtures.allow(#""sts:AssumeRole""#, #""*""#)])
    accounts.append(Account(id: id, roles: [role]))
  }
  let graph = TrustGraph.build(Inventory(accounts: accounts))
  #expect(graph.edges.allSatisfy { $0.from == "lambda.amazonaws.com" })
  #expect(graph.edges.count == 30)
}
