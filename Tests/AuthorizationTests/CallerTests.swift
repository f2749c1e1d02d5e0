import PolicyLanguage
import Testing

@testable import Authorization

@Test func principalsParseIntoCallers() throws {
  let session = try #require(Caller(principal: "arn:aws:sts::111111111111:assumed-role/Deploy/ci-42"))
  #expect(session.kind == .role)
  #expect(session.arn == "arn:aws:iam::111111111111:role/Deploy")
  #expect(session.sessionName == "ci-42")
  #expect(session.account == "111111111111")
  #expect(Caller(principal: "arn:aws:iam::111111111111:user/dev/alice")?.kind == .user)
  #expect(Caller(principal: "111111111111")?.kind == .accountRoot)
  #expect(Caller(principal: "arn:aws:iam::111111111111:root")?.arn == "arn:aws:iam::111111111111:root")
  #expect(Caller(principal: "arn:aws:sts::111111111111:federated-user/bob")?.kind == .federatedUser)
  #expect(Caller(principal: "codebuild.amazonaws.com")?.kind == .service)
  #expect(Caller(principal: "*")?.kind == .anonymous)
  #expect(
    Caller(principal: "arn:aws:iam::111111111111:role/aws-service-role/x.amazonaws.com/R")?
      .isServiceLinkedRole == true)
  for invalid in [
    "", "alice", "arn:aws:iam::1111:user/u", "arn:aws:s3:::bkt", "arn:aws:sts::111111111111:assumed-role/R",
  ] {
    #expect(Caller(principal: invalid) == nil, "\(invalid)")
  }
}

@Test func principalReferencesMatchCallers() throws {
  let session = try #require(Caller(principal: "arn:aws:sts::111111111111:assumed-role/R/s"))
  #expect(session.match(.role(arn: "arn:aws:iam::111111111111:role/R", account: "111111111111")) == .role)
  #expect(
    session.match(
      .assumedRole(
        arn: "arn:aws:sts::111111111111:assumed-role/R/s", account: "111111111111", roleName: "R",
        sessionName: "s"))
      == .session)
  #expect(
    session.match(
      .assumedRole(
        arn: "arn:aws:sts::111111111111:assumed-role/R/t", account: "111111111111", roleName: "R",
        sessionName: "t"))
      == nil)
  #expect(session.match(.account(id: "111111111111")) == .account)
  #expect(session.match(.account(id: "222222222222")) == nil)
  #expect(session.match(.uniqueId("AROAEXAMPLE")) == nil)
  #expect(session.match(.everyone) == .everyone)
  let anonymous = try #require(Caller(principal: "*"))
  #expect(anonymous.match(.account(id: "111111111111")) == nil)
  #expect(anonymous.match(.everyone) == .everyone)
}

@Test func derivedContextKeysDescribeTheCaller() throws {
  var caller = try #require(Caller(principal: "arn:aws:sts::111111111111:assumed-role/R/alice"))
  caller.uniqueId = "AROAEXAMPLEID"
  caller.organizationId = "o-1"
  caller.tags = ["Team": "data"]
  let request = Request(
    caller: caller, action: "s3:GetObject", resource: "arn:aws:s3:::b/k",
    context: RequestContext(values: ["aws:PrincipalOrgID": ["o-given"]]))
  let context = request.effectiveContext
  #expect(context.lookup("aws:PrincipalArn") == .present(["arn:aws:iam::111111111111:role/R"]))
  #expect(context.lookup("aws:PrincipalType") == .present(["AssumedRole"]))
  #expect(context.lookup("aws:userid") == .present(["AROAEXAMPLEID:alice"]))
  #expect(context.lookup("aws:username") == .absent)
  #expect(context.lookup("aws:PrincipalIsAWSService") == .present(["false"]))
  #expect(context.lookup("aws:PrincipalOrgID") == .present(["o-given"]))
  #expect(context.lookup("aws:PrincipalTag/team") == .present(["data"]))
  #expect(context.lookup("aws:ResourceAccount") == .present(["111111111111"]))

  let user = Request(
    caller: try #require(Caller(principal: "arn:aws:iam::111111111111:user/dev/bob")), action: "s3:x",
    resource: "*")
  #expect(user.effectiveContext.lookup("aws:username") == .present(["bob"]))
  #expect(user.effectiveContext.lookup("aws:userid") == .unknown)

  let service = Request(
    caller: try #require(Caller(principal: "ec2.amazonaws.com")), action: "sts:AssumeRole", resource: "*")
  #expect(service.effectiveContext.lookup("aws:PrincipalIsAWSService") == .present(["true"]))
  #expect(service.effectiveContext.lookup("aws:PrincipalServiceName") == .present(["ec2.amazonaws.com"]))
  #expect(service.effectiveContext.lookup("aws:PrincipalArn") == .absent)

  var unknownTags = RequestContext()
  unknownTags.declareUnknown("aws:PrincipalTag/*")
  let tagged = Request(caller: caller, action: "s3:x", resource: "*", context: unknownTags)
  #expect(tagged.effectiveContext.lookup("aws:PrincipalTag/team") == .unknown)
}

@Test func requirementsCombineAsAndOrOverAlternatives() {
  let first = Condition(op: ConditionOperator(raw: "Bool", base: .bool), key: "a", values: ["true"])
  let second = Condition(op: ConditionOperator(raw: "Bool", base: .bool), key: "b", values: ["true"])
  let a = Requirement(undecided: [first])
  let b = Requirement(undecided: [second])
  #expect((a || .always) == .always)
  #expect((a && .never) == .never)
  #expect((a && .always) == a)
  #expect((a || b).alternatives == [[first], [second]])
  #expect((a && b).alternatives == [[first, second]])
  #expect(((a || b) && a).alternatives == [[first], [second, first]])
  #expect(Requirement(undecided: []) == .always)
}

/// A role session is exempt from a NotPrincipal only when its account, its role and the session
/// itself are listed (IAM guide, NotPrincipal); a session whose name is not known is exempt only
/// under the listed names.
@Test func notPrincipalExemptsARoleSessionOnlyWithItsName() throws {
  let role = "arn:aws:iam::222222222222:role/BReader"
  let session = "arn:aws:sts::222222222222:assumed-role/BReader/job"
  let listed: [PrincipalReference] = [
    .role(arn: role, account: "222222222222"),
    .assumedRole(arn: session, account: "222222222222", roleName: "BReader", sessionName: "job"),
    .account(id: "222222222222"),
  ]
  var caller = try #require(Caller(principal: session))
  caller.arn = role
  #expect(caller.exemption(by: listed) == .exempt)
  var other = caller
  other.sessionArn = "arn:aws:sts::222222222222:assumed-role/BReader/other"
  #expect(other.exemption(by: listed) == .notExempt)
  #expect(caller.exemption(by: Array(listed.dropFirst(2))) == .notExempt, "the role must be listed too")
  var unknown = caller
  unknown.sessionArn = nil
  #expect(unknown.exemption(by: listed) == .ifSessionNamed(["job"]))
  #expect(unknown.exemption(by: [listed[0], listed[2]]) == .notExempt)
}
