import Foundation
import Testing

/// Evidence lines, near-miss fixes and KMS texts of explain, who-can and can-what on SampleData.
private func json(_ arguments: [String]) throws -> [String: Any] {
  let result = try TrustwalkBinary.run(arguments + ["--format", "json"])
  #expect(result.status == 0, "\(arguments): \(result.stderr)")
  return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
}

/// Every statement object anywhere in an answer.
private func statements(_ value: Any) -> [[String: Any]] {
  if let object = value as? [String: Any] {
    let own = object["effect"] != nil && object["policy"] != nil ? [object] : []
    return own + object.values.flatMap(statements)
  }
  if let array = value as? [Any] { return array.flatMap(statements) }
  return []
}

/// Every fix text anywhere in an explain answer.
private func fixes(_ value: Any) -> [String] {
  if let object = value as? [String: Any] {
    return (object["fixes"] as? [String] ?? []) + object.values.flatMap(fixes)
  }
  if let array = value as? [Any] { return array.flatMap(fixes) }
  return []
}

@Test func bucketPolicyStatementLineIsTheLineOfThePolicyStringInTheFile() throws {
  let answer = try json([
    "explain", "SampleData/codebuild-cross-account", "arn:aws:iam::111111111111:role/CodeBuildRole",
    "s3://dev-artifacts/builds/app.zip", "--action", "s3:PutObject",
  ])
  let bucket = try #require(
    statements(answer).first { ($0["file"] as? String)?.hasSuffix("get-bucket-policy.json") == true })
  #expect(bucket["line"] as? Int == 2)
  #expect(bucket["policyLine"] == nil)
}

@Test func scpStatementLineIsTheContentLineWithThePolicyLineAsDetail() throws {
  let arguments = [
    "explain", "SampleData/org", "arn:aws:iam::223606797749:role/OrganizationAccountAccessRole",
    "s3://acme-payments-prod-artifacts", "--action", "s3:DeleteBucket",
  ]
  let answer = try json(arguments)
  let deny = try #require(statements(answer).first { $0["sid"] as? String == "DenyDeleteBucket" })
  #expect(deny["line"] as? Int == 11)
  #expect(deny["policyLine"] as? Int == 4)
  let text = try TrustwalkBinary.run(arguments).stdout
  #expect(text.contains("p-9hq3mz8w/describe-policy.json:11 (policy line 4)"))
}

/// Every statement explain shows comes from a file of the snapshot, once: the RCPFullAWSAccess the
/// snapshot holds is not doubled by trustwalk's stand-in, and a launch statement granting two
/// actions (CodeBuild's CreateProject and StartBuild) is listed once.
@Test func explainShowsEachStatementOnceAndFromItsFile() throws {
  let org = try json([
    "explain", "SampleData/org", "arn:aws:iam::223606797749:role/OrganizationAccountAccessRole",
    "s3://acme-payments-prod-artifacts", "--action", "s3:DeleteBucket",
  ])
  let fileless = statements(org).filter { $0["file"] == nil }
  #expect(fileless.isEmpty, "\(fileless)")
  let text = try TrustwalkBinary.run([
    "explain", "SampleData/codebuild-cross-account", "arn:aws:iam::111111111111:user/dana",
    "s3://dev-artifacts-nopolicy/", "--action", "s3:PutObject",
  ]).stdout
  let runBuilds = text.split(separator: "\n").filter { $0.contains("RunBuilds") }
  #expect(runBuilds.count == 1, "\(runBuilds)")
}

@Test func explainNamesTheMisspelledPrincipalOfTheBucketPolicy() throws {
  let answer = try json([
    "explain", "SampleData/ec2-instance-profile", "arn:aws:iam::555555555555:role/AppServerRole",
    "s3://data-store-typo/app/config.json", "--access", "read",
  ])
  let fix = try #require(fixes(answer).first { $0.contains("AppSeverRole") })
  #expect(fix.contains("AllowAppServerRole, AllowAppServerRoleList"))
  #expect(fix.contains("did you mean arn:aws:iam::555555555555:role/AppServerRole"))
  #expect(fix.contains("get-bucket-policy.json:2"))
  #expect(!fixes(answer).contains { $0.contains("must allow arn:aws:iam::555555555555:role/AppServerRole") })
}

@Test func explainNamesTheBucketArnGivenForObjects() throws {
  let answer = try json([
    "explain", "SampleData/ec2-instance-profile", "arn:aws:iam::555555555555:role/AppServerRole",
    "s3://data-store-noslash/app/config.json", "--action", "s3:GetObject",
  ])
  let fix = try #require(
    fixes(answer).first { $0.contains("objects need arn:aws:s3:::data-store-noslash/*") })
  #expect(fix.contains("AllowAppServerRole"))
  #expect(fix.hasPrefix("bucket owner 666666666666 must change the Resource"))
}

@Test func explainNamesStatementsThatAllowOnlyOtherActions() throws {
  let answer = try json([
    "explain", "SampleData/upload-only-prefixes", "arn:aws:iam::111111111111:user/bobbytables",
    "s3://account-b-bucket/foo/report.csv", "--action", "s3:GetObject",
  ])
  let all = fixes(answer)
  #expect(all.contains { $0.hasPrefix("UploadFooAndFighters") && $0.contains("allows only s3:PutObject") })
  #expect(
    all.contains { $0.hasPrefix("AllowAccountARoleUploads") && $0.contains("allows only s3:PutObject") })
}

@Test func identityProviderReachesBucketsOnlyThroughTheRolesTrustingIt() throws {
  let answer = try json([
    "can-what", "SampleData/org",
    "arn:aws:iam::173205080756:oidc-provider/token.actions.githubusercontent.com",
  ])
  let buckets = answer["buckets"] as? [[String: Any]] ?? []
  #expect(!buckets.isEmpty)
  for bucket in buckets {
    for level in bucket["access"] as? [[String: Any]] ?? [] {
      #expect(level["conditional"] as? Bool == true, "\(bucket["bucket"] ?? "")")
      #expect(((level["chain"] as? [String]) ?? []).count > 1, "\(bucket["bucket"] ?? "")")
      #expect(level["patterns"] as? [String] != ["*"])
    }
  }
}

@Test func kmsBlockedTextNamesTheSideThatRefusesAndListsWhoReachesTheBlockedRole() throws {
  let result = try TrustwalkBinary.run([
    "who-can", "SampleData/pipeline-object-ownership", "s3://acme-release-artifacts/", "--access", "write",
  ])
  #expect(result.stdout.contains("does not allow it (the caller's own policy does: UseArtifactKey)"))
  #expect(result.stdout.contains("  codepipeline.amazonaws.com: s3:PutObject needs kms:GenerateDataKey"))
  #expect(!result.stdout.contains("(and the caller's policies)"))
}

@Test func sameAccountFixOffersIdentityOrBucketPolicyAsAlternatives() throws {
  let publisher = "arn:aws:iam::444444444444:role/ArtifactPublisherRole"
  let answer = try json([
    "explain", "SampleData/pipeline-object-ownership", "arn:aws:iam::333333333333:role/PipelineRole",
    "s3://acme-release-artifacts/builds/app.zip", "--action", "s3:PutObject",
  ])
  let all = fixes(answer)
  #expect(
    all.contains {
      $0.hasPrefix("account 444444444444 must allow s3:PutObject")
        && $0.contains("either in an identity policy")
        && $0.contains("or in the bucket policy of acme-release-artifacts naming \(publisher)")
    })
  #expect(!all.contains { $0.hasPrefix("bucket owner 444444444444 must allow \(publisher)") })
  // The key policy delegates to the account ("Enable IAM User Permissions"): only IAM must change.
  #expect(!all.contains { $0.hasPrefix("key owner 444444444444 must allow \(publisher)") })
  #expect(all.contains { $0.hasPrefix("account 444444444444 must allow kms:GenerateDataKey") })
}

@Test func bucketWithoutPolicyShowsWhatItLacksAsResourceSideEvidence() throws {
  let answer = try json([
    "explain", "SampleData/codebuild-cross-account", "arn:aws:iam::111111111111:role/CodeBuildRole",
    "s3://dev-artifacts-nopolicy/", "--action", "s3:PutObject",
  ])
  let chains = answer["chains"] as? [[String: Any]] ?? []
  let hops = chains.flatMap { $0["hops"] as? [[String: Any]] ?? [] }
  let final = try #require(hops.first { $0["hop"] as? Int == 0 })
  let side = final["resourceSide"] as? [String: Any]
  #expect(
    side?["notes"] as? [String] == [
      "no bucket policy", "no ACL grant (ACLs disabled by BucketOwnerEnforced)",
    ])
}

/// who-can and can-what name the statements that grant each answer (file, Sid, line), in JSON and
/// as `granted by:` lines in text.
@Test func whoCanAndCanWhatNameTheGrantingStatements() throws {
  let arguments = ["SampleData/upload-only-prefixes", "s3://account-b-bucket/foo/", "--access", "write"]
  let answer = try whoCanJSON(arguments)
  let bobby = try #require(answer.entries["arn:aws:iam::111111111111:user/bobbytables"])
  let granting = statements(bobby["evidence"] ?? [])
  #expect(granting.contains { $0["sid"] as? String == "AllowAccountARoleUploads" && $0["line"] as? Int == 2 })
  #expect(granting.contains { $0["sid"] as? String == "UploadFooAndFighters" && $0["file"] != nil })
  let text = try TrustwalkBinary.run(["who-can"] + arguments).stdout
  #expect(text.contains("granted by: bucket policy of account-b-bucket AllowAccountARoleUploads ("))
  let canWhat = try TrustwalkBinary.run([
    "can-what", "SampleData/upload-only-prefixes", "arn:aws:iam::111111111111:user/bobbytables", "--format",
    "json",
  ])
  let object = try JSONSerialization.jsonObject(with: Data(canWhat.stdout.utf8))
  #expect(statements(object).contains { $0["sid"] as? String == "AllowAccountARoleUploads" })
}
