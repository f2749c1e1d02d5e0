import PolicyLanguage
import Testing

@testable import Inventory

/// The iam-collect fixture store (`Fixtures/iam-collect-store`).
@Suite struct IamCollectStoreTests {
  let inventory: Inventory

  init() throws {
    inventory = try SnapshotLoader.load(path: Fixtures.iamCollectStore)
  }

  @Test func theStoreIsRecognisedFromItsRootItsCloudFolderOrItsPartition() throws {
    #expect(inventory.format == .iamCollect)
    for path in [Fixtures.iamCollectStore + "/aws", Fixtures.iamCollectStore + "/aws/aws"] {
      let other = try SnapshotLoader.load(path: path)
      #expect(other.format == .iamCollect)
      #expect(other.accounts.map(\.id) == ["333333333333", "444444444444"])
    }
    #expect(SnapshotLoader.isSnapshot(Fixtures.iamCollectStore))
  }

  @Test func theStoreLoadsCleanly() {
    #expect(inventory.diagnostics.map(\.description) == [])
    #expect(inventory.unknownFiles == [])
  }

  @Test func namesComeFromMetadataNotFromLowerCasedFolders() throws {
    let account = try #require(inventory.account("333333333333"))
    let role = try #require(account.roles.first)
    #expect(role.name == "App-Deployer")
    #expect(role.arn == "arn:aws:iam::333333333333:role/deploy/App-Deployer")
    #expect(role.path == "/deploy/")
    #expect(role.permissionsBoundaryArn == "arn:aws:iam::333333333333:policy/DeployBoundary")
    #expect(role.tags == ["owner": "release-team"])
    #expect(role.instanceProfileArns == ["arn:aws:iam::333333333333:instance-profile/app-deployer"])
    #expect(role.trustPolicy?.source.name == "trust policy of role/deploy/App-Deployer")
    #expect(
      role.trustPolicy?.source.file?.hasSuffix("iam/role/deploy%2fapp-deployer/trust-policy.json") == true)
    #expect(role.inlinePolicies.map(\.source.name) == ["inline put-releases of role/deploy/App-Deployer"])
    #expect(
      role.attachedPolicyArns == [
        "arn:aws:iam::333333333333:policy/DeployBoundary", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
      ])
  }

  @Test func usersKnowTheirGroupsByName() throws {
    let account = try #require(inventory.account("333333333333"))
    #expect(account.users.first?.name == "Operator")
    #expect(account.users.first?.groupNames == ["Operators"])
    #expect(account.groups.first?.attachedPolicyArns == ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"])
  }

  @Test func awsManagedPoliciesResolveThroughAnotherAccount() {
    #expect(inventory.account("444444444444")?.managedPolicies == [])
    let policy = inventory.managedPolicy(
      "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", preferringAccount: "444444444444")
    #expect(policy?.name == "AmazonS3ReadOnlyAccess")
    #expect(policy?.document?.statements.count == 1)
  }

  @Test func bucketsLeaveWhatIamCollectDoesNotRecordUnrecorded() throws {
    let bucket = try #require(inventory.bucket(named: "collect-releases"))
    #expect(bucket.account == "333333333333")
    #expect(bucket.region == "us-east-1")
    #expect(bucket.policy?.statements.map(\.sid) == ["ReadForPipeline"])
    #expect(
      bucket.publicAccessBlock
        == PublicAccessBlock(
          blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false
        ))
    #expect(
      bucket.encryption?.kmsKeyId
        == "arn:aws:kms:us-east-1:333333333333:key/9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff")
    #expect(bucket.tags == ["env": "prod"])
    #expect(bucket.unrecordedSettings == [.acl, .objectOwnership, .policyStatus])
    #expect(inventory.account("333333333333")?.buckets.count == 1, "the access point folder is not a bucket")
  }

  @Test func keysAndAccountSettings() throws {
    let account = try #require(inventory.account("333333333333"))
    let key = try #require(account.keys.first)
    #expect(key.id == "9f8e7d6c-aaaa-bbbb-cccc-ddddeeeeffff")
    #expect(key.region == "us-east-1")
    #expect(key.policy?.statements.count == 1)
    #expect(account.publicAccessBlock?.restrictPublicBuckets == true)
    #expect(account.organizationId == "o-collectorg1")
  }

  @Test func theOrganizationTurnsAttachmentsIntoTargets() throws {
    let organization = try #require(inventory.organization)
    #expect(organization.id == "o-collectorg1")
    #expect(organization.managementAccountId == "333333333333")
    #expect(organization.rootId == "r-ab12")
    #expect(
      organization.units == [OrganizationalUnit(id: "ou-ab12-apps0001", name: "Apps", parentId: "r-ab12")])
    #expect(organization.path(to: "444444444444") == ["r-ab12", "ou-ab12-apps0001"])
    let deny = try #require(organization.policies.first { $0.id == "p-denyregion1" })
    #expect(deny.name == "DenyOtherRegions")
    #expect(deny.targetIds == ["ou-ab12-apps0001"])
    let full = try #require(organization.policies.first { $0.id == "p-FullAWSAccess" })
    #expect(Set(full.targetIds) == ["333333333333", "444444444444", "r-ab12", "ou-ab12-apps0001"])
    let rcp = try #require(organization.policies.first { $0.kind == .resourceControl })
    #expect(rcp.targetIds == ["r-ab12"])
    #expect(rcp.document?.source.name == "RCP ConfusedDeputy (p-rcpconfused)")
    #expect(inventory.account("444444444444")?.organizationPath == ["r-ab12", "ou-ab12-apps0001"])
  }
}
