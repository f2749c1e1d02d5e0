import PolicyLanguage
import Testing

@testable import Authorization

// aws-authorization.md §7, cases 27–31: SCPs and RCPs.

private let fullAccess =
  #"{"Statement":{"Sid":"FullAWSAccess","Effect":"Allow","Action":"*","Resource":"*"}}"#
private let readAnyObject = #"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#
private let object = "arn:aws:s3:::bkt/k"

private func grantTo(_ principal: String) -> String {
  #"{"Statement":{"Effect":"Allow","Principal":{"AWS":""# + principal
    + #""},"Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/*"}}"#
}

@Test func case27CallerSCPDenyBeatsTheBucketGrant() throws {
  var scenario = Scenario(
    Principals.session(Accounts.b, "R"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.resourcePolicy = grantTo(Principals.role(Accounts.b, "R"))
  scenario.identity = [readAnyObject]
  scenario.serviceControlPolicies = [
    [fullAccess, #"{"Statement":{"Sid":"NoS3","Effect":"Deny","Action":"s3:*","Resource":"*"}}"#]
  ]
  let decision = try scenario.evaluate()
  #expect(decision.outcome == .explicitDeny)
  #expect(decision.layers.first { $0.layer == .scp }?.statements.map(\.sid) == ["NoS3"])
}

@Test func case28LevelWithoutAnAllowDeniesEvenSameAccountGrants() throws {
  var scenario = Scenario(
    Principals.session(Accounts.a, "R"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.resourcePolicy = grantTo(Principals.role(Accounts.a, "R"))
  scenario.serviceControlPolicies = [[fullAccess], [fullAccess], [fullAccess]]
  #expect(try scenario.outcome() == .allow)
  scenario.serviceControlPolicies = [
    [fullAccess], [#"{"Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}"#], [fullAccess],
  ]
  let decision = try scenario.evaluate()
  #expect(decision.outcome == .implicitDeny)
  #expect(decision.layers.filter { $0.layer == .scp }.map(\.outcome) == [.allow, .implicitDeny, .allow])
  #expect(decision.layers.filter { $0.layer == .scp }.map(\.level) == [0, 1, 2])
  scenario.serviceControlPolicies = [[fullAccess], []]
  #expect(try scenario.outcome() == .implicitDeny)
}

@Test func case29ManagementAccountAndServiceLinkedRolesAreNotBoundBySCPs() throws {
  let denyAll = #"{"Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}"#
  var scenario = Scenario(
    Principals.session(Accounts.a, "R"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.identity = [readAnyObject]
  scenario.serviceControlPolicies = [[fullAccess, denyAll]]
  #expect(try scenario.outcome() == .explicitDeny)
  scenario.adjustCaller = { $0.isInManagementAccount = true }
  #expect(try scenario.outcome() == .allow)
  var linked = Scenario(
    "arn:aws:iam::111111111111:role/aws-service-role/s3.amazonaws.com/AWSServiceRoleForS3", "s3:GetObject",
    object,
    resourceAccount: Accounts.a)
  linked.identity = [readAnyObject]
  linked.serviceControlPolicies = [[fullAccess, denyAll]]
  #expect(try linked.outcome() == .allow)
}

private let resourceControlFullAccess =
  #"{"Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}"#
private let denyOutsiders =
  #"{"Statement":{"Sid":"EnforceOrgIdentities","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","#
  + #""Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-inside"},"#
  + #""BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}}"#

@Test func case30ResourceAccountRCPDeniesOutsidersWhatBothSidesAllow() throws {
  for (account, organization, expected) in [
    (Accounts.c, "o-other", Decision.Outcome.explicitDeny), (Accounts.b, "o-inside", .allow),
  ] {
    var scenario = Scenario(
      Principals.session(account, "R"), "s3:GetObject", object, resourceAccount: Accounts.a)
    scenario.resourcePolicy = grantTo(Principals.role(account, "R"))
    scenario.identity = [readAnyObject]
    scenario.resourceControlPolicies = [[resourceControlFullAccess, denyOutsiders]]
    scenario.adjustCaller = { $0.organizationId = organization }
    let decision = try scenario.evaluate()
    #expect(decision.outcome == expected, "account \(account)")
    #expect(decision.layers.first?.layer == .rcp)
  }
}

@Test func case31WithoutRCPLayersTheOutsiderIsAllowed() throws {
  var scenario = Scenario(
    Principals.session(Accounts.c, "R"), "s3:GetObject", object, resourceAccount: Accounts.a)
  scenario.resourcePolicy = grantTo(Principals.role(Accounts.c, "R"))
  scenario.identity = [readAnyObject]
  scenario.adjustCaller = { $0.organizationId = "o-other" }
  #expect(try scenario.outcome() == .allow)
  scenario.resourceControlPolicies = [[resourceControlFullAccess, denyOutsiders]]
  #expect(try scenario.outcome() == .explicitDeny)
}
