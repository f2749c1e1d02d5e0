import Inventory
import PolicyLanguage
import Testing

@testable import TrustGraph

private typealias F = Fixture

@Test func bareUniqueIdIsADeletedPrincipal() throws {
  let grant = F.statement(
    ["s3:GetObject"], resources: ["arn:aws:s3:::data/*"], principals: [.uniqueId("AROAEXAMPLE123")])
  let finding = try #require(
    F.findings(F.inventory(buckets: [F.bucket("data", policy: [grant])]), rule: .danglingUniqueId).first)
  #expect(finding.principals == ["AROAEXAMPLE123"])
  #expect(finding.severity == .low)
}

@Test func missingPrincipalOfASnapshotAccountIsDangling() {
  let trust = F.statement(
    ["sts:AssumeRole"],
    principals: [
      .role(arn: "arn:aws:iam::111111111111:role/Gone", account: F.callerAccount),
      .role(arn: F.callerRole, account: F.callerAccount),
      .role(arn: "arn:aws:iam::999999999999:role/Elsewhere", account: "999999999999"),
      .assumedRole(
        arn: "arn:aws:sts::111111111111:assumed-role/Vanished/s", account: F.callerAccount,
        roleName: "Vanished",
        sessionName: "s"),
    ])
  let inventory = F.inventory(
    callerRoles: [F.role(F.callerRole)], ownerRoles: [F.role(F.ownerRole, trust: [trust])])
  #expect(
    F.findings(inventory, rule: .danglingArn).map(\.principals).sorted { $0[0] < $1[0] } == [
      ["arn:aws:iam::111111111111:role/Gone"], ["arn:aws:sts::111111111111:assumed-role/Vanished/s"],
    ])
}

@Test func externalAccountTrustNeedsExternalId() {
  func inventory(_ conditions: [Condition], organization: Organization? = nil) -> Inventory {
    let trust = F.statement(
      ["sts:AssumeRole"], principals: [.account(id: "999999999999")], conditions: conditions)
    return F.inventory(ownerRoles: [F.role(F.ownerRole, trust: [trust])], organization: organization)
  }
  #expect(F.findings(inventory([]), rule: .externalTrust).map(\.severity) == [.high])
  #expect(
    F.findings(inventory([F.condition(.stringEquals, "sts:ExternalId", ["s3cr3t"])]), rule: .externalTrust)
      .isEmpty)
  #expect(
    F.findings(inventory([F.condition(.stringEquals, "aws:PrincipalOrgID", ["o-abc"])]), rule: .externalTrust)
      .isEmpty)
  #expect(
    !F.findings(inventory([F.condition(.stringNotEquals, "sts:ExternalId", ["x"])]), rule: .externalTrust)
      .isEmpty)
  let organization = Organization(
    id: "o-abc", accounts: [OrganizationAccount(id: "999999999999", name: "member", parentId: nil)])
  #expect(F.findings(inventory([], organization: organization), rule: .externalTrust).isEmpty)
}

@Test func trustedAccountInsideTheSnapshotWithoutOrganizationDataIsNotExternal() {
  let trust = F.statement(["sts:AssumeRole"], principals: [.account(id: F.callerAccount)])
  let inventory = F.inventory(ownerRoles: [F.role(F.ownerRole, trust: [trust])])
  #expect(F.findings(inventory, rule: .externalTrust).isEmpty)
}

@Test func serviceTrustNeedsSourceCondition() {
  func findings(_ service: String, _ conditions: [Condition] = [], path: String = "/") -> [Finding] {
    let trust = F.statement(["sts:AssumeRole"], principals: [.service(service)], conditions: conditions)
    return F.findings(
      F.inventory(ownerRoles: [F.role(F.ownerRole, trust: [trust], path: path)]), rule: .serviceTrust)
  }
  #expect(findings("codebuild.amazonaws.com").map(\.principals) == [["codebuild.amazonaws.com"]])
  #expect(
    findings("codebuild.amazonaws.com", [F.condition(.stringEquals, "aws:SourceAccount", [F.ownerAccount])])
      .isEmpty)
  #expect(
    findings("codebuild.amazonaws.com", [F.condition(.arnLike, "aws:SourceArn", ["arn:aws:codebuild:*"])])
      .isEmpty)
  #expect(findings("ec2.amazonaws.com").map(\.severity) == [.low])
  #expect(findings("config.amazonaws.com", path: "/aws-service-role/config.amazonaws.com/").isEmpty)
}

private let writerRole = F.role(
  F.callerRole, identity: [F.statement(["s3:PutObject"], resources: ["arn:aws:s3:::drop/*"])])
private let letWriterPut = F.statement(
  ["s3:PutObject"], resources: ["arn:aws:s3:::drop/*"],
  principals: [.role(arn: F.callerRole, account: F.callerAccount)],
  sid: "CrossAccountPut")

@Test(arguments: [
  ("ObjectWriter", true), ("BucketOwnerPreferred", true), ("BucketOwnerEnforced", false),
])
func crossAccountWriterOwnsItsObjectsUnlessEnforced(ownership: String, expectFinding: Bool) throws {
  let inventory = F.inventory(
    callerRoles: [writerRole], buckets: [F.bucket("drop", policy: [letWriterPut], ownership: ownership)])
  let findings = F.findings(inventory, rule: .objectOwnership)
  #expect(findings.isEmpty != expectFinding)
  if let finding = findings.first {
    #expect(finding.principals == [F.callerRole])
    #expect(finding.evidence.map(\.sid) == ["CrossAccountPut"])
    #expect(
      finding.details.first?.file
        == "snapshot/222222222222/s3/buckets/drop/get-bucket-ownership-controls.json")
  }
}

@Test func bucketOwnerPreferredWithRequiredACLIsFine() {
  var put = letWriterPut
  put.conditions = [F.condition(.stringEquals, "s3:x-amz-acl", ["bucket-owner-full-control"])]
  let inventory = F.inventory(
    callerRoles: [writerRole], buckets: [F.bucket("drop", policy: [put], ownership: "BucketOwnerPreferred")])
  #expect(F.findings(inventory, rule: .objectOwnership).isEmpty)
}

@Test func writerWithoutIdentityGrantIsNotAWriter() {
  let inventory = F.inventory(
    callerRoles: [F.role(F.callerRole)],
    buckets: [F.bucket("drop", policy: [letWriterPut], ownership: "ObjectWriter")])
  #expect(F.findings(inventory, rule: .objectOwnership).isEmpty)
}

private let keyArn = "arn:aws:kms:eu-west-1:222222222222:key/1234abcd"

private func kmsInventory(keyPolicy: [Statement], writerIdentity: [Statement], keyId: String? = keyArn)
  -> Inventory
{
  let key = KMSKey(
    id: "1234abcd", arn: keyArn, account: F.ownerAccount, policy: F.document("key policy", keyPolicy),
    manager: "CUSTOMER")
  let writer = F.role(
    F.callerRole,
    identity: [F.statement(["s3:PutObject"], resources: ["arn:aws:s3:::drop/*"])] + writerIdentity)
  let bucket = F.bucket(
    "drop", policy: [letWriterPut], encryption: BucketEncryption(algorithm: "aws:kms", kmsKeyId: keyId))
  return F.inventory(callerRoles: [writer], buckets: [bucket], keys: [key])
}

@Test func kmsKeyPolicyMustAllowTheCrossAccountWriter() throws {
  let ownerOnly = F.statement(["kms:*"], resources: ["*"], principals: [.account(id: F.ownerAccount)])
  let finding = try #require(
    F.findings(kmsInventory(keyPolicy: [ownerOnly], writerIdentity: []), rule: .kmsWriter).first)
  #expect(finding.message.contains("key policy does not allow kms:GenerateDataKey"))
  #expect(finding.fix.contains("Key owner 222222222222"))
}

@Test func kmsWriterNeedsItsOwnIdentityGrant() {
  let both = [
    F.statement(["kms:*"], resources: ["*"], principals: [.account(id: F.ownerAccount)]),
    F.statement(
      ["kms:GenerateDataKey", "kms:Decrypt"], resources: ["*"], principals: [.account(id: F.callerAccount)]),
  ]
  let identity = F.statement(["kms:GenerateDataKey*"], resources: [keyArn])
  #expect(
    F.findings(kmsInventory(keyPolicy: both, writerIdentity: []), rule: .kmsWriter).first?.message.contains(
      "identity policy does not allow") == true)
  #expect(F.findings(kmsInventory(keyPolicy: both, writerIdentity: [identity]), rule: .kmsWriter).isEmpty)
  #expect(
    F.findings(kmsInventory(keyPolicy: both, writerIdentity: [identity], keyId: "1234abcd"), rule: .kmsWriter)
      .isEmpty)
}

@Test func awsManagedKeyNeverWorksAcrossAccounts() {
  let findings = F.findings(kmsInventory(keyPolicy: [], writerIdentity: [], keyId: nil), rule: .kmsWriter)
  #expect(findings.count == 1)
  #expect(findings.first?.message.contains("AWS managed key alias/aws/s3") == true)
}

@Test func publicBucketGrantSeverityFollowsActionsAndBlockPublicAccess() {
  func severities(_ actions: [String], _ conditions: [Condition] = [], block: PublicAccessBlock? = nil)
    -> [FindingSeverity]
  {
    let grant = F.statement(
      actions, resources: ["arn:aws:s3:::web/*"], principals: [.everyone], conditions: conditions)
    return F.findings(
      F.inventory(buckets: [F.bucket("web", policy: [grant], block: block)]), rule: .publicPolicy
    ).map(\.severity)
  }
  #expect(severities(["s3:GetObject"]) == [.high])
  #expect(severities(["s3:*"]) == [.critical])
  #expect(severities(["s3:GetObject"], [F.condition(.stringEquals, "aws:PrincipalOrgID", ["o-abc"])]).isEmpty)
  #expect(
    severities(
      ["s3:GetObject"], [F.condition(.stringEquals, "aws:PrincipalOrgID", ["o-abc"], ifExists: true)]) == [
        .high
      ])
  #expect(severities(["s3:GetObject"], [F.condition(.bool, "aws:SecureTransport", ["true"])]) == [.high])
  let restricted = PublicAccessBlock(
    blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: true)
  #expect(severities(["s3:*"], block: restricted) == [.low])
}

@Test func publicTrustIsCritical() {
  let trust = F.statement(["sts:AssumeRole"], principals: [.everyone])
  let findings = F.findings(
    F.inventory(ownerRoles: [F.role(F.ownerRole, trust: [trust])]), rule: .publicPolicy)
  #expect(findings.map(\.severity) == [.critical])
}

@Test func publicACLCountsOnlyWhileACLsApply() {
  let allUsers = ACLGrant(
    granteeType: "Group", grantee: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "READ")
  let open = F.inventory(buckets: [F.bucket("web", ownership: "ObjectWriter", acl: [allUsers])])
  #expect(F.findings(open, rule: .publicACL).map(\.severity) == [.high])
  let enforced = F.inventory(buckets: [F.bucket("web", ownership: "BucketOwnerEnforced", acl: [allUsers])])
  #expect(F.findings(enforced, rule: .publicACL).isEmpty)
}

@Test func findingsComeMostSevereFirst() {
  let publicTrust = F.statement(["sts:AssumeRole"], principals: [.everyone])
  let service = F.statement(["sts:AssumeRole"], principals: [.service("codebuild.amazonaws.com")])
  let inventory = F.inventory(ownerRoles: [F.role(F.ownerRole, trust: [service, publicTrust])])
  let severities = GapAnalysis.findings(in: inventory).map(\.severity)
  #expect(severities == severities.sorted(by: >))
  #expect(severities.first == .critical)
  #expect(severities.last == .low)
}

@Test func danglingPrincipalNamedTwiceIsOneFindingWithBothStatements() {
  let typo = PrincipalReference.role(arn: "arn:aws:iam::111111111111:role/Deplyer", account: F.callerAccount)
  let policy = [
    F.statement(["s3:GetObject"], resources: ["arn:aws:s3:::data/*"], principals: [typo], sid: "Objects"),
    F.statement(["s3:ListBucket"], resources: ["arn:aws:s3:::data"], principals: [typo], sid: "List"),
  ]
  let inventory = F.inventory(
    callerRoles: [F.role(F.callerRole)], buckets: [F.bucket("data", policy: policy)])
  let findings = F.findings(inventory, rule: .danglingArn)
  #expect(findings.count == 1)
  #expect(findings.first?.evidence.map(\.sid) == ["Objects", "List"])
}

@Test func objectActionsOnABucketArnGrantNothing() throws {
  let noSlash = F.statement(
    ["s3:GetObject", "s3:PutObject"], resources: ["arn:aws:s3:::data"], sid: "NoSlash")
  let fine = [
    F.statement(["s3:GetObject"], resources: ["arn:aws:s3:::data/*"]),
    F.statement(["s3:Get*"], resources: ["arn:aws:s3:::data"]),
    F.statement(["s3:ListBucket"], resources: ["arn:aws:s3:::data"]),
    F.statement(["s3:GetObject"], resources: ["arn:aws:s3:::data*"]),
  ]
  let inventory = F.inventory(callerRoles: [F.role(F.callerRole, identity: [noSlash] + fine)])
  let finding = try #require(F.findings(inventory, rule: .objectActionsOnBucket).first)
  #expect(F.findings(inventory, rule: .objectActionsOnBucket).count == 1)
  #expect(finding.evidence.map(\.sid) == ["NoSlash"])
  #expect(finding.fix.contains("arn:aws:s3:::data/*"))
}

@Test func accountsWithoutIAMExportAreNotJudgedForMissingPrincipals() {
  let grant = F.statement(
    ["s3:GetObject"], resources: ["arn:aws:s3:::data/*"],
    principals: [.role(arn: "arn:aws:iam::111111111111:role/Unknown", account: F.callerAccount)])
  let inventory = F.inventory(buckets: [F.bucket("data", policy: [grant])])
  #expect(GapAnalysis.findings(in: inventory).isEmpty)
}
