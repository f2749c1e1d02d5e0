/// An Amazon Resource Name split into its fields:
/// `arn:partition:service:region:account:resource` (the resource part keeps any further `:`).
public struct ARN: Sendable, Hashable, CustomStringConvertible {
  public var partition: String
  public var service: String
  public var region: String
  public var account: String
  /// Everything after the fifth colon (`role/path/Name`, `bucket/key:with:colons`).
  public var resource: String

  public init(partition: String, service: String, region: String, account: String, resource: String) {
    self.partition = partition
    self.service = service
    self.region = region
    self.account = account
    self.resource = resource
  }

  /// Parses `text`; nil unless it starts with `arn:` and has all six fields.
  public init?(_ text: String) {
    let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    guard fields.count == 6, fields[0] == "arn" else { return nil }
    self.init(
      partition: String(fields[1]), service: String(fields[2]), region: String(fields[3]),
      account: String(fields[4]), resource: String(fields[5]))
  }

  public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

  /// The resource type when the resource part has one (`role` in `role/app/Reader`, `key` in `key/…`).
  public var resourceType: String? {
    guard let end = resource.firstIndex(where: { $0 == "/" || $0 == ":" }) else { return nil }
    return String(resource[..<end])
  }
}
