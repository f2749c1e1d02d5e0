/// The customer-managed policies every synthesized account defines.
enum SynthManagedPolicies {
  /// A customer-managed policy: its versions, oldest first; the last one is the default.
  struct Definition {
    let name: String
    let path: String
    let description: String
    let versions: [SynthJSON]
  }

  static func boundaryArn(_ accountId: String) -> String {
    "arn:aws:iam::\(accountId):policy/boundaries/developer-boundary"
  }
  static func auditReadArn(_ accountId: String) -> String { "arn:aws:iam::\(accountId):policy/audit-read" }
  static func prefixReadersArn(_ accountId: String) -> String {
    "arn:aws:iam::\(accountId):policy/data/s3-prefix-readers"
  }

  static func arn(_ definition: Definition, _ accountId: String) -> String {
    "arn:aws:iam::\(accountId):policy\(definition.path)\(definition.name)"
  }

  static func definitions(company: String, accountId: String) -> [Definition] {
    [
      Definition(
        name: "developer-boundary", path: "/boundaries/",
        description: "Permissions boundary for developer roles",
        versions: [
          SynthPolicy.document([SynthPolicy.allow(["s3:*", "lambda:*"], ["*"])]),
          SynthPolicy.document([
            SynthPolicy.allow(
              ["s3:*", "lambda:*", "logs:*", "dynamodb:*", "sqs:*", "sts:AssumeRole"], ["*"], sid: "Workloads"
            ),
            SynthPolicy.statement(
              sid: "NoIdentityEscalation", effect: "Deny",
              actions: [
                "iam:CreateUser", "iam:CreateAccessKey", "iam:PutRolePermissionsBoundary",
                "iam:DeleteRolePermissionsBoundary",
              ], resources: ["*"]),
          ]),
        ]),
      Definition(
        name: "audit-read", path: "/", description: "Read-only access for auditors",
        versions: [
          SynthPolicy.document([
            SynthPolicy.allow(
              [
                "iam:Get*", "iam:List*", "s3:GetBucket*", "s3:GetAccountPublicAccessBlock",
                "s3:ListAllMyBuckets",
                "kms:DescribeKey", "kms:GetKeyPolicy", "organizations:Describe*", "organizations:List*",
              ], ["*"])
          ])
        ]),
      Definition(
        name: "s3-prefix-readers", path: "/data/", description: "Read shared/ in this account's buckets",
        versions: [
          SynthPolicy.document([
            SynthPolicy.allow(
              ["s3:GetObject"], ["arn:aws:s3:::\(company)-\(accountId)-*/shared/*"], sid: "ReadShared"),
            SynthPolicy.allow(
              ["s3:ListBucket"], ["arn:aws:s3:::\(company)-\(accountId)-*"],
              condition: ["StringLike": ["s3:prefix": ["shared/", "shared/*"]]]),
          ])
        ]),
    ]
  }
}
