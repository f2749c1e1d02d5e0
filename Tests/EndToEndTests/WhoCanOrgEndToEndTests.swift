import Foundation
import Testing

/// who-can on SampleData/org, against the answers O1–O8 of SampleData/README.md.
private func oaar(_ account: String) -> String {
  "arn:aws:iam::\(account):role/OrganizationAccountAccessRole"
}
private let orgAdmin = "arn:aws:iam::314159265358:user/org-admin"
private let gha = "arn:aws:iam::173205080756:role/ci/GitHubActionsDeployRole"
private let oidc = "arn:aws:iam::173205080756:oidc-provider/token.actions.githubusercontent.com"
private let jenkins = "arn:aws:iam::173205080756:user/service-accounts/jenkins-legacy"
private let oidcKeys = ["token.actions.githubusercontent.com:aud", "token.actions.githubusercontent.com:sub"]

private func chain0(_ entry: [String: Any]?) -> [String]? { (entry?["chains"] as? [[String]])?.first }
private func conditional(_ entry: [String: Any]?) -> Bool? { entry?["conditional"] as? Bool }

@Test func o1ProdArtifactsWriters() throws {
  let deploy = "arn:aws:iam::223606797749:role/DeployRole"
  let answer = try whoCanJSON([
    "SampleData/org", "s3://acme-payments-prod-artifacts/", "--action", "s3:PutObject",
  ])
  #expect(Set(answer.entries.keys) == [deploy, oaar("223606797749"), gha, oidc, orgAdmin])
  #expect(answer.entries.values.allSatisfy { $0["coverage"] as? String == "all" })
  #expect(chain0(answer.entries[gha]) == [gha, deploy])
  #expect(chain0(answer.entries[oidc]) == [oidc, gha, deploy])
  #expect(answer.entries[oidc]?["kind"] as? String == "federated")
  let conditions = answer.entries[oidc]?["conditions"] as? [[String: Any]] ?? []
  #expect(Set(conditions.compactMap { $0["key"] as? String }) == Set(oidcKeys))
  #expect(conditions.allSatisfy { $0["hop"] as? Int == 1 })
  #expect(chain0(answer.entries[orgAdmin]) == [orgAdmin, oaar("223606797749")])
  #expect(answer.entries[oaar("223606797749")]?["patterns"] as? [String] == ["*"])
  #expect(conditional(answer.entries[deploy]) == false)
}

@Test func o2DevArtifactsWritersIncludeAccountRootTrustAndBoundaryUser() throws {
  let deploy = "arn:aws:iam::316227766016:role/DeployRole"
  let answer = try whoCanJSON([
    "SampleData/org", "s3://acme-payments-dev-artifacts/", "--action", "s3:PutObject",
  ])
  #expect(
    Set(answer.entries.keys) == [
      deploy, oaar("316227766016"), gha, oidc, jenkins, oaar("173205080756"), orgAdmin,
    ])
  #expect(chain0(answer.entries[jenkins]) == [jenkins, deploy])
  #expect(chain0(answer.entries[oaar("173205080756")]) == [oaar("173205080756"), deploy])
  #expect(chain0(answer.entries[orgAdmin]) == [orgAdmin, oaar("316227766016")])
  #expect(conditional(answer.entries[jenkins]) == false)
}

/// The README lists 6 writers; an administrator of 223606797749 also reaches PaymentsExportRole by
/// passing it to an ECS task (iam:PassRole + ecs:RegisterTaskDefinition + ecs:RunTask are in
/// AdministratorAccess, and the role trusts ecs-tasks.amazonaws.com for its own account).
@Test func o3DataLakeExportWritersCanAlsoUseTheKey() throws {
  let export = "arn:aws:iam::223606797749:role/PaymentsExportRole"
  let glue = "arn:aws:iam::264575131106:role/GlueETLRole"
  let readme: Set<String> = [
    export, glue, oaar("264575131106"), "ecs-tasks.amazonaws.com", "glue.amazonaws.com", orgAdmin,
  ]
  let answer = try whoCanJSON([
    "SampleData/org", "s3://acme-data-lake-prod/exports/payments/", "--action", "s3:PutObject",
  ])
  #expect(Set(answer.entries.keys) == readme.union([oaar("223606797749")]))
  #expect(chain0(answer.entries[oaar("223606797749")]) == [oaar("223606797749"), export])
  #expect(answer.entries.values.allSatisfy { $0["coverage"] as? String == "all" })
  #expect(
    answer.entries[export]?["patterns"] as? [String] == [
      "arn:aws:s3:::acme-data-lake-prod/exports/payments/*"
    ])
  #expect(answer.entries[glue]?["patterns"] as? [String] == ["arn:aws:s3:::acme-data-lake-prod/*"])
  #expect(conditional(answer.entries["ecs-tasks.amazonaws.com"]) == true)
  #expect(conditional(answer.entries["glue.amazonaws.com"]) == true)
  #expect((answer.root["blocked"] as? [Any])?.isEmpty == true)

  let wider = try whoCanJSON([
    "SampleData/org", "s3://acme-data-lake-prod/exports/", "--action", "s3:PutObject",
  ])
  #expect(Set(wider.entries.keys) == Set(answer.entries.keys))
  #expect(wider.entries[export]?["coverage"] as? String == "some")
  #expect(wider.entries["ecs-tasks.amazonaws.com"]?["coverage"] as? String == "some")
  #expect(wider.entries[glue]?["coverage"] as? String == "all")
}

@Test func o4CuratedReadersThroughThreeHops() throws {
  let auditReadOnly = "arn:aws:iam::264575131106:role/SecurityAuditReadOnly"
  let auditRole = "arn:aws:iam::271828182845:role/SecurityAuditRole"
  let incident = "arn:aws:iam::271828182845:role/IncidentResponseRole"
  let sam = "arn:aws:iam::271828182845:user/sam"
  let oncall = "arn:aws:iam::271828182845:user/oncall-responder"
  let answer = try whoCanJSON([
    "SampleData/org", "s3://acme-data-lake-prod/curated/", "--action", "s3:GetObject",
  ])
  #expect(
    Set(answer.entries.keys) == [
      "arn:aws:iam::264575131106:role/GlueETLRole", auditReadOnly, oaar("264575131106"), "glue.amazonaws.com",
      auditRole, sam, oaar("271828182845"), incident, oncall, orgAdmin,
    ])
  #expect(chain0(answer.entries[oncall]) == [oncall, incident, auditRole, auditReadOnly])
  #expect(chain0(answer.entries[sam]) == [sam, auditRole, auditReadOnly])
  #expect(chain0(answer.entries[oaar("271828182845")]) == [oaar("271828182845"), auditRole, auditReadOnly])
  #expect(answer.entries[sam]?["patterns"] as? [String] == ["arn:aws:s3:::acme-data-lake-prod/*"])
  #expect(!answer.entries.keys.contains("arn:aws:iam::555566667777:role/PartnerAnalyticsReader"))
}

@Test func o5PublicSiteIsReadableByAnonymousAndSandboxRolesAreConditional() throws {
  let answer = try whoCanJSON([
    "SampleData/org", "s3://acme-sandbox-alice-demo-site/", "--action", "s3:GetObject",
  ])
  let members = [
    "271828182845", "161803398874", "141421356237", "173205080756", "223606797749", "264575131106",
    "282842712474",
    "316227766016", "331662479035", "346410161513",
  ]
  // Same account: the public statement alone lets every principal of 360555127546 in (D8); the
  // region guardrail SCP makes them conditional, except the service-linked role (exempt from SCPs).
  let sandboxRoles = [
    "service-role/experiment-lambda-role", "notebook-role", "app/demo-api-task-role", "batch-job-role",
    "step-functions-role", "scratch-runner-role", "ssm-automation-role", "backup-operator-role",
  ].map { "arn:aws:iam::360555127546:role/\($0)" }
  let serviceLinked =
    "arn:aws:iam::360555127546:role/aws-service-role/organizations.amazonaws.com/AWSServiceRoleForOrganizations"
  let services = [
    "backup", "ecs-tasks", "lambda", "sagemaker", "ssm", "states",
  ].map { "\($0).amazonaws.com" }
  var expected = Set(members.map(oaar))
  expected.formUnion(["*", orgAdmin, oaar("360555127546"), oaar("374165738677")])
  expected.formUnion(sandboxRoles + services + [serviceLinked, "organizations.amazonaws.com"])
  #expect(Set(answer.entries.keys) == expected)
  for role in sandboxRoles {
    let keys = (answer.entries[role]?["conditions"] as? [[String: Any]] ?? []).map {
      "\($0["hop"] ?? "")/\($0["key"] ?? "")"
    }
    #expect(conditional(answer.entries[role]) == true)
    #expect(keys == ["0/aws:RequestedRegion"])
    #expect(chain0(answer.entries[role]) == [role])
  }
  #expect(conditional(answer.entries[serviceLinked]) == false)
  #expect(chain0(answer.entries["lambda.amazonaws.com"])?.count == 2)
  for service in services {
    let hops = (answer.entries[service]?["conditions"] as? [[String: Any]] ?? []).compactMap {
      $0["key"] as? String
    }
    #expect(Set(hops) == ["aws:SourceAccount", "aws:RequestedRegion"])
  }
  #expect(answer.entries["*"]?["kind"] as? String == "anonymous")
  #expect(chain0(answer.entries["*"]) == ["*"])
  for account in members { #expect(conditional(answer.entries[oaar(account)]) == false) }
  #expect(conditional(answer.entries[orgAdmin]) == false)
  for account in ["360555127546", "374165738677"] {
    let entry = answer.entries[oaar(account)]
    #expect(conditional(entry) == true)
    let keys = (entry?["conditions"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
    #expect(keys.contains("aws:RequestedRegion"))
  }
  #expect(
    answer.entries.values.allSatisfy {
      $0["patterns"] as? [String] == ["arn:aws:s3:::acme-sandbox-alice-demo-site/*"]
    })
}

@Test func o6VendorRoleIsAssumableByTheOutsideAccount() throws {
  let answer = try whoCanJSON([
    "SampleData/org", "arn:aws:iam::271828182845:role/VendorSecurityScannerRole", "--action",
    "sts:AssumeRole",
  ])
  let vendor = "arn:aws:iam::999988887777:root"
  #expect(Set(answer.entries.keys) == [vendor])
  #expect(answer.entries[vendor]?["kind"] as? String == "account-root")
  #expect(answer.entries[vendor]?["account"] as? String == "999988887777")
  #expect(conditional(answer.entries[vendor]) == false)
  #expect(chain0(answer.entries[vendor]) == [vendor])
}

@Test func o7SameAccountUserGrantNeedsNoIdentityOrBoundary() throws {
  let answer = try whoCanJSON([
    "SampleData/org", "s3://acme-shared-build-cache/jenkins/", "--action", "s3:PutObject",
  ])
  #expect(Set(answer.entries.keys) == [jenkins, oaar("173205080756"), orgAdmin])
  #expect(answer.entries[jenkins]?["coverage"] as? String == "all")
  #expect(
    answer.entries[jenkins]?["patterns"] as? [String] == ["arn:aws:s3:::acme-shared-build-cache/jenkins/*"])
  #expect(chain0(answer.entries[orgAdmin]) == [orgAdmin, oaar("173205080756")])
  let whole = try whoCanJSON(["SampleData/org", "s3://acme-shared-build-cache/", "--action", "s3:PutObject"])
  #expect(whole.entries[jenkins]?["coverage"] as? String == "some")
}

/// The README lists 4 writers; an administrator of 141421356237 also reaches NetworkLogShipperRole
/// by passing it to a Lambda function (the role trusts lambda.amazonaws.com for its own account).
@Test func o8AlbLogWriters() throws {
  let shipper = "arn:aws:iam::141421356237:role/NetworkLogShipperRole"
  let answer = try whoCanJSON(["SampleData/org", "s3://acme-web-prod-logs/alb/", "--action", "s3:PutObject"])
  #expect(
    Set(answer.entries.keys) == [
      shipper, "lambda.amazonaws.com", oaar("282842712474"), orgAdmin, oaar("141421356237"),
    ])
  #expect(answer.entries[shipper]?["patterns"] as? [String] == ["arn:aws:s3:::acme-web-prod-logs/alb/*"])
  let lambda = answer.entries["lambda.amazonaws.com"]
  #expect(chain0(lambda) == ["lambda.amazonaws.com", shipper])
  #expect(conditional(lambda) == true)
  #expect(chain0(answer.entries[orgAdmin]) == [orgAdmin, oaar("282842712474")])
}

@Test func kmsKeyTargetListsKeyUsersAndTheirChains() throws {
  let key = "arn:aws:kms:us-east-1:264575131106:key/a70a1e5b-777b-429e-9457-f11f5455514c"
  let answer = try whoCanJSON(["SampleData/org", key, "--action", "kms:Decrypt"])
  let glue = "arn:aws:iam::264575131106:role/GlueETLRole"
  let sam = "arn:aws:iam::271828182845:user/sam"
  #expect(chain0(answer.entries[glue]) == [glue])
  #expect(
    chain0(answer.entries[sam]) == [
      sam, "arn:aws:iam::271828182845:role/SecurityAuditRole",
      "arn:aws:iam::264575131106:role/SecurityAuditReadOnly",
    ])
  #expect(!answer.entries.keys.contains("arn:aws:iam::264575131106:root"))
  #expect(!answer.entries.keys.contains("arn:aws:iam::223606797749:role/PaymentsReconciliationRole"))
}
