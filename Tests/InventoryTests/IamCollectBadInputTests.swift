import Foundation
import PolicyLanguage
import Testing

@testable import Inventory

/// Broken or partial iam-collect stores: located problems, and the rest still loads.
@Suite struct IamCollectBadInputTests {
  let store: TemporarySnapshot
  let account = "aws/aws/accounts/111111111111"

  init() throws {
    store = try TemporarySnapshot()
    try store.write(
      "\(account)/iam/role/app/metadata.json",
      #"{"arn": "arn:aws:iam::111111111111:role/App", "id": "AROAAPP", "name": "App", "path": "/"}"#)
    try store.write(
      "\(account)/iam/role/app/trust-policy.json",
      #"{"Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}}]}"#
    )
  }

  @Test func aFolderWithoutMetadataIsSkippedWithAWarning() throws {
    try store.write("\(account)/iam/role/orphan/trust-policy.json", "{}")
    let inventory = try store.load()
    #expect(inventory.format == .iamCollect)
    #expect(inventory.account("111111111111")?.roles.map(\.name) == ["App"])
    #expect(inventory.diagnostics.map(\.message) == ["no metadata.json: this folder is not read"])
    #expect(inventory.diagnostics.first?.file == store.shown("\(account)/iam/role/orphan/"))
  }

  @Test func aBrokenBucketPolicyLeavesThePolicyUnrecorded() throws {
    try store.write("\(account)/s3/data/metadata.json", #"{"arn": "arn:aws:s3:::data", "name": "data"}"#)
    try store.write("\(account)/s3/data/policy.json", "{\"Statement\": [\n  {\"Effect\": \"Allow\",}\n]}")
    let inventory = try store.load()
    let bucket = try #require(inventory.bucket(named: "data"))
    #expect(bucket.policy == nil)
    #expect(bucket.unrecordedSettings.contains(.policy))
    let problem = try #require(inventory.diagnostics(about: "s3/data/policy.json").first)
    #expect(problem.location == SourceLocation(line: 2, column: 22))
    #expect(inventory.account("111111111111")?.roles.count == 1)
  }

  @Test func aRoleWithoutTrustPolicyIsAnErrorButStaysInTheInventory() throws {
    try store.write(
      "\(account)/iam/role/lonely/metadata.json",
      #"{"arn": "arn:aws:iam::111111111111:role/Lonely", "id": "AROALONELY", "name": "Lonely", "path": "/"}"#)
    let inventory = try store.load()
    #expect(inventory.account("111111111111")?.roles.map(\.name) == ["App", "Lonely"])
    #expect(inventory.diagnostics.map(\.severity) == [.error])
    #expect(inventory.diagnostics.first?.message.contains("no trust-policy.json") == true)
  }

  @Test func anAttachedPolicyThatNoAccountHoldsIsReported() throws {
    try store.write("\(account)/iam/role/app/managed-policies.json", #"["arn:aws:iam::aws:policy/Missing"]"#)
    let inventory = try store.load()
    let warning = try #require(inventory.diagnostics.first)
    #expect(warning.pointer == "/0")
    #expect(warning.file.hasSuffix("iam/role/app/managed-policies.json"))
  }

  @Test func aStoreWithoutAccountsIsNotLoadable() throws {
    let empty = try TemporarySnapshot()
    try empty.write("aws/aws/organizations/o-1/metadata.json", #"{"id": "o-1"}"#)
    #expect(throws: SnapshotLoadError.self) { try empty.load() }
  }
}
