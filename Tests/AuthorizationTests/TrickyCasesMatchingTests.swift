import PolicyLanguage
import Testing

@testable import Authorization

// aws-authorization.md §7, cases 17–26: actions, resources, variables and condition operators.

private func identityOnly(_ principal: String, _ action: String, _ resource: String, policy: String)
  -> Scenario
{
  var scenario = Scenario(principal, action, resource, resourceAccount: Accounts.a)
  scenario.identity = [policy]
  return scenario
}

private let alice = Principals.user(Accounts.a, "alice")

@Test func case17ObjectWildcardDoesNotGrantBucketActions() throws {
  let policy = #"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bkt/*"}}"#
  #expect(
    try identityOnly(alice, "s3:ListBucket", "arn:aws:s3:::bkt", policy: policy).outcome() == .implicitDeny)
  #expect(try identityOnly(alice, "s3:GetObject", "arn:aws:s3:::bkt/k", policy: policy).outcome() == .allow)
}

@Test func case18ListingIsJudgedOnThePrefixParameter() throws {
  let policy =
    #"{"Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::bkt","#
    + #""Condition":{"StringLike":{"s3:prefix":"team/*"}}}}"#
  var scenario = identityOnly(alice, "s3:ListBucket", "arn:aws:s3:::bkt", policy: policy)
  scenario.context = ["s3:prefix": ["team/"]]
  #expect(try scenario.outcome() == .allow)
  scenario.context = ["s3:prefix": ["team"]]
  #expect(try scenario.outcome() == .implicitDeny)
  scenario.context = [:]
  #expect(try scenario.outcome() == .implicitDeny)
}

@Test func case19ResourcesAreCaseSensitiveAndActionsAreNot() throws {
  let upper = #"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::Bkt/*"}}"#
  #expect(
    try identityOnly(alice, "s3:GetObject", "arn:aws:s3:::bkt/k", policy: upper).outcome() == .implicitDeny)
  let mixedAction =
    #"{"Statement":{"Effect":"Allow","Action":"S3:getobject","Resource":"arn:aws:s3:::bkt/*"}}"#
  #expect(
    try identityOnly(alice, "s3:GetObject", "arn:aws:s3:::bkt/k", policy: mixedAction).outcome() == .allow)
}

@Test func case20BucketNameWildcardAlsoCoversOtherBuckets() throws {
  let policy = #"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt*"}}"#
  #expect(
    try identityOnly(alice, "s3:GetObject", "arn:aws:s3:::bkt-prod/secrets.txt", policy: policy).outcome()
      == .allow)
}

@Test func case21WithoutVersionVariablesAreLiteralText() throws {
  let policy =
    #"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/${aws:username}/*"}}"#
  #expect(
    try identityOnly(alice, "s3:GetObject", "arn:aws:s3:::bkt/alice/k", policy: policy).outcome()
      == .implicitDeny)
  #expect(
    try identityOnly(alice, "s3:GetObject", "arn:aws:s3:::bkt/${aws:username}/k", policy: policy).outcome()
      == .allow)
}

@Test func case22UnresolvedVariableMatchesNothing() throws {
  let policy =
    #"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","#
    + #""Resource":"arn:aws:s3:::bkt/${aws:username}/*"}}"#
  #expect(
    try identityOnly(alice, "s3:GetObject", "arn:aws:s3:::bkt/alice/k", policy: policy).outcome() == .allow)
  let session = Principals.session(Accounts.a, "alice", "alice")
  #expect(
    try identityOnly(session, "s3:GetObject", "arn:aws:s3:::bkt/alice/k", policy: policy).outcome()
      == .implicitDeny)
}

@Test func case23NotActionCoversEveryOtherServiceIncludingS3PermissionsManagement() throws {
  let policy = #"{"Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}"#
  #expect(
    try identityOnly(alice, "s3:PutBucketPolicy", "arn:aws:s3:::bkt", policy: policy).outcome() == .allow)
  #expect(
    try identityOnly(alice, "iam:CreateUser", "arn:aws:iam::111111111111:user/x", policy: policy).outcome()
      == .implicitDeny)
}

@Test func case24NotResourceDenyReachesEveryOtherPlaceAndBucket() throws {
  let deny =
    #"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"PublicOnly","Effect":"Deny","#
    + #""Action":"s3:GetObject","NotResource":"arn:aws:s3:::bkt/public/*"}]}"#
  #expect(
    try identityOnly(alice, "s3:GetObject", "arn:aws:s3:::bkt/public/a", policy: deny).outcome() == .allow)
  #expect(
    try identityOnly(alice, "s3:GetObject", "arn:aws:s3:::bkt/private/a", policy: deny).outcome()
      == .explicitDeny)
  #expect(
    try identityOnly(alice, "s3:GetObject", "arn:aws:s3:::other/a", policy: deny).outcome() == .explicitDeny)
}

@Test func case25NegatedOperatorWithSeveralValuesDeniesAllButThoseValues() throws {
  let bucket =
    #"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/*"},"#
    + #"{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::bkt/*","#
    + #""Condition":{"StringNotEquals":{"aws:PrincipalAccount":["222222222222","333333333333"]}}}]}"#
  let read = #"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#
  for (account, expected) in [
    (Accounts.b, Decision.Outcome.allow), (Accounts.c, .allow), ("444444444444", .explicitDeny),
  ] {
    var scenario = Scenario(
      Principals.session(account, "R"), "s3:GetObject", "arn:aws:s3:::bkt/k", resourceAccount: Accounts.a)
    scenario.resourcePolicy = bucket
    scenario.identity = [read]
    #expect(try scenario.outcome() == expected, "account \(account)")
  }
}

@Test func case26ForAllValuesHoldsWhenTheRequestHasNoTags() throws {
  let policy =
    #"{"Statement":{"Effect":"Allow","Action":"s3:PutObjectTagging","Resource":"*","#
    + #""Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["team"]}}}}"#
  var scenario = identityOnly(alice, "s3:PutObjectTagging", "arn:aws:s3:::bkt/k", policy: policy)
  #expect(try scenario.outcome() == .allow)
  scenario.context = ["aws:TagKeys": ["team", "owner"]]
  #expect(try scenario.outcome() == .implicitDeny)
}
