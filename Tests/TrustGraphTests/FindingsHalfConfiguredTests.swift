import Foundation
import Inventory
import PolicyLanguage
import Testing

@testable import TrustGraph

private typealias F = Fixture

private let readsBucket = F.statement(["s3:GetObject"], resources: ["arn:aws:s3:::data/*"], sid: "ReadData")

@Test func identityGrantWithoutBucketPolicyIsHalfConfigured() throws {
  let inventory = F.inventory(
    callerRoles: [F.role(F.callerRole, identity: [readsBucket])], buckets: [F.bucket("data")])
  let finding = try #require(F.findings(inventory, rule: .identityOnly).first)
  #expect(finding.severity == .medium)
  #expect(finding.principals == [F.callerRole])
  #expect(finding.accounts == [F.ownerAccount, F.callerAccount])
  #expect(finding.evidence.map(\.sid) == ["ReadData"])
  #expect(finding.evidence.first?.location?.line == 3)
  #expect(
    finding.fix.contains(
      "Bucket owner 222222222222 must allow \(F.callerRole) (s3:GetObject on arn:aws:s3:::data/*) in the bucket policy of data"
    ))
}

@Test(arguments: [
  ([PrincipalReference.role(arn: F.callerRole, account: F.callerAccount)], ["s3:GetObject"], false),
  ([.account(id: F.callerAccount)], ["s3:Get*"], false),
  ([.everyone], ["s3:*"], false),
  ([.role(arn: F.callerRole, account: F.callerAccount)], ["s3:PutObject"], true),
  ([.account(id: "333333333333")], ["s3:GetObject"], true),
])
func bucketPolicyMustNameTheCallerForTheGrantedAction(
  principals: [PrincipalReference], actions: [String], expectFinding: Bool
) {
  let bucketPolicy = F.statement(actions, resources: ["arn:aws:s3:::data/*"], principals: principals)
  let inventory = F.inventory(
    callerRoles: [F.role(F.callerRole, identity: [readsBucket])],
    buckets: [F.bucket("data", policy: [bucketPolicy])])
  #expect(F.findings(inventory, rule: .identityOnly).isEmpty != expectFinding)
}

@Test func sameAccountGrantsAreNotHalfConfigured() {
  let local = F.role("arn:aws:iam::222222222222:role/Local", identity: [readsBucket])
  let inventory = F.inventory(ownerRoles: [local], buckets: [F.bucket("data")])
  #expect(F.findings(inventory, rule: .identityOnly).isEmpty)
}

@Test func assumeRoleGrantWithoutTrustIsHalfConfigured() {
  let assume = F.statement(["sts:AssumeRole"], resources: [F.ownerRole])
  let strangerTrust = F.statement(
    ["sts:AssumeRole"],
    principals: [.role(arn: "arn:aws:iam::111111111111:role/Other", account: F.callerAccount)])
  let trusting = F.statement(["sts:AssumeRole"], principals: [.account(id: F.callerAccount)])
  let broken = F.inventory(
    callerRoles: [F.role(F.callerRole, identity: [assume])],
    ownerRoles: [F.role(F.ownerRole, trust: [strangerTrust])])
  let working = F.inventory(
    callerRoles: [F.role(F.callerRole, identity: [assume])],
    ownerRoles: [F.role(F.ownerRole, trust: [trusting])])
  #expect(F.findings(broken, rule: .identityOnly).map(\.resources) == [[F.ownerRole]])
  #expect(F.findings(working, rule: .identityOnly).isEmpty)
}

@Test func bucketPolicyNamingAnUnusingRoleIsHalfConfigured() throws {
  let grant = F.statement(
    ["s3:GetObject"], resources: ["arn:aws:s3:::data/*"],
    principals: [.role(arn: F.callerRole, account: F.callerAccount)], sid: "LetDeployerRead")
  let unused = F.inventory(callerRoles: [F.role(F.callerRole)], buckets: [F.bucket("data", policy: [grant])])
  let finding = try #require(F.findings(unused, rule: .resourceOnly).first)
  #expect(finding.severity == .medium)
  #expect(finding.evidence.map(\.sid) == ["LetDeployerRead"])
  let broad = F.statement(["s3:*"], resources: ["*"])
  let used = F.inventory(
    callerRoles: [F.role(F.callerRole, identity: [broad])], buckets: [F.bucket("data", policy: [grant])])
  #expect(F.findings(used, rule: .resourceOnly).isEmpty)
}

@Test func bucketPolicyNamingAnAccountNobodyUsesIsLow() throws {
  let grant = F.statement(
    ["s3:GetObject"], resources: ["arn:aws:s3:::data/*"], principals: [.account(id: F.callerAccount)])
  let unused = F.inventory(callerRoles: [F.role(F.callerRole)], buckets: [F.bucket("data", policy: [grant])])
  #expect(F.findings(unused, rule: .resourceOnly).map(\.severity) == [.low])
  let used = F.inventory(
    callerRoles: [F.role(F.callerRole, identity: [readsBucket])], buckets: [F.bucket("data", policy: [grant])]
  )
  #expect(F.findings(used, rule: .resourceOnly).isEmpty)
}

@Test func trustNamingARoleWithoutAssumeRoleGrantIsHalfConfigured() {
  let trust = F.statement(
    ["sts:AssumeRole"], principals: [.role(arn: F.callerRole, account: F.callerAccount)])
  let unused = F.inventory(
    callerRoles: [F.role(F.callerRole)], ownerRoles: [F.role(F.ownerRole, trust: [trust])])
  #expect(F.findings(unused, rule: .resourceOnly).map(\.resources) == [[F.ownerRole]])
  let assumeAny = F.statement(["sts:AssumeRole"], resources: ["*"])
  let used = F.inventory(
    callerRoles: [F.role(F.callerRole, identity: [assumeAny])],
    ownerRoles: [F.role(F.ownerRole, trust: [trust])])
  #expect(F.findings(used, rule: .resourceOnly).isEmpty)
}

@Test func principalsOutsideTheSnapshotAreNotJudged() {
  let grant = F.statement(
    ["s3:GetObject"], resources: ["arn:aws:s3:::data/*"],
    principals: [.role(arn: "arn:aws:iam::999999999999:role/X", account: "999999999999")])
  let inventory = F.inventory(buckets: [F.bucket("data", policy: [grant])])
  #expect(F.findings(inventory, rule: .resourceOnly).isEmpty)
}

@Test func bucketConditionsOnKnownPrincipalKeysAreEvaluated() {
  func findings(_ condition: Condition, organization: Organization? = nil) -> [Finding] {
    let bucketPolicy = F.statement(
      ["s3:GetObject"], resources: ["arn:aws:s3:::data/*"], principals: [.account(id: F.callerAccount)],
      conditions: [condition])
    let inventory = F.inventory(
      callerRoles: [F.role(F.callerRole, identity: [readsBucket])],
      buckets: [F.bucket("data", policy: [bucketPolicy])],
      organization: organization)
    return F.findings(inventory, rule: .identityOnly)
  }
  let otherRole = F.condition(.arnEquals, "aws:PrincipalArn", ["arn:aws:iam::111111111111:role/Other"])
  let thisRole = F.condition(.arnEquals, "aws:PrincipalArn", [F.callerRole])
  let unknownKey = F.condition(.bool, "aws:SecureTransport", ["true"])
  #expect(findings(otherRole).count == 1)
  #expect(findings(thisRole).isEmpty)
  #expect(findings(unknownKey).isEmpty, "an undecidable condition may hold: not half-configured")
  let inOrganization = F.condition(.stringEquals, "aws:PrincipalOrgID", ["o-abc"])
  let member = Organization(
    id: "o-abc", accounts: [OrganizationAccount(id: F.callerAccount, name: "a", parentId: nil)])
  let stranger = Organization(
    id: "o-abc", accounts: [OrganizationAccount(id: F.ownerAccount, name: "b", parentId: nil)])
  #expect(findings(inOrganization, organization: member).isEmpty)
  #expect(findings(inOrganization, organization: stranger).count == 1)
  #expect(findings(inOrganization).isEmpty, "without organization data the key is unknown")
}

/// An ACL in force that grants the caller's account (or everyone) answers the identity grant: not
/// half-configured. Under BucketOwnerEnforced the ACL is off, and IgnorePublicAcls voids public grants.
@Test(arguments: [
  ("ObjectWriter", "CanonicalUser", "caller-canonical-id", nil as PublicAccessBlock?, false),
  ("ObjectWriter", "Group", "http://acs.amazonaws.com/groups/global/AllUsers", nil, false),
  (
    "ObjectWriter", "Group", "http://acs.amazonaws.com/groups/global/AllUsers",
    PublicAccessBlock(
      blockPublicAcls: false, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false),
    true
  ),
  ("BucketOwnerEnforced", "CanonicalUser", "caller-canonical-id", nil, true),
  ("ObjectWriter", "CanonicalUser", "someone-else", nil, true),
])
func aclGrantToTheCallerAnswersTheIdentityGrant(
  ownership: String, granteeType: String, grantee: String, block: PublicAccessBlock?, expectFinding: Bool
) {
  let bucket = F.bucket(
    "data", ownership: ownership,
    acl: [ACLGrant(granteeType: granteeType, grantee: grantee, permission: "READ")],
    block: block)
  let inventory = Inventory(
    accounts: [
      Account(
        id: F.callerAccount, roles: [F.role(F.callerRole, identity: [readsBucket])],
        canonicalUserId: "caller-canonical-id"),
      Account(id: F.ownerAccount, buckets: [bucket]),
    ], root: "snapshot")
  #expect(F.findings(inventory, rule: .identityOnly).isEmpty != expectFinding)
}

/// A rule whose findings come at other severities than its default says how it chooses them
/// (`gaps --help` prints it).
@Test func everySeverityOtherThanTheDefaultIsExplainedByItsRule() throws {
  let sampleData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("SampleData")
  var varying = Set<String>()
  for scenario in SnapshotLoader.snapshotFolders(in: sampleData.path) {
    for finding in GapAnalysis.findings(in: try SnapshotLoader.load(path: scenario))
    where finding.severity != finding.rule.defaultSeverity {
      varying.insert(finding.rule.id)
      #expect(finding.rule.severityRule != nil, "\(finding.rule.id) at \(finding.severity)")
    }
  }
  #expect(!varying.isEmpty)
}
