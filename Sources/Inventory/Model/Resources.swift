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
  /// The canonical user id that owns the bucket (`Owner.ID` of `get-bucket-acl`).
  public var aclOwnerId: String?
  /// The bucket's region, when the snapshot says.
  public var region: String?
  /// `get-bucket-policy-status`: whether AWS considers the bucket policy public.
  public var policyIsPublic: Bool?
  public var tags: [String: String]
  /// Settings the snapshot does not record (file missing, the collector was denied, or the file
  /// was broken): their value is *unknown*, and a reader must not assume AWS's default for them.
  /// A bucket policy missing from the aws CLI layout means "no policy" and is not listed here.
  /// A bucket policy with a statement that could not be read (dropped) is listed: it is partly unknown.
  public var unrecordedSettings: Set<BucketSetting>

  public init(
    name: String, account: String, policy: PolicyDocument? = nil, objectOwnership: String? = nil,
    publicAccessBlock: PublicAccessBlock? = nil, aclGrants: [ACLGrant] = [],
    encryption: BucketEncryption? = nil, aclOwnerId: String? = nil, region: String? = nil,
    policyIsPublic: Bool? = nil, tags: [String: String] = [:], unrecordedSettings: Set<BucketSetting> = []
  ) {
    self.name = name
    self.account = account
    self.policy = policy
    self.objectOwnership = objectOwnership
    self.publicAccessBlock = publicAccessBlock
    self.aclGrants = aclGrants
    self.encryption = encryption
    self.aclOwnerId = aclOwnerId
    self.region = region
    self.policyIsPublic = policyIsPublic
    self.tags = tags
    self.unrecordedSettings = unrecordedSettings
  }

  /// `arn:aws:s3:::NAME`.
  public var arn: String { "arn:aws:s3:::\(name)" }
}

/// One kind of bucket setting, for `Bucket.unrecordedSettings`.
public enum BucketSetting: String, Sendable, Hashable, Codable, CaseIterable {
  case policy
  case objectOwnership
  case publicAccessBlock
  case acl
  case encryption
  case policyStatus
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

  /// No switch on: what AWS applies when no configuration exists.
  public static let allOff = PublicAccessBlock(
    blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false, restrictPublicBuckets: false)
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

  /// Whether objects are encrypted with a KMS key (`aws:kms` or `aws:kms:dsse`).
  public var usesKMS: Bool { algorithm.hasPrefix("aws:kms") }
}

/// A KMS key and its key policy.
public struct KMSKey: Sendable, Hashable {
  public var id: String
  /// The key ARN. Without `describe-key` the region is unknown and the ARN has an empty region
  /// (`arn:aws:kms::111111111111:key/ID`); compare keys with `matches(_:)`.
  public var arn: String
  public var account: String
  /// The key policy; nil when it was not recorded or could not be read (unknown, never "none":
  /// every KMS key has a key policy).
  public var policy: PolicyDocument?
  public var description: String?
  /// `AWS` or `CUSTOMER`, when describe-key said.
  public var manager: String?
  /// The region, when known.
  public var region: String?
  /// `Enabled`, `Disabled`, `PendingDeletion`…, when describe-key said.
  public var state: String?

  public init(
    id: String, arn: String, account: String, policy: PolicyDocument? = nil, description: String? = nil,
    manager: String? = nil, region: String? = nil, state: String? = nil
  ) {
    self.id = id
    self.arn = arn
    self.account = account
    self.policy = policy
    self.description = description
    self.manager = manager
    self.region = region
    self.state = state
  }

  /// Whether `reference` (a key id or a key ARN) names this key. An ARN matches on account and key
  /// id, and on region when both sides know it.
  public func matches(_ reference: String) -> Bool {
    guard reference.hasPrefix("arn:") else { return reference == id }
    let parts = reference.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard parts.count == 6, parts[2] == "kms", parts[5] == "key/\(id)", parts[4] == account else {
      return false
    }
    return region == nil || parts[3].isEmpty || parts[3] == region!
  }
}
