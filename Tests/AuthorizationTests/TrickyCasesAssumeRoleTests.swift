import PolicyLanguage
import Testing

@testable import Authorization

// aws-authorization.md §7, cases 32–43: trust policies, role chaining, passing roles.

private let target = Principals.role(Accounts.a, "Target")
private let assumeAnything = #"{"Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}}"#
private let boundaryWithoutSTS = #"{"Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}"#

private func trusting(_ principal: String, condition: String = "") -> String {
  #"{"Version":"2012-10-17","Statement":{"Sid":"Trust","Effect":"Allow","Principal":"# + principal
    + #","Action":"sts:AssumeRole""# + condition + "}}"
}

private func assume(_ principal: String, trust: String) -> Scenario {
  var scenario = Scenario(principal, "sts:AssumeRole", target, kind: .trust)
  scenario.resourcePolicy = trust
  return scenario
}

@Test func case32SameAccountTrustNamingTheUserNeedsNoIdentityAllowButTheBoundary() throws {
  var scenario = assume(
    Principals.user(Accounts.a, "u"), trust: trusting(#"{"AWS":"arn:aws:iam::111111111111:user/u"}"#))
  #expect(try scenario.outcome() == .allow)
  scenario.boundary = boundaryWithoutSTS
  #expect(try scenario.outcome() == .implicitDeny)
}

@Test func case33SameAccountTrustNamingTheAccountNeedsTheIdentityAllow() throws {
  var scenario = assume(Principals.user(Accounts.a, "u"), trust: trusting(#"{"AWS":"111111111111"}"#))
  #expect(try scenario.outcome() == .implicitDeny)
  scenario.identity = [assumeAnything]
  #expect(try scenario.outcome() == .allow)
}

@Test func case34CrossAccountTrustNeedsTheCallersIdentityAllow() throws {
  var scenario = assume(
    Principals.session(Accounts.b, "BR"), trust: trusting(#"{"AWS":"arn:aws:iam::222222222222:role/BR"}"#))
  #expect(try scenario.outcome() == .implicitDeny)
  scenario.identity = [assumeAnything]
  #expect(try scenario.outcome() == .allow)
}

@Test func case35IdentityAllowWithoutAMatchingTrustDenies() throws {
  var scenario = assume(
    Principals.session(Accounts.b, "BR"), trust: trusting(#"{"AWS":"arn:aws:iam::222222222222:role/Other"}"#))
  scenario.identity = [assumeAnything]
  #expect(try scenario.outcome() == .implicitDeny)
  var sameAccount = assume(
    Principals.session(Accounts.a, "R"), trust: trusting(#"{"AWS":"arn:aws:iam::111111111111:role/Other"}"#))
  sameAccount.identity = [assumeAnything]
  #expect(try sameAccount.outcome() == .implicitDeny)
}

@Test func case36ExternalIdMakesTheTrustConditional() throws {
  var scenario = assume(
    Principals.session(Accounts.b, "BR"),
    trust: trusting(
      #"{"AWS":"222222222222"}"#, condition: #","Condition":{"StringEquals":{"sts:ExternalId":"s3cr3t"}}"#))
  scenario.identity = [assumeAnything]
  scenario.unknown = ["sts:ExternalId"]
  let decision = try scenario.evaluate()
  #expect(decision.outcome == .conditional)
  #expect(decision.residual.allowIf.map { $0.map(\.key) } == [["sts:ExternalId"]])
  #expect(decision.residual.allowIf.first?.first?.values == ["s3cr3t"])
  #expect(decision.residual.denyIf.isEmpty)
  #expect(decision.layers.first?.statements.first?.undecidedConditions.map(\.key) == ["sts:ExternalId"])
  scenario.unknown = []
  #expect(try scenario.outcome() == .implicitDeny, "console switching sends no external id")
  scenario.context = ["sts:ExternalId": ["s3cr3t"]]
  #expect(try scenario.outcome() == .allow)
}

@Test func case37NotPrincipalInATrustPolicyGrantsNothing() throws {
  let text =
    #"{"Statement":{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::222222222222:root"},"#
    + #""Action":"sts:AssumeRole"}}"#
  let parsed = PolicyParser.parse(text: text, source: PolicySource(name: "trust"), kind: .trust)
  #expect(parsed.diagnostics.contains { $0.severity == .error && $0.message.contains("NotPrincipal") })
  let written = PolicyDocument(
    source: PolicySource(name: "trust"), version: .v2012_10_17,
    statements: [
      Statement(
        index: 0, effect: .allow,
        principal: PrincipalElement(negated: true, entries: [.account(id: Accounts.b)]),
        action: ActionElement(["sts:AssumeRole"]))
    ])
  let request = Request(
    caller: try #require(Caller(principal: Principals.session(Accounts.c, "R"))), action: "sts:AssumeRole",
    resource: target)
  for trust in [parsed.document, written] {
    let layers = PolicyLayers(
      resourcePolicy: trust, resourcePolicyKind: .trust,
      identityPolicies: [try parse(assumeAnything, .identity, "identity")])
    #expect(Evaluator.evaluate(request, layers: layers).outcome == .implicitDeny)
  }
}

@Test func case38TrustOfEveryoneIsAssumableByAnyAccountThatAllowsItself() throws {
  var scenario = assume(Principals.session(Accounts.c, "Anyone"), trust: trusting(#"{"AWS":"*"}"#))
  #expect(try scenario.outcome() == .implicitDeny)
  scenario.identity = [assumeAnything]
  #expect(try scenario.outcome() == .allow)
}

@Test func case39PassRoleIsLimitedByThePassedToServiceCondition() throws {
  var pass = Scenario(Principals.user(Accounts.a, "u"), "iam:PassRole", target)
  pass.identity = [
    #"{"Statement":{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::111111111111:role/Target","#
      + #""Condition":{"StringEquals":{"iam:PassedToService":"lambda.amazonaws.com"}}}}"#
  ]
  pass.context = ["iam:PassedToService": ["ec2.amazonaws.com"]]
  #expect(try pass.outcome() == .implicitDeny)
  pass.context = ["iam:PassedToService": ["lambda.amazonaws.com"]]
  #expect(try pass.outcome() == .allow)
  var service = assume("ec2.amazonaws.com", trust: trusting(#"{"Service":"ec2.amazonaws.com"}"#))
  #expect(try service.outcome() == .allow)
  service.resourcePolicy = trusting(#"{"Service":"lambda.amazonaws.com"}"#)
  #expect(try service.outcome() == .implicitDeny)
}

@Test func case40PassingARoleOfAnotherAccountIsImpossible() throws {
  var pass = Scenario(Principals.user(Accounts.a, "u"), "iam:PassRole", Principals.role(Accounts.b, "Theirs"))
  pass.identity = [#"{"Statement":{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}}"#]
  pass.resourcePolicyKind = .other
  #expect(try pass.outcome() == .implicitDeny)
}

@Test func case41StartingAnExistingProjectNeedsOnlyStartBuild() throws {
  var start = Scenario(
    Principals.user(Accounts.a, "dev"), "codebuild:StartBuild",
    "arn:aws:codebuild:eu-west-1:111111111111:project/deploy", kind: .other)
  start.identity = [#"{"Statement":{"Effect":"Allow","Action":"codebuild:StartBuild","Resource":"*"}}"#]
  #expect(try start.outcome() == .allow)
  let service = assume("codebuild.amazonaws.com", trust: trusting(#"{"Service":"codebuild.amazonaws.com"}"#))
  #expect(try service.outcome() == .allow)
}

@Test func case42ChainedSessionIsGatedByTheFirstRolesBoundaryAndSCPs() throws {
  var scenario = assume(
    Principals.session(Accounts.a, "R1"), trust: trusting(#"{"AWS":"arn:aws:iam::111111111111:role/R1"}"#))
  #expect(try scenario.outcome() == .allow)
  scenario.boundary = boundaryWithoutSTS
  #expect(try scenario.outcome() == .implicitDeny)
  scenario.boundary = nil
  scenario.serviceControlPolicies = [
    [
      #"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"sts:*","Resource":"*"}]}"#
    ]
  ]
  #expect(try scenario.outcome() == .explicitDeny)
}

@Test func case43PrincipalArnOfARoleWithAPathIncludesThePath() throws {
  let bucket =
    #"{"Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/*","#
    + #""Condition":{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111111111111:role/Admin"}}}}"#
  var withPath = Scenario(
    Principals.session(Accounts.a, "Admin"), "s3:GetObject", "arn:aws:s3:::bkt/k", resourceAccount: Accounts.a
  )
  withPath.resourcePolicy = bucket
  withPath.adjustCaller = { $0.arn = "arn:aws:iam::111111111111:role/ops/Admin" }
  #expect(try withPath.outcome() == .implicitDeny)
  var withoutPath = withPath
  withoutPath.adjustCaller = { _ in }
  #expect(try withoutPath.outcome() == .allow)
}
