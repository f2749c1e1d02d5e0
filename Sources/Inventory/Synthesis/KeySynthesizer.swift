/// KMS keys of one account: customer keys for encrypted buckets and the AWS-managed `aws/s3` key.
struct KeySynthesizer {
  /// One key and who its policy lets use it.
  struct Key {
    let id: String
    let label: String
    let managedByAWS: Bool
    var users: [String]

    func arn(_ accountId: String) -> String { "arn:aws:kms:us-east-1:\(accountId):key/\(id)" }
  }

  let account: OrganizationBlueprint.Account
  private var random: SplitMix64

  init(blueprint: OrganizationBlueprint, account: OrganizationBlueprint.Account) {
    self.account = account
    random = blueprint.random(UInt64(account.index), 0xC3)
  }

  mutating func customerKey(_ label: String, users: [String]) -> Key {
    Key(id: SynthIdentifiers.keyId(&random), label: label, managedByAWS: false, users: users)
  }

  mutating func awsS3Key() -> Key {
    Key(id: SynthIdentifiers.keyId(&random), label: "aws/s3", managedByAWS: true, users: [])
  }

  /// `kms/keys/KEY_ID/get-key-policy.json` and `describe-key.json`.
  mutating func files(_ key: Key) -> [SynthesizedFile] {
    let own = account.id
    let folder = "\(own)/kms/keys/\(key.id)"
    let keyActions = [
      "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey",
    ]
    var policy: SynthJSON
    if key.managedByAWS {
      policy = [
        "Version": "2012-10-17", "Id": "auto-s3-2",
        "Statement": [
          SynthPolicy.statement(
            sid: "Allow access through S3 for all principals in the account that are authorized to use S3",
            principal: ["AWS": "*"], actions: keyActions, resources: ["*"],
            condition: [
              "StringEquals": [
                "kms:CallerAccount": .string(own), "kms:ViaService": "s3.us-east-1.amazonaws.com",
              ]
            ]),
          SynthPolicy.statement(
            sid: "Allow direct access to key metadata to the account",
            principal: SynthPolicy.aws([SynthPolicy.root(own)]),
            actions: ["kms:Describe*", "kms:Get*", "kms:List*"], resources: ["*"]),
        ],
      ]
    } else {
      var statements = [
        SynthPolicy.statement(
          sid: "Enable IAM User Permissions", principal: SynthPolicy.aws([SynthPolicy.root(own)]),
          actions: ["kms:*"],
          resources: ["*"])
      ]
      if !key.users.isEmpty {
        statements.append(
          SynthPolicy.statement(
            sid: "Allow use of the key", principal: SynthPolicy.aws(key.users), actions: keyActions,
            resources: ["*"]))
      }
      policy = ["Version": "2012-10-17", "Id": "key-consolepolicy-3", "Statement": .array(statements)]
    }
    let metadata: SynthJSON = [
      "KeyMetadata": [
        "AWSAccountId": .string(own), "KeyId": .string(key.id), "Arn": .string(key.arn(own)),
        "CreationDate": .string(SynthIdentifiers.timestamp(&random)), "Enabled": true,
        "Description": .string(
          key.managedByAWS
            ? "Default key that protects my S3 objects when no other key is defined"
            : "\(key.label) bucket key"),
        "KeyUsage": "ENCRYPT_DECRYPT", "KeyState": "Enabled", "Origin": "AWS_KMS",
        "KeyManager": .string(key.managedByAWS ? "AWS" : "CUSTOMER"),
        "CustomerMasterKeySpec": "SYMMETRIC_DEFAULT",
        "KeySpec": "SYMMETRIC_DEFAULT", "EncryptionAlgorithms": ["SYMMETRIC_DEFAULT"], "MultiRegion": false,
      ]
    ]
    return [
      SynthesizedFile(
        "\(folder)/get-key-policy.json", ["Policy": .string(policy.compactText), "PolicyName": "default"]),
      SynthesizedFile("\(folder)/describe-key.json", metadata),
    ]
  }
}
