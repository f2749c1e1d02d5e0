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
    let utf8 = text.utf8
    guard utf8.starts(with: "arn:".utf8) else { return nil }
    var fields: [String] = []
    fields.reserveCapacity(5)
    var start = utf8.index(utf8.startIndex, offsetBy: 4)
    while fields.count < 4 {
      guard let colon = utf8[start...].firstIndex(of: UInt8(ascii: ":")) else { return nil }
      fields.append(String(Substring(utf8[start..<colon])))
      start = utf8.index(after: colon)
    }
    self.init(
      partition: fields[0], service: fields[1], region: fields[2], account: fields[3],
      resource: String(Substring(utf8[start...])))
  }

  public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

  /// The resource type when the resource part has one (`role` in `role/app/Reader`, `key` in `key/…`).
  public var resourceType: String? {
    guard let end = resource.firstIndex(where: { $0 == "/" || $0 == ":" }) else { return nil }
    return String(resource[..<end])
  }
}
