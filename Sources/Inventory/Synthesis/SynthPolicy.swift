/// Builders for policy documents and statements, in the key order people write them
/// (`Sid`, `Effect`, `Principal`, `Action`, `Resource`, `Condition`).
enum SynthPolicy {
  static func document(_ statements: [SynthJSON]) -> SynthJSON {
    ["Version": "2012-10-17", "Statement": .array(statements)]
  }

  static func statement(
    sid: String? = nil, effect: String = "Allow", principal: SynthJSON? = nil, actions: [String] = [],
    notActions: [String] = [], resources: [String] = [], condition: SynthJSON? = nil
  ) -> SynthJSON {
    var members: [(String, SynthJSON)] = []
    if let sid { members.append(("Sid", .string(sid))) }
    members.append(("Effect", .string(effect)))
    if let principal { members.append(("Principal", principal)) }
    if !actions.isEmpty { members.append(("Action", .oneOrMany(actions))) }
    if !notActions.isEmpty { members.append(("NotAction", .oneOrMany(notActions))) }
    if !resources.isEmpty { members.append(("Resource", .oneOrMany(resources))) }
    if let condition { members.append(("Condition", condition)) }
    return .object(members)
  }

  static func allow(
    _ actions: [String], _ resources: [String], sid: String? = nil, condition: SynthJSON? = nil
  )
    -> SynthJSON
  {
    statement(sid: sid, actions: actions, resources: resources, condition: condition)
  }

  /// `{"AWS": arn}` or `{"AWS": [arns]}`.
  static func aws(_ arns: [String]) -> SynthJSON { ["AWS": .oneOrMany(arns)] }
  static func service(_ name: String) -> SynthJSON { ["Service": .string(name)] }
  static func root(_ accountId: String) -> String { "arn:aws:iam::\(accountId):root" }
  static func bucketArn(_ bucket: String, _ suffix: String = "") -> String {
    "arn:aws:s3:::\(bucket)\(suffix)"
  }

  /// A trust policy with one statement allowing `action` to `principal`.
  static func trust(_ principal: SynthJSON, action: SynthJSON = "sts:AssumeRole", condition: SynthJSON? = nil)
    -> SynthJSON
  {
    var members: [(String, SynthJSON)] = [("Effect", "Allow"), ("Principal", principal), ("Action", action)]
    if let condition { members.append(("Condition", condition)) }
    return document([.object(members)])
  }

  /// The usual "deny requests without TLS" statement of a bucket policy.
  static func denyInsecureTransport(_ bucket: String) -> SynthJSON {
    statement(
      sid: "DenyInsecureTransport", effect: "Deny", principal: "*", actions: ["s3:*"],
      resources: [bucketArn(bucket), bucketArn(bucket, "/*")],
      condition: ["Bool": ["aws:SecureTransport": "false"]])
  }

  /// AWS-managed policies the synthesized accounts attach, with their documents.
  static let awsManaged: [(name: String, path: String, document: SynthJSON)] = [
    ("AdministratorAccess", "/", document([allow(["*"], ["*"])])),
    (
      "PowerUserAccess", "/",
      document([
        statement(notActions: ["iam:*", "organizations:*", "account:*"], resources: ["*"]),
        allow(
          [
            "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles",
            "organizations:DescribeOrganization", "account:ListRegions", "account:GetAccountInformation",
          ], ["*"]),
      ])
    ),
    (
      "AmazonS3ReadOnlyAccess", "/",
      document([
        allow(
          ["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"], ["*"])
      ])
    ),
    (
      "AWSLambdaBasicExecutionRole", "/service-role/",
      document([allow(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], ["*"])])
    ),
    (
      "AWSSupportServiceRolePolicy", "/aws-service-role/",
      document([
        allow(
          ["iam:GetRole", "iam:ListRoles", "s3:GetBucketPolicy", "s3:GetBucketAcl", "s3:ListAllMyBuckets"],
          ["*"],
          sid: "AWSSupportAPIGatewayAccess")
      ])
    ),
  ]

  static func awsManagedArn(_ name: String, path: String) -> String {
    "arn:aws:iam::aws:policy\(path)\(name)"
  }
}
