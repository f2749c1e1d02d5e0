import Foundation
import Testing

/// `trustwalk collect` against moto's server with the real aws CLI: three accounts reached through
/// assume-role profiles, plus the organization, then the written snapshot is checked file by file.
@Suite(.serialized) struct CollectEmulatorTests {
  static let (a, b, c) = ("111111111111", "222222222222", "333333333333")

  /// Everything one collection produced.
  struct Collected {
    let folder: URL
    let result: TrustwalkBinary.Result
    let fixture: [String: String]

    func json(_ path: String) throws -> [String: Any] {
      let data = try Data(contentsOf: folder.appendingPathComponent(path))
      return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(path)")
    }

    func text(_ path: String) throws -> String {
      try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
      FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path)
    }

    func details(_ account: String, _ key: String) throws -> [[String: Any]] {
      try json("\(account)/iam/get-account-authorization-details.json")[key] as? [[String: Any]] ?? []
    }
  }

  @Test(
    .enabled(
      if: CollectEmulator.available,
      "needs moto_server, boto3 and the aws CLI (pip install awscli 'moto[server]')"))
  func collectsThreeAccountsAndTheOrganization() throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trustwalk-collect-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let emulator = try CollectEmulator(folder: work)
    defer { emulator.stop() }
    let collected = try Self.collect(emulator, work: work)
    let stderr = collected.result.stderr

    // Every profile that works is collected; the broken one is named; only moto's missing
    // s3control endpoint (the CLI puts the account id in the host name) is warned about.
    #expect(collected.result.status == 1, "\(stderr)")
    #expect(collected.result.stdout.contains("collected 3 accounts"))
    #expect(stderr.contains("error: profile ghost"))
    let warnings = stderr.split(separator: "\n").filter { $0.contains("warning:") }
    #expect(warnings.allSatisfy { $0.contains("s3control/get-public-access-block") }, "\(warnings)")
    for account in [Self.a, Self.b, Self.c] {
      #expect(collected.exists("\(account)/sts/get-caller-identity.json"))
      #expect(collected.exists("\(account)/iam/list-account-aliases.json"))
      #expect(collected.exists("\(account)/s3/list-buckets.json"))
      #expect(collected.exists("\(account)/s3control/get-public-access-block.error.txt"))
    }
    try checkIdentities(collected)
    try checkBuckets(collected)
    try checkOrganization(collected)
    try checkNothingSecret(collected)
    try checkLoaded(collected)
  }

  /// `trustwalk validate` loads the collected snapshot and counts what the fixture created.
  private func checkLoaded(_ collected: Collected) throws {
    let validation = try TrustwalkBinary.run(["validate", collected.folder.path, "--format", "json"])
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(validation.stdout.utf8)) as? [String: Any],
      "\(validation.stderr)")
    let snapshot = try #require((report["snapshots"] as? [[String: Any]])?.first)
    #expect(snapshot["errors"] as? Int == 0)
    #expect((snapshot["unknownFiles"] as? [String])?.isEmpty == true)
    let problems = snapshot["problems"] as? [[String: Any]] ?? []
    #expect(problems.allSatisfy { ($0["file"] as? String)?.contains("/s3control/") == true }, "\(problems)")
    let accounts = Dictionary(
      (snapshot["accounts"] as? [[String: Any]] ?? []).map { ($0["id"] as? String ?? "", $0) },
      uniquingKeysWith: { $1 })
    #expect(accounts.keys.sorted() == [Self.a, Self.b, Self.c])
    let expected: [String: [String: Int]] = [
      Self.a: [
        "users": 1, "groups": 1, "roles": 1, "managedPolicies": 1, "inlinePolicies": 1, "buckets": 2,
        "bucketPolicies": 1, "keys": 0,
      ],
      Self.b: ["users": 0, "roles": 1, "inlinePolicies": 1, "buckets": 1, "bucketPolicies": 1, "keys": 1],
      Self.c: ["users": 1, "roles": 1, "buckets": 1, "bucketPolicies": 0],
    ]
    for (account, counts) in expected {
      for (name, count) in counts {
        #expect(accounts[account]?[name] as? Int == count, "\(account) \(name)")
      }
    }
    let organization = snapshot["organization"] as? [String: Any]
    #expect(organization?["managementAccount"] as? String == Self.a)
    #expect(organization?["organizationalUnits"] as? Int == 1)
    #expect(organization?["serviceControlPolicies"] as? Int == 2)
    #expect(organization?["resourceControlPolicies"] as? Int == 2)
  }

  private func checkIdentities(_ collected: Collected) throws {
    let identity = try collected.json("\(Self.b)/sts/get-caller-identity.json")
    #expect(identity["Account"] as? String == Self.b)
    let users = try collected.details(Self.a, "UserDetailList")
    let alice = try #require(users.first { $0["UserName"] as? String == "alice" })
    #expect(alice["GroupList"] as? [String] == ["devs"])
    #expect(
      (alice["UserPolicyList"] as? [[String: Any]])?.first?["PolicyName"] as? String == "assume-builder")
    #expect(
      try collected.details(Self.a, "GroupDetailList").contains { $0["GroupName"] as? String == "devs" })
    let deployer = try #require(
      try collected.details(Self.a, "RoleDetailList").first { $0["RoleName"] as? String == "deployer" })
    #expect(deployer["Path"] as? String == "/ci/")
    #expect(
      (deployer["AttachedManagedPolicies"] as? [[String: Any]])?.first?["PolicyArn"] as? String
        == "arn:aws:iam::\(Self.a):policy/artifact-writer")
    #expect(
      try collected.details(Self.a, "Policies").contains {
        $0["Arn"] as? String == "arn:aws:iam::\(Self.a):policy/artifact-writer"
      })
    let builder = try #require(
      try collected.details(Self.b, "RoleDetailList").first { $0["RoleName"] as? String == "builder" })
    let trust = builder["AssumeRolePolicyDocument"] as? [String: Any]
    #expect((trust?["Statement"] as? [[String: Any]])?.count == 2)
    #expect(
      (builder["RolePolicyList"] as? [[String: Any]])?.first?["PolicyName"] as? String == "write-artifacts")
    #expect(try collected.details(Self.c, "UserDetailList").map { $0["UserName"] as? String } == ["carol"])
    #expect(
      try collected.details(Self.c, "RoleDetailList").contains { $0["RoleName"] as? String == "auditor" })
  }

  private func checkBuckets(_ collected: Collected) throws {
    let artifacts = "\(Self.a)/s3/buckets/trustwalk-a-artifacts"
    let policyText = try #require(
      try collected.json("\(artifacts)/get-bucket-policy.json")["Policy"] as? String)
    #expect(policyText.contains("arn:aws:iam::\(Self.b):role/builder"))
    #expect(
      try collected.text("\(Self.a)/s3/buckets/trustwalk-a-private/get-bucket-policy.error.txt")
        .contains("NoSuchBucketPolicy"))
    #expect(collected.exists("\(Self.a)/s3/buckets/trustwalk-a-private/get-bucket-acl.json"))
    let data = "\(Self.b)/s3/buckets/trustwalk-b-data"
    let ownership = try collected.json("\(data)/get-bucket-ownership-controls.json")
    #expect("\(ownership)".contains("BucketOwnerEnforced"))
    #expect(collected.exists("\(data)/get-public-access-block.json"))
    let key = try #require(collected.fixture["key"])
    #expect(try collected.text("\(data)/get-bucket-encryption.json").contains(key))
    let keyPolicy = try collected.json("\(Self.b)/kms/keys/\(key)/get-key-policy.json")
    #expect(keyPolicy["Policy"] is String)
    #expect(collected.exists("\(Self.b)/kms/keys/\(key)/describe-key.json"))
    #expect(
      collected.exists("\(Self.c)/s3/buckets/trustwalk-c-logs/get-bucket-ownership-controls.error.txt"))
  }

  private func checkOrganization(_ collected: Collected) throws {
    let organization =
      try collected.json("organizations/describe-organization.json")["Organization"] as? [String: Any]
    #expect(organization?["MasterAccountId"] as? String == Self.a)
    #expect(collected.exists("organizations/list-accounts.json"))
    #expect(collected.exists("organizations/list-roots.json"))
    let unit = try #require(collected.fixture["unit"])
    #expect(collected.exists("organizations/ous/\(unit)/describe-organizational-unit.json"))
    #expect(try collected.text("organizations/parents/\(Self.a)/list-parents.json").contains("ROOT"))
    #expect(collected.exists("organizations/parents/\(unit)/list-parents.json"))
    let scp = try #require(collected.fixture["scp"])
    #expect(try collected.text("organizations/policies/\(scp)/describe-policy.json").contains("DenyLeave"))
    #expect(try collected.text("organizations/policies/\(scp)/list-targets-for-policy.json").contains(unit))
    let policies = try FileManager.default.contentsOfDirectory(
      atPath: collected.folder.appendingPathComponent("organizations/policies").path)
    let types = try policies.map { try collected.text("organizations/policies/\($0)/describe-policy.json") }
    #expect(types.contains { $0.contains("RESOURCE_CONTROL_POLICY") && $0.contains("OrgOnly") })
  }

  private func checkNothingSecret(_ collected: Collected) throws {
    let enumerator = FileManager.default.enumerator(atPath: collected.folder.path)
    while let path = enumerator?.nextObject() as? String {
      guard let text = try? collected.text(path) else { continue }
      #expect(!text.contains("collector-secret") && !text.contains("AKIACOLLECTOR"), "\(path)")
    }
  }

  /// Creates the fixture, writes the aws config for three profiles (plus a broken one), and runs
  /// `trustwalk collect` with the environment pointing at the emulator.
  static func collect(_ emulator: CollectEmulator, work: URL) throws -> Collected {
    let python = try #require(CollectEmulator.executable("python3"))
    let fixture = CollectEmulator.run([python.path, "-c", CollectFixture.script, emulator.endpoint])
    try #require(fixture.status == 0, "fixture failed: \(fixture.output)")
    let ids = try JSONSerialization.jsonObject(with: Data(fixture.output.utf8)) as? [String: String] ?? [:]
    let config = work.appendingPathComponent("config")
    let credentials = work.appendingPathComponent("credentials")
    try Data(
      "[base]\naws_access_key_id = AKIACOLLECTOR0000000\naws_secret_access_key = collector-secret\n".utf8
    )
    .write(to: credentials)
    var profiles = "[profile base]\nregion = us-east-1\n"
    for (name, account) in [("a", a), ("b", b), ("c", c)] {
      profiles += "[profile \(name)]\nrole_arn = arn:aws:iam::\(account):role/trustwalk-collector\n"
      profiles += "source_profile = base\nregion = us-east-1\n"
    }
    try Data(profiles.utf8).write(to: config)
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
    environment["HOME"] = work.path
    environment["AWS_CONFIG_FILE"] = config.path
    environment["AWS_SHARED_CREDENTIALS_FILE"] = credentials.path
    environment["AWS_ENDPOINT_URL"] = emulator.endpoint
    // The emulator answers at once; without this the CLI retries the s3control call (whose host
    // name it prefixes with the account id, unreachable here) for about ten seconds per account.
    environment["AWS_MAX_ATTEMPTS"] = "1"
    let output = work.appendingPathComponent("snapshot")
    let result = try TrustwalkBinary.run(
      [
        "collect", output.path, "--profile", "a", "--profile", "b", "--profile", "c", "--profile", "ghost",
        "--organization",
      ], environment: environment)
    return Collected(folder: output, result: result, fixture: ids)
  }
}
