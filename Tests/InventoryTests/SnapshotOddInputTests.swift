import Foundation
import PolicyLanguage
import Testing

@testable import Inventory

/// Input that is not broken but odd: collector errors, overlaps, the emulator's omissions, missing
/// references, and snapshot roots that hold nothing.
@Suite struct SnapshotOddInputTests {
  let snapshot: TemporarySnapshot

  init() throws {
    snapshot = try TemporarySnapshot()
  }

  @Test func aCollectorErrorOtherThanNotConfiguredMakesTheSettingUnknown() throws {
    try snapshot.write(
      "111111111111/s3/buckets/locked/get-bucket-policy.error.txt",
      "\nAn error occurred (AccessDenied) when calling the GetBucketPolicy operation: Access Denied\n")
    try snapshot.write(
      "111111111111/s3/buckets/locked/get-bucket-ownership-controls.error.txt",
      "An error occurred (AccessDenied) when calling the GetBucketOwnershipControls operation: Access Denied")
    let inventory = try snapshot.load()
    let bucket = try #require(inventory.bucket(named: "locked"))
    #expect(bucket.unrecordedSettings.isSuperset(of: [.policy, .objectOwnership]))
    #expect(bucket.objectOwnership == nil)
    let warning = try #require(inventory.diagnostics(about: "get-bucket-policy.error.txt").first)
    #expect(warning.severity == .warning)
    #expect(
      warning.message
        == "the bucket policy of locked is unknown: the collector got an error: An error occurred (AccessDenied) when calling the GetBucketPolicy operation: Access Denied"
    )
  }

  @Test func errorFilesMayAlsoBeNamedAfterTheJSONFile() throws {
    try snapshot.write(
      "111111111111/s3/buckets/plain/get-bucket-policy.json.error.txt",
      "An error occurred (NoSuchBucketPolicy) when calling the GetBucketPolicy operation")
    try snapshot.write(
      "111111111111/s3/buckets/plain/get-public-access-block.json.error.txt",
      "An error occurred (NoSuchPublicAccessBlockConfiguration) when calling the GetPublicAccessBlock operation"
    )
    let inventory = try snapshot.load()
    #expect(inventory.unknownFiles == [])
    let bucket = try #require(inventory.bucket(named: "plain"))
    #expect(!bucket.unrecordedSettings.contains(.policy))
    #expect(bucket.publicAccessBlock == .allOff)
  }

  @Test func anEntryRepeatedAcrossPagesIsKeptOnceWithAWarning() throws {
    try snapshot.write(
      "111111111111/iam/get-account-authorization-details-1.json",
      authorizationDetails(account: "111111111111", roles: ["A", "B"]))
    try snapshot.write(
      "111111111111/iam/get-account-authorization-details-2.json",
      authorizationDetails(account: "111111111111", roles: ["B", "C"]))
    let inventory = try snapshot.load()
    #expect(inventory.account("111111111111")?.roles.map(\.name) == ["A", "B", "C"])
    let warning = try #require(inventory.diagnostics.first)
    #expect(inventory.diagnostics.count == 1)
    #expect(warning.file.hasSuffix("get-account-authorization-details-2.json"))
    #expect(warning.message.hasPrefix("arn:aws:iam::111111111111:role/B appears again (first at "))
  }

  @Test func emulatorOutputWithoutPolicyNamesOrIdsLoads() throws {
    try snapshot.write(
      "111111111111/iam/get-account-authorization-details.json",
      """
      {"UserDetailList": [{"UserName": "u", "Arn": "arn:aws:iam::111111111111:user/u", "UserId": "x1y2z3",
         "UserPolicyList": [], "GroupList": [], "AttachedManagedPolicies": [
           {"PolicyName": "p", "PolicyArn": "arn:aws:iam::111111111111:policy/team/p"}]}],
       "GroupDetailList": [], "RoleDetailList": [],
       "Policies": [{"Arn": "arn:aws:iam::111111111111:policy/team/p", "Path": "/team/", "DefaultVersionId": "v1",
         "PolicyVersionList": [{"VersionId": "v1", "IsDefaultVersion": true,
           "Document": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}}]}]}
      """)
    let inventory = try snapshot.load()
    #expect(inventory.diagnostics.isEmpty)
    let policy = try #require(inventory.account("111111111111")?.managedPolicies.first)
    #expect(policy.name == "p")
    #expect(policy.id == nil)
    #expect(policy.path == "/team/")
    #expect(policy.document?.statements.count == 1)
  }

  @Test func aManagedPolicyTheSnapshotLacksIsReportedOnceAtItsFirstUse() throws {
    let missing = "arn:aws:iam::111111111111:policy/Gone"
    let text = authorizationDetails(account: "111111111111", roles: ["A", "B"])
      .replacingOccurrences(
        of: #""AttachedManagedPolicies": []"#,
        with: #""AttachedManagedPolicies": [{"PolicyName": "Gone", "PolicyArn": "\#(missing)"}]"#)
    try snapshot.write("111111111111/iam/get-account-authorization-details.json", text)
    let inventory = try snapshot.load()
    #expect(inventory.diagnostics.count == 1)
    let warning = try #require(inventory.diagnostics.first)
    #expect(warning.pointer == "/RoleDetailList/0/AttachedManagedPolicies/0")
    #expect(
      warning.message
        == "role/A attaches \(missing), which the snapshot does not hold: its permissions are unknown (and 1 more references)"
    )
  }

  @Test func anAWSManagedPolicyNoAccountHoldsIsReported() throws {
    let text = authorizationDetails(account: "111111111111")
      .replacingOccurrences(
        of: #""AttachedManagedPolicies": []"#,
        with: #""AttachedManagedPolicies": [{"PolicyName": "X", "PolicyArn": "arn:aws:iam::aws:policy/X"}]"#)
    try snapshot.write("111111111111/iam/get-account-authorization-details.json", text)
    try snapshot.write(
      "222222222222/iam/get-account-authorization-details.json", authorizationDetails(account: "222222222222")
    )
    let inventory = try snapshot.load()
    #expect(
      inventory.diagnostics.map(\.file) == [
        snapshot.shown("111111111111/iam/get-account-authorization-details.json")
      ])
    #expect(inventory.diagnostics.first?.message.contains("arn:aws:iam::aws:policy/X") == true)
  }

  @Test func aBucketListedWithoutAFolderHasUnknownSettings() throws {
    try snapshot.write(
      "111111111111/s3/list-buckets.json", #"{"Buckets": [{"Name": "elsewhere"}], "Owner": {"ID": "abc"}}"#)
    let inventory = try snapshot.load()
    #expect(inventory.bucket(named: "elsewhere")?.unrecordedSettings == Set(BucketSetting.allCases))
    #expect(inventory.diagnostics(about: "list-buckets.json").map(\.severity) == [.warning])
  }

  @Test func filesOfAnotherAccountAreFlagged() throws {
    try snapshot.write(
      "111111111111/sts/get-caller-identity.json",
      #"{"UserId": "AIDA", "Account": "999999999999", "Arn": "arn:aws:iam::999999999999:user/u"}"#)
    try snapshot.write(
      "111111111111/iam/get-account-authorization-details.json", authorizationDetails(account: "999999999999")
    )
    let inventory = try snapshot.load()
    #expect(inventory.diagnostics.count == 2)
    #expect(inventory.diagnostics.allSatisfy { $0.message.contains("999999999999") && $0.location != nil })
  }

  @Test func aMissingOrAccountlessRootThrows() throws {
    #expect(throws: SnapshotLoadError.self) { try SnapshotLoader.load(path: snapshot.shown("missing")) }
    try snapshot.write("12345/readme.txt", "not an account: 5 digits")
    #expect(throws: SnapshotLoadError.self) { try snapshot.load() }
    let file = try snapshot.write("plain.json", "{}")
    #expect(throws: SnapshotLoadError.self) { try SnapshotLoader.load(path: file) }
  }

  @Test func aFolderOfSnapshotsListsThem() throws {
    try snapshot.write("one/111111111111/iam/list-account-aliases.json", #"{"AccountAliases": []}"#)
    try snapshot.write("two/222222222222/iam/list-account-aliases.json", #"{"AccountAliases": []}"#)
    try snapshot.write("notes/readme.txt", "not a snapshot")
    #expect(!SnapshotLoader.isSnapshot(snapshot.path))
    #expect(
      SnapshotLoader.snapshotFolders(in: snapshot.path) == [snapshot.shown("one"), snapshot.shown("two")])
    #expect(SnapshotLoader.snapshotFolders(in: snapshot.shown("one")) == [])
  }

  @Test func anOrganizationNotInUseIsNoOrganization() throws {
    try snapshot.write("111111111111/iam/list-account-aliases.json", #"{"AccountAliases": ["a"]}"#)
    try snapshot.write(
      "organizations/describe-organization.error.txt",
      "An error occurred (AWSOrganizationsNotInUseException) when calling the DescribeOrganization operation")
    let inventory = try snapshot.load()
    #expect(inventory.organization == nil)
    #expect(inventory.diagnostics.filter { $0.severity == .error }.isEmpty)
  }
}
