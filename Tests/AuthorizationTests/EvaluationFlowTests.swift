import PolicyLanguage
import Testing

@testable import Authorization

private let object = "arn:aws:s3:::bkt/k"
private let readAnyObject =
  #"{"Statement":{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#

@Test func traceListsLayersInEvaluationOrderWithTheirStatementsAndLines() throws {
  var scenario = Scenario(
    Principals.session(Accounts.a, "R"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.identity = [
    "{\n\"Statement\": [\n {\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"},\n"
      + " {\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}\n]}"
  ]
  scenario.boundary = #"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#
  scenario.session = #"{"Statement":{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}}"#
  scenario.serviceControlPolicies = [[#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#]]
  scenario.resourceControlPolicies = [
    [#"{"Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}"#]
  ]
  scenario.resourcePolicy =
    #"{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/Other"},"Action":"s3:*","Resource":"*"}}"#
  let decision = try scenario.evaluate()
  #expect(decision.outcome == .allow)
  #expect(decision.layers.map(\.layer) == [.rcp, .scp, .resource, .identity, .boundary, .session])
  #expect(decision.layers.map(\.outcome) == [.allow, .allow, .implicitDeny, .allow, .allow, .allow])
  let identity = try #require(decision.layers.first { $0.layer == .identity }?.statements.first)
  #expect(identity.sid == "Read")
  #expect(identity.index == 1)
  #expect(identity.location?.line == 4)
  #expect(identity.policy.name == "identity-0")
}

@Test func sessionPolicyLimitsIdentityGrantsButNotASessionNamedGrant() throws {
  var scenario = Scenario(
    Principals.session(Accounts.a, "R", "alice"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.identity = [readAnyObject]
  scenario.session = #"{"Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}"#
  #expect(try scenario.outcome() == .implicitDeny)
  scenario.resourcePolicy =
    #"{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:sts::111111111111:assumed-role/R/alice"},"#
    + #""Action":"s3:GetObject","Resource":"*"}}"#
  #expect(try scenario.outcome() == .allow)
}

@Test func conditionalDenyOverADefiniteAllowIsConditionalNotDeny() throws {
  var scenario = Scenario(
    Principals.user(Accounts.a, "u"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.identity = [
    readAnyObject,
    #"{"Statement":{"Sid":"TLS","Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}}"#,
  ]
  scenario.unknown = ["aws:SecureTransport"]
  let decision = try scenario.evaluate()
  #expect(decision.outcome == .conditional)
  #expect(decision.residual.allowIf == [[]])
  #expect(decision.residual.denyIf.map { $0.map(\.key) } == [["aws:SecureTransport"]])
  let identity = try #require(decision.layers.first { $0.layer == .identity })
  #expect(identity.outcome == .conditional)
  #expect(identity.statements.map(\.sid) == ["TLS", "Read"])
  scenario.unknown = []
  scenario.context = ["aws:SecureTransport": ["false"]]
  #expect(try scenario.outcome() == .explicitDeny)
}

@Test func possibleDenyWithoutAnyAllowIsStillADeny() throws {
  var scenario = Scenario(
    Principals.user(Accounts.a, "u"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.identity = [
    #"{"Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}}"#
  ]
  scenario.unknown = ["aws:SourceIp"]
  #expect(try scenario.outcome() == .implicitDeny)
}

@Test func definiteDenyBeatsAConditionalAllow() throws {
  var scenario = Scenario(
    Principals.user(Accounts.a, "u"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.identity = [
    #"{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}},"#
      + #"{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}"#
  ]
  scenario.unknown = ["aws:SourceIp"]
  #expect(try scenario.outcome() == .explicitDeny)
}

@Test func conditionsOfBothSidesCombineIntoOneAlternative() throws {
  var scenario = Scenario(
    Principals.session(Accounts.b, "R"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.identity = [
    #"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}}"#
  ]
  scenario.resourcePolicy =
    #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"222222222222"},"Action":"s3:GetObject","Resource":"*","#
    + #""Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}},{"Effect":"Allow","Principal":{"AWS":"222222222222"},"#
    + #""Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-2"}}}]}"#
  scenario.unknown = ["aws:SourceIp", "aws:SourceVpce"]
  let decision = try scenario.evaluate()
  #expect(decision.outcome == .conditional)
  let alternatives = decision.residual.allowIf.map { Set($0.map { "\($0.key)=\($0.values.joined())" }) }
  #expect(
    Set(alternatives) == [
      ["aws:SourceVpce=vpce-1", "aws:SourceIp=10.0.0.0/8"],
      ["aws:SourceVpce=vpce-2", "aws:SourceIp=10.0.0.0/8"],
    ])
}

@Test func roleWithoutAKnownSessionMatchesASessionGrantIfItPicksTheName() throws {
  var scenario = Scenario(
    Principals.role(Accounts.b, "R"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.identity = [readAnyObject]
  scenario.resourcePolicy =
    #"{"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:sts::222222222222:assumed-role/R/audit"},"#
    + #""Action":"s3:GetObject","Resource":"*"}}"#
  let decision = try scenario.evaluate()
  #expect(decision.outcome == .conditional)
  #expect(decision.residual.allowIf.first?.map(\.key) == ["sts:RoleSessionName"])
  #expect(decision.residual.allowIf.first?.first?.values == ["audit"])
}

@Test func rootUserHasFullAccessInItsOwnAccountButNotAcross() throws {
  var own = Scenario(
    Principals.root(Accounts.a), "s3:DeleteBucket", "arn:aws:s3:::bkt", resourceAccount: Accounts.a)
  #expect(try own.outcome() == .allow)
  own.serviceControlPolicies = [[#"{"Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}"#]]
  #expect(try own.outcome() == .implicitDeny, "SCPs bind the root user of member accounts")
  let across = Scenario(Principals.root(Accounts.b), "s3:GetObject", object, resourceAccount: Accounts.a)
  #expect(try across.outcome() == .implicitDeny)
}

@Test func anonymousCallersHaveNoIdentitySide() throws {
  var scenario = Scenario("*", "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.identity = [readAnyObject]
  #expect(try scenario.outcome() == .implicitDeny)
  scenario.resourcePolicy =
    #"{"Statement":{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"s3:GetObject","Resource":"*"}}"#
  #expect(try scenario.outcome() == .implicitDeny)
}

@Test func trustPolicyMustAllowEvenWhenTheIdentityPolicyDoes() throws {
  var scenario = Scenario(
    Principals.user(Accounts.a, "u"), "sts:AssumeRole", Principals.role(Accounts.a, "Target"), kind: .trust)
  scenario.identity = [#"{"Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}}"#]
  #expect(try scenario.outcome() == .implicitDeny)
}

@Test func evidenceOfAPolicyKeepsDocumentOrderAcrossServiceIndexes() throws {
  var scenario = Scenario(
    Principals.user(Accounts.a, "u"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.identity = [
    #"{"Statement":[{"Sid":"First","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},"#
      + #"{"Sid":"Second","Effect":"Allow","NotAction":"iam:*","Resource":"*"},"#
      + #"{"Sid":"Third","Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}"#
  ]
  let decision = try scenario.evaluate()
  #expect(decision.layers.first?.statements.map(\.sid) == ["First", "Second", "Third"])
}
