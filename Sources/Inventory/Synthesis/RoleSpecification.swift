/// What one role is: who may assume it and what it may do, before it is written as a
/// `RoleDetailList` entry.
struct RoleSpecification {
  var trust: SynthJSON
  var inlinePolicies: [(name: String, document: SynthJSON)] = []
  /// AWS-managed policy names, or customer-managed policy ARNs.
  var attachedPolicies: [String] = []
  var boundaryArn: String?
  var hasInstanceProfile = false

  /// The specification of role number `index` of `account`.
  init(
    index: Int, account: OrganizationBlueprint.Account, blueprint: OrganizationBlueprint,
    traits: AccountTraits
  ) {
    var random = blueprint.random(UInt64(account.index), 0x5BEC, UInt64(index))
    let own = account.id
    let neighbour = blueprint.neighbour(of: account, 1)
    switch SynthCatalog.roleKind(index) {
    case .organizationAccess:
      trust = SynthPolicy.trust(SynthPolicy.aws([SynthPolicy.root(blueprint.management.id)]))
      attachedPolicies = ["AdministratorAccess"]
    case .ssoAdministrator:
      let provider =
        "arn:aws:iam::\(own):saml-provider/AWSSSO_\(SynthIdentifiers.hex(16, &random))_DO_NOT_DELETE"
      trust = SynthPolicy.trust(
        ["Federated": .string(provider)], action: ["sts:AssumeRoleWithSAML", "sts:TagSession"],
        condition: ["StringEquals": ["SAML:aud": "https://signin.aws.amazon.com/saml"]])
      attachedPolicies = ["AdministratorAccess"]
    case .deployer:
      trust = SynthPolicy.trust(
        SynthPolicy.aws([blueprint.pipelinePrincipal]),
        condition: traits.deployerRequiresExternalId
          ? ["StringEquals": ["sts:ExternalId": .string(traits.deployExternalId)]] : nil)
      var statements = [
        SynthPolicy.allow(
          ["cloudformation:*", "lambda:UpdateFunctionCode", "ecs:UpdateService"], ["*"], sid: "Deploy"),
        SynthPolicy.allow(["iam:PassRole"], ["arn:aws:iam::\(own):role/app/*"], sid: "PassApplicationRoles"),
      ]
      if let artifacts = blueprint.bucketName(.artifacts, in: account) {
        statements.append(
          SynthPolicy.allow(
            ["s3:GetObject", "s3:PutObject"], [SynthPolicy.bucketArn(artifacts, "/releases/*")]))
      }
      if traits.deployerOverPrivileged {
        statements.append(SynthPolicy.allow(["iam:*"], ["*"], sid: "TemporaryBootstrap"))
      }
      inlinePolicies = [("deploy", SynthPolicy.document(statements))]
    case .crossAccountReader:
      trust = SynthPolicy.trust(
        SynthPolicy.aws([SynthPolicy.root(blueprint.security.id)]),
        condition: ["StringEquals": ["sts:ExternalId": .string(traits.readerExternalId)]])
      attachedPolicies = ["AmazonS3ReadOnlyAccess"]
    case .vendorAudit:
      trust = SynthPolicy.trust(
        SynthPolicy.aws([SynthPolicy.root(blueprint.vendorAccountId)]),
        condition: traits.vendorTrustWithoutExternalId
          ? nil : ["StringEquals": ["sts:ExternalId": .string(traits.vendorExternalId)]])
      attachedPolicies = [SynthManagedPolicies.auditReadArn(own)]
    case .lambdaFunction:
      trust = SynthPolicy.trust(SynthPolicy.service("lambda.amazonaws.com"))
      attachedPolicies = ["AWSLambdaBasicExecutionRole"]
      if let lake = blueprint.bucketName(.dataLake, in: account) {
        inlinePolicies = [
          (
            "data-lake-pipeline",
            SynthPolicy.document([
              SynthPolicy.allow(["s3:GetObject"], [SynthPolicy.bucketArn(lake, "/raw/*")], sid: "ReadRaw"),
              SynthPolicy.allow(
                ["s3:PutObject"], [SynthPolicy.bucketArn(lake, "/curated/*")], sid: "WriteCurated"),
              SynthPolicy.allow(
                ["kms:Decrypt", "kms:GenerateDataKey"], ["arn:aws:kms:us-east-1:\(own):key/*"]),
            ])
          )
        ]
      }
    case .instanceProfile:
      trust = SynthPolicy.trust(SynthPolicy.service("ec2.amazonaws.com"))
      hasInstanceProfile = true
      let partner = blueprint.neighbour(of: account, 2)
      if let lake = blueprint.bucketName(.dataLake, in: partner) {
        inlinePolicies = [
          (
            "partner-data",
            SynthPolicy.document([
              SynthPolicy.allow(["s3:*"], [SynthPolicy.bucketArn(lake), SynthPolicy.bucketArn(lake, "/*")])
            ])
          )
        ]
      }
    case .codeBuild:
      trust = SynthPolicy.trust(
        SynthPolicy.service("codebuild.amazonaws.com"),
        condition: ["StringEquals": ["aws:SourceAccount": .string(own)]])
      inlinePolicies = [
        (
          "pipeline",
          SynthPolicy.document([
            SynthPolicy.allow(
              ["s3:GetObject", "s3:PutObject"], ["arn:aws:s3:::\(blueprint.company)-*-artifacts/builds/*"],
              sid: "BuildArtifacts"),
            SynthPolicy.allow(["sts:AssumeRole"], ["arn:aws:iam::*:role/deploy/*"], sid: "AssumeDeployers"),
            SynthPolicy.allow(["logs:*"], ["*"]),
            SynthPolicy.allow(["kms:GenerateDataKey*", "kms:Encrypt", "kms:Decrypt"], ["*"]),
          ])
        )
      ]
    case .githubActions:
      let provider = "arn:aws:iam::\(own):oidc-provider/token.actions.githubusercontent.com"
      var conditions: [(String, SynthJSON)] = [
        ("StringEquals", ["token.actions.githubusercontent.com:aud": "sts.amazonaws.com"])
      ]
      if !traits.githubAnyRepository {
        let repository = "repo:\(blueprint.company)/\(account.name)-*:ref:refs/heads/main"
        conditions.append(("StringLike", ["token.actions.githubusercontent.com:sub": .string(repository)]))
      }
      trust = SynthPolicy.trust(
        ["Federated": .string(provider)], action: "sts:AssumeRoleWithWebIdentity",
        condition: .object(conditions))
      if let models = blueprint.bucketName(.mlDatasets, in: account) {
        inlinePolicies = [
          (
            "publish-models",
            SynthPolicy.document([
              SynthPolicy.allow(["s3:PutObject"], [SynthPolicy.bucketArn(models, "/models/*")])
            ])
          )
        ]
      }
    case .serviceLinked:
      trust = SynthPolicy.trust(SynthPolicy.service("support.amazonaws.com"))
      attachedPolicies = ["AWSSupportServiceRolePolicy"]
    case .breakGlass:
      trust = SynthPolicy.trust(
        SynthPolicy.aws([SynthPolicy.root(own)]), condition: ["Bool": ["aws:MultiFactorAuthPresent": "true"]])
      attachedPolicies = ["AdministratorAccess"]
    case .dataConsumer:
      trust = SynthPolicy.trust(SynthPolicy.aws([SynthPolicy.root(own)]))
      var statements: [SynthJSON] = []
      if let lake = blueprint.bucketName(.dataLake, in: neighbour) {
        statements.append(
          SynthPolicy.allow(["s3:GetObject"], [SynthPolicy.bucketArn(lake, "/curated/*")], sid: "ReadCurated")
        )
        statements.append(
          SynthPolicy.allow(
            ["s3:ListBucket"], [SynthPolicy.bucketArn(lake)], sid: "ListCurated",
            condition: ["StringLike": ["s3:prefix": ["curated/*"]]]))
        statements.append(SynthPolicy.allow(["kms:Decrypt"], ["arn:aws:kms:us-east-1:\(neighbour.id):key/*"]))
      }
      if let backups = blueprint.bucketName(.backups, in: neighbour) {
        statements.append(
          SynthPolicy.allow(["s3:GetObject"], [SynthPolicy.bucketArn(backups, "/*")], sid: "ReadBackups"))
      }
      if !statements.isEmpty { inlinePolicies = [("read-partner-data", SynthPolicy.document(statements))] }
    case .ecsTask:
      trust = SynthPolicy.trust(
        SynthPolicy.service("ecs-tasks.amazonaws.com"),
        condition: ["ArnLike": ["aws:SourceArn": "arn:aws:ecs:us-east-1:\(own):*"]])
      if let uploads = blueprint.bucketName(.uploads, in: account) {
        inlinePolicies = [
          (
            "process-uploads",
            SynthPolicy.document([
              SynthPolicy.allow(
                ["s3:GetObject", "s3:DeleteObject"], [SynthPolicy.bucketArn(uploads, "/incoming/*")])
            ])
          )
        ]
      }
    case .developer:
      trust = SynthPolicy.trust(SynthPolicy.aws([SynthPolicy.root(own)]))
      attachedPolicies = ["PowerUserAccess"]
      boundaryArn = SynthManagedPolicies.boundaryArn(own)
    case .application:
      self = Self.application(index: index, account: account, blueprint: blueprint, random: &random)
    }
  }

  init(trust: SynthJSON) {
    self.trust = trust
  }
}
