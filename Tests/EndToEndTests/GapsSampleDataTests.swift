import Foundation
import Testing

/// One expected finding of SampleData/README.md: rule id, a principal and a resource it must name,
/// and the Sids its evidence must include. (TW011 on `data-store-noslash` is the extra finding the
/// README welcomes.)
private struct Expected: CustomStringConvertible {
  var rule: String
  /// A principal the finding must name (nil: the rule names none).
  var principal: String?
  var resource: String
  var sids: [String] = []

  var description: String { "\(rule) \(principal ?? "-") \(resource)" }
}

private func findings(_ scenario: String) throws -> [[String: Any]] {
  let result = try TrustwalkBinary.run(["gaps", "SampleData/\(scenario)", "--format", "json"])
  #expect(result.status == 0, "\(result.stderr)")
  let document = try #require(
    try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  return try #require(document["findings"] as? [[String: Any]])
}

private func matches(_ finding: [String: Any], _ expected: Expected) -> Bool {
  let principals = finding["principals"] as? [String] ?? []
  let resources = finding["resources"] as? [String] ?? []
  let sids = (finding["evidence"] as? [[String: Any]] ?? []).compactMap { $0["sid"] as? String }
  return finding["rule"] as? String == expected.rule && (expected.principal.map(principals.contains) ?? true)
    && resources.contains(expected.resource) && expected.sids.allSatisfy(sids.contains)
}

private let scenarios: [(String, [Expected])] = [
  (
    "codebuild-cross-account",
    [
      Expected(
        rule: "TW001", principal: "arn:aws:iam::111111111111:role/CodeBuildRole",
        resource: "arn:aws:s3:::dev-artifacts-nopolicy", sids: ["WriteDevArtifacts"])
    ]
  ),
  (
    "upload-only-prefixes",
    [
      Expected(
        rule: "TW007", principal: "arn:aws:iam::111111111111:role/account-a-s3-role",
        resource: "arn:aws:s3:::account-b-bucket", sids: ["AllowAccountARoleUploads"])
    ]
  ),
  (
    "pipeline-object-ownership",
    [
      Expected(
        rule: "TW008", principal: "arn:aws:iam::333333333333:role/PipelineRole",
        resource: "arn:aws:kms:us-east-1:444444444444:key/d05b59ee-821a-4ceb-8606-3e87dea0cfdb"),
      Expected(
        rule: "TW007", principal: "arn:aws:iam::333333333333:role/PipelineRole",
        resource: "arn:aws:s3:::acme-release-artifacts", sids: ["AllowPipelineUploads"]),
    ]
  ),
  (
    "ec2-instance-profile",
    [
      Expected(
        rule: "TW004", principal: "arn:aws:iam::555555555555:role/AppSeverRole",
        resource: "arn:aws:s3:::data-store-typo", sids: ["AllowAppServerRole", "AllowAppServerRoleList"]),
      Expected(
        rule: "TW006", principal: "ec2.amazonaws.com",
        resource: "arn:aws:iam::555555555555:role/AppServerRole"),
      Expected(
        rule: "TW011", principal: nil, resource: "arn:aws:s3:::data-store-noslash",
        sids: ["AllowAppServerRole"]),
    ]
  ),
  ("role-chain-external-id", []),
  (
    "org",
    [
      Expected(
        rule: "TW001", principal: "arn:aws:iam::223606797749:role/PaymentsReconciliationRole",
        resource: "arn:aws:s3:::acme-data-lake-prod", sids: ["ReadCuratedPayments"]),
      Expected(
        rule: "TW002", principal: "arn:aws:iam::331662479035:role/DataDevAnalyticsRole",
        resource: "arn:aws:s3:::acme-data-lake-prod", sids: ["AllowDataDevAnalytics"]),
      Expected(
        rule: "TW003", principal: "AROAVQ3LEGACYRPTS7H2M", resource: "arn:aws:s3:::acme-data-lake-prod",
        sids: ["AllowLegacyReporting"]),
      Expected(
        rule: "TW005", principal: "arn:aws:iam::999988887777:root",
        resource: "arn:aws:iam::271828182845:role/VendorSecurityScannerRole"),
      Expected(
        rule: "TW006", principal: "lambda.amazonaws.com",
        resource: "arn:aws:iam::331662479035:role/data-dev-etl-lambda-role"),
      Expected(
        rule: "TW009", principal: "*", resource: "arn:aws:s3:::acme-sandbox-alice-demo-site",
        sids: ["PublicReadGetObject"]),
      Expected(
        rule: "TW007", principal: "arn:aws:iam::141421356237:role/NetworkLogShipperRole",
        resource: "arn:aws:s3:::acme-web-prod-logs"),
    ]
  ),
]

@Test(arguments: scenarios.map(\.0))
func gapsOnSampleDataAreExactlyTheDocumentedOnes(scenario: String) throws {
  let expected = scenarios.first { $0.0 == scenario }?.1 ?? []
  let found = try findings(scenario)
  #expect(found.count == expected.count, "\(found.map { ($0["rule"] ?? "", $0["message"] ?? "") })")
  for finding in expected {
    #expect(found.contains { matches($0, finding) }, "missing \(finding)")
  }
}

@Test func failOnExitsOneOnlyWhenAFindingReachesTheThreshold() throws {
  #expect(try TrustwalkBinary.run(["gaps", "SampleData/org", "--fail-on", "high"]).status == 1)
  #expect(
    try TrustwalkBinary.run(["gaps", "SampleData/codebuild-cross-account", "--fail-on", "high"]).status == 0)
  #expect(
    try TrustwalkBinary.run(["gaps", "SampleData/codebuild-cross-account", "--fail-on", "medium"]).status == 1
  )
  #expect(
    try TrustwalkBinary.run(["gaps", "SampleData/role-chain-external-id", "--fail-on", "info"]).status == 0)
}

@Test func sarifOutputPointsAtSnapshotFiles() throws {
  let result = try TrustwalkBinary.run(["gaps", "SampleData/codebuild-cross-account", "--format", "sarif"])
  #expect(result.status == 0)
  let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  #expect(log["version"] as? String == "2.1.0")
  let run = try #require((log["runs"] as? [[String: Any]])?.first)
  let results = try #require(run["results"] as? [[String: Any]])
  #expect(results.count == 1)
  let physical = try #require(
    (results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
  let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
  #expect(uri.hasPrefix("SampleData/codebuild-cross-account/111111111111/iam/"))
  #expect(
    FileManager.default.fileExists(atPath: TrustwalkBinary.packageRoot.appendingPathComponent(uri).path))
  let line = try #require((physical["region"] as? [String: Any])?["startLine"] as? Int)
  #expect(line > 1)
}

@Test func textOutputGroupsBySeverity() throws {
  let result = try TrustwalkBinary.run(["gaps", "SampleData/org"])
  #expect(result.status == 0)
  let high = try #require(result.stdout.range(of: "HIGH (2)"))
  let medium = try #require(result.stdout.range(of: "MEDIUM (3)"))
  let low = try #require(result.stdout.range(of: "LOW (2)"))
  #expect(high.lowerBound < medium.lowerBound && medium.lowerBound < low.lowerBound)
  #expect(result.stdout.hasSuffix("7 findings: 2 high, 3 medium, 2 low\n"))
}

@Test func withoutSnapshotEveryBundledScenarioIsAnalysed() throws {
  let result = try TrustwalkBinary.run(["gaps"])
  #expect(result.status == 0)
  #expect(result.stderr.contains("holds 6 snapshots"))
  #expect(result.stdout.hasSuffix("14 findings: 2 high, 8 medium, 4 low\n"))
}
