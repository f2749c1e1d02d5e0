import PolicyLanguage
import Testing

@testable import Authorization

// aws-authorization.md §7, cases 1–8 and 11–16: how resource policies name callers.

private let getObject = "s3:GetObject"
private let object = "arn:aws:s3:::bkt/reports/q1.csv"
private let readAnyObject =
  #"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/*"}}"#

private func bucketPolicy(principal: String, extra: String = "") -> String {
  #"{"Version":"2012-10-17","Statement":[{"Sid":"Grant","Effect":"Allow","Principal":"#
    + principal + #","Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/*"}"# + extra + "]}"
}

@Test func case01AccountGrantWithoutIdentityAllowDenies() throws {
  var scenario = Scenario(Principals.session(Accounts.b, "R"), getObject, object, resourceAccount: Accounts.a)
  scenario.resourcePolicy = bucketPolicy(principal: #"{"AWS":"arn:aws:iam::222222222222:root"}"#)
  #expect(try scenario.outcome() == .implicitDeny)
}

@Test func case02AccountGrantWithIdentityAllowAllows() throws {
  var scenario = Scenario(Principals.session(Accounts.b, "R"), getObject, object, resourceAccount: Accounts.a)
  scenario.resourcePolicy = bucketPolicy(principal: #"{"AWS":"arn:aws:iam::222222222222:root"}"#)
  scenario.identity = [readAnyObject]
  let decision = try scenario.evaluate()
  #expect(decision.outcome == .allow)
  #expect(decision.layers.map(\.layer) == [.resource, .identity])
  #expect(decision.layers.first?.statements.first?.sid == "Grant")
}

@Test func case03SameAccountRoleGrantSufficesAlone() throws {
  var scenario = Scenario(Principals.session(Accounts.a, "R"), getObject, object, resourceAccount: Accounts.a)
  scenario.resourcePolicy = bucketPolicy(principal: #"{"AWS":"arn:aws:iam::111111111111:role/R"}"#)
  #expect(try scenario.outcome() == .allow)
}

@Test func case04SameAccountRoleGrantIsLimitedByTheBoundary() throws {
  var scenario = Scenario(Principals.session(Accounts.a, "R"), getObject, object, resourceAccount: Accounts.a)
  scenario.resourcePolicy = bucketPolicy(principal: #"{"AWS":"arn:aws:iam::111111111111:role/R"}"#)
  scenario.boundary = #"{"Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}"#
  #expect(try scenario.outcome() == .implicitDeny)
}

@Test func case05SessionGrantIgnoresTheBoundaryForThatSessionOnly() throws {
  for (session, expected) in [("alice", Decision.Outcome.allow), ("bob", .implicitDeny)] {
    var scenario = Scenario(
      Principals.session(Accounts.a, "R", session), getObject, object, resourceAccount: Accounts.a)
    scenario.resourcePolicy = bucketPolicy(
      principal: #"{"AWS":"arn:aws:sts::111111111111:assumed-role/R/alice"}"#)
    scenario.boundary = #"{"Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}"#
    #expect(try scenario.outcome() == expected, "session \(session)")
  }
}

@Test func case06SameAccountUserGrantIgnoresTheBoundary() throws {
  var scenario = Scenario(Principals.user(Accounts.a, "u"), getObject, object, resourceAccount: Accounts.a)
  scenario.resourcePolicy = bucketPolicy(principal: #"{"AWS":"arn:aws:iam::111111111111:user/u"}"#)
  scenario.boundary = #"{"Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}"#
  #expect(try scenario.outcome() == .allow)
}

@Test func case07SameAccountRootGrantNeedsTheIdentityAllow() throws {
  var scenario = Scenario(Principals.user(Accounts.a, "u"), getObject, object, resourceAccount: Accounts.a)
  scenario.resourcePolicy = bucketPolicy(principal: #"{"AWS":"111111111111"}"#)
  #expect(try scenario.outcome() == .implicitDeny)
  scenario.identity = [readAnyObject]
  #expect(try scenario.outcome() == .allow)
}

@Test func case08PublicGrantAllowsOwnerPrincipalsAndAnonymousButNotOtherAccountsAlone() throws {
  let policy = bucketPolicy(principal: #""*""#)
  for (principal, expected) in [
    (Principals.session(Accounts.a, "R"), Decision.Outcome.allow), ("*", .allow),
    (Principals.session(Accounts.b, "R"), .implicitDeny),
  ] {
    var scenario = Scenario(principal, getObject, object, resourceAccount: Accounts.a)
    scenario.resourcePolicy = policy
    #expect(try scenario.outcome() == expected, "\(principal)")
  }
  var withIdentity = Scenario(
    Principals.session(Accounts.b, "R"), getObject, object, resourceAccount: Accounts.a)
  withIdentity.resourcePolicy = policy
  withIdentity.identity = [readAnyObject]
  #expect(try withIdentity.outcome() == .allow)
}

@Test func case11BareUniqueIdInATrustPolicyMatchesNobody() throws {
  var scenario = Scenario(
    Principals.session(Accounts.b, "X"), "sts:AssumeRole", Principals.role(Accounts.a, "Target"), kind: .trust
  )
  scenario.resourcePolicy =
    #"{"Statement":{"Effect":"Allow","Principal":{"AWS":"AROAEXAMPLEROLEID0001"},"Action":"sts:AssumeRole"}}"#
  scenario.identity = [#"{"Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}}"#]
  scenario.adjustCaller = { $0.uniqueId = "AROAEXAMPLEROLEID0001" }
  #expect(try scenario.outcome() == .implicitDeny)
}

private func denyAllButListed(_ listed: String) -> String {
  #",{"Sid":"OnlyListed","Effect":"Deny","NotPrincipal":{"AWS":["# + listed
    + #"]},"Action":"s3:*","Resource":"arn:aws:s3:::bkt/*"}"#
}

@Test func case12NotPrincipalListingOnlyTheRoleStillDeniesItsSessions() throws {
  var scenario = Scenario(Principals.session(Accounts.b, "R"), getObject, object, resourceAccount: Accounts.a)
  scenario.identity = [readAnyObject]
  scenario.resourcePolicy = bucketPolicy(
    principal: #"{"AWS":"222222222222"}"#, extra: denyAllButListed(#""arn:aws:iam::222222222222:role/R""#))
  let decision = try scenario.evaluate()
  #expect(decision.outcome == .explicitDeny)
  #expect(decision.layers.first?.statements.map(\.sid) == ["OnlyListed"])
  scenario.resourcePolicy = bucketPolicy(
    principal: #"{"AWS":"222222222222"}"#,
    extra: denyAllButListed(
      #""arn:aws:sts::222222222222:assumed-role/R/s","arn:aws:iam::222222222222:role/R","arn:aws:iam::222222222222:root""#
    ))
  #expect(try scenario.outcome() == .allow)
}

@Test func case13NotPrincipalDenyAppliesToListedCallersWithABoundary() throws {
  var scenario = Scenario(Principals.user(Accounts.b, "u"), getObject, object, resourceAccount: Accounts.a)
  scenario.identity = [readAnyObject]
  scenario.resourcePolicy = bucketPolicy(
    principal: #"{"AWS":"222222222222"}"#,
    extra: denyAllButListed(#""arn:aws:iam::222222222222:user/u","arn:aws:iam::222222222222:root""#))
  #expect(try scenario.outcome() == .allow)
  scenario.boundary = #"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#
  #expect(try scenario.outcome() == .explicitDeny)
}

private let denyOutsideOrganization =
  #",{"Sid":"OrgOnly","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::bkt/*","#
  + #""Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-inside"}}}"#

@Test func case14OrganizationDenySkipsMembersAndHitsOutsidersServicesAndAnonymous() throws {
  let policy = bucketPolicy(principal: #""*""#, extra: denyOutsideOrganization)
  var member = Scenario(Principals.session(Accounts.b, "R"), getObject, object, resourceAccount: Accounts.a)
  member.resourcePolicy = policy
  member.identity = [readAnyObject]
  member.adjustCaller = { $0.organizationId = "o-inside" }
  #expect(try member.outcome() == .allow)
  var outsider = member
  outsider.adjustCaller = { $0.organizationId = "o-other" }
  #expect(try outsider.outcome() == .explicitDeny)
  for principal in ["cloudtrail.amazonaws.com", "*"] {
    var scenario = Scenario(principal, getObject, object, resourceAccount: Accounts.a)
    scenario.resourcePolicy = policy
    #expect(try scenario.outcome() == .explicitDeny, "\(principal)")
  }
}

@Test func case15NegatedIfExistsOperatorOnAnAbsentKeyDenies() throws {
  var scenario = Scenario(Principals.session(Accounts.a, "R"), getObject, object, resourceAccount: Accounts.a)
  scenario.identity = [readAnyObject]
  scenario.resourcePolicy =
    #"{"Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::bkt/*","#
    + #""Condition":{"StringNotEqualsIfExists":{"aws:SourceVpce":"vpce-1a2b3c"}}}}"#
  #expect(try scenario.outcome() == .explicitDeny)
  scenario.context = ["aws:SourceVpce": ["vpce-1a2b3c"]]
  #expect(try scenario.outcome() == .allow)
}

@Test func case16BoolOnAnAbsentKeyDoesNotApplyTheDenyToAnonymousCallers() throws {
  let policy = bucketPolicy(
    principal: #""*""#,
    extra:
      #",{"Sid":"NoHumans","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::bkt/*","#
      + #""Condition":{"Bool":{"aws:PrincipalIsAWSService":"false"}}}"#)
  var anonymous = Scenario("*", getObject, object, resourceAccount: Accounts.a)
  anonymous.resourcePolicy = policy
  #expect(try anonymous.outcome() == .allow)
  var user = Scenario(Principals.user(Accounts.a, "u"), getObject, object, resourceAccount: Accounts.a)
  user.resourcePolicy = policy
  #expect(try user.outcome() == .explicitDeny)
  var service = Scenario("logging.s3.amazonaws.com", getObject, object, resourceAccount: Accounts.a)
  service.resourcePolicy = policy
  #expect(try service.outcome() == .allow)
}
