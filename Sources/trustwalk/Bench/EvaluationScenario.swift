import Authorization
import PolicyLanguage

/// The request of issue 2's speed target: a role session with 10 identity policies of 10
/// statements, against a 20-statement bucket policy of another account, one SCP level and a
/// permissions boundary. Built from the model types so that it measures evaluation alone.
enum EvaluationScenario {
  static let callerAccount = "111111111111"
  static let bucketAccount = "222222222222"

  static var request: Request {
    let caller = Caller(
      kind: .role, arn: "arn:aws:iam::\(callerAccount):role/app/Deployer",
      sessionArn: "arn:aws:sts::\(callerAccount):assumed-role/Deployer/ci", account: callerAccount,
      uniqueId: "AROAEXAMPLEDEPLOYER01", tags: ["team": "data"], organizationId: "o-abc123")
    let context = RequestContext(values: [
      "aws:SecureTransport": ["true"], "aws:RequestedRegion": ["eu-west-1"], "aws:SourceIp": ["203.0.113.7"],
    ])
    return Request(
      caller: caller, action: "s3:GetObject", resource: "arn:aws:s3:::data-lake/reports/2024/q1.csv",
      resourceAccount: bucketAccount, context: context)
  }

  static var layers: PolicyLayers {
    PolicyLayers(
      serviceControlPolicies: [[serviceControlPolicy]], resourcePolicy: bucketPolicy,
      resourcePolicyKind: .bucket,
      identityPolicies: (0..<10).map(identityPolicy), permissionsBoundary: boundary)
  }

  private static let otherActions = [
    "ec2:Describe*", "s3:List*", "dynamodb:GetItem", "logs:*", "kms:Decrypt", "sqs:SendMessage",
    "cloudwatch:PutMetricData", "s3:PutObject", "ssm:GetParameter*", "sts:AssumeRole",
  ]

  /// Ten statements; policy 9's last statement is the one that grants the request.
  private static func identityPolicy(_ number: Int) -> PolicyDocument {
    let statements = (0..<10).map { index -> Statement in
      if number == 9 && index == 9 {
        return statement(
          index, .allow, actions: ["s3:GetObject", "s3:GetObjectVersion"],
          resources: ["arn:aws:s3:::data-lake/reports/*"],
          conditions: [condition(.stringEquals, "aws:RequestedRegion", ["eu-west-1", "eu-central-1"])])
      }
      return statement(
        index, index == 4 ? .deny : .allow, actions: [otherActions[(number + index) % otherActions.count]],
        resources: [
          "arn:aws:s3:::bucket-\(number)-\(index)/*", "arn:aws:dynamodb:*:\(callerAccount):table/t\(index)",
        ],
        conditions: index % 3 == 0 ? [condition(.stringLike, "aws:PrincipalTag/team", ["data*"])] : [])
    }
    return PolicyDocument(
      source: PolicySource(name: "identity-\(number)"), version: .v2012_10_17, statements: statements)
  }

  private static var bucketPolicy: PolicyDocument {
    var statements = (0..<17).map { index in
      statement(
        index, .allow,
        principals: [.role(arn: "arn:aws:iam::3333333333\(10 + index):role/reader", account: "x")],
        actions: ["s3:GetObject"], resources: ["arn:aws:s3:::data-lake/team-\(index)/*"])
    }
    statements.append(
      statement(
        17, .deny, principals: [.everyone], actions: ["s3:*"],
        resources: ["arn:aws:s3:::data-lake", "arn:aws:s3:::data-lake/*"],
        conditions: [condition(.bool, "aws:SecureTransport", ["false"])]))
    statements.append(
      statement(
        18, .deny, principals: [.everyone], actions: ["s3:*"], resources: ["arn:aws:s3:::data-lake/*"],
        conditions: [condition(.stringNotEquals, "aws:PrincipalOrgID", ["o-abc123"])]))
    statements.append(
      statement(
        19, .allow, principals: [.account(id: callerAccount)], actions: ["s3:GetObject", "s3:ListBucket"],
        resources: ["arn:aws:s3:::data-lake/reports/*", "arn:aws:s3:::data-lake"]))
    return PolicyDocument(
      source: PolicySource(name: "bucket policy of data-lake"), version: .v2012_10_17, statements: statements)
  }

  private static var serviceControlPolicy: PolicyDocument {
    PolicyDocument(
      source: PolicySource(name: "scp"), version: .v2012_10_17,
      statements: [
        statement(0, .allow, actions: ["*"], resources: ["*"]),
        statement(
          1, .deny, notActions: ["iam:*", "sts:*", "organizations:*"], resources: ["*"],
          conditions: [condition(.stringNotEquals, "aws:RequestedRegion", ["eu-west-1", "eu-central-1"])]),
      ])
  }

  private static var boundary: PolicyDocument {
    PolicyDocument(
      source: PolicySource(name: "boundary"), version: .v2012_10_17,
      statements: [
        statement(0, .allow, actions: ["s3:*", "kms:*", "dynamodb:*", "logs:*"], resources: ["*"]),
        statement(1, .deny, actions: ["s3:DeleteBucket", "s3:PutBucketPolicy"], resources: ["*"]),
      ])
  }

  private static func statement(
    _ index: Int, _ effect: Effect, principals: [PrincipalReference]? = nil, actions: [String] = [],
    notActions: [String]? = nil, resources: [String], conditions: [Condition] = []
  ) -> Statement {
    Statement(
      index: index, effect: effect,
      principal: principals.map { PrincipalElement(negated: false, entries: $0) },
      action: ActionElement(negated: notActions != nil, notActions ?? actions),
      resource: ResourceElement(resources),
      conditions: conditions)
  }

  private static func condition(_ base: ConditionOperatorBase, _ key: String, _ values: [String]) -> Condition
  {
    Condition(op: ConditionOperator(raw: base.rawValue, base: base), key: key, values: values)
  }
}
