import Foundation
import Testing

/// The request files of the simulate end-to-end tests.
private let fixtures = "Tests/EndToEndTests/Fixtures/simulate"

/// Runs `trustwalk simulate` on a fixture (or stdin when `file` is `-`).
private func simulate(_ file: String, _ extra: [String] = [], stdin: String? = nil) throws
  -> TrustwalkBinary.Result
{
  try TrustwalkBinary.run(
    ["simulate", "--request", file == "-" ? "-" : "\(fixtures)/\(file)"] + extra, stdin: stdin)
}

private func json(_ text: String) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Test func crossAccountReadPrintsTheDecisionAndEachLayerWithItsStatements() throws {
  let result = try simulate("cross-account-read.json")
  #expect(result.status == 0, "\(result.stderr)")
  let lines = result.stdout.split(separator: "\n").map(String.init)
  #expect(lines.first == "decision: allow")
  #expect(lines.contains("resource: allow"))
  #expect(
    lines.contains(
      "  resourcePolicy  PartnerRead/#0  Allow  Tests/EndToEndTests/Fixtures/simulate/cross-account-read.json:14"
    ))
  #expect(
    lines.contains(
      "  identityPolicies/0  ReadReports/#0  Allow  Tests/EndToEndTests/Fixtures/simulate/cross-account-read.json:12"
    ))
  #expect(lines.contains("scp (level 1): allow"))
}

@Test func jsonOutputFollowsTheContract() throws {
  let result = try simulate("scp-explicit-deny.json", ["--format", "json"])
  #expect(result.status == 0, "\(result.stderr)")
  let output = try json(result.stdout)
  #expect(output["decision"] as? String == "explicitDeny")
  let layers = try #require(output["layers"] as? [[String: Any]])
  #expect(layers.map { $0["layer"] as? String } == ["scp", "scp", "resource", "identity", "boundary"])
  let denied = try #require(layers.first { $0["decision"] as? String == "explicitDeny" })
  let statement = try #require((denied["statements"] as? [[String: Any]])?.first)
  #expect(statement["policy"] as? String == "serviceControlPolicies/1/1")
  #expect(statement["sid"] as? String == "NoS3Reads")
  #expect(statement["index"] as? Int == 0)
  #expect(statement["effect"] as? String == "Deny")
  #expect(statement["line"] as? Int == 54)
  #expect(output["conditions"] == nil)
}

@Test func crossAccountWithoutIdentityPolicyIsAnImplicitDeny() throws {
  let result = try simulate("cross-account-no-identity.json", ["--format", "json"])
  #expect(result.status == 0)
  #expect(try json(result.stdout)["decision"] as? String == "implicitDeny")
}

@Test func unknownKeysMakeTheAnswerConditionalWithItsConditions() throws {
  let known = try simulate("assume-role-external-id.json")
  #expect(known.stdout.hasPrefix("decision: implicitDeny"))
  let result = try simulate(
    "assume-role-external-id.json", ["--unknown", "sts:ExternalId", "--format", "json"])
  #expect(result.status == 0, "\(result.stderr)")
  let output = try json(result.stdout)
  #expect(output["decision"] as? String == "conditional")
  let conditions = try #require(output["conditions"] as? [String: Any])
  let allowIf = try #require(conditions["allowIf"] as? [[[String: Any]]])
  #expect(allowIf.count == 1)
  #expect(allowIf.first?.first?["key"] as? String == "sts:ExternalId")
  #expect(allowIf.first?.first?["operator"] as? String == "StringEquals")
  #expect(allowIf.first?.first?["values"] as? [String] == ["partner-7f3a"])
  let text = try simulate("assume-role-external-id.json", ["--unknown", "sts:ExternalId"])
  #expect(text.stdout.contains("    undecided: StringEquals sts:ExternalId [\"partner-7f3a\"]"))
}

@Test func requestsAreReadFromStandardInput() throws {
  let request = """
    {"request": {"principal": "arn:aws:iam::111111111111:user/alice", "action": "s3:GetObject",
     "resource": "arn:aws:s3:::bkt/k"},
     "identityPolicies": ["{\\"Statement\\":{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"s3:*\\",\\"Resource\\":\\"*\\"}}"]}
    """
  let result = try simulate("-", stdin: request)
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout.hasPrefix("decision: allow"))
  #expect(result.stdout.contains("<stdin>:3"))
}

/// (fixture, the place and message expected on stderr)
@Test(arguments: [
  ("bad/truncated.json", "bad/truncated.json:5:1: error: unexpected end of input"),
  ("bad/wrong-principal.json", "bad/wrong-principal.json:3:18: error: principal must be"),
  (
    "bad/effect-typo.json",
    #"bad/effect-typo.json:12:21: error: Effect must be "Allow" or "Deny", found "allow ""#
  ),
  ("bad/wrong-types.json", "bad/wrong-types.json:6:34: error: a context value must be a string"),
  ("missing.json", "missing.json: error: cannot read the request file"),
])
func invalidRequestsExitWithStatus2AndALocatedMessage(file: String, message: String) throws {
  let result = try simulate(file)
  #expect(result.status == 2)
  #expect(result.stdout.isEmpty)
  #expect(result.stderr.contains(message), "\(result.stderr)")
}

@Test func hostileRequestsNeitherCrashNorHang() throws {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "trustwalk-simulate-\(getpid())")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let deep = directory.appendingPathComponent("deep.json")
  try Data((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8).write(
    to: deep)
  let invalidUTF8 = directory.appendingPathComponent("invalid-utf8.json")
  try Data(#"{"request": {"principal": ""#.utf8 + [0xC3, 0x28] + Data(#""}}"#.utf8)).write(to: invalidUTF8)
  for file in [deep, invalidUTF8] {
    let result = try TrustwalkBinary.run(["simulate", "--request", file.path])
    #expect(result.status == 2, "\(file.lastPathComponent): \(result.stderr)")
    #expect(result.stderr.contains("\(file.path):1:"), "\(result.stderr)")
  }
  let statements = (0..<20_000).map { index in
    #"{"Sid":"S\#(index)","Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::bucket-\#(index)/prefix/*"}"#
  }
  let large = directory.appendingPathComponent("large.json")
  let request =
    #"{"request":{"principal":"arn:aws:iam::111111111111:user/u","action":"s3:PutObject","resource":"arn:aws:s3:::bucket-19999/prefix/k"},"identityPolicies":[{"Statement":["#
    + statements.joined(separator: ",") + "]}]}"
  #expect(request.utf8.count > 2_000_000)
  try Data(request.utf8).write(to: large)
  let result = try TrustwalkBinary.run(["simulate", "--request", large.path])
  #expect(result.status == 0, "\(result.stderr)")
  #expect(result.stdout.contains("S19999/#19999"))
}
