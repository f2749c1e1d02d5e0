import Testing

@testable import PolicyLanguage

private func conditions(_ json: String) -> ([Condition], PolicyParseResult) {
  let text =
    #"{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": "# + json + "}}"
  let result = parsePolicy(text)
  return (result.document?.statements.first?.conditions ?? [], result)
}

@Test(arguments: [
  ("StringEquals", ConditionOperatorBase.stringEquals, false, ConditionOperator.SetQualifier.none),
  ("stringequalsifexists", .stringEquals, true, .none),
  ("ForAllValues:StringLike", .stringLike, false, .forAllValues),
  ("forAnyValue:ArnNotLikeIfExists", .arnNotLike, true, .forAnyValue),
  ("IpAddress", .ipAddress, false, .none),
  ("NotIpAddressIfExists", .notIpAddress, true, .none),
  ("DateGreaterThanEquals", .dateGreaterThanEquals, false, .none),
  ("Null", .null, false, .none),
  ("StringEqualsAnything", .unknown, false, .none),
  ("IfExists", .unknown, false, .none),
])
func parsesOperators(
  raw: String, base: ConditionOperatorBase, ifExists: Bool, qualifier: ConditionOperator.SetQualifier
) {
  let op = ConditionOperator.parse(raw)
  #expect(op.base == base)
  #expect(op.ifExists == ifExists)
  #expect(op.qualifier == qualifier)
  #expect(op.raw == raw)
}

@Test func readsKeysAndStringifiesValues() throws {
  let (clauses, result) = conditions(
    #"{"NumericLessThan": {"s3:max-keys": 10}, "Bool": {"aws:SecureTransport": false}, "StringEquals": {"aws:PrincipalOrgID": ["o-1", "o-2"], "s3:prefix": "a"}}"#
  )
  #expect(result.diagnostics.isEmpty)
  #expect(clauses.map(\.values) == [["10"], ["false"], ["o-1", "o-2"], ["a"]])
  #expect(clauses[2].normalizedKey == "aws:principalorgid")
  #expect(clauses[0].location?.line == 1)
}

@Test func unknownOperatorIsKeptAsUndecidable() throws {
  let (clauses, result) = conditions(#"{"StringEqualz": {"aws:x": "y"}}"#)
  #expect(result.document?.statements.count == 1)
  #expect(clauses.first?.op.base == .unknown)
  #expect(clauses.first?.evaluate(in: RequestContext(values: ["aws:x": ["y"]]), variables: true) == .unknown)
  #expect(result.warnings.first?.pointer == "/Statement/Condition/StringEqualz")
}

@Test func unknownOperatorInADenyStaysAConditionalDeny() throws {
  let text =
    #"{"Statement": {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Whatever": {"k": "v"}}}}"#
  let statement = try #require(onlyStatement(text))
  #expect(statement.effect == .deny)
  #expect(statement.conditions.first?.evaluate(in: RequestContext(), variables: false) == .unknown)
}

@Test(arguments: [
  #"{"StringEquals": "x"}"#, #"{"StringEquals": {"k": null}}"#, #"{"StringEquals": {"k": [{"a": 1}]}}"#,
  #""x""#,
])
func badConditionValuesBecomeUndecidable(json: String) throws {
  let (clauses, result) = conditions(json)
  #expect(result.document?.statements.count == 1)
  #expect(result.errors.count == 1)
  #expect(clauses.count == 1)
  #expect(clauses.first?.evaluate(in: RequestContext(values: ["k": ["x"]]), variables: false) == .unknown)
}

@Test func warnsAboutValuesTheOperatorCannotRead() {
  let (_, result) = conditions(
    #"{"DateLessThan": {"aws:CurrentTime": "yesterday"}, "IpAddress": {"aws:SourceIp": "10.0.0.0/33"}}"#)
  #expect(result.warnings.count == 2)
}

@Test func duplicateOperatorsAndKeysKeepTheLast() {
  let (clauses, result) = conditions(
    #"{"StringEquals": {"a": "1", "A": "2"}, "StringLike": {"b": "x"}, "StringEquals": {"c": "3"}}"#)
  #expect(clauses.map(\.key) == ["c", "b"])
  #expect(result.warnings.count == 2)
}
