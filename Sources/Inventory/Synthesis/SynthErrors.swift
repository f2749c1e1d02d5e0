/// The error text the aws CLI prints on stderr when a configuration is absent, which the
/// snapshot layout keeps as `COMMAND.error.txt`.
enum SynthErrors {
  static func text(code: String, operation: String, message: String) -> String {
    "\nAn error occurred (\(code)) when calling the \(operation) operation: \(message)\n"
  }

  static let noBucketPolicy = text(
    code: "NoSuchBucketPolicy", operation: "GetBucketPolicy", message: "The bucket policy does not exist")
  static let noBucketPolicyStatus = text(
    code: "NoSuchBucketPolicy", operation: "GetBucketPolicyStatus",
    message: "The bucket policy does not exist")
  static let noOwnershipControls = text(
    code: "OwnershipControlsNotFoundError", operation: "GetBucketOwnershipControls",
    message: "The bucket ownership controls were not found")
  static let noPublicAccessBlock = text(
    code: "NoSuchPublicAccessBlockConfiguration", operation: "GetPublicAccessBlock",
    message: "The public access block configuration was not found")
}
