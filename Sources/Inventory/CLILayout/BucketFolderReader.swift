import PolicyLanguage

/// Reads one `s3/buckets/BUCKET/` folder of the aws CLI layout into a `Bucket`.
struct BucketFolderReader {
  let accountId: String
  let log: LoadLog

  /// The bucket in `folder` (nil: listed by list-buckets but without a folder).
  func read(name: String, folder: Folder?, region: String?) -> Bucket {
    var bucket = Bucket(name: name, account: accountId, region: region)
    guard let folder else {
      bucket.unrecordedSettings = Set(BucketSetting.allCases)
      return bucket
    }
    var files: [String: String] = [:]
    for item in folder.items(log: log) {
      if case .file(let fileName, let path) = item, Self.knownFiles.contains(fileName) {
        files[fileName] = path
      } else {
        Folder.reportUnknown(item, log: log)
      }
    }
    readPolicy(files, into: &bucket)
    readOwnership(files, into: &bucket)
    readPublicAccessBlock(files, into: &bucket)
    readACL(files, into: &bucket)
    readEncryption(files, into: &bucket)
    readPolicyStatus(files, into: &bucket)
    return bucket
  }

  static let commands = [
    "get-bucket-policy", "get-bucket-ownership-controls", "get-public-access-block", "get-bucket-acl",
    "get-bucket-encryption", "get-bucket-policy-status",
  ]
  static let knownFiles = Set(commands.flatMap(CommandOutput.fileNames))

  private func readPolicy(_ files: [String: String], into bucket: inout Bucket) {
    switch CommandOutput.read("get-bucket-policy", in: files, absentCodes: ["NoSuchBucketPolicy"], log: log) {
    case .json(let file):
      let top = file.top
      let field = top.member("Statement") != nil ? top : top.member("Policy")
      guard let field, !field.isNull else {
        top.error("expected {\"Policy\": \"<policy text>\"} as get-bucket-policy prints it", log: log)
        bucket.unrecordedSettings.insert(.policy)
        return
      }
      let earlier = log.diagnostics.count
      bucket.policy = field.policy(named: "bucket policy of \(bucket.name)", kind: .resource, log: log)
      let dropped = log.diagnostics.dropFirst(earlier).contains { $0.severity == .error }
      if bucket.policy == nil || dropped { bucket.unrecordedSettings.insert(.policy) }
    case .error(let path, let text, let absent):
      if !absent {
        CommandOutput.reportUnknown(path, what: "the bucket policy of \(bucket.name)", error: text, log: log)
        bucket.unrecordedSettings.insert(.policy)
      }
    case .unreadable: bucket.unrecordedSettings.insert(.policy)
    case .missing: break
    }
  }

  private func readOwnership(_ files: [String: String], into bucket: inout Bucket) {
    let output = CommandOutput.read(
      "get-bucket-ownership-controls", in: files, absentCodes: ["OwnershipControlsNotFoundError"], log: log)
    switch output {
    case .json(let file):
      let rules = file.top.object("OwnershipControls", required: true, log: log)?.array("Rules", log: log)
      bucket.objectOwnership = rules?.first?.string("ObjectOwnership", required: true, log: log)
      if bucket.objectOwnership == nil { bucket.unrecordedSettings.insert(.objectOwnership) }
    case .error(let path, let text, let absent):
      if absent {
        bucket.objectOwnership = "ObjectWriter"
      } else {
        CommandOutput.reportUnknown(
          path, what: "the object ownership of \(bucket.name)", error: text, log: log)
        bucket.unrecordedSettings.insert(.objectOwnership)
      }
    case .unreadable, .missing: bucket.unrecordedSettings.insert(.objectOwnership)
    }
  }

  private func readPublicAccessBlock(_ files: [String: String], into bucket: inout Bucket) {
    let output = CommandOutput.read(
      "get-public-access-block", in: files, absentCodes: ["NoSuchPublicAccessBlockConfiguration"], log: log)
    if let block = PublicAccessBlockReader.read(
      output, what: "the Block Public Access of \(bucket.name)", log: log)
    {
      bucket.publicAccessBlock = block
    } else {
      bucket.unrecordedSettings.insert(.publicAccessBlock)
    }
  }

  private func readACL(_ files: [String: String], into bucket: inout Bucket) {
    switch CommandOutput.read("get-bucket-acl", in: files, absentCodes: [], log: log) {
    case .json(let file):
      bucket.aclOwnerId = file.top.object("Owner", log: log)?.string("ID", log: log)
      bucket.aclGrants = file.top.array("Grants", log: log).compactMap(grant)
    case .error(let path, let text, _):
      CommandOutput.reportUnknown(path, what: "the ACL of \(bucket.name)", error: text, log: log)
      bucket.unrecordedSettings.insert(.acl)
    case .unreadable, .missing: bucket.unrecordedSettings.insert(.acl)
    }
  }

  private func grant(_ entry: JSONField) -> ACLGrant? {
    guard let grantee = entry.object("Grantee", required: true, log: log),
      let permission = entry.string("Permission", required: true, log: log),
      let type = grantee.string("Type", required: true, log: log)
    else { return nil }
    let key = type == "Group" ? "URI" : type == "AmazonCustomerByEmail" ? "EmailAddress" : "ID"
    guard let who = grantee.string(key, required: true, log: log) else { return nil }
    return ACLGrant(granteeType: type, grantee: who, permission: permission)
  }

  private func readEncryption(_ files: [String: String], into bucket: inout Bucket) {
    let output = CommandOutput.read(
      "get-bucket-encryption", in: files, absentCodes: ["ServerSideEncryptionConfigurationNotFoundError"],
      log: log)
    switch output {
    case .json(let file):
      let configuration = file.top.object("ServerSideEncryptionConfiguration", required: true, log: log)
      let rule = configuration?.array("Rules", required: true, log: log).first
      guard let settings = rule?.object("ApplyServerSideEncryptionByDefault", required: true, log: log),
        let algorithm = settings.string("SSEAlgorithm", required: true, log: log)
      else {
        bucket.unrecordedSettings.insert(.encryption)
        return
      }
      bucket.encryption = BucketEncryption(
        algorithm: algorithm, kmsKeyId: settings.string("KMSMasterKeyID", log: log))
    case .error(let path, let text, let absent):
      if !absent {
        CommandOutput.reportUnknown(
          path, what: "the default encryption of \(bucket.name)", error: text, log: log)
        bucket.unrecordedSettings.insert(.encryption)
      }
    case .unreadable, .missing: bucket.unrecordedSettings.insert(.encryption)
    }
  }

  private func readPolicyStatus(_ files: [String: String], into bucket: inout Bucket) {
    let output = CommandOutput.read(
      "get-bucket-policy-status", in: files, absentCodes: ["NoSuchBucketPolicy"], log: log)
    switch output {
    case .json(let file):
      bucket.policyIsPublic = file.top.object("PolicyStatus", required: true, log: log)?.bool(
        "IsPublic", log: log)
      if bucket.policyIsPublic == nil { bucket.unrecordedSettings.insert(.policyStatus) }
    case .error(let path, let text, let absent):
      if absent {
        bucket.policyIsPublic = false
      } else {
        CommandOutput.reportUnknown(path, what: "the policy status of \(bucket.name)", error: text, log: log)
        bucket.unrecordedSettings.insert(.policyStatus)
      }
    case .unreadable, .missing: bucket.unrecordedSettings.insert(.policyStatus)
    }
  }
}

/// Reads `get-public-access-block` output, bucket- or account-level.
enum PublicAccessBlockReader {
  /// The four switches; "not configured" means all off; nil when unknown.
  static func read(_ output: CommandOutput, what: String, log: LoadLog) -> PublicAccessBlock? {
    switch output {
    case .json(let file):
      guard let configuration = file.top.object("PublicAccessBlockConfiguration", required: true, log: log)
      else { return nil }
      return PublicAccessBlock(
        blockPublicAcls: configuration.bool("BlockPublicAcls", log: log) ?? false,
        ignorePublicAcls: configuration.bool("IgnorePublicAcls", log: log) ?? false,
        blockPublicPolicy: configuration.bool("BlockPublicPolicy", log: log) ?? false,
        restrictPublicBuckets: configuration.bool("RestrictPublicBuckets", log: log) ?? false)
    case .error(let path, let text, let absent):
      if absent { return PublicAccessBlock.allOff }
      CommandOutput.reportUnknown(path, what: what, error: text, log: log)
      return nil
    case .unreadable, .missing: return nil
    }
  }
}
