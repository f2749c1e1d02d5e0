import Foundation
import Testing

/// explain on the SampleData scenarios, against SampleData/README.md.
private func explainJSON(_ arguments: [String]) throws -> [String: Any] {
  let result = try TrustwalkBinary.run(["explain"] + arguments + ["--format", "json"])
  #expect(result.status == 0)
  return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
}

private func chains(_ answer: [String: Any]) -> [[String: Any]] { answer["chains"] as? [[String: Any]] ?? [] }

/// The chain whose nodes are `nodes`.
private func chain(_ answer: [String: Any], _ nodes: [String]) -> [String: Any]? {
  chains(answer).first { $0["chain"] as? [String] == nodes }
}

/// The hop `number` of a chain.
private func hop(_ chain: [String: Any]?, _ number: Int) -> [String: Any]? {
  (chain?["hops"] as? [[String: Any]])?.first { $0["hop"] as? Int == number }
}

private func failing(_ hop: [String: Any]?) -> [String] { hop?["failingLayers"] as? [String] ?? [] }
private func fixes(_ hop: [String: Any]?) -> [String] { hop?["fixes"] as? [String] ?? [] }

/// The Sids named on one side of a hop.
private func sids(_ hop: [String: Any]?, side: String) -> Set<String> {
  let layers = (hop?[side] as? [String: Any])?["layers"] as? [[String: Any]] ?? []
  return Set(
    layers.flatMap { ($0["statements"] as? [[String: Any]] ?? []).compactMap { $0["sid"] as? String } })
}

private let codeBuildRole = "arn:aws:iam::111111111111:role/CodeBuildRole"

@Test func bucketWithoutPolicyFailsOnTheResourceSideWithTheFixForTheBucketOwner() throws {
  let answer = try explainJSON([
    "SampleData/codebuild-cross-account", codeBuildRole, "s3://dev-artifacts-nopolicy/", "--action",
    "s3:PutObject",
  ])
  #expect(answer["decision"] as? String == "implicitDeny")
  let direct = chain(answer, [codeBuildRole])
  #expect(direct?["failingHop"] as? Int == 0)
  let final = hop(direct, 0)
  #expect(failing(final) == ["resource"])
  #expect(sids(final, side: "callerSide") == ["WriteDevArtifacts"])
  #expect(((final?["resourceSide"] as? [String: Any])?["account"] as? String) == "222222222222")
  #expect(
    fixes(final).contains(
      "bucket owner 222222222222 must allow arn:aws:iam::111111111111:role/CodeBuildRole (s3:PutObject on arn:aws:s3:::dev-artifacts-nopolicy/*) in the bucket policy of dev-artifacts-nopolicy"
    ))
}

@Test func viaServiceHopPassesAndTheFinalHopFailsAsForTheRole() throws {
  let dana = "arn:aws:iam::111111111111:user/dana"
  let answer = try explainJSON([
    "SampleData/codebuild-cross-account", dana, "s3://dev-artifacts-nopolicy/", "--action", "s3:PutObject",
  ])
  let viaCodeBuild = chain(answer, [dana, codeBuildRole])
  #expect(hop(viaCodeBuild, 1)?["decision"] as? String == "allow")
  #expect(sids(hop(viaCodeBuild, 1), side: "callerSide").isSuperset(of: ["PassCodeBuildRole", "RunBuilds"]))
  #expect(failing(hop(viaCodeBuild, 0)) == ["resource"])
}

@Test func allowedRequestShowsBothSidesStatements() throws {
  let answer = try explainJSON([
    "SampleData/codebuild-cross-account", codeBuildRole, "s3://dev-artifacts/builds/app.zip", "--action",
    "s3:PutObject",
  ])
  #expect(answer["decision"] as? String == "allow")
  let final = hop(chain(answer, [codeBuildRole]), 0)
  #expect(sids(final, side: "callerSide") == ["WriteDevArtifacts"])
  #expect(sids(final, side: "resourceSide") == ["AllowToolsCodeBuildArtifacts"])
}

@Test func uploadRoleLacksReadOnBothSides() throws {
  let bobby = "arn:aws:iam::111111111111:user/bobbytables"
  let role = "arn:aws:iam::111111111111:role/account-a-s3-role"
  let answer = try explainJSON([
    "SampleData/upload-only-prefixes", bobby, "s3://account-b-bucket/foo/report.csv", "--action",
    "s3:GetObject",
  ])
  #expect(answer["decision"] as? String == "implicitDeny")
  let viaRole = chain(answer, [bobby, role])
  #expect(hop(viaRole, 1)?["decision"] as? String == "allow")
  #expect(Set(failing(hop(viaRole, 0))) == ["identity", "resource"])
  #expect(chain(answer, [bobby])?["failingHop"] as? Int == 0)
}

@Test func bucketSideAllowsFoobarButTheRoleDoesNot() throws {
  let role = "arn:aws:iam::111111111111:role/account-a-s3-role"
  let answer = try explainJSON([
    "SampleData/upload-only-prefixes", role, "s3://account-b-bucket/foobar/x", "--action", "s3:PutObject",
  ])
  let final = hop(chain(answer, [role]), 0)
  #expect(failing(final) == ["identity"])
  #expect(sids(final, side: "resourceSide") == ["AllowAccountARoleUploads"])
  #expect(
    fixes(final).contains(
      "account 111111111111 must allow s3:PutObject on arn:aws:s3:::account-b-bucket/foobar/* in an identity policy of \(role)"
    ))
}

@Test func kmsKeyPolicyIsTheFailingLayerForThePipeline() throws {
  let pipeline = "arn:aws:iam::333333333333:role/PipelineRole"
  let publisher = "arn:aws:iam::444444444444:role/ArtifactPublisherRole"
  let answer = try explainJSON([
    "SampleData/pipeline-object-ownership", pipeline, "s3://acme-release-artifacts/builds/app.zip",
    "--action",
    "s3:PutObject",
  ])
  let final = hop(chain(answer, [pipeline]), 0)
  #expect(failing(final) == ["kms-key-policy"])
  #expect(
    fixes(final).contains {
      $0.hasPrefix("key owner 444444444444 must allow \(pipeline) (kms:GenerateDataKey")
    })
  #expect(failing(hop(chain(answer, [pipeline, publisher]), 0)).contains("identity"))
}

@Test func typoedPrincipalFailsOnTheBucketSide() throws {
  let role = "arn:aws:iam::555555555555:role/AppServerRole"
  let answer = try explainJSON([
    "SampleData/ec2-instance-profile", role, "s3://data-store-typo/app/config.json", "--access", "read",
  ])
  let final = hop(chain(answer, [role]), 0)
  #expect(failing(final) == ["resource"])
  #expect(
    fixes(final).contains {
      $0.hasPrefix("bucket owner 666666666666 must correct the principal in AllowAppServerRole")
    })
}

@Test func externalIdChainIsAllowedUnderConditions() throws {
  let erin = "arn:aws:iam::777777777777:user/erin"
  let answer = try explainJSON([
    "SampleData/role-chain-external-id", erin, "s3://acme-storage-data/data.bin", "--action", "s3:PutObject",
  ])
  #expect(answer["decision"] as? String == "conditional")
  let path = chain(
    answer,
    [erin, "arn:aws:iam::777777777777:role/ComputeRole", "arn:aws:iam::888888888888:role/StorageAccessRole"])
  #expect(sids(hop(path, 1), side: "resourceSide") == ["TrustComputeAccount"])
  #expect(sids(hop(path, 2), side: "resourceSide") == ["TrustComputeAccountWithExternalId"])
  let conditions = hop(path, 2)?["conditions"] as? [[String: Any]] ?? []
  #expect(conditions.first?["key"] as? String == "sts:ExternalId")
  #expect(sids(hop(path, 0), side: "callerSide") == ["ReadWriteOwnBucket"])
}

@Test func userWithoutAssumeRightsFailsAtTheFirstHopOnItsOwnSide() throws {
  let frank = "arn:aws:iam::777777777777:user/frank"
  let compute = "arn:aws:iam::777777777777:role/ComputeRole"
  let answer = try explainJSON([
    "SampleData/role-chain-external-id", frank, "s3://acme-storage-data/", "--access", "read",
  ])
  let blocked = chain(answer, [frank, compute, "arn:aws:iam::888888888888:role/StorageAccessRole"])
  #expect(blocked?["failingHop"] as? Int == 1)
  #expect(failing(hop(blocked, 1)) == ["identity"])
  // The trust names the account: frank's identity policy is enough, naming frank in the trust too.
  #expect(
    fixes(hop(blocked, 1)).contains(
      "account 777777777777 must allow sts:AssumeRole on \(compute) either in an identity policy of \(frank) (the trust policy of \(compute) already allows the account through TrustComputeAccount) or in the trust policy of \(compute) naming \(frank) (same account: either one is enough)"
    ))
  #expect(chain(answer, [frank])?["failingHop"] as? Int == 0)
}

@Test func orgExplanationsNameTheLayerAndTheSide() throws {
  let reconciliation = "arn:aws:iam::223606797749:role/PaymentsReconciliationRole"
  let recon = try explainJSON([
    "SampleData/org", reconciliation, "s3://acme-data-lake-prod/curated/payments/", "--action",
    "s3:GetObject",
  ])
  let reconFinal = hop(chain(recon, [reconciliation]), 0)
  #expect(failing(reconFinal) == ["resource", "kms-key-policy"])

  let analytics = "arn:aws:iam::331662479035:role/DataDevAnalyticsRole"
  let dev = try explainJSON([
    "SampleData/org", analytics, "s3://acme-data-lake-prod/curated/", "--action", "s3:GetObject",
  ])
  #expect(failing(hop(chain(dev, [analytics]), 0)).first == "identity")

  let partner = "arn:aws:iam::555566667777:role/PartnerAnalyticsReader"
  let rcp = try explainJSON([
    "SampleData/org", partner, "s3://acme-data-lake-prod/curated/", "--action", "s3:GetObject",
  ])
  #expect(rcp["decision"] as? String == "explicitDeny")
  #expect(failing(hop(chain(rcp, [partner]), 0)) == ["rcp"])

  let admin = "arn:aws:iam::223606797749:role/OrganizationAccountAccessRole"
  let scp = try explainJSON([
    "SampleData/org", admin, "s3://acme-payments-prod-artifacts", "--action", "s3:DeleteBucket",
  ])
  #expect(scp["decision"] as? String == "explicitDeny")
  let scpHop = hop(chain(scp, [admin]), 0)
  #expect(failing(scpHop) == ["scp"])
  #expect(fixes(scpHop).first?.contains("DenyDeleteBucket") == true)

  let jenkins = "arn:aws:iam::173205080756:user/service-accounts/jenkins-legacy"
  let prodDeploy = "arn:aws:iam::223606797749:role/DeployRole"
  let trust = try explainJSON([
    "SampleData/org", jenkins, "s3://acme-payments-prod-artifacts/", "--action", "s3:PutObject",
  ])
  let trustChain = chain(trust, [jenkins, prodDeploy])
  #expect(trustChain?["failingHop"] as? Int == 1)
  #expect(failing(hop(trustChain, 1)) == ["trust"])
  #expect(chain(trust, [jenkins])?["failingHop"] as? Int == 0)

  let sam = "arn:aws:iam::271828182845:user/sam"
  let allowed = try explainJSON([
    "SampleData/org", sam, "s3://acme-data-lake-prod/curated/x.parquet", "--action", "s3:GetObject",
  ])
  #expect(allowed["decision"] as? String == "allow")
  let samChain = chain(
    allowed,
    [
      sam, "arn:aws:iam::271828182845:role/SecurityAuditRole",
      "arn:aws:iam::264575131106:role/SecurityAuditReadOnly",
    ])
  #expect(sids(hop(samChain, 1), side: "callerSide") == ["AssumeSecurityAuditRole"])
  #expect(sids(hop(samChain, 2), side: "resourceSide") == ["TrustSecurityAuditRole"])
  #expect(sids(hop(samChain, 0), side: "callerSide").contains("ReadWorkloadBuckets"))
}

@Test func explainTextShowsTwoColumnsWhenWide() throws {
  let arguments = [
    "explain", "SampleData/codebuild-cross-account", codeBuildRole, "s3://dev-artifacts-nopolicy/",
    "--action",
    "s3:PutObject",
  ]
  let wide = try TrustwalkBinary.run(arguments, environment: ["COLUMNS": "400"])
  #expect(
    wide.stdout.contains("caller side (111111111111)")
      && wide.stdout.contains(" | resource side (222222222222)"))
  let narrow = try TrustwalkBinary.run(arguments, environment: ["COLUMNS": "60"])
  #expect(!narrow.stdout.contains(" | resource side"))
  #expect(narrow.stdout.contains("resource side (222222222222)"))
}
