/// A bucket, or a prefix inside a bucket: the columns of the matrix and the targets of paths.
public struct TargetRef: Sendable, Hashable, Comparable {
  /// The bucket name.
  public var bucket: String
  /// The key prefix, such as `foo/`; empty for the whole bucket.
  public var prefix: String

  public init(bucket: String, prefix: String = "") {
    self.bucket = bucket
    self.prefix = prefix
  }

  /// `s3://bucket/prefix`.
  public var uri: String { "s3://\(bucket)/\(prefix)" }

  /// Whether this target is the whole bucket rather than a prefix.
  public var isBucket: Bool { prefix.isEmpty }

  public static func < (lhs: TargetRef, rhs: TargetRef) -> Bool {
    (lhs.bucket, lhs.prefix) < (rhs.bucket, rhs.prefix)
  }
}
