import Testing

@testable import TrustGraph

@Test func witnessStartsWithPrefixAndMatchesEveryPattern() {
  let key = Witness.key(
    prefix: "arn:aws:s3:::b/foo/", matching: ["arn:aws:s3:::b/*.zip", "arn:aws:s3:::b/foo/*"])
  #expect(key == "arn:aws:s3:::b/foo/.zip")
}

@Test func witnessIsNilWhenPatternsCannotMeetUnderThePrefix() {
  #expect(Witness.key(prefix: "arn:aws:s3:::b/foo/", matching: ["arn:aws:s3:::b/bar/*"]) == nil)
  #expect(
    Witness.key(prefix: "arn:aws:s3:::b/foo", matching: ["arn:aws:s3:::b/foo/*"]) == "arn:aws:s3:::b/foo/")
}
