import Testing

@testable import TrustGraph

@Test func crossAccountUploadNeedsBothSidesAndReportsTheNarrowerPattern() throws {
  let graph = TrustGraph.build(Fixtures.uploadOnly)
  let result = graph.whoCan(QueryTarget("s3://account-b-bucket/foo/")!, actions: AccessLevel.write.s3Actions)
  #expect(
    result.principals.map(\.principal) == [
      "arn:aws:iam::111111111111:role/account-a-s3-role", "arn:aws:iam::111111111111:user/bobbytables",
    ])
  let role = try #require(result.principals.first)
  #expect(role.actions == ["s3:PutObject", "s3:PutObjectAcl"])
  #expect(role.coverage == .all)
  #expect(role.patterns == ["arn:aws:s3:::account-b-bucket/foo/*"])
  #expect(!role.conditional)
  let user = try #require(result.principals.last)
  #expect(
    user.chains.first == [
      "arn:aws:iam::111111111111:user/bobbytables", "arn:aws:iam::111111111111:role/account-a-s3-role",
    ])
}

@Test func prefixCoverageDistinguishesFooStarFromFooSlashStar() {
  let graph = TrustGraph.build(Fixtures.uploadOnly)
  let write = AccessLevel.write.s3Actions
  let foo = graph.whoCan(QueryTarget("s3://account-b-bucket/foo")!, actions: write)
  #expect(foo.principals.first?.coverage == .some)
  let foobar = graph.whoCan(QueryTarget("s3://account-b-bucket/foobar/")!, actions: write)
  #expect(foobar.principals.isEmpty)
  let whole = graph.whoCan(QueryTarget("s3://account-b-bucket")!, actions: write)
  #expect(
    whole.principals.first?.patterns == [
      "arn:aws:s3:::account-b-bucket/foo/*", "arn:aws:s3:::account-b-bucket/fighters/*",
    ])
  let read = graph.whoCan(QueryTarget("s3://account-b-bucket/foo/")!, actions: AccessLevel.read.s3Actions)
  #expect(read.principals.isEmpty)
}
