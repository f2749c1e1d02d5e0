import Testing

@testable import PolicyLanguage

private func principals(_ json: String, kind: PolicyKind = .resource) -> (
  PrincipalElement?, PolicyParseResult
) {
  let text =
    #"{"Statement": {"Effect": "Allow", "Principal": "# + json + #", "Action": "s3:*", "Resource": "*"}}"#
  let result = parsePolicy(text, kind: kind)
  return (result.document?.statements.first?.principal, result)
}

@Test(arguments: [
  (#""*""#, PrincipalReference.everyone),
  (#"{"AWS": "*"}"#, .everyone),
  (#"{"AWS": "111122223333"}"#, .account(id: "111122223333")),
  (#"{"AWS": "arn:aws:iam::111122223333:root"}"#, .account(id: "111122223333")),
  (
    #"{"AWS": "arn:aws:iam::111122223333:user/dev/alice"}"#,
    .user(arn: "arn:aws:iam::111122223333:user/dev/alice", account: "111122223333")
  ),
  (
    #"{"AWS": "arn:aws:iam::111122223333:role/app/Reader"}"#,
    .role(arn: "arn:aws:iam::111122223333:role/app/Reader", account: "111122223333")
  ),
  (
    #"{"AWS": "arn:aws:sts::111122223333:assumed-role/Reader/alice"}"#,
    .assumedRole(
      arn: "arn:aws:sts::111122223333:assumed-role/Reader/alice", account: "111122223333", roleName: "Reader",
      sessionName: "alice")
  ),
  (
    #"{"AWS": "arn:aws:sts::111122223333:federated-user/bob"}"#,
    .federatedUser(arn: "arn:aws:sts::111122223333:federated-user/bob", account: "111122223333")
  ),
  (#"{"AWS": "AROAEXAMPLEID123456"}"#, .uniqueId("AROAEXAMPLEID123456")),
  (#"{"AWS": "AIDAEXAMPLEID123456"}"#, .uniqueId("AIDAEXAMPLEID123456")),
  (#"{"Service": "ec2.amazonaws.com"}"#, .service("ec2.amazonaws.com")),
  (
    #"{"Federated": "arn:aws:iam::111122223333:saml-provider/Okta"}"#,
    .federatedProvider("arn:aws:iam::111122223333:saml-provider/Okta")
  ),
  (#"{"Federated": "accounts.google.com"}"#, .federatedProvider("accounts.google.com")),
  (
    #"{"CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}"#,
    .canonicalUser("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be")
  ),
])
func classifiesEveryPrincipalForm(json: String, expected: PrincipalReference) {
  let (element, result) = principals(json)
  #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
  #expect(element?.entries == [expected])
}

@Test func readsArraysAndSeveralTypes() {
  let (element, _) = principals(
    #"{"AWS": ["111122223333", "arn:aws:iam::444455556666:role/R"], "Service": ["a.amazonaws.com"]}"#)
  #expect(element?.entries.count == 3)
  #expect(element?.entries.map(\.account) == ["111122223333", "444455556666", nil])
}

@Test(arguments: [
  #"{"AWS": "arn:aws:iam::111122223333:role/*"}"#,
  #"{"AWS": "arn:aws:iam::*:root"}"#,
  #"{"AWS": "1111*"}"#,
  #"{"Service": "*.amazonaws.com"}"#,
])
func reportsPartialWildcards(json: String) throws {
  let (element, result) = principals(json)
  let error = try #require(result.errors.first)
  #expect(error.message.contains("partial wildcards"))
  #expect(error.location != nil)
  guard case .unrecognized = element?.entries.first else {
    Issue.record("expected an unrecognized entry")
    return
  }
}

@Test(arguments: [
  #"{"AWS": "arn:aws:iam::111122223333:group/admins"}"#,
  #"{"AWS": "arn:aws:sts::111122223333:assumed-role/OnlyRole"}"#,
  #"{"AWS": "alice"}"#,
  #"{"AWS": "arn:aws:iam::12345:root"}"#,
])
func reportsInvalidPrincipals(json: String) {
  let (element, result) = principals(json)
  #expect(result.errors.first?.message.contains("not a valid AWS principal") == true)
  #expect(element?.entries.count == 1)
}

@Test func bareStringPrincipalIsReadAsAWSWithAWarning() {
  let (element, result) = principals(#""111122223333""#)
  #expect(element?.entries == [.account(id: "111122223333")])
  #expect(result.warnings.count == 1)
}

@Test func emptyPrincipalDropsTheStatement() {
  let (_, result) = principals("{}")
  #expect(result.document == nil)
  #expect(result.errors.first?.message.contains("names no principal") == true)
}

@Test func parsesARNs() throws {
  let arn = try #require(ARN("arn:aws:s3:::bkt/a:b/c"))
  #expect(arn.partition == "aws")
  #expect(arn.service == "s3")
  #expect(arn.region == "")
  #expect(arn.account == "")
  #expect(arn.resource == "bkt/a:b/c")
  #expect(arn.description == "arn:aws:s3:::bkt/a:b/c")
  #expect(ARN("arn:aws:iam::1:role/x")?.resourceType == "role")
  #expect(ARN("arn:aws:s3") == nil)
  #expect(ARN("urn:aws:s3:::b") == nil)
}

/// AWS supports NotPrincipal only with Deny: an Allow with NotPrincipal is kept (evaluated as
/// written, which over-reports rather than hides) and flagged at the element.
@Test(arguments: [("Allow", 1), ("Deny", 0)])
func notPrincipalWithAllowIsFlagged(effect: String, warnings: Int) {
  let text =
    #"{"Statement": {"Effect": "\#(effect)", "NotPrincipal": {"AWS": "arn:aws:iam::111111111111:user/u"}, "Action": "s3:*", "Resource": "*"}}"#
  let result = parsePolicy(text, kind: .resource)
  #expect(result.document?.statements.count == 1)
  #expect(result.warnings.count == warnings)
  if warnings > 0 {
    #expect(result.warnings.first?.pointer == "/Statement/NotPrincipal")
    #expect(result.warnings.first?.message.contains("only with Deny") == true)
  }
}
