import Authorization
import Foundation
import PolicyLanguage
import Testing
import TrustGraph

@testable import Export

private let embedded = StatementEvidence(
  policy: PolicySource(
    name: "bucket policy of data", file: "snap/222222222222/s3/buckets/data/get-bucket-policy.json",
    embeddedAt: SourceLocation(line: 2, column: 15)),
  sid: "Open", index: 0, effect: .allow, location: SourceLocation(line: 1, column: 40))
private let plain = StatementEvidence(
  policy: PolicySource(
    name: "inline ci", file: "snap/111111111111/iam/get-account-authorization-details.json"),
  sid: nil, index: 3, effect: .allow, location: SourceLocation(line: 412, column: 9))

private let findings = [
  Finding(
    rule: .publicPolicy, severity: .critical, message: "the bucket policy of data allows everyone.",
    accounts: ["222222222222"], principals: ["*"], resources: ["arn:aws:s3:::data"], evidence: [embedded],
    fix: "Name the principals."),
  Finding(
    rule: .identityOnly, message: "role may read data, bucket does not allow it.",
    accounts: ["222222222222", "111111111111"], principals: ["arn:aws:iam::111111111111:role/R"],
    resources: ["arn:aws:s3:::data"], evidence: [plain], fix: "Allow it."),
  Finding(
    rule: .publicACL, severity: .high, message: "ACL grants READ to AllUsers.", accounts: ["222222222222"],
    principals: ["*"], resources: ["arn:aws:s3:::data"], evidence: [],
    details: [
      FindingDetail("ACL grant: AllUsers READ", file: "snap/222222222222/s3/buckets/data/get-bucket-acl.json")
    ],
    fix: "Remove it."),
  Finding(
    rule: .danglingUniqueId, message: "names AROA1.", accounts: ["222222222222"], principals: ["AROA1"],
    resources: [], evidence: [], fix: "Remove it."),
]

private func parse(_ text: String) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Test func sarifHasTheShapeOfVersion210() throws {
  let log = try parse(FindingsSARIFWriter.render(findings, snapshot: "snap"))
  #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
  #expect(log["version"] as? String == "2.1.0")
  let run = try #require((log["runs"] as? [[String: Any]])?.first)
  let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
  #expect(driver["name"] as? String == "trustwalk")
  let rules = try #require(driver["rules"] as? [[String: Any]])
  #expect(rules.map { $0["id"] as? String } == FindingRule.all.map(\.id))
  for rule in rules {
    #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
    #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
  }
  let results = try #require(run["results"] as? [[String: Any]])
  #expect(results.map { $0["ruleId"] as? String } == ["TW009", "TW001", "TW010", "TW003"])
  #expect(results.map { $0["level"] as? String } == ["error", "warning", "error", "note"])
  #expect(results[1]["ruleIndex"] as? Int == 0)
  #expect(
    ((results[0]["message"] as? [String: Any])?["text"] as? String)?.hasSuffix("Fix: Name the principals.")
      == true)
  func place(_ result: [String: Any]) -> (String?, Int?) {
    let physical = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any]
    let uri = (physical?["artifactLocation"] as? [String: Any])?["uri"] as? String
    return (uri, (physical?["region"] as? [String: Any])?["startLine"] as? Int)
  }
  #expect(place(results[0]) == ("snap/222222222222/s3/buckets/data/get-bucket-policy.json", 2))
  #expect(place(results[1]) == ("snap/111111111111/iam/get-account-authorization-details.json", 412))
  #expect(place(results[2]) == ("snap/222222222222/s3/buckets/data/get-bucket-acl.json", nil))
  #expect(place(results[3]) == ("snap", nil))
}

@Test func sarifURIsArePercentEncoded() {
  #expect(FindingsSARIFWriter.uri("my snap/a#b.json") == "my%20snap/a%23b.json")
}

@Test func jsonListsEveryFieldOfEveryFinding() throws {
  let document = try parse(FindingsJSONWriter.render(findings, snapshot: "snap"))
  #expect(document["snapshot"] as? String == "snap")
  let summary = try #require(document["summary"] as? [String: Int])
  #expect(summary == ["critical": 1, "high": 1, "medium": 1, "low": 1, "info": 0, "total": 4])
  let first = try #require((document["findings"] as? [[String: Any]])?.first)
  #expect(first["rule"] as? String == "TW009")
  #expect(first["name"] as? String == "public-policy-grant")
  #expect(first["severity"] as? String == "critical")
  #expect(first["principals"] as? [String] == ["*"])
  #expect(first["fix"] as? String == "Name the principals.")
  let evidence = try #require((first["evidence"] as? [[String: Any]])?.first)
  #expect(evidence["sid"] as? String == "Open")
  #expect(evidence["line"] as? Int == 2)
  #expect(evidence["effect"] as? String == "Allow")
}

@Test func jsonEscapesStrings() {
  let text = JSONOutput.object([("k", .string("a\"b\\c\n\u{01}é"))]).rendered()
  #expect(text == "{\n  \"k\": \"a\\\"b\\\\c\\n\\u0001é\"\n}\n")
}

@Test func textGroupsBySeverityMostSevereFirst() {
  let text = FindingsTextWriter.render(findings)
  let critical = text.range(of: "CRITICAL (1)")
  let medium = text.range(of: "MEDIUM (1)")
  #expect(critical != nil && medium != nil)
  if let critical, let medium { #expect(critical.lowerBound < medium.lowerBound) }
  #expect(text.contains("TW001 half-configured-identity-only: role may read data"))
  #expect(
    text.contains(
      "evidence: inline ci statement #3 Allow (snap/111111111111/iam/get-account-authorization-details.json:412)"
    ))
  #expect(text.hasSuffix("4 findings: 1 critical, 1 high, 1 medium, 1 low\n"))
  #expect(FindingsTextWriter.render([]) == "No gaps found.\n")
}
