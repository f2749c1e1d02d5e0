import PolicyLanguage
import Testing

@testable import Inventory

/// Buckets, keys and the organization of the aws CLI layout fixture.
@Suite struct CLILayoutResourceTests {
  let inventory: Inventory

  init() throws {
    inventory = try SnapshotLoader.load(path: Fixtures.cliSnapshot)
  }

  @Test func aBucketWithEverySettingRecorded() throws {
    let bucket = try #require(inventory.bucket(named: "tools-artifacts"))
    #expect(bucket.account == "111111111111")
    #expect(bucket.region == "eu-west-1")
    #expect(bucket.objectOwnership == "BucketOwnerEnforced")
    #expect(
      bucket.publicAccessBlock
        == PublicAccessBlock(
          blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false
        ))
    #expect(bucket.aclOwnerId == String(repeating: "a1", count: 32))
    #expect(bucket.aclGrants.map(\.permission) == ["FULL_CONTROL", "WRITE"])
    #expect(bucket.aclGrants.last?.grantee == "http://acs.amazonaws.com/groups/s3/LogDelivery")
    #expect(bucket.encryption?.algorithm == "aws:kms")
    #expect(bucket.encryption?.usesKMS == true)
    #expect(bucket.policyIsPublic == false)
    #expect(bucket.unrecordedSettings.isEmpty)
  }

  @Test func theBucketPolicyIsParsedFromItsStringWithItsPlace() throws {
    let policy = try #require(inventory.bucket(named: "tools-artifacts")?.policy)
    #expect(policy.source.name == "bucket policy of tools-artifacts")
    #expect(
      policy.source.file?.hasSuffix("111111111111/s3/buckets/tools-artifacts/get-bucket-policy.json") == true)
    #expect(policy.source.pointer == "/Policy")
    #expect(policy.source.embeddedAt == SourceLocation(line: 2, column: 15))
    #expect(policy.statements.map(\.sid) == ["AllowDevBuilder"])
  }

  @Test func notConfiguredErrorsMeanAWSDefaults() throws {
    let bucket = try #require(inventory.bucket(named: "dev-data"))
    #expect(bucket.policy == nil)
    #expect(bucket.objectOwnership == "ObjectWriter")
    #expect(bucket.publicAccessBlock == .allOff)
    #expect(bucket.encryption == BucketEncryption(algorithm: "AES256", kmsKeyId: nil))
    #expect(bucket.policyIsPublic == false)
    #expect(bucket.unrecordedSettings.isEmpty)
    #expect(inventory.account("222222222222")?.publicAccessBlock == .allOff)
  }

  @Test func accountLevelSettingsFromS3ControlAndListBuckets() throws {
    let tools = try #require(inventory.account("111111111111"))
    #expect(
      tools.publicAccessBlock
        == PublicAccessBlock(
          blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true)
    )
    #expect(tools.canonicalUserId == String(repeating: "a1", count: 32))
  }

  @Test func keysCombineDescribeKeyAndTheKeyPolicy() throws {
    let keyARN = "arn:aws:kms:eu-west-1:111111111111:key/0a1b2c3d-1111-2222-3333-444455556666"
    let key = try #require(inventory.key(keyARN, inAccount: "111111111111"))
    #expect(key.arn == keyARN)
    #expect(key.region == "eu-west-1")
    #expect(key.manager == "CUSTOMER")
    #expect(key.state == "Enabled")
    #expect(key.description == "artifact encryption")
    #expect(key.policy?.source.name == "key policy of 0a1b2c3d-1111-2222-3333-444455556666")
    #expect(key.policy?.statements.first?.sid == "Enable IAM User Permissions")
    let bucket = try #require(inventory.bucket(named: "tools-artifacts"))
    #expect(inventory.key(bucket.encryption?.kmsKeyId ?? "", inAccount: bucket.account) == key)
  }

  @Test func theOrganizationWithItsTreeAndPolicies() throws {
    let organization = try #require(inventory.organization)
    #expect(organization.id == "o-exampleorg1")
    #expect(organization.managementAccountId == "111111111111")
    #expect(organization.rootId == "r-ex12")
    #expect(organization.accounts.map(\.name) == ["tools", "dev"])
    #expect(
      organization.units == [
        OrganizationalUnit(id: "ou-ex12-workload", name: "Workloads", parentId: "r-ex12")
      ])
    #expect(organization.path(to: "222222222222") == ["r-ex12", "ou-ex12-workload"])
    let scps = organization.policies.filter { $0.kind == .serviceControl }
    #expect(scps.map(\.name) == ["FullAWSAccess", "DenyLeaving"])
    #expect(scps.last?.targetIds == ["ou-ex12-workload"])
    #expect(scps.last?.document?.source.name == "SCP DenyLeaving (p-denyleave1)")
    let rcp = try #require(organization.policies.first { $0.kind == .resourceControl })
    #expect(rcp.targetIds == ["r-ex12"])
    #expect(rcp.document?.statements.first?.sid == "OnlyOrgPrincipals")
    #expect(
      organization.policyLevels(for: "222222222222", kind: .serviceControl).map { $0.map(\.id) } == [
        ["p-FullAWSAccess"], ["p-FullAWSAccess", "p-denyleave1"], ["p-FullAWSAccess"],
      ])
  }

  @Test func accountsKnowTheirOrganizationAndOUPath() {
    #expect(inventory.account("222222222222")?.organizationId == "o-exampleorg1")
    #expect(inventory.account("222222222222")?.organizationPath == ["r-ex12", "ou-ex12-workload"])
    #expect(inventory.account("111111111111")?.organizationPath == ["r-ex12"])
  }
}
