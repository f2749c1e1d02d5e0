import Testing

@testable import PolicyLanguage

@Test func globWildcards() {
  #expect(Glob("*").matches(""))
  #expect(Glob("*").matchesEverything)
  #expect(Glob("a*b*c").matches("aXXbYYc"))
  #expect(!Glob("a*b*c").matches("aXXbYY"))
  #expect(Glob("a??").matches("aéz"))
  #expect(!Glob("a??").matches("aé"))
  #expect(Glob("*?").matches("é"))
  #expect(!Glob("*??").matches("é"))
  #expect(Glob("s3:Get*", caseInsensitive: true).matches("S3:GETOBJECT"))
  #expect(!Glob("s3:Get*").matches("s3:getObject"))
  #expect(Glob("ÉTÉ*", caseInsensitive: true).matches("été-x"))
  #expect(Glob("").matches(""))
  #expect(!Glob("").matches("a"))
}

@Test func globStaysLinearOnPathologicalInput() {
  let text = String(repeating: "a", count: 100_000)
  #expect(!Glob("*a*a*a*a*a*b").matches(text))
}

@Test func resourceMatchingIsFieldWise() {
  let bucketObjects = ResourceElement(["arn:aws:s3:::bkt/*"])
  #expect(bucketObjects.applies(to: "arn:aws:s3:::bkt/a/b:c"))
  #expect(!bucketObjects.applies(to: "arn:aws:s3:::bkt"))
  #expect(!ResourceElement(["arn:aws:s3:::Bkt/*"]).applies(to: "arn:aws:s3:::bkt/x"))
  #expect(ResourceElement(["arn:aws:s3:::bkt*"]).applies(to: "arn:aws:s3:::bkt-prod"))
  #expect(ResourceElement(["*"]).applies(to: "anything"))
  #expect(ResourceElement(["arn:aws:iam::*:role/*"]).applies(to: "arn:aws:iam::111122223333:role/a/b"))
  #expect(!ResourceElement(["arn:aws:*:::bkt"]).applies(to: "arn:aws:s3:x::bkt"))
  #expect(!ResourceElement(["arn:*:s3:::*"]).applies(to: "arn:aws:iam::1:role/x"))
  #expect(ResourceElement(["arn:aws:s3:::*"]).applies(to: "arn:aws:s3:::b/k"))
  #expect(ResourceElement(["arn:aws:s3:*"]).applies(to: "arn:aws:s3:::b/k"))
  #expect(ResourceElement(negated: true, ["arn:aws:s3:::bkt/public/*"]).applies(to: "arn:aws:s3:::other/x"))
}

@Test func resourceVariables() {
  let home = ResourceElement(["arn:aws:s3:::bkt/${aws:username}/*"])
  let alice = RequestContext(values: ["aws:username": ["alice"]])
  #expect(home.applies(to: "arn:aws:s3:::bkt/alice/x", context: alice, variables: true) == .yes)
  #expect(home.applies(to: "arn:aws:s3:::bkt/bob/x", context: alice, variables: true) == .no)
  #expect(home.applies(to: "arn:aws:s3:::bkt/${aws:username}/x", context: alice, variables: true) == .no)
  #expect(home.applies(to: "arn:aws:s3:::bkt/${aws:username}/x", context: alice, variables: false) == .yes)
  #expect(home.applies(to: "arn:aws:s3:::bkt/alice/x", context: RequestContext(), variables: true) == .no)
  let unknown = RequestContext(unknownKeys: ["aws:username"])
  #expect(home.applies(to: "arn:aws:s3:::bkt/alice/x", context: unknown, variables: true) == .unknown)
  let negated = ResourceElement(negated: true, ["arn:aws:s3:::bkt/${aws:username}/*"])
  #expect(negated.applies(to: "arn:aws:s3:::bkt/alice/x", context: unknown, variables: true) == .unknown)
  #expect(negated.applies(to: "arn:aws:s3:::bkt/alice/x", context: alice, variables: true) == .no)
  let fallback = ResourceElement(["arn:aws:s3:::bkt/${aws:PrincipalTag/team, 'shared'}/*"])
  #expect(
    fallback.applies(to: "arn:aws:s3:::bkt/shared/x", context: RequestContext(), variables: true) == .yes)
  let literalStar = ResourceElement(["arn:aws:s3:::bkt/${*}"])
  #expect(literalStar.applies(to: "arn:aws:s3:::bkt/*", context: RequestContext(), variables: true) == .yes)
  #expect(literalStar.applies(to: "arn:aws:s3:::bkt/x", context: RequestContext(), variables: true) == .no)
  let account = ResourceElement(["arn:aws:s3:::bkt/${aws:PrincipalAccount}/*"])
  let twoAccounts = RequestContext(values: ["aws:PrincipalAccount": ["1", "2"]])
  #expect(account.applies(to: "arn:aws:s3:::bkt/1/x", context: twoAccounts, variables: true) == .no)
}

@Test func policyTemplatesSplitOnce() {
  #expect(PolicyTemplate("plain") == nil)
  #expect(
    PolicyTemplate("a/${aws:username}/${ aws:PrincipalTag/x , 'd' }${*}")?.pieces == [
      .text("a/"), .variable(key: "aws:username", defaultValue: nil), .text("/"),
      .variable(key: "aws:PrincipalTag/x", defaultValue: "d"), .literal("*"),
    ])
  #expect(PolicyTemplate("${unclosed")?.pieces == [.text("${unclosed")])
}

@Test func statementsFromParsedVersionUseVariablesOnlyIn2012() throws {
  for (version, expected) in [("2012-10-17", Tristate.no), ("2008-10-17", .yes)] {
    let text =
      #"{"Version":""# + version
      + #"","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"}}"#
    let document = try #require(parsePolicy(text).document)
    let resource = try #require(document.statements.first?.resource)
    let result = resource.applies(
      to: "arn:aws:s3:::b/${aws:username}/k", context: RequestContext(values: ["aws:username": ["u"]]),
      variables: document.version.supportsVariables)
    #expect(result == expected, "\(version)")
  }
}
