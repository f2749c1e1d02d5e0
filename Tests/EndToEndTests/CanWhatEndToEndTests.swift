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
