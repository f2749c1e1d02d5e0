import PolicyLanguage

/// An S3 bucket and the settings that decide who may use it.
public struct Bucket: Sendable, Hashable {
  public var name: String
  /// The owning account: the account folder the bucket was found in.
  public var account: String
  public var policy: PolicyDocument?
  /// `BucketOwnerEnforced`, `BucketOwnerPreferred` or `ObjectWriter`; nil when not recorded (AWS's
  /// default for buckets created since April 2023 is `BucketOwnerEnforced`).
  public var objectOwnership: String?
  public var publicAccessBlock: PublicAccessBlock?
  public var aclGrants: [ACLGrant]
  public var encryption: BucketEncryption?

  public init(
    name: String, account: String, policy: PolicyDocument? = nil, objectOwnership: String? = nil,
    publicAccessBlock: PublicAccessBlock? = nil, aclGrants: [ACLGrant] = [],
    encryption: BucketEncryption? = nil
  ) {
    self.name = name
    self.account = account
    self.policy = policy
    self.objectOwnership = objectOwnership
    self.publicAccessBlock = publicAccessBlock
    self.aclGrants = aclGrants
    self.encryption = encryption
  }

  /// `arn:aws:s3:::NAME`.
  public var arn: String { "arn:aws:s3:::\(name)" }
}

/// The four S3 Block Public Access switches (bucket or account level).
public struct PublicAccessBlock: Sendable, Hashable {
  public var blockPublicAcls: Bool
  public var ignorePublicAcls: Bool
  public var blockPublicPolicy: Bool
  public var restrictPublicBuckets: Bool

  public init(
    blockPublicAcls: Bool, ignorePublicAcls: Bool, blockPublicPolicy: Bool, restrictPublicBuckets: Bool
  ) {
    self.blockPublicAcls = blockPublicAcls
    self.ignorePublicAcls = ignorePublicAcls
    self.blockPublicPolicy = blockPublicPolicy
    self.restrictPublicBuckets = restrictPublicBuckets
  }
}

/// One grant of a bucket ACL.
public struct ACLGrant: Sendable, Hashable {
  /// `CanonicalUser`, `Group` (AllUsers, AuthenticatedUsers, LogDelivery) or `AmazonCustomerByEmail`.
  public var granteeType: String
  /// The canonical id, group URI or e-mail address.
  public var grantee: String
  /// `READ`, `WRITE`, `READ_ACP`, `WRITE_ACP` or `FULL_CONTROL`.
  public var permission: String

  public init(granteeType: String, grantee: String, permission: String) {
    self.granteeType = granteeType
    self.grantee = grantee
    self.permission = permission
  }
}

/// A bucket's default encryption.
public struct BucketEncryption: Sendable, Hashable {
  /// `AES256`, `aws:kms` or `aws:kms:dsse`.
  public var algorithm: String
  /// The KMS key id or ARN for SSE-KMS.
  public var kmsKeyId: String?

  public init(algorithm: String, kmsKeyId: String?) {
    self.algorithm = algorithm
    self.kmsKeyId = kmsKeyId
  }
}

/// A KMS key and its key policy.
public struct KMSKey: Sendable, Hashable {
  public var id: String
  public var arn: String
  public var account: String
  public var policy: PolicyDocument?
  public var description: String?
  /// `AWS` or `CUSTOMER`, when describe-key said.
  public var manager: String?

  public init(
    id: String, arn: String, account: String, policy: PolicyDocument? = nil, description: String? = nil,
    manager: String? = nil
  ) {
    self.id = id
    self.arn = arn
    self.account = account
    self.policy = policy
    self.description = description
    self.manager = manager
  }
}
