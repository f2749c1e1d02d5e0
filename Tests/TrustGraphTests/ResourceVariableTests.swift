import Inventory
import PolicyLanguage
import Testing

@testable import TrustGraph

/// Resource patterns with policy variables (the home-folder and team-prefix idioms) are answered
/// for each caller: the user's own folder is covered, another's is not; an unknowable value (a role
/// session's `aws:userid`) leaves the grant conditional, never dropped.
private let account = "111111111111"

private func whoCan(_ inventory: Inventory, _ target: String) -> [String: WhoCanEntry] {
  let result = TrustGraph.build(inventory).whoCan(QueryTarget(target)!, actions: ["s3:GetObject"])
  return Dictionary(result.principals.map { ($0.principal, $0) }, uniquingKeysWith: { first, _ in first })
}

private func bucket(_ name: String, policy: PolicyDocument? = nil) -> Bucket {
  Bucket(name: name, account: account, policy: policy, objectOwnership: "BucketOwnerEnforced")
}

@Test func homeFolderOfTheUserIsCoveredAndNoOtherOne() {
  let gina = Fixtures.user(
    account, "gina",
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/home/${aws:username}/*""#)])
  let inventory = Inventory(accounts: [Account(id: account, users: [gina], buckets: [bucket("data")])])
  #expect(whoCan(inventory, "s3://data/home/gina/")[gina.arn]?.coverage == .all)
  #expect(whoCan(inventory, "s3://data/home/gina/")[gina.arn]?.patterns == ["arn:aws:s3:::data/home/gina/*"])
  #expect(whoCan(inventory, "s3://data/home/")[gina.arn]?.coverage == .some)
  #expect(whoCan(inventory, "s3://data/home/other/")[gina.arn] == nil)
}

@Test func teamPrefixFollowsThePrincipalTag() {
  let role = Role(
    arn: "arn:aws:iam::\(account):role/TagRole", name: "TagRole", id: "AROATAGROLE",
    trustPolicy: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    inlinePolicies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::teams/${aws:PrincipalTag/team}/*""#)],
    tags: ["team": "red"])
  let inventory = Inventory(accounts: [Account(id: account, roles: [role], buckets: [bucket("teams")])])
  #expect(whoCan(inventory, "s3://teams/red/")[role.arn]?.coverage == .all)
  #expect(whoCan(inventory, "s3://teams/blue/")[role.arn] == nil)
}

@Test func roleSessionUserIdInAResourceIsConditional() {
  let role = Fixtures.role(
    account, "UidRole", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::uids/${aws:userid}/*""#)])
  let inventory = Inventory(accounts: [Account(id: account, roles: [role], buckets: [bucket("uids")])])
  let found = whoCan(inventory, "s3://uids/")[role.arn]
  #expect(found != nil, "never dropped")
  #expect(found?.conditional == true)
}

@Test func denyWithAVariableCutsOnlyWhereItApplies() {
  let bob = Fixtures.user(account, "bob", policies: [Fixtures.allow(#""s3:*""#, #""*""#)])
  let statements =
    #"[{"Sid":"OwnTeamOnly","Effect":"Deny","Principal":"*","Action":"s3:GetObject","NotResource":"arn:aws:s3:::tagged/${aws:username}/*"}]"#
  let inventory = Inventory(accounts: [
    Account(
      id: account, users: [bob],
      buckets: [bucket("tagged", policy: Fixtures.bucketPolicy("tagged", statements))])
  ])
  #expect(whoCan(inventory, "s3://tagged/bob/")[bob.arn]?.coverage == .all)
  #expect(whoCan(inventory, "s3://tagged/bob/")[bob.arn]?.excluded == [])
  #expect(whoCan(inventory, "s3://tagged/alice/")[bob.arn] == nil)
}

/// In the bucket's account, a statement naming everyone needs nothing else (aws-authorization.md §2
/// step 4): a role whose boundary allows no S3 is still let in; named by its role ARN, it is not.
@Test(arguments: [(#""*""#, true), (#"{"AWS":"arn:aws:iam::111111111111:role/Bounded"}"#, false)])
func boundaryLimitsARoleOnlyWhenTheBucketNamesTheRole(principal: String, listed: Bool) {
  var bounded = Fixtures.role(account, "Bounded", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#))
  bounded.permissionsBoundaryArn = "arn:aws:iam::\(account):policy/NoS3"
  let noS3 = ManagedPolicy(
    arn: "arn:aws:iam::\(account):policy/NoS3", name: "NoS3",
    document: Fixtures.allow(#""ec2:*""#, #""*""#, name: "NoS3"))
  let statements =
    #"[{"Sid":"Open","Effect":"Allow","Principal":\#(principal),"Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}]"#
  let inventory = Inventory(accounts: [
    Account(
      id: account, roles: [bounded], managedPolicies: [noS3],
      buckets: [bucket("shared", policy: Fixtures.bucketPolicy("shared", statements))])
  ])
  #expect((whoCan(inventory, "s3://shared/")[bounded.arn] != nil) == listed)
}
