import Authorization
import Foundation
import Inventory
import PolicyLanguage
import Testing

@testable import TrustGraph

/// The graph is built from accounts evaluated in parallel, without evidence on its edges; these
/// tests pin what that must not change: the same graph on every build, and the evidence of every
/// edge recomputed on demand.
private func synthOrganization(accounts: Int) throws -> Inventory {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "trustwalk-graph-build-\(UUID())")
  defer { try? FileManager.default.removeItem(at: folder) }
  let synthesizer = SnapshotSynthesizer(
    options: SynthesisOptions(
      accounts: accounts, rolesPerAccount: 25, usersPerAccount: 5, bucketsPerAccount: 2))
  _ = try SynthesizedSnapshotWriter(synthesizer: synthesizer).write(to: folder)
  return try SnapshotLoader.load(path: folder.path)
}

private func sampleScenarios() -> [String] {
  let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("SampleData")
  return SnapshotLoader.snapshotFolders(in: sampleData.path)
}

@Test func parallelBuildGivesTheSameGraphEveryTime() throws {
  let inventory = try synthOrganization(accounts: 16)
  let first = TrustGraph.build(inventory)
  #expect(first.edges.count > 100)
  #expect(Set(first.edges.map(\.kind)).isSuperset(of: [.memberOf, .assumeRole, .serviceAssume, .viaService]))
  for _ in 0..<3 {
    let again = TrustGraph.build(inventory)
    #expect(again.edges == first.edges)
    #expect(again.nodes == first.nodes)
  }
}

@Test func everyEdgeOfTheSampleDataHasItsEvidenceOnDemand() throws {
  var kinds = Set<GraphEdge.Kind>()
  for scenario in sampleScenarios() {
    let graph = TrustGraph.build(try SnapshotLoader.load(path: scenario))
    for edge in graph.edges {
      let evidence = graph.evidence(of: edge)
      if edge.kind == .memberOf {
        #expect(evidence.isEmpty)
        continue
      }
      kinds.insert(edge.kind)
      let statements = evidence.flatMap(\.statements)
      #expect(Set(evidence).count == evidence.count, "no layer twice: \(edge.from) → \(edge.to)")
      #expect(!statements.isEmpty, "\(scenario): \(edge.from) → \(edge.to) (\(edge.kind))")
      #expect(
        evidence.contains {
          $0.layer == .resource && $0.outcome != .implicitDeny && $0.outcome != .explicitDeny
        },
        "\(scenario): the trust side of \(edge.from) → \(edge.to) allows")
      if edge.kind == .viaService
        || (edge.kind == .assumeRole && graph.directory.profile(edge.from) != nil
          && graph.directory.profile(edge.from)?.kind != .accountRoot)
      {
        #expect(
          evidence.contains { $0.layer == .identity && !$0.statements.isEmpty },
          "\(scenario): the caller side of \(edge.from) → \(edge.to)")
      }
    }
  }
  #expect(kinds.isSuperset(of: [.assumeRole, .serviceAssume, .viaService]))
}

@Test func evidenceOfAnEdgeIsWhatATracedEvaluationOfTheStepGives() throws {
  let inventory = try synthOrganization(accounts: 4)
  let graph = TrustGraph.build(inventory)
  var checked = 0
  for edge in graph.edges where edge.kind == .assumeRole {
    guard let profile = graph.directory.profile(edge.from), let role = graph.directory.role(edge.to) else {
      continue
    }
    let traced = graph.runner.assume(profile, role: role, sessionArn: edge.sessionArn, traced: true)
    #expect(traced.outcome == edge.outcome)
    #expect(traced.residual == edge.residual)
    #expect(graph.evidence(of: edge) == traced.layers)
    checked += 1
  }
  #expect(checked > 10)
}

/// The via-service edges of the build (untraced, `iam:PassRole` decided once per service where the
/// principal's policies do not tie it to roles) are exactly what a traced check of every candidate
/// pair gives: the same pairs, outcomes and conditions.
@Test func viaServiceEdgesAgreeWithACheckOfEveryCandidatePair() throws {
  let inventory = try synthOrganization(accounts: 6)
  let graph = TrustGraph.build(inventory)
  let built = Dictionary(
    graph.edges.filter { $0.kind == .viaService }.map { ("\($0.from)|\($0.to)|\($0.service ?? "")", $0) },
    uniquingKeysWith: { first, _ in first })
  var expected: [String: Decision] = [:]
  var check = LaunchCheck(runner: graph.runner, traced: true)
  for (service, roles) in graph.trusts.byService {
    guard let launch = ServiceLaunch.launch(for: service) else { continue }
    for roleArn in roles {
      guard let role = graph.directory.role(roleArn),
        !(launch.needsInstanceProfile && role.instanceProfileArns.isEmpty)
      else { continue }
      // Every user and role of the role's account (roots are not listed as callers of their own account).
      for profile in graph.directory.profiles
      where profile.account == ARNParts.account(of: roleArn) && profile.kind != .accountRoot {
        guard profile.id != roleArn, let decision = check.decision(profile, role: role, launch: launch) else {
          continue
        }
        expected["\(profile.id)|\(roleArn)|\(service)"] = decision
      }
    }
  }
  #expect(expected.count > 20)
  #expect(Set(built.keys).subtracting(expected.keys).isEmpty)
  #expect(Set(expected.keys).subtracting(built.keys).isEmpty)
  for (key, decision) in expected {
    #expect(built[key]?.outcome == decision.outcome, "\(key)")
    #expect(built[key]?.residual == decision.residual, "\(key)")
  }
}

/// A principal allowed to pass only some roles (`role/app-*`) gets via-service edges to those alone,
/// whichever role the build asked about first; one allowed to pass any role reaches both.
@Test func passRoleLimitedToSomeRolesIsDecidedPerRole() {
  let account = "111111111111"
  let lambdaTrust = Fixtures.trust(#"{"Service":"lambda.amazonaws.com"}"#)
  let appRole = Fixtures.role(account, "app-worker", trust: lambdaTrust)
  let adminRole = Fixtures.role(account, "admin-worker", trust: lambdaTrust)
  let launch = Fixtures.allow(#"["lambda:CreateFunction","lambda:InvokeFunction"]"#, #""*""#, sid: "Launch")
  func passer(_ name: String, passes resource: String) -> User {
    Fixtures.user(
      account, name,
      policies: [launch, Fixtures.allow(#""iam:PassRole""#, #""\#(resource)""#, sid: "Pass", name: "pass")])
  }
  let limited = passer("limited", passes: "arn:aws:iam::\(account):role/app-*")
  let broad = passer("broad", passes: "*")
  let graph = TrustGraph.build(
    Inventory(accounts: [Account(id: account, users: [limited, broad], roles: [appRole, adminRole])]))
  func reaches(_ user: User) -> Set<String> {
    Set(graph.edges(from: user.arn).filter { $0.kind == .viaService }.map(\.to))
  }
  #expect(reaches(limited) == [appRole.arn])
  #expect(reaches(broad) == [appRole.arn, adminRole.arn])
}
