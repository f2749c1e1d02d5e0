import PolicyLanguage
import Testing

@testable import Authorization

// aws-authorization.md §7, cases 46 and 48–50: request headers, KMS key policies, access points.
// (Cases 9–10, 44–45 and 47 — Block Public Access, object ownership, ACLs — are properties of the
// bucket that the graph applies around these evaluations.)

@Test func case46DenyUnlessBucketOwnerFullControlHitsAPutWithoutTheHeader() throws {
  var scenario = Scenario(
    Principals.session(Accounts.b, "Writer"), "s3:PutObject", "arn:aws:s3:::bkt/in/x",
    resourceAccount: Accounts.a)
  scenario.identity = [#"{"Statement":{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}}"#]
  scenario.resourcePolicy =
    #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"222222222222"},"Action":"s3:PutObject","#
    + #""Resource":"arn:aws:s3:::bkt/in/*"},{"Sid":"OwnerControl","Effect":"Deny","Principal":"*","#
    + #""Action":"s3:PutObject","Resource":"arn:aws:s3:::bkt/*","#
    + #""Condition":{"StringNotEquals":{"s3:x-amz-acl":"bucket-owner-full-control"}}}]}"#
  #expect(try scenario.outcome() == .explicitDeny)
  scenario.context = ["s3:x-amz-acl": ["bucket-owner-full-control"]]
  #expect(try scenario.outcome() == .allow)
  scenario.context = [:]
  scenario.unknown = ["s3:x-amz-acl"]
  let decision = try scenario.evaluate()
  #expect(decision.outcome == .conditional)
  #expect(decision.residual.allowIf == [[]])
  #expect(decision.residual.denyIf.map { $0.map(\.key) } == [["s3:x-amz-acl"]])
}

private let keyArn = "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"
private let enableIAM =
  #"{"Sid":"EnableIAM","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"kms:*","Resource":"*"}"#

private func keyRequest(_ principal: String, _ action: String, keyPolicy: String) -> Scenario {
  var scenario = Scenario(principal, action, keyArn, kind: .keyPolicy)
  scenario.resourcePolicy = keyPolicy
  return scenario
}

@Test func case48KeyPolicySilentOnTheWriterAccountDenies() throws {
  var scenario = keyRequest(
    Principals.session(Accounts.b, "Writer"), "kms:GenerateDataKey",
    keyPolicy: #"{"Statement":["# + enableIAM + "]}")
  scenario.identity = [#"{"Statement":{"Effect":"Allow","Action":"kms:GenerateDataKey","Resource":"*"}}"#]
  #expect(try scenario.outcome() == .implicitDeny)
  scenario.resourcePolicy =
    #"{"Statement":["# + enableIAM
    + #",{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"kms:GenerateDataKey","Resource":"*"}]}"#
  #expect(try scenario.outcome() == .allow)
  scenario.identity = []
  #expect(try scenario.outcome() == .implicitDeny, "across accounts the caller's identity must allow too")
}

@Test func case49WithoutTheRootStatementIAMPoliciesGrantNothingOnTheKey() throws {
  let decrypt = #"{"Statement":{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}}"#
  let adminsOnly =
    #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/KeyAdmin"},"#
    + #""Action":"kms:*","Resource":"*"}]}"#
  var scenario = keyRequest(Principals.session(Accounts.a, "Reader"), "kms:Decrypt", keyPolicy: adminsOnly)
  scenario.identity = [decrypt]
  #expect(try scenario.outcome() == .implicitDeny)
  scenario.resourcePolicy = #"{"Statement":["# + enableIAM + "]}"
  #expect(try scenario.outcome() == .allow)
  scenario.identity = []
  #expect(try scenario.outcome() == .implicitDeny)
  let admin = keyRequest(Principals.session(Accounts.a, "KeyAdmin"), "kms:Decrypt", keyPolicy: adminsOnly)
  #expect(try admin.outcome() == .allow, "a key policy naming a same-account principal suffices alone")
}

@Test func case50AccessPointGrantNeedsTheBucketToAllowOrDelegate() throws {
  let accessPointObject = "arn:aws:s3:eu-west-1:111111111111:accesspoint/shared/object/k"
  let readAnything = #"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#
  var accessPoint = Scenario(
    Principals.session(Accounts.b, "Reader"), "s3:GetObject", accessPointObject, kind: .other)
  accessPoint.identity = [readAnything]
  accessPoint.resourcePolicy =
    #"{"Statement":{"Effect":"Allow","Principal":{"AWS":"222222222222"},"Action":"s3:GetObject","#
    + #""Resource":"arn:aws:s3:eu-west-1:111111111111:accesspoint/shared/object/*"}}"#
  #expect(try accessPoint.outcome() == .allow)
  var bucket = Scenario(
    Principals.session(Accounts.b, "Reader"), "s3:GetObject", "arn:aws:s3:::bkt/k",
    resourceAccount: Accounts.a)
  bucket.identity = [readAnything]
  bucket.context = ["s3:DataAccessPointAccount": [Accounts.a]]
  bucket.resourcePolicy =
    #"{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"s3:*","#
    + #""Resource":"arn:aws:s3:::bkt/*"}}"#
  #expect(try bucket.outcome() == .implicitDeny)
  bucket.resourcePolicy =
    #"{"Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"arn:aws:s3:::bkt/*","#
    + #""Condition":{"StringEquals":{"s3:DataAccessPointAccount":"111111111111"}}}}"#
  #expect(try bucket.outcome() == .allow)
}
