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

/// Whether `value` satisfies a restriction, by plain glob matching (independent of the automata).
private func admits(_ restriction: S3PrefixRestriction, _ value: String) -> Bool {
  restriction.clauses.allSatisfy { clause in
    let matched = clause.values.contains { clause.wildcards ? Glob($0).matches(value) : $0 == value }
    return clause.negated ? !matched : (matched || (clause.admitsAbsent && value.isEmpty))
  }
}

@Test func listingCoverageAgreesWithBruteForce() {
  var state: UInt64 = 99
  func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
  let pieces = ["a", "b", "/", "*", "?"]
  func value() -> String { (0..<next(4)).map { _ in pieces[next(pieces.count)] }.joined() }
  func restriction() -> S3PrefixRestriction {
    S3PrefixRestriction(
      clauses: (0..<next(3)).map { _ in
        .init(
          negated: next(3) == 0, wildcards: next(2) == 0, values: [value(), value()],
          admitsAbsent: next(4) == 0)
      })
  }
  var values = [""]
  var layer = [""]
  for _ in 0..<4 {
    layer = layer.flatMap { text in ["a", "b", "/", "z", "*"].map { text + $0 } }
    values += layer
  }
  for _ in 0..<200 {
    let required = [[restriction(), restriction()]]
    let denied = next(2) == 0 ? [] : [restriction()]
    let prefix = ["", "a", "a/", "b*"][next(4)]
    let result = PrefixCoverage.evaluateListing(prefix: prefix, required: required, denied: denied)
    func allowed(_ text: String) -> Bool {
      required.allSatisfy { $0.contains { admits($0, text) } } && !denied.contains { admits($0, text) }
    }
    let under = values.filter { $0.hasPrefix(prefix) }
    let context = "prefix \(prefix) required \(required) denied \(denied)"
    if result.kind == .all { #expect(under.allSatisfy(allowed), "\(context)") }
    if result.kind == .none { #expect(!under.contains(where: allowed), "\(context)") }
    if let example = result.coveredExample { #expect(allowed(example), "\(context)") }
    if let example = result.uncoveredExample { #expect(!allowed(example), "\(context)") }
  }
}
