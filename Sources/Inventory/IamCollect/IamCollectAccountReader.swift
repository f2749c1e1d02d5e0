import PolicyLanguage

/// Reads one `accounts/<id>/` folder of an iam-collect store: IAM, S3 buckets, KMS keys and the
/// account-level Block Public Access. Services trustwalk does not use are skipped.
///
/// iam-collect records no bucket ACL, object ownership or policy status: those are unrecorded.
struct IamCollectAccountReader {
  let folder: Folder
  private let log = LoadLog()

  init(folder: Folder) {
    self.folder = folder
  }

  func read() -> AccountLoadResult {
    var account = Account(id: folder.name)
    var iamReader = IamCollectIAMReader(accountId: account.id, log: log)
    for item in folder.items(log: log) {
      switch item {
      case .folder(let service) where service.name == "iam": iamReader.read(service)
      case .folder(let service) where service.name == "s3":
        account.buckets = readBuckets(service, account: account.id)
      case .folder(let service) where service.name == "kms":
        account.keys = readKeys(service, account: account.id)
      case .folder: break
      case .file(let name, let path):
        switch name {
        case "s3-bpa.json":
          if let file = JSONFile.read(path, shownAs: path, log: log) {
            account.publicAccessBlock = Self.publicAccessBlock(file.top, log: log)
          }
        case "organization.json":
          account.organizationId = JSONFile.read(path, shownAs: path, log: log)?.top.string(
            "organizationId", log: log)
        default:
          if !(name.hasPrefix("ecr-registry-policy.") && name.hasSuffix(".json")) { log.unknown(path) }
        }
      }
    }
    iamReader.contents.store(into: &account)
    let unresolved = iamReader.contents.references.unresolved(held: Set(account.managedPolicies.map(\.arn)))
    log.add(contentsOf: unresolved.warnings)
    return AccountLoadResult(
      account: account, diagnostics: log.diagnostics, unknownFiles: log.unknownFiles,
      awsManagedReferences: unresolved.awsManaged)
  }

  /// `{BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets}`; a missing key is off.
  static func publicAccessBlock(_ field: JSONField, log: LoadLog) -> PublicAccessBlock? {
    guard field.node.members != nil else {
      field.error(
        "expected the four Block Public Access switches, found \(field.node.value.kindDescription)", log: log)
      return nil
    }
    return PublicAccessBlock(
      blockPublicAcls: field.bool("BlockPublicAcls", log: log) ?? false,
      ignorePublicAcls: field.bool("IgnorePublicAcls", log: log) ?? false,
      blockPublicPolicy: field.bool("BlockPublicPolicy", log: log) ?? false,
      restrictPublicBuckets: field.bool("RestrictPublicBuckets", log: log) ?? false)
  }

  /// Children of `s3/` with a `metadata.json` naming a bucket ARN; region and access-point folders
  /// are skipped.
  private func readBuckets(_ s3: Folder, account: String) -> [Bucket] {
    var buckets: [Bucket] = []
    for item in s3.items(log: log) {
      guard case .folder(let child) = item else {
        Folder.reportUnknown(item, log: log)
        continue
      }
      var files: [String: String] = [:]
      var others: [Folder.Item] = []
      for entry in child.items(log: log) {
        if case .file(let name, let path) = entry { files[name] = path } else { others.append(entry) }
      }
      guard let metadataPath = files["metadata.json"],
        let metadata = JSONFile.read(metadataPath, shownAs: metadataPath, log: log),
        let arn = metadata.top.string("arn", required: true, log: log),
        let name = Self.bucketName(arn)
      else { continue }
      for other in others { Folder.reportUnknown(other, log: log) }
      buckets.append(readBucket(name: name, account: account, metadata: metadata, files: files))
    }
    return buckets
  }

  /// The bucket name of `arn:PARTITION:s3:::NAME`, nil for other S3 ARNs.
  private static func bucketName(_ arn: String) -> String? {
    let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard parts.count == 6, parts[2] == "s3", parts[3].isEmpty, parts[4].isEmpty, !parts[5].contains("/")
    else {
      return nil
    }
    return String(parts[5])
  }

  private func readBucket(name: String, account: String, metadata: JSONFile, files: [String: String])
    -> Bucket
  {
    var bucket = Bucket(
      name: name, account: account, region: metadata.top.string("region", log: log),
      unrecordedSettings: [.acl, .objectOwnership, .policyStatus])
    for (fileName, path) in files.sorted(by: { $0.key < $1.key }) where fileName != "metadata.json" {
      guard ["policy.json", "bpa.json", "encryption.json", "tags.json"].contains(fileName) else {
        log.unknown(path)
        continue
      }
      guard let file = JSONFile.read(path, shownAs: path, log: log) else {
        if fileName == "policy.json" { bucket.unrecordedSettings.insert(.policy) }
        continue
      }
      switch fileName {
      case "policy.json":
        bucket.policy = file.top.policy(named: "bucket policy of \(name)", kind: .resource, log: log)
        if bucket.policy == nil { bucket.unrecordedSettings.insert(.policy) }
      case "bpa.json": bucket.publicAccessBlock = Self.publicAccessBlock(file.top, log: log)
      case "encryption.json": bucket.encryption = encryption(file.top)
      default: bucket.tags = IamCollectIAMReader.tags(file.top, log: log)
      }
    }
    if files["bpa.json"] == nil || bucket.publicAccessBlock == nil {
      bucket.unrecordedSettings.insert(.publicAccessBlock)
    }
    if files["encryption.json"] == nil || bucket.encryption == nil {
      bucket.unrecordedSettings.insert(.encryption)
    }
    return bucket
  }

  /// The `Rules` array of get-bucket-encryption.
  private func encryption(_ rules: JSONField) -> BucketEncryption? {
    guard
      let settings = rules.elements(log: log).first?.object(
        "ApplyServerSideEncryptionByDefault", required: true, log: log),
      let algorithm = settings.string("SSEAlgorithm", required: true, log: log)
    else { return nil }
    return BucketEncryption(algorithm: algorithm, kmsKeyId: settings.string("KMSMasterKeyID", log: log))
  }

  /// `kms/<region>/key/<key-id>/`.
  private func readKeys(_ kms: Folder, account: String) -> [KMSKey] {
    var keys: [KMSKey] = []
    for case .folder(let region) in kms.items(log: log) {
      for case .folder(let type) in region.items(log: log) where type.name == "key" {
        for case .folder(let keyFolder) in type.items(log: log) {
          if let key = readKey(keyFolder, region: region.name, account: account) { keys.append(key) }
        }
      }
    }
    return keys
  }

  private func readKey(_ keyFolder: Folder, region: String, account: String) -> KMSKey? {
    var files: [String: String] = [:]
    for item in keyFolder.items(log: log) {
      if case .file(let name, let path) = item, ["metadata.json", "policy.json", "tags.json"].contains(name) {
        files[name] = path
      } else {
        Folder.reportUnknown(item, log: log)
      }
    }
    guard let metadataPath = files["metadata.json"] else {
      log.warning(keyFolder.path + "/", "no metadata.json: not read as a KMS key")
      return nil
    }
    guard let metadata = JSONFile.read(metadataPath, shownAs: metadataPath, log: log),
      let arn = metadata.top.string("arn", required: true, log: log)
    else { return nil }
    let id = metadata.top.string("id", log: log) ?? String(arn.split(separator: "/").last ?? "")
    var key = KMSKey(id: id, arn: arn, account: account, region: region)
    if let path = files["policy.json"], let file = JSONFile.read(path, shownAs: path, log: log) {
      key.policy = file.top.policy(named: "key policy of \(id)", kind: .keyPolicy, log: log)
    }
    return key
  }
}
