import Inventory
import PolicyLanguage
import Testing

@testable import TrustGraph

private let tools = "111111111111"
private let dev = "222222222222"

/// A role with no grant of its own, trusted by Lambda.
private func bareRole(_ account: String, _ name: String) -> Role {
  Fixtures.role(account, name, trust: Fixtures.trust(#"{"Service":"lambda.amazonaws.com"}"#))
}

private func bucket(_ statements: String) -> Bucket {
  Bucket(
    name: "data", account: dev, policy: Fixtures.bucketPolicy("data", statements),
    objectOwnership: "BucketOwnerEnforced")
}

private func whoCan(_ inventory: Inventory, action: String = "s3:GetObject") -> WhoCanResult {
  TrustGraph.build(inventory).whoCan(QueryTarget("s3://data/")!, actions: [action])
}

private func entry(_ result: WhoCanResult, _ principal: String) -> WhoCanEntry? {
  result.principals.first { $0.principal == principal }
}

@Test func starNarrowedToTheOwnAccountLetsEverySameAccountPrincipalIn() {
  let own = bareRole(dev, "app-role")
  let other = bareRole(tools, "tools-role")
  let statement =
    #"[{"Sid":"OwnAccount","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*","Condition":{"StringEquals":{"aws:PrincipalAccount":"\#(dev)"}}}]"#
  let result = whoCan(
    Inventory(accounts: [
      Account(id: tools, roles: [other]), Account(id: dev, roles: [own], buckets: [bucket(statement)]),
    ]))
  #expect(entry(result, own.arn)?.conditional == false)
  #expect(entry(result, own.arn)?.isDirect == true)
  // The service that can launch the role reaches the bucket through it.
  #expect(entry(result, "lambda.amazonaws.com")?.chains.first == ["lambda.amazonaws.com", own.arn])
  // Another account needs an identity grant too; anonymous callers have no account.
  #expect(entry(result, other.arn) == nil)
  #expect(entry(result, "*") == nil)
}

@Test func publicStatementListsSameAccountPrincipalsAndAnonymous() {
  let own = bareRole(dev, "app-role")
  let statement =
    #"[{"Sid":"Public","Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]"#
  let result = whoCan(Inventory(accounts: [Account(id: dev, roles: [own], buckets: [bucket(statement)])]))
  #expect(entry(result, own.arn) != nil)
  #expect(entry(result, "*") != nil)
}

@Test func starPinnedToAnotherAccountLeavesTheOwnAccountOut() {
  let own = bareRole(dev, "app-role")
  let statement =
    #"[{"Sid":"Other","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*","Condition":{"StringEquals":{"aws:PrincipalAccount":"\#(tools)"}}}]"#
  let result = whoCan(Inventory(accounts: [Account(id: dev, roles: [own], buckets: [bucket(statement)])]))
  #expect(entry(result, own.arn) == nil)
}

@Test func sessionArnMakesTheRoleConditionalOnTheSessionName() {
  let builder = Fixtures.role(
    tools, "BuildRole", trust: Fixtures.trust(#"{"AWS":"arn:aws:iam::\#(tools):user/dana"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)])
  let dana = Fixtures.user(
    tools, "dana", policies: [Fixtures.allow(#""sts:AssumeRole""#, #""\#(builder.arn)""#)])
  let statement =
    #"[{"Sid":"Session","Effect":"Allow","Principal":{"AWS":"arn:aws:sts::\#(tools):assumed-role/BuildRole/build-1"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]"#
  let result = whoCan(
    Inventory(accounts: [
      Account(id: tools, users: [dana], roles: [builder]), Account(id: dev, buckets: [bucket(statement)]),
    ]))
  let session = HopCondition(hop: 0, key: "sts:RoleSessionName", op: "StringEquals", values: ["build-1"])
  #expect(entry(result, builder.arn)?.conditional == true)
  #expect(entry(result, builder.arn)?.conditions == [session])
  #expect(entry(result, dana.arn)?.chains.first == [dana.arn, builder.arn])
  #expect(entry(result, dana.arn)?.conditions.contains(session) == true)
}

@Test func unreadableSCPMakesTheAnswerConditionalInsteadOfEmpty() {
  let writer = Fixtures.role(
    dev, "Writer", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)])
  let organization = Organization(
    id: "o-test", managementAccountId: "999999999999", rootId: "r-root",
    accounts: [OrganizationAccount(id: dev, name: "dev", parentId: "r-root")],
    policies: [
      OrganizationPolicy(
        id: "p-FullAWSAccess", name: "p-FullAWSAccess", kind: .serviceControl, document: nil,
        targetIds: ["r-root", dev])
    ])
  let data = Bucket(name: "data", account: dev, objectOwnership: "BucketOwnerEnforced")
  let result = whoCan(
    Inventory(accounts: [Account(id: dev, roles: [writer], buckets: [data])], organization: organization))
  let found = entry(result, writer.arn)
  #expect(found?.conditional == true)
  #expect(found?.conditions.map(\.values) == [["p-FullAWSAccess"], ["p-FullAWSAccess denies"]])
  #expect(found?.conditions.map(\.avoid) == [false, true])
  #expect(result.notes.contains { $0.hasPrefix("SCP p-FullAWSAccess could not be read") })
}

@Test func unreadableSCPBesideAReadableOneMayStillDeny() {
  let writer = Fixtures.role(
    dev, "Writer", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)])
  let fullAccess = Fixtures.policy(
    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    name: "FullAWSAccess")
  let organization = Organization(
    id: "o-test", managementAccountId: "999999999999", rootId: "r-root",
    accounts: [OrganizationAccount(id: dev, name: "dev", parentId: "r-root")],
    policies: [
      OrganizationPolicy(
        id: "p-full", name: "FullAWSAccess", kind: .serviceControl, document: fullAccess,
        targetIds: ["r-root", dev]),
      OrganizationPolicy(
        id: "p-guard", name: "guardrails", kind: .serviceControl, document: nil, targetIds: [dev]),
    ])
  let data = Bucket(name: "data", account: dev, objectOwnership: "BucketOwnerEnforced")
  let result = whoCan(
    Inventory(accounts: [Account(id: dev, roles: [writer], buckets: [data])], organization: organization))
  let found = entry(result, writer.arn)
  #expect(found?.conditional == true, "the unreadable SCP may deny what FullAWSAccess allows")
  #expect(found?.conditions.contains { $0.avoid && $0.values == ["p-guard denies"] } == true)
  #expect(result.notes.contains { $0.hasPrefix("SCP p-guard could not be read") })
}

@Test func accountWithUnreadableIAMKeepsTheNamedPrincipalsConditionally() {
  let named = "arn:aws:iam::\(tools):role/CodeBuildRole"
  let statement =
    #"[{"Sid":"Tools","Effect":"Allow","Principal":{"AWS":"\#(named)"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::data/*"}]"#
  let inventory = Inventory(accounts: [
    Account(id: tools, identityProblem: "the export could not be read"),
    Account(id: dev, buckets: [bucket(statement)]),
  ])
  let result = whoCan(inventory, action: "s3:PutObject")
  #expect(entry(result, named)?.conditional == true)
  #expect(entry(result, named)?.conditions.first?.values == ["identity policies of account \(tools)"])
  #expect(result.notes.contains { $0.hasPrefix("identity policies of account \(tools) could not be read") })
  let gaps = GapAnalysis.findings(in: inventory)
  #expect(!gaps.contains { $0.rule == .danglingArn })
}

@Test func partlyUnreadableBucketPolicyIsNoted() {
  var data = bucket(
    #"[{"Sid":"Other","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\#(tools):root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]"#
  )
  data.unrecordedSettings = [.policy]
  let result = whoCan(Inventory(accounts: [Account(id: dev, buckets: [data])]))
  #expect(
    result.notes.contains { $0.contains("bucket policy of data (or a statement of it) could not be read") })
}

@Test func keyPolicyGrantToEveryoneOfTheAccountListsItsPrincipals() {
  let own = bareRole(dev, "app-role")
  let keyArn = "arn:aws:kms:us-east-1:\(dev):key/1111"
  let policy = Fixtures.policy(
    #"{"Version":"2012-10-17","Statement":[{"Sid":"Account","Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"\#(dev)"}}}]}"#,
    name: "key policy", kind: .resource)
  let key = KMSKey(id: "1111", arn: keyArn, account: dev, policy: policy)
  let result = TrustGraph.build(Inventory(accounts: [Account(id: dev, roles: [own], keys: [key])]))
    .whoCan(QueryTarget(keyArn)!, actions: ["kms:Decrypt"])
  #expect(result.principals.contains { $0.principal == own.arn && !$0.conditional })
}

// MARK: Role sessions stand for every session name

/// A bucket policy that lets in one session of a role by `aws:userid` (`ROLEID:alice`): the role
/// may be assumed under that name, so it is listed, on that condition (a fixed session name would
/// hide it). `ROLEID:*` holds for every session: the role is then allowed outright.
@Test(arguments: [("AROAREADER:alice", true), ("AROAREADER:*", false)])
func userIdConditionOnASessionNameIsConditional(value: String, conditional: Bool) {
  let reader = Fixtures.role(
    dev, "Reader", trust: Fixtures.trust(#"{"AWS":"arn:aws:iam::\#(dev):root"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)])
  let statement =
    #"[{"Sid":"OneSession","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\#(dev):root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*","Condition":{"StringLike":{"aws:userid":"\#(value)"}}},{"Sid":"OthersOut","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*","Condition":{"StringNotLike":{"aws:userid":"\#(value)"}}}]"#
  let result = whoCan(Inventory(accounts: [Account(id: dev, roles: [reader], buckets: [bucket(statement)])]))
  let found = entry(result, reader.arn)
  #expect(found != nil, "the role is listed")
  #expect(found?.conditional == conditional)
  if conditional { #expect(found?.conditions.contains { $0.key.lowercased() == "aws:userid" } == true) }
}

/// Coverage `some` says what is not covered: the deny patterns that cut into the prefix.
@Test func partialCoverageNamesTheDenyThatCutsIt() {
  let reader = Fixtures.role(
    dev, "Reader", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)])
  let statement =
    #"[{"Sid":"Secret","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::data/builds/secret/*"}]"#
  let inventory = Inventory(accounts: [Account(id: dev, roles: [reader], buckets: [bucket(statement)])])
  let builds = TrustGraph.build(inventory).whoCan(
    QueryTarget("s3://data/builds/")!, actions: ["s3:GetObject"])
  let found = entry(builds, reader.arn)
  #expect(found?.coverage == .some)
  #expect(found?.patterns == ["arn:aws:s3:::data/*"])
  #expect(found?.excluded == ["arn:aws:s3:::data/builds/secret/*"])
  let other = TrustGraph.build(inventory).whoCan(QueryTarget("s3://data/logs/")!, actions: ["s3:GetObject"])
  #expect(entry(other, reader.arn)?.coverage == .all)
  #expect(entry(other, reader.arn)?.excluded == [])
}

/// A bucket policy that delegates to access points says that access through them is not modelled;
/// the bucket's own principals that their identity policy lets in are still listed.
@Test func accessPointDelegationIsNotedAndConditional() {
  let reader = Fixtures.role(
    dev, "Reader", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)])
  let statement =
    #"[{"Sid":"DelegateToAccessPoints","Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"arn:aws:s3:::data/*","Condition":{"StringEquals":{"s3:DataAccessPointAccount":"\#(dev)"}}}]"#
  let result = whoCan(Inventory(accounts: [Account(id: dev, roles: [reader], buckets: [bucket(statement)])]))
  #expect(result.notes.contains { $0.contains("delegates to access points (DelegateToAccessPoints)") })
  #expect(entry(result, reader.arn) != nil, "its identity policy alone lets it in (same account)")
  let plain = whoCan(Inventory(accounts: [Account(id: dev, roles: [reader], buckets: [bucket("[]")])]))
  #expect(!plain.notes.contains { $0.contains("access points") })
}

/// A bucket policy that could not be read may let anyone in and may deny anyone: a cross-account
/// caller its own policy allows is listed conditionally (not dropped), a same-account one
/// conditionally too, even under RestrictPublicBuckets (the policy may well be non-public).
@Test func unreadableBucketPolicyKeepsEveryPossibleReaderConditionally() {
  let outsider = Fixtures.role(
    tools, "Reader", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""*""#)])
  let insider = Fixtures.role(
    dev, "Local", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)])
  var data = Bucket(
    name: "data", account: dev, objectOwnership: "BucketOwnerEnforced",
    publicAccessBlock: PublicAccessBlock(
      blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true))
  data.unrecordedSettings = [.policy]
  let result = whoCan(
    Inventory(accounts: [
      Account(id: tools, roles: [outsider]), Account(id: dev, roles: [insider], buckets: [data]),
    ]))
  let crossAccount = entry(result, outsider.arn)
  #expect(crossAccount?.conditional == true)
  #expect(crossAccount?.conditions.contains { !$0.avoid && $0.values == ["bucket policy of data"] } == true)
  #expect(
    entry(result, insider.arn)?.conditions.contains {
      $0.avoid && $0.values == ["bucket policy of data denies"]
    } == true)
}

/// A trust policy naming one session of a role lets that role in only under that session name:
/// the step is conditional on `sts:RoleSessionName`.
@Test func trustNamingASessionIsConditionalOnItsName() {
  let first = Fixtures.role(
    tools, "First", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""sts:AssumeRole""#, #""*""#)])
  let second = Fixtures.role(
    tools, "Second",
    trust: Fixtures.trust(#"{"AWS":"arn:aws:sts::\#(tools):assumed-role/First/ci"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""*""#)])
  let graph = TrustGraph.build(Inventory(accounts: [Account(id: tools, roles: [first, second])]))
  let edge = graph.edges(from: first.arn).first { $0.to == second.arn }
  #expect(edge?.isConditional == true)
  #expect(
    edge?.residual.allowIf.flatMap { $0 }.contains { $0.key == "sts:RoleSessionName" && $0.values == ["ci"] }
      == true)
}

/// AWS keeps an SCP on every root, OU and account: a member account the snapshot shows none
/// attached to has an incomplete export, so its answers are conditional (not "nobody").
@Test func levelWithoutAnySCPIsConditionalNotDenied() {
  let reader = Fixtures.role(
    dev, "Reader", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""arn:aws:s3:::data/*""#)])
  let fullAccess = Fixtures.policy(
    #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    name: "FullAWSAccess")
  let organization = Organization(
    id: "o-test", managementAccountId: "999999999999", rootId: "r-root",
    accounts: [OrganizationAccount(id: dev, name: "dev", parentId: "r-root")],
    policies: [
      OrganizationPolicy(
        id: "p-full", name: "FullAWSAccess", kind: .serviceControl, document: fullAccess,
        targetIds: ["r-root"])
    ])
  let data = Bucket(name: "data", account: dev, objectOwnership: "BucketOwnerEnforced")
  let result = whoCan(
    Inventory(accounts: [Account(id: dev, roles: [reader], buckets: [data])], organization: organization))
  #expect(entry(result, reader.arn)?.conditional == true)
  #expect(result.notes.contains { $0.hasPrefix("SCP of \(dev): none attached in the snapshot") })
}

/// A bucket encrypted with a key the snapshot does not hold: a cross-account reader whose own
/// policies grant no kms:Decrypt is blocked whatever the key policy says; one with the grant stays
/// conditional on the unseen key policy.
@Test func keyOutsideTheSnapshotBlocksCallersWithoutTheirOwnKMSGrant() {
  let key = "arn:aws:kms:us-east-1:\(dev):key/99999999-0000-0000-0000-000000000000"
  let withGrant = Fixtures.role(
    tools, "WithKms", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#"["s3:GetObject","kms:Decrypt"]"#, #""*""#)])
  let withoutGrant = Fixtures.role(
    tools, "NoKms", trust: Fixtures.trust(#"{"Service":"ec2.amazonaws.com"}"#),
    policies: [Fixtures.allow(#""s3:GetObject""#, #""*""#)])
  var data = bucket(
    #"[{"Sid":"Tools","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::\#(tools):root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]"#
  )
  data.encryption = BucketEncryption(algorithm: "aws:kms", kmsKeyId: key)
  let result = whoCan(
    Inventory(accounts: [
      Account(id: tools, roles: [withGrant, withoutGrant]), Account(id: dev, buckets: [data]),
    ]))
  #expect(entry(result, withGrant.arn)?.conditional == true)
  #expect(entry(result, withoutGrant.arn) == nil)
  #expect(result.blocked.contains { $0.principal == withoutGrant.arn && $0.kms.status == .denied })
}
