import Inventory
import PolicyLanguage
import Testing

@testable import TrustGraph

/// `s3:ListBucket` under a prefix, exactly: listing with `s3:prefix` = q returns every key that
/// starts with q, so every key under `foo/` is listable when some prefix of `foo/` (down to `""`)
/// may be listed, and some keys are when a value under `foo/` may be.
private let account = "222222222222"

private func listers(_ statements: String, target: String = "s3://data/foo/") -> [String: WhoCanEntry] {
  let reader = Fixtures.user(
    account, "reader",
    policies: [
      Fixtures.policy(#"{"Version":"2012-10-17","Statement":\#(statements)}"#, name: "list policy")
    ])
  let data = Bucket(name: "data", account: account, objectOwnership: "BucketOwnerEnforced")
  let graph = TrustGraph.build(Inventory(accounts: [Account(id: account, users: [reader], buckets: [data])]))
  let result = graph.whoCan(QueryTarget(target)!, actions: ["s3:ListBucket"])
  return Dictionary(result.principals.map { ($0.principal, $0) }, uniquingKeysWith: { first, _ in first })
}

private func list(_ operator: String, _ values: String) -> String {
  #"{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::data","Condition":{"\#(`operator`)":{"s3:prefix":\#(values)}}}"#
}

private let reader = "arn:aws:iam::\(account):user/reader"

@Test(arguments: [
  ("StringEquals", #"[""]"#, CoverageResult.Kind.all),
  ("StringLike", #""foo/*""#, .all),
  ("StringLike", #""f*""#, .all),
  ("StringEquals", #""foo""#, .all),
  ("StringLike", #""foo/bar/*""#, .some),
  ("StringLike", #""foo/?*""#, .some),
  ("StringEquals", #""foo/reports/""#, .some),
  ("StringLike", #""home/${aws:username}/*""#, .none),
])
func listingUnderAPrefixIsAllSomeOrNone(op: String, values: String, expected: CoverageResult.Kind) {
  let found = listers("[\(list(op, values))]")[reader]
  #expect(found?.coverage ?? CoverageResult.Kind.none == expected, "\(op) \(values)")
  #expect(found?.conditional != true)
}

@Test func homeFolderIdiomListsTheUsersOwnFolder() {
  let statement = list("StringLike", #""home/${aws:username}/*""#)
  #expect(listers("[\(statement)]", target: "s3://data/home/reader/")[reader]?.coverage == .all)
  #expect(listers("[\(statement)]", target: "s3://data/home/")[reader]?.coverage == .some)
  #expect(listers("[\(statement)]", target: "s3://data/home/other/")[reader] == nil)
}

@Test func aDenyOnOneValueLeavesTheOthersUnderThePrefix() {
  let deny =
    #"{"Effect":"Deny","Action":"s3:ListBucket","Resource":"arn:aws:s3:::data","Condition":{"StringEquals":{"s3:prefix":["foo/x","foo/"]}}}"#
  let found = listers("[\(list("StringLike", #""foo/x*""#)), \(deny)]")[reader]
  #expect(found?.coverage == .some, "foo/x is denied, foo/xa is not")
  let denyAll =
    #"{"Effect":"Deny","Action":"s3:ListBucket","Resource":"arn:aws:s3:::data","Condition":{"StringLike":{"s3:prefix":"foo/*"}}}"#
  #expect(listers("[\(list("StringLike", #""foo/x*""#)), \(denyAll)]")[reader] == nil)
}
