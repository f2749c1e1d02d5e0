/// Application roles: the bulk of every account, with varied trust and prefix-scoped S3 access.
extension RoleSpecification {
  static func application(
    index: Int, account: OrganizationBlueprint.Account, blueprint: OrganizationBlueprint,
    random: inout SplitMix64
  ) -> RoleSpecification {
    let own = account.id
    let upstream = blueprint.neighbour(of: account, -1)
    let downstream = blueprint.neighbour(of: account, 1)
    let applicationRoles = SynthCatalog.index(of: .application)..<blueprint.options.rolesPerAccount
    let roll = random.below(100)
    let trust: SynthJSON
    if roll < 30 {
      trust = SynthPolicy.trust(SynthPolicy.service("lambda.amazonaws.com"))
    } else if roll < 50 {
      trust = SynthPolicy.trust(SynthPolicy.service("ecs-tasks.amazonaws.com"))
    } else if roll < 75 {
      let caller = applicationRoles.lowerBound + random.below(applicationRoles.count)
      trust = SynthPolicy.trust(SynthPolicy.aws([blueprint.roleName(caller, in: upstream).arn(upstream.id)]))
    } else if roll < 90 {
      trust = SynthPolicy.trust(SynthPolicy.aws([SynthPolicy.root(own)]))
    } else {
      trust = SynthPolicy.trust(
        SynthPolicy.aws([SynthPolicy.root(upstream.id)]),
        condition: ["StringEquals": ["sts:ExternalId": .string("app-\(SynthIdentifiers.hex(10, &random))")]])
    }
    var specification = RoleSpecification(trust: trust)
    var statements: [SynthJSON] = []
    let ownBuckets = blueprint.options.bucketsPerAccount
    for _ in 0..<(1 + random.below(3)) {
      let word = random.pick(SynthCatalog.words)
      switch random.below(7) {
      case 0 where ownBuckets > 0:
        let bucket = SynthCatalog.bucketName(
          random.below(ownBuckets), company: blueprint.company, accountId: own)
        statements.append(
          SynthPolicy.allow(
            ["s3:GetObject", "s3:GetObjectVersion"], [SynthPolicy.bucketArn(bucket, "/\(word)/*")]))
      case 1 where ownBuckets > 0:
        let bucket = SynthCatalog.bucketName(
          random.below(ownBuckets), company: blueprint.company, accountId: own)
        statements.append(
          SynthPolicy.allow(["s3:Get*", "s3:List*"], [SynthPolicy.bucketArn(bucket, "/\(word)*")]))
        statements.append(
          SynthPolicy.allow(
            ["s3:ListBucket"], [SynthPolicy.bucketArn(bucket)],
            condition: ["StringLike": ["s3:prefix": .string("\(word)/*")]]))
      case 2:
        if let uploads = blueprint.bucketName(.uploads, in: downstream) {
          statements.append(
            SynthPolicy.allow(
              ["s3:PutObject", "s3:PutObjectAcl"],
              [SynthPolicy.bucketArn(uploads, random.pick(["/foo/*", "/fighters/*"]))]))
        }
      case 3:
        statements.append(SynthPolicy.allow(["sts:AssumeRole"], ["arn:aws:iam::\(downstream.id):role/app/*"]))
      case 4:
        let producer = blueprint.neighbour(of: account, 3)
        if let exports = blueprint.bucketName(.exports, in: producer) {
          statements.append(
            SynthPolicy.allow(
              ["s3:GetObject", "s3:ListBucket"],
              [SynthPolicy.bucketArn(exports), SynthPolicy.bucketArn(exports, "/*")]))
        }
      case 5:
        statements.append(
          SynthPolicy.statement(
            effect: "Deny", actions: ["s3:DeleteObject", "s3:DeleteObjectVersion"], resources: ["*"]))
      default:
        let readers = SynthManagedPolicies.prefixReadersArn(own)
        if !specification.attachedPolicies.contains(readers) {
          specification.attachedPolicies.append(readers)
        }
      }
    }
    if !statements.isEmpty {
      specification.inlinePolicies = [
        ("\(random.pick(SynthCatalog.words))-access", SynthPolicy.document(statements))
      ]
    }
    return specification
  }
}
