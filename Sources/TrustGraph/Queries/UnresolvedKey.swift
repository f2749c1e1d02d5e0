import Authorization
import PolicyLanguage

/// The SSE-KMS check for a key the snapshot does not hold.
enum UnresolvedKey {
  /// The AWS managed `aws/s3` key, named by its alias, only serves principals of its own account
  /// (its key policy cannot be changed and allows the account's principals through S3 alone): any
  /// other account is always denied. Any other key is conditional on a key policy nobody has seen, and
  /// says so as a condition, so that the answer names what must hold.
  static func use(_ keyId: String, action: String, callerAccount: String, bucketAccount: String) -> KMSUse {
    if isAWSManagedS3Alias(keyId) {
      let owner = ARNParts.account(of: keyId) ?? bucketAccount
      return KMSUse(
        action: action, key: keyId, status: callerAccount == owner ? .allowed : .awsManagedKeyCrossAccount)
    }
    let keyPolicy = Condition(
      op: ConditionOperator(raw: "Allows", base: .stringEquals), key: "kms:KeyPolicy",
      values: ["\(action) (key policy of \(keyId) not in the snapshot)"])
    return KMSUse(
      action: action, key: keyId, status: .keyNotInSnapshot, residual: Residual(allowIf: [[keyPolicy]]))
  }

  /// Whether `keyId` is `alias/aws/s3` or an alias ARN ending in it.
  static func isAWSManagedS3Alias(_ keyId: String) -> Bool {
    keyId.lowercased() == "alias/aws/s3"
      || (keyId.hasPrefix("arn:") && keyId.lowercased().hasSuffix(":alias/aws/s3"))
  }
}
