/// One S3 bucket and the prefixes worth showing under it (those the policies mention).
public struct BucketSummary: Sendable, Hashable {
  public var name: String
  /// The owning account.
  public var accountID: String
  /// Prefixes such as `foo/`, in display order.
  public var prefixes: [String]
  /// Free-form lines for the detail strip (ownership, encryption, public access block).
  public var details: [String]

  public init(name: String, accountID: String, prefixes: [String] = [], details: [String] = []) {
    self.name = name
    self.accountID = accountID
    self.prefixes = prefixes
    self.details = details
  }

  /// The bucket itself followed by its prefixes.
  public var targets: [TargetRef] {
    [TargetRef(bucket: name)] + prefixes.map { TargetRef(bucket: name, prefix: $0) }
  }
}
