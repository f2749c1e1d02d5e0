/// What a who-can or explain asks about: a bucket, every key under a prefix, one object, or any ARN.
public struct QueryTarget: Sendable, Hashable, CustomStringConvertible {
  /// The shapes a target takes.
  public enum Shape: Sendable, Hashable {
    /// `s3://BUCKET/PREFIX`: every key that starts with `prefix` (`""` = the whole bucket).
    case prefix(bucket: String, prefix: String)
    /// `arn:aws:s3:::BUCKET/KEY`: exactly one key.
    case object(bucket: String, key: String)
    /// Any other resource ARN (a role, a KMS key, …).
    case resource(arn: String)
  }

  /// The target as the user wrote it.
  public var text: String
  public var shape: Shape

  public var description: String { text }

  /// Parses `s3://…` or an ARN; nil for anything else.
  public init?(_ text: String) {
    self.text = text
    if text.hasPrefix("s3://") {
      let rest = text.dropFirst(5)
      let bucket = rest.prefix { $0 != "/" }
      guard !bucket.isEmpty else { return nil }
      let prefix = rest.dropFirst(bucket.count).drop { $0 == "/" }
      shape = .prefix(bucket: String(bucket), prefix: String(prefix))
      return
    }
    guard let parts = ARNParts(text) else { return nil }
    if parts.service == "s3", parts.account.isEmpty, !parts.resource.isEmpty {
      if let key = parts.objectKey {
        shape =
          key.hasSuffix("*")
          ? .prefix(bucket: parts.bucketName, prefix: String(key.dropLast()))
          : .object(bucket: parts.bucketName, key: key)
      } else {
        shape = .prefix(bucket: parts.bucketName, prefix: "")
      }
      return
    }
    shape = .resource(arn: text)
  }

  /// The bucket of an S3 target.
  public var bucket: String? {
    switch shape {
    case .prefix(let bucket, _), .object(let bucket, _): return bucket
    case .resource: return nil
    }
  }

  /// The ARN the target's object requests fall under (`arn:aws:s3:::b/foo/`), or the resource ARN.
  public var arnPrefix: String {
    switch shape {
    case .prefix(let bucket, let prefix): return "arn:aws:s3:::\(bucket)/\(prefix)"
    case .object(let bucket, let key): return "arn:aws:s3:::\(bucket)/\(key)"
    case .resource(let arn): return arn
    }
  }
}
