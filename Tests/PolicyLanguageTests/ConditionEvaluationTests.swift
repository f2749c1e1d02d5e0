import Testing

@testable import PolicyLanguage

/// Evaluates `operator` `{key: values}` against a context holding `key` = `request` (absent when nil).
private func evaluate(
  _ op: String, _ values: [String], request: [String]?, key: String = "k", variables: Bool = true,
  context extra: [String: [String]] = [:], unknown: Set<String> = []
) -> Tristate {
  var context = RequestContext(values: extra, unknownKeys: unknown)
  if let request { context.set(key, request) }
  return Condition(op: .parse(op), key: key, values: values).evaluate(in: context, variables: variables)
}

@Test func stringOperators() {
  #expect(evaluate("StringEquals", ["a", "b"], request: ["b"]) == .yes)
  #expect(evaluate("StringEquals", ["a"], request: ["A"]) == .no)
  #expect(evaluate("StringNotEquals", ["a", "b"], request: ["b"]) == .no)
  #expect(evaluate("StringNotEquals", ["a", "b"], request: ["c"]) == .yes)
  #expect(evaluate("StringEqualsIgnoreCase", ["ABC"], request: ["abc"]) == .yes)
  #expect(evaluate("StringNotEqualsIgnoreCase", ["ABC"], request: ["abc"]) == .no)
  #expect(evaluate("StringLike", ["team/*"], request: ["team/a/b"]) == .yes)
  #expect(evaluate("StringLike", ["team/*"], request: ["team"]) == .no)
  #expect(evaluate("StringLike", ["a?c"], request: ["abc"]) == .yes)
  #expect(evaluate("StringLike", ["a?c"], request: ["aéc"]) == .yes)
  #expect(evaluate("StringLike", ["a?c"], request: ["ac"]) == .no)
  #expect(evaluate("StringNotLike", ["team/*"], request: ["other"]) == .yes)
}

@Test func absentKeyRules() {
  #expect(evaluate("StringEquals", ["a"], request: nil) == .no)
  #expect(evaluate("StringNotEquals", ["a"], request: nil) == .yes)
  #expect(evaluate("StringEqualsIfExists", ["a"], request: nil) == .yes)
  #expect(evaluate("StringNotEqualsIfExists", ["a"], request: nil) == .yes)
  #expect(evaluate("StringEqualsIfExists", ["a"], request: ["b"]) == .no)
  #expect(evaluate("Bool", ["false"], request: nil) == .no)
  #expect(evaluate("BoolIfExists", ["false"], request: nil) == .yes)
  #expect(evaluate("NotIpAddress", ["10.0.0.0/8"], request: nil) == .yes)
  #expect(evaluate("ArnNotLike", ["arn:aws:iam::*:role/x"], request: nil) == .yes)
}

@Test func unknownKeysAreUndecidable() {
  #expect(evaluate("StringEquals", ["a"], request: nil, unknown: ["K"]) == .unknown)
  #expect(evaluate("StringNotEqualsIfExists", ["a"], request: nil, unknown: ["k"]) == .unknown)
  #expect(evaluate("Null", ["true"], request: nil, unknown: ["k"]) == .unknown)
  #expect(evaluate("ForAllValues:StringEquals", ["a"], request: nil, unknown: ["k"]) == .unknown)
  #expect(
    evaluate("StringEquals", ["a"], request: nil, key: "aws:RequestTag/team", unknown: ["aws:RequestTag/*"])
      == .unknown)
}

@Test func keysAreCaseInsensitive() {
  let context = RequestContext(values: ["AWS:PrincipalOrgID": ["o-1"]])
  let condition = Condition(op: .parse("StringEquals"), key: "aws:principalorgid", values: ["o-1"])
  #expect(condition.evaluate(in: context, variables: false) == .yes)
}

@Test func numericOperators() {
  #expect(evaluate("NumericEquals", ["10"], request: ["10.0"]) == .yes)
  #expect(evaluate("NumericNotEquals", ["10"], request: ["11"]) == .yes)
  #expect(evaluate("NumericLessThan", ["10"], request: ["9"]) == .yes)
  #expect(evaluate("NumericLessThan", ["10"], request: ["10"]) == .no)
  #expect(evaluate("NumericLessThanEquals", ["10"], request: ["10"]) == .yes)
  #expect(evaluate("NumericGreaterThan", ["10"], request: ["1e2"]) == .yes)
  #expect(evaluate("NumericGreaterThanEquals", ["-1.5"], request: ["-1.5"]) == .yes)
  #expect(evaluate("NumericEquals", ["10"], request: ["ten"]) == .no)
  #expect(evaluate("NumericEquals", ["0x10"], request: ["16"]) == .no)
}

@Test func dateOperators() {
  #expect(evaluate("DateLessThan", ["2024-01-01T00:00:00Z"], request: ["2023-12-31T23:59:59Z"]) == .yes)
  #expect(evaluate("DateGreaterThan", ["2024-01-01"], request: ["2024-01-01T00:00:01Z"]) == .yes)
  #expect(evaluate("DateEquals", ["2024-01-01T02:00:00+02:00"], request: ["2024-01-01T00:00:00Z"]) == .yes)
  #expect(evaluate("DateEquals", ["2024-01-01T00:00:00.000Z"], request: ["1704067200"]) == .yes)
  #expect(evaluate("DateEquals", ["20240101T000000Z"], request: ["2024-01-01T00:00Z"]) == .yes)
  #expect(evaluate("DateNotEquals", ["2024-01-01"], request: ["2024-01-02"]) == .yes)
  #expect(evaluate("DateLessThanEquals", ["1704067200"], request: ["2024-01-01T00:00:00Z"]) == .yes)
  #expect(evaluate("DateGreaterThanEquals", ["2024-01-01"], request: ["not a date"]) == .no)
  #expect(ConditionDate.parse("2024-02-30T25:00:00Z") == nil)
  #expect(ConditionDate.parse("2000-03-01") == 951_868_800)
}

@Test func boolBinaryAndNull() {
  #expect(evaluate("Bool", ["true"], request: ["true"]) == .yes)
  #expect(evaluate("Bool", ["true"], request: ["TRUE"]) == .yes)
  #expect(evaluate("Bool", ["false"], request: ["true"]) == .no)
  #expect(evaluate("BinaryEquals", ["QmluYXJ5"], request: ["QmluYXJ5"]) == .yes)
  #expect(evaluate("BinaryEquals", ["QmluYXJ5"], request: ["QmluYXJ6"]) == .no)
  #expect(Base64.decode("QmluYXJ5") == Array("Binary".utf8))
  #expect(Base64.decode("YQ==") == [0x61])
  #expect(Base64.decode("Y") == nil)
  #expect(evaluate("Null", ["true"], request: nil) == .yes)
  #expect(evaluate("Null", ["true"], request: ["x"]) == .no)
  #expect(evaluate("Null", ["false"], request: ["x"]) == .yes)
  #expect(evaluate("Null", ["false"], request: nil) == .no)
}

@Test func ipAddressOperators() {
  #expect(evaluate("IpAddress", ["203.0.113.0/24"], request: ["203.0.113.7"]) == .yes)
  #expect(evaluate("IpAddress", ["203.0.113.0/24"], request: ["203.0.114.7"]) == .no)
  #expect(evaluate("IpAddress", ["203.0.113.7"], request: ["203.0.113.7"]) == .yes)
  #expect(evaluate("IpAddress", ["10.0.0.0/9"], request: ["10.127.255.255"]) == .yes)
  #expect(evaluate("IpAddress", ["10.0.0.0/9"], request: ["10.128.0.0"]) == .no)
  #expect(evaluate("NotIpAddress", ["10.0.0.0/8", "192.168.0.0/16"], request: ["192.168.1.1"]) == .no)
  #expect(evaluate("NotIpAddress", ["10.0.0.0/8"], request: ["11.0.0.1"]) == .yes)
  #expect(evaluate("IpAddress", ["2001:db8::/32"], request: ["2001:db8:1::1"]) == .yes)
  #expect(evaluate("IpAddress", ["2001:db8::/32"], request: ["2001:db9::1"]) == .no)
  #expect(evaluate("IpAddress", ["2001:DB8:0:0:0:0:0:0/126"], request: ["2001:db8::3"]) == .yes)
  #expect(evaluate("IpAddress", ["0.0.0.0/0"], request: ["2001:db8::1"]) == .no)
  #expect(evaluate("IpAddress", ["1.2.3.0/24"], request: ["::ffff:1.2.3.4"]) == .yes)
  #expect(evaluate("IpAddress", ["::/0"], request: ["::1"]) == .yes)
  #expect(IPAddressRange("1.2.3.4/33") == nil)
  #expect(IPAddressRange("1.2.3") == nil)
  #expect(IPAddressRange("1::2::3") == nil)
  #expect(IPAddressRange("2001:db8::/32")?.description == "2001:db8:0:0:0:0:0:0/32")
}

@Test func arnOperators() {
  let role = "arn:aws:iam::111122223333:role/ops/Admin"
  #expect(evaluate("ArnEquals", [role], request: [role]) == .yes)
  #expect(evaluate("ArnEquals", ["arn:aws:iam::111122223333:role/Admin"], request: [role]) == .no)
  #expect(evaluate("ArnLike", ["arn:aws:iam::*:role/ops/*"], request: [role]) == .yes)
  #expect(
    evaluate("ArnLike", ["arn:aws:iam::*:role/*"], request: ["arn:aws:iam::111122223333:user/x"]) == .no)
  #expect(evaluate("ArnLike", ["arn:aws:*"], request: [role]) == .yes)
  #expect(evaluate("ArnNotEquals", [role], request: [role]) == .no)
  #expect(
    evaluate("ArnNotLike", ["arn:aws:iam::*:role/ops/*"], request: ["arn:aws:iam::1:role/dev/x"]) == .yes)
  #expect(evaluate("ArnLike", ["arn:aws:iam::*:role/*"], request: ["not-an-arn"]) == .no)
}

@Test func setOperators() {
  #expect(evaluate("ForAllValues:StringEquals", ["team"], request: nil) == .yes)
  #expect(evaluate("ForAllValues:StringEquals", ["team"], request: []) == .yes)
  #expect(evaluate("ForAllValues:StringEquals", ["team", "env"], request: ["team", "env"]) == .yes)
  #expect(evaluate("ForAllValues:StringEquals", ["team"], request: ["team", "env"]) == .no)
  #expect(evaluate("ForAnyValue:StringEquals", ["team"], request: nil) == .no)
  #expect(evaluate("ForAnyValue:StringEquals", ["team"], request: []) == .no)
  #expect(evaluate("ForAnyValue:StringEquals", ["team"], request: ["env", "team"]) == .yes)
  #expect(evaluate("ForAnyValue:StringEquals", ["team"], request: ["env"]) == .no)
  #expect(evaluate("ForAnyValue:StringNotEquals", ["team"], request: ["team", "env"]) == .yes)
  #expect(evaluate("ForAllValues:StringNotEquals", ["secret"], request: ["team", "env"]) == .yes)
  #expect(evaluate("ForAllValues:StringNotEquals", ["secret"], request: ["team", "secret"]) == .no)
  #expect(evaluate("ForAnyValue:StringLike", ["o-1/*"], request: ["o-2/r/ou", "o-1/r/ou"]) == .yes)
  #expect(evaluate("StringEquals", ["b"], request: ["a", "b"]) == .yes)
  #expect(evaluate("StringNotEquals", ["b"], request: ["a", "b"]) == .no)
}

@Test func policyVariablesInConditionValues() {
  let user = ["aws:username": ["alice"]]
  #expect(
    evaluate("StringLike", ["home/${aws:username}/*"], request: ["home/alice/x"], context: user) == .yes)
  #expect(evaluate("StringLike", ["home/${aws:username}/*"], request: ["home/bob/x"], context: user) == .no)
  #expect(
    evaluate("StringLike", ["home/${aws:username}/*"], request: ["home/${aws:username}/x"], variables: false)
      == .yes)
  #expect(evaluate("StringEquals", ["${aws:username}"], request: ["alice"]) == .no)
  #expect(evaluate("StringNotEquals", ["${aws:username}"], request: ["alice"]) == .yes)
  #expect(evaluate("StringEquals", ["${aws:PrincipalTag/team, 'none'}"], request: ["none"]) == .yes)
  #expect(
    evaluate(
      "StringEquals", ["${aws:PrincipalTag/team,'none'}"], request: ["red"],
      context: ["aws:principaltag/team": ["red"]])
      == .yes)
  #expect(
    evaluate("StringEquals", ["${aws:username}"], request: ["alice"], unknown: ["aws:username"]) == .unknown)
  #expect(evaluate("StringEquals", ["a${*}b${?}c${$}"], request: ["a*b?c$"]) == .yes)
  #expect(evaluate("StringLike", ["${*}"], request: ["anything"]) == .no)
  #expect(evaluate("StringLike", ["${*}"], request: ["*"]) == .yes)
  #expect(
    evaluate("StringLike", ["${aws:username}"], request: ["a*"], context: ["aws:username": ["a*"]]) == .yes)
  #expect(
    evaluate("StringLike", ["${aws:username}"], request: ["ab"], context: ["aws:username": ["a*"]]) == .no)
  #expect(
    evaluate(
      "ArnLike", ["arn:aws:iam::${aws:PrincipalAccount}:role/*"],
      request: ["arn:aws:iam::111122223333:role/x"],
      context: ["aws:PrincipalAccount": ["111122223333"]]) == .yes)
  #expect(evaluate("NumericEquals", ["${aws:x}"], request: ["1"], context: ["aws:x": ["1"]]) == .no)
}

@Test func undecidableRequestVariablesCombineThreeValued() {
  let condition = Condition(op: .parse("StringEquals"), key: "k", values: ["x", "${aws:username}"])
  var context = RequestContext(values: ["k": ["x"]], unknownKeys: ["aws:username"])
  #expect(condition.evaluate(in: context, variables: true) == .yes)
  context.set("k", ["y"])
  #expect(condition.evaluate(in: context, variables: true) == .unknown)
}

@Test func conditionsRecompileWhenEdited() {
  var condition = Condition(op: .parse("NumericLessThan"), key: "k", values: ["10"])
  let context = RequestContext(values: ["k": ["15"]])
  #expect(condition.evaluate(in: context, variables: false) == .no)
  condition.values = ["20"]
  #expect(condition.evaluate(in: context, variables: false) == .yes)
  condition.op = .parse("NumericGreaterThan")
  #expect(condition.evaluate(in: context, variables: false) == .no)
}
