/// The organization's SCPs and RCPs: the AWS-managed full-access pair attached everywhere, and
/// guardrails attached to the root and OUs. Sandbox is left out of most guardrails on purpose.
struct ControlPolicies {
  let all: [OrganizationSynthesizer.ControlPolicy]

  init(blueprint: OrganizationBlueprint) {
    var random = blueprint.random(0x5C9)
    func id() -> String { "p-" + SynthIdentifiers.lowerAlphanumeric(8, &random) }
    let units = Dictionary(uniqueKeysWithValues: blueprint.units.map { ($0.name, $0.id) })
    let everything = [blueprint.rootId] + blueprint.units.map(\.id) + blueprint.accounts.map(\.id)
    let scp = "SERVICE_CONTROL_POLICY"
    let rcp = "RESOURCE_CONTROL_POLICY"
    let baselineRole = "arn:aws:iam::*:role/OrganizationAccountAccessRole"
    func text(_ statements: [SynthJSON]) -> String { SynthPolicy.document(statements).compactText }
    all = [
      .init(
        id: "p-FullAWSAccess", name: "FullAWSAccess",
        description: "Allows access to every operation", type: scp, awsManaged: true,
        content: Self.fullAccess(principal: false), targets: everything),
      .init(
        id: id(), name: "DenyLeaveOrganization", description: "Accounts cannot leave the organization",
        type: scp,
        awsManaged: false,
        content: text([
          SynthPolicy.statement(
            effect: "Deny", actions: ["organizations:LeaveOrganization"], resources: ["*"])
        ]), targets: [blueprint.rootId]),
      .init(
        id: id(), name: "RegionGuardrail", description: "Only us-east-1 and eu-west-1 for regional services",
        type: scp, awsManaged: false,
        content: text([
          SynthPolicy.statement(
            sid: "DenyOtherRegions", effect: "Deny",
            notActions: [
              "iam:*", "organizations:*", "sts:*", "support:*", "cloudfront:*", "route53:*", "budgets:*",
            ],
            resources: ["*"],
            condition: [
              "StringNotEquals": ["aws:RequestedRegion": ["us-east-1", "eu-west-1"]],
              "ArnNotLike": ["aws:PrincipalArn": .string(baselineRole)],
            ])
        ]), targets: [units["Workloads"]!]),
      .init(
        id: id(), name: "ProtectBaselineRoles", description: "Nobody but the baseline role changes it",
        type: scp,
        awsManaged: false,
        content: text([
          SynthPolicy.statement(
            sid: "ProtectBaselineRole", effect: "Deny",
            actions: [
              "iam:AttachRolePolicy", "iam:DeleteRole", "iam:DeleteRolePolicy", "iam:DetachRolePolicy",
              "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy",
            ], resources: [baselineRole],
            condition: ["ArnNotLike": ["aws:PrincipalArn": .string(baselineRole)]])
        ]), targets: [units["Security"]!, units["Infrastructure"]!, units["Workloads"]!]),
      .init(
        id: id(), name: "ProtectPublicAccessBlock", description: "Production keeps Block Public Access on",
        type: scp, awsManaged: false,
        content: text([
          SynthPolicy.statement(
            effect: "Deny", actions: ["s3:PutAccountPublicAccessBlock", "s3:PutBucketPublicAccessBlock"],
            resources: ["*"])
        ]), targets: [units["Prod"]!]),
      .init(
        id: id(), name: "SandboxRestrictions", description: "No long-lived credentials in sandboxes",
        type: scp,
        awsManaged: false,
        content: text([
          SynthPolicy.statement(
            effect: "Deny", actions: ["iam:CreateUser", "iam:CreateAccessKey"], resources: ["*"])
        ]), targets: [units["Sandbox"]!]),
      .init(
        id: "p-RCPFullAWSAccess", name: "RCPFullAWSAccess",
        description: "Allows access to every operation", type: rcp, awsManaged: true,
        content: Self.fullAccess(principal: true), targets: everything),
      .init(
        id: id(), name: "EnforceOrganizationIdentities",
        description: "Only principals of this organization (or AWS services) reach S3 and STS", type: rcp,
        awsManaged: false,
        content: text([
          SynthPolicy.statement(
            sid: "EnforceOrgIdentities", effect: "Deny", principal: "*", actions: ["s3:*", "sts:AssumeRole"],
            resources: ["*"],
            condition: [
              "StringNotEqualsIfExists": ["aws:PrincipalOrgID": .string(blueprint.organizationId)],
              "BoolIfExists": ["aws:PrincipalIsAWSService": "false"],
            ])
        ]), targets: [units["Prod"]!, units["Security"]!]),
    ]
  }

  /// The AWS-managed full-access policies, as Organizations returns them (two-space indented text).
  static func fullAccess(principal: Bool) -> String {
    let principalLine = principal ? "      \"Principal\": \"*\",\n" : ""
    return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
      + principalLine + "      \"Action\": \"*\",\n      \"Resource\": \"*\"\n    }\n  ]\n}"
  }
}
