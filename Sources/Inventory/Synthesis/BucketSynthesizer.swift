/// Writes one account's S3 files (`s3/list-buckets.json`, every bucket's folder, account-level
/// Block Public Access) and the KMS keys its buckets use.
struct BucketSynthesizer {
  /// How one bucket is configured.
  struct Settings {
    var statements: [SynthJSON] = []
    var ownership: String? = "BucketOwnerEnforced"
    var blocksPublicAccess = true
    var publicRead = false
    /// `AES256`, or a key to encrypt with SSE-KMS.
    var key: KeySynthesizer.Key?
  }

  let blueprint: OrganizationBlueprint
  let account: OrganizationBlueprint.Account
  let traits: AccountTraits
  var random: SplitMix64
  var keys: KeySynthesizer
  private let canonicalOwner: String

  init(blueprint: OrganizationBlueprint, account: OrganizationBlueprint.Account, traits: AccountTraits) {
    self.blueprint = blueprint
    self.account = account
    self.traits = traits
    random = blueprint.random(UInt64(account.index), 0xB0C)
    keys = KeySynthesizer(blueprint: blueprint, account: account)
    canonicalOwner = SynthIdentifiers.hex(64, &random)
  }

  mutating func files() -> [SynthesizedFile] {
    let own = account.id
    var files: [SynthesizedFile] = []
    var listed: [(name: String, created: String)] = []
    var usedKeys: [KeySynthesizer.Key] = []
    for index in 0..<blueprint.options.bucketsPerAccount {
      let name = SynthCatalog.bucketName(index, company: blueprint.company, accountId: own)
      let settings = self.settings(index: index, bucket: name)
      if let key = settings.key { usedKeys.append(key) }
      listed.append((name, SynthIdentifiers.timestamp(&random)))
      files += bucketFiles(name, settings)
    }
    listed.sort { $0.name < $1.name }
    files.append(
      SynthesizedFile(
        "\(own)/s3/list-buckets.json",
        [
          "Buckets": .array(listed.map { ["Name": .string($0.name), "CreationDate": .string($0.created)] }),
          "Owner": ["ID": .string(canonicalOwner)],
        ]))
    let accountBlocks = account.environment != .sandbox && random.chance(70)
    files.append(
      accountBlocks
        ? SynthesizedFile("\(own)/s3control/get-public-access-block.json", Self.publicAccessBlock)
        : SynthesizedFile(
          "\(own)/s3control/get-public-access-block.error.txt", text: SynthErrors.noPublicAccessBlock))
    for key in usedKeys { files += keys.files(key) }
    return files
  }

  static let publicAccessBlock: SynthJSON = [
    "PublicAccessBlockConfiguration": [
      "BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true,
      "RestrictPublicBuckets": true,
    ]
  ]

  private func bucketFiles(_ bucket: String, _ settings: Settings) -> [SynthesizedFile] {
    let folder = "\(account.id)/s3/buckets/\(bucket)"
    var files: [SynthesizedFile] = []
    if settings.statements.isEmpty {
      files.append(
        SynthesizedFile("\(folder)/get-bucket-policy.error.txt", text: SynthErrors.noBucketPolicy))
      files.append(
        SynthesizedFile(
          "\(folder)/get-bucket-policy-status.error.txt", text: SynthErrors.noBucketPolicyStatus))
    } else {
      let policy = SynthPolicy.document(settings.statements).compactText
      files.append(SynthesizedFile("\(folder)/get-bucket-policy.json", ["Policy": .string(policy)]))
      files.append(
        SynthesizedFile(
          "\(folder)/get-bucket-policy-status.json",
          ["PolicyStatus": ["IsPublic": .bool(settings.publicRead)]]))
    }
    if let ownership = settings.ownership {
      files.append(
        SynthesizedFile(
          "\(folder)/get-bucket-ownership-controls.json",
          ["OwnershipControls": ["Rules": [["ObjectOwnership": .string(ownership)]]]]))
    } else {
      files.append(
        SynthesizedFile(
          "\(folder)/get-bucket-ownership-controls.error.txt", text: SynthErrors.noOwnershipControls))
    }
    files.append(
      settings.blocksPublicAccess
        ? SynthesizedFile("\(folder)/get-public-access-block.json", Self.publicAccessBlock)
        : SynthesizedFile(
          "\(folder)/get-public-access-block.error.txt", text: SynthErrors.noPublicAccessBlock))
    var grants: [SynthJSON] = [
      ["Grantee": ["ID": .string(canonicalOwner), "Type": "CanonicalUser"], "Permission": "FULL_CONTROL"]
    ]
    if settings.publicRead {
      grants.append([
        "Grantee": ["Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"],
        "Permission": "READ",
      ])
    }
    files.append(
      SynthesizedFile(
        "\(folder)/get-bucket-acl.json", ["Owner": ["ID": .string(canonicalOwner)], "Grants": .array(grants)])
    )
    let encryption: SynthJSON =
      if let key = settings.key {
        ["SSEAlgorithm": "aws:kms", "KMSMasterKeyID": .string(key.arn(account.id))]
      } else {
        ["SSEAlgorithm": "AES256"]
      }
    files.append(
      SynthesizedFile(
        "\(folder)/get-bucket-encryption.json",
        [
          "ServerSideEncryptionConfiguration": [
            "Rules": [
              [
                "ApplyServerSideEncryptionByDefault": encryption,
                "BucketKeyEnabled": .bool(settings.key != nil),
              ]
            ]
          ]
        ]))
    return files
  }
}
