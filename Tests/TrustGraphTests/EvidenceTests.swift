import Authorization
import Foundation
import Inventory
import PolicyLanguage
import Testing

@testable import TrustGraph

// MARK: Where a statement is (D1)

@Test func embeddedPolicyStatementIsShownAtTheLineOfItsStringInTheFile() {
  let source = PolicySource(
    name: "bucket policy of b", file: "b/get-bucket-policy.json",
    embeddedAt: SourceLocation(line: 2, column: 15))
  let multiLine = StatementPlace(policy: source, location: SourceLocation(line: 5, column: 5))
  #expect(multiLine.line == 2)
  #expect(multiLine.policyLine == 5)
  #expect(multiLine.description == "b/get-bucket-policy.json:2 (policy line 5)")
  let oneLine = StatementPlace(policy: source, location: SourceLocation(line: 1, column: 40))
  #expect(oneLine.line == 2)
  #expect(oneLine.policyLine == nil)
  #expect(oneLine.description == "b/get-bucket-policy.json:2")
}

@Test func plainPolicyStatementIsShownAtItsOwnLine() {
  let source = PolicySource(name: "inline p", file: "iam.json")
  let place = StatementPlace(policy: source, location: SourceLocation(line: 41, column: 9))
  #expect(place.line == 41)
  #expect(place.policyLine == nil)
  #expect(place.description == "iam.json:41")
  #expect(StatementPlace(policy: PolicySource(name: "x"), location: nil).description.isEmpty)
}

// MARK: SSE-KMS keys outside the snapshot (D21)

/// CodeBuildRole (111…) may read `dev-artifacts` of 222…, which is encrypted with `keyId`.
private func encryptedBucket(keyId: String) -> Inventory {
  let role = Fixtures.role(
    "111111111111", "CodeBuildRole", trust: Fixtures.trust(#"{"AWS":"arn:aws:iam::111111111111:root"}"#),
    policies: [
      Fixtures.allow(#"["s3:GetObject","kms:Decrypt"]"#, #""*""#, sid: "ReadArtifacts")
    ])
  let bucket = Bucket(
    name: "dev-artifacts", account: "222222222222",
    policy: Fixtures.bucketPolicy(
      "dev-artifacts",
      #"[{"Sid":"AllowCodeBuild","Effect":"Allow","Principal":{"AWS":"\#(role.arn)"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::dev-artifacts/*"}]"#
    ),
    encryption: BucketEncryption(algorithm: "aws:kms", kmsKeyId: keyId))
  return Inventory(accounts: [
    Account(id: "111111111111", roles: [role]), Account(id: "222222222222", buckets: [bucket]),
  ])
}

@Test func awsManagedS3KeyBlocksEveryCrossAccountReader() throws {
  for keyId in ["arn:aws:kms:us-east-1:222222222222:alias/aws/s3", "alias/aws/s3"] {
    let graph = TrustGraph.build(encryptedBucket(keyId: keyId))
    let result = graph.whoCan(QueryTarget("s3://dev-artifacts/")!, actions: ["s3:GetObject"])
    #expect(result.principals.isEmpty, "\(keyId)")
    let blocked = result.blocked.map(\.principal)
    #expect(blocked == ["arn:aws:iam::111111111111:role/CodeBuildRole"], "\(keyId)")
    #expect(result.blocked.first?.kms.status == .awsManagedKeyCrossAccount)
  }
}

@Test func customerKeyOutsideTheSnapshotIsConditionalOnItsKeyPolicy() throws {
  let key = "arn:aws:kms:us-east-1:222222222222:key/11111111-2222-3333-4444-555555555555"
  let graph = TrustGraph.build(encryptedBucket(keyId: key))
  let result = graph.whoCan(QueryTarget("s3://dev-artifacts/")!, actions: ["s3:GetObject"])
  let entry = try #require(result.principals.first)
  #expect(entry.conditional)
  let condition = try #require(entry.conditions.first)
  #expect(condition.hop == 0)
  #expect(condition.key == "kms:KeyPolicy")
  #expect(condition.values.first?.contains(key) == true)
}

@Test func noConditionalWhoCanEntryOfSampleDataLacksItsConditions() throws {
  let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("SampleData")
  let scenarios = SnapshotLoader.snapshotFolders(in: sampleData.path)
  #expect(scenarios.count >= 6)
  var checked = 0
  for scenario in scenarios {
    let graph = TrustGraph.build(try SnapshotLoader.load(path: scenario))
    for bucket in graph.directory.allBuckets {
      for level in [AccessLevel.read, .write, .list, .delete] {
        let result = graph.whoCan(QueryTarget("s3://\(bucket.name)/")!, actions: level.s3Actions)
        for entry in result.principals where entry.conditional {
          checked += 1
          #expect(!entry.conditions.isEmpty, "\(scenario) s3://\(bucket.name)/ \(level): \(entry.principal)")
        }
      }
    }
  }
  #expect(checked > 0)
}

// MARK: Near misses (D2)

@Test func explainNamesAMisspelledPrincipalInATrustPolicy() throws {
  let reader = Fixtures.role(
    "222222222222", "Reader",
    trust: Fixtures.trust(#"{"AWS":"arn:aws:iam::111111111111:user/alcie"}"#, sid: "TrustAlice"),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)])
  let alice = Fixtures.user(
    "111111111111", "alice",
    policies: [Fixtures.allow(#""sts:AssumeRole""#, #""\#(reader.arn)""#, sid: "Assume")])
  let inventory = Inventory(accounts: [
    Account(id: "111111111111", users: [alice]),
    Account(id: "222222222222", roles: [reader], buckets: [Bucket(name: "data", account: "222222222222")]),
  ])
  let answer = TrustGraph.build(inventory).explain(
    principal: alice.arn, target: QueryTarget("s3://data/x")!, actions: ["s3:GetObject"])
  #expect(!answer.isAllowed)
  let fixes = answer.chains.flatMap(\.hops).flatMap(\.fixes)
  #expect(
    fixes.contains {
      $0.hasPrefix("role owner 222222222222 must correct the principal in TrustAlice")
        && $0.contains("names arn:aws:iam::111111111111:user/alcie, which does not exist")
        && $0.contains("did you mean \(alice.arn)?")
    }, "\(fixes)")
  #expect(!fixes.contains { $0.hasPrefix("role owner 222222222222 must allow") })
}

/// A typo in the caller's own Resource (a bucket name, a role ARN) is named as such, with the
/// resource it most likely means; a different bucket is not a typo.
@Test(arguments: [
  ("arn:aws:s3:::dev-artifcats/*", "s3://dev-artifacts/x", "s3:GetObject", "arn:aws:s3:::dev-artifacts/*"),
  (
    "arn:aws:iam::111111111111:role/Deployr", "arn:aws:iam::111111111111:role/Deployer", "sts:AssumeRole",
    "arn:aws:iam::111111111111:role/Deployer"
  ),
  ("arn:aws:s3:::logs/*", "s3://dev-artifacts/x", "s3:GetObject", nil),
])
func explainNamesAMisspelledResourceInTheCallersPolicy(
  granted: String, target: String, action: String, intended: String?
) {
  let deployer = Fixtures.role(
    "111111111111", "Deployer", trust: Fixtures.trust(#"{"AWS":"arn:aws:iam::111111111111:root"}"#))
  let dana = Fixtures.user(
    "111111111111", "dana", policies: [Fixtures.allow(#""\#(action)""#, #""\#(granted)""#, sid: "Typo")])
  let inventory = Inventory(accounts: [
    Account(
      id: "111111111111", users: [dana], roles: [deployer],
      buckets: [
        Bucket(name: "dev-artifacts", account: "111111111111", objectOwnership: "BucketOwnerEnforced")
      ])
  ])
  let answer = TrustGraph.build(inventory).explain(
    principal: dana.arn, target: QueryTarget(target)!, actions: [action])
  #expect(!answer.isAllowed)
  let fixes = answer.chains.flatMap(\.hops).flatMap(\.fixes)
  let typo = fixes.first { $0.contains("looks like a misspelling") }
  if let intended {
    #expect(typo?.contains("\(granted) looks like a misspelling of \(intended)") == true, "\(fixes)")
    #expect(typo?.contains("Typo") == true)
  } else {
    #expect(typo == nil, "\(fixes)")
  }
}

@Test func nameFarFromTheCallerIsNoNearMiss() {
  #expect(NearMiss.editDistance(Array("AppSeverRole"), Array("AppServerRole")) == 1)
  #expect(NearMiss.editDistance(Array("BuildRole"), Array("AppServerRole")) > 3)
  #expect(NearMiss.editDistance(Array(""), Array("abc")) == 3)
}
