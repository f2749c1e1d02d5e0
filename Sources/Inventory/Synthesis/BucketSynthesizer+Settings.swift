/// Bucket policies and settings by bucket kind, including the deliberate gaps of `AccountTraits`.
extension BucketSynthesizer {
  mutating func settings(index: Int, bucket: String) -> Settings {
    let own = account.id
    let objects = SynthPolicy.bucketArn(bucket, "/*")
    let whole = SynthPolicy.bucketArn(bucket)
    var settings = Settings()
    switch SynthCatalog.bucketKind(index) {
    case .artifacts:
      let pipeline = blueprint.pipelinePrincipal
      settings.statements = [
        SynthPolicy.statement(
          sid: "PipelineWritesBuilds", principal: SynthPolicy.aws([pipeline]),
          actions: ["s3:PutObject", "s3:GetObject"],
          resources: [SynthPolicy.bucketArn(bucket, "/builds/*")]),
        SynthPolicy.statement(
          sid: "PipelineLists", principal: SynthPolicy.aws([pipeline]), actions: ["s3:ListBucket"],
          resources: [whole]),
        SynthPolicy.denyInsecureTransport(bucket),
      ]
      if traits.artifactsObjectWriter { settings.ownership = "ObjectWriter" }
      settings.key = keys.customerKey(
        "artifacts", users: traits.artifactsKeyWithoutPipeline ? [] : [pipeline])
    case .logs:
      settings.statements = [
        SynthPolicy.statement(
          sid: "S3ServerAccessLogsPolicy", principal: SynthPolicy.service("logging.s3.amazonaws.com"),
          actions: ["s3:PutObject"], resources: [SynthPolicy.bucketArn(bucket, "/s3-access/*")],
          condition: ["StringEquals": ["aws:SourceAccount": .string(own)]]),
        SynthPolicy.statement(
          sid: "AWSCloudTrailAclCheck", principal: SynthPolicy.service("cloudtrail.amazonaws.com"),
          actions: ["s3:GetBucketAcl"], resources: [whole]),
        SynthPolicy.statement(
          sid: "AWSCloudTrailWrite", principal: SynthPolicy.service("cloudtrail.amazonaws.com"),
          actions: ["s3:PutObject"],
          resources: [SynthPolicy.bucketArn(bucket, "/AWSLogs/\(own)/*")],
          condition: [
            "StringEquals": [
              "s3:x-amz-acl": "bucket-owner-full-control",
              "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:\(own):trail/organization-trail",
            ]
          ]),
      ]
      settings.ownership = "BucketOwnerPreferred"
    case .dataLake:
      settings = dataLake(bucket)
    case .backups:
      settings.key = keys.awsS3Key()
    case .uploads:
      let uploader = blueprint.neighbour(of: account, -1)
      settings.statements = [
        SynthPolicy.statement(
          sid: "PartnerUploadsOnly", principal: SynthPolicy.aws([SynthPolicy.root(uploader.id)]),
          actions: ["s3:PutObject", "s3:PutObjectAcl"],
          resources: [SynthPolicy.bucketArn(bucket, "/foo*"), SynthPolicy.bucketArn(bucket, "/fighters*")])
      ]
      settings.ownership = "ObjectWriter"
    case .staticSite:
      settings.statements = [
        SynthPolicy.statement(
          sid: "PublicRead", principal: "*", actions: ["s3:GetObject"], resources: [objects])
      ]
      settings.ownership = nil
      settings.blocksPublicAccess = false
      settings.publicRead = true
    case .terraformState:
      let pipeline = blueprint.pipelinePrincipal
      settings.statements = [
        SynthPolicy.statement(
          sid: "TerraformState", principal: SynthPolicy.aws([pipeline]),
          actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
          resources: [SynthPolicy.bucketArn(bucket, "/state/*")]),
        SynthPolicy.statement(
          sid: "TerraformList", principal: SynthPolicy.aws([pipeline]), actions: ["s3:ListBucket"],
          resources: [whole]),
        SynthPolicy.denyInsecureTransport(bucket),
      ]
    case .reports:
      settings.statements = [
        SynthPolicy.statement(
          sid: "VendorReadsExports",
          principal: SynthPolicy.aws([SynthPolicy.root(blueprint.vendorAccountId)]),
          actions: ["s3:GetObject"], resources: [SynthPolicy.bucketArn(bucket, "/vendor-exports/*")]),
        SynthPolicy.statement(
          sid: "OnlyBreakGlassDeletes", effect: "Deny", principal: "*", actions: ["s3:DeleteObject"],
          resources: [objects],
          condition: ["ArnNotLike": ["aws:PrincipalArn": "arn:aws:iam::\(own):role/break-glass"]]),
      ]
    case .exports:
      let reader = blueprint.neighbour(of: account, -3)
      settings.statements = [
        SynthPolicy.statement(
          sid: "PartnerApplications", principal: SynthPolicy.aws([SynthPolicy.root(reader.id)]),
          actions: ["s3:GetObject", "s3:ListBucket"], resources: [whole, objects],
          condition: ["ArnLike": ["aws:PrincipalArn": "arn:aws:iam::\(reader.id):role/app/*"]])
      ]
    case .mlDatasets:
      if let github = blueprint.roleArn(.githubActions, in: account) {
        settings.statements.append(
          SynthPolicy.statement(
            sid: "PublishModels", principal: SynthPolicy.aws([github]), actions: ["s3:PutObject"],
            resources: [SynthPolicy.bucketArn(bucket, "/models/*")]))
      }
      settings.statements.append(organizationRead(SynthPolicy.bucketArn(bucket, "/models/*")))
      settings.key = keys.customerKey("ml-datasets", users: [])
    case .data:
      let word = random.pick(SynthCatalog.words)
      switch random.below(10) {
      case 0..<4: break
      case 4..<7: settings.statements = [organizationRead(SynthPolicy.bucketArn(bucket, "/\(word)/*"))]
      default:
        let partner = blueprint.neighbour(of: account, -1)
        settings.statements = [
          SynthPolicy.statement(
            sid: "PartnerApplicationsRead", principal: SynthPolicy.aws([SynthPolicy.root(partner.id)]),
            actions: ["s3:GetObject"], resources: [SynthPolicy.bucketArn(bucket, "/\(word)*")],
            condition: ["ArnLike": ["aws:PrincipalArn": "arn:aws:iam::\(partner.id):role/app/*"]])
        ]
      }
    }
    return settings
  }

  private func organizationRead(_ resource: String) -> SynthJSON {
    SynthPolicy.statement(
      sid: "OrganizationRead", principal: "*", actions: ["s3:GetObject"], resources: [resource],
      condition: ["StringEquals": ["aws:PrincipalOrgID": .string(blueprint.organizationId)]])
  }

  private mutating func dataLake(_ bucket: String) -> Settings {
    var settings = Settings()
    let consumers = [blueprint.neighbour(of: account, -1), blueprint.neighbour(of: account, -2)]
      .compactMap { blueprint.roleArn(.dataConsumer, in: $0) }
    if !consumers.isEmpty {
      settings.statements.append(
        SynthPolicy.statement(
          sid: "ConsumersReadCurated", principal: SynthPolicy.aws(consumers), actions: ["s3:GetObject"],
          resources: [SynthPolicy.bucketArn(bucket, "/curated/*")]))
      settings.statements.append(
        SynthPolicy.statement(
          sid: "ConsumersList", principal: SynthPolicy.aws(consumers), actions: ["s3:ListBucket"],
          resources: [SynthPolicy.bucketArn(bucket)]))
    }
    settings.statements.append(organizationRead(SynthPolicy.bucketArn(bucket, "/shared/*")))
    let instanceAccount = blueprint.neighbour(of: account, -2)
    if let correctRole = blueprint.roleArn(.instanceProfile, in: instanceAccount) {
      let instanceRole =
        traits.instanceRoleTypo ? "arn:aws:iam::\(instanceAccount.id):role/ec2-app-instnace" : correctRole
      let resources =
        traits.bucketArnWithoutObjects
        ? [SynthPolicy.bucketArn(bucket)]
        : [SynthPolicy.bucketArn(bucket), SynthPolicy.bucketArn(bucket, "/*")]
      settings.statements.append(
        SynthPolicy.statement(
          sid: "PartnerInstances", principal: SynthPolicy.aws([instanceRole]),
          actions: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"], resources: resources))
    }
    settings.statements.append(SynthPolicy.denyInsecureTransport(bucket))
    settings.key = keys.customerKey(
      "data-lake", users: traits.dataLakeKeyWithoutConsumer ? [] : Array(consumers.prefix(1)))
    return settings
  }
}
