import Foundation
import Testing

/// `trustwalk validate`: what it prints and how it exits (0 clean, 1 problems, 2 nothing loadable).
@Suite struct ValidateTests {
  let fixtures = "Tests/InventoryTests/Fixtures"

  @Test func aCleanSnapshotPrintsItsAccountsAndExitsZero() throws {
    let result = try TrustwalkBinary.run(["validate", "\(fixtures)/cli-snapshot"])
    #expect(result.status == 0)
    #expect(
      result.stdout.contains(
        "111111111111 (tools): 1 user, 1 group, 1 role, 2 managed policies, 3 inline policies, 1 bucket, 1 bucket policy, 1 KMS key"
      ))
    #expect(result.stdout.contains("organization o-exampleorg1: 2 accounts, 1 OU, 2 SCPs, 1 RCP"))
    #expect(result.stdout.contains("no problems"))
  }

  /// AWS keeps an SCP on every root, OU and account: an OU that the export shows without one means
  /// list-targets-for-policy output is missing, and validate says so (exit 1).
  @Test func levelWithoutAnySCPIsReported() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trustwalk-noscp-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.copyItem(
      at: TrustwalkBinary.packageRoot.appendingPathComponent("SampleData/org"), to: directory)
    let targets = directory.appendingPathComponent(
      "organizations/policies/p-FullAWSAccess/list-targets-for-policy.json")
    let text = try String(contentsOf: targets, encoding: .utf8)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let kept = (object["Targets"] as? [[String: Any]] ?? []).filter {
      $0["TargetId"] as? String != "ou-8v3n-k3j8s0q1"
    }
    try JSONSerialization.data(withJSONObject: ["Targets": kept]).write(to: targets)
    let result = try TrustwalkBinary.run(["validate", directory.path])
    #expect(result.status == 1)
    let output = result.stdout + result.stderr
    #expect(output.contains("no SCP of the snapshot is attached to ou-8v3n-k3j8s0q1"), "\(output)")
  }

  @Test func jsonOutputCarriesCountsAndProblems() throws {
    let result = try TrustwalkBinary.run(["validate", "\(fixtures)/iam-collect-store", "--format", "json"])
    #expect(result.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["clean"] as? Bool == true)
    let snapshots = try #require(json["snapshots"] as? [[String: Any]])
    #expect(snapshots.count == 1)
    #expect(snapshots[0]["format"] as? String == "iam-collect")
    let accounts = try #require(snapshots[0]["accounts"] as? [[String: Any]])
    #expect(accounts.map { $0["id"] as? String } == ["333333333333", "444444444444"])
    #expect(accounts[0]["roles"] as? Int == 1)
    #expect((snapshots[0]["organization"] as? [String: Any])?["serviceControlPolicies"] as? Int == 2)
  }

  @Test func problemsArePrintedWithTheirPlaceAndExitOne() throws {
    let snapshot = try BrokenSnapshot()
    let result = try TrustwalkBinary.run(["validate", snapshot.path])
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "\(snapshot.path)/111111111111/iam/get-account-authorization-details.json:2:22: error: not valid JSON"
      ))
    #expect(result.stdout.contains("\(snapshot.path)/111111111111/stray.txt"))
    let json = try TrustwalkBinary.run(["validate", snapshot.path, "--format", "json"])
    #expect(json.status == 1)
    let output = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let problem = try #require(
      ((output["snapshots"] as? [[String: Any]])?.first?["problems"] as? [[String: Any]])?.first)
    #expect(problem["line"] as? Int == 2)
    #expect(problem["column"] as? Int == 22)
    #expect(problem["severity"] as? String == "error")
    #expect(output["unknownFiles"] as? Int == 1)
  }

  @Test func nothingLoadableExitsTwoWithAReasonOnStderr() throws {
    let missing = try TrustwalkBinary.run(["validate", "/nonexistent/trustwalk-snapshot"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("does not exist"))
    #expect(missing.stdout.isEmpty)
    let empty = try BrokenSnapshot(empty: true)
    let result = try TrustwalkBinary.run(["validate", empty.path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("no account folder"))
  }

  @Test func everyBundledSampleDataSnapshotIsClean() throws {
    let result = try TrustwalkBinary.run(["validate", "SampleData", "--format", "json"])
    #expect(result.status == 0, "\(result.stdout)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["clean"] as? Bool == true)
    #expect(((json["snapshots"] as? [Any])?.count ?? 0) >= 6)
  }

  @Test func aFolderOfSnapshotsIsValidatedSnapshotBySnapshot() throws {
    let result = try TrustwalkBinary.run(["validate", fixtures])
    #expect(result.status == 0)
    #expect(result.stdout.contains("cli-snapshot (aws CLI layout): 2 accounts"))
    #expect(result.stdout.contains("iam-collect-store (iam-collect store): 2 accounts"))
  }
}

/// A temporary snapshot with a broken authorization-details file and a stray file.
private final class BrokenSnapshot {
  let path: String

  init(empty: Bool = false) throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trustwalk-e2e-\(UUID().uuidString)")
    path = root.path
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    if empty { return }
    let iam = root.appendingPathComponent("111111111111/iam")
    try FileManager.default.createDirectory(at: iam, withIntermediateDirectories: true)
    try Data("{\n  \"RoleDetailList\": [,]\n}\n".utf8).write(
      to: iam.appendingPathComponent("get-account-authorization-details.json"))
    try Data("?".utf8).write(to: root.appendingPathComponent("111111111111/stray.txt"))
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
