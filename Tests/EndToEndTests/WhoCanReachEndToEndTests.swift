import Foundation
import Testing

/// A copy of a SampleData scenario in a fresh temporary folder, broken by `damage`.
private func brokenCopy(of scenario: String, _ damage: (URL) throws -> Void) throws -> URL {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "trustwalk-reach-\(UUID().uuidString)")
  try FileManager.default.copyItem(
    at: TrustwalkBinary.packageRoot.appendingPathComponent("SampleData/\(scenario)"), to: folder)
  try damage(folder)
  return folder
}

private func truncate(_ file: URL, to size: UInt64) throws {
  let handle = try FileHandle(forWritingTo: file)
  try handle.truncate(atOffset: size)
  try handle.close()
}

private func notes(_ root: [String: Any]) -> [String] { root["notes"] as? [String] ?? [] }

@Test func unreadableFullAWSAccessSCPKeepsTheO1WritersConditionally() throws {
  let snapshot = try brokenCopy(of: "org") {
    try truncate(
      $0.appendingPathComponent("organizations/policies/p-FullAWSAccess/describe-policy.json"), to: 200)
  }
  defer { try? FileManager.default.removeItem(at: snapshot) }
  let answer = try whoCanJSON([
    snapshot.path, "s3://acme-payments-prod-artifacts/", "--action", "s3:PutObject",
  ])
  #expect(answer.status == 0)
  #expect(answer.entries.count == 5)
  #expect(answer.entries.values.allSatisfy { $0["conditional"] as? Bool == true })
  #expect(notes(answer.root).contains { $0.hasPrefix("SCP p-FullAWSAccess could not be read") })
}

@Test func brokenIAMExportKeepsTheBucketPolicyPrincipalAndIsNoted() throws {
  let snapshot = try brokenCopy(of: "codebuild-cross-account") {
    try truncate(
      $0.appendingPathComponent("111111111111/iam/get-account-authorization-details.json"), to: 3000)
  }
  defer { try? FileManager.default.removeItem(at: snapshot) }
  let answer = try whoCanJSON([snapshot.path, "s3://dev-artifacts/", "--access", "write"])
  let role = "arn:aws:iam::111111111111:role/CodeBuildRole"
  #expect(answer.entries[role]?["conditional"] as? Bool == true)
  #expect(
    notes(answer.root).contains {
      $0.hasPrefix("identity policies of account 111111111111 could not be read")
    })
  let explain = try TrustwalkBinary.run([
    "explain", snapshot.path, role, "s3://dev-artifacts/x", "--action", "s3:PutObject",
  ])
  #expect(explain.stdout.contains("ALLOWED under conditions"))
  let gaps = try TrustwalkBinary.run(["gaps", snapshot.path, "--format", "json"])
  #expect(!gaps.stdout.contains("TW004"))
}

@Test func droppedBucketStatementIsNoted() throws {
  let snapshot = try brokenCopy(of: "codebuild-cross-account") { folder in
    let file = folder.appendingPathComponent("222222222222/s3/buckets/dev-artifacts/get-bucket-policy.json")
    let text = try String(contentsOf: file, encoding: .utf8)
    let broken = text.replacingOccurrences(
      of: #"\"Action\":[\"s3:PutObject\",\"s3:GetObject\"]"#, with: #"\"Action\":7"#)
    #expect(broken != text)
    try broken.write(to: file, atomically: true, encoding: .utf8)
  }
  defer { try? FileManager.default.removeItem(at: snapshot) }
  let answer = try whoCanJSON([snapshot.path, "s3://dev-artifacts/", "--access", "write"])
  #expect(
    notes(answer.root).contains {
      $0.contains("bucket policy of dev-artifacts (or a statement of it) could not be read")
    })
}

@Test func sessionArnGrantMakesTheRoleAndItsCallersConditional() throws {
  let snapshot = try brokenCopy(of: "codebuild-cross-account") { folder in
    let file = folder.appendingPathComponent("222222222222/s3/buckets/dev-artifacts/get-bucket-policy.json")
    let text = try String(contentsOf: file, encoding: .utf8)
    let session = text.replacingOccurrences(
      of: "arn:aws:iam::111111111111:role/CodeBuildRole",
      with: "arn:aws:sts::111111111111:assumed-role/CodeBuildRole/build-1")
    #expect(session != text)
    try session.write(to: file, atomically: true, encoding: .utf8)
  }
  defer { try? FileManager.default.removeItem(at: snapshot) }
  let answer = try whoCanJSON([snapshot.path, "s3://dev-artifacts/", "--action", "s3:GetObject"])
  for principal in ["arn:aws:iam::111111111111:role/CodeBuildRole", "arn:aws:iam::111111111111:user/dana"] {
    let conditions = answer.entries[principal]?["conditions"] as? [[String: Any]] ?? []
    #expect(conditions.contains { $0["key"] as? String == "sts:RoleSessionName" && $0["hop"] as? Int == 0 })
    let explain = try TrustwalkBinary.run([
      "explain", snapshot.path, principal, "s3://dev-artifacts/x", "--action", "s3:GetObject",
    ])
    #expect(explain.stdout.contains("ALLOWED under conditions"))
    #expect(explain.stdout.contains("sts:RoleSessionName"))
  }
}
