/// The fields of an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`); the resource keeps later `:`.
struct ARNParts: Sendable, Hashable {
  var partition: String
  var service: String
  var region: String
  var account: String
  var resource: String

  /// Splits `text`; nil when it is not an ARN.
  init?(_ text: String) {
    let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard fields.count == 6, fields[0] == "arn" else { return nil }
    partition = String(fields[1])
    service = String(fields[2])
    region = String(fields[3])
    account = String(fields[4])
    resource = String(fields[5])
  }

  /// For S3 ARNs: the bucket name (the resource up to the first `/`).
  var bucketName: String {
    resource.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
      ?? ""
  }

  /// For S3 ARNs: the object key (after the first `/`), nil for a bucket ARN.
  var objectKey: String? {
    guard let slash = resource.firstIndex(of: "/") else { return nil }
    return String(resource[resource.index(after: slash)...])
  }

  /// `user/PATH/NAME` → `NAME`.
  var lastName: String {
    resource.split(separator: "/").last.map(String.init) ?? resource
  }
}

extension String {
  /// Whether the text holds an IAM wildcard (`*` or `?`).
  var hasWildcard: Bool { contains("*") || contains("?") }
}
