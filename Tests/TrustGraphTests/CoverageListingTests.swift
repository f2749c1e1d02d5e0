import PolicyLanguage
import Testing

@testable import TrustGraph

private func clause(_ base: ConditionOperatorBase, _ values: String..., ifExists: Bool = false) -> Condition {
  let raw = base.rawValue + (ifExists ? "IfExists" : "")
  return Condition(
    op: ConditionOperator(raw: raw, base: base, ifExists: ifExists), key: "s3:prefix", values: values)
}

private func restriction(_ conditions: Condition...) -> S3PrefixRestriction {
  S3PrefixRestriction(conditions: conditions)!
}

@Test(arguments: [
  ("team/", CoverageResult.Kind.all),
  ("team/x", .all),
  ("team", .some),
  ("", .some),
  ("other/", .none),
])
func stringLikePrefixAdmitsOnlyValuesUnderIt(queried: String, expected: CoverageResult.Kind) {
  let team = restriction(clause(.stringLike, "team/*"))
  #expect(PrefixCoverage.evaluateListing(prefix: queried, required: [[team]], denied: []).kind == expected)
}

@Test func stringEqualsTakesWildcardsLiterally() {
  let literal = restriction(clause(.stringEquals, "team/*"))
  let result = PrefixCoverage.evaluateListing(prefix: "team/", required: [[literal]], denied: [])
  #expect(result.kind == .some)
  #expect(result.coveredExample == "team/*")
  #expect(PrefixCoverage.evaluateListing(prefix: "team/a", required: [[literal]], denied: []).kind == .none)
}

@Test func unrestrictedStatementCoversEveryPrefix() {
  let result = PrefixCoverage.evaluateListing(prefix: "any/", required: [[.unrestricted]], denied: [])
  #expect(result.kind == .all)
  #expect(result.patterns == ["*"])
}

@Test func denyWithStringNotLikeKeepsOnlyThePublicPart() {
  let denied = [restriction(clause(.stringNotLike, "public/*"))]
  #expect(
    PrefixCoverage.evaluateListing(prefix: "", required: [[.unrestricted]], denied: denied).kind == .some)
  #expect(
    PrefixCoverage.evaluateListing(prefix: "public/", required: [[.unrestricted]], denied: denied).kind
      == .all)
}

@Test func clausesOfOneStatementIntersect() {
  let both = restriction(clause(.stringLike, "home/*"), clause(.stringNotLike, "home/admin*"))
  #expect(PrefixCoverage.evaluateListing(prefix: "home/", required: [[both]], denied: []).kind == .some)
  #expect(PrefixCoverage.evaluateListing(prefix: "home/bob/", required: [[both]], denied: []).kind == .all)
  #expect(
    PrefixCoverage.evaluateListing(prefix: "home/admins/", required: [[both]], denied: []).kind == .none)
}

@Test func ifExistsAdmitsTheAbsentPrefix() {
  let plain = restriction(clause(.stringLike, "team/*"))
  let ifExists = restriction(clause(.stringLike, "team/*", ifExists: true))
  #expect(
    PrefixCoverage.evaluateListing(prefix: "", required: [[plain]], denied: []).coveredExample == "team/")
  #expect(PrefixCoverage.evaluateListing(prefix: "", required: [[ifExists]], denied: []).coveredExample == "")
}

@Test func undecidableOperatorsAreNotGuessed() {
  #expect(S3PrefixRestriction(conditions: [clause(.stringEqualsIgnoreCase, "Team/")]) == nil)
  let other = Condition(
    op: ConditionOperator(raw: "Bool", base: .bool), key: "aws:SecureTransport", values: ["true"])
  #expect(S3PrefixRestriction(conditions: [other]) == .unrestricted)
}
