import Inventory
import PolicyLanguage
import Testing

@testable import TrustGraph

private let a = "111111111111"
private let b = "222222222222"

private func reader(_ account: String, grants: [PolicyDocument], boundary: String? = nil) -> Role {
  var role = Fixtures.role(
    account, "Reader", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#), policies: grants)
  role.permissionsBoundaryArn = boundary
  return role
}

private func bucket(
  _ name: String, owner: String, naming principal: String?, encryption: BucketEncryption? = nil
)
  -> Bucket
{
  let policy = principal.map {
    Fixtures.bucketPolicy(
      name,
      #"[{"Sid":"Grant","Effect":"Allow","Principal":{"AWS":"\#($0)"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::\#(name)/*"}]"#
    )
  }
  return Bucket(
    name: name, account: owner, policy: policy, objectOwnership: "BucketOwnerEnforced", encryption: encryption
  )
}

private func readers(_ inventory: Inventory, _ target: String = "s3://data/") -> [String] {
  TrustGraph.build(inventory).whoCan(QueryTarget(target)!, actions: ["s3:GetObject"], directOnly: true)
    .principals.map(
      \.principal)
}

@Test func crossAccountNeedsBothSides() {
  let grant = Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)
  let role = reader(a, grants: [grant])
  let bare = reader(a, grants: [])
  #expect(
    readers(
      Inventory(accounts: [
        Account(id: a, roles: [role]), Account(id: b, buckets: [bucket("data", owner: b, naming: nil)]),
      ])
    ).isEmpty)
  #expect(
    readers(
      Inventory(accounts: [
        Account(id: a, roles: [bare]), Account(id: b, buckets: [bucket("data", owner: b, naming: bare.arn)]),
      ])
    ).isEmpty)
  #expect(
    readers(
      Inventory(accounts: [
        Account(id: a, roles: [role]), Account(id: b, buckets: [bucket("data", owner: b, naming: role.arn)]),
      ])) == [role.arn])
  #expect(
    readers(
      Inventory(accounts: [
        Account(id: a, roles: [role]), Account(id: b, buckets: [bucket("data", owner: b, naming: a)]),
      ])) == [role.arn],
    "a bucket naming the account lets the account's own grants through")
}

@Test func sameAccountUserGrantNeedsNeitherIdentityNorBoundary() throws {
  var user = Fixtures.user(a, "builder")
  user.permissionsBoundaryArn = "arn:aws:iam::\(a):policy/NoS3"
  let boundary = ManagedPolicy(
    arn: "arn:aws:iam::\(a):policy/NoS3", name: "NoS3",
    document: Fixtures.allow(#""sts:AssumeRole""#, #""*""#, name: "NoS3"))
  let inventory = Inventory(accounts: [
    Account(
      id: a, users: [user], managedPolicies: [boundary], buckets: [bucket("data", owner: a, naming: user.arn)]
    )
  ])
  let result = TrustGraph.build(inventory).whoCan(QueryTarget("s3://data/")!, actions: ["s3:GetObject"])
  let entry = try #require(result.principals.first)
  #expect(entry.principal == user.arn)
  #expect(entry.coverage == .all)
  #expect(!entry.conditional)
}

@Test func serviceControlPolicyDenyRemovesAccess() {
  let role = reader(a, grants: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)])
  let full = Fixtures.policy(
    #"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#, name: "FullAWSAccess",
    kind: .serviceControl)
  let deny = Fixtures.policy(
    #"{"Statement":[{"Sid":"NoS3","Effect":"Deny","Action":"s3:*","Resource":"*"}]}"#, name: "DenyS3",
    kind: .serviceControl)
  func organization(_ extra: [OrganizationPolicy]) -> Organization {
    Organization(
      id: "o-test", managementAccountId: "999999999999", rootId: "r-1",
      accounts: [OrganizationAccount(id: a, name: "a", parentId: "r-1")],
      policies: [
        OrganizationPolicy(
          id: "p-full", name: "FullAWSAccess", kind: .serviceControl, document: full, targetIds: ["r-1", a])
      ] + extra)
  }
  let accounts = [Account(id: a, roles: [role], buckets: [bucket("data", owner: a, naming: nil)])]
  #expect(readers(Inventory(accounts: accounts, organization: organization([]))) == [role.arn])
  let denied = OrganizationPolicy(
    id: "p-deny", name: "DenyS3", kind: .serviceControl, document: deny, targetIds: [a])
  #expect(readers(Inventory(accounts: accounts, organization: organization([denied]))).isEmpty)
}

@Test func kmsKeyOutsideTheSnapshotMakesAccessConditionalAndAKeyThatSaysNoBlocksIt() throws {
  let role = reader(
    a,
    grants: [
      Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#),
      Fixtures.allow(#""kms:Decrypt""#, #""*""#, sid: "Decrypt"),
    ])
  let keyArn = "arn:aws:kms:us-east-1:\(b):key/k1"
  let missing = Inventory(accounts: [
    Account(id: a, roles: [role]),
    Account(
      id: b,
      buckets: [
        bucket(
          "data", owner: b, naming: role.arn,
          encryption: BucketEncryption(algorithm: "aws:kms", kmsKeyId: keyArn))
      ]),
  ])
  let conditional = TrustGraph.build(missing).whoCan(QueryTarget("s3://data/")!, actions: ["s3:GetObject"])
  let entry = try #require(conditional.principals.first)
  #expect(entry.access.first?.kms?.status == .keyNotInSnapshot)
  #expect(entry.access.first?.outcome == .conditional)

  let keyPolicy = Fixtures.policy(
    #"{"Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\#(b):root"},"Action":"kms:*","Resource":"*"}]}"#,
    name: "key policy", kind: .keyPolicy)
  var withKey = missing
  withKey.accounts[1].keys = [
    KMSKey(id: "k1", arn: keyArn, account: b, policy: keyPolicy, manager: "CUSTOMER")
  ]
  let blocked = TrustGraph.build(withKey).whoCan(QueryTarget("s3://data/")!, actions: ["s3:GetObject"])
  #expect(blocked.principals.isEmpty)
  #expect(blocked.blocked.map(\.principal) == [role.arn, "ec2.amazonaws.com"])
  #expect(blocked.blocked.first?.kms.action == "kms:Decrypt")
}

@Test func restrictPublicBucketsCutsCrossAccountAndAnonymousAccess() {
  let role = reader(a, grants: [Fixtures.allow(#""s3:GetObject""#, #""*""#)])
  let local = reader(b, grants: [Fixtures.allow(#""s3:GetObject""#, #""*""#)])
  var site = Bucket(
    name: "site", account: b,
    policy: Fixtures.bucketPolicy(
      "site",
      #"[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::site/*"}]"#))
  let open = Inventory(accounts: [
    Account(id: a, roles: [role]), Account(id: b, roles: [local], buckets: [site]),
  ])
  #expect(Set(readers(open, "s3://site/")) == ["*", role.arn, local.arn])
  site.publicAccessBlock = PublicAccessBlock(
    blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: true)
  let restricted = Inventory(accounts: [
    Account(id: a, roles: [role]), Account(id: b, roles: [local], buckets: [site]),
  ])
  #expect(readers(restricted, "s3://site/") == [local.arn])
}

@Test func explainNamesTheTrustSideWhenTheRoleDoesNotTrustTheCaller() throws {
  let target = Fixtures.role(
    b, "Target", trust: Fixtures.trust(#"{"AWS":"arn:aws:iam::\#(b):root"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)])
  let caller = Fixtures.role(
    a, "Caller", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""sts:AssumeRole""#, #""\#(target.arn)""#)])
  let inventory = Inventory(accounts: [
    Account(id: a, roles: [caller]),
    Account(id: b, roles: [target], buckets: [bucket("data", owner: b, naming: nil)]),
  ])
  let explanation = TrustGraph.build(inventory).explain(
    principal: caller.arn, target: QueryTarget("s3://data/x")!, actions: ["s3:GetObject"])
  #expect(explanation.outcome == .implicitDeny)
  let chain = try #require(explanation.chains.first { $0.nodes == [caller.arn, target.arn] })
  #expect(chain.failingHop == 1)
  let hop = try #require(chain.hops.last)
  #expect(hop.failingLayers == [.trust])
  #expect(
    hop.fixes == [
      "role owner \(b) must allow \(caller.arn) (sts:AssumeRole on \(target.arn)) in the trust policy of \(target.arn)"
    ])
}

@Test func aclGrantsOpenTheBucketUnlessOwnershipOrBlockPublicAccessTurnsThemOff() {
  let writer = reader(a, grants: [Fixtures.allow(#""s3:PutObject""#, #""arn:aws:s3:::legacy/*""#)])
  var legacy = Bucket(
    name: "legacy", account: b, objectOwnership: "ObjectWriter",
    aclGrants: [
      ACLGrant(granteeType: "CanonicalUser", grantee: "canonical-a", permission: "WRITE"),
      ACLGrant(
        granteeType: "Group", grantee: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "READ"),
    ])
  func answer(_ bucket: Bucket, _ action: String) -> [String] {
    let inventory = Inventory(accounts: [
      Account(id: a, roles: [writer], canonicalUserId: "canonical-a"), Account(id: b, buckets: [bucket]),
    ])
    return TrustGraph.build(inventory).whoCan(
      QueryTarget("s3://legacy/")!, actions: [action], directOnly: true
    )
    .principals.map(\.principal)
  }
  #expect(answer(legacy, "s3:PutObject") == [writer.arn])
  #expect(answer(legacy, "s3:ListBucket") == ["*"])
  legacy.publicAccessBlock = PublicAccessBlock(
    blockPublicAcls: false, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: false)
  #expect(answer(legacy, "s3:ListBucket").isEmpty)
  #expect(answer(legacy, "s3:PutObject") == [writer.arn])
  legacy.objectOwnership = "BucketOwnerEnforced"
  #expect(answer(legacy, "s3:PutObject").isEmpty)
}

@Test func attachedPolicyMissingFromTheSnapshotMakesAccessConditionalNotAbsent() throws {
  var role = reader(a, grants: [])
  role.attachedPolicyArns = ["arn:aws:iam::aws:policy/SomethingNotExported"]
  let inventory = Inventory(accounts: [
    Account(id: a, roles: [role], buckets: [bucket("data", owner: a, naming: nil)])
  ])
  let result = TrustGraph.build(inventory).whoCan(QueryTarget("s3://data/")!, actions: ["s3:GetObject"])
  let entry = try #require(result.principals.first)
  #expect(entry.principal == role.arn)
  #expect(entry.conditional)
  #expect(entry.conditions.map(\.key) == ["trustwalk:PolicyDocumentOf"])
  #expect(entry.conditions.first?.values == ["arn:aws:iam::aws:policy/SomethingNotExported"])
}
