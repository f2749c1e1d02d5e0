import Testing

@testable import PolicyLanguage

/// The statement of a one-statement policy (Version 2012-10-17 unless `version` says otherwise).
private func statement(_ body: String, version: String? = "2012-10-17", kind: PolicyKind = .identity) throws
  -> (Statement, Bool)
{
  let versionMember = version.map { #""Version": ""# + $0 + #"", "# } ?? ""
  let result = parsePolicy("{" + versionMember + #""Statement": "# + body + "}", kind: kind)
  let document = try #require(result.document, "\(result.diagnostics)")
  return (try #require(document.statements.first), document.version.supportsVariables)
}

@Test func case14DenyOutsideTheOrganizationAppliesToCallersWithoutTheKey() throws {
  let (deny, variables) = try statement(
    #"{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalOrgID": "o-abc123"}}}"#,
    kind: .resource)
  let inOrg = RequestContext(values: ["aws:PrincipalOrgID": ["o-abc123"]])
  #expect(deny.conditionsHold(in: inOrg, variables: variables) == .no)
  #expect(
    deny.conditionsHold(in: RequestContext(values: ["aws:PrincipalOrgID": ["o-x"]]), variables: variables)
      == .yes)
  #expect(deny.conditionsHold(in: RequestContext(), variables: variables) == .yes)
}

@Test func case15NegatedIfExistsWithAbsentKeyHolds() throws {
  let (deny, variables) = try statement(
    #"{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}}"#
  )
  #expect(deny.conditionsHold(in: RequestContext(), variables: variables) == .yes)
}

@Test func case16BoolFalseWithAbsentKeyDoesNotHoldButBoolIfExistsDoes() throws {
  let (plain, variables) = try statement(
    #"{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:PrincipalIsAWSService": "false"}}}"#
  )
  #expect(plain.conditionsHold(in: RequestContext(), variables: variables) == .no)
  let (ifExists, _) = try statement(
    #"{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}"#
  )
  #expect(ifExists.conditionsHold(in: RequestContext(), variables: variables) == .yes)
}

@Test func case18PrefixConditionNeedsTheKey() throws {
  let (allow, variables) = try statement(
    #"{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::bkt", "Condition": {"StringLike": {"s3:prefix": "team/*"}}}"#
  )
  #expect(
    allow.conditionsHold(in: RequestContext(values: ["s3:prefix": ["team/"]]), variables: variables) == .yes)
  #expect(
    allow.conditionsHold(in: RequestContext(values: ["s3:prefix": ["team"]]), variables: variables) == .no)
  #expect(allow.conditionsHold(in: RequestContext(), variables: variables) == .no)
}

@Test func cases19And20ResourcesAreCaseSensitiveAndActionsAreNot() throws {
  let (upper, _) = try statement(
    #"{"Effect": "Allow", "Action": "S3:getobject", "Resource": "arn:aws:s3:::Bkt/*"}"#)
  #expect(upper.resource?.applies(to: "arn:aws:s3:::bkt/k") == false)
  #expect(upper.action.applies(to: "s3:GetObject"))
  let (prefix, _) = try statement(#"{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::bkt*"}"#)
  #expect(prefix.resource?.applies(to: "arn:aws:s3:::bkt-prod") == true)
}

@Test func cases21And22VariablesDependOnVersionAndResolution() throws {
  let body = #"{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::bkt/${aws:username}/*"}"#
  let (old, oldVariables) = try statement(body, version: nil)
  let session = RequestContext(values: ["aws:userid": ["AROAEXAMPLE:alice"]])
  #expect(
    old.resource?.applies(to: "arn:aws:s3:::bkt/${aws:username}/k", context: session, variables: oldVariables)
      == .yes)
  #expect(
    old.resource?.applies(to: "arn:aws:s3:::bkt/alice/k", context: session, variables: oldVariables) == .no)
  let (new, newVariables) = try statement(body)
  #expect(
    new.resource?.applies(to: "arn:aws:s3:::bkt/alice/k", context: session, variables: newVariables) == .no)
  #expect(
    new.resource?.applies(to: "arn:aws:s3:::bkt/${aws:username}/k", context: session, variables: newVariables)
      == .no)
}

@Test func cases23And24NegatedElementsReachEverythingElse() throws {
  let (notAction, _) = try statement(#"{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#)
  #expect(notAction.action.applies(to: "s3:PutBucketPolicy"))
  #expect(!notAction.action.applies(to: "IAM:CreateUser"))
  let (notResource, _) = try statement(
    #"{"Effect": "Deny", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::bkt/public/*"}"#)
  #expect(notResource.resource?.applies(to: "arn:aws:s3:::other/k") == true)
  #expect(notResource.resource?.applies(to: "arn:aws:s3:::bkt/private/k") == true)
  #expect(notResource.resource?.applies(to: "arn:aws:s3:::bkt/public/k") == false)
}

@Test func case25NegatedOperatorWithSeveralValuesNeedsNoneToMatch() throws {
  let (deny, variables) = try statement(
    #"{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:PrincipalAccount": ["222222222222", "333333333333"]}}}"#
  )
  for (account, denied) in [("222222222222", Tristate.no), ("333333333333", .no), ("444444444444", .yes)] {
    let context = RequestContext(values: ["aws:PrincipalAccount": [account]])
    #expect(deny.conditionsHold(in: context, variables: variables) == denied)
  }
}

@Test func case26ForAllValuesWithoutTagsHolds() throws {
  let (allow, variables) = try statement(
    #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}}"#
  )
  #expect(allow.conditionsHold(in: RequestContext(), variables: variables) == .yes)
  #expect(
    allow.conditionsHold(in: RequestContext(values: ["aws:TagKeys": ["team", "x"]]), variables: variables)
      == .no)
}

@Test func case36ExternalIdUnknownMakesTheTrustConditional() throws {
  let (trust, variables) = try statement(
    #"{"Effect": "Allow", "Principal": {"AWS": "222222222222"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "secret"}, "Bool": {"aws:MultiFactorAuthPresent": "true"}}}"#,
    kind: .trust)
  let context = RequestContext(
    values: ["aws:MultiFactorAuthPresent": ["true"]], unknownKeys: ["sts:ExternalId"])
  #expect(trust.conditionsHold(in: context, variables: variables) == .unknown)
  #expect(trust.undecidedConditions(in: context, variables: variables).map(\.key) == ["sts:ExternalId"])
  let withoutMFA = RequestContext(
    values: ["aws:MultiFactorAuthPresent": ["false"]], unknownKeys: ["sts:ExternalId"])
  #expect(trust.conditionsHold(in: withoutMFA, variables: variables) == .no)
}

@Test func case37NotPrincipalInATrustPolicyGrantsNothing() {
  let result = parsePolicy(
    #"{"Statement": {"Effect": "Allow", "NotPrincipal": {"AWS": "222222222222"}, "Action": "sts:AssumeRole"}}"#,
    kind: .trust)
  #expect(result.document == nil)
  #expect(result.errors.first?.pointer == "/Statement/NotPrincipal")
}

@Test func case43ArnEqualsComparesThePathToo() throws {
  let (allow, variables) = try statement(
    #"{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"ArnEquals": {"aws:PrincipalArn": "arn:aws:iam::111111111111:role/Admin"}}}"#
  )
  let withPath = RequestContext(values: ["aws:PrincipalArn": ["arn:aws:iam::111111111111:role/ops/Admin"]])
  #expect(allow.conditionsHold(in: withPath, variables: variables) == .no)
}
