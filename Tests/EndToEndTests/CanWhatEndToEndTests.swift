import Foundation
import Testing

/// can-what on SampleData, checked against the who-can answers of SampleData/README.md.
private func canWhatJSON(_ arguments: [String]) throws -> [String: Any] {
  let result = try TrustwalkBinary.run(["can-what"] + arguments + ["--format", "json"])
  #expect(result.status == 0)
  return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
}

@Test func canWhatListsRolesAndBucketLevelsThroughTheExternalIdChain() throws {
  let erin = "arn:aws:iam::777777777777:user/erin"
  let answer = try canWhatJSON(["SampleData/role-chain-external-id", erin])
  let roles = answer["roles"] as? [[String: Any]] ?? []
  #expect(
    roles.compactMap { $0["role"] as? String } == [
      "arn:aws:iam::777777777777:role/ComputeRole", "arn:aws:iam::888888888888:role/StorageAccessRole",
    ])
  #expect(roles.last?["conditional"] as? Bool == true)
  let buckets = answer["buckets"] as? [[String: Any]] ?? []
  #expect(buckets.compactMap { $0["bucket"] as? String } == ["acme-storage-data"])
  let levels = (buckets.first?["access"] as? [[String: Any]] ?? []).compactMap { $0["level"] as? String }
  #expect(levels == ["read", "write", "list", "delete"])
}

@Test func canWhatOfAUserWithoutRightsIsEmpty() throws {
  let answer = try canWhatJSON(["SampleData/role-chain-external-id", "arn:aws:iam::777777777777:user/frank"])
  #expect((answer["roles"] as? [Any])?.isEmpty == true)
  #expect((answer["buckets"] as? [Any])?.isEmpty == true)
}

@Test func canWhatWithoutSnapshotFindsTheScenarioOfThePrincipal() throws {
  let result = try TrustwalkBinary.run(["can-what", "arn:aws:iam::111111111111:user/dana"])
  #expect(result.status == 0)
  #expect(result.stdout.contains("dev-artifacts"))
  #expect(result.stdout.contains("CodeBuildRole"))
  #expect(!result.stdout.contains("dev-artifacts-nopolicy"))
}

/// A service principal that who-can lists (CloudTrail writing its log bucket) is a principal for
/// can-what too: the buckets whose policies name it, with the conditions they put on it.
@Test func canWhatOfAServicePrincipalListsTheBucketsNamingIt() throws {
  let answer = try canWhatJSON(["SampleData/org", "cloudtrail.amazonaws.com"])
  #expect(answer["kind"] as? String == "service")
  #expect((answer["notes"] as? [String])?.isEmpty == true)
  let buckets = answer["buckets"] as? [[String: Any]] ?? []
  let log = try #require(buckets.first { $0["bucket"] as? String == "acme-log-archive-cloudtrail" })
  let write = try #require((log["access"] as? [[String: Any]])?.first { $0["level"] as? String == "write" })
  #expect(write["conditional"] as? Bool == true)
  let keys = (write["conditions"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
  #expect(keys.contains("aws:SourceArn"))
}

/// A PRINCIPAL that is no ARN, service principal or `*` is a usage error, not a confident "nothing".
@Test(arguments: [
  ["can-what", "SampleData/org", "notanarn"], ["explain", "SampleData/org", "sam", "s3://x/"],
])
func principalThatIsNoPrincipalIsAUsageError(arguments: [String]) throws {
  let result = try TrustwalkBinary.run(arguments)
  #expect(result.status == 2)
  #expect(result.stderr.contains("PRINCIPAL must be an ARN"))
  #expect(result.stdout.isEmpty)
}
