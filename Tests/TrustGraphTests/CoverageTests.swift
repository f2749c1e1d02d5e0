import PolicyLanguage
import Testing

@testable import TrustGraph

private let bucket = "arn:aws:s3:::b/"

private func allow(_ patterns: String...) -> ResourceElement {
  ResourceElement(patterns.map { bucket + $0 })
}

private func notResource(_ patterns: String...) -> ResourceElement {
  ResourceElement(negated: true, patterns.map { bucket + $0 })
}

private func coverage(_ prefix: String, _ required: [[ResourceElement]], denied: [ResourceElement] = [])
  -> CoverageResult
{
  PrefixCoverage.evaluate(prefix: bucket + prefix, required: required, denied: denied)
}

@Test(arguments: [
  ("foo*", "foo/", CoverageResult.Kind.all),
  ("foo/*", "foo/", .all),
  ("foo*", "fo", .some),
  ("foo/*", "fo", .some),
  ("foo*", "foobar", .all),
  ("foo/*", "foobar", .none),
  ("foo/*", "foo", .some),
  ("foo*", "", .some),
])
func starAfterSlashDiffersFromStarBeforeIt(pattern: String, prefix: String, expected: CoverageResult.Kind) {
  #expect(coverage(prefix, [[allow(pattern)]]).kind == expected)
}

@Test func denyOnSubfolderLeavesSomeWithAShortestUncoveredKey() {
  let result = coverage("foo/", [[allow("foo/*")]], denied: [allow("foo/secret/*")])
  #expect(result.kind == .some)
  #expect(result.patterns == [bucket + "foo/*"])
  #expect(result.uncoveredExample == bucket + "foo/secret/")
  #expect(result.coveredExample == bucket + "foo/")
  #expect(coverage("foo/secret/", [[allow("foo/*")]], denied: [allow("foo/secret/*")]).kind == .none)
  #expect(coverage("foo/public/", [[allow("foo/*")]], denied: [allow("foo/secret/*")]).kind == .all)
}

@Test func notResourceIsTheComplementOfItsPatterns() {
  let required = [[notResource("private/*")]]
  #expect(coverage("", required).kind == .some)
  #expect(coverage("private/", required).kind == .none)
  #expect(coverage("private/", required).patterns.isEmpty)
  #expect(coverage("public/", required).kind == .all)
  #expect(coverage("public/", required).patterns == ["NotResource " + bucket + "private/*"])
}

@Test func denyWithNotResourceDeniesEverythingElse() {
  let denied = [notResource("public/*")]
  #expect(coverage("", [[allow("*")]], denied: denied).kind == .some)
  #expect(coverage("public/", [[allow("*")]], denied: denied).kind == .all)
  #expect(coverage("other/", [[allow("*")]], denied: denied).kind == .none)
}

@Test func questionMarkMatchesExactlyOneCharacter() {
  #expect(coverage("foo/", [[allow("fo?/*")]]).kind == .all)
  #expect(coverage("fo", [[allow("fo?/*")]]).kind == .some)
  #expect(coverage("ab", [[allow("???")]]).kind == .some)
  #expect(coverage("abc", [[allow("???")]]).kind == .some)
  #expect(coverage("abcd", [[allow("???")]]).kind == .none)
}

@Test func loneStarCoversEverything() {
  let everything = ResourceElement(["*"])
  #expect(PrefixCoverage.evaluate(prefix: "", required: [[everything]], denied: []).kind == .all)
  #expect(coverage("any/thing", [[everything]]).kind == .all)
  #expect(coverage("x", [[everything]], denied: [everything]).kind == .none)
}

@Test func emptyGroupCoversNothing() {
  #expect(coverage("foo/", [[]]).kind == .none)
  #expect(coverage("foo/", [[allow("*")], []]).kind == .none)
}

@Test func groupsIntersect() {
  let required = [[allow("*")], [allow("foo/*")]]
  #expect(coverage("", required).kind == .some)
  #expect(coverage("foo/", required).kind == .all)
  #expect(coverage("bar/", required).kind == .none)
}

@Test func unionCoversWhatNoSinglePatternCovers() {
  #expect(coverage("foo", [[allow("foo", "foo?*")]]).kind == .all)
  #expect(coverage("foo", [[allow("foo", "foo/*")]]).kind == .some)
}

@Test func middleStarsAreExact() {
  #expect(coverage("team/", [[allow("*/reports/*")]]).kind == .some)
  #expect(coverage("team/reports/", [[allow("*/reports/*")]]).kind == .all)
  #expect(coverage("a/b/reports/x", [[allow("*/reports/*")]]).kind == .all)
  #expect(coverage("team/", [[allow("*/reports/*")]], denied: [allow("*s/*")]).kind == .none)
  #expect(coverage("team/", [[allow("*/reports/*")]], denied: [allow("*x/*")]).kind == .some)
}

@Test func patternsListOnlyAllowsThatReachUnderThePrefix() {
  let result = coverage("foo/", [[allow("foo/*", "bar/*", "f*")], [allow("foo/a*")]])
  #expect(result.kind == .some)
  #expect(result.patterns == [bucket + "foo/*", bucket + "f*", bucket + "foo/a*"])
}

@Test func otherBucketsAreNotCovered() {
  #expect(coverage("foo/", [[ResourceElement(["arn:aws:s3:::b-logs/*"])]]).kind == .none)
  #expect(coverage("foo/", [[ResourceElement(["arn:aws:s3:::b*"])]]).kind == .all)
  #expect(coverage("foo/", [[ResourceElement(["arn:aws:s3:::B/*"])]]).kind == .none)
}

@Test func singleGlobIntersection() {
  #expect(PrefixCoverage.intersects(Glob("arn:aws:s3:::b/*"), prefix: "arn:aws:s3:::b/x"))
  #expect(PrefixCoverage.intersects(Glob("arn:aws:s3:::b/x?z"), prefix: "arn:aws:s3:::b/"))
  #expect(!PrefixCoverage.intersects(Glob("arn:aws:s3:::b/x?z"), prefix: "arn:aws:s3:::b/xyzz"))
}

@Test func realisticPolicyStaysSmall() {
  var allows = (0..<40).map { bucket + "team-\($0)/*" }
  allows += ["arn:aws:s3:::b-*/*", bucket + "*/reports/*", bucket + "shared/??/*"]
  let denies = (0..<20).map { bucket + "team-\($0)/secret/*" }
  func evaluate(_ team: Int) -> CoverageResult {
    PrefixCoverage.evaluate(
      prefix: bucket + "team-\(team)/",
      required: [[ResourceElement(allows)], [ResourceElement([bucket + "*"])]],
      denied: [ResourceElement(denies)])
  }
  #expect(evaluate(5).kind == .some)
  #expect(evaluate(30).kind == .all)
  #expect(evaluate(45).kind == .some)
  var table = PatternTable()
  let patterns = (allows + denies).map { table.add(.arn, $0) }
  let expression = CoverageExpression(
    groups: [[[.init(negated: false, patterns: Array(patterns[0..<allows.count]))]]],
    denied: [[.init(negated: false, patterns: Array(patterns[allows.count...]))]])
  let outcome = CoverageExplorer.explore(
    prefix: bucket + "team-5/", patterns: table.sources, expression: expression)
  #expect(outcome.walkedPatterns == 2, "only */reports/* and the team-5 deny need their automaton")
  #expect(outcome.exploredStates <= 20)
}

@Test func arnFieldWildcardsStayInTheirField() {
  let anyRegion = ResourceElement(["arn:aws:s3:*:*:b/*"])
  #expect(PrefixCoverage.evaluate(prefix: bucket, required: [[anyRegion]], denied: []).kind == .all)
  let sneaky = ResourceElement(["arn:aws:iam::*:role/x"])
  #expect(
    PrefixCoverage.evaluate(prefix: "arn:aws:iam::1:2:", required: [[sneaky]], denied: []).kind == .none)
  let whole = ResourceElement(["arn:aws:iam*role/x"])
  #expect(PrefixCoverage.evaluate(prefix: "arn:aws:iam::1:2:", required: [[whole]], denied: []).kind == .some)
}

@Test(arguments: [
  ("arn:aws:s3:::b/*", "arn:aws:s3:::b/x", true),
  ("arn:aws:s3:::b/*", "arn:aws:s3:::c/*", false),
  ("arn:aws:s3:::b*", "arn:aws:s3:::b-logs/*", true),
  ("arn:aws:s3:::b/*", "arn:aws:s3:::b", false),
  ("arn:aws:s3:::b/a*z", "arn:aws:s3:::b/*y", false),
  ("arn:aws:s3:::b/a*z", "arn:aws:s3:::b/*z", true),
  ("arn:aws:iam::*:role/x", "arn:aws:iam::1:2:role/x", false),
  ("*", "arn:aws:s3:::anything", true),
])
func resourceElementsOverlapExactly(first: String, second: String, expected: Bool) {
  #expect(PatternOverlap.overlaps(ResourceElement([first]), ResourceElement([second])) == expected)
  #expect(PatternOverlap.overlaps(ResourceElement([second]), ResourceElement([first])) == expected)
}

@Test func actionElementsOverlapIgnoringCase() {
  #expect(PatternOverlap.overlaps(ActionElement(["S3:Get*"]), ActionElement(["s3:getobject"])))
  #expect(!PatternOverlap.overlaps(ActionElement(["s3:Get*"]), ActionElement(["s3:Put*"])))
  #expect(PatternOverlap.overlaps(ActionElement(negated: true, ["iam:*"]), ActionElement(["s3:GetObject"])))
  #expect(!PatternOverlap.overlaps(ActionElement(negated: true, ["s3:*"]), ActionElement(["s3:GetObject"])))
  #expect(PatternOverlap.matchesSomeAction(ActionElement(["*"]), inService: "s3:"))
  #expect(!PatternOverlap.matchesSomeAction(ActionElement(["kms:*"]), inService: "s3:"))
}
