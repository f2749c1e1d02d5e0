import PolicyLanguage
import Testing

@testable import Inventory

/// The IAM part of the aws CLI layout fixture (`Fixtures/cli-snapshot`).
@Suite struct CLILayoutIAMTests {
  let inventory: Inventory
  let tools: Account

  init() throws {
    inventory = try SnapshotLoader.load(path: Fixtures.cliSnapshot)
    tools = try #require(inventory.account("111111111111"))
  }

  @Test func theFixtureLoadsCleanly() {
    #expect(inventory.format == .awsCLI)
    #expect(inventory.accounts.map(\.id) == ["111111111111", "222222222222"])
    #expect(inventory.diagnostics.map(\.description) == [])
    #expect(inventory.unknownFiles == [])
  }

  @Test func aliasComesFromListAccountAliases() {
    #expect(tools.alias == "tools")
    #expect(tools.displayName == "tools (111111111111)")
    #expect(inventory.account("222222222222")?.alias == nil)
  }

  @Test func usersCarryGroupsPoliciesBoundaryAndTags() throws {
    let alice = try #require(tools.users.first)
    #expect(alice.name == "alice")
    #expect(alice.arn == "arn:aws:iam::111111111111:user/alice")
    #expect(alice.id == "AIDAEXAMPLEALICE0001")
    #expect(alice.groupNames == ["devs"])
    #expect(alice.attachedPolicyArns == ["arn:aws:iam::111111111111:policy/ArtifactsRead"])
    #expect(alice.permissionsBoundaryArn == "arn:aws:iam::111111111111:policy/ArtifactsRead")
    #expect(alice.tags == ["team": "platform"])
    let inline = try #require(alice.inlinePolicies.first)
    #expect(inline.source.name == "inline assume-builder of user/alice")
    #expect(
      inline.source.file == Fixtures.cliSnapshot + "/111111111111/iam/get-account-authorization-details.json")
    #expect(inline.source.pointer == "/UserDetailList/0/UserPolicyList/0/PolicyDocument")
    #expect(inline.statements.first?.location?.line == 15)
  }

  @Test func groupInlinePoliciesMayBeURLEncoded() throws {
    let devs = try #require(tools.groups.first)
    #expect(devs.name == "devs")
    #expect(devs.attachedPolicyArns == ["arn:aws:iam::aws:policy/ReadOnlyAccess"])
    #expect(devs.inlinePolicies.map(\.source.name) == ["inline list-buckets of group/devs"])
    #expect(devs.inlinePolicies.first?.statements.count == 1)
  }

  @Test func rolesCarryTrustPolicyInstanceProfilesAndPath() throws {
    let builder = try #require(tools.roles.first)
    #expect(builder.name == "Builder")
    #expect(builder.path == "/deploy/")
    #expect(builder.description == "CodeBuild service role")
    #expect(builder.instanceProfileArns == ["arn:aws:iam::111111111111:instance-profile/builder-profile"])
    #expect(builder.tags == ["purpose": "ci"])
    #expect(builder.trustPolicy?.source.name == "trust policy of role/deploy/Builder")
    #expect(builder.trustPolicy?.statements.count == 1)
    #expect(builder.inlinePolicies.map(\.source.name) == ["inline write-dev-data of role/deploy/Builder"])
  }

  @Test func managedPoliciesKeepOnlyTheDefaultVersion() throws {
    let policy = try #require(tools.managedPolicy("arn:aws:iam::111111111111:policy/ArtifactsRead"))
    #expect(policy.name == "ArtifactsRead")
    #expect(policy.id == "ANPAEXAMPLEARTIFACTS")
    #expect(policy.document?.statements.map(\.sid) == ["ReadArtifacts"])
    #expect(policy.document?.source.name == "arn:aws:iam::111111111111:policy/ArtifactsRead")
    #expect(policy.document?.source.pointer == "/Policies/0/PolicyVersionList/1/Document")
    #expect(!policy.isAWSManaged)
    #expect(tools.managedPolicy("arn:aws:iam::aws:policy/ReadOnlyAccess")?.isAWSManaged == true)
  }

  @Test func pageFilesAreMergedInNumericNameOrder() throws {
    let dev = try #require(inventory.account("222222222222"))
    #expect(dev.roles.map(\.name) == ["Consumer", "Second", "Tenth"])
    #expect(
      dev.roles.last?.trustPolicy?.source.file?.hasSuffix("get-account-authorization-details-page-10.json")
        == true)
  }
}
