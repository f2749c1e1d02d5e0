import Foundation
import Testing

/// One expected who-can entry, as SampleData/README.md writes it.
struct ExpectedEntry: Sendable, CustomStringConvertible {
  var principal: String
  var kind: String
  var actions: [String]
  var coverage: String
  var patterns: [String]
  var conditionalHop: Int?
  var conditionKeys: [String] = []
  var chain: [String]

  var description: String { principal }
}

/// Runs `trustwalk who-can … --format json` and returns the principals by ARN.
func whoCanJSON(_ arguments: [String]) throws -> (
  status: Int32, entries: [String: [String: Any]], root: [String: Any]
) {
  let result = try TrustwalkBinary.run(["who-can"] + arguments + ["--format", "json"])
  let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
  var entries: [String: [String: Any]] = [:]
  for entry in object["principals"] as? [[String: Any]] ?? [] {
    entries[entry["principal"] as? String ?? ""] = entry
  }
  return (result.status, entries, object)
}

func check(_ entry: [String: Any]?, _ expected: ExpectedEntry) {
  guard let entry else {
    Issue.record("missing principal \(expected.principal)")
    return
  }
  #expect(entry["kind"] as? String == expected.kind, "\(expected.principal) kind")
  #expect(entry["actions"] as? [String] == expected.actions, "\(expected.principal) actions")
  #expect(entry["coverage"] as? String == expected.coverage, "\(expected.principal) coverage")
  #expect(entry["patterns"] as? [String] == expected.patterns, "\(expected.principal) patterns")
  #expect(
    entry["conditional"] as? Bool == (expected.conditionalHop != nil), "\(expected.principal) conditional")
  let conditions = entry["conditions"] as? [[String: Any]] ?? []
  if let hop = expected.conditionalHop {
    #expect(conditions.allSatisfy { $0["hop"] as? Int == hop }, "\(expected.principal) condition hop")
    #expect(Set(conditions.compactMap { $0["key"] as? String }) == Set(expected.conditionKeys))
  }
  #expect((entry["chains"] as? [[String]])?.first == expected.chain, "\(expected.principal) chain")
}

private let codeBuildRole = "arn:aws:iam::111111111111:role/CodeBuildRole"
private let dana = "arn:aws:iam::111111111111:user/dana"

@Test func codebuildWritersIncludeTheUserViaCodeBuildAndTheConditionalService() throws {
  let answer = try whoCanJSON([
    "SampleData/codebuild-cross-account", "s3://dev-artifacts/", "--access", "write",
  ])
  #expect(answer.status == 0)
  #expect(answer.entries.count == 3)
  let patterns = ["arn:aws:s3:::dev-artifacts/*"]
  check(
    answer.entries[codeBuildRole],
    .init(
      principal: codeBuildRole, kind: "role", actions: ["s3:PutObject"], coverage: "all", patterns: patterns,
      chain: [codeBuildRole]))
  check(
    answer.entries[dana],
    .init(
      principal: dana, kind: "user", actions: ["s3:PutObject"], coverage: "all", patterns: patterns,
      chain: [dana, codeBuildRole]))
  check(
    answer.entries["codebuild.amazonaws.com"],
    .init(
      principal: "codebuild.amazonaws.com", kind: "service", actions: ["s3:PutObject"], coverage: "all",
      patterns: patterns, conditionalHop: 1, conditionKeys: ["aws:SourceAccount"],
      chain: ["codebuild.amazonaws.com", codeBuildRole]))
}

@Test(arguments: ["list", "delete", "permissions"])
func codebuildBucketGivesNothingElse(access: String) throws {
  let answer = try whoCanJSON([
    "SampleData/codebuild-cross-account", "s3://dev-artifacts/", "--access", access,
  ])
  #expect(answer.entries.isEmpty)
}

@Test func bucketWithoutPolicyHasNoCrossAccountWriter() throws {
  let answer = try whoCanJSON([
    "SampleData/codebuild-cross-account", "s3://dev-artifacts-nopolicy/", "--access", "any",
  ])
  #expect(answer.status == 0)
  #expect(answer.entries.isEmpty)
}

private let uploadRole = "arn:aws:iam::111111111111:role/account-a-s3-role"
private let bobby = "arn:aws:iam::111111111111:user/bobbytables"

@Test(arguments: [
  ("s3://account-b-bucket/foo/", "all", ["arn:aws:s3:::account-b-bucket/foo/*"]),
  ("s3://account-b-bucket/fighters/", "all", ["arn:aws:s3:::account-b-bucket/fighters/*"]),
  ("s3://account-b-bucket/foo/bar/", "all", ["arn:aws:s3:::account-b-bucket/foo/*"]),
  ("s3://account-b-bucket/fo", "some", ["arn:aws:s3:::account-b-bucket/foo/*"]),
  ("s3://account-b-bucket/foo", "some", ["arn:aws:s3:::account-b-bucket/foo/*"]),
  (
    "s3://account-b-bucket/f", "some",
    ["arn:aws:s3:::account-b-bucket/foo/*", "arn:aws:s3:::account-b-bucket/fighters/*"]
  ),
  (
    "s3://account-b-bucket", "some",
    ["arn:aws:s3:::account-b-bucket/foo/*", "arn:aws:s3:::account-b-bucket/fighters/*"]
  ),
])
func uploadOnlyPrefixCoverage(target: String, coverage: String, patterns: [String]) throws {
  let answer = try whoCanJSON(["SampleData/upload-only-prefixes", target, "--access", "write"])
  #expect(answer.entries.count == 2)
  let actions = ["s3:PutObject", "s3:PutObjectAcl"]
  check(
    answer.entries[uploadRole],
    .init(
      principal: uploadRole, kind: "role", actions: actions, coverage: coverage, patterns: patterns,
      chain: [uploadRole]))
  check(
    answer.entries[bobby],
    .init(
      principal: bobby, kind: "user", actions: actions, coverage: coverage, patterns: patterns,
      chain: [bobby, uploadRole]))
}

@Test(arguments: [
  ["s3://account-b-bucket/foobar/", "--access", "write"],
  ["s3://account-b-bucket/bar/", "--access", "write"],
  ["s3://account-b-bucket/", "--access", "read"], ["s3://account-b-bucket/", "--access", "list"],
  ["s3://account-b-bucket/", "--access", "delete"],
])
func uploadOnlyNobodyElsewhere(arguments: [String]) throws {
  let answer = try whoCanJSON(["SampleData/upload-only-prefixes"] + arguments)
  #expect(answer.entries.isEmpty)
}

@Test func uploadOnlyMatchesTheFormatsExampleFieldOrder() throws {
  let result = try TrustwalkBinary.run([
    "who-can", "SampleData/upload-only-prefixes", "s3://account-b-bucket/foo/", "--action", "s3:PutObject*",
    "--format", "json",
  ])
  let keys = [
    "\"principal\"", "\"kind\"", "\"account\"", "\"actions\"", "\"coverage\"", "\"patterns\"",
    "\"conditional\"", "\"conditions\"", "\"chains\"",
  ]
  let entries = try #require(result.stdout.range(of: "\"principals\"")).upperBound
  let entry = String(result.stdout[entries...])
  let positions = keys.compactMap { entry.range(of: $0)?.lowerBound }
  #expect(positions.count == keys.count)
  #expect(positions == positions.sorted())
  #expect(result.stdout.contains("\"target\": \"s3://account-b-bucket/foo/\""))
}

private let pipelineRole = "arn:aws:iam::333333333333:role/PipelineRole"
private let publisher = "arn:aws:iam::444444444444:role/ArtifactPublisherRole"

@Test(arguments: ["write", "read"])
func kmsKeyBlocksTheCrossAccountPipeline(access: String) throws {
  let answer = try whoCanJSON([
    "SampleData/pipeline-object-ownership", "s3://acme-release-artifacts/", "--access", access,
  ])
  #expect(answer.entries.isEmpty)
  let blocked = answer.root["blocked"] as? [[String: Any]] ?? []
  #expect(blocked.map { $0["principal"] as? String } == [pipelineRole, "codepipeline.amazonaws.com"])
  #expect(blocked.last?["chains"] as? [[String]] == [["codepipeline.amazonaws.com", pipelineRole]])
  let kms = blocked.first?["kms"] as? [String: Any]
  #expect(
    kms?["key"] as? String == "arn:aws:kms:us-east-1:444444444444:key/d05b59ee-821a-4ceb-8606-3e87dea0cfdb")
  #expect(kms?["action"] as? String == (access == "write" ? "kms:GenerateDataKey" : "kms:Decrypt"))
  let text = try TrustwalkBinary.run([
    "who-can", "SampleData/pipeline-object-ownership", "s3://acme-release-artifacts/", "--access", access,
  ])
  #expect(text.stdout.contains("PipelineRole"))
  #expect(text.stdout.contains("key policy of key"))
  #expect(text.stdout.contains("d05b59ee"))
}

@Test(arguments: [
  ("write", "s3:PutObject", "arn:aws:s3:::acme-release-artifacts-v2/*"),
  ("read", "s3:GetObject", "arn:aws:s3:::acme-release-artifacts-v2/*"),
  ("list", "s3:ListBucket", "arn:aws:s3:::acme-release-artifacts-v2"),
])
func pipelineFixGoesThroughThePublisherRole(access: String, action: String, pattern: String) throws {
  let answer = try whoCanJSON([
    "SampleData/pipeline-object-ownership", "s3://acme-release-artifacts-v2/", "--access", access,
  ])
  #expect(answer.entries.count == 3)
  check(
    answer.entries[publisher],
    .init(
      principal: publisher, kind: "role", actions: [action], coverage: "all", patterns: [pattern],
      chain: [publisher]))
  check(
    answer.entries[pipelineRole],
    .init(
      principal: pipelineRole, kind: "role", actions: [action], coverage: "all", patterns: [pattern],
      chain: [pipelineRole, publisher]))
  check(
    answer.entries["codepipeline.amazonaws.com"],
    .init(
      principal: "codepipeline.amazonaws.com", kind: "service", actions: [action], coverage: "all",
      patterns: [pattern],
      conditionalHop: 1, conditionKeys: ["aws:SourceAccount"],
      chain: ["codepipeline.amazonaws.com", pipelineRole, publisher]))
}

private let appServer = "arn:aws:iam::555555555555:role/AppServerRole"
private let carol = "arn:aws:iam::555555555555:user/carol"

@Test(arguments: [
  ("read", "s3:GetObject", "arn:aws:s3:::data-store-shared/*"),
  ("write", "s3:PutObject", "arn:aws:s3:::data-store-shared/*"),
  ("list", "s3:ListBucket", "arn:aws:s3:::data-store-shared"),
])
func instanceProfileRoleAndItsLaunchers(access: String, action: String, pattern: String) throws {
  let answer = try whoCanJSON([
    "SampleData/ec2-instance-profile", "s3://data-store-shared/", "--access", access,
  ])
  #expect(answer.entries.count == 3)
  check(
    answer.entries[appServer],
    .init(
      principal: appServer, kind: "role", actions: [action], coverage: "all", patterns: [pattern],
      chain: [appServer]))
  check(
    answer.entries[carol],
    .init(
      principal: carol, kind: "user", actions: [action], coverage: "all", patterns: [pattern],
      chain: [carol, appServer]))
  check(
    answer.entries["ec2.amazonaws.com"],
    .init(
      principal: "ec2.amazonaws.com", kind: "service", actions: [action], coverage: "all",
      patterns: [pattern], chain: ["ec2.amazonaws.com", appServer]))
}

@Test func typoAndMissingSlashBucketsGiveOnlyWhatTheirStatementsReallyGrant() throws {
  for access in ["read", "write", "list", "delete"] {
    #expect(
      try whoCanJSON(["SampleData/ec2-instance-profile", "s3://data-store-typo/", "--access", access]).entries
        .isEmpty)
  }
  for access in ["read", "write"] {
    #expect(
      try whoCanJSON(["SampleData/ec2-instance-profile", "s3://data-store-noslash/", "--access", access])
        .entries.isEmpty)
  }
  let list = try whoCanJSON([
    "SampleData/ec2-instance-profile", "s3://data-store-noslash/", "--access", "list",
  ])
  #expect(Set(list.entries.keys) == [appServer, carol, "ec2.amazonaws.com"])
  #expect(
    try whoCanJSON(["SampleData/ec2-instance-profile", "s3://data-store-shared/", "--access", "delete"])
      .entries.isEmpty)
}

private let storageRole = "arn:aws:iam::888888888888:role/StorageAccessRole"
private let computeRole = "arn:aws:iam::777777777777:role/ComputeRole"
private let erin = "arn:aws:iam::777777777777:user/erin"

@Test func externalIdMakesTheChainConditionalAtItsHop() throws {
  let answer = try whoCanJSON([
    "SampleData/role-chain-external-id", "s3://acme-storage-data/", "--access", "write",
  ])
  #expect(answer.entries.count == 3)
  let actions = ["s3:PutObject", "s3:DeleteObject"]
  let patterns = ["arn:aws:s3:::acme-storage-data/*"]
  check(
    answer.entries[storageRole],
    .init(
      principal: storageRole, kind: "role", actions: actions, coverage: "all", patterns: patterns,
      chain: [storageRole]))
  check(
    answer.entries[computeRole],
    .init(
      principal: computeRole, kind: "role", actions: actions, coverage: "all", patterns: patterns,
      conditionalHop: 1, conditionKeys: ["sts:ExternalId"], chain: [computeRole, storageRole]))
  check(
    answer.entries[erin],
    .init(
      principal: erin, kind: "user", actions: actions, coverage: "all", patterns: patterns, conditionalHop: 2,
      conditionKeys: ["sts:ExternalId"], chain: [erin, computeRole, storageRole]))
}

@Test func roleTargetListsWhoCanAssumeIt() throws {
  let answer = try whoCanJSON([
    "SampleData/role-chain-external-id", storageRole, "--action", "sts:AssumeRole",
  ])
  #expect(Set(answer.entries.keys) == [computeRole, erin])
  let compute = answer.entries[computeRole]
  #expect((compute?["chains"] as? [[String]])?.first == [computeRole])
  #expect(((compute?["conditions"] as? [[String: Any]])?.first?["hop"] as? Int) == 0)
  #expect((answer.entries[erin]?["chains"] as? [[String]])?.first == [erin, computeRole])
}

@Test func directOnlyDropsChains() throws {
  let answer = try whoCanJSON([
    "SampleData/role-chain-external-id", "s3://acme-storage-data/", "--access", "write", "--direct-only",
  ])
  #expect(Set(answer.entries.keys) == [storageRole])
}

@Test func withoutSnapshotTheSampleDataScenarioHoldingTheBucketAnswers() throws {
  let result = try TrustwalkBinary.run(["who-can", "s3://acme-storage-data/", "--access", "write"])
  #expect(result.status == 0)
  #expect(result.stdout.contains(erin))
  #expect(result.stderr.contains("role-chain-external-id"))
}

@Test func unreadableSnapshotIsAUsageError() throws {
  let result = try TrustwalkBinary.run(["who-can", "/nonexistent/snapshot", "s3://b/"])
  #expect(result.status == 2)
  #expect(result.stderr.contains("trustwalk who-can"))
  #expect(!result.stderr.contains("Fatal error"))
  let bad = try TrustwalkBinary.run(["who-can", "SampleData/org", "not-a-target"])
  #expect(bad.status == 2)
}

@Test func brokenPolicyFileIsReportedWithItsPlaceAndTheQueryGoesOn() throws {
  let manager = FileManager.default
  let copy = manager.temporaryDirectory.appendingPathComponent("trustwalk-whocan-\(UUID().uuidString)")
  defer { try? manager.removeItem(at: copy) }
  try manager.copyItem(
    at: TrustwalkBinary.packageRoot.appendingPathComponent("SampleData/upload-only-prefixes"), to: copy)
  let policy = copy.appendingPathComponent("222222222222/s3/buckets/account-b-bucket/get-bucket-policy.json")
  try Data("{\n  \"Policy\": \"{\\\"Statement\\\": [\"\n".utf8).write(to: policy)
  let result = try TrustwalkBinary.run([
    "who-can", copy.path, "s3://account-b-bucket/foo/", "--access", "write",
  ])
  #expect(result.status == 0)
  #expect(result.stderr.contains("get-bucket-policy.json:"))
  #expect(!result.stderr.contains("Fatal error"))
  #expect(result.stdout.contains("who-can s3://account-b-bucket/foo/"))
}
