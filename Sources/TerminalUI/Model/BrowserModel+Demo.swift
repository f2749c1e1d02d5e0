/// A hand-written sample model mirroring the SampleData scenario `upload-only-prefixes`, shown
/// until the trust graph feeds the browser (and used by the tests).
///
/// User `bobbytables` in account A (111111111111) assumes `account-a-s3-role`, which may
/// `PutObject` and `PutObjectAcl` under `foo/` and `fighters/` of `account-b-bucket` in account B
/// (222222222222), whose bucket policy allows `foo*` and `fighters*`. Nobody can read.
extension BrowserModel {
  /// The demo model; its `source` says DEMO so the breadcrumb never passes it off as a snapshot.
  public static let demo: BrowserModel = {
    let accountA = "111111111111"
    let accountB = "222222222222"
    let user = "arn:aws:iam::111111111111:user/bobbytables"
    let role = "arn:aws:iam::111111111111:role/account-a-s3-role"
    let bucket = "account-b-bucket"
    let prefixes = ["foo/", "fighters/"]
    let demoFile = "111111111111/iam/get-account-authorization-details.json"
    let bucketFile = "222222222222/s3/buckets/account-b-bucket/get-bucket-policy.json"

    let assumeHop = ChainHop(
      from: "user/bobbytables", action: "sts:AssumeRole", to: "role/account-a-s3-role", verdict: .allowed,
      statements: [
        DecidingStatement(
          policy: "identity policy AssumeS3Role (user/bobbytables)", sid: "AssumeUploadRole", effect: .allow,
          location: "\(demoFile):14", summary: "sts:AssumeRole on role/account-a-s3-role"),
        DecidingStatement(
          policy: "trust policy of role/account-a-s3-role", sid: "TrustBobby", effect: .allow,
          location: "\(demoFile):41", summary: "Principal user/bobbytables, sts:AssumeRole"),
      ])
    let identityUpload = DecidingStatement(
      policy: "identity policy S3UploadOnly (role/account-a-s3-role)", sid: "UploadToPrefixes",
      effect: .allow,
      location: "\(demoFile):63",
      summary: "s3:PutObject, s3:PutObjectAcl on account-b-bucket/foo/* and /fighters/*")
    let bucketUpload = DecidingStatement(
      policy: "bucket policy of account-b-bucket", sid: "AllowAccountARoleUpload", effect: .allow,
      location: "\(bucketFile):5",
      summary: "role/account-a-s3-role: s3:PutObject, s3:PutObjectAcl on foo* and fighters*")

    func s3Hop(from: String, action: String, prefix: String, verdict: Verdict) -> ChainHop {
      let statements: [DecidingStatement] =
        verdict == .allowed
        ? [identityUpload, bucketUpload]
        : [
          DecidingStatement(
            policy: "identity policy S3UploadOnly (role/account-a-s3-role)", effect: nil,
            summary: "no statement allows \(action)"),
          DecidingStatement(
            policy: "bucket policy of account-b-bucket", effect: nil, summary: "no statement allows \(action)"
          ),
        ]
      return ChainHop(
        from: from, action: action, to: "s3://\(bucket)/\(prefix)", verdict: verdict, statements: statements)
    }

    func report(fromUser: Bool, prefix: String, action: String, verdict: Verdict) -> PathReport {
      let s3 = s3Hop(from: "role/account-a-s3-role", action: action, prefix: prefix, verdict: verdict)
      let hops = fromUser ? [assumeHop, s3] : [s3]
      let explanation =
        verdict == .allowed
        ? nil
        : DenialExplanation(
          hopIndex: hops.count - 1, layer: "identity policy and bucket policy",
          summary: "no statement allows \(action) on s3://\(bucket)/\(prefix) on either side",
          callerSide: PolicySide(
            title: "Caller 111111111111 (role/account-a-s3-role)", accountID: accountA,
            verdictLine: "allows only s3:PutObject, s3:PutObjectAcl", statements: [identityUpload]),
          resourceSide: PolicySide(
            title: "Owner 222222222222 (bucket policy of account-b-bucket)", accountID: accountB,
            verdictLine: "allows only s3:PutObject, s3:PutObjectAcl", statements: [bucketUpload]),
          fix: [
            "Cross-account access needs an Allow on both sides.",
            "Account 111111111111: add \(action) on arn:aws:s3:::\(bucket)/\(prefix)* to S3UploadOnly.",
            "Account 222222222222: add \(action) for role/account-a-s3-role to the bucket policy.",
          ])
      return PathReport(
        verdict: verdict, chains: [AccessChain(verdict: verdict, hops: hops)], explanation: explanation)
    }

    var cells: [CellKey: AccessCell] = [:]
    var paths: [CellKey: PathReport] = [:]
    for (arn, fromUser) in [(user, true), (role, false)] {
      let whole = TargetRef(bucket: bucket)
      for (level, action) in [(AccessLevel.write, "s3:PutObject"), (.permissions, "s3:PutObjectAcl")] {
        let key = CellKey(principal: arn, target: whole, level: level)
        cells[key] = AccessCell(.allowed, note: "some keys only: foo/*, fighters/*")
        paths[key] = report(fromUser: fromUser, prefix: "foo/", action: action, verdict: .allowed)
      }
      for prefix in prefixes {
        let target = TargetRef(bucket: bucket, prefix: prefix)
        let write = CellKey(principal: arn, target: target, level: .write)
        let acl = CellKey(principal: arn, target: target, level: .permissions)
        let read = CellKey(principal: arn, target: target, level: .read)
        cells[write] = AccessCell(.allowed)
        cells[acl] = AccessCell(.allowed)
        paths[write] = report(fromUser: fromUser, prefix: prefix, action: "s3:PutObject", verdict: .allowed)
        paths[acl] = report(fromUser: fromUser, prefix: prefix, action: "s3:PutObjectAcl", verdict: .allowed)
        paths[read] = report(fromUser: fromUser, prefix: prefix, action: "s3:GetObject", verdict: .denied)
      }
    }

    return BrowserModel(
      source: "DEMO upload-only-prefixes",
      accounts: [
        AccountSummary(id: accountA, alias: "account-a"),
        AccountSummary(id: accountB, alias: "account-b"),
      ],
      principals: [
        PrincipalSummary(
          arn: user, name: "bobbytables", kind: .user, accountID: accountA,
          details: ["groups: none", "may assume role/account-a-s3-role (AssumeS3Role)"]),
        PrincipalSummary(
          arn: role, name: "account-a-s3-role", kind: .role, accountID: accountA,
          details: [
            "trusts user/bobbytables (sts:AssumeRole, no conditions)",
            "S3UploadOnly: s3:PutObject, s3:PutObjectAcl on account-b-bucket/foo/*, /fighters/*",
          ]),
      ],
      buckets: [
        BucketSummary(
          name: bucket, accountID: accountB, prefixes: prefixes,
          details: ["bucket policy allows role/account-a-s3-role to put under foo* and fighters*"])
      ],
      cells: cells, paths: paths,
      gaps: [
        GapFinding(
          ruleID: "cross-account-writer-object-ownership", severity: .medium,
          title:
            "role/account-a-s3-role (111111111111) writes into account-b-bucket; the writer will own the objects",
          principal: role, target: TargetRef(bucket: bucket, prefix: "foo/"), level: .write,
          fix: "Account 222222222222: set ObjectOwnership to BucketOwnerEnforced on account-b-bucket.")
      ])
  }()
}
